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
  // force goes on past the plausibility limits (plan.limits) once the user confirmed 仍然导入;
  // a new file starts without it.
  const force = ref(false)

  function reset() {
    path.value = ''
    plan.value = null
    force.value = false
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
    force.value = false
    await preview(null)
    return true
  }

  /** preview reads the file again with mapping (null: recognise the sheets) and plans the import. */
  async function preview(mapping: RosterMapping | null) {
    plan.value = await run(() => rosterApi.preview(path.value, mapping, force.value))
  }

  /** apply imports the file all or nothing and reloads the organisation when it was written. */
  async function apply(mapping: RosterMapping | null) {
    const p = await run(() => rosterApi.importFile(path.value, mapping, force.value))
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

  /** goOn previews the file again past its plausibility limits, as the user confirmed. */
  async function goOn(mapping: RosterMapping | null) {
    force.value = true
    await preview(mapping)
  }

  return { path, plan, busy, force, reset, pick, preview, apply, goOn, exportRoster }
})
