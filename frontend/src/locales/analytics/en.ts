import type zh from './zh-CN'

// Typed against zh-CN so a missing key fails the typecheck.
const en: typeof zh = {
  title: 'Scenario analytics',
}

export default en
