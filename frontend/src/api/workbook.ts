import * as WorkbookAPI from '../../wailsjs/go/app/WorkbookAPI'
import { EventsOn, OnFileDrop, OnFileDropOff } from '../../wailsjs/runtime/runtime'
import { exchange } from '../../wailsjs/go/models'
import { call } from './core'

export type ExportResult = exchange.ExportResult
export type ExportedFile = exchange.ExportedFile
export type SkippedRater = exchange.SkippedRater
export type ImportRequest = exchange.ImportRequest
export type ImportReport = exchange.Report
export type FileReport = exchange.FileReport
export type Conflict = exchange.Conflict
export type Choice = exchange.Choice
export type Batch = exchange.BatchView
export type UndoResult = exchange.UndoResult

/** FileStatus is a file's status in a report, as Go names it (exchange.Status*). */
export type FileStatus = 'preview' | 'unchanged' | 'refused' | 'applied'
/** Take decides a conflict: the file's value, or the stored one (exchange.TakeFile, KeepMine). */
export type Take = 'file' | 'keep'

/** Progress is the payload of the progress events: done of total files, and the file just done. */
export interface Progress {
  roundId: number
  done: number
  total: number
  file?: string
}

// The events Go emits while it writes or reads workbooks (app.EventExportProgress, …). Only the
// window emits them; in the browser bridge nobody does, and the page shows an indeterminate bar.
const events = { export: 'workbook:export-progress', import: 'workbook:import-progress' } as const


export const workbookApi = {
  pickExportFolder: () => call(WorkbookAPI.PickExportFolder()),
  pickReturnedFiles: () => call(WorkbookAPI.PickReturnedFiles()),
  pickReturnedFolder: () => call(WorkbookAPI.PickReturnedFolder()),
  exportRaters: (roundId: number, dir: string, password: string) => call(WorkbookAPI.ExportRaters(roundId, dir, password)),
  exportPaper: (roundId: number, dir: string) => call(WorkbookAPI.ExportPaper(roundId, dir)),
  preview: (req: Partial<ImportRequest>) => call(WorkbookAPI.PreviewImport(exchange.ImportRequest.createFrom(req))),
  apply: (req: Partial<ImportRequest>) => call(WorkbookAPI.ApplyImport(exchange.ImportRequest.createFrom(req))),
  listBatches: (roundId: number) => call(WorkbookAPI.ListBatches(roundId)),
  undo: (id: number) => call(WorkbookAPI.UndoBatch(id)),
  openFolder: (dir: string) => call(WorkbookAPI.OpenFolder(dir)),

  /** onProgress listens to the export or import progress; it returns the function that stops listening. */
  onProgress(kind: keyof typeof events, cb: (p: Progress) => void): () => void {
    try {
      return EventsOn(events[kind], (p: Progress) => cb(p))
    } catch {
      return () => {}
    }
  },

  /**
   * onFileDrop passes the paths of files dropped on an element styled `--wails-drop-target: drop`
   * to cb, and returns the function that stops it; null where drops carry no paths (a browser).
   */
  onFileDrop(cb: (paths: string[]) => void): (() => void) | null {
    const rt = (window as unknown as { runtime?: Record<string, unknown> }).runtime
    if (typeof rt?.OnFileDrop !== 'function') return null
    OnFileDrop((_x, _y, paths) => cb(paths ?? []), true)
    return () => OnFileDropOff()
  },
}
