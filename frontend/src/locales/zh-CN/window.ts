// The window itself: the operator's name asked at start, zoom, search, undo, tables.
export default {
  operator: {
    title: '请填写您的姓名',
    text: '导入、撤销和每一处修改都会在审计日志中记下操作人。请填写您的姓名（可加单位），以后可在“设置”中修改。',
    placeholder: '例如：区直机关工委 王建国',
    later: '以后再说',
    never: '不再询问',
    saved: '已记下操作人：{name}',
  },
  zoom: { changed: '界面缩放 {n}%', hint: 'Ctrl + 加号放大，Ctrl + 减号缩小，Ctrl + 0 还原' },
  unknownBuild: '未记录（开发版本）',
  table: { export: '导出', exportHint: '按当前显示的列、排序和筛选导出为 Excel', exported: '已导出 {n} 行：{path}' },
  search: {
    title: '搜索',
    placeholder: '单位、人员、观摩轮次或问题，例如：教体局',
    hint: 'Ctrl+K 打开搜索，↑↓ 选择，Enter 打开',
    none: '没有找到“{q}”',
    more: '共找到 {n} 项，只列出前几项，请输入更多字缩小范围',
    kinds: { unit: '单位', person: '人员', round: '观摩轮次', finding: '问题' },
  },
  dirty: {
    title: '放弃未保存的修改？',
    text: '表单中有尚未保存的修改，关闭后这些修改将丢失。',
    discard: '放弃修改',
    keep: '继续编辑',
  },
}
