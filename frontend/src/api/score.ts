import * as ScoreAPI from '../../wailsjs/go/app/ScoreAPI'
import { score } from '../../wailsjs/go/models'
import { call } from './core'

export type Grid = score.Grid
export type GridIndicator = score.Indicator
export type GridValue = score.Value
export type UnitProgress = score.UnitProgress
export type CellInput = score.CellInput
export type CellResult = score.CellResult
export type EnterResult = score.EnterResult
export type RaterProgress = score.RaterProgress
export type ScoreHistory = score.History
export type Results = score.Results
export type UnitResult = score.UnitResult
export type TrendPoint = score.TrendPoint
export type Adjustment = score.Adjustment

export const scoreApi = {
  grid: (roundId: number, raterId: number) => call(ScoreAPI.Grid(roundId, raterId)),
  enter: (roundId: number, raterId: number, cells: CellInput[]) =>
    call(ScoreAPI.Enter(roundId, raterId, cells.map((c) => score.CellInput.createFrom(c)))),
  progress: (roundId: number) => call(ScoreAPI.Progress(roundId)),
  history: (roundId: number, raterId: number, unitId: number, indicatorId: number) =>
    call(ScoreAPI.History(score.Key.createFrom({ roundId, raterId, unitId, indicatorId }))),
  results: (roundId: number) => call(ScoreAPI.Results(roundId)),
  trend: (unitId: number) => call(ScoreAPI.Trend(unitId)),
  addAdjustment: (roundId: number, unitId: number, pointsCenti: number, reason: string) =>
    call(ScoreAPI.AddAdjustment(roundId, score.AdjustmentInput.createFrom({ unitId, pointsCenti, reason }))),
  deleteAdjustment: (id: number) => call(ScoreAPI.DeleteAdjustment(id)),
}

/** formatCenti writes centi-points with two decimals, as results are shown: 9250 → "92.50". */
export function formatCenti(c: number): string {
  const sign = c < 0 ? '-' : ''
  const a = Math.abs(Math.trunc(c))
  return `${sign}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`
}

/** formatPoints writes centi-points without trailing zeros, as a typed value shows: 850 → "8.5". */
export function formatPoints(c: number): string {
  return formatCenti(c).replace(/\.(\d*?)0+$/, '.$1').replace(/\.$/, '')
}
