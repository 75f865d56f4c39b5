import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { api } from '@/api/client'
import { ApiError, unwrap } from '@/api/errors'
import type { Me } from '@/api/types'
import { adoptDefaultLocale } from '@/i18n'
import { buildMenu } from '@/utils/menu'

export const TENANT_STORAGE_KEY = 'ss_tenant'

export const useAuthStore = defineStore('auth', () => {
  const me = ref<Me | null>(null)
  /** True once /me has been asked at least once (logged in or not). */
  const loaded = ref(false)

  const permissions = computed(() => new Set(me.value?.permissions ?? []))
  const menu = computed(() => buildMenu(permissions.value))
  const mustChangePassword = computed(() => !!me.value?.user.must_change_password)
  const timeZone = computed(() => me.value?.tenant.time_zone || undefined)

  function can(p: string) {
    return permissions.value.has(p)
  }

  function set(m: Me | null) {
    me.value = m
    loaded.value = true
    if (m) adoptDefaultLocale(m.user.locale || m.tenant.default_locale)
  }

  async function fetchMe(): Promise<Me | null> {
    try {
      set(unwrap(await api.GET('/api/v1/me')))
    } catch (e) {
      if (e instanceof ApiError && (e.status === 401 || e.status === 403)) set(null)
      else {
        loaded.value = true
        throw e
      }
    }
    return me.value
  }

  async function login(tenant: string, username: string, password: string) {
    const m = unwrap(await api.POST('/api/v1/auth/login', { body: { tenant, username, password } }))
    try {
      localStorage.setItem(TENANT_STORAGE_KEY, tenant)
    } catch {
      /* not remembered */
    }
    set(m)
    return m
  }

  async function logout() {
    try {
      await api.POST('/api/v1/auth/logout')
    } finally {
      clear()
    }
  }

  function clear() {
    me.value = null
    loaded.value = true
  }

  return { me, loaded, permissions, menu, mustChangePassword, timeZone, can, fetchMe, login, logout, clear, set }
})

export function rememberedTenant(): string {
  try {
    return localStorage.getItem(TENANT_STORAGE_KEY) ?? ''
  } catch {
    return ''
  }
}
