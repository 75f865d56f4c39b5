import { describe, expect, it } from 'vitest'
import { isActive, jobPercent, jobStateType } from '@/utils/jobs'
import zhCN from '@/locales/zh-CN'
import en from '@/locales/en'

describe('background jobs', () => {
  it('counts progress in whole percent, never past 100, and 0 while the size is unknown', () => {
    expect(jobPercent({ done: 1, total: 3 })).toBe(33)
    expect(jobPercent({ done: 3, total: 3 })).toBe(100)
    expect(jobPercent({ done: 5, total: 3 })).toBe(100)
    expect(jobPercent({ done: 7, total: 0 })).toBe(0)
  })

  it('refreshes only jobs that can still move', () => {
    expect(['queued', 'running', 'retrying'].every(isActive)).toBe(true)
    expect(['completed', 'failed'].some(isActive)).toBe(false)
  })

  it('colours a failure as danger and a success as success', () => {
    expect(jobStateType('failed')).toBe('danger')
    expect(jobStateType('completed')).toBe('success')
  })

  it('names every state in both languages', () => {
    for (const s of ['queued', 'running', 'retrying', 'completed', 'failed']) {
      expect(zhCN.jobs.states[s as keyof typeof zhCN.jobs.states]).toBeTruthy()
      expect(en.jobs.states[s as keyof typeof en.jobs.states]).toBeTruthy()
    }
  })
})
