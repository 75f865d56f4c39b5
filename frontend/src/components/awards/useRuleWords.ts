import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import type { RuleMetric } from './types'
import type { Fact, RuleWords } from './rules'

/** The rule sentence's words in the current language, metric names from the server's list. */
export function useRuleWords(metrics: () => readonly RuleMetric[]) {
  const { t, te, locale } = useI18n()
  const name = (m: RuleMetric) => (locale.value === 'en' ? m.name_en || m.name_zh : m.name_zh || m.name_en)
  const byCode = computed(() => new Map(metrics().map((m) => [m.code, m])))
  const metricName = (code: string) => {
    const m = byCode.value.get(code)
    return m ? name(m) : code || t('awards.rule.noMetric')
  }
  const words = computed<RuleWords>(() => ({
    metric: metricName,
    sample: (code) => {
      const base = code.split(':')[0]
      return te(`awards.rule.sampleOf.${base}`) ? t(`awards.rule.sampleOf.${base}`) : t('awards.rule.sample')
    },
    fact: (f: Fact) => {
      const m = byCode.value.get(f)
      return m ? name(m) : t(`awards.rule.facts.${f}`)
    },
    and: t('awards.rule.joinAnd'),
    or: t('awards.rule.joinOr'),
    open: t('awards.rule.open'),
    close: t('awards.rule.close'),
    empty: t('awards.rule.empty'),
  }))
  return { words, metricName, name }
}
