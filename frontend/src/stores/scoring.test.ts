import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { AppError } from '../api/core'
import type { CellInput, CellResult, EnterResult, Grid, GridIndicator, RaterProgress, UnitProgress } from '../api/score'
import type { RoundSummary } from '../api/round'
import { fold } from './scoreValue'
import { useScoringStore } from './scoring'

vi.mock('../api/score', async (orig) => ({
  ...(await orig<typeof import('../api/score')>()),
  scoreApi: { grid: vi.fn(), enter: vi.fn(), progress: vi.fn() },
}))
vi.mock('../api/round', () => ({ roundApi: { list: vi.fn() } }))
vi.mock('../../wailsjs/go/app/ScoreAPI', () => ({}))

const { scoreApi } = await import('../api/score')
const { roundApi } = await import('../api/round')
const api = vi.mocked(scoreApi)
const rounds = vi.mocked(roundApi)

const ind = (id: number, kind: string, max: number, options: { label: string; points: number }[] = []): GridIndicator =>
  ({ id, kind, max, step: 50, options, code: `1.${id}`, name: `指标${id}`, dimension: '一', parent: '一', points: '', method: '', rangeMessage: `请输入0～${max / 100}之间的数，须为0.5的倍数` }) as GridIndicator
const unit = (id: number, barred = false): UnitProgress =>
  ({ id, name: `单位${id}`, shortName: `单${id}`, areaName: '', areaNumber: 1, barred, missing: 2, complete: false, total: 0 }) as UnitProgress

const grade = ind(2, 'grade', 1000, [{ label: '好', points: 1000 }, { label: '较好', points: 800 }])
function gridOf(status = 'scoring'): Grid {
  return {
    roundId: 7, code: '2024Q4', title: 't', status, group: '区委常委',
    rater: { id: 3, groupId: 1, personId: 1, name: '王', title: '', unitName: '' },
    indicators: [ind(1, 'score', 500), grade],
    units: [unit(10), unit(11, true)],
    values: [{ unitId: 10, indicatorId: 2, valueCenti: 800, comment: '', source: 'app', enteredBy: '', fileName: '', cell: '' }],
    complete: 0, expected: 1,
  } as unknown as Grid
}

/** goEnter answers like score.Service.Enter for this grid: the score row takes 0–5, the grade its options. */
function goEnter(cells: CellInput[]): EnterResult {
  const out: CellResult[] = cells.map((c) => {
    const t = fold(c.text)
    if (t === '') return { ...c, ok: true, blank: true, valueCenti: 0, message: '' }
    if (c.indicatorId === 2) {
      const o = grade.options.find((o) => o.label === t)
      return o ? { ...c, ok: true, blank: false, valueCenti: o.points, message: '' } : { ...c, ok: false, blank: false, valueCenti: 0, message: `「${t}」不是可选项（Go）` }
    }
    const v = Number(t) * 100
    return Number.isFinite(v) && v <= 500 ? { ...c, ok: true, blank: false, valueCenti: v, message: '' } : { ...c, ok: false, blank: false, valueCenti: 0, message: `「${t}」Go 拒绝` }
  }) as CellResult[]
  return { cells: out, units: [{ ...unit(10), missing: 0, complete: true, total: 1300 }, unit(11, true)], complete: 1, expected: 1 } as EnterResult
}

async function ready() {
  const s = useScoringStore()
  await s.selectRound(7)
  await s.selectRater(3)
  return s
}

beforeEach(() => {
  setActivePinia(createPinia())
  vi.resetAllMocks()
  rounds.list.mockResolvedValue([{ id: 7, code: '2024Q4', status: 'scoring' } as RoundSummary])
  api.progress.mockResolvedValue([{ id: 3, name: '王', group: '区委常委', complete: 0, expected: 1, filled: 1 } as RaterProgress])
  api.grid.mockImplementation(async () => gridOf())
  api.enter.mockImplementation(async (_r, _t, cells) => goEnter(cells))
})

describe('scoring store', () => {
  it('loads rounds, a round’s raters, and a rater’s grid with grade values shown by label', async () => {
    const s = useScoringStore()
    await s.loadRounds()
    expect(s.rounds.map((r) => r.code)).toEqual(['2024Q4'])
    await s.selectRound(7)
    expect(s.raters.map((r) => r.name)).toEqual(['王'])
    await s.selectRater(3)
    expect(api.grid).toHaveBeenCalledWith(7, 3)
    expect(s.cell(10, 2)).toEqual({ text: '较好', state: 'value', message: '' })
    expect(s.cell(10, 1).state).toBe('empty')
    expect(s.readOnly).toBe(false)
    expect([s.complete, s.expected]).toEqual([0, 1])
  })

  it('a closed round is read-only and sends nothing', async () => {
    api.grid.mockImplementation(async () => gridOf('closed'))
    const s = await ready()
    expect(s.readOnly).toBe(true)
    await s.enter([{ unitId: 10, indicatorId: 1, text: '4' }])
    expect(api.enter).not.toHaveBeenCalled()
  })

  it('shows typed text while saving, then the stored value, progress and the rater’s completeness', async () => {
    const s = await ready()
    const v0 = s.rowVersion[0]!
    const done = s.enter([{ unitId: 10, indicatorId: 1, text: '４.5' }])
    expect(s.cell(10, 1)).toEqual({ text: '４.5', state: 'pending', message: '' })
    expect(s.saving).toBe(1)
    expect(s.rowVersion[0]).toBeGreaterThan(v0)
    await done
    expect(s.cell(10, 1)).toEqual({ text: '4.5', state: 'value', message: '' })
    expect(s.saving).toBe(0)
    expect(s.savedAt).not.toBeNull()
    expect(s.units[0]!.complete).toBe(true)
    expect(s.complete).toBe(1)
    expect(s.raters[0]).toMatchObject({ complete: 1, expected: 1, filled: 2 })
  })

  it('marks a value the pre-check refuses at once, and keeps Go’s message after the call', async () => {
    const s = await ready()
    const done = s.enter([{ unitId: 10, indicatorId: 1, text: '九十' }])
    expect(s.cell(10, 1)).toEqual({ text: '九十', state: 'refused', message: '「九十」不是数字，请输入0～5之间的数，须为0.5的倍数' })
    await done
    expect(s.cell(10, 1)).toEqual({ text: '九十', state: 'refused', message: '「九十」Go 拒绝' })
    expect(s.unsaved).toEqual([{ key: '10:1', text: '九十', message: '「九十」Go 拒绝', kind: 'refused' }])
  })

  it('keeps the stored value under a refused one, and Escape (restore) shows it again', async () => {
    const s = await ready()
    await s.enter([{ unitId: 10, indicatorId: 2, text: '优秀' }])
    expect(s.cell(10, 2).state).toBe('refused')
    expect(s.restore(10, 2)).toBe(true)
    expect(s.cell(10, 2)).toEqual({ text: '较好', state: 'value', message: '' })
    expect(s.restore(10, 2)).toBe(false)
  })

  it('a correction replaces the red cell with the value', async () => {
    const s = await ready()
    await s.enter([{ unitId: 10, indicatorId: 1, text: '6' }])
    expect(s.cell(10, 1).state).toBe('refused')
    await s.enter([{ unitId: 10, indicatorId: 1, text: '5' }])
    expect(s.cell(10, 1)).toEqual({ text: '5', state: 'value', message: '' })
    expect(s.unsaved).toEqual([])
  })

  it('sends a paste as one call and reports each cell', async () => {
    const s = await ready()
    await s.enter([
      { unitId: 10, indicatorId: 1, text: '3' },
      { unitId: 10, indicatorId: 2, text: '好' },
    ])
    expect(api.enter).toHaveBeenCalledTimes(1)
    expect(s.cell(10, 1).text).toBe('3')
    expect(s.cell(10, 2).text).toBe('好')
  })

  it('a failed call keeps the typed text as unsaved with the reason, and retry sends it again', async () => {
    const s = await ready()
    api.enter.mockRejectedValueOnce(new AppError('invalid', '本轮已结束，不能再修改评分'))
    await s.enter([{ unitId: 10, indicatorId: 1, text: '4' }])
    expect(s.cell(10, 1)).toEqual({ text: '4', state: 'unsaved', message: '本轮已结束，不能再修改评分' })
    expect(s.callError).toBe('本轮已结束，不能再修改评分')
    await s.retry()
    expect(api.enter).toHaveBeenLastCalledWith(7, 3, [{ unitId: 10, indicatorId: 1, text: '4' }])
    expect(s.cell(10, 1)).toEqual({ text: '4', state: 'value', message: '' })
    expect(s.callError).toBe('')
  })

  it('runs calls in order, and an older answer does not hide a newer edit of the same cell', async () => {
    const s = await ready()
    const releases: (() => void)[] = []
    api.enter.mockImplementation(async (_r, _t, cells) => {
      await new Promise<void>((r) => releases.push(r))
      return goEnter(cells)
    })
    const first = s.enter([{ unitId: 10, indicatorId: 1, text: '2' }])
    const second = s.enter([{ unitId: 10, indicatorId: 1, text: '3' }])
    await vi.waitFor(() => expect(releases.length).toBe(1))
    await new Promise((r) => setTimeout(r, 10))
    expect(api.enter).toHaveBeenCalledTimes(1)
    releases[0]!()
    await first
    expect(s.cell(10, 1)).toEqual({ text: '3', state: 'pending', message: '' })
    await vi.waitFor(() => expect(releases.length).toBe(2))
    releases[1]!()
    await second
    expect(api.enter).toHaveBeenCalledTimes(2)
    expect(s.cell(10, 1)).toEqual({ text: '3', state: 'value', message: '' })
  })

  it('sends the edits made while a call is under way together in the next call', async () => {
    const s = await ready()
    const releases: (() => void)[] = []
    api.enter.mockImplementation(async (_r, _t, cells) => {
      await new Promise<void>((r) => releases.push(r))
      return goEnter(cells)
    })
    const first = s.enter([{ unitId: 10, indicatorId: 1, text: '2' }])
    await vi.waitFor(() => expect(releases.length).toBe(1))
    const second = s.enter([{ unitId: 10, indicatorId: 2, text: '好' }])
    const third = s.enter([{ unitId: 10, indicatorId: 1, text: '九十' }])
    expect(s.saving).toBe(3)
    releases[0]!()
    await first
    // The first answer does not hide the newer, refused text of the same cell.
    expect(s.cell(10, 1)).toMatchObject({ text: '九十', state: 'refused' })
    await vi.waitFor(() => expect(releases.length).toBe(2))
    expect(api.enter).toHaveBeenLastCalledWith(7, 3, [
      { unitId: 10, indicatorId: 2, text: '好' },
      { unitId: 10, indicatorId: 1, text: '九十' },
    ])
    releases[1]!()
    await Promise.all([second, third, s.settled()])
    expect(api.enter).toHaveBeenCalledTimes(2)
    expect(s.saving).toBe(0)
    expect(s.cell(10, 2).text).toBe('好')
    expect(s.cell(10, 1)).toEqual({ text: '九十', state: 'refused', message: '「九十」Go 拒绝' })
  })

  it('an edit made as soon as the last call is answered is sent too', async () => {
    const s = await ready()
    await s.enter([{ unitId: 10, indicatorId: 1, text: '2' }]).then(() => s.enter([{ unitId: 10, indicatorId: 1, text: '3' }]))
    await s.settled()
    expect(api.enter).toHaveBeenCalledTimes(2)
    expect(s.cell(10, 1)).toEqual({ text: '3', state: 'value', message: '' })
  })

  it('clear sends blank text for stored values and just drops typed text that was never stored', async () => {
    const s = await ready()
    await s.enter([{ unitId: 10, indicatorId: 1, text: '九十' }])
    api.enter.mockClear()
    await s.clear([{ unitId: 10, indicatorId: 1 }, { unitId: 10, indicatorId: 2 }])
    expect(api.enter).toHaveBeenCalledWith(7, 3, [{ unitId: 10, indicatorId: 2, text: '' }])
    expect(s.cell(10, 1).state).toBe('empty')
    expect(s.cell(10, 2).state).toBe('empty')
  })

  it('switching the rater drops the old grid’s cells', async () => {
    const s = await ready()
    await s.enter([{ unitId: 10, indicatorId: 1, text: '九十' }])
    await s.selectRater(3)
    expect(s.unsaved).toEqual([])
    expect(s.cell(10, 1).state).toBe('empty')
  })
})
