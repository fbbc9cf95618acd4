import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { AppError } from '../api/core'
import type { Finding, FindingOptions, FindingView } from '../api/finding'
import { countFindings, useFindingStore } from './finding'

vi.mock('../api/finding', async (orig) => ({
  ...(await orig<typeof import('../api/finding')>()),
  findingApi: { list: vi.fn(), save: vi.fn(), setStatus: vi.fn(), remove: vi.fn(), options: vi.fn() },
}))

const { findingApi } = await import('../api/finding')
const api = vi.mocked(findingApi)

const view = (id: number, unitId: number, status: string, overdue = false) =>
  ({ id, roundId: 5, unitId, unitName: `单位${unitId}`, description: `问题${id}`, status, overdue, overdueDays: overdue ? 3 : 0 }) as unknown as FindingView
const opts: FindingOptions = { methods: ['听取汇报', '查阅资料'], statuses: ['待整改', '整改中', '已整改', '已销号'], dimensions: ['模范机关建设'] }

// The findings behind the mocked API, by round.
let db: Record<number, FindingView[]>

beforeEach(() => {
  setActivePinia(createPinia())
  vi.resetAllMocks()
  db = { 5: [view(1, 10, '待整改', true), view(2, 10, '已整改'), view(3, 11, '整改中', true)], 4: [view(9, 12, '已销号')] }
  api.list.mockImplementation(async (f) => db[f.roundId ?? 0] ?? [])
  api.options.mockResolvedValue(opts)
})

describe('countFindings', () => {
  it('counts by status and overdue', () => {
    expect(countFindings(db[5]!)).toEqual({ all: 3, overdue: 2, 待整改: 1, 整改中: 1, 已整改: 1, 已销号: 0 })
    expect(countFindings([])).toEqual({ all: 0, overdue: 0, 待整改: 0, 整改中: 0, 已整改: 0, 已销号: 0 })
  })
})

describe('finding store', () => {
  it('loads a round’s findings with the form’s options', async () => {
    const store = useFindingStore()
    const loading = store.load(5)
    expect(store.loading).toBe(true)
    await loading
    expect(store.loading).toBe(false)
    expect(api.list).toHaveBeenCalledWith({ roundId: 5 })
    expect(api.options).toHaveBeenCalledWith(5)
    expect(store.items.map((f) => f.id)).toEqual([1, 2, 3])
    expect(store.options.dimensions).toEqual(['模范机关建设'])
    expect(store.counts.overdue).toBe(2)
    expect(store.ofUnit(10).map((f) => f.id)).toEqual([1, 2])
  })

  it('treats null lists from Go as empty', async () => {
    api.list.mockResolvedValue(null as unknown as FindingView[])
    api.options.mockResolvedValue({ methods: null, statuses: null, dimensions: null } as unknown as FindingOptions)
    const store = useFindingStore()
    await store.load(5)
    expect(store.items).toEqual([])
    expect(store.options).toEqual({ methods: [], statuses: [], dimensions: [] })
  })

  it('keeps the round the user moved on to when an older load finishes last', async () => {
    let release: (v: FindingView[]) => void = () => {}
    api.list.mockImplementationOnce(() => new Promise<FindingView[]>((r) => (release = r)))
    const store = useFindingStore()
    const slow = store.load(5)
    await store.load(4)
    release(db[5]!)
    await slow
    expect(store.roundId).toBe(4)
    expect(store.items.map((f) => f.id)).toEqual([9])
  })

  it('saves a finding into the current round and reloads', async () => {
    const store = useFindingStore()
    await store.load(5)
    api.save.mockImplementation(async (f: Finding) => {
      db[5]!.push(view(4, f.unitId, '待整改'))
      return 4
    })
    const f = { id: 0, unitId: 11, description: '台账不全', status: '' } as unknown as Finding
    expect(await store.save(f)).toBe(4)
    expect(api.save).toHaveBeenCalledWith(expect.objectContaining({ roundId: 5, unitId: 11, description: '台账不全' }))
    expect(store.items.map((f) => f.id)).toEqual([1, 2, 3, 4])
  })

  it('moves a status and reloads', async () => {
    const store = useFindingStore()
    await store.load(5)
    api.setStatus.mockImplementation(async (id) => {
      db[5]!.find((f) => f.id === id)!.status = '已整改'
    })
    await store.setStatus(1, { to: '已整改', date: '2024-10-08', confirmed: false })
    expect(api.setStatus).toHaveBeenCalledWith(1, { to: '已整改', date: '2024-10-08', confirmed: false })
    expect(store.counts.已整改).toBe(2)
  })

  it('removes a finding and reloads', async () => {
    const store = useFindingStore()
    await store.load(5)
    api.remove.mockImplementation(async (id) => {
      db[5] = db[5]!.filter((f) => f.id !== id)
    })
    await store.remove(2)
    expect(api.remove).toHaveBeenCalledWith(2)
    expect(store.items.map((f) => f.id)).toEqual([1, 3])
  })

  it('passes Go’s refusal on and keeps the list', async () => {
    const store = useFindingStore()
    await store.load(5)
    api.setStatus.mockRejectedValue(new AppError('conflict', '从“已整改”退回“整改中”会撤销已记录的进度，须确认后再退回'))
    await expect(store.setStatus(2, { to: '整改中', date: '', confirmed: false })).rejects.toMatchObject({ code: 'conflict' })
    expect(store.items.map((f) => f.id)).toEqual([1, 2, 3])
    expect(api.list).toHaveBeenCalledTimes(1)
  })
})
