export default {
  skipToContent: '跳到主要内容',
  completionOf: '{name} 完成率',
  mainMenu: '主菜单',
  staleTitle: '系统已更新',
  staleBody: '服务之星刚刚升级，这个页面需要的文件已换成新版本。刷新后即可继续（未保存的输入会丢失）。',
  reload: '立即刷新',
  later: '稍后',
  // Names of header buttons: they contain the text the button shows (the count, the language).
  bell: '通知：{n} 条未读',
  language: '语言：{name}',
  pageSize: '每页条数',
}
