import common from './common'
import org from './org'

export default { ...common, org }
