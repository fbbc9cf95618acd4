import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { AppError } from '../api/core'
import type { AreaView, PersonView, UnitView } from '../api/org'
import { useOrgStore } from './org'

vi.mock('../api/org', () => ({
  orgApi: {
    listAreas: vi.fn(),
    saveArea: vi.fn(),
    deleteArea: vi.fn(),
    listUnits: vi.fn(),
    saveUnit: vi.fn(),
    deleteUnit: vi.fn(),
    listPeople: vi.fn(),
    savePerson: vi.fn(),
    deletePerson: vi.fn(),
  },
}))

const { orgApi } = await import('../api/org')
const api = vi.mocked(orgApi)

const area = (id: number, name: string): AreaView => ({
  id, number: id, name, leadUnit: '', liaison: '', leader: '', unitCount: 0,
})
const unit = (id: number, name: string): UnitView => ({
  id, name, shortName: name, orgType: '党组', secretary: '', memberCount: 0, sortOrder: id, areaName: '', areaNumber: 0, peopleCount: 0,
})
const person = (id: number, name: string): PersonView => ({ id, name, title: '', phone: '', unitName: '' })

// The database behind the mocked API: what the list calls return right now.
let db: { areas: AreaView[]; units: UnitView[]; people: PersonView[] }

beforeEach(() => {
  setActivePinia(createPinia())
  vi.resetAllMocks()
  db = { areas: [area(1, '第一联系片')], units: [unit(1, '区委办公室')], people: [person(1, '王建国')] }
  api.listAreas.mockImplementation(async () => db.areas)
  api.listUnits.mockImplementation(async () => db.units)
  api.listPeople.mockImplementation(async () => db.people)
})

describe('org store', () => {
  it('loads areas, units and people', async () => {
    const store = useOrgStore()
    const loading = store.load()
    expect(store.loading).toBe(true)
    await loading
    expect(store.loading).toBe(false)
    expect(store.areas.map((a) => a.name)).toEqual(['第一联系片'])
    expect(store.units.map((u) => u.name)).toEqual(['区委办公室'])
    expect(store.people.map((p) => p.name)).toEqual(['王建国'])
  })

  it('treats a null list from Go as empty', async () => {
    api.listAreas.mockResolvedValue(null as unknown as AreaView[])
    const store = useOrgStore()
    await store.load()
    expect(store.areas).toEqual([])
  })

  it.each([
    ['saveArea', () => useOrgStore().saveArea({ id: 0, number: 2, name: '第二联系片' }), 'saveArea', () => db.areas.push(area(2, '第二联系片'))],
    ['deleteArea', () => useOrgStore().deleteArea(1), 'deleteArea', () => db.areas.pop()],
    ['saveUnit', () => useOrgStore().saveUnit({ id: 0, name: '区档案馆', shortName: '档案馆', orgType: '', secretary: '', memberCount: 0, sortOrder: 2 }), 'saveUnit', () => db.units.push(unit(2, '区档案馆'))],
    ['deleteUnit', () => useOrgStore().deleteUnit(1), 'deleteUnit', () => db.units.pop()],
    ['savePerson', () => useOrgStore().savePerson({ id: 0, name: '李敏', title: '', phone: '' }), 'savePerson', () => db.people.push(person(2, '李敏'))],
    ['deletePerson', () => useOrgStore().deletePerson(1), 'deletePerson', () => db.people.pop()],
  ] as const)('%s calls Go and reloads what changed', async (_name, act, method, change) => {
    const store = useOrgStore()
    await store.load()
    const before = { areas: store.areas.length, units: store.units.length, people: store.people.length }
    ;(api[method] as ReturnType<typeof vi.fn>).mockImplementation(async (arg: unknown) => {
      change()
      return arg
    })
    await act()
    expect(api[method]).toHaveBeenCalledTimes(1)
    expect(api.listAreas).toHaveBeenCalledTimes(2)
    expect(api.listUnits).toHaveBeenCalledTimes(2)
    expect(api.listPeople).toHaveBeenCalledTimes(2)
    const after = { areas: store.areas.length, units: store.units.length, people: store.people.length }
    expect(after).not.toEqual(before)
  })

  it('returns what Go saved', async () => {
    api.saveArea.mockResolvedValue({ id: 7, number: 2, name: '第二联系片' })
    const saved = await useOrgStore().saveArea({ id: 0, number: 2, name: '第二联系片' })
    expect(saved.id).toBe(7)
  })

  it('surfaces a refused save and does not reload', async () => {
    const store = useOrgStore()
    await store.load()
    api.saveUnit.mockRejectedValue(new AppError('conflict', '简称「区委办公室」已被其他单位使用'))
    const saving = store.saveUnit({ id: 0, name: '区委办公室二', shortName: '区委办公室', orgType: '', secretary: '', memberCount: 0, sortOrder: 0 })
    await expect(saving).rejects.toMatchObject({ code: 'conflict', message: '简称「区委办公室」已被其他单位使用' })
    expect(api.listUnits).toHaveBeenCalledTimes(1)
    expect(store.units.map((u) => u.name)).toEqual(['区委办公室'])
  })

  it('surfaces a refused delete and keeps the rows', async () => {
    const store = useOrgStore()
    await store.load()
    api.deleteArea.mockRejectedValue(new AppError('conflict', '第一联系片下还有 1 个单位'))
    await expect(store.deleteArea(1)).rejects.toBeInstanceOf(AppError)
    expect(store.areas).toHaveLength(1)
  })

  it('surfaces a failed load and stops loading', async () => {
    api.listPeople.mockRejectedValue(new AppError('internal', '数据库没有打开'))
    const store = useOrgStore()
    await expect(store.load()).rejects.toMatchObject({ message: '数据库没有打开' })
    expect(store.loading).toBe(false)
  })
})
