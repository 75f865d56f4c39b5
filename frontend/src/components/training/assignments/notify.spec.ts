import { describe, expect, it } from 'vitest'
import zh from '@/locales/notifications/zh-CN'
import en from '@/locales/notifications/en'
import { NOTIFICATION_KINDS, notificationMessage } from './helpers'

const fill = (tpl: string, params: Record<string, string>) => tpl.replace(/\{(\w+)\}/g, (_, k: string) => params[k] ?? `{${k}}`)
const texts: Record<string, Record<string, string>> = { 'zh-CN': zh, en }

// Data as the server sends it for each kind (app/…: the notify.Push calls).
const samples: Record<string, Record<string, unknown>> = {
  'training.assigned': { title: { 'zh-CN': '挂失', en: 'Lost card' }, by: '王磊', due_at: '2026-12-20T10:00:00Z' },
  'training.due_soon': { title: { 'zh-CN': '挂失', en: 'Lost card' }, due_at: '2026-12-20T10:00:00Z' },
  'training.reminded': { title: { 'zh-CN': '挂失', en: 'Lost card' }, by: '王磊', due_at: '2026-12-20T10:00:00Z' },
  'training.commented': { title: { 'zh-CN': '挂失', en: 'Lost card' }, by: '王磊', turn: 't2' },
  'cases.review_due': { title: '老人取款', review_by: '2026-12-20T00:00:00Z' },
  'cases.approved': { title: '老人取款', by: '周敏' },
  'cases.returned': { title: '老人取款', by: '周敏', comment: '补充结果' },
  'feedback.appeal_upheld': { record_id: 3, reason: 'ok', by: '陈静' },
  'feedback.appeal_rejected': { record_id: 3, reason: 'no', by: '陈静' },
  'careers.promoted': { level: '高级理财经理', level_en: 'Senior wealth manager', by: '周敏' },
  'careers.moved': { level: '理财经理', level_en: 'Wealth manager', by: '周敏' },
  'suggestions.decided': { decision: 'adopt', title: '叫号屏', by: '王磊' },
  'suggestions.bonus_paid': { title: '叫号屏', by: '周敏' },
  'award.granted': { name_zh: '服务之星', name_en: 'Service Star', period_key: '2026-Q4' },
  'award.nomination.rejected': { name_zh: '服务之星', name_en: 'Service Star', period_key: '2026-Q4', comment: '' },
}

describe('bell texts', () => {
  it('has a sample for every kind with a text, and a text for every sample', () => {
    expect(Object.keys(samples).map((k) => k.replaceAll('.', '_')).sort()).toEqual(
      NOTIFICATION_KINDS.filter((k) => !/_(programme|adopt|reject|return)$/.test(k)).sort(),
    )
  })

  for (const [kind, data] of Object.entries(samples)) {
    for (const locale of ['zh-CN', 'en']) {
      it(`${kind} reads in ${locale} with every placeholder filled`, () => {
        const m = notificationMessage({ kind, data, created_at: '2026-12-05T00:00:00Z' }, locale, (iso) => iso.slice(0, 10))
        expect(m.key).not.toBe('notifications.generic')
        const tpl = texts[locale][m.key.replace('notifications.', '')]
        expect(tpl).toBeTruthy()
        const out = fill(tpl, m.params)
        expect(out).not.toMatch(/\{\w+\}/)
        expect(out).not.toContain('—')
      })
    }
  }

  it('names the decision on a suggestion and the programme of an assignment', () => {
    const f = (iso: string) => iso
    expect(notificationMessage({ kind: 'suggestions.decided', data: { decision: 'reject', title: 't', by: 'b' }, created_at: '' }, 'zh-CN', f).key).toBe('notifications.suggestions_decided_reject')
    expect(notificationMessage({ kind: 'training.assigned', data: { title: 't', by: 'b', programme: 'p' }, created_at: '' }, 'en', f).key).toBe('notifications.training_assigned_programme')
    expect(notificationMessage({ kind: 'no.such', data: null, created_at: '' }, 'en', f).key).toBe('notifications.generic')
  })
})
