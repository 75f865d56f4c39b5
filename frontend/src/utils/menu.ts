/** One side-menu entry; shown when the user holds any of `anyOf` (or always, if absent). */
export interface MenuItem {
  key: string
  path: string
  labelKey: string
  icon: string
  anyOf?: readonly string[]
}

/** The one list of menu entries, in display order. Routes reuse `anyOf` as their guard. */
export const MENU: readonly MenuItem[] = [
  { key: 'home', path: '/', labelKey: 'menu.home', icon: 'HomeFilled' },
  { key: 'training', path: '/training', labelKey: 'menu.training', icon: 'Reading', anyOf: ['training.take', 'training.manage'] },
  { key: 'inbox', path: '/training/inbox', labelKey: 'menu.inbox', icon: 'Bell', anyOf: ['training.take'] },
  { key: 'library', path: '/training/library', labelKey: 'menu.library', icon: 'Collection', anyOf: ['training.manage'] },
  { key: 'assignments', path: '/training/assignments', labelKey: 'menu.assignments', icon: 'Calendar', anyOf: ['training.assign', 'training.inspect'] },
  { key: 'analytics', path: '/training/analytics', labelKey: 'menu.analytics', icon: 'DataAnalysis', anyOf: ['training.review', 'training.inspect'] },
  { key: 'reviews', path: '/training/reviews', labelKey: 'menu.reviews', icon: 'Document', anyOf: ['training.review', 'training.inspect'] },
  { key: 'cases', path: '/cases', labelKey: 'menu.cases', icon: 'Notebook', anyOf: ['cases.read'] },
  { key: 'casesMine', path: '/cases/mine', labelKey: 'menu.casesMine', icon: 'EditPen', anyOf: ['cases.write'] },
  { key: 'casesReview', path: '/cases/review', labelKey: 'menu.casesReview', icon: 'Finished', anyOf: ['cases.review', 'cases.manage'] },
  { key: 'casesSessions', path: '/cases/sessions', labelKey: 'menu.casesSessions', icon: 'Calendar', anyOf: ['cases.review'] },
  { key: 'kpi', path: '/kpi', labelKey: 'menu.kpi', icon: 'TrendCharts', anyOf: ['kpi.self', 'kpi.review'] },
  { key: 'feedbackMine', path: '/feedback/mine', labelKey: 'menu.feedbackMine', icon: 'ChatDotRound', anyOf: ['feedback.appeal'] },
  { key: 'feedbackAppeals', path: '/feedback/appeals', labelKey: 'menu.feedbackAppeals', icon: 'Stamp', anyOf: ['feedback.decide'] },
  { key: 'feedbackImports', path: '/feedback/imports', labelKey: 'menu.feedbackImports', icon: 'Upload', anyOf: ['feedback.import'] },
  { key: 'kpiSchemes', path: '/kpi/schemes', labelKey: 'menu.kpiSchemes', icon: 'SetUp', anyOf: ['kpi.manage'] },
  { key: 'kpiPeriods', path: '/kpi/periods', labelKey: 'menu.kpiPeriods', icon: 'Lock', anyOf: ['kpi.manage'] },
  { key: 'awardsRoll', path: '/awards/honour-roll', labelKey: 'menu.awardsRoll', icon: 'Trophy', anyOf: ['awards.view'] },
  { key: 'awardsNominations', path: '/awards/nominations', labelKey: 'menu.awardsNominations', icon: 'Medal', anyOf: ['awards.view', 'awards.nominate', 'awards.manage'] },
  { key: 'awardTypes', path: '/awards/types', labelKey: 'menu.awardTypes', icon: 'GoldMedal', anyOf: ['awards.manage'] },
  { key: 'awardRounds', path: '/awards/rounds', labelKey: 'menu.awardRounds', icon: 'Finished', anyOf: ['awards.manage'] },
  { key: 'careersMe', path: '/careers/me', labelKey: 'menu.careersMe', icon: 'Guide', anyOf: ['careers.self'] },
  { key: 'careerReadiness', path: '/careers/readiness', labelKey: 'menu.careerReadiness', icon: 'Promotion', anyOf: ['careers.review', 'careers.manage'] },
  { key: 'careerTracks', path: '/careers/tracks', labelKey: 'menu.careerTracks', icon: 'Histogram', anyOf: ['careers.manage'] },
  { key: 'suggestions', path: '/suggestions', labelKey: 'menu.suggestions', icon: 'Opportunity', anyOf: ['suggestions.submit', 'suggestions.review', 'suggestions.pay'] },
  { key: 'suggestionBonuses', path: '/suggestions/bonuses', labelKey: 'menu.suggestionBonuses', icon: 'Wallet', anyOf: ['suggestions.submit'] },
  { key: 'myReads', path: '/me/data-reads', labelKey: 'menu.myReads', icon: 'Lock' },
  { key: 'branches', path: '/branches', labelKey: 'menu.branches', icon: 'OfficeBuilding', anyOf: ['branches.read'] },
  { key: 'users', path: '/users', labelKey: 'menu.users', icon: 'User', anyOf: ['users.read'] },
  { key: 'audit', path: '/audit', labelKey: 'menu.audit', icon: 'Document', anyOf: ['audit.read'] },
  { key: 'readlog', path: '/audit/reads', labelKey: 'menu.readlog', icon: 'Document', anyOf: ['audit.read'] },
  { key: 'jobs', path: '/jobs', labelKey: 'menu.jobs', icon: 'Timer', anyOf: ['jobs.read'] },
  { key: 'settings', path: '/settings', labelKey: 'menu.settings', icon: 'Setting', anyOf: ['tenant.write'] },
]

/**
 * Playing scenarios (the sandbox and its result pages). The Training entry also opens for
 * training.manage; its page shows the catalogue to those who may take training.
 */
export const TRAINING_TAKE: readonly string[] = ['training.take']

export function allowed(permissions: Iterable<string>, anyOf?: readonly string[]): boolean {
  if (!anyOf || anyOf.length === 0) return true
  const held = permissions instanceof Set ? (permissions as Set<string>) : new Set(permissions)
  return anyOf.some((p) => held.has(p))
}

/** The menu a user sees. Unknown permissions are ignored; nothing is shown for them. */
export function buildMenu(permissions: Iterable<string>, items: readonly MenuItem[] = MENU): MenuItem[] {
  const held = new Set(permissions)
  return items.filter((m) => allowed(held, m.anyOf))
}
