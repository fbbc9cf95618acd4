import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { roundApi, type RoundSummary } from '../api/round'
import { scoreApi, type Results, type TrendPoint, type UnitResult } from '../api/score'

/** IndicatorResult is one indicator's statistics in a round's results. */
export type IndicatorResult = Results['indicators'][number]
/** RaterResult is one rater's consistency with their group. */
export type RaterResult = Results['raters'][number]

/**
 * defaultRoundId picks the round the results page opens on, from rounds listed newest first:
 * the newest scoring or closed round that has scores, else the newest scoring or closed one.
 */
export function defaultRoundId(rounds: RoundSummary[]): number {
  const shown = rounds.filter((r) => r.status !== 'planned')
  return (shown.find((r) => r.scoreCount > 0) ?? shown[0])?.id ?? 0
}

/** AreaChoice is a liaison area that has units in the ranking. */
export interface AreaChoice {
  name: string
  number: number
  count: number
}

/** The results page: the rounds that can be ranked, the chosen round's results, trends by unit. */
export const useResultsStore = defineStore('results', () => {
  const rounds = ref<RoundSummary[]>([])
  const roundId = ref(0)
  const results = ref<Results | null>(null)
  const loading = ref(false)
  /** area filters the ranking by the name of a liaison area ('' for every area). */
  const area = ref('')
  const trends = ref<Record<number, TrendPoint[]>>({})
  let request = 0

  const round = computed(() => rounds.value.find((r) => r.id === roundId.value))

  const areas = computed<AreaChoice[]>(() => {
    const by = new Map<string, AreaChoice>()
    for (const u of results.value?.units ?? []) {
      const a = by.get(u.areaName) ?? { name: u.areaName, number: u.areaNumber, count: 0 }
      a.count++
      by.set(u.areaName, a)
    }
    return [...by.values()].sort((a, b) => (a.number || 1e9) - (b.number || 1e9))
  })

  /** units are the ranking rows the area filter keeps, in rank order as Go returned them. */
  const units = computed<UnitResult[]>(() =>
    (results.value?.units ?? []).filter((u) => area.value === '' || u.areaName === area.value),
  )

  /** load lists the rounds and shows the chosen one, or the default one when none is chosen yet. */
  async function load() {
    loading.value = true
    try {
      const list = (await roundApi.list()) ?? []
      rounds.value = list.filter((r) => r.status !== 'planned')
      if (!rounds.value.some((r) => r.id === roundId.value)) roundId.value = defaultRoundId(list)
      await fetchResults()
    } finally {
      loading.value = false
    }
  }

  /** select shows another round. */
  async function select(id: number) {
    roundId.value = id
    area.value = ''
    loading.value = true
    try {
      await fetchResults()
    } finally {
      loading.value = false
    }
  }

  async function fetchResults() {
    const mine = ++request
    trends.value = {}
    if (!roundId.value) {
      results.value = null
      return
    }
    const r = await scoreApi.results(roundId.value)
    // A slower answer for a round the user has already left must not replace the newer one.
    if (mine === request) results.value = r
  }

  /** trend returns a unit's results across rounds, asking Go once per unit and round shown. */
  async function trend(unitId: number): Promise<TrendPoint[]> {
    const cached = trends.value[unitId]
    if (cached) return cached
    const t = (await scoreApi.trend(unitId)) ?? []
    trends.value[unitId] = t
    return t
  }

  /** addAdjustment records an admin-verified bonus or deduction and shows the new results. */
  async function addAdjustment(unitId: number, pointsCenti: number, reason: string) {
    await scoreApi.addAdjustment(roundId.value, unitId, pointsCenti, reason)
    await fetchResults()
  }

  /** deleteAdjustment removes an entered item and shows the new results. */
  async function deleteAdjustment(id: number) {
    await scoreApi.deleteAdjustment(id)
    await fetchResults()
  }

  return { rounds, roundId, round, results, loading, area, areas, units, load, select, trend, addAdjustment, deleteAdjustment }
})
