// The bookkeeping of an import preview: the user's decision on each conflict, what each file
// would do once they are made, and the summary the confirmation shows. Go decides everything
// else (what is new, changed, refused); these functions only add the user's decisions to it.
import type { Choice, Conflict, FileReport, ImportReport, Take } from '../api/workbook'

/** Choices are the decisions made so far, by choiceKey(file path, conflict key). */
export type Choices = Record<string, Take>

/** choiceKey names the decision on one conflict of one file. */
export const choiceKey = (path: string, key: string) => `${path}\u0000${key}`

/** BLANK is how Go writes an empty cell in a conflict (exchange.showValue). */
export const BLANK = '（空）'

/** FileState is what a row of the preview or of the result says about its file. */
export type FileState = 'ready' | 'unchanged' | 'conflict' | 'refused' | 'applied'

/** takeOf is the decision on a conflict: the user's, or the one Go reports having applied. */
export function takeOf(choices: Choices, f: FileReport, c: Conflict): Take | undefined {
  const mine = choices[choiceKey(f.path, c.key)]
  if (mine) return mine
  return c.take === 'file' || c.take === 'keep' ? c.take : undefined
}

/** undecided counts the conflicts of a file nobody has decided yet. */
export function undecided(choices: Choices, f: FileReport): number {
  return (f.conflicts ?? []).filter((c) => !takeOf(choices, f, c)).length
}

export interface Counts {
  new: number
  changed: number
  unchanged: number
  cleared: number
  kept: number
}

/**
 * counts are a file's numbers as they will be once imported. A preview counts conflicts nowhere
 * (nobody has decided them when Go reads the file), so the decisions made since are added here:
 * the file's value is a change (or a clearing, when the file's cell is blank), the stored one is kept.
 * A report of an import already counts them.
 */
export function counts(choices: Choices, f: FileReport): Counts {
  const n: Counts = { new: f.new, changed: f.changed, unchanged: f.unchanged, cleared: f.cleared, kept: f.kept }
  if (f.status !== 'preview') return n
  for (const c of f.conflicts ?? []) {
    const take = takeOf(choices, f, c)
    if (take === 'keep') n.kept++
    else if (take === 'file' && c.file === BLANK) n.cleared++
    else if (take === 'file') n.changed++
  }
  return n
}

/** writes counts the scores a file will write: new, changed and cleared. */
export const writes = (n: Counts) => n.new + n.changed + n.cleared

/** fileState is the tag of a file: a preview with undecided conflicts, or one that would write nothing. */
export function fileState(choices: Choices, f: FileReport): FileState {
  switch (f.status) {
    case 'refused':
      return 'refused'
    case 'applied':
      return 'applied'
    case 'unchanged':
      return 'unchanged'
  }
  if (undecided(choices, f) > 0) return 'conflict'
  return writes(counts(choices, f)) > 0 ? 'ready' : 'unchanged'
}

/** chooseAll decides every conflict of a file the same way, leaving other files' decisions alone. */
export function chooseAll(choices: Choices, f: FileReport, take: Take): Choices {
  const out = { ...choices }
  for (const c of f.conflicts ?? []) out[choiceKey(f.path, c.key)] = take
  return out
}

/** keepValid drops the decisions on conflicts a new preview no longer has. */
export function keepValid(choices: Choices, report: ImportReport): Choices {
  const out: Choices = {}
  for (const f of report.files ?? []) {
    for (const c of f.conflicts ?? []) {
      const k = choiceKey(f.path, c.key)
      const take = choices[k]
      if (take) out[k] = take
    }
  }
  return out
}

/** choicesFor lists the decisions of a report's files as ApplyImport takes them. */
export function choicesFor(choices: Choices, report: ImportReport): Choice[] {
  const out: Choice[] = []
  for (const f of report.files ?? []) {
    for (const c of f.conflicts ?? []) {
      const take = choices[choiceKey(f.path, c.key)]
      if (take) out.push({ path: f.path, key: c.key, take })
    }
  }
  return out
}

/** Summary counts the files of a report by state, and the scores the ready ones will write. */
export interface Summary {
  files: number
  ready: number
  unchanged: number
  conflict: number
  refused: number
  applied: number
  /** undecided conflicts, over all files */
  undecided: number
  /** scores the ready (or applied) files write */
  new: number
  changed: number
  cleared: number
  kept: number
}

export function summarise(choices: Choices, report: ImportReport | null): Summary {
  const s: Summary = { files: 0, ready: 0, unchanged: 0, conflict: 0, refused: 0, applied: 0, undecided: 0, new: 0, changed: 0, cleared: 0, kept: 0 }
  for (const f of report?.files ?? []) {
    s.files++
    const state = fileState(choices, f)
    s[state]++
    s.undecided += undecided(choices, f)
    if (state === 'ready' || state === 'applied') {
      const n = counts(choices, f)
      s.new += n.new
      s.changed += n.changed
      s.cleared += n.cleared
      s.kept += n.kept
    }
  }
  return s
}
