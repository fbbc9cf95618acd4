import * as ReportAPI from '../../wailsjs/go/app/ReportAPI'
import { call } from './core'

export const reportApi = {
  /** exportReport asks where to save the round's 汇总表 and writes it; '' when the user cancelled. */
  exportReport: (roundId: number) => call(ReportAPI.ExportReport(roundId)),
}
