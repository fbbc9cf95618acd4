import { describe, expect, it } from 'vitest'
import { formatTSV, parseTSV, planPaste, type Shape } from './tsv'

describe('parseTSV', () => {
  it.each([
    ['empty', '', []],
    ['one cell', '8.5', [['8.5']]],
    ['one cell with Excel’s trailing line break', '8.5\r\n', [['8.5']]],
    ['a row', '5\t4.5\t好', [['5', '4.5', '好']]],
    ['Excel rows with \\r\\n and a trailing line break', '5\t4\r\n3\t2\r\n', [['5', '4'], ['3', '2']]],
    ['WPS on Linux: \\n', '5\t4\n3\t2\n', [['5', '4'], ['3', '2']]],
    ['old Mac: \\r', '5\r3\r', [['5'], ['3']]],
    ['blank cells keep their place', '5\t\t3\r\n\t2\t\r\n', [['5', '', '3'], ['', '2', '']]],
    ['a blank last row before the trailing break is kept', '5\r\n\r\n', [['5'], ['']]],
    ['a quoted cell with a line break and a tab', '"扣2分\r\n迟到"\t"a\tb"\r\n', [['扣2分\r\n迟到', 'a\tb']]],
    ['a doubled quote inside a quoted cell', '"他说""好"""\t4', [['他说"好"', '4']]],
    ['a quote inside an unquoted cell is a character', '5"\t4', [['5"', '4']]],
    ['an empty quoted cell', '""\t4\r\n', [['', '4']]],
    ['a quoted cell at the end without a line break', '3\t"x"', [['3', 'x']]],
    ['a row ending in a tab has a blank last cell', '3\t', [['3', '']]],
  ])('%s', (_, text, want) => {
    expect(parseTSV(text)).toEqual(want)
  })

  it('round-trips what formatTSV writes', () => {
    const rows = [['5', '扣2分\n迟到', '他说"好"'], ['', 'a\tb', '4.5']]
    expect(parseTSV(formatTSV(rows))).toEqual(rows)
    expect(parseTSV(formatTSV(rows) + '\r\n')).toEqual(rows)
  })
})

describe('formatTSV', () => {
  it('joins cells with tabs and rows with \\r\\n, quoting only where needed', () => {
    expect(formatTSV([['5', '4.5'], ['好', '']])).toBe('5\t4.5\r\n好\t')
    expect(formatTSV([['a"b', 'x\ny', 'p\tq']])).toBe('"a""b"\t"x\ny"\t"p\tq"')
  })
})

const shape = (rows: number, cols: number, barred: number[] = []): Shape => ({ rows, cols, blocked: (c) => barred.includes(c) })

describe('planPaste', () => {
  it('fills right and down from the selected cell', () => {
    const p = planPaste([['5', '4'], ['3', '2']], { r1: 1, c1: 1, r2: 1, c2: 1 }, shape(5, 5))
    expect(p.cells).toEqual([
      { r: 1, c: 1, text: '5' },
      { r: 1, c: 2, text: '4' },
      { r: 2, c: 1, text: '3' },
      { r: 2, c: 2, text: '2' },
    ])
    expect(p).toMatchObject({ skipped: 0, clipped: 0 })
  })

  it('skips a barred column without shifting the block, and counts only non-blank values it drops', () => {
    const p = planPaste([['5', '9', '4'], ['3', '', '2']], { r1: 0, c1: 0, r2: 0, c2: 0 }, shape(5, 5, [1]))
    expect(p.cells.map((c) => [c.r, c.c, c.text])).toEqual([[0, 0, '5'], [0, 2, '4'], [1, 0, '3'], [1, 2, '2']])
    expect(p.skipped).toBe(1)
  })

  it('clips what falls beyond the last row or column', () => {
    const p = planPaste([['1', '2', '3'], ['4', '5', '6'], ['7', '', '']], { r1: 1, c1: 1, r2: 1, c2: 1 }, shape(3, 3))
    expect(p.cells.map((c) => c.text)).toEqual(['1', '2', '4', '5'])
    expect(p.clipped).toBe(3)
  })

  it('pastes blank cells too: a blank clears', () => {
    const p = planPaste([['', '4']], { r1: 0, c1: 0, r2: 0, c2: 0 }, shape(2, 2))
    expect(p.cells).toEqual([{ r: 0, c: 0, text: '' }, { r: 0, c: 1, text: '4' }])
  })

  it('fills a larger selection with a single value, leaving barred columns alone', () => {
    const p = planPaste([['好']], { r1: 0, c1: 0, r2: 1, c2: 2 }, shape(3, 3, [1]))
    expect(p.cells.map((c) => [c.r, c.c])).toEqual([[0, 0], [0, 2], [1, 0], [1, 2]])
    expect(p.skipped).toBe(2)
  })

  it('places a block at the top-left of a larger selection', () => {
    const p = planPaste([['1', '2']], { r1: 1, c1: 1, r2: 2, c2: 2 }, shape(3, 3))
    expect(p.cells).toEqual([{ r: 1, c: 1, text: '1' }, { r: 1, c: 2, text: '2' }])
  })
})
