import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import { defineComponent, h } from 'vue'
import { i18n, setLocale } from '@/i18n'
import { useAuthStore } from '@/stores/auth'
import type { Me } from '@/api/types'
import type { InboxItem, Notification } from '@/components/training/assignments/api'
import * as assignApi from '@/components/training/assignments/api'
import * as trainingApi from '@/components/training/api'
import InboxView from '@/views/training/assignments/InboxView.vue'
import NotificationBell from '@/components/NotificationBell.vue'
import AssignDialog from '@/components/training/assign/AssignDialog.vue'
import * as workflowApi from '@/components/training/assign/api'
import { wallToIso } from '@/components/training/assign/zoned'
import { ApiError } from '@/api/errors'

vi.mock('@/components/training/assignments/api', async (orig) => {
  const real = await orig<typeof import('@/components/training/assignments/api')>()
  return { ...real, getInbox: vi.fn(), listNotifications: vi.fn(), markRead: vi.fn(), markAllRead: vi.fn(), createAssignments: vi.fn(), searchPeople: vi.fn() }
})
vi.mock('@/components/training/assign/api', async (orig) => {
  const real = await orig<typeof import('@/components/training/assign/api')>()
  return { ...real, previewAssignments: vi.fn() }
})
vi.mock('@/components/training/api', async (orig) => {
  const real = await orig<typeof import('@/components/training/api')>()
  return { ...real, startAttempt: vi.fn(), listAttempts: vi.fn(), listScenarios: vi.fn() }
})

const me: Me = {
  user: { id: 7, username: 'emp', display_name: '刘洋', employee_code: 'E7', email: '', branch_id: 2, locale: '', must_change_password: false, status: 'active' },
  tenant: { id: 1, slug: 'demo', name: '星海银行', time_zone: 'Asia/Shanghai', default_locale: 'zh-CN' },
  branch: { id: 2, name: '朝阳支行', path: '/1/2/' },
  roles: [],
  permissions: ['training.take'],
}

const HOUR = 3_600_000
const iso = (ms: number) => new Date(ms).toISOString()

function item(over: Partial<InboxItem>): InboxItem {
  return {
    assignment_id: 1,
    programme: '2026-12 月度训练',
    scenario_key: 'ecny-introduction',
    title: { 'zh-CN': '介绍数字人民币', en: 'Introducing e-CNY' },
    note: '',
    assigned_by: '王磊',
    assigned_at: iso(Date.now() - 24 * HOUR),
    due_at: iso(Date.now() + 72 * HOUR),
    status: 'todo',
    result: 'not_started',
    due_soon: false,
    completed_at: null,
    best_total: null,
    passed: false,
    attempt_id: null,
    attempts_used: 0,
    max_attempts: 0,
    retake_of: null,
    beginner_hint: false,
    available: true,
    ...over,
  }
}

const Blank = defineComponent({ render: () => h('div') })
function makeRouter() {
  return createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', component: Blank },
      { path: '/training/inbox', name: 'training-inbox', component: Blank },
      { path: '/training/attempts/:id', name: 'training-attempt', component: Blank },
      { path: '/training/attempts/:id/result', name: 'training-result', component: Blank },
    ],
  })
}

async function mountWith(component: object, path = '/', props: Record<string, unknown> = {}) {
  const pinia = createPinia()
  setActivePinia(pinia)
  useAuthStore().set(me)
  const router = makeRouter()
  await router.push(path)
  const w = mount(component, { props, global: { plugins: [pinia, router, i18n, ElementPlus] }, attachTo: document.body })
  await flushPromises()
  return { w, router }
}

describe('InboxView', () => {
  beforeEach(() => {
    setLocale('zh-CN')
    Object.defineProperty(window, 'innerWidth', { value: 1366, configurable: true })
  })
  afterEach(() => {
    vi.clearAllMocks()
    document.body.innerHTML = ''
  })

  it('opens on overdue when there is any, counts each tab, and shows each item’s facts', async () => {
    vi.mocked(assignApi.getInbox).mockResolvedValue({
      items: [
        item({ assignment_id: 1, status: 'overdue', due_at: iso(Date.now() - 5 * HOUR), note: '先了解顾虑' }),
        item({ assignment_id: 2, due_soon: true, due_at: iso(Date.now() + 20 * HOUR) }),
        item({ assignment_id: 3, status: 'done', result: 'passed', completed_at: iso(Date.now() - HOUR), best_total: 88.25, passed: true, attempt_id: 42 }),
        item({ assignment_id: 4, result: 'failed', best_total: 91, attempt_id: 41, due_at: iso(Date.now() + 30 * HOUR) }),
      ],
      counts: { overdue: 1, todo: 2, done: 1 },
    })
    const { w, router } = await mountWith(InboxView, '/training/inbox')
    expect(router.currentRoute.value.query.tab).toBe('overdue')
    expect(w.find('[data-testid="inbox-count-overdue"]').text()).toContain('1')
    const overdue = w.find('[data-testid="inbox-item-1"]')
    expect(overdue.attributes('data-status')).toBe('overdue')
    expect(overdue.text()).toContain('介绍数字人民币')
    expect(overdue.text()).toContain('2026-12 月度训练')
    expect(overdue.text()).toContain('王磊')
    expect(overdue.text()).toContain('先了解顾虑')
    expect(overdue.find('[data-testid="inbox-due"]').text()).toMatch(/已逾期（5小时前截止）/)

    await w.find('[data-testid="inbox-tab-todo"]').trigger('click')
    await flushPromises()
    const todo = w.find('[data-testid="inbox-item-2"]')
    expect(todo.find('[data-testid="inbox-due-soon"]').exists()).toBe(true)
    expect(todo.find('[data-testid="inbox-result"]').text()).toBe('未开始')
    expect(todo.find('[data-testid="inbox-best"]').exists()).toBe(false)
    // a failed attempt leaves the task to do, told apart from one not started
    const failed = w.find('[data-testid="inbox-item-4"]')
    expect(failed.attributes('data-result')).toBe('failed')
    expect(failed.find('[data-testid="inbox-result"]').text()).toBe('未通过')
    expect(failed.find('[data-testid="inbox-best"]').text()).toBe('91')
    expect(failed.find('[data-testid="inbox-start-4"]').text()).toBe('再练一次')
    expect(failed.find('[data-testid="inbox-result-4"]').exists()).toBe(true)

    await w.find('[data-testid="inbox-tab-done"]').trigger('click')
    await flushPromises()
    const done = w.find('[data-testid="inbox-item-3"]')
    expect(done.find('[data-testid="inbox-best"]').text()).toBe('88.3')
    expect(done.attributes('data-result')).toBe('passed')
    expect(done.find('[data-testid="inbox-result"]').text()).toBe('已通过')
    await done.find('[data-testid="inbox-result-3"]').trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.fullPath).toBe('/training/attempts/42/result')
  })

  it('starts a fresh attempt, or resumes one begun since the assignment', async () => {
    vi.mocked(assignApi.getInbox).mockResolvedValue({ items: [item({ assignment_id: 5 })], counts: { todo: 1 } })
    vi.mocked(trainingApi.listAttempts).mockResolvedValue([])
    vi.mocked(trainingApi.startAttempt).mockResolvedValue({ id: 77 } as trainingApi.Attempt)
    const { w, router } = await mountWith(InboxView, '/training/inbox')
    await w.find('[data-testid="inbox-start-5"]').trigger('click')
    await flushPromises()
    expect(trainingApi.startAttempt).toHaveBeenCalledWith('ecny-introduction')
    expect(router.currentRoute.value.fullPath).toBe('/training/attempts/77')

    vi.mocked(trainingApi.listAttempts).mockResolvedValue([
      { id: 9, scenario_id: 'ecny-introduction', title: {}, status: 'in_progress', total: null, passed: null, started_at: iso(Date.now() - HOUR), finished_at: null },
    ])
    await router.push('/training/inbox')
    await flushPromises()
    await w.find('[data-testid="inbox-start-5"]').trigger('click')
    await flushPromises()
    expect(trainingApi.startAttempt).toHaveBeenCalledTimes(1)
    expect(router.currentRoute.value.fullPath).toBe('/training/attempts/9')
  })

  it('shows the empty states and a disabled start for a withdrawn scenario', async () => {
    vi.mocked(assignApi.getInbox).mockResolvedValue({ items: [item({ assignment_id: 6, available: false })], counts: { todo: 1, overdue: 0, done: 0 } })
    const { w } = await mountWith(InboxView, '/training/inbox')
    expect(w.find('[data-testid="inbox-start-6"]').attributes('disabled')).toBeDefined()
    expect(w.text()).toContain('该场景已下线')
    await w.find('[data-testid="inbox-tab-done"]').trigger('click')
    await flushPromises()
    expect(w.find('[data-testid="inbox-empty-done"]').text()).toContain('还没有完成的培训任务')
  })
})

describe('NotificationBell', () => {
  const notes: Notification[] = [
    {
      id: 11,
      kind: 'training.assigned',
      subject_id: 1,
      created_at: iso(Date.now() - 2 * HOUR),
      read_at: null,
      data: { scenario_key: 'ecny-introduction', title: { 'zh-CN': '介绍数字人民币', en: 'Introducing e-CNY' }, programme: '', due_at: '2026-12-05T10:00:00Z', by: '王磊' },
    },
    { id: 12, kind: 'something.new', subject_id: 0, created_at: iso(Date.now() - 30 * HOUR), read_at: iso(Date.now()), data: {} },
  ]
  beforeEach(() => {
    setLocale('zh-CN')
    vi.useFakeTimers({ shouldAdvanceTime: true })
    vi.mocked(assignApi.listNotifications).mockResolvedValue({ items: structuredClone(notes), unread: 1 })
    vi.mocked(assignApi.markRead).mockResolvedValue()
    vi.mocked(assignApi.markAllRead).mockResolvedValue()
  })
  afterEach(() => {
    vi.useRealTimers()
    vi.clearAllMocks()
    document.body.innerHTML = ''
  })

  it('shows the unread count, polls every minute and on navigation, and stops when signed out', async () => {
    const { w, router } = await mountWith(NotificationBell)
    expect(w.find('[data-testid="notification-badge"]').attributes('data-count')).toBe('1')
    expect(assignApi.listNotifications).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(60_000)
    expect(assignApi.listNotifications).toHaveBeenCalledTimes(2)
    await router.push('/training/inbox')
    await flushPromises()
    expect(assignApi.listNotifications).toHaveBeenCalledTimes(3)

    useAuthStore().clear()
    await flushPromises()
    expect(w.find('[data-testid="notification-bell"]').exists()).toBe(false)
    await vi.advanceTimersByTimeAsync(180_000)
    expect(assignApi.listNotifications).toHaveBeenCalledTimes(3)
  })

  it('lists localized texts; a click marks read and opens the inbox; all can be marked read', async () => {
    const { w, router } = await mountWith(NotificationBell)
    // The panel is rendered when the popover opens (after its zero delay), not before.
    expect(document.querySelector('[data-testid="notification-panel"]')).toBeNull()
    const openBell = async () => {
      await w.find('[data-testid="notification-bell"]').trigger('click')
      await vi.advanceTimersByTimeAsync(10)
      await flushPromises()
    }
    await openBell()
    const panel = document.querySelector('[data-testid="notification-panel"]')!
    const first = panel.querySelector('[data-testid="notification-11"]') as HTMLElement
    expect(first.textContent).toContain('王磊 给您布置了培训《介绍数字人民币》')
    expect(first.textContent).toContain('2小时前')
    expect(panel.querySelector('[data-testid="notification-12"]')!.textContent).toContain('您有一条新通知')

    setLocale('en')
    await flushPromises()
    expect(first.textContent).toContain('王磊 assigned you “Introducing e-CNY”, due 2026-12-05 18:00')
    setLocale('zh-CN')

    // The server's answer once #11 is read.
    vi.mocked(assignApi.listNotifications).mockResolvedValue({ items: structuredClone(notes).map((n) => ({ ...n, read_at: n.read_at ?? iso(Date.now()) })), unread: 0 })
    // the item's button (a list holds plain items, the control sits inside)
    ;(first.querySelector('[role="button"]') as HTMLElement).click()
    await flushPromises()
    expect(assignApi.markRead).toHaveBeenCalledWith(11)
    expect(router.currentRoute.value.fullPath).toBe('/training/inbox?tab=todo')
    expect(w.find('[data-testid="notification-badge"]').attributes('data-count')).toBe('0')

    vi.mocked(assignApi.listNotifications).mockResolvedValue({ items: structuredClone(notes), unread: 1 })
    await router.push('/')
    await flushPromises()
    await openBell()
    ;(document.querySelector('[data-testid="notification-read-all"]') as HTMLElement).click()
    await flushPromises()
    expect(assignApi.markAllRead).toHaveBeenCalled()
    expect(w.find('[data-testid="notification-badge"]').attributes('data-count')).toBe('0')
  })
})

describe('AssignDialog', () => {
  beforeEach(() => {
    setLocale('zh-CN')
    Object.defineProperty(window, 'innerWidth', { value: 1366, configurable: true })
    vi.mocked(trainingApi.listScenarios).mockResolvedValue([
      { id: 'ecny-introduction', version: 1, title: { 'zh-CN': '介绍数字人民币' }, summary: {}, category: 'x', business_line: 'retail', difficulty: 2, estimated_minutes: 8, pass_mark: 70 },
    ])
    vi.mocked(workflowApi.previewAssignments).mockResolvedValue({ members: 3, duplicates: [] })
  })
  afterEach(() => {
    vi.clearAllMocks()
    document.body.innerHTML = ''
  })

  const tree = [{ id: 3, name: '北方分行', code: 'north', closed: false, parent_id: 1, path: '/1/3/', depth: 1, children: [] }]

  async function openDialog() {
    const { w } = await mountWith(AssignDialog, '/', { modelValue: false, tree, programmes: ['北方分行服务提升'], defaultBranch: 3 })
    await (w as unknown as { setProps(p: Record<string, unknown>): Promise<void> }).setProps({ modelValue: true })
    await flushPromises()
    // The form as the user left it: a scenario chosen (the select itself is Element Plus's).
    const vm = w.vm as unknown as { form: { scenario_keys: string[]; programme: string; branch_id: number | null; due_at: string } }
    vm.form.scenario_keys = ['ecny-introduction', 'gone']
    await flushPromises()
    return { w, vm }
  }

  it('suggests a programme and sends the form as the API wants it', async () => {
    vi.mocked(assignApi.createAssignments).mockResolvedValue([])
    const { vm } = await openDialog()
    expect(vm.form.programme).toMatch(/^\d{4}-\d{2} 月度训练$/)
    expect(vm.form.branch_id).toBe(3)
    ;(document.querySelector('[data-testid="assign-submit"]') as HTMLElement).click()
    await flushPromises()
    const body = vi.mocked(assignApi.createAssignments).mock.calls[0][0]
    expect(body).toMatchObject({ scenario_keys: ['ecny-introduction', 'gone'], branch_id: 3, audience: 'subtree', programme: vm.form.programme })
    expect(body.role).toBeUndefined()
    expect(body.user_ids).toBeUndefined()
    // The due date is a wall clock in the bank's zone, sent as the instant it means there.
    expect(vm.form.due_at).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/)
    expect(body.due_at).toBe(wallToIso(vm.form.due_at, 'Asia/Shanghai'))
    expect(new Date(body.due_at).getTime()).toBeGreaterThan(Date.now())
    // No limit and no beginner mode unless asked for.
    expect(body.max_attempts).toBeUndefined()
    expect(body.beginner_hint).toBeUndefined()
  })

  it('offers beginner mode with a label and a help text, and sends it when ticked', async () => {
    vi.mocked(assignApi.createAssignments).mockResolvedValue([])
    await openDialog()
    const box = document.querySelector('[data-testid="assign-beginner"]') as HTMLElement
    expect(box.textContent).toContain('新手模式：货架显示产品是否适合客户')
    const input = box.querySelector('input') as HTMLInputElement
    expect(input.checked).toBe(false)
    const help = document.getElementById(input.getAttribute('aria-describedby') ?? box.getAttribute('aria-describedby') ?? '')
    expect(help?.textContent).toContain('合规判断因此更容易')
    input.click()
    await flushPromises()
    expect(input.checked).toBe(true)
    ;(document.querySelector('[data-testid="assign-submit"]') as HTMLElement).click()
    await flushPromises()
    expect(vi.mocked(assignApi.createAssignments).mock.calls[0][0].beginner_hint).toBe(true)
  })

  it('shows a 422 at the fields it names', async () => {
    vi.mocked(assignApi.createAssignments).mockRejectedValue(
      new ApiError(422, {
        status: 422,
        detail: 'validation failed',
        errors: [
          { location: 'body.due_at', message: 'must be in the future' },
          { location: 'body.scenario_keys[1]', message: 'no such scenario in the catalogue', value: 'gone' },
        ],
      }),
    )
    await openDialog()
    ;(document.querySelector('[data-testid="assign-submit"]') as HTMLElement).click()
    await flushPromises()
    // Element Plus shows a form item's message after a short debounce.
    await new Promise((r) => setTimeout(r, 200))
    await flushPromises()
    const errors = [...document.querySelectorAll('[data-testid="assign-form"] .el-form-item.is-error')].map((e) => e.textContent ?? '')
    expect(errors).toHaveLength(2)
    expect(errors.find((e) => e.includes('场景'))).toContain('gone: no such scenario in the catalogue')
    expect(errors.find((e) => e.includes('截止时间'))).toContain('must be in the future')
    expect(document.querySelector('[data-testid="assign-error"]')!.textContent).toContain('未能布置')
  })
})
