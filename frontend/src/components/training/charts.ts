// What the training charts share (ECharts options of the analytics, the assignment progress
// and the result radar; unit-tested in charts.spec.ts): how a chart is drawn, its colours and
// its wrapped category labels.
import { computed } from 'vue'
import { useI18n } from 'vue-i18n'

/** Element Plus's theme colours, used for bars, levels and kinds. */
export const CHART_COLORS = {
  primary: '#409eff',
  success: '#67c23a',
  warning: '#e6a23c',
  danger: '#f56c6c',
  info: '#909399',
} as const

/** Dark text of axis labels. */
export const LABEL_COLOR = '#303133'

/**
 * A traffic-light colour for a value: green from `greenFrom`, amber from `amberFrom`, red
 * below (and for anything that is not a number).
 */
export function levelColor(v: number, amberFrom: number, greenFrom: number): string {
  if (v >= greenFrom) return CHART_COLORS.success
  if (v >= amberFrom) return CHART_COLORS.warning
  return CHART_COLORS.danger
}

/**
 * ECharts init options: drawn as SVG (so screen readers and browser tests can read it, with
 * aria), the chart's own texts (its aria description) in the UI language.
 */
export function chartInitOptions(locale: string) {
  return { renderer: 'svg' as const, locale: locale === 'en' ? 'EN' : 'ZH' }
}

/** chartInitOptions for the current UI language, following it when it changes. */
export function useChartInitOptions() {
  const { locale } = useI18n()
  return computed(() => chartInitOptions(locale.value))
}

/** Labels of a category axis that wrap (rather than cut) past `width` px. */
export function wrappedCategoryLabel(width: number) {
  return { width, overflow: 'break' as const, fontSize: 12, lineHeight: 16, color: LABEL_COLOR }
}
