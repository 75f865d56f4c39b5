export default {
  title: '场景分析',
}
