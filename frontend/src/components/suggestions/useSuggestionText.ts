import { useI18n } from 'vue-i18n'

/** State names and their tag colours (the name is always shown; the colour only repeats it). */
export function useSuggestionText() {
  const { t } = useI18n()
  const stateName = (s: string) => t(`suggestions.states.${s}`, s)
  const stateType = (s: string) => (s === 'adopted' || s === 'paid' ? 'success' : s === 'rejected' ? 'danger' : s === 'returned' ? 'warning' : 'info')
  return { stateName, stateType }
}
