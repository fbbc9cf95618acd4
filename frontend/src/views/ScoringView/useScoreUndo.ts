// Undo and redo of the score grid, as a spreadsheet has them. Every edit is saved at once, so an
// undo is itself an edit: it writes the previous texts back through the same save path (Go checks
// and records them in the score's history like any other entry). One step is one action of the
// rater: a typed value, a paste, a range cleared.

import type { CellInput } from '../../api/score'

/** Change is one cell of a step: its text before and after the action. */
export interface Change {
  unitId: number
  indicatorId: number
  before: string
  after: string
}

/** The number of steps kept; older ones are forgotten. */
export const UNDO_LIMIT = 200

/**
 * useScoreUndo records the edits of one grid. read tells what a cell shows now; write saves
 * cells (the store's enter). edit() replaces a direct call of write for the rater's own actions;
 * undo() and redo() return the step they wrote back (null when there is none), so that the grid
 * can select its cells; reset() forgets everything (another rater's grid).
 */
export function useScoreUndo(read: (unitId: number, indicatorId: number) => string, write: (cells: CellInput[]) => Promise<void>) {
  let done: Change[][] = []
  let undone: Change[][] = []

  /** record notes an action about to be written some other way (the store's clear). */
  function record(cells: CellInput[]) {
    const step = cells
      .map((c) => ({ unitId: c.unitId, indicatorId: c.indicatorId, before: read(c.unitId, c.indicatorId), after: c.text }))
      .filter((c) => c.before !== c.after)
    if (step.length) {
      done.push(step)
      if (done.length > UNDO_LIMIT) done = done.slice(-UNDO_LIMIT)
      undone = []
    }
  }

  function edit(cells: CellInput[]): Promise<void> {
    record(cells)
    return write(cells)
  }

  function replay(from: Change[][], to: Change[][], side: 'before' | 'after'): { step: Change[]; saved: Promise<void> } | null {
    const step = from.pop()
    if (!step) return null
    to.push(step)
    return { step, saved: write(step.map((c) => ({ unitId: c.unitId, indicatorId: c.indicatorId, text: c[side] }))) }
  }

  return {
    edit,
    record,
    undo: () => replay(done, undone, 'before'),
    redo: () => replay(undone, done, 'after'),
    canUndo: () => done.length > 0,
    canRedo: () => undone.length > 0,
    reset() {
      done = []
      undone = []
    },
  }
}

/** undoKey tells whether a key press asks to undo (Ctrl+Z) or redo (Ctrl+Y, Ctrl+Shift+Z). */
export function undoKey(e: Pick<KeyboardEvent, 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey' | 'key'>): 'undo' | 'redo' | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return null
  const k = e.key.toLowerCase()
  if (k === 'z') return e.shiftKey ? 'redo' : 'undo'
  if (k === 'y' && !e.shiftKey) return 'redo'
  return null
}
