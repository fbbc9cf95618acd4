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
    expect(describeChange({ action: '删除', objectType: 'people', before: '{"name":"李四","title":"科员"}', after: '' })).toBe('名称：李四；职务：科员')
  })
  it('leaves ids out and shows points and weights as people read them', () => {
    expect(describeChange({ action: '新增', objectType: 'rater_groups', before: '', after: '{"round_id":6,"name":"区委常委","weight_bp":4000}' })).toBe('名称：区委常委；权重：40%')
    expect(describeChange({ action: '修改', objectType: 'indicators', before: '{"max_centi":1000}', after: '{"max_centi":1500}' })).toBe('分值：10.00 → 15.00')
  })
  it('shows a score in points, blank as 空', () => {
    expect(describeChange({ action: '录入评分', objectType: 'scores', before: '', after: '850' })).toBe('空 → 8.50')
    expect(describeChange({ action: '录入评分', objectType: 'scores', before: '900', after: '' })).toBe('9.00 → 空')
  })
  it('names every field in Chinese, by its table, and shows stored codes as words', () => {
    expect(describeChange({ action: '新增', objectType: 'brands', before: '', after: '{"unit_id":3,"kind":"党建品牌","name":"红心向党","level":"国家级","year":2023,"issuer":"中央和国家机关工委","bonus_centi":150}' }))
      .toBe('类别：党建品牌；名称：红心向党；级别：国家级；年度：2023；授予单位：中央和国家机关工委；加分：1.50')
    expect(describeChange({ action: '修改', objectType: 'indicators', before: '{"kind":"score"}', after: '{"kind":"bonus"}' })).toBe('评分类型：评分 → 加分')
    expect(describeChange({ action: '修改', objectType: 'rounds', before: '{"status":"planned"}', after: '{"status":"scoring"}' })).toBe('状态：计划中 → 评分中')
    const matter = describeChange({ action: '新增', objectType: 'practical_matters', before: '', after: '{"code":"2024-0001","title":"修路","source":"群众","requester":"张三","handler":"李四","received":"2024-04-01","done":"2024-04-09","status":"已办结","result":"已修好"}' })
    expect(matter).not.toMatch(/[a-z]{3,}/)
    const batch = describeChange({ action: '新增', objectType: 'import_batches', before: '', after: '{"file_name":"a.xlsx","file_hash":"ab12","created_count":3,"updated_count":1,"cleared_count":0,"kept_count":2,"status":"applied"}' })
    expect(batch).toContain('状态：已导入')
    expect(batch.replace('a.xlsx', '').replace('ab12', '')).not.toMatch(/[a-z]{3,}/)
  })
})
