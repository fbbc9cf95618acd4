// The results page's charts: ECharts registered piece by piece from echarts/core (so that the
// bundle carries only bar, line and radar charts on canvas), and the option builders that turn
// results into chart options. Numbers arrive as centi-points and leave with two decimals.

import { use, type ComposeOption } from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'
import { BarChart, LineChart, RadarChart, type BarSeriesOption, type LineSeriesOption, type RadarSeriesOption } from 'echarts/charts'
import {
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  RadarComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type MarkLineComponentOption,
  type RadarComponentOption,
  type TooltipComponentOption,
} from 'echarts/components'
import type { TrendPoint, UnitResult } from '../../../api/score'
import type { IndicatorResult } from '../../../stores/results'
import { formatCenti } from '../../../api/score'

use([CanvasRenderer, BarChart, LineChart, RadarChart, GridComponent, LegendComponent, MarkLineComponent, RadarComponent, TooltipComponent])

export type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | RadarSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | MarkLineComponentOption
  | RadarComponentOption
  | TooltipComponentOption
>

const font = "'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', 'WenQuanYi Zen Hei', sans-serif"
const textStyle = { fontFamily: font, color: '#303133' }
const axisGrey = '#909399'
const lineGrey = '#e4e7ed'

/** gradeColors are the colours of the standard grades, as tags and bars show them. */
export const gradeColors: Record<string, string> = {
  优秀: '#67c23a',
  良好: '#409eff',
  一般: '#e6a23c',
  较差: '#f56c6c',
}
export const noGradeColor = '#c0c4cc'

/** gradeTagType is the Element Plus tag type of a grade. */
export function gradeTagType(grade: string): 'success' | 'primary' | 'warning' | 'danger' | 'info' {
  return ({ 优秀: 'success', 良好: 'primary', 一般: 'warning', 较差: 'danger' } as const)[grade as '优秀'] ?? 'info'
}

const points = (centi: number) => Number(formatCenti(centi))

/** scaleFloor is a round lower bound for a score axis: 10 below the lowest value, to a multiple of 10. */
export function scaleFloor(lowestCenti: number): number {
  return Math.max(0, Math.floor((lowestCenti / 100 - 5) / 10) * 10)
}

export interface Threshold {
  grade: string
  minCenti: number
}

export interface RankingLabels {
  score: string
  rank: string
  line: (grade: string) => string
}

/** rankingOption draws scored units as horizontal bars, rank 1 at the top, coloured by grade. */
export function rankingOption(units: UnitResult[], thresholds: Threshold[], l: RankingLabels): ChartOption {
  const scored = units.filter((u) => u.scored)
  const lowest = Math.min(...scored.map((u) => u.finalCenti), ...thresholds.map((t) => t.minCenti))
  const floor = scaleFloor(lowest)
  return {
    textStyle,
    grid: { left: 8, right: 64, top: 28, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (ps: unknown) => {
        const p = (ps as { dataIndex: number }[])[0]
        const u = p && scored[p.dataIndex]
        return u ? `${u.name}<br/>${l.score} <b>${formatCenti(u.finalCenti)}</b>　${l.rank} ${u.rank}　${u.grade}` : ''
      },
    },
    xAxis: {
      type: 'value',
      min: floor,
      max: (v: { max: number }) => Math.max(100, Math.ceil(v.max / 5) * 5),
      axisLabel: { color: axisGrey },
      splitLine: { lineStyle: { color: lineGrey } },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: scored.map((u) => u.name),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: lineGrey } },
      axisLabel: { color: '#303133', fontSize: 12, formatter: (name: string) => `${scored.find((u) => u.name === name)?.rank ?? ''}. ${name}` },
    },
    series: [
      {
        type: 'bar',
        barMaxWidth: 18,
        data: scored.map((u) => ({ value: points(u.finalCenti), itemStyle: { color: gradeColors[u.grade] ?? noGradeColor, borderRadius: [0, 3, 3, 0] } })),
        label: { show: true, position: 'right', color: '#303133', formatter: (p: { value: unknown }) => Number(p.value).toFixed(2) },
        markLine: {
          silent: true,
          symbol: 'none',
          lineStyle: { type: 'dashed', color: axisGrey },
          label: { position: 'start', color: axisGrey, formatter: (p: { name?: string }) => p.name ?? '' },
          data: thresholds.filter((t) => t.minCenti / 100 > floor).map((t) => ({ name: l.line(t.grade), xAxis: t.minCenti / 100 })),
        },
      },
    ],
  }
}

export interface LostLabels {
  lost: string
  mean: string
  max: string
}

/** lostOption draws the indicators where units lose most points, most at the top. */
export function lostOption(indicators: IndicatorResult[], top: number, l: LostLabels): ChartOption {
  const rows = indicators
    .filter((i) => i.n > 0 && i.meanLostCenti > 0)
    .sort((a, b) => b.meanLostCenti - a.meanLostCenti)
    .slice(0, top)
  return {
    textStyle,
    grid: { left: 8, right: 56, top: 8, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (ps: unknown) => {
        const p = (ps as { dataIndex: number }[])[0]
        const i = p && rows[p.dataIndex]
        return i
          ? `${i.code} ${i.name}<br/>${i.dimension}<br/>${l.lost} <b>${formatCenti(i.meanLostCenti)}</b>　${l.mean} ${formatCenti(i.meanCenti)}　${l.max} ${formatCenti(i.max)}`
          : ''
      },
    },
    xAxis: { type: 'value', axisLabel: { color: axisGrey }, splitLine: { lineStyle: { color: lineGrey } } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((i) => `${i.code} ${i.name}`),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: lineGrey } },
      axisLabel: { color: '#303133', width: 200, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        barMaxWidth: 16,
        data: rows.map((i) => ({ value: points(i.meanLostCenti), itemStyle: { color: i.kind === 'deduct' ? '#c62828' : '#e57373', borderRadius: [0, 3, 3, 0] } })),
        label: { show: true, position: 'right', color: '#303133', formatter: (p: { value: unknown }) => Number(p.value).toFixed(2) },
      },
    ],
  }
}

/** RadarDimension is a level-1 dimension that a radar can show: one with a positive maximum. */
export interface RadarDimension {
  name: string
  maxCenti: number
  unitCenti: number
  meanCenti: number
}

/**
 * radarDimensions pairs a unit's dimension means with the round's mean of them over the scored
 * units. Deduction dimensions (maximum 0) cannot sit on a radar's axis; they come back apart.
 */
export function radarDimensions(unit: UnitResult, all: UnitResult[]): { axes: RadarDimension[]; deductions: { name: string; meanCenti: number }[] } {
  const scored = all.filter((u) => u.scored)
  const axes: RadarDimension[] = []
  const deductions: { name: string; meanCenti: number }[] = []
  for (const d of unit.dimensions ?? []) {
    if (d.maxCenti <= 0) {
      deductions.push({ name: d.name, meanCenti: -d.meanCenti })
      continue
    }
    const vals = scored.map((u) => u.dimensions?.find((x) => x.name === d.name)?.meanCenti ?? 0)
    const mean = vals.length ? Math.round(vals.reduce((a, b) => a + b, 0) / vals.length) : 0
    axes.push({ name: d.name, maxCenti: d.maxCenti, unitCenti: d.meanCenti, meanCenti: mean })
  }
  return { axes, deductions }
}

export interface RadarLabels {
  unit: string
  mean: string
  max: string
}

/** radarOption draws a unit's dimensions against their maxima and the round's mean. */
export function radarOption(axes: RadarDimension[], l: RadarLabels): ChartOption {
  return {
    textStyle,
    color: ['#b71c1c', '#909399'],
    legend: { bottom: 0, data: [l.unit, l.mean], textStyle: { color: '#606266' } },
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const { seriesName, value } = p as { seriesName: string; value: number[] }
        return [`<b>${seriesName}</b>`, ...axes.map((a, i) => `${a.name}　${(value[i] ?? 0).toFixed(2)} / ${formatCenti(a.maxCenti)}`)].join('<br/>')
      },
    },
    radar: {
      center: ['50%', '48%'],
      radius: '62%',
      indicator: axes.map((a) => ({ name: `${a.name}\n${l.max} ${formatCenti(a.maxCenti)}`, max: a.maxCenti / 100, min: 0 })),
      axisName: { color: '#303133', fontSize: 12, lineHeight: 16 },
      splitArea: { areaStyle: { color: ['#fafafa', '#ffffff'] } },
      splitLine: { lineStyle: { color: lineGrey } },
      axisLine: { lineStyle: { color: lineGrey } },
    },
    series: [
      {
        type: 'radar',
        symbolSize: 5,
        data: [
          { name: l.unit, value: axes.map((a) => points(a.unitCenti)), areaStyle: { color: 'rgba(183, 28, 28, 0.18)' }, lineStyle: { width: 2 } },
          { name: l.mean, value: axes.map((a) => points(a.meanCenti)), lineStyle: { type: 'dashed', width: 1.5 }, symbol: 'none' },
        ],
      },
    ],
  }
}

export interface TrendLabels {
  score: string
  rank: string
  rankOf: (rank: number, n: number) => string
  /** rankShort labels a point of the rank line: 第3名. */
  rankShort: (rank: number) => string
}

/** rankAxis spans ranks 1…n (1 at the top) in at most `steps` steps of a whole number, ending on a tick. */
export function rankAxis(n: number, steps = 5): { min: number; max: number; interval: number } {
  const interval = Math.max(1, Math.ceil((n - 1) / steps))
  return { min: 1, max: 1 + interval * Math.max(1, Math.ceil((n - 1) / interval)), interval }
}

/** trendOption draws a unit's final score by round above its rank (1 at the top), on one time line. */
export function trendOption(pts: TrendPoint[], l: TrendLabels): ChartOption {
  const lowest = Math.min(...pts.map((p) => p.finalCenti))
  const ranks = rankAxis(Math.max(2, ...pts.map((p) => p.units)), 3)
  const codes = pts.map((p) => p.code)
  const xAxis = (index: number) => ({
    type: 'category' as const,
    gridIndex: index,
    data: codes,
    boundaryGap: true,
    axisTick: { show: false },
    axisLabel: { show: index === 1, color: '#606266' },
    axisLine: { lineStyle: { color: lineGrey } },
  })
  return {
    textStyle,
    color: ['#b71c1c', '#409eff'],
    legend: { bottom: 0, data: [l.score, l.rank], textStyle: { color: '#606266' } },
    grid: [
      { left: 56, right: 24, top: 28, height: 120 },
      { left: 56, right: 24, top: 192, height: 72 },
    ],
    axisPointer: { link: [{ xAxisIndex: 'all' }] },
    tooltip: {
      trigger: 'axis',
      formatter: (ps: unknown) => {
        const p = (ps as { dataIndex: number }[])[0]
        const t = p && pts[p.dataIndex]
        return t ? `${t.title || t.code}<br/>${l.score} <b>${formatCenti(t.finalCenti)}</b>　${t.grade}<br/>${l.rankOf(t.rank, t.units)}` : ''
      },
    },
    xAxis: [xAxis(0), xAxis(1)],
    yAxis: [
      { type: 'value', gridIndex: 0, name: l.score, min: scaleFloor(lowest), max: 100, splitNumber: 3, nameTextStyle: { color: axisGrey, align: 'right' }, axisLabel: { color: axisGrey }, splitLine: { lineStyle: { color: lineGrey } } },
      { type: 'value', gridIndex: 1, inverse: true, ...ranks, axisLabel: { color: axisGrey }, splitLine: { lineStyle: { color: lineGrey, type: 'dashed' } } },
    ],
    series: [
      {
        name: l.score,
        type: 'line',
        xAxisIndex: 0,
        yAxisIndex: 0,
        symbolSize: 8,
        data: pts.map((p) => points(p.finalCenti)),
        label: { show: true, position: 'top', color: '#b71c1c', formatter: (p: { value: unknown }) => Number(p.value).toFixed(2) },
      },
      {
        name: l.rank,
        type: 'line',
        xAxisIndex: 1,
        yAxisIndex: 1,
        symbolSize: 7,
        data: pts.map((p) => p.rank),
        label: { show: true, position: 'right', color: '#409eff', formatter: (p: { value: unknown }) => l.rankShort(Number(p.value)) },
      },
    ],
  }
}
