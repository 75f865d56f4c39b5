/** The states a background job passes through (job_runs.state). */
export type JobState = 'queued' | 'running' | 'retrying' | 'completed' | 'failed'

/** Whether a job may still move (its row is worth refreshing). */
export function isActive(state: string): boolean {
  return state === 'queued' || state === 'running' || state === 'retrying'
}

/** The tag colour of a state: done is success, failed danger, waiting info. */
export function jobStateType(state: string): 'success' | 'danger' | 'warning' | 'info' | 'primary' {
  switch (state) {
    case 'completed':
      return 'success'
    case 'failed':
      return 'danger'
    case 'retrying':
      return 'warning'
    case 'running':
      return 'primary'
    default:
      return 'info'
  }
}

/** How far a job has got, in whole percent (0 while its size is unknown, never over 100). */
export function jobPercent(j: { done: number; total: number }): number {
  if (!(j.total > 0)) return 0
  return Math.min(100, Math.max(0, Math.floor((100 * j.done) / j.total)))
}
