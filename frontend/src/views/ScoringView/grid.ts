// How the selection of the score grid moves, as a spreadsheet user expects it to. The active cell
// never rests on a barred column (回避) unless every column is barred; a range may span them.

import type { Pos, Range, Shape } from './tsv'

export type { Pos, Range, Shape }

export type Direction = 'up' | 'down' | 'left' | 'right'

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v))

/** openColumn finds the nearest column from c on, stepping by dir (±1), that takes input; -1 if none. */
export function openColumn(shape: Shape, c: number, dir: 1 | -1): number {
  for (let x = c; x >= 0 && x < shape.cols; x += dir) {
    if (!shape.blocked(x)) return x
  }
  return -1
}

/** firstCell is where the selection starts: the first row's first column that takes input. */
export function firstCell(shape: Shape): Pos {
  return { r: 0, c: Math.max(0, openColumn(shape, 0, 1)) }
}

/** normalize puts a position inside the grid and off a barred column when it can. */
export function normalize(p: Pos, shape: Shape): Pos {
  const r = clamp(p.r, 0, Math.max(0, shape.rows - 1))
  let c = clamp(p.c, 0, Math.max(0, shape.cols - 1))
  if (shape.blocked(c)) {
    const right = openColumn(shape, c, 1)
    const left = openColumn(shape, c, -1)
    if (right >= 0) c = right
    else if (left >= 0) c = left
  }
  return { r, c }
}

/**
 * step moves the active cell one cell in a direction (an arrow key, Enter or Shift+Enter). It
 * stops at the edges, and a move left or right jumps over barred columns; when only barred
 * columns lie that way it stays.
 */
export function step(p: Pos, dir: Direction, shape: Shape): Pos {
  switch (dir) {
    case 'up':
      return { r: Math.max(0, p.r - 1), c: p.c }
    case 'down':
      return { r: Math.min(shape.rows - 1, p.r + 1), c: p.c }
    case 'left': {
      const c = openColumn(shape, p.c - 1, -1)
      return c >= 0 ? { r: p.r, c } : p
    }
    case 'right': {
      const c = openColumn(shape, p.c + 1, 1)
      return c >= 0 ? { r: p.r, c } : p
    }
  }
}

/**
 * tab moves to the next cell that takes input in reading order (Tab), or the previous one
 * (Shift+Tab): past the last column it wraps to the next row's first, and at the grid's first or
 * last cell it stays.
 */
export function tab(p: Pos, back: boolean, shape: Shape): Pos {
  const dir = back ? -1 : 1
  const c = openColumn(shape, p.c + dir, dir)
  if (c >= 0) return { r: p.r, c }
  const r = p.r + dir
  if (r < 0 || r >= shape.rows) return p
  const wrapped = openColumn(shape, back ? shape.cols - 1 : 0, dir)
  return wrapped >= 0 ? { r, c: wrapped } : p
}

/** jump goes to the edge of the grid in a direction (Ctrl+arrow), on a column that takes input. */
export function jump(p: Pos, dir: Direction, shape: Shape): Pos {
  switch (dir) {
    case 'up':
      return { r: 0, c: p.c }
    case 'down':
      return { r: shape.rows - 1, c: p.c }
    case 'left':
      return normalize({ r: p.r, c: Math.max(0, openColumn(shape, 0, 1)) }, shape)
    case 'right': {
      const c = openColumn(shape, shape.cols - 1, -1)
      return { r: p.r, c: c >= 0 ? c : p.c }
    }
  }
}

/** extend moves the far corner of a range one cell (Shift+arrow); a range may cover barred columns. */
export function extend(focus: Pos, dir: Direction, shape: Shape): Pos {
  const d = { up: [-1, 0], down: [1, 0], left: [0, -1], right: [0, 1] }[dir]
  return { r: clamp(focus.r + d[0]!, 0, shape.rows - 1), c: clamp(focus.c + d[1]!, 0, shape.cols - 1) }
}

/** rangeOf is the rectangle between two corners. */
export function rangeOf(a: Pos, b: Pos): Range {
  return { r1: Math.min(a.r, b.r), c1: Math.min(a.c, b.c), r2: Math.max(a.r, b.r), c2: Math.max(a.c, b.c) }
}

/** contains tells whether a cell lies in a range. */
export function contains(rg: Range, r: number, c: number): boolean {
  return r >= rg.r1 && r <= rg.r2 && c >= rg.c1 && c <= rg.c2
}

/** cellsOf lists the cells of a range that take input, row by row. */
export function cellsOf(rg: Range, shape: Shape): Pos[] {
  const out: Pos[] = []
  for (let r = rg.r1; r <= rg.r2; r++) {
    for (let c = rg.c1; c <= rg.c2; c++) {
      if (!shape.blocked(c)) out.push({ r, c })
    }
  }
  return out
}

/** KeyAction is what a key pressed on the grid (not while editing) asks for. */
export type KeyAction =
  | { kind: 'move'; to: Pos }
  | { kind: 'extend'; focus: Pos }
  | { kind: 'edit' } // F2: edit keeping the content
  | { kind: 'clear' } // Delete, Backspace
  | { kind: 'restore' } // Escape: drop a refused value and show the stored one
  | { kind: 'selectAll' }
  | { kind: 'none' }

/** KeyLike is the part of a KeyboardEvent the grid reads. */
export interface KeyLike {
  key: string
  shiftKey: boolean
  ctrlKey: boolean
  metaKey: boolean
  altKey: boolean
}

const arrows: Record<string, Direction> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' }

/** PAGE is how many rows PageUp and PageDown move. */
export const PAGE = 15

/**
 * keyAction maps a key pressed while the grid has the selection (not editing) to what it does:
 * arrows move (with Shift they extend the range, with Ctrl they jump to the edge), Enter moves
 * down and Shift+Enter up, Tab right and Shift+Tab left, Home/End go along the row (with Ctrl to
 * the grid's corners), PageUp/PageDown by a page.
 */
export function keyAction(e: KeyLike, active: Pos, focus: Pos, shape: Shape): KeyAction {
  const ctrl = e.ctrlKey || e.metaKey
  const dir = arrows[e.key]
  if (dir) {
    if (e.shiftKey) return { kind: 'extend', focus: ctrl ? jump(focus, dir, shape) : extend(focus, dir, shape) }
    return { kind: 'move', to: ctrl ? jump(active, dir, shape) : step(active, dir, shape) }
  }
  switch (e.key) {
    case 'Enter':
      return { kind: 'move', to: step(active, e.shiftKey ? 'up' : 'down', shape) }
    case 'Tab':
      return { kind: 'move', to: tab(active, e.shiftKey, shape) }
    case 'Home':
      return { kind: 'move', to: ctrl ? firstCell(shape) : jump(active, 'left', shape) }
    case 'End':
      return { kind: 'move', to: ctrl ? jump({ r: shape.rows - 1, c: active.c }, 'right', shape) : jump(active, 'right', shape) }
    case 'PageUp':
      return { kind: 'move', to: { r: Math.max(0, active.r - PAGE), c: active.c } }
    case 'PageDown':
      return { kind: 'move', to: { r: Math.min(shape.rows - 1, active.r + PAGE), c: active.c } }
    case 'F2':
      return { kind: 'edit' }
    case 'Delete':
    case 'Backspace':
      return { kind: 'clear' }
    case 'Escape':
      return { kind: 'restore' }
  }
  if (ctrl && !e.altKey && (e.key === 'a' || e.key === 'A')) return { kind: 'selectAll' }
  return { kind: 'none' }
}
