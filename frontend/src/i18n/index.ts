import { computed, ref, shallowRef } from 'vue'
import { createI18n } from 'vue-i18n'
import type { Language } from 'element-plus/es/locale'

export const LOCALES = ['zh-CN', 'en'] as const
export type Locale = (typeof LOCALES)[number]
export const LOCALE_STORAGE_KEY = 'ss_locale'

export function isLocale(v: unknown): v is Locale {
  return typeof v === 'string' && (LOCALES as readonly string[]).includes(v)
}

function storedLocale(): Locale | undefined {
  try {
    const v = localStorage.getItem(LOCALE_STORAGE_KEY)
    return isLocale(v) ? v : undefined
  } catch {
    return undefined
  }
}

// One language's messages (ours and Element Plus's) are a chunk of their own, fetched when that
// language is first shown: parsing both at start-up cost a phone half a second.
const sources: Record<Locale, () => Promise<[Record<string, unknown>, Language]>> = {
  'zh-CN': () => Promise.all([import('@/locales/zh-CN'), import('element-plus/es/locale/lang/zh-cn')]).then(([m, e]) => [m.default, e.default]),
  en: () => Promise.all([import('@/locales/en'), import('element-plus/es/locale/lang/en')]).then(([m, e]) => [m.default, e.default]),
}

const initial = storedLocale() ?? 'zh-CN'

export const i18n = createI18n({
  legacy: false,
  globalInjection: true,
  locale: initial,
  fallbackLocale: 'zh-CN',
  messages: {},
})

const current = ref<Locale>(initial)
const elementLocales: Partial<Record<Locale, Language>> = {}
const elementLocaleRef = shallowRef<Language>()
const loading = new Map<Locale, Promise<void>>()

export const currentLocale = computed(() => current.value)
export const elementLocale = computed(() => elementLocaleRef.value)

/** Fetches a language's messages once; later calls get the same promise. */
export function loadLocale(l: Locale): Promise<void> {
  let p = loading.get(l)
  if (!p) {
    p = sources[l]().then(([messages, element]) => {
      i18n.global.setLocaleMessage(l, messages)
      elementLocales[l] = element
    })
    // A failed fetch (an old build's chunk after an upgrade) may be retried by the next switch.
    p.catch(() => loading.delete(l))
    loading.set(l, p)
  }
  return p
}

// The language last asked for: a slow fetch of another one must not switch back to it.
let wanted: Locale = initial
let pending: Promise<void> = loadLocale(initial).then(() => show(initial))

function show(l: Locale) {
  if (wanted !== l) return
  current.value = l
  i18n.global.locale.value = l
  elementLocaleRef.value = elementLocales[l]
  document.documentElement.lang = l
}

function switchTo(l: Locale): Promise<void> {
  wanted = l
  // Already fetched: switched at once, as callers (and tests) that do not wait expect.
  if (elementLocales[l]) {
    show(l)
    pending = Promise.resolve()
  } else pending = loadLocale(l).then(() => show(l))
  return pending
}

/** Resolves once the language last asked for is shown (the first page waits for it). */
export function localeReady(): Promise<void> {
  return pending
}

/** Switches the UI (and Element Plus) language and remembers the choice. */
export function setLocale(l: Locale): Promise<void> {
  try {
    localStorage.setItem(LOCALE_STORAGE_KEY, l)
  } catch {
    /* private mode: not remembered */
  }
  return switchTo(l)
}

/** Adopt the tenant's default language only when the user never chose one. */
export function adoptDefaultLocale(l: string | undefined) {
  if (!storedLocale() && isLocale(l) && l !== wanted) switchTo(l).catch(() => {})
}

export const t = i18n.global.t
