import * as FindingAPI from '../../wailsjs/go/app/FindingAPI'
import { finding } from '../../wailsjs/go/models'
import { call } from './core'

export type Finding = finding.Finding
export type FindingView = finding.View
export type FindingFilter = finding.Filter
export type FindingMove = finding.Move
export type FindingOptions = finding.Options
/** FindingStatus is the rectification status, stored as the Chinese word itself. */
export type FindingStatus = '待整改' | '整改中' | '已整改' | '已销号'
export const findingStatuses: FindingStatus[] = ['待整改', '整改中', '已整改', '已销号']

export const findingApi = {
  list: (f: Partial<FindingFilter>) =>
    call(FindingAPI.ListFindings(finding.Filter.createFrom({ roundId: 0, unitId: 0, areaId: 0, status: '', overdue: false, query: '', ...f }))),
  save: (f: Finding) => call(FindingAPI.SaveFinding(finding.Finding.createFrom(f))),
  setStatus: (id: number, m: FindingMove) => call(FindingAPI.SetFindingStatus(id, finding.Move.createFrom(m))),
  remove: (id: number) => call(FindingAPI.DeleteFinding(id)),
  options: (roundId: number) => call(FindingAPI.FindingOptions(roundId)),
}
