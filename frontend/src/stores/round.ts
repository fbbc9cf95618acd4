import { defineStore } from 'pinia'
import { ref } from 'vue'
import { roundApi, type RoundPlan, type RoundStatus, type RoundSummary, type SchemeChoice } from '../api/round'

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

  async function remove(id: number) {
    await roundApi.remove(id)
    await load()
  }

  return { rounds, schemes, loading, load, save, setStatus, remove, get: roundApi.get }
})
