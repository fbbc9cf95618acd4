import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { AppError } from '../api/core'
import type { Indicator, SchemeDetail, SchemeSummary } from '../api/scheme'
import { buildTree, formatPoints, toCenti, uniqueName, useSchemeStore, visibleNodes } from './scheme'

vi.mock('../api/scheme', () => ({
  schemeApi: {
    list: vi.fn(),
    get: vi.fn(),
    create: vi.fn(),
    update: vi.fn(),
    remove: vi.fn(),
    addIndicator: vi.fn(),
    updateIndicator: vi.fn(),
    deleteIndicator: vi.fn(),
    moveIndicator: vi.fn(),
    shiftIndicator: vi.fn(),
    publish: vi.fn(),
    newVersion: vi.fn(),
    diff: vi.fn(),
    pickImportFile: vi.fn(),
    previewImport: vi.fn(),
    importFile: vi.fn(),
    exportFile: vi.fn(),
  },
}))

const { schemeApi } = await import('../api/scheme')
const api = vi.mocked(schemeApi)

const sub = { scoreCenti: 0, bonusCenti: 0, deductCenti: 0 }
function ind(id: number, code: string, name: string, kind = 'score', maxCenti = 1000): Indicator {
  return {
    id, schemeId: 1, code, name, kind, maxCenti, stepCenti: 50, level: code.split('.').length, sortOrder: 1,
    points: '', method: '', options: [], subtotal: { ...sub, scoreCenti: kind ? maxCenti : 0 },
  } as unknown as Indicator
}

function detail(status: string, indicators: Indicator[]): SchemeDetail {
  return {
    scheme: { id: 1, name: '2024年度评分细则', year: 2024, version: 1, status, baseTotalCenti: 10000 },
    indicators,
    total: { scoreCenti: 3000, bonusCenti: 0, deductCenti: 0 },
    issues: [],
  } as unknown as SchemeDetail
}

// The database behind the mocked API.
let indicators: Indicator[]

beforeEach(() => {
  setActivePinia(createPinia())
  vi.resetAllMocks()
  indicators = [ind(1, '1', '党建', ''), ind(2, '1.1', 'A'), ind(3, '1.2', 'B'), ind(4, '2', '业务', ''), ind(5, '2.1', 'C')]
  api.list.mockImplementation(async () => [{ id: 1, name: '2024年度评分细则', version: 1, status: 'draft' } as unknown as SchemeSummary])
  api.get.mockImplementation(async () => detail('draft', indicators))
})

describe('tree helpers', () => {
  it('nests indicators by code, also without ids', () => {
    const tree = buildTree([ind(0, '1', 'x', ''), ind(0, '1.1', 'y'), ind(0, '1.1.1', 'z'), ind(0, '2', 'w', '')])
    expect(tree.map((n) => n.code)).toEqual(['1', '2'])
    expect(tree[0]!.children[0]!.children[0]!.name).toBe('z')
  })

  it('lists visible nodes, skipping collapsed children', () => {
    const tree = buildTree(indicators)
    expect(visibleNodes(tree, new Set()).map((n) => n.code)).toEqual(['1', '1.1', '1.2', '2', '2.1'])
    expect(visibleNodes(tree, new Set([1])).map((n) => n.code)).toEqual(['1', '2', '2.1'])
  })

  it('formats and parses points in centi-points', () => {
    expect(formatPoints(550)).toBe('5.5')
    expect(formatPoints(10000)).toBe('100')
    expect(toCenti(0.1 + 0.2)).toBe(30)
    expect(toCenti(undefined)).toBe(0)
  })

  it('finds a name no sibling has', () => {
    expect(uniqueName('新指标', ['A'])).toBe('新指标')
    expect(uniqueName('新指标', ['新指标', '新指标2'])).toBe('新指标3')
  })
})

describe('scheme store', () => {
  it('opens a scheme, builds its tree and selects the first indicator', async () => {
    const store = useSchemeStore()
    await store.open(1)
    expect(store.tree.map((n) => n.name)).toEqual(['党建', '业务'])
    expect(store.selectedId).toBe(1)
    expect(store.editable).toBe(true)
    api.get.mockImplementation(async () => detail('published', indicators))
    await store.open(1)
    expect(store.editable).toBe(false)
  })

  it('adds a child with a free name and selects it', async () => {
    const store = useSchemeStore()
    await store.open(1)
    api.addIndicator.mockImplementation(async (_s, parent, f) => {
      const added = ind(6, '1.3', f.name)
      indicators = [...indicators.slice(0, 3), added, ...indicators.slice(3)]
      return added
    })
    indicators[2] = ind(3, '1.2', '新指标')
    await store.open(1)
    await store.addIndicator(1)
    expect(api.addIndicator).toHaveBeenCalledWith(1, 1, expect.objectContaining({ name: '新指标2', kind: 'score', maxCenti: 500 }))
    expect(store.selectedId).toBe(6)
    expect(store.tree[0]!.children.map((n) => n.code)).toEqual(['1.1', '1.2', '1.3'])
  })

  it('adds a dimension as a group', async () => {
    const store = useSchemeStore()
    await store.open(1)
    api.addIndicator.mockResolvedValue(ind(7, '3', '新一级指标', ''))
    await store.addIndicator(0)
    expect(api.addIndicator).toHaveBeenCalledWith(1, 0, expect.objectContaining({ name: '新一级指标', kind: '' }))
  })

  it('selects the next indicator after a delete, skipping the deleted one’s children', async () => {
    const store = useSchemeStore()
    await store.open(1)
    store.selectedId = 1
    api.deleteIndicator.mockImplementation(async () => {
      indicators = indicators.filter((i) => !i.code.startsWith('1'))
    })
    await store.deleteIndicator(1)
    expect(api.deleteIndicator).toHaveBeenCalledWith(1)
    expect(store.selectedId).toBe(4)
  })

  it('shifts and moves through Go and reloads', async () => {
    const store = useSchemeStore()
    await store.open(1)
    api.get.mockClear()
    await store.shift(2, 1)
    expect(api.shiftIndicator).toHaveBeenCalledWith(2, 1)
    await store.move(5, 1, 0)
    expect(api.moveIndicator).toHaveBeenCalledWith(5, 1, 0)
    expect(api.get).toHaveBeenCalledTimes(2)
  })

  it('rethrows Go’s refusal of a published scheme and stays usable', async () => {
    const store = useSchemeStore()
    await store.open(1)
    api.updateIndicator.mockRejectedValue(new AppError('conflict', '已发布的方案不能修改，请“由此新建版本”'))
    await expect(store.saveIndicator({ id: 2, name: 'A', kind: 'score', maxCenti: 500, stepCenti: 50, points: '', method: '', options: [] }))
      .rejects.toMatchObject({ code: 'conflict' })
    expect(store.busy).toBe(false)
  })

  it('publishes the open scheme and reloads it', async () => {
    const store = useSchemeStore()
    await store.open(1)
    api.publish.mockImplementation(async () => {
      api.get.mockImplementation(async () => detail('published', indicators))
      return {} as never
    })
    await store.publish()
    expect(api.publish).toHaveBeenCalledWith(1)
    expect(store.detail?.scheme.status).toBe('published')
  })

  it('previews an import and imports what it previewed', async () => {
    const store = useSchemeStore()
    api.pickImportFile.mockResolvedValueOnce('')
    expect(await store.pickImport()).toBe(false)
    api.pickImportFile.mockResolvedValue('/tmp/评分细则.xlsx')
    api.previewImport.mockResolvedValue({ path: '/tmp/评分细则.xlsx', problems: [] } as never)
    expect(await store.pickImport()).toBe(true)
    api.importFile.mockResolvedValue({ scheme: { id: 9, version: 1 } } as never)
    const res = await store.importPreviewed()
    expect(api.importFile).toHaveBeenCalledWith('/tmp/评分细则.xlsx')
    expect(res.scheme.id).toBe(9)
    expect(store.preview).toBeNull()
  })
})
