import { defineStore } from 'pinia'
import { ref } from 'vue'
import { orgApi, type Area, type AreaView, type Person, type PersonView, type Unit, type UnitView } from '../api/org'

/** The organisation as the window shows it: every area, unit and person, reloaded after each change. */
export const useOrgStore = defineStore('org', () => {
  const areas = ref<AreaView[]>([])
  const units = ref<UnitView[]>([])
  const people = ref<PersonView[]>([])
  const loading = ref(false)

  async function load() {
    loading.value = true
    try {
      const [a, u, p] = await Promise.all([orgApi.listAreas(), orgApi.listUnits(), orgApi.listPeople()])
      areas.value = a ?? []
      units.value = u ?? []
      people.value = p ?? []
    } finally {
      loading.value = false
    }
  }

  async function saveArea(a: Area) {
    const saved = await orgApi.saveArea(a)
    await load()
    return saved
  }
  async function deleteArea(id: number) {
    await orgApi.deleteArea(id)
    await load()
  }
  async function saveUnit(u: Unit) {
    const saved = await orgApi.saveUnit(u)
    await load()
    return saved
  }
  async function deleteUnit(id: number) {
    await orgApi.deleteUnit(id)
    await load()
  }
  async function savePerson(p: Person) {
    const saved = await orgApi.savePerson(p)
    await load()
    return saved
  }
  async function deletePerson(id: number) {
    await orgApi.deletePerson(id)
    await load()
  }

  return { areas, units, people, loading, load, saveArea, deleteArea, saveUnit, deleteUnit, savePerson, deletePerson }
})
