import type zh from './zh-CN'

// Typed against zh-CN so a missing key fails the typecheck.
const en: typeof zh = {
  violationsCount: '{n} violation(s)',
  violationNote: 'This attempt has {n} violation(s) (a suitability breach or a red line crossed), so it fails whatever the score.',
  violationInTurn: 'Violation in this turn',
  violations: 'Violations and red lines',
  redLine: 'Red line: {reason}',
  result: {
    not_started: 'Not started',
    failed: 'Not passed',
    passed: 'Passed',
  },
  failedBest: 'Best {score}, not passed',
  failedCount: '{n} not passed',
  warnings: 'Warnings (publishing is still possible)',
}

export default en
