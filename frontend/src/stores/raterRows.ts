// The raters of a round as the export tab lists them: their group, and what became of their
// workbook — written by the last export of this session, imported back, or imported and undone.
import type { RaterProgress } from '../api/score'
import type { Batch, ExportResult } from '../api/workbook'

export interface RaterRow {
  id: number
  name: string
  group: string
  unit: string
  complete: number
  expected: number
  /** the file the last export wrote for this rater, '' when none (or when it was skipped, with why) */
  file: string
  skipped: string
  /** the newest import of this rater's workbook that stands, or null */
  returned: Batch | null
  /** imports of this rater's workbook that were undone since */
  undone: number
}

export function raterRows(raters: RaterProgress[], exported: ExportResult | null, batches: Batch[]): RaterRow[] {
  return raters.map((r) => {
    const mine = batches.filter((b) => b.raterId === r.id)
    const standing = mine.filter((b) => b.status === 'applied')
    return {
      id: r.id,
      name: r.name,
      group: r.group,
      unit: r.unitName || r.title,
      complete: r.complete,
      expected: r.expected,
      file: exported?.files?.find((f) => f.raterId === r.id)?.fileName ?? '',
      skipped: exported?.skipped?.find((s) => s.raterId === r.id)?.reason ?? '',
      // ListBatches lists the newest first.
      returned: standing[0] ?? null,
      undone: mine.length - standing.length,
    }
  })
}

/** where names a cell as a spreadsheet does: 教体局!G7, or just the sheet, or nothing. */
export function where(p: { sheet: string; cell: string }): string {
  if (p.sheet && p.cell) return `${p.sheet}!${p.cell}`
  return p.sheet || p.cell || ''
}

/** baseName is the file name of a path, Windows or not. */
export const baseName = (p: string) => p.split(/[\\/]/).pop() ?? p
