import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { AppError } from '../api/core'
import type { BranchView, BrandView, FrontlineSummary, LedgerPlan, MatterView } from '../api/frontline'
import { useFrontlineStore } from './frontline'
import { filterBranches, filterBrands, filterMatters, memberNames, points, dateOrderProblem } from './frontlineFilters'

vi.mock('../api/frontline', () => ({
  frontlineApi: {
    listBranches: vi.fn(),
    saveBranch: vi.fn(),
    deleteBranch: vi.fn(),
    listMatters: vi.fn(),
    saveMatter: vi.fn(),
    deleteMatter: vi.fn(),
    listBrands: vi.fn(),
    saveBrand: vi.fn(),
    deleteBrand: vi.fn(),
    roundChoices: vi.fn(),
    applyBrand: vi.fn(),
    withdrawBrand: vi.fn(),
    summary: vi.fn(),
    options: vi.fn(),
    pickLedger: vi.fn(),
    previewLedger: vi.fn(),
    importLedger: vi.fn(),
    exportLedger: vi.fn(),
  },
}))

const { frontlineApi } = await import('../api/frontline')
const api = vi.mocked(frontlineApi)

const branch = (id: number, name: string, kind = '巡察组', active = true): BranchView => ({
  id, name, kind, hostText: '', host: '区纪委监委', secretary: '王建国', memberCount: 5, members: '王建国、李敏',
  founded: '2024-03-01', dissolved: active ? '' : '2024-05-31', notes: '', parentName: '', active, teams: 0, matters: 0, mattersDone: 0,
})
const matter = (id: number, title: string, status = '已办结', source = '群众', branchId?: number): MatterView => ({
  id, code: `2024-${String(id).padStart(4, '0')}`, title, source, requester: '', branchId, unitId: 1, handler: '李敏', received: '2024-03-05',
  done: status === '已办结' ? '2024-03-09' : '', status, result: '', branchName: '', branchKind: '', unitName: '区水务局', unitShortName: '水务局',
})
const brand = (id: number, name: string, bonusCenti = 0): BrandView => ({
  id, unitId: 1, kind: '荣誉', name, level: '市级', year: 2023, issuer: '中共济宁市委市直机关工委', bonusCenti, notes: '',
  unitName: '区教育和体育局', unitShortName: '教体局', parentName: '', subBrands: 0, applications: [],
}) as unknown as BrandView
const summary = (n: number): FrontlineSummary => ({
  branches: n, activeBranches: n, inspection: 0, matters: 0, mattersDone: 0, mattersOpen: 0, forPublic: 0, forCompanies: 0, brands: 0, honours: 0,
})

// The database behind the mocked API.
let db: { branches: BranchView[]; matters: MatterView[]; brands: BrandView[] }

beforeEach(() => {
  setActivePinia(createPinia())
  vi.resetAllMocks()
  db = {
    branches: [branch(1, '第一轮巡察第一组临时党支部')],
    matters: [matter(1, '东关社区路灯维修', '已办结', '群众', 1), matter(2, '设备更新政策上门解读', '办理中', '企业')],
    brands: [brand(1, '济宁市机关党建创新优秀案例', 150)],
  }
  api.listBranches.mockImplementation(async () => db.branches)
  api.listMatters.mockImplementation(async () => db.matters)
  api.listBrands.mockImplementation(async () => db.brands)
  api.summary.mockImplementation(async () => summary(db.branches.length))
  api.options.mockResolvedValue({ branchKinds: ['指挥部', '工作专班', '巡察组', '项目'], sources: ['群众', '企业'], matterStatuses: ['办理中', '已办结'],
    brandKinds: ['党建品牌', '子品牌', '荣誉'], levels: ['国家级', '省级', '市级', '区级'], minMembers: 3, maxBonusCenti: 1000, today: '2024-12-01' })
})

describe('frontline store', () => {
  it('loads the three ledgers, their counts and the form choices', async () => {
    const store = useFrontlineStore()
    const loading = store.load()
    expect(store.loading).toBe(true)
    await loading
    expect(store.loading).toBe(false)
    expect(store.branches).toHaveLength(1)
    expect(store.matters).toHaveLength(2)
    expect(store.brands).toHaveLength(1)
    expect(store.summary?.branches).toBe(1)
    expect(store.options?.minMembers).toBe(3)
  })

  it('treats null lists from Go as empty', async () => {
    api.listMatters.mockResolvedValue(null as unknown as MatterView[])
    const store = useFrontlineStore()
    await store.load()
    expect(store.matters).toEqual([])
  })

  it('reloads branches, matters and the counts after a branch is saved', async () => {
    const store = useFrontlineStore()
    await store.load()
    api.saveBranch.mockImplementation(async (b) => {
      db.branches.push(branch(2, b.name))
      return { ...b, id: 2 }
    })
    const saved = await store.saveBranch({ id: 0, name: '第六轮巡察第一组临时党支部', kind: '巡察组', hostUnitId: 1, hostText: '', secretary: '赵明',
      memberCount: 5, members: '', founded: '2024-11-04', dissolved: '', notes: '' })
    expect(saved.id).toBe(2)
    expect(store.branches.map((b) => b.name)).toContain('第六轮巡察第一组临时党支部')
    expect(store.summary?.branches).toBe(2)
    expect(api.listMatters).toHaveBeenCalledTimes(2)
    expect(api.listBrands).toHaveBeenCalledTimes(1)
  })

  it('surfaces a refused save with Go’s message and keeps the rows', async () => {
    const store = useFrontlineStore()
    await store.load()
    api.saveMatter.mockRejectedValue(new AppError('invalid', '办结日期 2024年3月1日 早于受理日期 2024年3月5日'))
    const saving = store.saveMatter({ ...matter(0, '路面修补'), done: '2024-03-01' })
    await expect(saving).rejects.toMatchObject({ code: 'invalid', message: '办结日期 2024年3月1日 早于受理日期 2024年3月5日' })
    expect(store.matters).toHaveLength(2)
    expect(api.listMatters).toHaveBeenCalledTimes(1)
  })

  it('surfaces a refused delete', async () => {
    const store = useFrontlineStore()
    await store.load()
    api.deleteBranch.mockRejectedValue(new AppError('conflict', '「第一轮巡察第一组临时党支部」已登记 1 件办实事，不能删除'))
    await expect(store.deleteBranch(1)).rejects.toBeInstanceOf(AppError)
    expect(store.branches).toHaveLength(1)
  })

  it('counts a brand in a round and shows the application', async () => {
    const store = useFrontlineStore()
    await store.load()
    const app = { roundId: 6, roundCode: '2024Q4', roundTitle: '2024年第四季度“常委看党建”观摩', roundStatus: 'scoring', pointsCenti: 150, verifiedBy: '王建国', at: '2024-12-01 09:30' }
    api.applyBrand.mockImplementation(async () => {
      db.brands = [{ ...db.brands[0]!, applications: [app] } as unknown as BrandView]
      return app
    })
    await store.applyBrand(1, 6)
    expect(api.applyBrand).toHaveBeenCalledWith(1, 6)
    expect(store.brands[0]!.applications.map((a) => a.roundCode)).toEqual(['2024Q4'])
  })

  it('previews a picked ledger and reloads everything once it is imported', async () => {
    const plan = (applied: boolean) => ({ file: '台账.xlsx', sheets: [], changes: [], problems: [], applied,
      counts: { branches: { created: 1, updated: 0, unchanged: 0 }, matters: { created: 0, updated: 0, unchanged: 0 }, brands: { created: 0, updated: 0, unchanged: 0 } } }) as unknown as LedgerPlan
    api.pickLedger.mockResolvedValue('/tmp/台账.xlsx')
    api.previewLedger.mockResolvedValue(plan(false))
    api.importLedger.mockResolvedValue(plan(true))
    const store = useFrontlineStore()
    expect(await store.pickLedger()).toBe(true)
    expect(api.previewLedger).toHaveBeenCalledWith('/tmp/台账.xlsx')
    expect(store.plan?.applied).toBe(false)
    const done = await store.applyLedger()
    expect(done.applied).toBe(true)
    expect(api.listBranches).toHaveBeenCalledTimes(1)
  })

  it('does nothing when the file dialog is cancelled', async () => {
    api.pickLedger.mockResolvedValue('')
    const store = useFrontlineStore()
    expect(await store.pickLedger()).toBe(false)
    expect(api.previewLedger).not.toHaveBeenCalled()
  })
})

describe('frontline filters', () => {
  it('filter branches by kind, state and text', () => {
    const list = [branch(1, '第一轮巡察第一组临时党支部', '巡察组', false), branch(2, '区县域经济高质量发展指挥部临时党支部', '指挥部')]
    expect(filterBranches(list, { kind: '指挥部', state: '', query: '' }).map((b) => b.id)).toEqual([2])
    expect(filterBranches(list, { kind: '', state: 'dissolved', query: '' }).map((b) => b.id)).toEqual([1])
    expect(filterBranches(list, { kind: '', state: '', query: '李敏' })).toHaveLength(2)
  })

  it('filter matters by status, source, branch and text', () => {
    const list = [matter(1, '东关社区路灯维修', '已办结', '群众', 1), matter(2, '设备更新政策上门解读', '办理中', '企业')]
    const none = { status: '', source: '', branchId: 0, unitId: 0, query: '' }
    expect(filterMatters(list, { ...none, status: '办理中' }).map((m) => m.id)).toEqual([2])
    expect(filterMatters(list, { ...none, source: '群众' }).map((m) => m.id)).toEqual([1])
    expect(filterMatters(list, { ...none, branchId: 1 }).map((m) => m.id)).toEqual([1])
    expect(filterMatters(list, { ...none, query: '2024-0002' }).map((m) => m.id)).toEqual([2])
  })

  it('filter brands and write points', () => {
    const list = [brand(1, '济宁市模范机关', 100), brand(2, '全国文明单位', 300)]
    expect(filterBrands(list, { kind: '', level: '', unitId: 0, query: '文明' }).map((b) => b.id)).toEqual([2])
    expect([points(150), points(100), points(0), points(5)]).toEqual(['1.5', '1', '', '0.05'])
  })

  it('mirror Go on dates and member names', () => {
    expect(dateOrderProblem('2024-03-05', '2024-03-01')).toBe(true)
    expect(dateOrderProblem('2024-03-05', '2024-03-05')).toBe(false)
    expect(dateOrderProblem('2024-03-05', '')).toBe(false)
    expect(memberNames('王建国、李敏，张伟 , 赵明　孙丽')).toEqual(['王建国', '李敏', '张伟', '赵明', '孙丽'])
  })
})
