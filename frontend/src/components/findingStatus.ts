// How the window offers a finding's status moves. The rules themselves (which moves are allowed,
// which dates they need) live in Go; this only chooses the buttons to show.

import { findingStatuses, type FindingStatus } from '../api/finding'
import { isoDate } from '../locales/format'

/** statusTagType is the Element Plus tag type of a rectification status. */
export function statusTagType(s: string): 'warning' | 'primary' | 'success' | 'info' {
  return ({ 待整改: 'warning', 整改中: 'primary', 已整改: 'success', 已销号: 'info' } as const)[s as FindingStatus] ?? 'info'
}

/** StatusAction is a status move the window offers for a finding. */
export interface StatusAction {
  to: FindingStatus
  /** key names the action in finding.move: start, done, close or back. */
  key: 'start' | 'done' | 'close' | 'back'
  back: boolean
  /** needsDate tells that the step records a date the user confirms (已整改, 已销号). */
  needsDate: boolean
}

const keyOf: Record<FindingStatus, StatusAction['key']> = { 待整改: 'back', 整改中: 'start', 已整改: 'done', 已销号: 'close' }

/** statusActions lists a finding's moves: the next step first, then later steps, then one step back. */
export function statusActions(status: string): StatusAction[] {
  const at = findingStatuses.indexOf(status as FindingStatus)
  if (at < 0) return []
  const out: StatusAction[] = findingStatuses.slice(at + 1).map((to) => ({ to, key: keyOf[to], back: false, needsDate: to === '已整改' || to === '已销号' }))
  const prev = findingStatuses[at - 1]
  if (prev) out.push({ to: prev, key: 'back', back: true, needsDate: false })
  return out
}

/** today is the local date as Go expects it, 2024-06-15. */
export const today = isoDate
