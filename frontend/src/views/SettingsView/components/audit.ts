import type { AuditEntry } from '../../../api/settings'

function parse(s: string): Record<string, unknown> {
  if (!s) return {}
  try {
    const v = JSON.parse(s)
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : { 值: v }
  } catch {
    return { 值: s }
  }
}

/**
 * describeChange summarises an audit entry for one table cell: the fields an update changed as
 * "name: old → new", the fields of an insert or a deletion, or a score's old and new value.
 */
export function describeChange(e: Pick<AuditEntry, 'action' | 'objectType' | 'before' | 'after'>): string {
  if (e.objectType === 'scores') {
    const cent = (s: string) => (s === '' ? '空' : (Number(s) / 100).toString())
    return `${cent(e.before)} → ${cent(e.after)}`
  }
  const before = parse(e.before)
  const after = parse(e.after)
  if (e.action === '修改') {
    return Object.keys(after)
      .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
      .map((k) => `${k}: ${String(before[k] ?? '空')} → ${String(after[k] ?? '空')}`)
      .join('；')
  }
  const row = e.action === '删除' ? before : after
  return Object.entries(row)
    .filter(([, v]) => v !== null && v !== '')
    .map(([k, v]) => `${k}: ${String(v)}`)
    .join('；')
}
