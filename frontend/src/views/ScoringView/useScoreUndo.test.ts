import { describe, expect, it } from 'vitest'
import type { CellInput } from '../../api/score'
import { undoKey, useScoreUndo } from './useScoreUndo'

/** A grid of texts that write() changes, as the store does once Go accepted a value. */
function harness(initial: Record<string, string> = {}) {
  const cells = new Map(Object.entries(initial))
  const writes: CellInput[][] = []
  const u = useScoreUndo(
    (unitId, indicatorId) => cells.get(`${unitId}:${indicatorId}`) ?? '',
    async (cs) => {
      writes.push(cs)
      for (const c of cs) cells.set(`${c.unitId}:${c.indicatorId}`, c.text)
    },
  )
  return { u, cells, writes, get: (k: string) => cells.get(k) ?? '' }
}

describe('useScoreUndo', () => {
  it('undoes a typed value and redoes it, writing through the save path', async () => {
    const h = harness({ '1:10': '8' })
    await h.u.edit([{ unitId: 1, indicatorId: 10, text: '9.5' }])
    expect(h.get('1:10')).toBe('9.5')
    await h.u.undo()!.saved
    expect(h.get('1:10')).toBe('8')
    expect(h.writes.at(-1)).toEqual([{ unitId: 1, indicatorId: 10, text: '8' }])
    await h.u.redo()!.saved
    expect(h.get('1:10')).toBe('9.5')
  })
  it('undoes a paste and a range cleared as one step each', async () => {
    const h = harness({ '1:10': '8', '2:10': '7', '1:11': '好' })
    await h.u.edit([{ unitId: 1, indicatorId: 10, text: '5' }, { unitId: 2, indicatorId: 10, text: '6' }])
    await h.u.edit([{ unitId: 1, indicatorId: 10, text: '' }, { unitId: 2, indicatorId: 10, text: '' }, { unitId: 1, indicatorId: 11, text: '' }])
    expect([h.get('1:10'), h.get('2:10'), h.get('1:11')]).toEqual(['', '', ''])
    const step = h.u.undo()!
    expect(step.step).toHaveLength(3)
    await step.saved
    expect([h.get('1:10'), h.get('2:10'), h.get('1:11')]).toEqual(['5', '6', '好'])
    await h.u.undo()!.saved
    expect([h.get('1:10'), h.get('2:10')]).toEqual(['8', '7'])
    expect(h.u.undo()).toBeNull()
  })
  it('forgets the redo steps after a new edit, and leaves out cells that did not change', async () => {
    const h = harness({ '1:10': '8' })
    await h.u.edit([{ unitId: 1, indicatorId: 10, text: '9' }])
    await h.u.undo()!.saved
    await h.u.edit([{ unitId: 1, indicatorId: 10, text: '8' }]) // the same text: no step
    expect(h.u.canRedo()).toBe(true)
    await h.u.edit([{ unitId: 1, indicatorId: 10, text: '7' }])
    expect(h.u.canRedo()).toBe(false)
    h.u.reset()
    expect(h.u.canUndo()).toBe(false)
  })
  it('reads Ctrl+Z, Ctrl+Y and Ctrl+Shift+Z', () => {
    const k = (key: string, shiftKey = false, ctrlKey = true) => undoKey({ key, shiftKey, ctrlKey, metaKey: false, altKey: false })
    expect(k('z')).toBe('undo')
    expect(k('Z', true)).toBe('redo')
    expect(k('y')).toBe('redo')
    expect(k('z', false, false)).toBeNull()
    expect(k('x')).toBeNull()
  })
})
