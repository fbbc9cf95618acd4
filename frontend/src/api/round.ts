import * as RoundAPI from '../../wailsjs/go/app/RoundAPI'
import { round } from '../../wailsjs/go/models'
import { call } from './core'

export type RoundSummary = round.Summary
export type RoundDetail = round.Detail
export type RoundPlan = round.Plan
export type SchemeChoice = round.SchemeChoice
export type RoundStatus = 'planned' | 'scoring' | 'closed'

export const roundApi = {
  list: () => call(RoundAPI.ListRounds()),
  get: (id: number) => call(RoundAPI.GetRound(id)),
  save: (p: RoundPlan) => call(RoundAPI.SaveRound(round.Plan.createFrom(p))),
  setStatus: (id: number, to: RoundStatus, note = '') => call(RoundAPI.SetRoundStatus(id, to, note)),
  remove: (id: number) => call(RoundAPI.DeleteRound(id)),
  publishedSchemes: () => call(RoundAPI.PublishedSchemes()),
}
