import { useI18n } from 'vue-i18n'
import type { Text } from '@/components/training/api'
import { pickText } from './helpers'

/**
 * Locale-aware labels for the sandbox: bilingual texts from the API in the current
 * language, and the scenario format's enumerations (unknown values are shown as they are).
 */
export function useTrainingText() {
  const { t, te, locale } = useI18n()
  const text = (v: Text | null | undefined) => pickText(v, locale.value)
  const known = (group: string, v: string) => (v && te(`training.${group}.${v}`) ? t(`training.${group}.${v}`) : v)
  return {
    text,
    category: (v: string) => known('categories', v),
    businessLine: (v: string) => known('businessLines', v),
    kind: (v: string) => known('kinds', v),
    dimension: (v: string) => known('dimensions', v),
    endingKind: (v: string) => known('endings', v),
    // customers are C1–C5; states and files from before classes say R1–R5
    tolerance: (v: string) => (/^C[1-5]$/.test(v) ? t(`suitability.classes.${v}`) : known('tolerance', v)),
    productRisk: (v: string) => known('productRisk', v),
  }
}
