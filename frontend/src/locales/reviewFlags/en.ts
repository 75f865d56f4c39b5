import type zh from './zh-CN'

// Typed against zh-CN so a missing key fails the typecheck.
const en: typeof zh = {
  violations: 'With violations',
  nearMisses: 'Near misses',
  humanLook: 'Marked for a human look',
  uncommented: 'Not yet commented',
}
export default en
