import common from './common'
import finding from './finding'
import frontline from './frontline'
import ledger from './ledger'
import org from './org'
import report from './report'
import roster from './roster'
import results from './results'
import round from './round'
import scheme from './scheme'
import scoring from './scoring'
import workbook from './workbook'

export default { ...common, org, round, roster, scheme, results, finding, report, scoring, frontline, workbook, ledger }
