import * as LedgerAPI from '../../wailsjs/go/app/LedgerAPI'
import { finding, ledger } from '../../wailsjs/go/models'
import { call } from './core'
import type { FindingFilter } from './finding'

export type UnitChoice = ledger.UnitChoice
export type UnitExportRequest = ledger.ExportRequest
export type UnitExportResult = ledger.ExportResult
export type ReturnRequest = ledger.ImportRequest
export type ReturnReport = ledger.Report
export type ReturnFile = ledger.FileReport
export type RowChange = ledger.RowChange
export type LedgerBatch = ledger.BatchView
export type LedgerUndoResult = ledger.UndoResult

/** ReturnStatus is a returned file's status in a report, as Go names it (ledger.Status*). */
export type ReturnStatus = 'preview' | 'unchanged' | 'refused' | 'applied'

export const ledgerApi = {
  /** exportLedger asks where to save the ledger of the findings f selects; '' when cancelled. */
  exportLedger: (f: Partial<FindingFilter>) =>
    call(LedgerAPI.ExportLedger(finding.Filter.createFrom({ roundId: 0, unitId: 0, areaId: 0, status: '', overdue: false, query: '', ...f }))),
  unitChoices: (roundId: number) => call(LedgerAPI.UnitChoices(roundId)),
  pickExportFolder: () => call(LedgerAPI.PickExportFolder()),
  exportUnits: (req: Partial<UnitExportRequest>) =>
    call(LedgerAPI.ExportUnits(ledger.ExportRequest.createFrom({ unitIds: [], roundId: 0, dir: '', deadline: '', ...req }))),
  pickReturnedFiles: () => call(LedgerAPI.PickReturnedFiles()),
  preview: (req: Partial<ReturnRequest>) => call(LedgerAPI.PreviewReturns(ledger.ImportRequest.createFrom({ paths: [], token: '', password: '', ...req }))),
  apply: (req: Partial<ReturnRequest>) => call(LedgerAPI.ApplyReturns(ledger.ImportRequest.createFrom({ paths: [], token: '', password: '', ...req }))),
  listBatches: () => call(LedgerAPI.ListBatches()),
  undo: (id: number) => call(LedgerAPI.UndoBatch(id)),
}
