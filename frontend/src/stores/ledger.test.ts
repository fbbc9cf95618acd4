import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import type { FindingFilter, FindingView } from '../api/finding'
import type { ReturnReport } from '../api/ledger'
import { useLedgerStore } from './ledger'

vi.mock('../api/finding', async (orig) => ({
  ...(await orig<typeof import('../api/finding')>()),
  findingApi: { list: vi.fn(), save: vi.fn(), setStatus: vi.fn(), remove: vi.fn(), options: vi.fn() },
}))
vi.mock('../api/ledger', () => ({
  ledgerApi: {
    exportLedger: vi.fn(),
    unitChoices: vi.fn(),
    pickExportFolder: vi.fn(),
    exportUnits: vi.fn(),
    pickReturnedFiles: vi.fn(),
    preview: vi.fn(),
    apply: vi.fn(),
    listBatches: vi.fn(),
    undo: vi.fn(),
  },
}))
vi.mock('../api/org', () => ({ orgApi: { listAreas: vi.fn(), listUnits: vi.fn() } }))
vi.mock('../api/round', () => ({ roundApi: { list: vi.fn() } }))

const { findingApi } = await import('../api/finding')
const { ledgerApi } = await import('../api/ledger')
const { orgApi } = await import('../api/org')
const { roundApi } = await import('../api/round')
const fapi = vi.mocked(findingApi)
const lapi = vi.mocked(ledgerApi)

const view = (id: number, unitId: number, status: string, overdue = false) =>
  ({ id, unitId, unitName: `单位${unitId}`, description: `问题${id}`, status, overdue, overdueDays: overdue ? 9 : 0 }) as unknown as FindingView

// The findings behind the mocked API; list filters them by unit and overdue as Go would.
let db: FindingView[]

beforeEach(() => {
  setActivePinia(createPinia())
  vi.resetAllMocks()
  db = [view(1, 10, '待整改', true), view(2, 10, '整改中'), view(3, 11, '已整改'), view(4, 12, '已销号'), view(5, 11, '待整改')]
  fapi.list.mockImplementation(async (f: Partial<FindingFilter>) => db.filter((x) => (!f.unitId || x.unitId === f.unitId) && (!f.overdue || x.overdue)))
  fapi.options.mockResolvedValue({ methods: ['查阅资料'], statuses: null, dimensions: null } as never)
  vi.mocked(roundApi.list).mockResolvedValue([{ id: 7, code: '2024Q3' }] as never)
  vi.mocked(orgApi.listAreas).mockResolvedValue([{ id: 1, name: '第一联系片' }] as never)
  vi.mocked(orgApi.listUnits).mockResolvedValue([
    { id: 10, name: '单位10', areaId: 1 },
    { id: 11, name: '单位11', areaId: 2 },
  ] as never)
  lapi.listBatches.mockResolvedValue(null as never)
})

const report = (status: string): ReturnReport =>
  ({ token: 'tok', files: [{ path: '/x/教体局.xlsx', fileName: '教体局.xlsx', status, changes: null, problems: null, notes: null }] }) as unknown as ReturnReport

describe('ledger store', () => {
  it('loads every finding with the filters’ choices and counts them by status', async () => {
    const store = useLedgerStore()
    await store.init()
    expect(fapi.list).toHaveBeenCalledWith({ roundId: 0, areaId: 0, unitId: 0, overdue: false, query: '' })
    expect(fapi.options).toHaveBeenCalledWith(0)
    expect(store.rounds.map((r) => r.code)).toEqual(['2024Q3'])
    expect(store.options).toEqual({ methods: ['查阅资料'], statuses: ['待整改', '整改中', '已整改', '已销号'], dimensions: [] })
    expect(store.batches).toEqual([])
    expect(store.counts).toEqual({ all: 5, overdue: 1, 待整改: 2, 整改中: 1, 已整改: 1, 已销号: 1 })
    expect(store.filtered).toBe(false)
  })

  it('chooses a status among the loaded rows, keeping the counts of all', async () => {
    const store = useLedgerStore()
    await store.init()
    store.status = '待整改'
    expect(store.rows.map((f) => f.id)).toEqual([1, 5])
    expect(store.counts.all).toBe(5)
    expect(store.filtered).toBe(true)
  })

  it('asks Go again when the filter changes, and drops a unit outside a newly chosen area', async () => {
    const store = useLedgerStore()
    await store.init()
    await store.setFilter({ unitId: 11 })
    expect(store.rows.map((f) => f.id)).toEqual([3, 5])
    await store.setFilter({ areaId: 1 })
    expect(store.filter.unitId).toBe(0)
    expect(store.unitsOfArea.map((u) => u.id)).toEqual([10])
    await store.setFilter({ overdue: true })
    expect(fapi.list).toHaveBeenLastCalledWith({ roundId: 0, areaId: 1, unitId: 0, overdue: true, query: '' })
    store.status = '已整改'
    await store.resetFilter()
    expect(store.status).toBe('')
    expect(store.filter).toEqual({ roundId: 0, areaId: 0, unitId: 0, overdue: false, query: '' })
  })

  it('keeps only the newest answer when loads overlap', async () => {
    const store = useLedgerStore()
    let release: (v: FindingView[]) => void = () => {}
    fapi.list.mockImplementationOnce(() => new Promise((r) => (release = r)))
    const slow = store.load()
    await store.setFilter({ unitId: 12 })
    release(db)
    await slow
    expect(store.items.map((f) => f.id)).toEqual([4])
    expect(store.loading).toBe(false)
  })

  it('reloads after a save, a status move and a deletion', async () => {
    const store = useLedgerStore()
    fapi.save.mockResolvedValue(9)
    expect(await store.save({ id: 0, unitId: 10, description: '新问题' } as never)).toBe(9)
    await store.setStatus(1, { to: '整改中', date: '', confirmed: false })
    expect(fapi.setStatus).toHaveBeenCalledWith(1, { to: '整改中', date: '', confirmed: false })
    await store.remove(2)
    expect(fapi.remove).toHaveBeenCalledWith(2)
    expect(fapi.list).toHaveBeenCalledTimes(3)
  })

  it('exports the ledger as the page shows it', async () => {
    const store = useLedgerStore()
    lapi.exportLedger.mockResolvedValue('/tmp/台账.xlsx')
    await store.setFilter({ roundId: 7 })
    store.status = '整改中'
    expect(await store.exportLedger()).toBe('/tmp/台账.xlsx')
    expect(lapi.exportLedger).toHaveBeenCalledWith({ roundId: 7, areaId: 0, unitId: 0, overdue: false, query: '', status: '整改中' })
  })

  it('exports the units’ workbooks into the folder chosen, and nothing when none is', async () => {
    const store = useLedgerStore()
    lapi.pickExportFolder.mockResolvedValueOnce('')
    expect(await store.exportUnits([10], 0, '')).toBeNull()
    expect(lapi.exportUnits).not.toHaveBeenCalled()
    lapi.pickExportFolder.mockResolvedValueOnce('/out')
    lapi.exportUnits.mockResolvedValue({ dir: '/out', files: [{ fileName: '单位10_整改情况反馈表.xlsx' }], skipped: null } as never)
    const res = await store.exportUnits([10, 11], 7, '2024-12-20')
    expect(lapi.exportUnits).toHaveBeenCalledWith({ unitIds: [10, 11], roundId: 7, deadline: '2024-12-20', dir: '/out' })
    expect(res?.skipped).toEqual([])
    expect(store.exported?.files).toHaveLength(1)
    expect(store.exporting).toBe(false)
  })

  it('previews returns, applies them by the preview’s token, and reloads', async () => {
    const store = useLedgerStore()
    lapi.pickReturnedFiles.mockResolvedValueOnce([])
    expect(await store.pickReturns()).toBe(false)
    expect(lapi.preview).not.toHaveBeenCalled()
    lapi.pickReturnedFiles.mockResolvedValueOnce(['/x/教体局.xlsx'])
    lapi.preview.mockResolvedValue(report('preview'))
    expect(await store.pickReturns()).toBe(true)
    expect(lapi.preview).toHaveBeenCalledWith({ paths: ['/x/教体局.xlsx'] })
    expect(store.report?.files[0]).toMatchObject({ changes: [], problems: [], notes: [] })
    expect(store.applicable).toBe(1)
    lapi.apply.mockResolvedValue(report('applied'))
    lapi.listBatches.mockResolvedValue([{ id: 3 }] as never)
    await store.apply()
    expect(lapi.apply).toHaveBeenCalledWith({ token: 'tok' })
    expect(store.done).toBe(true)
    expect(store.applicable).toBe(0)
    expect(store.batches).toHaveLength(1)
    expect(fapi.list).toHaveBeenCalled()
    await store.apply()
    expect(lapi.apply).toHaveBeenCalledTimes(1)
    store.clearReturns()
    expect(store.report).toBeNull()
  })

  it('counts only previewed files as applicable', async () => {
    const store = useLedgerStore()
    lapi.preview.mockResolvedValue({ token: 't', files: [...report('refused').files, ...report('unchanged').files, ...report('preview').files] } as ReturnReport)
    await store.preview(['/a', '/b', '/c'])
    expect(store.applicable).toBe(1)
  })

  it('undoes a batch and reloads the ledger and the history', async () => {
    const store = useLedgerStore()
    lapi.undo.mockResolvedValue({ batchId: 3, restored: 2 } as never)
    const res = await store.undo(3)
    expect(res.restored).toBe(2)
    expect(lapi.undo).toHaveBeenCalledWith(3)
    expect(lapi.listBatches).toHaveBeenCalled()
    expect(fapi.list).toHaveBeenCalled()
  })
})
