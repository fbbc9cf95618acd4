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
  base_total_centi: '基准总分', code: '编号', points: '评分要点', method: '评分方式', kind: '类别',
  max_centi: '分值', step_centi: '步长', label: '选项', points_centi: '分值', date: '日期', place: '地点', deadline: '截止日期',
  trim_min_raters: '去高低最少人数', excellent_min_centi: '优秀线', good_min_centi: '良好线', fair_min_centi: '一般线',
  excellent_cap_pct: '优秀比例上限', weight_bp: '权重', action: '动作', note: '说明', reason: '事由', verified_by: '核定人',
  dimension: '维度', description: '问题描述', requirement: '整改要求', responsible: '责任人', measures: '整改措施',
  progress: '完成情况', done_date: '完成日期', closed_date: '销号日期',
  file_name: '文件名', encrypted: '加密', file_hash: '文件指纹', created_count: '新增', updated_count: '修改',
  cleared_count: '清除', kept_count: '保留', host_text: '依托单位', members: '成员', founded: '成立日期',
  dissolved: '撤销日期', notes: '备注', source: '服务对象', requester: '提出人', handler: '经办人', received: '受理日期',
  done: '办结日期', result: '办理结果', level: '级别', issuer: '授予单位', bonus_centi: '加分', finding_count: '问题数',
  new_count: '新增', changed_count: '修改', moved_count: '状态变化', unchanged_count: '未变',
  sha256: '文件指纹', size: '大小（字节）', category: '类别',
}
/** Labels that differ by table: an indicator's kind is how it is scored, a brand's is what it is. */
const tableLabels: Record<string, Record<string, string>> = {
  indicators: { kind: '评分类型', name: '指标名称' },
  people: { title: '职务' },
  rounds: { title: '标题' },
  practical_matters: { title: '事项' },
  temp_branches: { kind: '类型' },
}
/** Stored codes shown as the window shows them elsewhere (the locale files' wording). */
const codes: Record<string, Record<string, string>> = {
  kind: { score: '评分', deduct: '扣分', bonus: '加分', grade: '等次' },
  status: {
    draft: '草稿', published: '已发布', planned: '计划中', scoring: '评分中', closed: '已结束',
    applied: '已导入', undone: '已撤销',
  },
  encrypted: { true: '是', false: '否', 1: '是', 0: '否' },
}
const centi = new Set(['base_total_centi', 'max_centi', 'step_centi', 'points_centi', 'excellent_min_centi', 'good_min_centi', 'fair_min_centi', 'bonus_centi'])

function show(k: string, v: unknown): string {
  if (v === null || v === undefined || v === '') return '空'
  if (centi.has(k) && typeof v === 'number') return (v / 100).toFixed(2)
  if (k === 'weight_bp' && typeof v === 'number') return `${v / 100}%`
  return codes[k]?.[String(v)] ?? String(v)
}

const label = (k: string, table = '') => tableLabels[table]?.[k] ?? labels[k] ?? k
const isID = (k: string) => k.endsWith('_id')

/**
 * describeChange summarises an audit entry for one table cell: the fields an update changed as
 * "name: old → new", the fields of an insert or a deletion, or a score's old and new value.
 */
export function describeChange(e: Pick<AuditEntry, 'action' | 'objectType' | 'before' | 'after'>): string {
  if (e.objectType === 'scores') {
    const cent = (s: string) => (s === '' ? '空' : (Number(s) / 100).toFixed(2))
    return `${cent(e.before)} → ${cent(e.after)}`
  }
  const before = parse(e.before)
  const after = parse(e.after)
  if (e.action === '修改') {
    return Object.keys(after)
      .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
      .map((k) => `${label(k, e.objectType)}：${show(k, before[k])} → ${show(k, after[k])}`)
      .join('；')
  }
  const row = e.action === '删除' ? before : after
  return Object.entries(row)
    .filter(([k, v]) => v !== null && v !== '' && !isID(k))
    .map(([k, v]) => `${label(k, e.objectType)}：${show(k, v)}`)
    .join('；')
}
