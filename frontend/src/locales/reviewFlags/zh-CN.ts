// The review list's filters (issue 13).
export default {
  violations: '有违规',
  nearMisses: '险些违规',
  humanLook: '待人工复核',
  uncommented: '尚未点评',
}
