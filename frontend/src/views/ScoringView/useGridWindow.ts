// The virtual window of the score grid: the table's rows (dimension headings and indicators),
// where each starts, and which rows and unit columns are in the DOM for the part scrolled into
// view. Every row has a fixed height when all units are shown, so only what is in view (and a
// margin) is rendered; one unit at a time shows the scoring points, whose rows grow with the
// text, and then everything is rendered.
import { computed, ref, type ComputedRef, type Ref } from 'vue'
import { formatPoints, type GridIndicator, type UnitProgress } from '../../api/score'

export const ROW_H = 30
export const DIM_H = 28
export const FOOT_H = 56
const OVERSCAN_ROWS = 8
const OVERSCAN_COLS = 3

/** Row is a line of the table: a dimension heading or an indicator (r is its index in the grid). */
export interface Row {
  key: string
  r: number
  ind: GridIndicator | null
  label: string
}

/** GridWindowInput is what the window is computed from. */
export interface GridWindowInput {
  indicators: ComputedRef<GridIndicator[]>
  units: () => UnitProgress[]
  single: () => boolean
  colW: ComputedRef<number>
  fixedW: ComputedRef<number>
  scroller: Ref<HTMLDivElement | undefined>
  table: Ref<HTMLTableElement | undefined>
  t: (key: string, named?: Record<string, unknown>) => string
}

/** useGridWindow computes the rows of the grid and the window of them that is rendered. */
export function useGridWindow({ indicators, units, single, colW, fixedW, scroller, table, t }: GridWindowInput) {
  const virtual = computed(() => !single())
  const view = ref({ top: 0, left: 0, height: 800, width: 1200 })

  function ceiling(ind: GridIndicator): number {
    if (ind.kind === 'grade' && !(ind.max > 0)) return Math.max(0, ...ind.options.map((o) => o.points))
    return ind.max
  }
  function dimensionNote(of: GridIndicator[]): string {
    const sum = (k: string[]) => of.filter((i) => k.includes(i.kind)).reduce((s, i) => s + ceiling(i), 0)
    const base = sum(['score', 'grade'])
    if (base > 0) return t('scoring.dimensionScore', { n: formatPoints(base) })
    if (of.every((i) => i.kind === 'bonus')) return t('scoring.dimensionBonus', { n: formatPoints(sum(['bonus'])) })
    if (of.every((i) => i.kind === 'deduct')) return t('scoring.dimensionDeduct', { n: formatPoints(sum(['deduct'])) })
    return ''
  }

  const numerals = '一二三四五六七八九十'
  const rows = computed<Row[]>(() => {
    const out: Row[] = []
    let dim: string | null = null
    let n = 0
    indicators.value.forEach((ind, r) => {
      if (ind.dimension !== dim) {
        dim = ind.dimension
        const of = indicators.value.filter((i) => i.dimension === dim)
        out.push({ key: `d${n}`, r: -1, ind: null, label: `${numerals[n] ?? n + 1}、${dim || t('scoring.otherDimension')}${dimensionNote(of)}` })
        n++
      }
      out.push({ key: `i${ind.id}`, r, ind, label: '' })
    })
    return out
  })
  /** rowTops[i] is where row i of the table body starts, below the heading. */
  const rowTops = computed(() => {
    const tops: number[] = []
    let y = 0
    for (const row of rows.value) {
      tops.push(y)
      y += row.ind ? ROW_H : DIM_H
    }
    tops.push(y)
    return tops
  })

  /** win is the part of the table in the DOM: rows i0..i1 of the body, unit columns c0..c1. */
  const win = computed(() => {
    const n = rows.value.length
    const cols = units().length
    if (!virtual.value) return { i0: 0, i1: n - 1, c0: 0, c1: cols - 1 }
    const v = view.value
    const tops = rowTops.value
    let i0 = 0
    while (i0 < n && tops[i0 + 1]! <= v.top) i0++
    let i1 = i0
    while (i1 < n - 1 && tops[i1 + 1]! < v.top + v.height) i1++
    const c0 = Math.floor(v.left / colW.value)
    const c1 = Math.ceil((v.left + v.width - fixedW.value) / colW.value)
    return {
      i0: Math.max(0, i0 - OVERSCAN_ROWS),
      i1: Math.min(n - 1, i1 + OVERSCAN_ROWS),
      c0: Math.max(0, Math.min(cols - 1, c0 - OVERSCAN_COLS)),
      c1: Math.max(0, Math.min(cols - 1, c1 + OVERSCAN_COLS)),
    }
  })
  const winKey = computed(() => `${win.value.c0}-${win.value.c1}`)
  const shownRows = computed(() => rows.value.slice(win.value.i0, win.value.i1 + 1))
  const shownUnits = computed(() => units().slice(win.value.c0, win.value.c1 + 1).map((u, k) => ({ u, c: win.value.c0 + k })))
  const padTop = computed(() => rowTops.value[win.value.i0] ?? 0)
  const padBottom = computed(() => (rowTops.value[rows.value.length] ?? 0) - (rowTops.value[win.value.i1 + 1] ?? 0))
  const padLeft = computed(() => win.value.c0)
  const padRight = computed(() => Math.max(0, units().length - 1 - win.value.c1))

  let viewFrame = 0
  function onScroll() {
    if (viewFrame) return
    viewFrame = requestAnimationFrame(() => {
      viewFrame = 0
      measureView()
    })
  }
  function measureView() {
    const sc = scroller.value
    if (!sc) return
    const head = headH()
    view.value = { top: Math.max(0, sc.scrollTop), left: sc.scrollLeft, height: sc.clientHeight - head - FOOT_H + DIM_H, width: sc.clientWidth }
  }
  let headCache = 0
  function headH(): number {
    if (!headCache) headCache = table.value?.tHead?.offsetHeight ?? 0
    return headCache || 44
  }

  const trOf = computed(() => {
    const a: number[] = []
    rows.value.forEach((row, i) => {
      if (row.ind) a[row.r] = i
    })
    return a
  })

  /** forgetHead makes the heading's height measured again (the columns changed). */
  const forgetHead = () => {
    headCache = 0
  }
  /** stop cancels a pending measurement (the grid goes away). */
  const stop = () => {
    if (viewFrame) cancelAnimationFrame(viewFrame)
  }

  return { virtual, view, rows, rowTops, win, winKey, shownRows, shownUnits, padTop, padBottom, padLeft, padRight, trOf, onScroll, measureView, headH, forgetHead, stop }
}
