// What a typed score looks like before Go has seen it, and how a stored one is shown. The
// pre-check mirrors scoring.ParseValue closely enough to turn a cell red while the rater types;
// the Go result that follows is what counts.

import { formatPoints } from '../api/score'

/** Rule is what the grid knows of an indicator (score.Indicator): kind, bounds in centi-points, options. */
export interface Rule {
  kind: string
  max: number
  step: number
  options: { label: string; points: number }[]
  rangeMessage: string
}

/** Check is the pre-check's verdict: blank, a value, refused with a message, or left to Go. */
export type Check =
  | { state: 'blank' }
  | { state: 'ok'; value: number }
  | { state: 'bad'; message: string }
  | { state: 'unsure' }

const DEFAULT_STEP = 50

/** fold maps full-width forms to ASCII, the ideographic full stop and minus sign to . and -, and trims. */
export function fold(s: string): string {
  let out = ''
  for (const ch of s) {
    const cp = ch.codePointAt(0)!
    if (cp >= 0xff01 && cp <= 0xff5e) out += String.fromCodePoint(cp - 0xfee0)
    else if (cp === 0x3000) out += ' '
    else if (ch === '。') out += '.'
    else if (ch === '−') out += '-'
    else out += ch
  }
  return out.trim()
}

const digits = (s: string) => /^[0-9]*$/.test(s)

/** parseDecimal reads an unsigned decimal into centi-points; a long spreadsheet decimal is left to Go. */
function parseDecimal(s: string): number | 'not_number' | 'too_many' | 'range' | 'unsure' {
  const dot = s.indexOf('.')
  let int = dot < 0 ? s : s.slice(0, dot)
  let frac = dot < 0 ? '' : s.slice(dot + 1)
  if (!digits(int) || !digits(frac) || (int === '' && frac === '')) return 'not_number'
  int = int.replace(/^0+/, '')
  frac = frac.replace(/0+$/, '')
  if (int.length > 15) return 'range'
  if (frac.length > 2) {
    const sig = int === '' ? frac.replace(/^0+/, '').length : int.length + frac.length
    return sig >= 15 ? 'unsure' : 'too_many'
  }
  return Number(int || '0') * 100 + Number((frac + '00').slice(0, 2))
}

function checkValue(rule: Rule, v: number): string {
  switch (rule.kind) {
    case 'score':
    case 'deduct':
    case 'bonus': {
      if (v < 0 || v > rule.max) return '超出范围'
      const step = rule.step > 0 ? rule.step : DEFAULT_STEP
      if (rule.kind === 'score' && v % step !== 0) return `不是${formatPoints(step)}的倍数`
      return ''
    }
    case 'grade':
      return rule.options.some((o) => o.points === v) ? '' : '不是可选的分值'
  }
  return '无法评分'
}

/**
 * precheck reads what a rater typed the way Go's scoring.ParseValue does: spaces, full-width
 * digits, a trailing 分, a deduction as 2, -2 or 扣2分, a bonus as +2 or 加2分, a grade by its
 * label or points. A refusal carries Go's sentence: 「九十」不是数字，请输入0～5之间的数….
 */
export function precheck(rule: Rule, text: string): Check {
  const s = fold(text)
  if (s === '') return { state: 'blank' }
  const shown = text.trim()
  const bad = (cause: string): Check => ({ state: 'bad', message: `「${shown}」${cause}，${rule.rangeMessage}` })
  if (rule.kind === 'grade') {
    const o = rule.options.find((o) => fold(o.label).toLowerCase() === s.toLowerCase())
    if (o) return { state: 'ok', value: o.points }
  }
  let num = (s.endsWith('分') ? s.slice(0, -1) : s).trim()
  let sign = ''
  for (const [prefix, sg] of [['-', '-'], ['扣', '-'], ['+', '+'], ['加', '+']] as const) {
    if (num.startsWith(prefix)) {
      num = num.slice(prefix.length).trim()
      sign = sg
      break
    }
  }
  const v = parseDecimal(num)
  if (v === 'unsure') return { state: 'unsure' }
  if (v === 'not_number') return bad(rule.kind === 'grade' ? '不是可选项' : '不是数字')
  if (v === 'too_many') return bad('超过两位小数')
  if (v === 'range') return bad('超出范围')
  if (sign === '-' && rule.kind !== 'deduct' && v !== 0) return bad('不能为负数')
  if (sign === '+' && rule.kind !== 'bonus') return bad('不能带正号')
  const cause = checkValue(rule, v)
  return cause ? bad(cause) : { state: 'ok', value: v }
}

/** valueText shows a stored value: a grade by its option's label, anything else by its points (850 → 8.5). */
export function valueText(rule: Rule, v: number): string {
  if (rule.kind === 'grade') {
    const o = rule.options.find((o) => o.points === v)
    if (o) return o.label
  }
  return formatPoints(v)
}

/** ruleHint is the short 分值 column text: 5分, 扣分≤3, 加分≤2, 好/较好/一般/差. */
export function ruleHint(rule: Rule): string {
  switch (rule.kind) {
    case 'score':
      return `${formatPoints(rule.max)}分`
    case 'deduct':
      return `扣分≤${formatPoints(rule.max)}`
    case 'bonus':
      return `加分≤${formatPoints(rule.max)}`
    case 'grade':
      return rule.options.map((o) => o.label).join('/')
  }
  return ''
}

/** ruleDetail is the longer hint shown on hover: the kind, the options with their points, what is accepted. */
export function ruleDetail(rule: Rule): string {
  const kinds: Record<string, string> = { score: '得分项', deduct: '扣分项（填写扣除的分数，不扣分留空）', bonus: '加分项（没有加分留空）', grade: '等次项' }
  const parts = [kinds[rule.kind] ?? rule.kind]
  if (rule.kind === 'grade') parts.push(rule.options.map((o) => `${o.label} ${formatPoints(o.points)}分`).join('，'))
  parts.push(rule.rangeMessage)
  return parts.join('；')
}
