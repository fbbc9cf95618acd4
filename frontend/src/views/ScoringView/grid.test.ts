import { describe, expect, it } from 'vitest'
import { cellsOf, firstCell, keyAction, normalize, rangeOf, step, tab, type KeyLike, type Shape } from './grid'

const shape = (rows: number, cols: number, barred: number[] = []): Shape => ({ rows, cols, blocked: (c) => barred.includes(c) })
const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({ key: k, shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, ...mods })

describe('step', () => {
  const s = shape(3, 5, [2])
  it.each([
    ['up at the top stays', { r: 0, c: 0 }, 'up', { r: 0, c: 0 }],
    ['down at the bottom stays', { r: 2, c: 0 }, 'down', { r: 2, c: 0 }],
    ['left at the left edge stays', { r: 1, c: 0 }, 'left', { r: 1, c: 0 }],
    ['right at the right edge stays', { r: 1, c: 4 }, 'right', { r: 1, c: 4 }],
    ['right jumps over a barred column', { r: 1, c: 1 }, 'right', { r: 1, c: 3 }],
    ['left jumps over a barred column', { r: 1, c: 3 }, 'left', { r: 1, c: 1 }],
    ['down keeps the column', { r: 0, c: 3 }, 'down', { r: 1, c: 3 }],
  ] as const)('%s', (_, from, dir, want) => {
    expect(step(from, dir, s)).toEqual(want)
  })

  it('stays when only barred columns lie that way', () => {
    expect(step({ r: 0, c: 1 }, 'right', shape(1, 3, [2]))).toEqual({ r: 0, c: 1 })
    expect(step({ r: 0, c: 1 }, 'left', shape(1, 3, [0]))).toEqual({ r: 0, c: 1 })
  })
})

describe('tab', () => {
  const s = shape(2, 4, [0, 3])
  it('moves right over barred columns', () => {
    expect(tab({ r: 0, c: 1 }, false, s)).toEqual({ r: 0, c: 2 })
  })
  it('wraps past the last open column to the next row’s first open column', () => {
    expect(tab({ r: 0, c: 2 }, false, s)).toEqual({ r: 1, c: 1 })
  })
  it('Shift+Tab wraps back to the previous row’s last open column', () => {
    expect(tab({ r: 1, c: 1 }, true, s)).toEqual({ r: 0, c: 2 })
  })
  it('stays at the grid’s first and last cells', () => {
    expect(tab({ r: 1, c: 2 }, false, s)).toEqual({ r: 1, c: 2 })
    expect(tab({ r: 0, c: 1 }, true, s)).toEqual({ r: 0, c: 1 })
  })
  it('in a one-column grid moves down like Enter', () => {
    expect(tab({ r: 0, c: 0 }, false, shape(3, 1))).toEqual({ r: 1, c: 0 })
  })
})

describe('firstCell and normalize', () => {
  it('starts on the first open column', () => {
    expect(firstCell(shape(3, 3, [0, 1]))).toEqual({ r: 0, c: 2 })
  })
  it('starts at 0,0 when every column is barred', () => {
    expect(firstCell(shape(3, 1, [0]))).toEqual({ r: 0, c: 0 })
  })
  it('pulls a position inside the grid and off a barred column', () => {
    expect(normalize({ r: 9, c: 9 }, shape(3, 3, [2]))).toEqual({ r: 2, c: 1 })
    expect(normalize({ r: 0, c: 1 }, shape(3, 3, [1]))).toEqual({ r: 0, c: 2 })
  })
})

describe('ranges', () => {
  it('rangeOf orders the corners', () => {
    expect(rangeOf({ r: 3, c: 1 }, { r: 1, c: 4 })).toEqual({ r1: 1, c1: 1, r2: 3, c2: 4 })
  })
  it('cellsOf leaves out barred columns', () => {
    expect(cellsOf({ r1: 0, c1: 0, r2: 1, c2: 2 }, shape(3, 3, [1]))).toEqual([
      { r: 0, c: 0 }, { r: 0, c: 2 }, { r: 1, c: 0 }, { r: 1, c: 2 },
    ])
  })
})

describe('keyAction', () => {
  const s = shape(20, 5, [1])
  const at = { r: 2, c: 2 }
  it.each([
    ['Enter moves down', key('Enter'), { kind: 'move', to: { r: 3, c: 2 } }],
    ['Shift+Enter moves up', key('Enter', { shiftKey: true }), { kind: 'move', to: { r: 1, c: 2 } }],
    ['Tab moves right', key('Tab'), { kind: 'move', to: { r: 2, c: 3 } }],
    ['Shift+Tab moves left over the barred column', key('Tab', { shiftKey: true }), { kind: 'move', to: { r: 2, c: 0 } }],
    ['ArrowLeft moves left over the barred column', key('ArrowLeft'), { kind: 'move', to: { r: 2, c: 0 } }],
    ['Ctrl+ArrowDown jumps to the last row', key('ArrowDown', { ctrlKey: true }), { kind: 'move', to: { r: 19, c: 2 } }],
    ['Shift+ArrowRight extends', key('ArrowRight', { shiftKey: true }), { kind: 'extend', focus: { r: 2, c: 3 } }],
    ['Shift+ArrowLeft extends over a barred column one cell at a time', key('ArrowLeft', { shiftKey: true }), { kind: 'extend', focus: { r: 2, c: 1 } }],
    ['Home goes to the row’s first open column', key('Home'), { kind: 'move', to: { r: 2, c: 0 } }],
    ['Ctrl+End goes to the last cell', key('End', { ctrlKey: true }), { kind: 'move', to: { r: 19, c: 4 } }],
    ['PageDown moves a page', key('PageDown'), { kind: 'move', to: { r: 17, c: 2 } }],
    ['F2 edits', key('F2'), { kind: 'edit' }],
    ['Delete clears', key('Delete'), { kind: 'clear' }],
    ['Backspace clears', key('Backspace'), { kind: 'clear' }],
    ['Escape restores', key('Escape'), { kind: 'restore' }],
    ['Ctrl+A selects all', key('a', { ctrlKey: true }), { kind: 'selectAll' }],
    ['a letter is not a grid key', key('5'), { kind: 'none' }],
  ])('%s', (_, k, want) => {
    expect(keyAction(k, at, at, s)).toEqual(want)
  })
})
