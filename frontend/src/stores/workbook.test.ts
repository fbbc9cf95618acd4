import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { AppError } from '../api/core'
import type { Batch, Conflict, ExportResult, FileReport, ImportReport, ImportRequest, Progress } from '../api/workbook'
import type { RoundSummary } from '../api/round'
import type { RaterProgress } from '../api/score'
import { useWorkbookStore } from './workbook'

vi.mock('../api/workbook', () => ({
  workbookApi: {
    pickExportFolder: vi.fn(),
    pickReturnedFiles: vi.fn(),
    pickReturnedFolder: vi.fn(),
    exportRaters: vi.fn(),
    exportPaper: vi.fn(),
    preview: vi.fn(),
    apply: vi.fn(),
    listBatches: vi.fn(),
    undo: vi.fn(),
    openFolder: vi.fn(),
    onProgress: vi.fn(),
    onFileDrop: vi.fn(),
  },
}))
vi.mock('../api/round', () => ({ roundApi: { list: vi.fn() } }))
vi.mock('../api/score', () => ({ scoreApi: { progress: vi.fn(), history: vi.fn() } }))

const { workbookApi } = await import('../api/workbook')
const { roundApi } = await import('../api/round')
const { scoreApi } = await import('../api/score')
const api = vi.mocked(workbookApi)

const rounds = [
  { id: 1, code: '2024Q3', title: '第三季度', status: 'closed' },
  { id: 2, code: '2024Q4', title: '第四季度', status: 'scoring' },
] as unknown as RoundSummary[]
const raters = [{ id: 7, name: '武玥', group: '区委常委', complete: 0, expected: 10 }] as unknown as RaterProgress[]
const conflict = (key: string): Conflict => ({ key, stored: '8', file: '10', take: '' }) as Conflict
const file = (path: string, status: string, over: Partial<FileReport> = {}): FileReport =>
  ({ path, fileName: path.slice(1), status, new: 0, changed: 0, unchanged: 0, cleared: 0, kept: 0, conflicts: [], problems: [], notes: [], ...over }) as FileReport

let batches: Batch[]
let listeners: Record<string, (p: Progress) => void>

beforeEach(() => {
  setActivePinia(createPinia())
  vi.resetAllMocks()
  batches = []
  listeners = {}
  vi.mocked(roundApi.list).mockResolvedValue(rounds)
  vi.mocked(scoreApi.progress).mockResolvedValue(raters)
  api.listBatches.mockImplementation(async () => batches)
  api.onProgress.mockImplementation((kind, cb) => {
    listeners[kind] = cb
    return () => delete listeners[kind]
  })
})

async function ready() {
  const store = useWorkbookStore()
  await store.loadRounds()
  await store.selectRound(store.defaultRound())
  return store
}

describe('workbook store', () => {
  it('opens on the round in scoring with its raters and imports', async () => {
    batches = [{ id: 1, raterId: 7, status: 'applied' } as Batch]
    const store = await ready()
    expect(store.roundId).toBe(2)
    expect(store.writable).toBe(true)
    expect(scoreApi.progress).toHaveBeenCalledWith(2)
    expect(store.rows[0]).toMatchObject({ name: '武玥', returned: { id: 1 } })
    await store.selectRound(1)
    expect(store.writable).toBe(false)
  })

  it('exports into the picked folder, and nothing when the dialog is cancelled', async () => {
    const store = await ready()
    api.pickExportFolder.mockResolvedValueOnce('')
    expect(await store.exportTo('')).toBeNull()
    expect(api.exportRaters).not.toHaveBeenCalled()

    const res = { roundId: 2, round: '2024Q4', dir: '/out', files: [{ raterId: 7, fileName: '2024Q4_武玥_评分表.xlsx' }], skipped: [] } as unknown as ExportResult
    api.pickExportFolder.mockResolvedValueOnce('/out')
    let during: boolean | undefined
    api.exportRaters.mockImplementationOnce(async () => {
      during = store.exporting
      return res
    })
    expect(await store.exportTo('机密')).toBe(res)
    expect(api.exportRaters).toHaveBeenCalledWith(2, '/out', '机密')
    expect(during).toBe(true)
    expect(store.exporting).toBe(false)
    expect(store.rows[0]!.file).toBe('2024Q4_武玥_评分表.xlsx')
  })

  it('exports the paper sheets into the picked folder, apart from the workbooks, and not for a closed round', async () => {
    const store = await ready()
    expect(store.paperable).toBe(true)
    api.pickExportFolder.mockResolvedValueOnce('')
    expect(await store.exportPaperTo()).toBeNull()
    expect(api.exportPaper).not.toHaveBeenCalled()

    const res = { roundId: 2, round: '2024Q4', dir: '/paper', files: [{ raterId: 7, fileName: '2024Q4_武玥_纸质评分表.xlsx' }], skipped: [] } as unknown as ExportResult
    api.pickExportFolder.mockResolvedValueOnce('/paper')
    let during: [boolean, boolean] | undefined
    api.exportPaper.mockImplementationOnce(async () => {
      during = [store.exporting, store.exportingPaper]
      return res
    })
    expect(await store.exportPaperTo()).toBe(res)
    expect(api.exportPaper).toHaveBeenCalledWith(2, '/paper')
    expect(during).toEqual([true, true])
    expect([store.exporting, store.exportingPaper]).toEqual([false, false])
    expect(store.paperExported).toEqual(res)
    expect(store.exported).toBeNull()
    expect(store.rows[0]!.file).toBeFalsy()

    await store.selectRound(1)
    expect(store.paperExported).toBeNull()
    expect(store.paperable).toBe(false)
  })

  it('follows the progress of its own round only, while it works', async () => {
    const store = await ready()
    const stop = store.listen()
    api.pickExportFolder.mockResolvedValueOnce('/out')
    let seen: Progress | null = null
    api.exportRaters.mockImplementationOnce(async () => {
      listeners.export!({ roundId: 1, done: 1, total: 9 })
      listeners.export!({ roundId: 2, done: 3, total: 13 })
      seen = store.exportProgress
      return { files: [], skipped: [] } as unknown as ExportResult
    })
    await store.exportTo('')
    expect(seen).toEqual({ roundId: 2, done: 3, total: 13 })
    expect(store.exportProgress).toBeNull()
    listeners.export!({ roundId: 2, done: 4, total: 13 }) // after the export: ignored
    expect(store.exportProgress).toBeNull()
    stop()
    expect(listeners).toEqual({})
  })

  it('previews picked files for the round, with the password and the blank option', async () => {
    const store = await ready()
    api.pickReturnedFiles.mockResolvedValueOnce([])
    expect(await store.pickFiles()).toBe(false)
    api.pickReturnedFolder.mockResolvedValueOnce('/in')
    api.preview.mockResolvedValue({ token: 't1', files: [file('/in/a.xlsx', 'preview', { new: 130 })] } as ImportReport)
    store.password = '机密'
    expect(await store.pickFolder()).toBe(true)
    expect(api.preview).toHaveBeenCalledWith({ paths: ['/in'], roundId: 2, password: '机密', clearBlanks: false })
    expect(store.summary).toMatchObject({ files: 1, ready: 1, new: 130 })

    await store.setClearBlanks(true)
    expect(api.preview).toHaveBeenLastCalledWith({ paths: ['/in'], roundId: 2, password: '机密', clearBlanks: true })
  })

  it('imports with the token and the decisions, then lists the new import', async () => {
    const store = await ready()
    const a = file('/in/a.xlsx', 'preview', { new: 120, conflicts: [conflict('1-2'), conflict('1-3')] })
    const x = file('/in/x.xlsx', 'refused', { problems: [{ sheet: '', cell: '', message: '不是 xlsx' }] as FileReport['problems'] })
    api.preview.mockResolvedValue({ token: 'tok', files: [a, x] } as ImportReport)
    await store.preview(['/in'])
    expect(store.summary).toMatchObject({ conflict: 1, refused: 1, undecided: 2, ready: 0 })

    store.chooseAll(a, 'keep')
    store.choose(a, '1-2', 'file')
    expect(store.summary).toMatchObject({ ready: 1, undecided: 0, new: 120, changed: 1, kept: 1 })

    api.apply.mockImplementationOnce(async () => {
      batches = [{ id: 9, raterId: 7, status: 'applied' } as Batch]
      return { token: '', files: [{ ...a, status: 'applied', batchId: 9, changed: 1, kept: 1 }, x] } as ImportReport
    })
    await store.apply()
    const req = api.apply.mock.calls[0]![0] as Partial<ImportRequest>
    expect(req).toEqual({
      token: 'tok', roundId: 2, password: '', clearBlanks: false,
      choices: [{ path: '/in/a.xlsx', key: '1-2', take: 'file' }, { path: '/in/a.xlsx', key: '1-3', take: 'keep' }],
    })
    expect(store.done).toBe(true)
    expect(store.summary).toMatchObject({ applied: 1, refused: 1, new: 120, changed: 1 })
    expect(store.batches.map((b) => b.id)).toEqual([9])
    // an import is not applied twice
    expect(await store.apply()).toBeNull()
    expect(api.apply).toHaveBeenCalledTimes(1)

    store.clearImport()
    expect(store.report).toBeNull()
    expect(store.choices).toEqual({})
  })

  it('keeps decisions across a new preview of the same files', async () => {
    const store = await ready()
    const a = file('/in/a.xlsx', 'preview', { conflicts: [conflict('1-2')] })
    api.preview.mockResolvedValue({ token: 't', files: [a] } as ImportReport)
    await store.preview(['/in/a.xlsx'])
    store.choose(a, '1-2', 'file')
    await store.preview()
    expect(store.summary.undecided).toBe(0)
  })

  it('undoes an import and reloads the list, also when Go refuses', async () => {
    const store = await ready()
    api.undo.mockResolvedValueOnce({ batchId: 9, restored: 1, removed: 129 })
    expect(await store.undo(9)).toEqual({ batchId: 9, restored: 1, removed: 129 })
    api.undo.mockRejectedValueOnce(new AppError('conflict', '不能撤销：这次导入之后，有 1 项评分又被修改过（教体局!G4）。请先撤销后来的导入或修改'))
    await expect(store.undo(9)).rejects.toThrow('不能撤销')
    expect(api.listBatches).toHaveBeenCalledTimes(3)
  })

  it('gives a score’s history', async () => {
    const store = await ready()
    vi.mocked(scoreApi.history).mockResolvedValueOnce([])
    expect(await store.historyOf(2, 7, 3, 4)).toEqual([])
    expect(scoreApi.history).toHaveBeenCalledWith(2, 7, 3, 4)
  })
})
