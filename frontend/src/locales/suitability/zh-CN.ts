// The sandbox's suitability wording: customers C1–C5, products R1–R5 (DOMAIN.md).
export default {
  customerClass: '客户风险等级',
  assessedOn: '测评日期 {date}',
  classes: {
    C1: '保守型',
    C2: '谨慎型',
    C3: '稳健型',
    C4: '积极型',
    C5: '激进型',
  },
  warningMismatch: '客户 {customer}，产品 {product}',
  warningAssessment: '客户风险测评缺失或已过期',
  refusedNote: '银行理财产品高于客户风险等级，一律不得销售，客户坚持也不行。',
  insistNote: '基金高于客户等级：只有客户本人坚持购买时，经特别风险提示书、客户签字确认和双录方可办理，且不得推荐。',
  insist: '客户坚持购买（走特别流程）',
  insistPath: '客户坚持购买流程',
  steps: {
    risk_warning: '特别风险提示书',
    signed_confirmation: '客户签字确认',
    recording: '双录',
  },
  stepDone: '已完成',
  stepTodo: '未完成',
  nearMisses: '险些违规（在风险提示处返回）',
  nearMissLine: '{turn}：推荐 {product}（客户 {customer}，产品 {risk}）后返回',
  fits: '适合客户等级',
  aboveClass: '高于客户等级',
}
