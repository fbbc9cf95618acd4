import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { systemApi, type Status } from '../api/system'

/** What the window knows about its database: whether it opened, and whether it is still empty. */
export const useSystemStore = defineStore('system', () => {
  const status = ref<Status | null>(null)
  const isEmpty = computed(() => {
    const c = status.value?.counts
    return !!status.value?.ok && !!c && c.areas + c.units + c.people === 0
  })

  async function refresh() {
    status.value = await systemApi.status()
    return status.value
  }

  // dataVersion counts the changes that replace much of the data at once (the demo, an import,
  // an undo): pages that summarise everything, like the home page, reload when it moves.
  const dataVersion = ref(0)
  function changed() {
    dataVersion.value++
  }

  async function loadDemo() {
    await systemApi.loadDemo()
    await refresh()
    changed()
  }

  return { status, isEmpty, dataVersion, refresh, loadDemo, changed }
})
