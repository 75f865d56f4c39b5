// What the bell says for each kind of notification the server sends (app/notify.Kinds; a Go test
// checks every kind has a line here). The key is the kind with '.' written as '_'; a key with a
// further suffix is a variant of its kind (with a programme, per decision).
const zhCN = {
  training_assigned: '{by} 给您布置了培训《{title}》，请于 {due} 前完成',
  training_assigned_programme: '{by} 给您布置了培训《{title}》（{programme}），请于 {due} 前完成',
  training_due_soon: '培训《{title}》即将到期（{due}），请尽快完成',
  training_reminded: '{by} 提醒您完成培训《{title}》（{due} 截止）',
  training_commented: '{by} 点评了您的练习《{title}》',
  cases_review_due: '案例《{title}》已到复核日期（{due}），请核实内容是否仍然准确',
  cases_approved: '{by} 审核通过了您的案例《{title}》，已发布到案例库',
  cases_returned: '{by} 退回了您的案例《{title}》，请按意见修改后重新提交',
  feedback_appeal_upheld: '{by} 支持了您的申诉，该条客户评价不再计入考核',
  feedback_appeal_rejected: '{by} 驳回了您的申诉',
  careers_promoted: '{by} 将您晋升为「{level}」',
  careers_moved: '{by} 将您的职级调整为「{level}」',
  suggestions_decided: '{by} 处理了您的建议《{title}》',
  suggestions_decided_adopt: '{by} 采纳了您的建议《{title}》',
  suggestions_decided_reject: '{by} 未采纳您的建议《{title}》',
  suggestions_decided_return: '{by} 退回了您的建议《{title}》，请补充后重新提交',
  suggestions_bonus_paid: '您的建议《{title}》的奖励已发放',
  award_granted: '恭喜！您获得了「{award}」（{period}）',
  award_nomination_rejected: '「{award}」（{period}）的提名未获通过',
  generic: '您有一条新通知',
}
export default zhCN
