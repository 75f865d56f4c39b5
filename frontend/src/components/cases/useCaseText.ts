import { ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { caseOptions } from './api'
import { localText, optionName } from './format'
import type { CaseOptions, CaseSummary } from './types'

// One fetch of the option lists per page load: they change only when HR edits them.
const options = ref<CaseOptions>({ business_lines: [], customer_types: [], tags: [] })
let asked: Promise<void> | null = null
export function loadOptions(force = false): Promise<void> {
  if (!asked || force) {
    asked = caseOptions()
      .then((o) => {
        options.value = o
      })
      .catch(() => {
        asked = null // asked again on the next page; the codes show meanwhile
      })
  }
  return asked
}

/** Names of statuses, business lines and customer types, and a case's text, in the UI language. */
export function useCaseText() {
  const { t, te, locale } = useI18n()
  void loadOptions()
  const statusName = (s: string) => (te(`cases.statuses.${s}`) ? t(`cases.statuses.${s}`) : s)
  const lineName = (code: string) => optionName(options.value.business_lines, code, locale.value)
  const customerName = (code: string) => optionName(options.value.customer_types, code, locale.value)
  const textOf = (c: Pick<CaseSummary, 'title' | 'title_en' | 'summary' | 'summary_en'>) => localText(c, locale.value)
  const piiKind = (k: string) => (te(`cases.editor.piiKinds.${k}`) ? t(`cases.editor.piiKinds.${k}`) : k)
  const fieldName = (f: string) => (te(`cases.fields.${f}`) ? t(`cases.fields.${f}`) : f)
  return { options, statusName, lineName, customerName, textOf, piiKind, fieldName, locale }
}
