import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { roundApi, type RoundSummary } from '../api/round'
import { scoreApi, type RaterProgress } from '../api/score'
import { workbookApi, type Batch, type ExportResult, type FileReport, type ImportReport, type Progress, type Take, type UndoResult } from '../api/workbook'
import { chooseAll as chooseAllOf, choiceKey, choicesFor, keepValid, summarise, type Choices } from './importChoices'
import { raterRows } from './raterRows'
import { useSystemStore } from './system'

/**
 * The rater workbooks (评分表) of one round: exporting them to a folder, previewing and importing
 * the returned ones with the user's decisions on conflicts, and the imports made so far with
 * their undo. Go does the work; the store keeps what the page shows between calls.
 */
export const useWorkbookStore = defineStore('workbook', () => {
  const rounds = ref<RoundSummary[]>([])
  const roundId = ref<number | null>(null)
  const raters = ref<RaterProgress[]>([])
  const batches = ref<Batch[]>([])
  const loading = ref(false)

  const exporting = ref(false)
  const exportProgress = ref<Progress | null>(null)
  const exported = ref<ExportResult | null>(null)
  /** exportingPaper tells that the export running is the paper sheets'; paperExported is their last export. */
  const exportingPaper = ref(false)
  const paperExported = ref<ExportResult | null>(null)

  /** paths are the files and folders chosen for the import (a folder stands for its workbooks). */
  const paths = ref<string[]>([])
  const password = ref('')
  const clearBlanks = ref(false)
  const report = ref<ImportReport | null>(null)
  /** done tells that report is the outcome of an import, not a preview. */
  const done = ref(false)
  const choices = ref<Choices>({})
  const previewing = ref(false)
  const applying = ref(false)
  const importProgress = ref<Progress | null>(null)

  const round = computed(() => rounds.value.find((r) => r.id === roundId.value) ?? null)
  const writable = computed(() => round.value?.status === 'scoring')
  /** paperable: paper sheets may be printed ahead of a round, not after it. */
  const paperable = computed(() => !!round.value && round.value.status !== 'closed')
  const rows = computed(() => raterRows(raters.value, exported.value, batches.value))
  const summary = computed(() => summarise(choices.value, report.value))

  async function loadRounds() {
    rounds.value = (await roundApi.list()) ?? []
  }

  /** defaultRound is the round the page opens on: the one in scoring, else the newest. */
  const defaultRound = () => rounds.value.find((r) => r.status === 'scoring')?.id ?? rounds.value[0]?.id ?? null

  /** refresh reloads the round's raters (with their progress) and its imports. */
  async function refresh() {
    const id = roundId.value
    if (id === null) return
    const [r, b] = await Promise.all([scoreApi.progress(id), workbookApi.listBatches(id)])
    if (roundId.value !== id) return
    raters.value = r ?? []
    batches.value = b ?? []
  }

  function clearImport() {
    paths.value = []
    report.value = null
    done.value = false
    choices.value = {}
    importProgress.value = null
  }

  /** selectRound picks the round and forgets what the page showed of the previous one. */
  async function selectRound(id: number | null) {
    roundId.value = id
    raters.value = []
    batches.value = []
    exported.value = null
    paperExported.value = null
    exportProgress.value = null
    clearImport()
    if (id === null) return
    loading.value = true
    try {
      await refresh()
    } finally {
      loading.value = false
    }
  }

  /**
   * exportTo asks for a folder and writes every rater's workbook there, encrypted with pw when it
   * is not empty; null when the user cancelled the folder dialog.
   */
  async function exportTo(pw: string): Promise<ExportResult | null> {
    const id = roundId.value
    if (id === null) return null
    const dir = await workbookApi.pickExportFolder()
    if (!dir) return null
    exporting.value = true
    exportProgress.value = null
    try {
      const res = await workbookApi.exportRaters(id, dir, pw)
      exported.value = res
      await refresh()
      return res
    } finally {
      exporting.value = false
      exportProgress.value = null
    }
  }

  /**
   * exportPaperTo asks for a folder and writes the round's paper sheets there (a file per rater
   * and a blank one); null when the user cancelled the folder dialog.
   */
  async function exportPaperTo(): Promise<ExportResult | null> {
    const id = roundId.value
    if (id === null) return null
    const dir = await workbookApi.pickExportFolder()
    if (!dir) return null
    exporting.value = true
    exportingPaper.value = true
    exportProgress.value = null
    try {
      const res = await workbookApi.exportPaper(id, dir)
      paperExported.value = res
      return res
    } finally {
      exporting.value = false
      exportingPaper.value = false
      exportProgress.value = null
    }
  }

  function openFolder(dir: string) {
    return workbookApi.openFolder(dir)
  }

  /** preview reads the chosen files (or newPaths instead) and tells what importing them would do. */
  async function preview(newPaths?: string[]): Promise<ImportReport | null> {
    if (newPaths) paths.value = [...newPaths]
    if (!paths.value.length || roundId.value === null) return null
    previewing.value = true
    importProgress.value = null
    try {
      const rep = await workbookApi.preview({ paths: paths.value, roundId: roundId.value, password: password.value, clearBlanks: clearBlanks.value })
      choices.value = done.value ? {} : keepValid(choices.value, rep)
      report.value = rep
      done.value = false
      return rep
    } finally {
      previewing.value = false
      importProgress.value = null
    }
  }

  /** pickFiles asks for returned workbooks and previews them; false when cancelled. */
  async function pickFiles(): Promise<boolean> {
    const picked = (await workbookApi.pickReturnedFiles()) ?? []
    if (!picked.length) return false
    await preview(picked)
    return true
  }

  /** pickFolder asks for a folder of returned workbooks and previews them; false when cancelled. */
  async function pickFolder(): Promise<boolean> {
    const dir = await workbookApi.pickReturnedFolder()
    if (!dir) return false
    await preview([dir])
    return true
  }

  function choose(f: FileReport, key: string, take: Take) {
    choices.value = { ...choices.value, [choiceKey(f.path, key)]: take }
  }

  function chooseAll(f: FileReport, take: Take) {
    choices.value = chooseAllOf(choices.value, f, take)
  }

  /** setClearBlanks changes the option and previews again, since it changes what the files do. */
  async function setClearBlanks(v: boolean) {
    clearBlanks.value = v
    if (report.value && !done.value) await preview()
  }

  /**
   * apply imports the previewed files with the decisions made, each file all or nothing; the
   * report then holds the outcome of each file.
   */
  async function apply(): Promise<ImportReport | null> {
    const rep = report.value
    if (!rep || done.value || roundId.value === null) return null
    applying.value = true
    importProgress.value = null
    try {
      const res = await workbookApi.apply({
        token: rep.token,
        roundId: roundId.value,
        password: password.value,
        clearBlanks: clearBlanks.value,
        choices: choicesFor(choices.value, rep),
      })
      report.value = res
      done.value = true
      await refresh()
      useSystemStore().changed()
      return res
    } finally {
      applying.value = false
      importProgress.value = null
    }
  }

  /** undo takes back one import; Go refuses when a later change touched its scores. */
  async function undo(id: number): Promise<UndoResult> {
    try {
      return await workbookApi.undo(id)
    } finally {
      await refresh()
      useSystemStore().changed()
    }
  }

  /** historyOf lists every change of one score, oldest first, with where each value came from. */
  async function historyOf(roundId: number, raterId: number, unitId: number, indicatorId: number) {
    return (await scoreApi.history(roundId, raterId, unitId, indicatorId)) ?? []
  }

  /** listen follows Go's progress events for this round; it returns the function that stops. */
  function listen(): () => void {
    const mine = (p: Progress) => p.roundId === roundId.value
    const offs = [
      workbookApi.onProgress('export', (p) => {
        if (exporting.value && mine(p)) exportProgress.value = p
      }),
      workbookApi.onProgress('import', (p) => {
        if ((previewing.value || applying.value) && mine(p)) importProgress.value = p
      }),
    ]
    return () => offs.forEach((off) => off())
  }

  return {
    rounds, roundId, raters, batches, loading, round, writable, rows,
    exporting, exportProgress, exported, exportingPaper, paperExported, paperable,
    paths, password, clearBlanks, report, done, choices, previewing, applying, importProgress, summary,
    loadRounds, defaultRound, refresh, selectRound, exportTo, exportPaperTo, openFolder,
    preview, pickFiles, pickFolder, choose, chooseAll, setClearBlanks, apply, clearImport, undo, historyOf, listen,
  }
})
