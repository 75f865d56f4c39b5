// Red lines, shuffled choices and "failed is not completed" (issue 13).
export default {
  violationsCount: '违规 {n} 次',
  violationNote: '本次练习有 {n} 次违规（适当性违规或触碰红线），无论得分多少均判定为未通过。',
  violationInTurn: '此轮有违规',
  violations: '违规与红线',
  redLine: '红线：{reason}',
  result: {
    not_started: '未开始',
    failed: '未通过',
    passed: '已通过',
  },
  failedBest: '最好成绩 {score}，未通过',
  failedCount: '未通过 {n} 人',
  warnings: '提示（不影响发布）',
}
