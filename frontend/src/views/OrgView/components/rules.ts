import type { PersonView, UnitView } from '../../../api/org'

const FORBIDDEN = /[[\]:*?/\\]/

/**
 * shortNameProblem mirrors the Go rule (org.ValidateShortName) so the form can warn while the
 * user types; the Go service checks again and has the last word.
 */
export function shortNameProblem(s: string): string | null {
  const v = s.trim()
  if (!v) return 'empty'
  if ([...v].length > 31) return 'too-long'
  if (FORBIDDEN.test(v)) return 'forbidden-char'
  if (v.startsWith("'") || v.endsWith("'")) return 'quote'
  if (v.toLowerCase() === 'history') return 'reserved'
  return null
}

/** filterUnits narrows units to an area (0 all, -1 none) and a text in the name or short name. */
export function filterUnits(units: UnitView[], areaId: number, query: string): UnitView[] {
  const q = query.trim()
  return units.filter(
    (u) =>
      (areaId === 0 || (areaId < 0 ? !u.areaId : u.areaId === areaId)) &&
      (!q || u.name.includes(q) || u.shortName.includes(q)),
  )
}

/** filterPeople narrows people to a unit (0 all) and a text in the name, title or unit. */
export function filterPeople(people: PersonView[], unitId: number, query: string): PersonView[] {
  const q = query.trim()
  return people.filter(
    (p) => (unitId === 0 || p.unitId === unitId) && (!q || p.name.includes(q) || p.title.includes(q) || p.unitName.includes(q)),
  )
}
