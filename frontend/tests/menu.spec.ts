import { describe, expect, it } from 'vitest'
import { MENU, allowed, buildMenu } from '@/utils/menu'

const keys = (perms: string[]) => buildMenu(perms).map((m) => m.key)

describe('buildMenu', () => {
  it('shows only Home and who viewed my data without permissions', () => {
    expect(keys([])).toEqual(['home', 'myReads'])
  })

  it('gives an employee training but no admin pages', () => {
    expect(keys(['training.take'])).toEqual(['home', 'training', 'inbox', 'myReads'])
  })

  it('gives a tenant admin branches, users and audit', () => {
    const k = keys(['branches.read', 'branches.write', 'users.read', 'users.write', 'audit.read'])
    expect(k).toEqual(['home', 'myReads', 'branches', 'users', 'audit', 'readlog'])
  })

  it('opens Training for training.manage alone', () => {
    expect(keys(['training.manage'])).toContain('training')
  })

  it('ignores unknown permissions', () => {
    expect(keys(['nothing.known', 'something.else', 'users.write'])).toEqual(['home', 'myReads'])
  })

  it('keeps the declared order whatever the permission order', () => {
    expect(keys(['audit.read', 'users.read', 'branches.read'])).toEqual(['home', 'myReads', 'branches', 'users', 'audit', 'readlog'])
  })

  it('gives an employee the KPI dashboard and their own feedback', () => {
    expect(keys(['kpi.self', 'feedback.appeal'])).toEqual(['home', 'kpi', 'feedbackMine', 'myReads'])
  })

  it('gives a manager the dashboard and the appeals to decide, and HR the KPI and feedback admin pages', () => {
    expect(keys(['kpi.review', 'feedback.read', 'feedback.decide'])).toEqual(['home', 'kpi', 'feedbackAppeals', 'myReads'])
    expect(keys(['kpi.review', 'kpi.manage', 'feedback.import', 'feedback.decide'])).toEqual(['home', 'kpi', 'feedbackAppeals', 'feedbackImports', 'kpiSchemes', 'kpiPeriods', 'myReads'])
  })

  it('returns fresh arrays and never mutates MENU', () => {
    const before = MENU.map((m) => m.key)
    buildMenu(['users.read']).pop()
    expect(MENU.map((m) => m.key)).toEqual(before)
  })
})

describe('allowed', () => {
  it('passes routes without requirements', () => {
    expect(allowed([], undefined)).toBe(true)
    expect(allowed([], [])).toBe(true)
  })
  it('needs any one of the listed permissions', () => {
    expect(allowed(['a'], ['a', 'b'])).toBe(true)
    expect(allowed(new Set(['b']), ['a', 'b'])).toBe(true)
    expect(allowed(['c'], ['a', 'b'])).toBe(false)
  })
})
