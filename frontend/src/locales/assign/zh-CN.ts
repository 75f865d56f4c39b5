export default {
  progressTitle: '完成情况',
}
