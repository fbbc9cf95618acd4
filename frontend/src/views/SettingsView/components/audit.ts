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

/** Chinese names of the recorded columns; ids are left out of summaries, the object names them. */
const labels: Record<string, string> = {
  number: '序号', name: '名称', short_name: '简称', org_type: '党组织类型', secretary: '书记', member_count: '党员人数',
  sort_order: '排序', title: '名称/职务', phone: '电话', year: '年度', version: '版本', status: '状态',
  base_total_centi: '基准总分', code: '编号', points: '评分要点', method: '评分方式', kind: '评分方式类别',
  max_centi: '分值', step_centi: '步长', label: '选项', points_centi: '分值', date: '日期', place: '地点', deadline: '截止日期',
  trim_min_raters: '去高低最少人数', excellent_min_centi: '优秀线', good_min_centi: '良好线', fair_min_centi: '一般线',
  excellent_cap_pct: '优秀比例上限', weight_bp: '权重', action: '动作', note: '说明', reason: '事由', verified_by: '核定人',
  dimension: '维度', description: '问题描述', requirement: '整改要求', responsible: '责任人', measures: '整改措施',
  progress: '完成情况', done_date: '完成日期', closed_date: '销号日期',
}
const centi = new Set(['base_total_centi', 'max_centi', 'step_centi', 'points_centi', 'excellent_min_centi', 'good_min_centi', 'fair_min_centi'])

function show(k: string, v: unknown): string {
  if (v === null || v === undefined || v === '') return '空'
  if (centi.has(k) && typeof v === 'number') return String(v / 100)
  if (k === 'weight_bp' && typeof v === 'number') return `${v / 100}%`
  return String(v)
}

const label = (k: string) => labels[k] ?? k
const isID = (k: string) => k.endsWith('_id')

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
      .map((k) => `${label(k)}：${show(k, before[k])} → ${show(k, after[k])}`)
      .join('；')
  }
  const row = e.action === '删除' ? before : after
  return Object.entries(row)
    .filter(([k, v]) => v !== null && v !== '' && !isID(k))
    .map(([k, v]) => `${label(k)}：${show(k, v)}`)
    .join('；')
}
