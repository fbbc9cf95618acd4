import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { findingApi, findingStatuses, type Finding, type FindingMove, type FindingOptions, type FindingStatus, type FindingView } from '../api/finding'

/** FindingCounts counts a list of findings by status, and the overdue ones. */
export type FindingCounts = Record<FindingStatus, number> & { all: number; overdue: number }

/** countFindings tallies findings for the status filter's badges. */
export function countFindings(items: FindingView[]): FindingCounts {
  const c = { all: items.length, overdue: 0, 待整改: 0, 整改中: 0, 已整改: 0, 已销号: 0 } as FindingCounts
  for (const f of items) {
    if (f.status in c) c[f.status as FindingStatus]++
    if (f.overdue) c.overdue++
  }
  return c
}

/** The findings (问题记录) of one round; reloaded from Go after every change. */
export const useFindingStore = defineStore('finding', () => {
  const roundId = ref(0)
  const items = ref<FindingView[]>([])
  const options = ref<FindingOptions>({ methods: [], statuses: [...findingStatuses], dimensions: [] })
  const loading = ref(false)

  const counts = computed(() => countFindings(items.value))

  /** load shows the findings of a round with the form's choices for it. */
  async function load(id: number) {
    roundId.value = id
    loading.value = true
    try {
      const [list, opts] = await Promise.all([findingApi.list({ roundId: id }), findingApi.options(id)])
      if (id !== roundId.value) return
      items.value = list ?? []
      options.value = { methods: opts.methods ?? [], statuses: opts.statuses ?? [], dimensions: opts.dimensions ?? [] }
    } finally {
      loading.value = false
    }
  }

  async function reload() {
    const id = roundId.value
    const list = (await findingApi.list({ roundId: id })) ?? []
    if (id === roundId.value) items.value = list
  }

  /** save records a finding of the current round (or changes one) and returns its id. */
  async function save(f: Finding) {
    const id = await findingApi.save({ ...f, roundId: f.roundId || roundId.value || undefined })
    await reload()
    return id
  }

  async function setStatus(id: number, m: FindingMove) {
    await findingApi.setStatus(id, m)
    await reload()
  }

  async function remove(id: number) {
    await findingApi.remove(id)
    await reload()
  }

  /** ofUnit lists the loaded findings of one unit. */
  const ofUnit = (unitId: number) => items.value.filter((f) => f.unitId === unitId)

  return { roundId, items, options, loading, counts, load, reload, save, setStatus, remove, ofUnit }
})
