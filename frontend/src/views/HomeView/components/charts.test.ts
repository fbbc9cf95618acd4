import { describe, expect, it } from 'vitest'
import { findingsPie, rankingBars } from './charts'

describe('home charts', () => {
  it('draws the ranking best at the top with two-decimal labels and grade colours', () => {
    const o = rankingBars([
      { shortName: '教体局', finalCenti: 9135, grade: '优秀', rank: 1 },
      { shortName: '财政局', finalCenti: 8865, grade: '良好', rank: 2 },
    ]) as { yAxis: { data: string[] }; series: { data: { value: number; itemStyle: { color: string } }[] }[] }
    expect(o.yAxis.data).toEqual(['2. 财政局', '1. 教体局'])
    expect(o.series[0]!.data.map((d) => d.value)).toEqual([88.65, 91.35])
    expect(o.series[0]!.data[1]!.itemStyle.color).toBe('#c62828')
  })
  it('keeps every status of the ledger, also those with none', () => {
    const o = findingsPie({ 待整改: 2, 整改中: 0, 已整改: 1, 已销号: 5 }) as { series: { data: { name: string; value: number }[] }[] }
    expect(o.series[0]!.data.map((d) => `${d.name}${d.value}`)).toEqual(['待整改2', '整改中0', '已整改1', '已销号5'])
  })
})
