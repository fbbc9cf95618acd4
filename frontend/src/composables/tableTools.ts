// What every list of the window shares: filters for its header cells made from the values it
// shows, and reading the table exactly as shown (columns, order, sort, filter) for 导出.

import type { ShownTable } from '../api/table'

/** FilterItem is one choice of a header's filter. */
export interface FilterItem {
  text: string
  value: string
}

/** filtersOf lists the distinct values of a column (in the order first seen) as header filters. */
export function filtersOf<T>(rows: readonly T[], get: (row: T) => unknown): FilterItem[] {
  const seen = new Set<string>()
  for (const r of rows) {
    const v = String(get(r) ?? '')
    if (v !== '') seen.add(v)
  }
  return [...seen].map((v) => ({ text: v, value: v }))
}

/** filterBy is the header filter's test for the same column. */
export function filterBy<T>(get: (row: T) => unknown) {
  return (value: string, row: T) => String(get(row) ?? '') === value
}

/**
 * columnFilter is a header's filter in one binding (v-bind on el-table-column): the distinct
 * values shown and the test, typed by the rows.
 */
export function columnFilter<T>(rows: readonly T[], get: (row: T) => unknown) {
  return { filters: filtersOf(rows, get), 'filter-method': filterBy(get) }
}

/** A column to leave out of an export (its actions): set class-name="no-export" on it. */
export const NO_EXPORT = 'no-export'

const columnClass = /^el-table_\d+_column_\d+$/

/**
 * readTable reads an el-table as it is on screen: the headings of its leaf columns, in order, and
 * the text of every body row shown (after the table's own sort and filter, on the current page).
 * Selection and action columns are left out.
 */
export function readTable(root: Element, title: string): ShownTable {
  const table = root.classList.contains('el-table') ? root : root.querySelector('.el-table')
  if (!table) return { title, headers: [], rows: [] }
  const heads = [...table.querySelectorAll('.el-table__header-wrapper th')]
  const idOf = (cell: Element) => [...cell.classList].find((c) => columnClass.test(c)) ?? ''
  const skip = (cell: Element) => cell.classList.contains(NO_EXPORT) || cell.classList.contains('el-table-column--selection')
  const bodyRows = [...table.querySelectorAll('.el-table__body-wrapper tbody tr.el-table__row')]
  // The leaf columns, in order, are those of a body row; with no rows, the last header row's.
  const firstCells = bodyRows[0] ? [...bodyRows[0].children] : [...(table.querySelector('.el-table__header-wrapper thead tr:last-child')?.children ?? [])]
  const columns = firstCells.filter((c) => !skip(c) && idOf(c)).map(idOf)
  const text = (el: Element | null | undefined) => ((el as HTMLElement | null)?.innerText ?? '').replace(/\s*\n\s*/g, ' ').trim()
  const headers = columns.map((id) => text(heads.find((h) => h.classList.contains(id))?.querySelector('.cell')))
  const rows = bodyRows.map((tr) => columns.map((id) => text([...tr.children].find((td) => td.classList.contains(id))?.querySelector('.cell'))))
  return { title, headers, rows }
}
