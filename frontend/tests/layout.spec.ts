import { describe, expect, it, beforeEach, vi } from 'vitest'
import { mount, flushPromises } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createRouter, createMemoryHistory } from 'vue-router'
import ElementPlus from 'element-plus'
import { defineComponent, h } from 'vue'
// The header's bell polls the server; these tests are about the menu and header.
vi.mock('@/components/training/assignments/api', () => ({
  listNotifications: vi.fn(async () => ({ items: [], unread: 0 })),
  markRead: vi.fn(async () => undefined),
  markAllRead: vi.fn(async () => undefined),
}))
import AppLayout from '@/layouts/AppLayout.vue'
import { i18n, setLocale } from '@/i18n'
import { useAuthStore } from '@/stores/auth'
import type { Me } from '@/api/types'

function me(permissions: string[]): Me {
  return {
    user: { id: 1, username: 'u', display_name: '张三', employee_code: 'E1', email: '', branch_id: 1, locale: '', must_change_password: false, status: 'active' },
    tenant: { id: 1, slug: 'demo', name: '星海银行', time_zone: 'Asia/Shanghai', default_locale: 'zh-CN' },
    branch: { id: 1, name: '总行', path: '/1/' },
    roles: [],
    permissions,
  }
}

async function render(permissions: string[]) {
  const pinia = createPinia()
  setActivePinia(pinia)
  useAuthStore().set(me(permissions))
  const Blank = defineComponent({ render: () => h('div') })
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: Blank }] })
  await router.push('/')
  const w = mount(AppLayout, { global: { plugins: [pinia, router, i18n, ElementPlus] }, slots: { default: '<p>page</p>' } })
  await flushPromises()
  return w
}

const menuKeys = (w: Awaited<ReturnType<typeof render>>) =>
  w.findAll('[data-testid="side-menu"] [data-testid^="menu-"]').map((e) => e.attributes('data-testid')!.slice(5))

describe('AppLayout', () => {
  beforeEach(() => {
    setLocale('zh-CN')
    // A desktop width: the menu shows its labels (a tablet collapses it to icons).
    Object.defineProperty(window, 'innerWidth', { value: 1366, configurable: true })
  })

  it('renders the menu an employee may use', async () => {
    const w = await render(['training.take'])
    expect(menuKeys(w)).toEqual(['home', 'training', 'inbox', 'myReads'])
    expect(w.text()).toContain('星海银行')
    expect(w.text()).toContain('张三')
  })

  it('renders the admin pages for an admin', async () => {
    const w = await render(['branches.read', 'branches.write', 'users.read', 'users.write', 'audit.read'])
    expect(menuKeys(w)).toEqual(['home', 'myReads', 'branches', 'users', 'audit', 'readlog'])
  })

  it('relabels the menu when the language changes', async () => {
    const w = await render(['users.read'])
    expect(w.find('[data-testid="menu-users"]').text()).toBe('用户管理')
    setLocale('en')
    await flushPromises()
    expect(w.find('[data-testid="menu-users"]').text()).toBe('Users')
    expect(localStorage.getItem('ss_locale')).toBe('en')
  })
})
