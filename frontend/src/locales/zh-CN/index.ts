import common from './common'
import org from './org'
import report from './report'
import roster from './roster'
import round from './round'
import scheme from './scheme'

export default { ...common, org, round, roster, scheme, report }
