import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { roundApi, type RoundSummary } from '../api/round'
import { scoreApi, type CellInput, type EnterResult, type Grid, type GridIndicator, type RaterProgress, type UnitProgress } from '../api/score'
import { precheck, valueText } from './scoreValue'

/** cellKey names a cell of one rater's grid. */
export const cellKey = (unitId: number, indicatorId: number) => `${unitId}:${indicatorId}`

/**
 * Mark is typed text the database does not hold: refused (by the pre-check or by Go, with its
 * message) or unsaved (the call failed, with the reason). It stays on the cell, in red, until the
 * rater corrects it or presses Escape, so that nothing typed is lost silently.
 */
export interface Mark {
  text: string
  message: string
  kind: 'refused' | 'unsaved'
}

/** CellView is what one cell shows. */
export interface CellView {
  text: string
  state: 'empty' | 'value' | 'pending' | 'refused' | 'unsaved'
  message: string
}

/**
 * The score entry of one rater in one round. The cells live in plain maps, not reactive ones (the
 * BENCH grid has 8,040); rowVersion[i] changes whenever a cell of indicator row i does, so that the
 * grid re-renders only that row. Every edit is sent at once; calls run one after another, in the
 * order the rater made them.
 */
export const useScoringStore = defineStore('scoring', () => {
  const rounds = ref<RoundSummary[]>([])
  const roundId = ref<number | null>(null)
  const raters = ref<RaterProgress[]>([])
  const raterId = ref<number | null>(null)
  const grid = shallowRef<Grid | null>(null)
  const units = shallowRef<UnitProgress[]>([])
  const complete = ref(0)
  const expected = ref(0)
  const loading = ref(false)

  const values = new Map<string, number>()
  const marks = new Map<string, Mark>()
  const pending = new Map<string, { text: string; seq: number }>()
  const rowVersion = ref<number[]>([])
  const marksVersion = ref(0)
  let rowOf = new Map<number, number>()
  let indicatorOf = new Map<number, GridIndicator>()

  const saving = ref(0)
  const savedAt = ref<Date | null>(null)
  const callError = ref('')
  let seq = 0

  const round = computed(() => rounds.value.find((r) => r.id === roundId.value) ?? null)
  const readOnly = computed(() => !grid.value || grid.value.status !== 'scoring')
  const unsaved = computed(() => {
    void marksVersion.value
    return [...marks.entries()].map(([key, m]) => ({ key, ...m }))
  })

  function touch(indicatorId: number) {
    const r = rowOf.get(indicatorId)
    if (r !== undefined) rowVersion.value[r] = (rowVersion.value[r] ?? 0) + 1
  }

  function setMark(key: string, m: Mark | null) {
    if (m) marks.set(key, m)
    else if (!marks.delete(key)) return
    marksVersion.value++
  }

  function reset() {
    values.clear()
    marks.clear()
    pending.clear()
    marksVersion.value++
    grid.value = null
    units.value = []
    complete.value = expected.value = 0
    rowVersion.value = []
    callError.value = ''
    savedAt.value = null
  }

  async function loadRounds() {
    rounds.value = (await roundApi.list()) ?? []
  }

  /** selectRound picks a round and lists its raters with their completeness. */
  async function selectRound(id: number | null) {
    roundId.value = id
    raterId.value = null
    raters.value = []
    reset()
    if (id === null) return
    raters.value = (await scoreApi.progress(id)) ?? []
  }

  /** selectRater loads one rater's grid. */
  async function selectRater(id: number | null) {
    raterId.value = id
    reset()
    if (id === null || roundId.value === null) return
    loading.value = true
    try {
      const g = await scoreApi.grid(roundId.value, id)
      if (raterId.value !== id) return
      rowOf = new Map(g.indicators.map((ind, i) => [ind.id, i]))
      indicatorOf = new Map(g.indicators.map((ind) => [ind.id, ind]))
      for (const v of g.values ?? []) values.set(cellKey(v.unitId, v.indicatorId), v.valueCenti)
      rowVersion.value = g.indicators.map(() => 0)
      units.value = g.units
      complete.value = g.complete
      expected.value = g.expected
      grid.value = g
    } finally {
      loading.value = false
    }
  }

  /** cell tells what a cell shows: typed text not (yet) stored, or the stored value. */
  function cell(unitId: number, indicatorId: number): CellView {
    const key = cellKey(unitId, indicatorId)
    const m = marks.get(key)
    if (m) return { text: m.text, state: m.kind, message: m.message }
    const p = pending.get(key)
    if (p) return { text: p.text, state: 'pending', message: '' }
    const v = values.get(key)
    const ind = indicatorOf.get(indicatorId)
    if (v === undefined || !ind) return { text: '', state: 'empty', message: '' }
    return { text: valueText(ind, v), state: 'value', message: '' }
  }

  function applyProgress(res: Pick<EnterResult, 'units' | 'complete' | 'expected'>) {
    units.value = res.units
    complete.value = res.complete
    expected.value = res.expected
    const barred = new Set(res.units.filter((u) => u.barred).map((u) => u.id))
    let filled = 0
    for (const k of values.keys()) if (!barred.has(Number(k.split(':')[0]))) filled++
    raters.value = raters.value.map((r) => (r.id === raterId.value ? { ...r, complete: res.complete, expected: res.expected, filled } : r))
  }

  /** Batch is one enter() waiting to be sent: its cells, the grid and rater they belong to, its number. */
  interface Batch {
    cells: CellInput[]
    grid: Grid
    rater: number
    seq: number
    done: () => void
  }
  let queue: Batch[] = []
  let running = false
  let idle: Promise<void> = Promise.resolve()

  /**
   * enter sends typed or pasted cells in one call. Each cell first shows the typed text (red at
   * once when the pre-check refuses it); Go's answer then sets the stored value, or marks the cell
   * with Go's message. A failed call marks every cell unsaved with the reason. Calls run one at a
   * time, in order; edits made while one is under way go together in the next. The promise
   * resolves when the cells are done and never rejects: what went wrong is on the cells.
   */
  function enter(cells: CellInput[]): Promise<void> {
    const g = grid.value
    if (!g || readOnly.value || cells.length === 0) return Promise.resolve()
    const mine = ++seq
    for (const c of cells) {
      const key = cellKey(c.unitId, c.indicatorId)
      pending.set(key, { text: c.text, seq: mine })
      const ind = indicatorOf.get(c.indicatorId)
      const pre = ind ? precheck(ind, c.text) : null
      setMark(key, pre?.state === 'bad' ? { text: c.text, message: pre.message, kind: 'refused' } : null)
      touch(c.indicatorId)
    }
    saving.value++
    const sent = new Promise<void>((done) => queue.push({ cells, grid: g, rater: raterId.value!, seq: mine, done }))
    if (!running) {
      running = true
      idle = pump()
    }
    return sent
  }

  /** pump sends what is queued, one call at a time, until nothing is left; running is cleared in the same step that finds the queue empty. */
  async function pump() {
    try {
      while (queue.length) {
        const first = queue[0]!
        const batch = queue.filter((b) => b.grid === first.grid && b.rater === first.rater)
        queue = queue.filter((b) => !batch.includes(b))
        try {
          await send(batch)
        } finally {
          saving.value -= batch.length
          batch.forEach((b) => b.done())
        }
      }
    } finally {
      running = false
    }
  }

  async function send(batch: Batch[]) {
    const g = batch[0]!.grid
    const cells = batch.flatMap((b) => b.cells)
    const seqs = batch.flatMap((b) => b.cells.map(() => b.seq))
    // Only the newest edit of a cell decides what it shows.
    const latest = (key: string, i: number) => pending.get(key)?.seq === seqs[i]
    try {
      const res = await scoreApi.enter(g.roundId, batch[0]!.rater, cells)
      if (grid.value !== g) return
      res.cells.forEach((r, i) => {
        const c = cells[i]!
        const key = cellKey(c.unitId, c.indicatorId)
        if (r.ok) {
          if (r.blank) values.delete(key)
          else values.set(key, r.valueCenti)
        }
        if (latest(key, i)) {
          pending.delete(key)
          setMark(key, r.ok ? null : { text: c.text, message: r.message, kind: 'refused' })
        }
        touch(c.indicatorId)
      })
      applyProgress(res)
      callError.value = ''
      savedAt.value = new Date()
    } catch (e) {
      if (grid.value !== g) return
      const message = (e as Error).message
      callError.value = message
      cells.forEach((c, i) => {
        const key = cellKey(c.unitId, c.indicatorId)
        if (!latest(key, i)) return
        pending.delete(key)
        setMark(key, { text: c.text, message, kind: 'unsaved' })
        touch(c.indicatorId)
      })
    }
  }

  /** clear empties cells: a stored value is cleared in the database, typed text is dropped. */
  function clear(keys: { unitId: number; indicatorId: number }[]): Promise<void> {
    const send: CellInput[] = []
    for (const k of keys) {
      const key = cellKey(k.unitId, k.indicatorId)
      if (values.has(key) || pending.has(key)) send.push({ ...k, text: '' })
      else if (marks.has(key)) {
        setMark(key, null)
        touch(k.indicatorId)
      }
    }
    return enter(send)
  }

  /** restore drops a cell's refused or unsaved text, so that it shows the stored value again (Escape). */
  function restore(unitId: number, indicatorId: number): boolean {
    const key = cellKey(unitId, indicatorId)
    if (!marks.has(key)) return false
    setMark(key, null)
    touch(indicatorId)
    return true
  }

  /** retry sends again every cell whose call failed. */
  function retry(): Promise<void> {
    const cells: CellInput[] = []
    for (const [key, m] of marks) {
      if (m.kind !== 'unsaved') continue
      const [u, i] = key.split(':').map(Number)
      cells.push({ unitId: u!, indicatorId: i!, text: m.text })
    }
    return enter(cells)
  }

  /** settled waits until every edit made so far is sent and answered. */
  const settled = async () => {
    while (running) await idle
  }

  return {
    rounds, roundId, round, raters, raterId, grid, units, complete, expected, loading, readOnly,
    rowVersion, saving, savedAt, callError, unsaved,
    loadRounds, selectRound, selectRater, cell, enter, clear, restore, retry, settled,
  }
})
