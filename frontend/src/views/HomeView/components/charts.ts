// The home page's charts, registered piece by piece from echarts/core.
import { use, type ComposeOption } from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'
import { BarChart, PieChart, type BarSeriesOption, type PieSeriesOption } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent, type GridComponentOption, type LegendComponentOption, type TooltipComponentOption } from 'echarts/components'
import { formatCenti } from '../../../api/score'

use([CanvasRenderer, BarChart, PieChart, GridComponent, LegendComponent, TooltipComponent])

export type ChartOption = ComposeOption<BarSeriesOption | PieSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>

const textStyle = { fontFamily: "'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', 'WenQuanYi Zen Hei', sans-serif" }
export const gradeColors: Record<string, string> = { 优秀: '#c62828', 良好: '#ef6c00', 一般: '#1565c0', 较差: '#757575' }

/** rankingBars draws the latest ranking, best at the top, coloured by grade. */
export function rankingBars(units: { shortName: string; finalCenti: number; grade: string; rank: number }[]): ChartOption {
  const rows = [...units].reverse()
  return {
    textStyle,
    grid: { left: 8, right: 56, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => formatCenti(Math.round(Number(v) * 100)) },
    xAxis: { type: 'value', min: (v: { min: number }) => Math.max(0, Math.floor(v.min / 5) * 5 - 5), splitLine: { lineStyle: { color: '#eef0f3' } } },
    yAxis: { type: 'category', data: rows.map((u) => `${u.rank}. ${u.shortName}`), axisTick: { show: false } },
    series: [
      {
        type: 'bar',
        barMaxWidth: 16,
        data: rows.map((u) => ({ value: u.finalCenti / 100, itemStyle: { color: gradeColors[u.grade] ?? '#909399' } })),
        label: { show: true, position: 'right', formatter: (p) => formatCenti(Math.round(Number(p.value) * 100)) },
      },
    ],
  }
}

const statusColors: Record<string, string> = { 待整改: '#e53935', 整改中: '#fb8c00', 已整改: '#43a047', 已销号: '#90a4ae' }

/** findingsPie shows the rectification ledger by status. */
export function findingsPie(byStatus: Record<string, number>): ChartOption {
  const data = Object.entries(byStatus).map(([name, value]) => ({ name, value, itemStyle: { color: statusColors[name] } }))
  return {
    textStyle,
    tooltip: { trigger: 'item', formatter: '{b}：{c} 条（{d}%）' },
    legend: { orient: 'vertical', right: 8, top: 'middle' },
    series: [{ type: 'pie', radius: ['42%', '74%'], center: ['36%', '50%'], label: { position: 'inside', formatter: (p) => (Number(p.value) > 0 ? String(p.value) : ''), color: '#fff', fontWeight: 'bold' }, data }],
  }
}

/** mattersPie shows practical matters by whom they served and whether they are done. */
export function mattersPie(publicN: number, companies: number): ChartOption {
  return {
    textStyle,
    tooltip: { trigger: 'item', formatter: '{b}：{c} 件（{d}%）' },
    legend: { bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: ['40%', '68%'],
        center: ['50%', '44%'],
        label: { position: 'inside', formatter: '{c}', color: '#fff', fontWeight: 'bold' },
        data: [
          { name: '为群众', value: publicN, itemStyle: { color: '#b71c1c' } },
          { name: '为企业', value: companies, itemStyle: { color: '#f9a825' } },
        ],
      },
    ],
  }
}
