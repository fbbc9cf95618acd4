import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { findingApi, findingStatuses, type Finding, type FindingMove, type FindingOptions, type FindingStatus, type FindingView } from '../api/finding'
import { ledgerApi, type LedgerBatch, type ReturnReport, type UnitChoice, type UnitExportResult } from '../api/ledger'
import { orgApi, type AreaView, type UnitView } from '../api/org'
import { roundApi, type RoundSummary } from '../api/round'
import { countFindings } from './finding'
import { useSystemStore } from './system'

/** LedgerFilter is what the ledger's list is narrowed by in Go; the status is chosen among the loaded rows. */
export interface LedgerFilter {
  roundId: number
  areaId: number
  unitId: number
  overdue: boolean
  query: string
}

const noFilter = (): LedgerFilter => ({ roundId: 0, areaId: 0, unitId: 0, overdue: false, query: '' })

/**
 * The rectification ledger (整改台账): every finding, of rounds and of inspection work, with the
 * filters the page shows; the units' feedback workbooks sent out; the returns previewed, applied
 * and undone. Go does the work and holds the rules; the store keeps what the page shows.
 */
export const useLedgerStore = defineStore('ledger', () => {
  const filter = ref<LedgerFilter>(noFilter())
  const status = ref<FindingStatus | ''>('')
  const items = ref<FindingView[]>([])
  const loading = ref(false)
  const rounds = ref<RoundSummary[]>([])
  const areas = ref<AreaView[]>([])
  const units = ref<UnitView[]>([])
  const options = ref<FindingOptions>({ methods: [], statuses: [...findingStatuses], dimensions: [] })

  /** counts are by status over the filtered list, whatever status is chosen. */
  const counts = computed(() => countFindings(items.value))
  const rows = computed(() => (status.value ? items.value.filter((f) => f.status === status.value) : items.value))
  const filtered = computed(() => JSON.stringify(filter.value) !== JSON.stringify(noFilter()) || status.value !== '')

  let seq = 0
  /** load lists the findings the filter selects; an answer overtaken by a later load is dropped. */
  async function load() {
    const mine = ++seq
    loading.value = true
    try {
      const list = (await findingApi.list({ ...filter.value })) ?? []
      if (mine === seq) items.value = list
    } finally {
      if (mine === seq) loading.value = false
    }
  }

  /** init loads what the filters and the finding form offer, then the ledger. */
  async function init() {
    const [r, a, u, o] = await Promise.all([roundApi.list(), orgApi.listAreas(), orgApi.listUnits(), findingApi.options(0)])
    rounds.value = r ?? []
    areas.value = a ?? []
    units.value = u ?? []
    options.value = { methods: o.methods ?? [], statuses: o.statuses ?? [...findingStatuses], dimensions: o.dimensions ?? [] }
    await Promise.all([load(), loadBatches()])
  }

  /** setFilter changes some of the filter and reloads; a unit outside a newly chosen area is dropped. */
  function setFilter(patch: Partial<LedgerFilter>) {
    const next = { ...filter.value, ...patch }
    if (patch.areaId && next.unitId && units.value.find((u) => u.id === next.unitId)?.areaId !== patch.areaId) next.unitId = 0
    filter.value = next
    return load()
  }

  function resetFilter() {
    filter.value = noFilter()
    status.value = ''
    return load()
  }

  /** unitsOfArea are the units the unit filter offers: those of the chosen area, or all. */
  const unitsOfArea = computed(() => (filter.value.areaId ? units.value.filter((u) => u.areaId === filter.value.areaId) : units.value))

  async function save(f: Finding) {
    const id = await findingApi.save(f)
    await load()
    return id
  }

  async function setStatus(id: number, m: FindingMove) {
    await findingApi.setStatus(id, m)
    await load()
  }

  async function remove(id: number) {
    await findingApi.remove(id)
    await load()
  }

  /** exportLedger saves the list as the page shows it (status included); the path, or '' when cancelled. */
  const exportLedger = () => ledgerApi.exportLedger({ ...filter.value, status: status.value })

  // The units' feedback workbooks (整改情况反馈表).
  const choices = ref<UnitChoice[]>([])
  const exported = ref<UnitExportResult | null>(null)
  const exporting = ref(false)

  async function loadChoices(roundId: number) {
    choices.value = (await ledgerApi.unitChoices(roundId)) ?? []
  }

  /**
   * exportUnits asks for a folder and writes one workbook per unit there (none chosen: every unit
   * with open findings); it returns what was written, or null when the user cancelled.
   */
  async function exportUnits(unitIds: number[], roundId: number, deadline: string) {
    const dir = await ledgerApi.pickExportFolder()
    if (!dir) return null
    exporting.value = true
    try {
      const res = await ledgerApi.exportUnits({ unitIds, roundId, deadline, dir })
      exported.value = { ...res, files: res.files ?? [], skipped: res.skipped ?? [] } as UnitExportResult
      return exported.value
    } finally {
      exporting.value = false
    }
  }

  // The returns: preview, apply, undo.
  const report = ref<ReturnReport | null>(null)
  /** done tells that report is the outcome of an import, not a preview. */
  const done = ref(false)
  const previewing = ref(false)
  const applying = ref(false)
  const batches = ref<LedgerBatch[]>([])

  /** applicable counts the previewed files that an apply would write. */
  const applicable = computed(() => (done.value ? 0 : (report.value?.files ?? []).filter((f) => f.status === 'preview').length))

  function clearReturns() {
    report.value = null
    done.value = false
  }

  /** pickReturns asks for returned workbooks and previews them; false when the user cancelled. */
  async function pickReturns() {
    const paths = (await ledgerApi.pickReturnedFiles()) ?? []
    if (paths.length === 0) return false
    await preview(paths)
    return true
  }

  async function preview(paths: string[]) {
    previewing.value = true
    try {
      report.value = normalise(await ledgerApi.preview({ paths }))
      done.value = false
    } finally {
      previewing.value = false
    }
  }

  /** apply imports the previewed files, each all or nothing, and shows the outcome. */
  async function apply() {
    if (!report.value || done.value) return
    applying.value = true
    try {
      report.value = normalise(await ledgerApi.apply({ token: report.value.token }))
      done.value = true
      await Promise.all([load(), loadBatches()])
      useSystemStore().changed()
    } finally {
      applying.value = false
    }
    return report.value
  }

  async function loadBatches() {
    batches.value = (await ledgerApi.listBatches()) ?? []
  }

  async function undo(id: number) {
    const res = await ledgerApi.undo(id)
    await Promise.all([load(), loadBatches()])
    useSystemStore().changed()
    return res
  }

  return {
    filter, status, items, loading, rounds, areas, units, options, counts, rows, filtered, unitsOfArea,
    init, load, setFilter, resetFilter, save, setStatus, remove, exportLedger,
    choices, exported, exporting, loadChoices, exportUnits,
    report, done, previewing, applying, applicable, clearReturns, pickReturns, preview, apply, batches, loadBatches, undo,
  }
})

/** normalise turns the null lists Go sends for empty slices into empty arrays. */
function normalise(r: ReturnReport): ReturnReport {
  return {
    ...r,
    files: (r.files ?? []).map((f) => ({
      ...f,
      changes: (f.changes ?? []).map((c) => ({ ...c, fields: c.fields ?? [] })),
      problems: f.problems ?? [],
      notes: f.notes ?? [],
    })),
  } as ReturnReport
}
