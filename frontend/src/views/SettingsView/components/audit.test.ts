import { describe, expect, it } from 'vitest'
import { describeChange } from './audit'

describe('describeChange', () => {
  it('lists only the fields an update changed', () => {
    expect(
      describeChange({ action: '修改', objectType: 'units', before: '{"name":"区财政局","short_name":"财政局"}', after: '{"name":"区财政局（国资办）","short_name":"财政局"}' }),
    ).toBe('名称：区财政局 → 区财政局（国资办）')
  })
  it('lists the non-empty fields of an insert and of a deletion', () => {
    expect(describeChange({ action: '新增', objectType: 'people', before: '', after: '{"name":"李四","unit_id":null,"title":""}' })).toBe('名称：李四')
    expect(describeChange({ action: '删除', objectType: 'people', before: '{"name":"李四","title":"科员"}', after: '' })).toBe('名称：李四；名称/职务：科员')
  })
  it('leaves ids out and shows points and weights as people read them', () => {
    expect(describeChange({ action: '新增', objectType: 'rater_groups', before: '', after: '{"round_id":6,"name":"区委常委","weight_bp":4000}' })).toBe('名称：区委常委；权重：40%')
    expect(describeChange({ action: '修改', objectType: 'indicators', before: '{"max_centi":1000}', after: '{"max_centi":1500}' })).toBe('分值：10 → 15')
  })
  it('shows a score in points, blank as 空', () => {
    expect(describeChange({ action: '录入评分', objectType: 'scores', before: '', after: '850' })).toBe('空 → 8.5')
    expect(describeChange({ action: '录入评分', objectType: 'scores', before: '900', after: '' })).toBe('9 → 空')
  })
})
