import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import { useAuthStore } from '@/stores/auth'
import { CSRF_COOKIE, readCookie } from '@/api/csrf'
import { MENU, TRAINING_TAKE, allowed } from '@/utils/menu'
import { t } from '@/i18n'

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without a tenant session. */
    public?: boolean
    /** Any one of these permissions opens the page. */
    anyOf?: readonly string[]
    /** Rendered without the app layout. */
    bare?: boolean
    titleKey?: string
  }
}

const perm = (key: string) => MENU.find((m) => m.key === key)?.anyOf

const routes: RouteRecordRaw[] = [
  { path: '/login', name: 'login', component: () => import('@/views/LoginView.vue'), meta: { public: true, bare: true, titleKey: 'login.title' } },
  {
    path: '/change-password',
    name: 'change-password',
    component: () => import('@/views/ChangePasswordView.vue'),
    meta: { bare: true, titleKey: 'password.title' },
  },
  { path: '/platform', redirect: '/platform/tenants' },
  {
    path: '/platform/login',
    name: 'platform-login',
    component: () => import('@/views/platform/PlatformLoginView.vue'),
    meta: { public: true, bare: true, titleKey: 'platform.login' },
  },
  {
    path: '/platform/tenants',
    name: 'platform-tenants',
    component: () => import('@/views/platform/PlatformTenantsView.vue'),
    meta: { public: true, bare: true, titleKey: 'platform.tenants' },
  },
  { path: '/', name: 'home', component: () => import('@/views/HomeView.vue'), meta: { titleKey: 'menu.home' } },
  {
    path: '/notifications',
    name: 'notifications',
    component: () => import('@/views/NotificationsView.vue'),
    meta: { titleKey: 'assign.notify.all' },
  },
  {
    path: '/branches',
    name: 'branches',
    component: () => import('@/views/BranchesView.vue'),
    meta: { anyOf: perm('branches'), titleKey: 'menu.branches' },
  },
  { path: '/users', name: 'users', component: () => import('@/views/UsersView.vue'), meta: { anyOf: perm('users'), titleKey: 'menu.users' } },
  { path: '/audit', name: 'audit', component: () => import('@/views/AuditView.vue'), meta: { anyOf: perm('audit'), titleKey: 'menu.audit' } },
  { path: '/audit/reads', name: 'readlog', component: () => import('@/views/readlog/ReadLogView.vue'), meta: { anyOf: perm('readlog'), titleKey: 'menu.readlog' } },
  { path: '/me/data-reads', name: 'my-data-reads', component: () => import('@/views/readlog/MyDataReadsView.vue'), meta: { titleKey: 'menu.myReads' } },
  { path: '/settings', name: 'settings', component: () => import('@/views/SettingsView.vue'), meta: { anyOf: perm('settings'), titleKey: 'menu.settings' } },
  { path: '/jobs', name: 'jobs', component: () => import('@/views/JobsView.vue'), meta: { anyOf: perm('jobs'), titleKey: 'menu.jobs' } },
  {
    path: '/training',
    name: 'training',
    component: () => import('@/views/training/TrainingCatalogueView.vue'),
    meta: { anyOf: perm('training'), titleKey: 'menu.training' },
  },
  {
    path: '/training/attempts/:id(\\d+)',
    name: 'training-attempt',
    component: () => import('@/views/training/TrainingAttemptView.vue'),
    props: (r) => ({ id: String(r.params.id), resultOnly: false }),
    meta: { anyOf: TRAINING_TAKE, titleKey: 'menu.training' },
  },
  {
    path: '/training/attempts/:id(\\d+)/result',
    name: 'training-result',
    component: () => import('@/views/training/TrainingAttemptView.vue'),
    props: (r) => ({ id: String(r.params.id), resultOnly: true }),
    meta: { anyOf: TRAINING_TAKE, titleKey: 'training.resultTitle' },
  },
  {
    path: '/training/reviews',
    name: 'training-reviews',
    component: () => import('@/views/training/TrainingReviewsView.vue'),
    meta: { anyOf: perm('reviews'), titleKey: 'menu.reviews' },
  },
  {
    path: '/training/reviews/:id(\\d+)',
    name: 'training-review',
    component: () => import('@/views/training/TrainingReviewView.vue'),
    props: (r) => ({ id: String(r.params.id) }),
    meta: { anyOf: perm('reviews'), titleKey: 'training.reviews.detailTitle' },
  },
  {
    path: '/training/inbox',
    name: 'training-inbox',
    component: () => import('@/views/training/assignments/InboxView.vue'),
    meta: { anyOf: perm('inbox'), titleKey: 'menu.inbox' },
  },
  {
    path: '/training/library',
    name: 'training-library',
    component: () => import('@/views/training/library/LibraryView.vue'),
    meta: { anyOf: perm('library'), titleKey: 'menu.library' },
  },
  {
    path: '/training/library/:key/preview',
    name: 'training-library-preview',
    component: () => import('@/views/training/library/LibraryPreviewView.vue'),
    props: (r) => ({ scenarioKey: String(r.params.key), version: typeof r.query.version === 'string' ? r.query.version : '' }),
    meta: { anyOf: perm('library'), titleKey: 'library.previewTitle' },
  },
  {
    path: '/training/assignments',
    name: 'training-assignments',
    component: () => import('@/views/training/assignments/AssignmentsView.vue'),
    meta: { anyOf: perm('assignments'), titleKey: 'menu.assignments' },
  },
  {
    path: '/training/assignments/:id(\\d+)',
    name: 'training-assignment',
    component: () => import('@/views/training/assignments/AssignmentProgressView.vue'),
    props: (r) => ({ id: String(r.params.id) }),
    meta: { anyOf: perm('assignments'), titleKey: 'assign.progressTitle' },
  },
  {
    path: '/training/analytics',
    name: 'training-analytics',
    component: () => import('@/views/training/analytics/AnalyticsView.vue'),
    meta: { anyOf: perm('analytics'), titleKey: 'menu.analytics' },
  },
  { path: '/cases', name: 'cases', component: () => import('@/views/cases/CaseLibraryView.vue'), meta: { anyOf: perm('cases'), titleKey: 'menu.cases' } },
  {
    path: '/cases/mine',
    name: 'cases-mine',
    component: () => import('@/views/cases/MyCasesView.vue'),
    meta: { anyOf: perm('casesMine'), titleKey: 'menu.casesMine' },
  },
  {
    path: '/cases/review',
    name: 'cases-review',
    component: () => import('@/views/cases/CaseReviewView.vue'),
    meta: { anyOf: perm('casesReview'), titleKey: 'menu.casesReview' },
  },
  {
    path: '/cases/sessions',
    name: 'cases-sessions',
    component: () => import('@/views/cases/CaseSessionsView.vue'),
    meta: { anyOf: perm('casesSessions'), titleKey: 'menu.casesSessions' },
  },
  {
    path: '/cases/new',
    name: 'cases-new',
    component: () => import('@/views/cases/CaseEditorView.vue'),
    props: () => ({ id: 0 }),
    meta: { anyOf: perm('casesMine'), titleKey: 'cases.editor.newTitle' },
  },
  {
    path: '/cases/:id(\\d+)/edit',
    name: 'cases-edit',
    component: () => import('@/views/cases/CaseEditorView.vue'),
    props: (r) => ({ id: Number(r.params.id) }),
    meta: { anyOf: perm('casesMine'), titleKey: 'cases.editor.editTitle' },
  },
  {
    path: '/cases/:id(\\d+)',
    name: 'case',
    component: () => import('@/views/cases/CaseView.vue'),
    props: (r) => ({ id: Number(r.params.id) }),
    meta: { anyOf: perm('cases'), titleKey: 'menu.cases' },
  },
  { path: '/kpi', name: 'kpi', component: () => import('@/views/kpi/KpiView.vue'), meta: { anyOf: perm('kpi'), titleKey: 'menu.kpi' } },
  {
    path: '/kpi/schemes',
    name: 'kpi-schemes',
    component: () => import('@/views/kpi/KpiSchemesView.vue'),
    meta: { anyOf: perm('kpiSchemes'), titleKey: 'menu.kpiSchemes' },
  },
  {
    path: '/kpi/periods',
    name: 'kpi-periods',
    component: () => import('@/views/kpi/KpiPeriodsView.vue'),
    meta: { anyOf: perm('kpiPeriods'), titleKey: 'menu.kpiPeriods' },
  },
  {
    path: '/feedback/imports',
    name: 'feedback-imports',
    component: () => import('@/views/feedback/FeedbackImportsView.vue'),
    meta: { anyOf: perm('feedbackImports'), titleKey: 'menu.feedbackImports' },
  },
  {
    path: '/feedback/mine',
    name: 'feedback-mine',
    component: () => import('@/views/feedback/MyFeedbackView.vue'),
    meta: { anyOf: perm('feedbackMine'), titleKey: 'menu.feedbackMine' },
  },
  {
    path: '/feedback/appeals',
    name: 'feedback-appeals',
    component: () => import('@/views/feedback/AppealsView.vue'),
    meta: { anyOf: perm('feedbackAppeals'), titleKey: 'menu.feedbackAppeals' },
  },
  // Awards, careers and suggestions (issue 11).
  { path: '/awards', redirect: '/awards/honour-roll' },
  {
    path: '/awards/honour-roll',
    name: 'awards-honour-roll',
    component: () => import('@/views/awards/HonourRollView.vue'),
    meta: { anyOf: perm('awardsRoll'), titleKey: 'menu.awardsRoll' },
  },
  {
    path: '/awards/certificates/:id(\\d+)',
    name: 'awards-certificate',
    component: () => import('@/views/awards/CertificateView.vue'),
    props: (r) => ({ id: String(r.params.id) }),
    meta: { anyOf: perm('awardsRoll'), bare: true, titleKey: 'awards.cert.heading' },
  },
  {
    path: '/awards/nominations',
    name: 'awards-nominations',
    component: () => import('@/views/awards/NominationsView.vue'),
    meta: { anyOf: perm('awardsNominations'), titleKey: 'menu.awardsNominations' },
  },
  {
    path: '/awards/types',
    name: 'awards-types',
    component: () => import('@/views/awards/AwardTypesView.vue'),
    meta: { anyOf: perm('awardTypes'), titleKey: 'menu.awardTypes' },
  },
  {
    path: '/awards/rounds',
    name: 'awards-rounds',
    component: () => import('@/views/awards/AwardRoundsView.vue'),
    meta: { anyOf: perm('awardRounds'), titleKey: 'menu.awardRounds' },
  },
  {
    path: '/careers/me',
    name: 'careers-me',
    component: () => import('@/views/careers/MyCareerView.vue'),
    meta: { anyOf: perm('careersMe'), titleKey: 'menu.careersMe' },
  },
  {
    path: '/careers/readiness',
    name: 'careers-readiness',
    component: () => import('@/views/careers/ReadinessView.vue'),
    meta: { anyOf: perm('careerReadiness'), titleKey: 'menu.careerReadiness' },
  },
  {
    path: '/careers/tracks',
    name: 'careers-tracks',
    component: () => import('@/views/careers/CareerTracksView.vue'),
    meta: { anyOf: perm('careerTracks'), titleKey: 'menu.careerTracks' },
  },
  {
    path: '/suggestions',
    name: 'suggestions',
    component: () => import('@/views/suggestions/SuggestionsView.vue'),
    meta: { anyOf: perm('suggestions'), titleKey: 'menu.suggestions' },
  },
  {
    path: '/suggestions/bonuses',
    name: 'suggestions-bonuses',
    component: () => import('@/views/suggestions/BonusesView.vue'),
    meta: { anyOf: perm('suggestionBonuses'), titleKey: 'menu.suggestionBonuses' },
  },
  {
    path: '/suggestions/:id(\\d+)',
    name: 'suggestion',
    component: () => import('@/views/suggestions/SuggestionView.vue'),
    props: (r) => ({ id: String(r.params.id) }),
    meta: { anyOf: perm('suggestions'), titleKey: 'menu.suggestions' },
  },
  {
    // The employee's own attempt with the manager's comments under each turn (the coaching notification opens it).
    path: '/training/attempts/:id(\\d+)/coaching',
    name: 'training-coaching',
    component: () => import('@/views/training/AttemptCoachingView.vue'),
    props: (r) => ({ id: String(r.params.id) }),
    meta: { anyOf: TRAINING_TAKE, titleKey: 'workflow.turns.pageTitle' },
  },
  { path: '/:pathMatch(.*)*', name: 'not-found', component: () => import('@/views/NotFoundView.vue'), meta: { public: true, titleKey: 'notFound.title' } },
]

export const router = createRouter({
  history: createWebHistory('/'),
  routes,
})

router.beforeEach(async (to) => {
  const auth = useAuthStore()
  // Sign-in sets the CSRF cookie with the session: without it there is no session to ask about,
  // and asking would log a 401 on the sign-in page's console.
  if (!auth.loaded && !readCookie(CSRF_COOKIE, document.cookie)) auth.set(null)
  if (!auth.loaded) {
    try {
      await auth.fetchMe()
    } catch {
      /* server unreachable: treated as signed out; the login page shows the error */
    }
  }
  if (to.meta.public) {
    if (to.name === 'login' && auth.me) return auth.mustChangePassword ? { name: 'change-password' } : { path: '/' }
    return true
  }
  if (!auth.me) {
    return to.fullPath === '/' ? { name: 'login' } : { name: 'login', query: { redirect: to.fullPath } }
  }
  if (auth.mustChangePassword && to.name !== 'change-password') return { name: 'change-password' }
  if (!allowed(auth.permissions, to.meta.anyOf)) {
    ElMessage.warning(t('common.forbidden'))
    return { path: '/' }
  }
  return true
})

router.afterEach((to) => {
  const title = to.meta.titleKey ? t(to.meta.titleKey) : ''
  document.title = title ? `${title} · ${t('app.fullName')}` : t('app.fullName')
})
