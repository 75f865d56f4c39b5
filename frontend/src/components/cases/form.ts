import type { CaseDetail, CaseInput } from './types'

export const TEXT_FIELDS = ['title', 'title_en', 'summary', 'summary_en', 'situation', 'actions', 'outcome', 'lesson'] as const
export const REQUIRED: readonly (keyof CaseInput)[] = ['title', 'summary', 'situation', 'actions', 'outcome', 'lesson', 'customer_type', 'business_line']
export const MAX_TAGS = 10
export const MAX_TAG_LEN = 20

export function blankCase(): CaseInput {
  return { title: '', title_en: '', summary: '', summary_en: '', situation: '', actions: '', outcome: '', lesson: '', customer_type: '', business_line: '', tags: [], scenario_keys: [] }
}

/** The editable part of a case as the server holds it. */
export function inputOf(c: CaseDetail): CaseInput {
  return {
    title: c.title ?? '',
    title_en: c.title_en ?? '',
    summary: c.summary ?? '',
    summary_en: c.summary_en ?? '',
    situation: c.situation ?? '',
    actions: c.actions ?? '',
    outcome: c.outcome ?? '',
    lesson: c.lesson ?? '',
    customer_type: c.customer_type ?? '',
    business_line: c.business_line ?? '',
    tags: [...(c.tags ?? [])],
    scenario_keys: [...(c.scenario_keys ?? [])],
  }
}

/** Tags as they will be sent: trimmed, no blanks, no repeats, in the order typed. */
export function cleanTags(tags: readonly string[]): string[] {
  const out: string[] = []
  for (const raw of tags) {
    const t = raw.trim().replace(/^#/, '')
    if (t && !out.includes(t)) out.push(t)
  }
  return out
}

export type FormProblem = { field: keyof CaseInput; key: 'required' | 'tooManyTags' | 'tagTooLong' }

/** What the form can tell before sending (the server checks again and says more). */
export function checkCase(c: CaseInput): FormProblem[] {
  const out: FormProblem[] = []
  for (const f of REQUIRED) if (String(c[f] ?? '').trim() === '') out.push({ field: f, key: 'required' })
  const tags = cleanTags(c.tags)
  if (tags.length > MAX_TAGS) out.push({ field: 'tags', key: 'tooManyTags' })
  else if (tags.some((t) => [...t].length > MAX_TAG_LEN)) out.push({ field: 'tags', key: 'tagTooLong' })
  return out
}

/** The author's unsaved text as one readable block, kept aside when a newer revision is loaded. */
export function asText(c: CaseInput, label: (field: string) => string): string {
  const parts: string[] = []
  for (const f of TEXT_FIELDS) if (c[f].trim()) parts.push(`【${label(f)}】\n${c[f]}`)
  if (c.tags.length) parts.push(`【${label('tags')}】\n${c.tags.join(', ')}`)
  return parts.join('\n\n')
}
