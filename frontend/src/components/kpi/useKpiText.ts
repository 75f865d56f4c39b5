import { useI18n } from 'vue-i18n'
import type { MetricScore } from './types'

/** Names of metrics, period kinds and states in the UI language. */
export function useKpiText() {
  const { t, te } = useI18n()
  /** The API's label for a business metric; a fixed metric by its own name in this language. */
  function metricName(key: string, label?: string): string {
    if (te(`kpi.metrics.${key}`)) return t(`kpi.metrics.${key}`)
    if (label) return label
    return key.startsWith('business:') ? key.slice('business:'.length) : key
  }
  const metricOf = (m: Pick<MetricScore, 'metric' | 'label'>) => metricName(m.metric, m.label)
  const stateName = (s: string) => (te(`kpi.states.${s}`) ? t(`kpi.states.${s}`) : s)
  return { metricName, metricOf, stateName, notEnough: () => t('kpi.notEnough') }
}
