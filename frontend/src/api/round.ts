import * as RoundAPI from '../../wailsjs/go/app/RoundAPI'
import { assignment, round, score } from '../../wailsjs/go/models'
import { call } from './core'

export type RoundSummary = round.Summary
export type RoundDetail = round.Detail
export type RoundPlan = round.Plan
export type SchemeChoice = round.SchemeChoice
export type RoundStatus = 'planned' | 'scoring' | 'closed'
export type CopyOptions = round.CopyOptions
export type Missing = score.Missing
export type AssignmentResult = assignment.Result

export const roundApi = {
  list: () => call(RoundAPI.ListRounds()),
  get: (id: number) => call(RoundAPI.GetRound(id)),
  save: (p: RoundPlan) => call(RoundAPI.SaveRound(round.Plan.createFrom(p))),
  setStatus: (id: number, to: RoundStatus, note = '') => call(RoundAPI.SetRoundStatus(id, to, note)),
  remove: (id: number) => call(RoundAPI.DeleteRound(id)),
  publishedSchemes: () => call(RoundAPI.PublishedSchemes()),
  copy: (fromId: number, o: CopyOptions) => call(RoundAPI.CopyRound(fromId, round.CopyOptions.createFrom(o))),
  suggestTitle: (code: string, likeId: number) => call(RoundAPI.SuggestTitle(code, likeId)),
  missing: (id: number) => call(RoundAPI.MissingScores(id)),
  close: (id: number, force: boolean) => call(RoundAPI.CloseRound(id, force)),
  exportAssignment: (id: number, code: string) => call(RoundAPI.ExportAssignment(id, code)),
  pickAssignment: () => call(RoundAPI.PickAssignment()),
  importAssignment: (id: number, path: string, dryRun: boolean) => call(RoundAPI.ImportAssignment(id, path, dryRun)),
}
