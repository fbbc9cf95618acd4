import * as TableAPI from '../../wailsjs/go/app/TableAPI'
import { workbook } from '../../wailsjs/go/models'
import { call } from './core'

export type ShownTable = workbook.Table

export const tableApi = {
  /** exportTable asks where to save the list and writes it; '' when cancelled. */
  exportTable: (t: ShownTable) => call(TableAPI.ExportTable(workbook.Table.createFrom(t))),
}
