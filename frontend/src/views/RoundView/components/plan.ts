import type { PersonView, UnitView } from '../../../api/org'

/** GroupForm is a rater group as the planning form edits it, with its weight in percent. */
export interface GroupForm {
  id: number
  name: string
  weight: number
  personIds: number[]
}

/** weightSumBP adds the groups' weights in basis points, so that 33.33 + 33.33 + 33.34 is exactly 100. */
export function weightSumBP(groups: GroupForm[]): number {
  return groups.reduce((s, g) => s + Math.round((g.weight || 0) * 100), 0)
}

/** recusals lists the raters who belong to an observed unit and so will not score it (回避). */
export function recusals(groups: GroupForm[], unitIds: number[], people: PersonView[], units: UnitView[]) {
  const observed = new Set(unitIds)
  const out: { person: string; unit: string }[] = []
  for (const g of groups) {
    for (const pid of g.personIds) {
      const p = people.find((x) => x.id === pid)
      if (p?.unitId && observed.has(p.unitId)) {
        out.push({ person: p.name, unit: units.find((u) => u.id === p.unitId)?.name ?? '' })
      }
    }
  }
  return out
}
