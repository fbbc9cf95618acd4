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
  dirty: {
    title: '放弃未保存的修改？',
    text: '表单中有尚未保存的修改，关闭后这些修改将丢失。',
    discard: '放弃修改',
    keep: '继续编辑',
  },
}
