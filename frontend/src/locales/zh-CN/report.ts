export default {
  export: '导出汇总表',
  exporting: '正在生成汇总表…',
  hint: '导出 {code} 的汇总表（排名、各联系片、图表、指标分析、评分完成情况），A4 横向，可直接打印盖章上报',
  exported: '汇总表已保存到 {path}',
  failed: '汇总表导出失败：{message}',
}
