import { describe, expect, it } from 'vitest'
import type { TrendPoint, UnitResult } from '../../../api/score'
import type { IndicatorResult } from '../../../stores/results'
import { lostOption, radarDimensions, rankAxis, rankingOption, scaleFloor, trendOption } from './charts'
import { statusActions, today } from '../../../components/findingStatus'

const dims = (a: number, b: number, neg: number) => [
  { name: '模范机关建设', meanCenti: a, maxCenti: 3500 },
  { name: '特色创新', meanCenti: b, maxCenti: 500 },
  { name: '负面清单', meanCenti: neg, maxCenti: 0 },
]
const unit = (id: number, finalCenti: number, rank: number, grade: string, scored = true, d = dims(3000, 300, -50)) =>
  ({ id, name: `单位${id}`, scored, finalCenti, rank, grade, dimensions: d }) as unknown as UnitResult

describe('scaleFloor', () => {
  it.each([
    [7690, 70],
    [7000, 60],
    [9680, 90],
    [300, 0],
  ])('%i centi-points → axis from %i', (c, want) => expect(scaleFloor(c)).toBe(want))
})

describe('rankingOption', () => {
  const units = [unit(1, 9680, 1, '优秀'), unit(2, 8523, 2, '良好'), unit(3, 0, 0, '', false)]
  const opt = rankingOption(units, [{ grade: '优秀', minCenti: 9000 }, { grade: '良好', minCenti: 8000 }, { grade: '一般', minCenti: 7000 }], {
    score: '得分',
    rank: '名次',
    line: (g) => `${g}线`,
  }) as any

  it('shows scored units only, rank 1 on top, coloured by grade', () => {
    expect(opt.yAxis.data).toEqual(['单位1', '单位2'])
    expect(opt.yAxis.inverse).toBe(true)
    expect(opt.series[0].data.map((d: any) => d.value)).toEqual([96.8, 85.23])
    expect(opt.series[0].data[0].itemStyle.color).not.toEqual(opt.series[0].data[1].itemStyle.color)
  })
  it('labels bars with two decimals and draws the thresholds above the axis floor', () => {
    expect(opt.series[0].label.formatter({ value: 96.8 })).toBe('96.80')
    expect(opt.xAxis.min).toBe(60)
    expect(opt.series[0].markLine.data.map((d: any) => [d.name, d.xAxis])).toEqual([['优秀线', 90], ['良好线', 80], ['一般线', 70]])
  })
})

describe('radarDimensions', () => {
  it('puts dimensions with a maximum on axes with the round mean, and deductions apart', () => {
    const u = unit(1, 9000, 1, '优秀', true, dims(3000, 400, -50))
    const other = unit(2, 8000, 2, '良好', true, dims(2000, 100, 0))
    const notScored = unit(3, 0, 0, '', false, dims(0, 0, 0))
    const r = radarDimensions(u, [u, other, notScored])
    expect(r.axes).toEqual([
      { name: '模范机关建设', maxCenti: 3500, unitCenti: 3000, meanCenti: 2500 },
      { name: '特色创新', maxCenti: 500, unitCenti: 400, meanCenti: 250 },
    ])
    expect(r.deductions).toEqual([{ name: '负面清单', meanCenti: 50 }])
  })
})

describe('lostOption', () => {
  it('shows the indicators that lose most, most first, skipping those that lose nothing', () => {
    const ind = (code: string, lost: number, n = 13) => ({ code, name: code, dimension: '', kind: 'score', max: 1000, n, meanCenti: 1000 - lost, meanLostCenti: lost }) as unknown as IndicatorResult
    const opt = lostOption([ind('1.1', 120), ind('1.2', 0), ind('2.1', 340), ind('2.2', 50, 0), ind('3.1', 200)], 2, { lost: '', mean: '', max: '' }) as any
    expect(opt.yAxis.data).toEqual(['2.1 2.1', '3.1 3.1'])
    expect(opt.series[0].data.map((d: any) => d.value)).toEqual([3.4, 2])
  })
})

describe('trendOption', () => {
  it('draws the final score and the rank, 1 at the top of its axis', () => {
    const pts = [
      { code: '2024Q1', finalCenti: 8850, rank: 4, units: 11, grade: '良好' },
      { code: '2024Q3', finalCenti: 9120, rank: 2, units: 11, grade: '优秀' },
    ] as unknown as TrendPoint[]
    const opt = trendOption(pts, { score: '得分', rank: '名次', rankOf: (r, n) => `${r}/${n}`, rankShort: (r) => `第${r}名` }) as any
    expect(opt.xAxis.map((x: any) => x.data)).toEqual([['2024Q1', '2024Q3'], ['2024Q1', '2024Q3']])
    expect(opt.series[0].data).toEqual([88.5, 91.2])
    expect(opt.series[1].data).toEqual([4, 2])
    expect(opt.series[1]).toMatchObject({ xAxisIndex: 1, yAxisIndex: 1 })
    expect(opt.series[1].label.formatter({ value: 2 })).toBe('第2名')
    expect(opt.yAxis[1]).toMatchObject({ gridIndex: 1, inverse: true, min: 1, max: 13, interval: 4 })
  })
})

describe('rankAxis', () => {
  it.each([
    [11, { min: 1, max: 11, interval: 2 }],
    [2, { min: 1, max: 2, interval: 1 }],
    [5, { min: 1, max: 5, interval: 1 }],
    [67, { min: 1, max: 71, interval: 14 }],
  ])('%i units', (n, want) => expect(rankAxis(n)).toEqual(want))
  it('takes fewer steps when asked', () => expect(rankAxis(11, 3)).toEqual({ min: 1, max: 13, interval: 4 }))
})

describe('statusActions', () => {
  it('offers the next step first, later steps, then one step back', () => {
    expect(statusActions('待整改').map((a) => [a.to, a.key, a.back, a.needsDate])).toEqual([
      ['整改中', 'start', false, false],
      ['已整改', 'done', false, true],
      ['已销号', 'close', false, true],
    ])
    expect(statusActions('已整改').map((a) => [a.to, a.back])).toEqual([['已销号', false], ['整改中', true]])
    expect(statusActions('已销号').map((a) => [a.to, a.back])).toEqual([['已整改', true]])
    expect(statusActions('未知')).toEqual([])
  })
  it('writes today as Go expects it', () => {
    expect(today(new Date(2024, 5, 5))).toBe('2024-06-05')
  })
})
