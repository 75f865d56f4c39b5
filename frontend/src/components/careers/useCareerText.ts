import { useI18n } from 'vue-i18n'
import type { HistoryEntry, Named, Progress, Requirement } from './types'

/** Career names and requirement sentences in the reader's language. */
export function useCareerText() {
  const { t, te, locale } = useI18n()
  const name = (n: Named | null | undefined) => (n ? (locale.value === 'en' ? n.name_en || n.name_zh : n.name_zh || n.name_en) : '–')
  const kindName = (k: string) => (te(`careers.reqKinds.${k}`) ? t(`careers.reqKinds.${k}`) : k)

  /** A requirement as a sentence built from its parameters ("近 2 个季度综合得分均不低于 80.0"). */
  function requirementText(r: Pick<Requirement, 'kind' | 'params' | 'label_zh' | 'label_en'>): string {
    const own = locale.value === 'en' ? r.label_en || r.label_zh : r.label_zh || r.label_en
    if (own) return own
    const p = r.params ?? {}
    return t(`careers.reqText.${r.kind}`, {
      count: p.count ?? 0,
      periods: p.periods ?? 0,
      kind: p.period_kind ? t(`kpi.kinds.${p.period_kind}`) : '',
      min: ((p.min_milli ?? 0) / 1000).toFixed(1),
      category: p.category ?? '',
      type: p.type_code || t('careers.anyAward'),
    })
  }
  const progressLabel = (p: Progress) => (locale.value === 'en' ? p.label_en || p.label_zh : p.label_zh || p.label_en) || kindName(p.kind)
  /** History keeps the names as they were (in Chinese), so they read as stored. */
  const historyText = (h: HistoryEntry) => t(`careers.history.${h.action}`, { track: h.to_track, from: h.from_level ?? '–', to: h.to_level }, h.action)
  return { name, kindName, requirementText, progressLabel, historyText }
}
