export default {
  title: '审计链',
  intro:
    '本行的审计日志是一条哈希链：每条记录都保存上一条记录的哈希，由后台任务在写入几秒后按顺序封存。请把链头哈希抄录到系统之外（报告、工单等）；校验会逐条重算哈希，指出第一条被修改、被删除或被调换顺序的记录。',
  head: '链头',
  seq: '序号',
  hash: '链头哈希',
  recordAt: '记录时间',
  recordId: '记录 ID',
  none: '还没有已封存的记录',
  counts: '已封存 {sealed} 条 · 待封存 {unsealed} 条（几秒内封存）',
  verify: '校验审计链',
  refresh: '刷新',
  intact: '审计链完好：已校验 {checked} 条记录',
  intactEmpty: '还没有可校验的记录',
  broken: '审计链在记录 #{id}（序号 {seq}）处断裂',
  reasons: {
    altered: '该记录封存后被修改过：它的内容与哈希不符。',
    missing: '该记录之前的记录（从序号 {expected} 起）已被删除。',
    reordered: '该记录与前一条记录的链接不符：记录被移动或调换了顺序。',
  },
  checkedUpTo: '最后一条完好的记录：序号 {seq}，哈希 {hash}',
  loadFailed: '无法读取审计链',
}
