import { defineStore } from 'pinia'
import { ref } from 'vue'
import {
  frontlineApi,
  type Branch,
  type BranchView,
  type Brand,
  type BrandView,
  type FrontlineOptions,
  type FrontlineSummary,
  type LedgerKind,
  type LedgerPlan,
  type Matter,
  type MatterView,
  type RoundChoice,
} from '../api/frontline'
import { useSystemStore } from './system'

/**
 * The front-line ledgers as the window shows them: temporary branches, practical matters,
 * brands and honours with their counts, reloaded after each change; and the ledger import in
 * progress (the chosen file and its plan).
 */
export const useFrontlineStore = defineStore('frontline', () => {
  const branches = ref<BranchView[]>([])
  const matters = ref<MatterView[]>([])
  const brands = ref<BrandView[]>([])
  const summary = ref<FrontlineSummary | null>(null)
  const options = ref<FrontlineOptions | null>(null)
  const loading = ref(false)

  const importPath = ref('')
  const plan = ref<LedgerPlan | null>(null)
  const busy = ref(false)

  async function load() {
    loading.value = true
    try {
      const [b, m, r, s, o] = await Promise.all([
        frontlineApi.listBranches(),
        frontlineApi.listMatters(),
        frontlineApi.listBrands(),
        frontlineApi.summary(),
        frontlineApi.options(),
      ])
      branches.value = b ?? []
      matters.value = m ?? []
      brands.value = r ?? []
      summary.value = s
      options.value = o
    } finally {
      loading.value = false
    }
  }

  // A branch's name and counts show in the matters, and a matter's save changes the counts
  // of its branch: both lists are reloaded with the summary.
  async function reloadBranchesAndMatters() {
    const [b, m, s] = await Promise.all([frontlineApi.listBranches(), frontlineApi.listMatters(), frontlineApi.summary()])
    branches.value = b ?? []
    matters.value = m ?? []
    summary.value = s
  }

  async function reloadBrands() {
    const [r, s] = await Promise.all([frontlineApi.listBrands(), frontlineApi.summary()])
    brands.value = r ?? []
    summary.value = s
  }

  async function saveBranch(b: Branch) {
    const saved = await frontlineApi.saveBranch(b)
    await reloadBranchesAndMatters()
    return saved
  }
  async function deleteBranch(id: number) {
    await frontlineApi.deleteBranch(id)
    await reloadBranchesAndMatters()
  }
  async function saveMatter(m: Matter) {
    const saved = await frontlineApi.saveMatter(m)
    await reloadBranchesAndMatters()
    return saved
  }
  async function deleteMatter(id: number) {
    await frontlineApi.deleteMatter(id)
    await reloadBranchesAndMatters()
  }
  async function saveBrand(b: Brand) {
    const saved = await frontlineApi.saveBrand(b)
    await reloadBrands()
    return saved
  }
  async function deleteBrand(id: number) {
    await frontlineApi.deleteBrand(id)
    await reloadBrands()
  }

  async function roundChoices(brandId: number): Promise<RoundChoice[]> {
    return (await frontlineApi.roundChoices(brandId)) ?? []
  }
  /** applyBrand counts a brand's bonus in a round and reloads the brands to show it. */
  async function applyBrand(brandId: number, roundId: number) {
    const app = await frontlineApi.applyBrand(brandId, roundId)
    await reloadBrands()
    return app
  }
  async function withdrawBrand(brandId: number, roundId: number) {
    await frontlineApi.withdrawBrand(brandId, roundId)
    await reloadBrands()
  }

  async function run<T>(fn: () => Promise<T>): Promise<T> {
    busy.value = true
    try {
      return await fn()
    } finally {
      busy.value = false
    }
  }

  function resetImport() {
    importPath.value = ''
    plan.value = null
  }

  /** pickLedger asks for a workbook and previews it; false when the user cancelled. */
  async function pickLedger(): Promise<boolean> {
    const p = await frontlineApi.pickLedger()
    if (!p) return false
    importPath.value = p
    plan.value = null
    plan.value = await run(() => frontlineApi.previewLedger(p))
    return true
  }

  /** applyLedger imports the chosen workbook all or nothing and reloads when it was written. */
  async function applyLedger() {
    const p = await run(() => frontlineApi.importLedger(importPath.value))
    plan.value = p
    if (p.applied) {
      await load()
      useSystemStore().changed()
    }
    return p
  }

  /** exportLedger asks where to save one ledger ('' for all three); '' when cancelled. */
  async function exportLedger(kind: LedgerKind | '') {
    return run(() => frontlineApi.exportLedger(kind))
  }

  return {
    branches,
    matters,
    brands,
    summary,
    options,
    loading,
    load,
    saveBranch,
    deleteBranch,
    saveMatter,
    deleteMatter,
    saveBrand,
    deleteBrand,
    roundChoices,
    applyBrand,
    withdrawBrand,
    importPath,
    plan,
    busy,
    resetImport,
    pickLedger,
    applyLedger,
    exportLedger,
  }
})
