import { defineStore } from 'pinia'
import { ref } from 'vue'
import { roundApi, type CopyOptions, type RoundPlan, type RoundStatus, type RoundSummary, type SchemeChoice } from '../api/round'

/** Rounds as the window lists them; reloaded after every change. */
export const useRoundStore = defineStore('round', () => {
  const rounds = ref<RoundSummary[]>([])
  const schemes = ref<SchemeChoice[]>([])
  const loading = ref(false)

  async function load() {
    loading.value = true
    try {
      const [r, s] = await Promise.all([roundApi.list(), roundApi.publishedSchemes()])
      rounds.value = r ?? []
      schemes.value = s ?? []
    } finally {
      loading.value = false
    }
  }

  async function save(p: RoundPlan) {
    const id = await roundApi.save(p)
    await load()
    return id
  }

  async function setStatus(id: number, to: RoundStatus, note = '') {
    await roundApi.setStatus(id, to, note)
    await load()
  }

  /** copy plans a new round like round fromId and returns its id. */
  async function copy(fromId: number, o: CopyOptions) {
    const id = await roundApi.copy(fromId, o)
    await load()
    return id
  }

  /** close ends a scoring round; force closes it although scores are missing (the user confirmed). */
  async function close(id: number, force: boolean) {
    const m = await roundApi.close(id, force)
    await load()
    return m
  }

  /** importAssignment previews (dryRun) or applies a 评价关系表. */
  async function importAssignment(id: number, path: string, dryRun: boolean) {
    const r = await roundApi.importAssignment(id, path, dryRun)
    if (!dryRun && r.applied) await load()
    return r
  }

  async function remove(id: number) {
    await roundApi.remove(id)
    await load()
  }

  return {
    rounds, schemes, loading, load, save, setStatus, remove, copy, close, importAssignment,
    get: roundApi.get, missing: roundApi.missing, suggestTitle: roundApi.suggestTitle,
    exportAssignment: roundApi.exportAssignment, pickAssignment: roundApi.pickAssignment,
  }
})
