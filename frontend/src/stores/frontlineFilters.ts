import type { BranchView, BrandView, MatterView } from '../api/frontline'

/** How the branch list is narrowed: a kind ('' all), working or dissolved ('' both), a text. */
export interface BranchFilter {
  kind: string
  state: '' | 'active' | 'dissolved'
  query: string
}

const has = (q: string, ...fields: (string | undefined)[]) => fields.some((f) => !!f && f.includes(q))

/** filterBranches keeps the branches that match f; a text is looked for in the name, host, secretary and members. */
export function filterBranches(list: BranchView[], f: BranchFilter): BranchView[] {
  const q = f.query.trim()
  return list.filter(
    (b) =>
      (!f.kind || b.kind === f.kind) &&
      (!f.state || (f.state === 'active') === b.active) &&
      (!q || has(q, b.name, b.host, b.secretary, b.members, b.parentName, b.notes)),
  )
}

/** How the matter list is narrowed: status, source, branch and unit (0 all), a text. */
export interface MatterFilter {
  status: string
  source: string
  branchId: number
  unitId: number
  query: string
}

/** filterMatters keeps the matters that match f; a text is looked for in the 编号, title, requester, handler and result. */
export function filterMatters(list: MatterView[], f: MatterFilter): MatterView[] {
  const q = f.query.trim()
  return list.filter(
    (m) =>
      (!f.status || m.status === f.status) &&
      (!f.source || m.source === f.source) &&
      (!f.branchId || m.branchId === f.branchId) &&
      (!f.unitId || m.unitId === f.unitId) &&
      (!q || has(q, m.code, m.title, m.requester, m.handler, m.result, m.branchName, m.unitName)),
  )
}

/** How the brand list is narrowed: kind, level, unit (0 all), a text. */
export interface BrandFilter {
  kind: string
  level: string
  unitId: number
  query: string
}

/** filterBrands keeps the brands and honours that match f; a text is looked for in the name, unit, issuer and notes. */
export function filterBrands(list: BrandView[], f: BrandFilter): BrandView[] {
  const q = f.query.trim()
  return list.filter(
    (b) =>
      (!f.kind || b.kind === f.kind) &&
      (!f.level || b.level === f.level) &&
      (!f.unitId || b.unitId === f.unitId) &&
      (!q || has(q, b.name, b.unitName, b.unitShortName, b.issuer, b.notes, b.parentName)),
  )
}

/** points writes centi-points as points without trailing zeros: 150 is "1.5", 0 is "". */
export function points(centi: number): string {
  if (!centi) return ''
  return (centi / 100).toFixed(2).replace(/\.?0+$/, '')
}

/**
 * dateOrderProblem mirrors the Go rule that a later date (撤销, 办结) is not before an earlier
 * one (成立, 受理), so the form can say so while the user picks; Go checks again.
 */
export function dateOrderProblem(earlier: string, later: string): boolean {
  return !!earlier && !!later && later < earlier
}

/** memberNames splits the members text as Go does: by 、，, ; and spaces. */
export function memberNames(s: string): string[] {
  return s
    .split(/[、，,；;\s\u3000]+/)
    .map((x) => x.trim())
    .filter(Boolean)
}
