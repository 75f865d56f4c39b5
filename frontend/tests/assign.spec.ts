import { describe, expect, it } from 'vitest'
import zhCN from '@/locales/zh-CN'
import en from '@/locales/en'
import { i18n } from '@/i18n'
import {
  NOTIFICATION_KEYS,
  chartHeight,
  clampPct,
  completionColor,
  defaultDue,
  defaultInboxTab,
  dueSoonest,
  formErrors,
  formatPct,
  groupByProgramme,
  groupInbox,
  nextOpen,
  notificationMessage,
  notificationTab,
  programmeNames,
  progressChartOption,
  relativeTime,
  resumable,
  statusTagType,
  suggestProgramme,
  type AssignmentLike,
} from '@/components/training/assignments/helpers'

const fmt = (iso: string) => `D(${iso.slice(0, 10)})`

describe('notification text', () => {
  const assigned = {
    kind: 'training.assigned',
    created_at: '2026-11-28T08:00:00Z',
    data: { scenario_key: 'ecny-introduction', title: { 'zh-CN': '介绍数字人民币', en: 'Introducing e-CNY' }, programme: '2026-12 月度训练', due_at: '2026-12-05T10:00:00Z', by: '王磊' },
  }

  it('renders an assignment with its programme in the reader’s language', () => {
    const zh = notificationMessage(assigned, 'zh-CN', fmt)
    expect(zh).toEqual({
      key: NOTIFICATION_KEYS.assignedProgramme,
      params: { title: '介绍数字人民币', by: '王磊', due: 'D(2026-12-05)', programme: '2026-12 月度训练' },
    })
    expect(notificationMessage(assigned, 'en', fmt).params.title).toBe('Introducing e-CNY')
    expect(i18n.global.t(zh.key, zh.params, { locale: 'zh-CN' })).toBe('王磊 给您布置了培训《介绍数字人民币》（2026-12 月度训练），请于 D(2026-12-05) 前完成')
    const e = notificationMessage(assigned, 'en', fmt)
    expect(i18n.global.t(e.key, e.params, { locale: 'en' })).toBe('王磊 assigned you “Introducing e-CNY” (2026-12 月度训练), due D(2026-12-05)')
  })

  it('leaves the programme out when there is none and falls back to zh-CN or the key for the title', () => {
    const m = notificationMessage({ ...assigned, data: { ...assigned.data, programme: '  ', title: { 'zh-CN': '只有中文' } } }, 'en', fmt)
    expect(m.key).toBe(NOTIFICATION_KEYS.assigned)
    expect(m.params.title).toBe('只有中文')
    expect(notificationMessage({ ...assigned, data: { ...assigned.data, title: null } }, 'en', fmt).params.title).toBe('ecny-introduction')
  })

  it('renders the due-soon reminder', () => {
    const m = notificationMessage(
      { kind: 'training.due_soon', created_at: '', data: { scenario_key: 'x', title: { en: 'Lost card' }, due_at: '2026-11-29T10:00:00Z' } },
      'en',
      fmt,
    )
    expect(m).toEqual({ key: NOTIFICATION_KEYS.dueSoon, params: { title: 'Lost card', due: 'D(2026-11-29)' } })
  })

  it('renders a coaching comment with who wrote it', () => {
    const m = notificationMessage({ kind: 'training.commented', created_at: '', data: { scenario_key: 'x', title: { en: 'Lost card' }, by: '王磊' } }, 'en', fmt)
    expect(m).toEqual({ key: NOTIFICATION_KEYS.commented, params: { title: 'Lost card', by: '王磊' } })
  })

  it('gives unknown kinds and broken data the generic line', () => {
    for (const n of [
      { kind: 'no.such.kind', data: { title: 'x' }, created_at: '' },
      { kind: 'training.assigned', data: null, created_at: '' },
      { kind: 'training.due_soon', data: 'oops', created_at: '' },
      { kind: 'training.assigned', data: [1, 2], created_at: '' },
    ]) {
      expect(notificationMessage(n, 'zh-CN', fmt)).toEqual({ key: NOTIFICATION_KEYS.generic, params: {} })
    }
  })

  it('has every notification message in both languages with the same placeholders', () => {
    const get = (tree: unknown, key: string) => key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], tree)
    for (const key of Object.values(NOTIFICATION_KEYS)) {
      const zh = get(zhCN, key)
      const e = get(en, key)
      expect(typeof zh, key).toBe('string')
      expect(typeof e, key).toBe('string')
      const ph = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((x) => x[1]).sort()
      expect(ph(e as string)).toEqual(ph(zh as string))
    }
  })

  it('leads assignment notifications to the to-do tab', () => {
    expect(notificationTab('training.assigned')).toBe('todo')
    expect(notificationTab('training.due_soon')).toBe('todo')
    expect(notificationTab('other')).toBeUndefined()
  })
})

describe('status colours and numbers', () => {
  it('maps statuses to tag types', () => {
    expect(statusTagType('overdue')).toBe('danger')
    expect(statusTagType('todo')).toBe('warning')
    expect(statusTagType('done')).toBe('success')
    expect(statusTagType('weird')).toBe('info')
  })
  it('colours completion by thresholds', () => {
    expect(completionColor(0)).toBe('#f56c6c')
    expect(completionColor(29.9)).toBe('#f56c6c')
    expect(completionColor(30)).toBe('#e6a23c')
    expect(completionColor(70)).toBe('#67c23a')
    expect(completionColor(null)).toBe('#f56c6c')
  })
  it('clamps and formats percentages', () => {
    expect(clampPct(66.66)).toBe(67)
    expect(clampPct(-3)).toBe(0)
    expect(clampPct(140)).toBe(100)
    expect(clampPct(null)).toBe(0)
    expect(clampPct(NaN)).toBe(0)
    expect(formatPct(66.666)).toBe('66.7%')
    expect(formatPct(null)).toBe('–')
  })
})

describe('assignments to follow', () => {
  const a = (id: number, due: string, cancelled: string | null = null) => ({
    id, programme: '', due_at: due, created_at: '2026-11-01T00:00:00Z', cancelled_at: cancelled, members: 1, done: 0, passed: 0,
  })
  const now = Date.parse('2026-12-02T00:00:00Z')

  it('lists the running ones soonest due first, leaving out cancelled and past-due ones', () => {
    const items = [a(1, '2026-12-20T00:00:00Z'), a(2, '2026-12-01T00:00:00Z'), a(3, '2026-12-05T00:00:00Z'), a(4, '2026-12-03T00:00:00Z', '2026-11-30T00:00:00Z'), a(5, '2026-12-04T00:00:00Z')]
    expect(dueSoonest(items, now, 2).map((x) => x.id)).toEqual([5, 3])
    expect(dueSoonest(items, now, 10).map((x) => x.id)).toEqual([5, 3, 1])
    expect(dueSoonest(items, now, 0)).toEqual([])
  })
})

describe('inbox', () => {
  const it_ = (status: string, due: string, completed: string | null = null, id = 0) => ({ id, status, due_at: due, completed_at: completed })

  it('groups into overdue, to do and done, each in its order', () => {
    const g = groupInbox([
      it_('todo', '2026-12-10T00:00:00Z', null, 1),
      it_('done', '2026-12-01T00:00:00Z', '2026-11-20T00:00:00Z', 2),
      it_('overdue', '2026-11-20T00:00:00Z', null, 3),
      it_('todo', '2026-12-01T00:00:00Z', null, 4),
      it_('done', '2026-12-01T00:00:00Z', '2026-11-25T00:00:00Z', 5),
      it_('overdue', '2026-11-10T00:00:00Z', null, 6),
      it_('cancelled', '2026-11-10T00:00:00Z', null, 7),
    ])
    expect(g.overdue.map((x) => x.id)).toEqual([6, 3])
    expect(g.todo.map((x) => x.id)).toEqual([4, 1])
    expect(g.done.map((x) => x.id)).toEqual([5, 2])
  })

  it('lists the next open ones: overdue first, then to do, soonest due first, never done ones', () => {
    const items = [
      it_('todo', '2026-12-10T00:00:00Z', null, 1),
      it_('done', '2026-12-01T00:00:00Z', '2026-11-20T00:00:00Z', 2),
      it_('overdue', '2026-11-20T00:00:00Z', null, 3),
      it_('todo', '2026-12-01T00:00:00Z', null, 4),
      it_('overdue', '2026-11-10T00:00:00Z', null, 6),
    ]
    expect(nextOpen(items, 3).map((x) => x.id)).toEqual([6, 3, 4])
    expect(nextOpen(items, 10).map((x) => x.id)).toEqual([6, 3, 4, 1])
    expect(nextOpen(items, 0)).toEqual([])
    expect(nextOpen([it_('done', '2026-12-01T00:00:00Z', '2026-11-20T00:00:00Z', 2)], 3)).toEqual([])
  })

  it('opens the asked tab, else overdue when there is any, else to do', () => {
    expect(defaultInboxTab({ overdue: 2, todo: 1 })).toBe('overdue')
    expect(defaultInboxTab({ overdue: 0, todo: 1 })).toBe('todo')
    expect(defaultInboxTab({})).toBe('todo')
    expect(defaultInboxTab({ overdue: 2 }, 'done')).toBe('done')
    expect(defaultInboxTab({ overdue: 2 }, 'nonsense')).toBe('overdue')
    expect(defaultInboxTab({ overdue: 2 }, ['done'])).toBe('overdue')
  })

  it('resumes only an unfinished attempt begun since the assignment', () => {
    const attempts = [
      { id: 1, scenario_id: 's', status: 'in_progress', started_at: '2026-11-01T00:00:00Z' },
      { id: 2, scenario_id: 's', status: 'finished', started_at: '2026-11-28T00:00:00Z' },
      { id: 3, scenario_id: 'other', status: 'in_progress', started_at: '2026-11-28T00:00:00Z' },
    ]
    expect(resumable(attempts, 's', '2026-11-20T00:00:00Z')).toBeUndefined()
    const more = [...attempts, { id: 4, scenario_id: 's', status: 'in_progress', started_at: '2026-11-21T00:00:00Z' }, { id: 5, scenario_id: 's', status: 'in_progress', started_at: '2026-11-22T00:00:00Z' }]
    expect(resumable(more, 's', '2026-11-20T00:00:00Z')).toBe(5)
  })
})

describe('assignment list', () => {
  let seq = 0
  const a = (programme: string, created: string, due: string, over: Partial<AssignmentLike> = {}): AssignmentLike => ({
    id: ++seq,
    programme,
    created_at: created,
    due_at: due,
    cancelled_at: null,
    members: 10,
    done: 5,
    passed: 4,
    overdue: 1,
    avg_score: 80,
    ...over,
  })

  it('groups by programme, newest first, the unnamed group last, with totals of active ones', () => {
    const items = [
      a('', '2026-11-27T00:00:00Z', '2026-12-01T00:00:00Z'),
      a('月度合规训练', '2026-11-01T00:00:00Z', '2026-12-10T00:00:00Z'),
      a('北方分行服务提升', '2026-11-20T00:00:00Z', '2026-12-03T00:00:00Z', { id: 100 }),
      a('北方分行服务提升', '2026-11-20T00:00:00Z', '2026-11-30T00:00:00Z', { id: 101, members: 4, done: 4, overdue: 0 }),
      a('北方分行服务提升', '2026-11-21T00:00:00Z', '2026-11-30T00:00:00Z', { id: 99, cancelled_at: '2026-11-22T00:00:00Z' }),
      a(' 月度合规训练 ', '2026-11-02T00:00:00Z', '2026-12-09T00:00:00Z'),
    ]
    const g = groupByProgramme(items)
    expect(g.map((x) => x.programme)).toEqual(['北方分行服务提升', '月度合规训练', ''])
    const north = g[0]
    expect(north.items.map((x) => x.id)).toEqual([99, 101, 100])
    expect([north.members, north.done, north.overdue]).toEqual([14, 9, 1])
    expect(north.completionPct).toBe(64.3)
    expect(g[1].items).toHaveLength(2)
    expect(programmeNames(items)).toEqual(['北方分行服务提升', '月度合规训练'])
  })

  it('reports 0 % for a group nobody is in yet', () => {
    expect(groupByProgramme([a('p', '2026-11-01T00:00:00Z', '2026-12-01T00:00:00Z', { members: 0, done: 0 })])[0].completionPct).toBe(0)
  })

  it('suggests a programme for the due month and a due date a week ahead at 18:00', () => {
    const now = new Date(2026, 10, 28, 9, 30)
    const due = defaultDue(now)
    expect([due.getFullYear(), due.getMonth(), due.getDate(), due.getHours(), due.getMinutes()]).toEqual([2026, 11, 5, 18, 0])
    expect(suggestProgramme(due, 'zh-CN')).toBe('2026-12 月度训练')
    expect(suggestProgramme(due, 'en')).toBe('2026-12 monthly training')
  })
})

describe('form errors', () => {
  it('folds indexed locations onto their list and names the offending value', () => {
    const e = formErrors(
      [
        { location: 'body.due_at', message: 'must be in the future' },
        { location: 'body.scenario_keys[1]', message: 'no such scenario in the catalogue', value: 'nope' },
        { location: 'body.scenario_keys[3]', message: 'no such scenario in the catalogue', value: 'gone' },
        { location: 'body.user_ids[0]', message: 'no active person', value: 7 },
        { location: 'body', message: 'nobody matches this audience' },
        { message: 'no location' },
      ],
      (field, v) => (field === 'user_ids' ? `#${v}` : String(v).toUpperCase()),
    )
    expect(e).toEqual({
      due_at: 'must be in the future',
      scenario_keys: 'NOPE: no such scenario in the catalogue; GONE: no such scenario in the catalogue',
      user_ids: '#7: no active person',
      _: 'nobody matches this audience; no location',
    })
    expect(formErrors(null)).toEqual({})
  })
})

describe('time', () => {
  const now = Date.parse('2026-11-28T12:00:00Z')
  it('reads relative times in both languages', () => {
    expect(relativeTime('2026-12-01T12:00:00Z', now, 'en')).toBe('in 3 days')
    expect(relativeTime('2026-11-28T10:00:00Z', now, 'en')).toBe('2 hours ago')
    expect(relativeTime('2026-11-28T12:20:00Z', now, 'en')).toBe('in 20 minutes')
    expect(relativeTime('2026-11-28T12:00:10Z', now, 'en')).toBe('now')
    expect(relativeTime('2026-12-01T12:00:00Z', now, 'zh-CN')).toBe('3天后')
    expect(relativeTime('not a date', now, 'en')).toBe('')
  })
})

describe('progress chart', () => {
  const branches = [
    { branch_name: '北方分行', completion_pct: 50, pass_rate: 100 },
    { branch_name: '北方分行朝阳支行', completion_pct: 33.3, pass_rate: null },
  ]
  it('draws two bar series per branch, first branch on top, with aria', () => {
    const o = progressChartOption(branches, { completion: '完成率', passRate: '通过率' })
    expect(o.aria.enabled).toBe(true)
    expect(o.yAxis.data).toEqual(['北方分行朝阳支行', '北方分行'])
    expect(o.series.map((s) => s.name)).toEqual(['完成率', '通过率'])
    expect(o.series[0].data).toEqual([33, 50])
    expect(o.series[1].data).toEqual([null, 100])
    expect(o.xAxis.max).toBe(100)
  })
  it('grows with the number of branches', () => {
    expect(chartHeight(1)).toBe(200)
    expect(chartHeight(10)).toBe(620)
  })
})
