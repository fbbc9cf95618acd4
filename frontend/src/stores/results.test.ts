import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import type { RoundSummary } from '../api/round'
import type { Results, TrendPoint, UnitResult } from '../api/score'
import { defaultRoundId, useResultsStore } from './results'

vi.mock('../api/round', () => ({ roundApi: { list: vi.fn() } }))
vi.mock('../api/score', () => ({ scoreApi: { results: vi.fn(), trend: vi.fn() } }))

const { roundApi } = await import('../api/round')
const { scoreApi } = await import('../api/score')
const rounds = vi.mocked(roundApi)
const scores = vi.mocked(scoreApi)

const round = (id: number, code: string, status: string, scoreCount: number) =>
  ({ id, code, title: code, status, scoreCount, unitCount: 11, raterCount: 15, schemeName: '', schemeVersion: 1 }) as unknown as RoundSummary
const unit = (id: number, name: string, areaName: string, areaNumber: number, finalCenti: number, rank: number) =>
  ({ id, name, shortName: name, areaName, areaNumber, scored: true, finalCenti, rank, grade: '优秀', groups: [], dimensions: [] }) as unknown as UnitResult
const results = (roundId: number, units: UnitResult[]) => ({ roundId, code: `R${roundId}`, units, indicators: [], raters: [], groups: [] }) as unknown as Results

// Newest first, as Go lists them: 2024Q4 is being scored without scores yet, 2025Q1 only planned.
const list = [round(7, '2025Q1', 'planned', 0), round(6, '2024Q4', 'scoring', 0), round(5, '2024Q3', 'closed', 400), round(4, '2024Q2', 'closed', 380)]

beforeEach(() => {
  setActivePinia(createPinia())
  vi.resetAllMocks()
  rounds.list.mockResolvedValue(list)
  scores.results.mockImplementation(async (id: number) =>
    results(id, [unit(1, '区红十字会', '第九联系片', 9, 9680, 1), unit(2, '区司法局', '第三联系片', 3, 9523, 2), unit(3, '区档案馆', '第三联系片', 3, 8970, 3)]),
  )
})

describe('defaultRoundId', () => {
  it('prefers the newest scoring or closed round that has scores', () => {
    expect(defaultRoundId(list)).toBe(5)
  })
  it('falls back to the newest scoring or closed round', () => {
    expect(defaultRoundId([round(7, 'a', 'planned', 0), round(6, 'b', 'scoring', 0), round(5, 'c', 'closed', 0)])).toBe(6)
  })
  it('is 0 when only planned rounds exist', () => {
    expect(defaultRoundId([round(7, 'a', 'planned', 0)])).toBe(0)
    expect(defaultRoundId([])).toBe(0)
  })
})

describe('results store', () => {
  it('lists the rounds that can be ranked and opens the default one', async () => {
    const store = useResultsStore()
    await store.load()
    expect(store.rounds.map((r) => r.code)).toEqual(['2024Q4', '2024Q3', '2024Q2'])
    expect(store.roundId).toBe(5)
    expect(store.round?.code).toBe('2024Q3')
    expect(scores.results).toHaveBeenCalledWith(5)
    expect(store.units.map((u) => u.rank)).toEqual([1, 2, 3])
  })

  it('keeps the chosen round when reloading', async () => {
    const store = useResultsStore()
    await store.load()
    await store.select(4)
    await store.load()
    expect(store.roundId).toBe(4)
    expect(scores.results).toHaveBeenLastCalledWith(4)
  })

  it('shows nothing when no round can be ranked', async () => {
    rounds.list.mockResolvedValue([round(7, '2025Q1', 'planned', 0)])
    const store = useResultsStore()
    await store.load()
    expect(store.rounds).toEqual([])
    expect(store.results).toBeNull()
    expect(scores.results).not.toHaveBeenCalled()
  })

  it('filters the ranking by area, keeping round-wide ranks, and lists the areas in number order', async () => {
    const store = useResultsStore()
    await store.load()
    expect(store.areas).toEqual([
      { name: '第三联系片', number: 3, count: 2 },
      { name: '第九联系片', number: 9, count: 1 },
    ])
    store.area = '第三联系片'
    expect(store.units.map((u) => [u.name, u.rank])).toEqual([['区司法局', 2], ['区档案馆', 3]])
  })

  it('clears the area filter when another round is chosen', async () => {
    const store = useResultsStore()
    await store.load()
    store.area = '第三联系片'
    await store.select(4)
    expect(store.area).toBe('')
    expect(store.units).toHaveLength(3)
  })

  it('ignores a slow answer for a round the user has left', async () => {
    const store = useResultsStore()
    await store.load()
    let release: (r: Results) => void = () => {}
    scores.results.mockImplementationOnce(() => new Promise<Results>((res) => (release = res)))
    const slow = store.select(4)
    await store.select(6)
    release(results(4, []))
    await slow
    expect(store.roundId).toBe(6)
    expect(store.results?.roundId).toBe(6)
  })

  it('asks Go for a unit trend once per round shown', async () => {
    const pts = [{ code: '2024Q3', finalCenti: 9680, rank: 1, units: 11 }] as unknown as TrendPoint[]
    scores.trend.mockResolvedValue(pts)
    const store = useResultsStore()
    await store.load()
    expect(await store.trend(1)).toEqual(pts)
    expect(await store.trend(1)).toEqual(pts)
    expect(scores.trend).toHaveBeenCalledTimes(1)
    await store.select(4)
    await store.trend(1)
    expect(scores.trend).toHaveBeenCalledTimes(2)
  })

  it('treats a null trend from Go as empty', async () => {
    scores.trend.mockResolvedValue(null as unknown as TrendPoint[])
    const store = useResultsStore()
    expect(await store.trend(9)).toEqual([])
  })

  it('passes a failure on and stops loading', async () => {
    scores.results.mockRejectedValue(new Error('数据库没有打开'))
    const store = useResultsStore()
    await expect(store.load()).rejects.toThrow('数据库没有打开')
    expect(store.loading).toBe(false)
  })
})
