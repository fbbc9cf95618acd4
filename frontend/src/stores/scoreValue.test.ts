import { describe, expect, it } from 'vitest'
import { precheck, ruleDetail, ruleHint, valueText, type Rule } from './scoreValue'

const score: Rule = { kind: 'score', max: 500, step: 50, options: [], rangeMessage: '请输入0～5之间的数，须为0.5的倍数' }
const fine: Rule = { kind: 'score', max: 1000, step: 1, options: [], rangeMessage: '请输入0～10之间的数，最多两位小数' }
const deduct: Rule = { kind: 'deduct', max: 300, step: 0, options: [], rangeMessage: '请输入0～3之间的数（扣除的分数），最多两位小数' }
const bonus: Rule = { kind: 'bonus', max: 200, step: 0, options: [], rangeMessage: '请输入0～2之间的数（加分），最多两位小数' }
const grade: Rule = {
  kind: 'grade', max: 1000, step: 0, rangeMessage: '请从下拉列表中选择：好、较好、一般、差',
  options: [{ label: '好', points: 1000 }, { label: '较好', points: 800 }, { label: '一般', points: 600 }, { label: '差', points: 300 }],
}
const letters: Rule = { ...grade, options: [{ label: 'A', points: 1000 }, { label: 'B', points: 800 }], rangeMessage: '请从下拉列表中选择：A、B' }

describe('precheck', () => {
  it.each([
    ['blank', score, '  ', { state: 'blank' }],
    ['a number', score, '4.5', { state: 'ok', value: 450 }],
    ['full-width digits', score, '４．５', { state: 'ok', value: 450 }],
    ['a trailing 分', score, '4.5分', { state: 'ok', value: 450 }],
    ['the ideographic full stop', score, '4。5', { state: 'ok', value: 450 }],
    ['two decimals on a fine step', fine, '8.25', { state: 'ok', value: 825 }],
    ['a deduction as 2', deduct, '2', { state: 'ok', value: 200 }],
    ['a deduction as -2', deduct, '-2', { state: 'ok', value: 200 }],
    ['a deduction as 扣2分', deduct, '扣2分', { state: 'ok', value: 200 }],
    ['a bonus as +1.5', bonus, '+1.5', { state: 'ok', value: 150 }],
    ['a bonus as 加1分', bonus, '加1分', { state: 'ok', value: 100 }],
    ['a grade label', grade, '较好', { state: 'ok', value: 800 }],
    ['a grade by points', grade, '6', { state: 'ok', value: 600 }],
    ['a letter grade, any case, full width', letters, 'ｂ', { state: 'ok', value: 800 }],
    ['-0 on a score', score, '-0', { state: 'ok', value: 0 }],
    ['a spreadsheet’s long decimal is left to Go', score, '4.4999999999999991', { state: 'unsure' }],
  ] as const)('accepts %s', (_, rule, text, want) => {
    expect(precheck(rule, text)).toEqual(want)
  })

  it.each([
    ['text for a number', score, '九十', '「九十」不是数字，请输入0～5之间的数，须为0.5的倍数'],
    ['above the maximum', score, '6', '「6」超出范围，请输入0～5之间的数，须为0.5的倍数'],
    ['off the step', score, '4.3', '「4.3」不是0.5的倍数，请输入0～5之间的数，须为0.5的倍数'],
    ['too many decimals', fine, '4.555', '「4.555」超过两位小数，请输入0～10之间的数，最多两位小数'],
    ['a negative score', score, '-2', '「-2」不能为负数，请输入0～5之间的数，须为0.5的倍数'],
    ['a plus on a deduction', deduct, '+2', '「+2」不能带正号，请输入0～3之间的数（扣除的分数），最多两位小数'],
    ['a deduction above its cap', deduct, '扣5分', '「扣5分」超出范围，请输入0～3之间的数（扣除的分数），最多两位小数'],
    ['a grade that is no option', grade, '优秀', '「优秀」不是可选项，请从下拉列表中选择：好、较好、一般、差'],
    ['grade points that are no option', grade, '7', '「7」不是可选的分值，请从下拉列表中选择：好、较好、一般、差'],
  ] as const)('refuses %s with Go’s sentence', (_, rule, text, message) => {
    expect(precheck(rule, text)).toEqual({ state: 'bad', message })
  })
})

describe('showing values', () => {
  it('shows a grade by its label and other values by their points', () => {
    expect(valueText(grade, 800)).toBe('较好')
    expect(valueText(score, 450)).toBe('4.5')
    expect(valueText(score, 500)).toBe('5')
    expect(valueText(deduct, 200)).toBe('2')
  })
  it('hints each kind in a few characters', () => {
    expect([score, deduct, bonus, grade].map(ruleHint)).toEqual(['5分', '扣分≤3', '加分≤2', '好/较好/一般/差'])
    expect(ruleDetail(grade)).toBe('等次项；好 10分，较好 8分，一般 6分，差 3分；请从下拉列表中选择：好、较好、一般、差')
  })
})
