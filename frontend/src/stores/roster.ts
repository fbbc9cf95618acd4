import { defineStore } from 'pinia'
import { ref } from 'vue'
import { rosterApi, type RosterMapping, type RosterPlan } from '../api/roster'
import { useOrgStore } from './org'
import { useSystemStore } from './system'

/** The roster import in progress: the chosen file, how its sheets are read, and the plan. */
export const useRosterStore = defineStore('roster', () => {
  const path = ref('')
  const plan = ref<RosterPlan | null>(null)
  const busy = ref(false)

  function reset() {
    path.value = ''
    plan.value = null
  }

  async function run<T>(fn: () => Promise<T>): Promise<T> {
    busy.value = true
    try {
      return await fn()
    } finally {
      busy.value = false
    }
  }

  /** pick asks for a workbook and previews it; false when the user cancelled. */
  async function pick(): Promise<boolean> {
    const p = await rosterApi.pickFile()
    if (!p) return false
    path.value = p
    plan.value = null
    await preview(null)
    return true
  }

  /** preview reads the file again with mapping (null: recognise the sheets) and plans the import. */
  async function preview(mapping: RosterMapping | null) {
    plan.value = await run(() => rosterApi.preview(path.value, mapping))
  }

  /** apply imports the file all or nothing and reloads the organisation when it was written. */
  async function apply(mapping: RosterMapping | null) {
    const p = await run(() => rosterApi.importFile(path.value, mapping))
    plan.value = p
    if (p.applied) {
      await useOrgStore().load()
      useSystemStore().changed()
    }
    return p
  }

  /** exportRoster asks where to save and writes the roster; '' when cancelled. */
  async function exportRoster() {
    return run(() => rosterApi.exportFile())
  }

  return { path, plan, busy, reset, pick, preview, apply, exportRoster }
})
