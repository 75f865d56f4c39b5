import { useI18n } from 'vue-i18n'

/** Award names and descriptions in the reader's language (the other one when a text is missing). */
export function useAwardText() {
  const { locale } = useI18n()
  const pick = (zh?: string | null, en?: string | null) => (locale.value === 'en' ? en || zh || '' : zh || en || '')
  const awardName = (a: { name_zh: string; name_en: string }) => pick(a.name_zh, a.name_en)
  return { pick, awardName }
}
