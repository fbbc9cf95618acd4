import { describe, expect, it } from 'vitest'
import type { Conflict, FileReport, ImportReport } from '../api/workbook'
import { BLANK, choiceKey, choicesFor, chooseAll, counts, fileState, keepValid, summarise, undecided, type Choices } from './importChoices'
import { baseName, raterRows, where } from './raterRows'
import { formatDateTime as formatTime } from '../locales/format'
import type { RaterProgress } from '../api/score'
import type { Batch, ExportResult } from '../api/workbook'

const conflict = (key: string, file = '9', take = ''): Conflict =>
  ({ key, unitId: 1, indicatorId: 2, unit: '区教育和体育局', indicator: '1.1 党组主体责任', sheet: '教体局', cell: 'G4', stored: '8', file,
    storedSource: '2024年12月3日 14:05 由 王建国 在窗口中录入', reason: '系统中的值是在窗口中录入的', take }) as Conflict

const file = (path: string, status: string, over: Partial<FileReport> = {}): FileReport =>
  ({ path, fileName: baseName(path), hash: 'h', status, workbookId: 'w', roundId: 1, round: '2024Q4', raterId: 1, rater: '武玥', sheets: 10,
    new: 0, changed: 0, unchanged: 0, cleared: 0, kept: 0, conflicts: [], problems: [], notes: [], batchId: 0, ...over }) as FileReport

const report = (...files: FileReport[]): ImportReport => ({ token: 't', files }) as ImportReport

describe('conflict choices', () => {
  const a = file('/in/a.xlsx', 'preview', { new: 120, unchanged: 8, conflicts: [conflict('1-2'), conflict('1-3', BLANK), conflict('4-5')] })
  const b = file('/in/b.xlsx', 'preview', { conflicts: [conflict('1-2')] })

  it('are undecided until chosen, and a file with an undecided one is a conflict', () => {
    expect(undecided({}, a)).toBe(3)
    expect(fileState({}, a)).toBe('conflict')
    const one: Choices = { [choiceKey(a.path, '1-2')]: 'file' }
    expect(undecided(one, a)).toBe(2)
    expect(fileState(one, a)).toBe('conflict')
  })

  it('all-take and all-keep decide one file only', () => {
    const all = chooseAll({}, a, 'file')
    expect(undecided(all, a)).toBe(0)
    expect(undecided(all, b)).toBe(1)
    expect(fileState(all, a)).toBe('ready')
    const kept = chooseAll(all, a, 'keep')
    expect(Object.values(kept)).toEqual(['keep', 'keep', 'keep'])
    // the same conflict key in another file is another decision
    expect(choicesFor(kept, report(a, b)).map((c) => c.path)).toEqual([a.path, a.path, a.path])
  })

  it('add decisions to the counts of a preview: a change, a clearing (blank in the file) or kept', () => {
    const c: Choices = { [choiceKey(a.path, '1-2')]: 'file', [choiceKey(a.path, '1-3')]: 'file', [choiceKey(a.path, '4-5')]: 'keep' }
    expect(counts(c, a)).toEqual({ new: 120, changed: 1, unchanged: 8, cleared: 1, kept: 1 })
    // a report of an import counts them already
    const done = file('/in/a.xlsx', 'applied', { new: 120, changed: 1, cleared: 1, kept: 1, conflicts: [conflict('1-2', '9', 'file')] })
    expect(counts({}, done)).toEqual({ new: 120, changed: 1, unchanged: 0, cleared: 1, kept: 1 })
  })

  it('a file whose conflicts are all kept and has nothing else writes nothing', () => {
    expect(fileState(chooseAll({}, b, 'keep'), b)).toBe('unchanged')
    expect(fileState(chooseAll({}, b, 'file'), b)).toBe('ready')
  })

  it('Go’s own decision (an import) counts as made', () => {
    const applied = file('/in/a.xlsx', 'refused', { conflicts: [conflict('1-2', '9', 'file'), conflict('1-3')] })
    expect(undecided({}, applied)).toBe(1)
    expect(fileState({}, applied)).toBe('refused')
  })

  it('keepValid drops decisions a new preview no longer asks for', () => {
    const c: Choices = { [choiceKey(a.path, '1-2')]: 'file', [choiceKey('/gone.xlsx', '1-2')]: 'keep', [choiceKey(a.path, '9-9')]: 'keep' }
    expect(keepValid(c, report(a, b))).toEqual({ [choiceKey(a.path, '1-2')]: 'file' })
  })

  it('are sent to Go by path and key', () => {
    const c = chooseAll({ [choiceKey(b.path, '1-2')]: 'keep' }, a, 'file')
    expect(choicesFor(c, report(a, b))).toEqual([
      { path: a.path, key: '1-2', take: 'file' },
      { path: a.path, key: '1-3', take: 'file' },
      { path: a.path, key: '4-5', take: 'file' },
      { path: b.path, key: '1-2', take: 'keep' },
    ])
  })
})

describe('summary', () => {
  it('counts files by state and the scores the ready ones write', () => {
    const ready = file('/r.xlsx', 'preview', { new: 130 })
    const conflicted = file('/c.xlsx', 'preview', { new: 100, conflicts: [conflict('1-2')] })
    const same = file('/s.xlsx', 'unchanged', { unchanged: 130 })
    const refused = file('/x.xlsx', 'refused', { problems: [{ sheet: '', cell: '', message: '文件 x.xlsx 不是有效的 Excel 工作簿（.xlsx）' }] })
    const rep = report(ready, conflicted, same, refused)
    expect(summarise({}, rep)).toMatchObject({ files: 4, ready: 1, conflict: 1, unchanged: 1, refused: 1, undecided: 1, new: 130, changed: 0 })
    const decided = chooseAll({}, conflicted, 'file')
    expect(summarise(decided, rep)).toMatchObject({ ready: 2, conflict: 0, undecided: 0, new: 230, changed: 1 })
    expect(summarise({}, null)).toMatchObject({ files: 0, ready: 0 })
  })

  it('of an import counts the applied files', () => {
    const rep = report(file('/r.xlsx', 'applied', { new: 130, batchId: 4 }), file('/x.xlsx', 'refused'))
    expect(summarise({}, rep)).toMatchObject({ applied: 1, refused: 1, new: 130 })
  })
})

describe('rater rows', () => {
  const rater = (id: number, name: string, group: string) => ({ id, name, group, title: '区委常委', unitName: '', complete: 0, expected: 10 }) as unknown as RaterProgress
  const batch = (id: number, raterId: number, status: string, appliedAt: string) => ({ id, raterId, status, appliedAt }) as unknown as Batch

  it('show the file of the last export, a skip and the newest standing import', () => {
    const exported = { files: [{ raterId: 1, fileName: '2024Q4_武玥_评分表.xlsx' }], skipped: [{ raterId: 3, rater: '王', reason: '按回避规则没有可评分的单位' }] } as unknown as ExportResult
    const rows = raterRows(
      [rater(1, '武玥', '区委常委'), rater(2, '夏雪', '区委常委'), rater(3, '王', '联系片互评')],
      exported,
      [batch(3, 1, 'applied', '2024-12-04T10:00:00Z'), batch(2, 1, 'applied', '2024-12-03T10:00:00Z'), batch(1, 2, 'undone', '2024-12-02T10:00:00Z')],
    )
    expect(rows.map((r) => [r.file, r.skipped, r.returned?.id ?? null, r.undone])).toEqual([
      ['2024Q4_武玥_评分表.xlsx', '', 3, 0],
      ['', '', null, 1],
      ['', '按回避规则没有可评分的单位', null, 0],
    ])
    expect(rows[0]!.unit).toBe('区委常委')
  })

  it('format times and cells as the office writes them', () => {
    const d = new Date(2024, 11, 3, 9, 5)
    expect(formatTime(d.toISOString())).toBe('2024-12-03 09:05')
    expect(formatTime('0001-01-01T00:00:00Z')).toBe('')
    expect(formatTime(undefined)).toBe('')
    expect(where({ sheet: '教体局', cell: 'G7' })).toBe('教体局!G7')
    expect(where({ sheet: '教体局', cell: '' })).toBe('教体局')
    expect(baseName('C:\\评分表\\2024Q4_武玥_评分表.xlsx')).toBe('2024Q4_武玥_评分表.xlsx')
  })
})
