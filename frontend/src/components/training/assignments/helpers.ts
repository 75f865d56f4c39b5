// Pure helpers of the assignment pages, the inbox and the notification bell
// (unit-tested in tests/assign.spec.ts). Nothing here touches Vue, the router or the API.
import { pickText } from '@/components/training/helpers'
import notificationTexts from '@/locales/notifications/zh-CN'
import { CHART_COLORS, levelColor } from '@/components/training/charts'

export type AssignStatus = 'todo' | 'overdue' | 'done'
export const STATUSES: readonly AssignStatus[] = ['overdue', 'todo', 'done']

type TagType = 'success' | 'warning' | 'danger' | 'info' | 'primary'

/**
 * The Element Plus type (tag or badge colour) of an assignment status: red for overdue, amber
 * for to do, green for done; anything else grey. The inbox tabs, its cards and the progress
 * page all colour a status with it.
 */
export function statusTagType(status: string): TagType {
  switch (status) {
    case 'overdue':
      return 'danger'
    case 'todo':
      return 'warning'
    case 'done':
      return 'success'
    default:
      return 'info'
  }
}

/** Bar colour for a completion percentage: red below 30 %, amber below 70 %, green from 70 %. */
export function completionColor(pct: number | null | undefined): string {
  const v = Number.isFinite(pct as number) ? (pct as number) : 0
  return levelColor(v, 30, 70)
}

/** 0..100, whole numbers for el-progress (which rejects anything outside). */
export function clampPct(pct: number | null | undefined): number {
  if (pct === null || pct === undefined || !Number.isFinite(pct)) return 0
  return Math.min(100, Math.max(0, Math.round(pct)))
}

/** "66.7%" / "–" for a percentage that may be missing (pass rate with nobody done). */
export function formatPct(pct: number | null | undefined): string {
  if (pct === null || pct === undefined || !Number.isFinite(pct)) return '–'
  return `${Math.round(pct * 10) / 10}%`
}

// ---- Inbox ----------------------------------------------------------------------------

export interface InboxLike {
  status: string
  due_at: string
  completed_at: string | null
}

/**
 * The inbox in three groups: overdue (oldest due first), to do (soonest due first), done
 * (most recently completed first). Items of an unknown status are left out.
 */
export function groupInbox<T extends InboxLike>(items: readonly T[]): Record<AssignStatus, T[]> {
  const out: Record<AssignStatus, T[]> = { overdue: [], todo: [], done: [] }
  for (const it of items) if ((STATUSES as readonly string[]).includes(it.status)) out[it.status as AssignStatus].push(it)
  const ms = (v: string | null) => (v ? Date.parse(v) : 0)
  out.overdue.sort((a, b) => ms(a.due_at) - ms(b.due_at))
  out.todo.sort((a, b) => ms(a.due_at) - ms(b.due_at))
  out.done.sort((a, b) => ms(b.completed_at) - ms(a.completed_at))
  return out
}

/** The tab to open: the one asked for if valid, else overdue when there is any, else to do. */
export function defaultInboxTab(counts: Partial<Record<string, number>>, asked?: unknown): AssignStatus {
  if (typeof asked === 'string' && (STATUSES as readonly string[]).includes(asked)) return asked as AssignStatus
  return (counts.overdue ?? 0) > 0 ? 'overdue' : 'todo'
}

/** The next n open assignments: the overdue ones first, then those to do, each soonest due first. */
export function nextOpen<T extends InboxLike>(items: readonly T[], n: number): T[] {
  const g = groupInbox(items)
  return [...g.overdue, ...g.todo].slice(0, Math.max(0, n))
}

/** Fired on window when the inbox should reload (the bell was clicked while it is open). */
export const INBOX_REFRESH_EVENT = 'ss:inbox-refresh'

/**
 * The newest unfinished attempt of `scenario` begun at or after `assignedAt` (only those count
 * for the assignment), to resume instead of starting another; undefined when there is none.
 */
export function resumable(
  attempts: readonly { id: number; scenario_id: string; status: string; started_at: string }[],
  scenario: string,
  assignedAt: string,
): number | undefined {
  const from = Date.parse(assignedAt)
  let best: { id: number; at: number } | undefined
  for (const a of attempts) {
    const at = Date.parse(a.started_at)
    if (a.scenario_id !== scenario || a.status !== 'in_progress' || !(at >= from)) continue
    if (!best || at > best.at) best = { id: a.id, at }
  }
  return best?.id
}

// ---- Assignment list -----------------------------------------------------------------

export interface AssignmentLike {
  id: number
  programme: string
  due_at: string
  created_at: string
  cancelled_at: string | null
  members: number
  done: number
  passed: number
  overdue: number
  avg_score: number | null
}

export interface ProgrammeGroup<T> {
  programme: string
  items: T[]
  members: number
  done: number
  overdue: number
  completionPct: number
  /** Newest creation in the group, for ordering. */
  latest: number
}

/**
 * Assignments grouped by programme (blank programmes together under ""), newest programme
 * first; inside a group by due date, then id. Totals count active (not cancelled) ones only.
 */
/** The n running assignments (not cancelled, not yet due) that fall due soonest. */
export function dueSoonest<T extends Pick<AssignmentLike, 'due_at' | 'cancelled_at'>>(items: readonly T[], now: number, n: number): T[] {
  return items
    .filter((a) => !a.cancelled_at && Date.parse(a.due_at) >= now)
    .sort((a, b) => Date.parse(a.due_at) - Date.parse(b.due_at))
    .slice(0, Math.max(0, n))
}

export function groupByProgramme<T extends AssignmentLike>(items: readonly T[]): ProgrammeGroup<T>[] {
  const groups = new Map<string, ProgrammeGroup<T>>()
  for (const a of items) {
    const key = a.programme.trim()
    let g = groups.get(key)
    if (!g) {
      g = { programme: key, items: [], members: 0, done: 0, overdue: 0, completionPct: 0, latest: 0 }
      groups.set(key, g)
    }
    g.items.push(a)
    g.latest = Math.max(g.latest, Date.parse(a.created_at) || 0)
    if (!a.cancelled_at) {
      g.members += a.members
      g.done += a.done
      g.overdue += a.overdue
    }
  }
  const out = [...groups.values()]
  for (const g of out) {
    g.completionPct = g.members > 0 ? Math.round((1000 * g.done) / g.members) / 10 : 0
    g.items.sort((a, b) => Date.parse(a.due_at) - Date.parse(b.due_at) || a.id - b.id)
  }
  // Named programmes by newest first; the unnamed group last.
  return out.sort((a, b) => (a.programme === '' ? 1 : 0) - (b.programme === '' ? 1 : 0) || b.latest - a.latest)
}

/** Distinct programme names, newest first (for the filter and the dialog's suggestions). */
export function programmeNames(items: readonly AssignmentLike[]): string[] {
  return groupByProgramme(items)
    .map((g) => g.programme)
    .filter((p) => p !== '')
}

/**
 * A programme name for the month of `date`: "2026-12 月度训练" / "2026-12 monthly training".
 */
export function suggestProgramme(date: Date, locale: string): string {
  const ym = `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}`
  return locale === 'en' ? `${ym} monthly training` : `${ym} 月度训练`
}

/** The default due date: `days` days from now at 18:00 local time. */
export function defaultDue(now: Date, days = 7): Date {
  const d = new Date(now.getTime())
  d.setDate(d.getDate() + days)
  d.setHours(18, 0, 0, 0)
  return d
}

// ---- Form errors ----------------------------------------------------------------------

/**
 * Problem locations ("scenario_keys[1]", "user_ids[0]", "due_at", "body") folded onto the form's
 * fields: indexed ones on their list with the offending value named, the bare body as "_".
 */
export function formErrors(
  errors: readonly { location?: string; message?: string; value?: unknown }[] | null | undefined,
  label: (field: string, value: unknown) => string = (_f, v) => String(v),
): Record<string, string> {
  const out: Record<string, string[]> = {}
  for (const e of errors ?? []) {
    const loc = (e.location ?? '').replace(/^(body|query|path|header)\.?/, '')
    const m = /^([\w]+)(?:\[(\d+)\])?/.exec(loc)
    const field = m ? m[1] : '_'
    const msg = e.message ?? ''
    const text = m && m[2] !== undefined && e.value !== undefined && e.value !== null ? `${label(field, e.value)}: ${msg}` : msg
    const list = (out[field] ??= [])
    if (!list.includes(text)) list.push(text)
  }
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, v.join('; ')]))
}

// ---- Time -----------------------------------------------------------------------------

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
]

/**
 * "in 3 days" / "3天后", "2 hours ago" / "2小时前": the largest whole unit from minutes to days
 * (under a minute reads as "now").
 */
export function relativeTime(target: string | number | Date, now: number | Date, locale: string): string {
  const t = target instanceof Date ? target.getTime() : typeof target === 'number' ? target : Date.parse(target)
  const n = now instanceof Date ? now.getTime() : now
  if (!Number.isFinite(t)) return ''
  const diff = t - n
  const fmt = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })
  for (const [unit, ms] of UNITS) {
    if (Math.abs(diff) >= ms) return fmt.format(Math.trunc(diff / ms), unit)
  }
  return fmt.format(0, 'second')
}

// ---- Notifications --------------------------------------------------------------------

export interface NotificationLike {
  kind: string
  data: unknown
  created_at: string
}

/** What a notification says, as a message key and its parameters. */
export interface NotificationMessage {
  key: string
  params: Record<string, string>
}

/** The kinds of notification the bell has a text for: the keys of locales/notifications (kind with '.' as '_'). */
export const NOTIFICATION_KINDS = Object.keys(notificationTexts).filter((k) => k !== 'generic')

/** The message keys of the training kinds and the generic line. */
export const NOTIFICATION_KEYS = {
  assigned: 'notifications.training_assigned',
  assignedProgramme: 'notifications.training_assigned_programme',
  dueSoon: 'notifications.training_due_soon',
  reminded: 'notifications.training_reminded',
  commented: 'notifications.training_commented',
  generic: 'notifications.generic',
} as const

function record(v: unknown): Record<string, unknown> {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {}
}
const str = (v: unknown) => (typeof v === 'string' ? v : '')
/** A text the server sends as a plain string or as {zh-CN, en}. */
const textOf = (v: unknown, locale: string) => (typeof v === 'string' ? v : pickText(record(v) as Record<string, string>, locale))
const GENERIC: NotificationMessage = { key: NOTIFICATION_KEYS.generic, params: {} }

/**
 * The text of a notification in `locale`: its message key (under `notifications.`) and the
 * parameters its text uses. `formatDate` shows dates (e.g. in the tenant's time zone). Unknown
 * kinds, and data without the title the text names, get the generic line rather than an error.
 */
export function notificationMessage(n: NotificationLike, locale: string, formatDate: (iso: string) => string): NotificationMessage {
  const d = record(n.data)
  const en = locale.startsWith('en')
  const date = (v: unknown) => (str(v) ? formatDate(str(v)) : '')
  const all: Record<string, string> = {
    title: textOf(d.title, locale) || str(d.scenario_key),
    by: str(d.by).trim() || '—',
    due: date(d.due_at) || date(d.review_by),
    programme: str(d.programme).trim(),
    level: str(en ? d.level_en : d.level) || str(d.level),
    award: str(en ? d.name_en : d.name_zh) || str(d.name_zh) || str(d.type_code),
    period: str(d.period_key),
  }
  let key = n.kind.replaceAll('.', '_')
  if (key === 'training_assigned' && all.programme) key += '_programme'
  if (key === 'suggestions_decided' && NOTIFICATION_KINDS.includes(`${key}_${str(d.decision)}`)) key += `_${str(d.decision)}`
  if (!NOTIFICATION_KINDS.includes(key)) return GENERIC
  const used = [...(notificationTexts as Record<string, string>)[key].matchAll(/\{(\w+)\}/g)].map((m) => m[1])
  if (used.includes('title') && !all.title) return GENERIC
  return { key: `notifications.${key}`, params: Object.fromEntries(used.map((k) => [k, all[k] ?? ''])) }
}

/** A coaching comment leads to the attempt's coaching page, each comment under its turn. */
export const COMMENTED = 'training.commented'

/** The inbox tab a notification leads to. */
export function notificationTab(kind: string): AssignStatus | undefined {
  if (kind === 'training.assigned' || kind === 'training.due_soon') return 'todo'
  return undefined
}

// ---- Chart ----------------------------------------------------------------------------

export interface BranchStatsLike {
  branch_name: string
  completion_pct: number
  pass_rate: number | null
}

/**
 * The progress chart: one horizontal bar pair (completion %, pass rate) per branch, the first
 * branch on top. A branch with nobody done has no pass rate: its bar is left out (null).
 */
export function progressChartOption(branches: readonly BranchStatsLike[], labels: { completion: string; passRate: string }, narrow = false) {
  const rows = [...branches].reverse() // category axes draw bottom-up
  return {
    aria: { enabled: true },
    animation: false,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: unknown) => (typeof v === 'number' ? `${v}%` : '–') },
    legend: { top: 0, data: [labels.completion, labels.passRate] },
    grid: { left: 8, right: 40, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: {
      type: 'category',
      data: rows.map((b) => b.branch_name),
      axisLabel: { width: narrow ? 90 : 180, overflow: 'truncate' },
    },
    series: [
      {
        name: labels.completion,
        type: 'bar',
        data: rows.map((b) => clampPct(b.completion_pct)),
        itemStyle: { color: CHART_COLORS.primary },
        label: { show: true, position: 'right', formatter: '{c}%' },
      },
      {
        name: labels.passRate,
        type: 'bar',
        data: rows.map((b) => (b.pass_rate === null ? null : clampPct(b.pass_rate))),
        itemStyle: { color: CHART_COLORS.success },
        label: { show: true, position: 'right', formatter: '{c}%' },
      },
    ],
  }
}

/** Chart height that gives each branch room for its two bars. */
export function chartHeight(branchCount: number): number {
  return Math.max(200, 60 + branchCount * 56)
}
