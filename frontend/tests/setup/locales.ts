// Both languages' messages are fetched on demand in the app; the specs switch between them and
// read the texts at once, so both are loaded before any spec runs (DOM environments only: the
// i18n module sets the page's language).
if (typeof document !== 'undefined') {
  const { loadLocale, localeReady } = await import('@/i18n')
  await Promise.all([loadLocale('zh-CN'), loadLocale('en'), localeReady()])
}
