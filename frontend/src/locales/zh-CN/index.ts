import common from './common'
import org from './org'
import round from './round'

export default { ...common, org, round }
