import common from './common'
import org from './org'
import roster from './roster'
import round from './round'
import scheme from './scheme'

export default { ...common, org, round, roster, scheme }
