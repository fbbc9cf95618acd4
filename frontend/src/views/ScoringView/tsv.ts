// The clipboard of the score grid speaks what Excel and WPS put there: tab-separated rows.

/**
 * parseTSV reads a block copied from Excel, WPS or LibreOffice: cells separated by tabs, rows by
 * \r\n, \n or \r, and one trailing line break (Excel always adds it) ignored. A cell that starts
 * with a double quote is quoted: it runs to the closing quote, may hold tabs and line breaks, and
 * writes a quote as "". A quote anywhere else is an ordinary character.
 */
export function parseTSV(text: string): string[][] {
  if (text === '') return []
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let i = 0
  const n = text.length
  let atCellStart = true
  while (i < n) {
    const ch = text[i]!
    if (atCellStart && ch === '"') {
      // A quoted cell: read to the closing quote.
      i++
      for (;;) {
        if (i >= n) break
        const q = text[i]!
        if (q === '"') {
          if (text[i + 1] === '"') {
            cell += '"'
            i += 2
            continue
          }
          i++
          break
        }
        cell += q
        i++
      }
      atCellStart = false
      continue
    }
    atCellStart = false
    if (ch === '\t') {
      row.push(cell)
      cell = ''
      atCellStart = true
      i++
    } else if (ch === '\r' || ch === '\n') {
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
      atCellStart = true
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1
    } else {
      cell += ch
      i++
    }
  }
  // Text that ends with a line break has no last row; anything else ends one.
  if (!atCellStart || row.length > 0) {
    row.push(cell)
    rows.push(row)
  }
  return rows
}

function quote(cell: string): string {
  return /[\t\r\n"]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell
}

/** formatTSV writes rows the way Excel copies them, quoting cells with tabs, line breaks or quotes. */
export function formatTSV(rows: string[][]): string {
  return rows.map((r) => r.map(quote).join('\t')).join('\r\n')
}

/** Pos is a cell of the grid: r is the indicator row, c the unit column. */
export interface Pos {
  r: number
  c: number
}

/** Range is a rectangle of cells, r1 ≤ r2 and c1 ≤ c2, both ends included. */
export interface Range {
  r1: number
  c1: number
  r2: number
  c2: number
}

/** Shape is what the paste and the selection need of the grid: its size and which columns take no input. */
export interface Shape {
  rows: number
  cols: number
  /** blocked tells whether a column takes no input (a unit the rater is barred from: 回避). */
  blocked: (c: number) => boolean
}

/** PasteCell is one cell a paste writes. */
export interface PasteCell extends Pos {
  text: string
}

/** PastePlan is what a paste writes, and how many non-blank values it could not place. */
export interface PastePlan {
  cells: PasteCell[]
  /** skipped counts values that fell on a barred column; they are not written. */
  skipped: number
  /** clipped counts values that fell beyond the grid's last row or column. */
  clipped: number
}

/**
 * planPaste places a block at the top-left cell of the selection, filling right and down. A value
 * that falls on a barred column is skipped (the block is not shifted, so that a row copied from a
 * sheet laid out like the grid stays aligned), a value beyond the grid is clipped. A single value
 * pasted over a larger selection fills every cell of it, as in Excel.
 */
export function planPaste(block: string[][], sel: Range, shape: Shape): PastePlan {
  const plan: PastePlan = { cells: [], skipped: 0, clipped: 0 }
  const single = block.length === 1 && block[0]!.length === 1
  if (single && (sel.r2 > sel.r1 || sel.c2 > sel.c1)) {
    const text = block[0]![0]!
    for (let r = sel.r1; r <= sel.r2; r++) {
      for (let c = sel.c1; c <= sel.c2; c++) {
        if (shape.blocked(c)) {
          if (text.trim() !== '') plan.skipped++
        } else plan.cells.push({ r, c, text })
      }
    }
    return plan
  }
  block.forEach((line, i) => {
    line.forEach((text, j) => {
      const r = sel.r1 + i
      const c = sel.c1 + j
      const filled = text.trim() !== ''
      if (r >= shape.rows || c >= shape.cols) {
        if (filled) plan.clipped++
      } else if (shape.blocked(c)) {
        if (filled) plan.skipped++
      } else {
        plan.cells.push({ r, c, text })
      }
    })
  })
  return plan
}
