import { defineStore } from 'pinia'
import { ref } from 'vue'
import { dashboardApi, type Dashboard } from '../api/dashboard'

/** The home page's figures, fetched each time the page is shown. */
export const useDashboardStore = defineStore('dashboard', () => {
  const data = ref<Dashboard | null>(null)
  const loading = ref(false)
  const error = ref('')

  async function load() {
    loading.value = true
    error.value = ''
    try {
      data.value = await dashboardApi.get()
    } catch (e) {
      error.value = (e as Error).message
    } finally {
      loading.value = false
    }
  }

  return { data, loading, error, load }
})
