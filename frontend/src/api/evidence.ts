import * as EvidenceAPI from '../../wailsjs/go/app/EvidenceAPI'
import { app, evidence } from '../../wailsjs/go/models'
import { call } from './core'

export type EvidenceItem = evidence.Item
export type EvidenceTarget = evidence.Target
export type EvidenceFilter = evidence.Filter
export type EvidenceAddReport = evidence.AddReport
export type EvidenceExportResult = evidence.ExportResult
export type EvidenceContent = app.EvidenceContent
/** EvidenceKind is what a file is, decided in Go from its bytes. */
export type EvidenceKind = 'image' | 'pdf' | 'word' | 'excel' | 'text'
/** A dropped file, its bytes in base64. */
export type DroppedFile = app.DroppedFile

const target = (t: Partial<EvidenceTarget>) =>
  evidence.Target.createFrom({ findingId: 0, roundId: 0, unitId: 0, indicatorId: 0, matterId: 0, brandId: 0, branchId: 0, category: '', ...t })

export const evidenceApi = {
  list: (f: Partial<EvidenceFilter>) =>
    call(EvidenceAPI.ListEvidence(evidence.Filter.createFrom({ roundId: 0, unitId: 0, findingId: 0, matterId: 0, brandId: 0, branchId: 0, observation: false, ...f }))),
  pickAndAttach: (t: Partial<EvidenceTarget>, note: string) => call(EvidenceAPI.PickAndAttach(target(t), note)),
  attachDropped: (t: Partial<EvidenceTarget>, files: DroppedFile[], note: string) =>
    call(EvidenceAPI.AttachDropped(target(t), files.map((f) => app.DroppedFile.createFrom(f)), note)),
  thumbnails: (ids: number[]) => call(EvidenceAPI.Thumbnails(ids)),
  content: (id: number) => call(EvidenceAPI.EvidenceContent(id)),
  saveAs: (id: number) => call(EvidenceAPI.SaveEvidenceAs(id)),
  openFolder: (path: string) => call(EvidenceAPI.OpenContainingFolder(path)),
  setNote: (id: number, note: string) => call(EvidenceAPI.SetEvidenceNote(id, note)),
  setIndicator: (id: number, indicatorId: number) => call(EvidenceAPI.SetEvidenceIndicator(id, indicatorId)),
  remove: (id: number) => call(EvidenceAPI.RemoveEvidence(id)),
  count: (t: Partial<EvidenceTarget>) => call(EvidenceAPI.CountEvidence(target(t))),
  exportRound: (roundId: number) => call(EvidenceAPI.ExportEvidence(roundId)),
  maxMB: () => call(EvidenceAPI.EvidenceMaxMB()),
  setMaxMB: (mb: number) => call(EvidenceAPI.SetEvidenceMaxMB(mb)),
}
