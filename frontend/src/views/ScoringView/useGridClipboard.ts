// The score grid's clipboard: the selection copied (or cut) as tab-separated text, the way
// Excel and WPS write it, and a pasted block planned over the selection (tsv.ts) and saved as one
// undoable edit. Plain text pasted while editing stays in the editor.
import { nextTick, type ComputedRef } from 'vue'
import { ElMessage } from 'element-plus'
import type { CellInput } from '../../api/score'
import { formatTSV, parseTSV, planPaste } from './tsv'
import type { Pos, Shape } from './grid'

/** ClipboardInput is what the clipboard needs of the grid. */
export interface ClipboardInput {
  range: ComputedRef<{ r1: number; r2: number; c1: number; c2: number }>
  shape: ComputedRef<Shape>
  editing: () => boolean
  /** text is what a cell holds now. */
  text: (p: Pos) => string
  readOnly: () => boolean
  /** edit saves cells as one undoable step. */
  edit: (cells: CellInput[]) => Promise<unknown>
  /** ids names the unit and indicator of a position. */
  ids: (p: Pos) => { unitId: number; indicatorId: number }
  emptyCatcher: () => void
  /** select makes from the active cell and the range reach to. */
  select: (from: Pos, to: Pos) => void
  clearSelection: () => void
  endEdit: () => void
  refuseEdit: () => void
  showMark: () => void
  t: (key: string, named?: Record<string, unknown>) => string
}

/** useGridClipboard handles the grid's copy, cut and paste events. */
export function useGridClipboard(g: ClipboardInput) {
  function selectionTSV(): string {
    const rg = g.range.value
    const out: string[][] = []
    for (let r = rg.r1; r <= rg.r2; r++) {
      const line: string[] = []
      for (let c = rg.c1; c <= rg.c2; c++) line.push(g.text({ r, c }))
      out.push(line)
    }
    return formatTSV(out)
  }

  function onCopy(e: ClipboardEvent, cut = false) {
    if (g.editing()) return
    e.clipboardData?.setData('text/plain', selectionTSV())
    e.preventDefault()
    g.emptyCatcher()
    if (cut) g.clearSelection()
  }

  function onPaste(e: ClipboardEvent) {
    const text = e.clipboardData?.getData('text/plain') ?? ''
    if (g.editing()) {
      // Plain text goes into the editor; a block copied from a spreadsheet fills cells from here.
      if (!/[\t\r\n]/.test(text.replace(/(\r\n|\n|\r)$/, ''))) return
      g.endEdit()
    }
    e.preventDefault()
    pasteBlock(text)
  }

  function pasteBlock(text: string) {
    if (g.readOnly()) return g.refuseEdit()
    const block = parseTSV(text)
    if (!block.length) return
    const plan = planPaste(block, g.range.value, g.shape.value)
    const cells: CellInput[] = plan.cells.map((p) => ({ ...g.ids(p), text: p.text }))
    void g.edit(cells).then(() => nextTick(() => g.showMark()))
    if (plan.cells.length) {
      const rs = plan.cells.map((p) => p.r)
      const cs = plan.cells.map((p) => p.c)
      g.select({ r: Math.min(...rs), c: Math.min(...cs) }, { r: Math.max(...rs), c: Math.max(...cs) })
    }
    if (plan.skipped || plan.clipped) {
      const parts = [g.t('scoring.pasted', { n: plan.cells.length })]
      if (plan.skipped) parts.push(g.t('scoring.pasteSkipped', { n: plan.skipped }))
      if (plan.clipped) parts.push(g.t('scoring.pasteClipped', { n: plan.clipped }))
      ElMessage.warning({ message: parts.join(g.t('scoring.pasteJoin')), duration: 5000 })
    }
  }

  return { selectionTSV, onCopy, onPaste }
}
