/**
 * The route tree, in code (one file to read the whole app's map). Pages live in their modules
 * and receive what the URL holds (search params, path params) as props, so they stay testable
 * without a router and never import this file.
 */
import type { QueryClient } from '@tanstack/react-query'
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  Outlet,
  redirect,
} from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { AUDIT_ACTIONS } from '../modules/audit/audit.contract'
import { AuditPage } from '../modules/audit/web'
import { ATECO_DIVISION_CODES, ATECO_SECTION_CODES, COMPANY_SIZES } from '../modules/companies/companies.contract'
import {
  CompaniesPage,
  CompanyCreatePage,
  CompanyDetailPage,
  CompanyEditPage,
  CustomFieldsPage,
  DuplicatesPage,
  isCompanyMemberOnly,
  MergePage,
  MyCompanyPage,
  CompanyImportPage,
} from '../modules/companies/web'
import { CONSENT_PURPOSES } from '../modules/contacts/contacts.contract'
import { ContactCreatePage, ContactDetailPage, ContactEditPage, ContactsPage } from '../modules/contacts/web'
import { FollowUpsPage } from '../modules/interactions/web'
import { INVITATION_STATUSES, ROLES } from '../modules/identity/identity.contract'
import {
  AcceptInvitationPage,
  ForgotPasswordPage,
  HomePage,
  InvitationsPage,
  LoginPage,
  NetworkPage,
  ProfilePage,
  ResetPasswordPage,
  sessionQueryOptions,
  useMe,
  UserDetailPage,
  UsersPage,
} from '../modules/identity/web'
import { AssessmentPage, AssessmentsHubPage, SelfAssessmentPage } from '../modules/assessments/web'
import { GenerateRoadmapButton, RoadmapCataloguePage, RoadmapPage, RoadmapSignoffPage, RoadmapsPage } from '../modules/roadmaps/web'
import { ProjectPage, ProjectsPage, SupportDayConfirmPage, SupportDaysPage, SUPPORT_DAYS_TABS, WORKLOAD_SPANS } from '../modules/projects/web'
import { PROJECT_STATUSES, TOTALS_GROUPS } from '../modules/projects/projects.contract'
import { ASSESSMENT_MODES, ASSESSMENT_STAGES, ASSESSMENT_STATUSES, DMA_INSTRUMENT_IDS } from '../modules/assessments/assessments.contract'
import { MailMessagePage, OutboxPage } from '../modules/mail/web'
import { EXPERT_COMPETENCE_KEYS, EXPERT_PROFILE_STATUSES } from '../modules/experts/experts.contract'
import { ExpertsPage, MyExpertProfilePage } from '../modules/experts/web'
import { isApiError } from './api-client'
import { companyPanels } from './company-panels'
import { contactPanels } from './contact-panels'
import { AppLayout } from './layout/app-layout'
import { PublicLayout } from './layout/public-layout'
import { ErrorPage } from './ui/error-page'
import { NotFoundPage } from './ui/not-found-page'

export interface RouterContext {
  queryClient: QueryClient
}

/** A search param that is absent, empty or malformed reads as "not set" rather than failing the page. */
const optionalText = z.string().trim().min(1).max(200).optional().catch(undefined)
const optionalOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values).optional().catch(undefined)

/**
 * A list of values, as the app writes it (an array) or as a hand-written link may (`?size=micro,small`);
 * unknown values are dropped.
 */
const optionalListOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .preprocess(
      (input) => (typeof input === 'string' ? input.split(',') : input),
      z.array(z.string()).transform((items) => items.filter((item): item is T[number] => (values as readonly string[]).includes(item))),
    )
    .transform((items) => (items.length > 0 ? items : undefined))
    .optional()
    .catch(undefined)
/** The router reads `?q=123` as a number; a search for digits (a partita IVA) is still text. */
const optionalSearchText = z.coerce.string().trim().min(1).max(200).optional().catch(undefined)
const optionalFlag = z.boolean().optional().catch(undefined)

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFoundPage,
  errorComponent: ErrorPage,
})

// ── Before sign-in ──────────────────────────────────────────────────────────────────────────────

const publicLayout = createRoute({
  getParentRoute: () => rootRoute,
  id: 'public',
  component: PublicLayout,
})

const loginRoute = createRoute({
  getParentRoute: () => publicLayout,
  path: 'login',
  validateSearch: z.object({ redirect: optionalText }),
  component: function LoginRoute() {
    const { redirect: target } = loginRoute.useSearch()
    return <LoginPage redirectTo={target} />
  },
})

const forgotPasswordRoute = createRoute({
  getParentRoute: () => publicLayout,
  path: 'forgot-password',
  component: ForgotPasswordPage,
})

const resetPasswordRoute = createRoute({
  getParentRoute: () => publicLayout,
  path: 'reset-password',
  validateSearch: z.object({ token: optionalText }),
  component: function ResetPasswordRoute() {
    return <ResetPasswordPage token={resetPasswordRoute.useSearch().token} />
  },
})

const invitationRoute = createRoute({
  getParentRoute: () => publicLayout,
  path: 'invitation',
  validateSearch: z.object({ token: optionalText }),
  component: function InvitationRoute() {
    return <AcceptInvitationPage token={invitationRoute.useSearch().token} />
  },
})

// A company fills its self-assessment through the emailed link, without an account.
const selfAssessmentRoute = createRoute({
  getParentRoute: () => publicLayout,
  path: 'self-assessment/$token',
  component: function SelfAssessmentRoute() {
    return <SelfAssessmentPage token={selfAssessmentRoute.useParams().token} />
  },
})

// A company reads and signs off its roadmap through the emailed link, without an account.
const roadmapSignoffRoute = createRoute({
  getParentRoute: () => publicLayout,
  path: 'roadmap-signoff/$token',
  component: function RoadmapSignoffRoute() {
    return <RoadmapSignoffPage token={roadmapSignoffRoute.useParams().token} />
  },
})

// ── Signed in ───────────────────────────────────────────────────────────────────────────────────

const appLayout = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ context, location }) => {
    try {
      await context.queryClient.ensureQueryData(sessionQueryOptions)
    } catch (error) {
      if (isApiError(error, 'UNAUTHENTICATED')) {
        throw redirect({ to: '/login', search: { redirect: location.href } })
      }
      throw error
    }
  },
  component: AppLayout,
})

const homeRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/',
  // A company member lands on their company ("a company member sees only their company").
  beforeLoad: async ({ context }) => {
    const me = await context.queryClient.ensureQueryData(sessionQueryOptions)
    if (isCompanyMemberOnly(me)) throw redirect({ to: '/my-company' })
  },
  component: HomePage,
})

const networkRoute = createRoute({
  getParentRoute: () => appLayout,
  path: 'network',
  validateSearch: z.object({ unitId: optionalText }),
  component: function NetworkRoute() {
    const { unitId } = networkRoute.useSearch()
    const navigate = networkRoute.useNavigate()
    return (
      <NetworkPage
        selectedUnitId={unitId}
        onSelectUnit={(next) => void navigate({ search: { unitId: next } })}
      />
    )
  },
})

const usersRoute = createRoute({
  getParentRoute: () => appLayout,
  path: 'users',
  validateSearch: z.object({
    q: optionalText,
    unitId: optionalText,
    role: optionalOf(ROLES),
    status: optionalOf(['active', 'inactive'] as const),
  }),
  component: function UsersRoute() {
    const filters = usersRoute.useSearch()
    const navigate = usersRoute.useNavigate()
    return (
      <UsersPage filters={filters} onFiltersChange={(next) => void navigate({ search: next, replace: true })} />
    )
  },
})

const userDetailRoute = createRoute({
  getParentRoute: () => appLayout,
  path: 'users/$userId',
  component: function UserDetailRoute() {
    return <UserDetailPage userId={userDetailRoute.useParams().userId} />
  },
})

const companiesRoute = createRoute({
  getParentRoute: () => appLayout,
  path: 'companies',
  validateSearch: z.object({
    q: optionalSearchText,
    unitId: optionalText,
    region: z.coerce.string().regex(/^\d{2}$/).optional().catch(undefined),
    province: z.string().regex(/^[A-Z]{2}$/).optional().catch(undefined),
    atecoSection: optionalListOf(ATECO_SECTION_CODES),
    size: optionalListOf(COMPANY_SIZES),
    cooperative: optionalFlag,
    includeArchived: optionalFlag,
    tags: z
      .preprocess((input) => (typeof input === 'string' ? input.split(',') : input), z.array(z.string().trim().min(1).max(40)).min(1).max(30))
      .optional()
      .catch(undefined),
    atecoDivision: optionalListOf(ATECO_DIVISION_CODES),
    // Custom field filters and the chosen columns: the app writes them (as JSON), a view restores them.
    cf: z.record(z.string().max(40), z.unknown()).optional().catch(undefined),
    columns: z.array(z.string().max(60)).max(60).optional().catch(undefined),
    view: z.string().uuid().optional().catch(undefined),
    contactedFrom: z.iso.date().optional().catch(undefined),
    contactedTo: z.iso.date().optional().catch(undefined),
  }),
  component: function CompaniesRoute() {
    const filters = companiesRoute.useSearch()
    const navigate = companiesRoute.useNavigate()
    return (
      <CompaniesPage filters={filters} onFiltersChange={(next) => void navigate({ search: next, replace: true })} />
    )
  },
})

const companyImportRoute = createRoute({
  getParentRoute: () => appLayout,
  path: 'companies/import',
  validateSearch: z.object({ id: z.string().uuid().optional().catch(undefined) }),
  component: function CompanyImportRoute() {
    const { id } = companyImportRoute.useSearch()
    const navigate = companyImportRoute.useNavigate()
    return <CompanyImportPage importId={id} onImportChange={(next) => void navigate({ search: { id: next } })} />
  },
})

const companyCustomFieldsRoute = createRoute({
  getParentRoute: () => appLayout,
  path: 'companies/custom-fields',
  component: CustomFieldsPage,
})

const companyDuplicatesRoute = createRoute({
  getParentRoute: () => appLayout,
  path: 'companies/duplicates',
  validateSearch: z.object({ tab: optionalOf(['queue', 'history'] as const) }),
  component: function CompanyDuplicatesRoute() {
    const { tab } = companyDuplicatesRoute.useSearch()
    const navigate = companyDuplicatesRoute.useNavigate()
    return <DuplicatesPage tab={tab} onTabChange={(next) => void navigate({ search: { tab: next === 'queue' ? undefined : next }, replace: true })} />
  },
})

const companyMergeRoute = createRoute({
  getParentRoute: () => appLayout,
  path: 'companies/merge',
  validateSearch: z.object({ survivor: z.string().uuid().catch(''), merged: z.string().uuid().catch('') }),
  component: function CompanyMergeRoute() {
    const { survivor, merged } = companyMergeRoute.useSearch()
    const navigate = companyMergeRoute.useNavigate()
    if (!survivor || !merged) return <NotFoundPage />
    return (
      <MergePage
        survivorId={survivor}
        mergedId={merged}
        onSwap={(nextSurvivor, nextMerged) => void navigate({ search: { survivor: nextSurvivor, merged: nextMerged }, replace: true })}
        onMerged={(survivorId) => void navigate({ to: '/companies/$companyId', params: { companyId: survivorId } })}
      />
    )
  },
})

const myCompanyRoute = createRoute({
  getParentRoute: () => appLayout,
  path: 'my-company',
  component: MyCompanyPage,
})

const companyCreateRoute = createRoute({
  getParentRoute: () => appLayout,
  path: 'companies/new',
  component: CompanyCreatePage,
})

const companyDetailRoute = createRoute({
  getParentRoute: () => appLayout,
  path: 'companies/$companyId',
  component: function CompanyDetailRoute() {
    const { t } = useTranslation()
    const me = useMe()
    return <CompanyDetailPage companyId={companyDetailRoute.useParams().companyId} panels={companyPanels(t, me)} />
  },
})

const companyEditRoute = createRoute({
  getParentRoute: () => appLayout,
  path: 'companies/$companyId/edit',
  component: function CompanyEditRoute() {
    return <CompanyEditPage companyId={companyEditRoute.useParams().companyId} />
  },
})

const contactsRoute = createRoute({
  getParentRoute: () => appLayout,
  path: 'contacts',
  validateSearch: z.object({
    q: optionalSearchText,
    unitId: optionalText,
    companyId: optionalText,
    consent: optionalOf(CONSENT_PURPOSES),
    includeArchived: optionalFlag,
  }),
  component: function ContactsRoute() {
    const filters = contactsRoute.useSearch()
    const navigate = contactsRoute.useNavigate()
    return <ContactsPage filters={filters} onFiltersChange={(next) => void navigate({ search: next, replace: true })} />
  },
})

const contactCreateRoute = createRoute({
  getParentRoute: () => appLayout,
  path: 'contacts/new',
  component: ContactCreatePage,
})

// The hub's assessments: list and dashboard (a static path: it wins over `assessments/$id`).
const assessmentsRoute = createRoute({
  getParentRoute: () => appLayout,
  path: 'assessments',
  validateSearch: z.object({
    tab: optionalOf(['list', 'dashboard'] as const),
    unitId: optionalText,
    instrument: optionalOf(DMA_INSTRUMENT_IDS),
    stage: optionalOf(ASSESSMENT_STAGES),
    status: optionalOf(ASSESSMENT_STATUSES),
    mode: optionalOf(ASSESSMENT_MODES),
    from: z.iso.date().optional().catch(undefined),
    to: z.iso.date().optional().catch(undefined),
    deltaPage: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
  }),
  component: function AssessmentsRoute() {
    const search = assessmentsRoute.useSearch()
    const navigate = assessmentsRoute.useNavigate()
    return <AssessmentsHubPage search={search} onSearchChange={(next) => void navigate({ search: next, replace: true })} />
  },
})

// Roadmaps: the list (a static path: it wins over `roadmaps/$id`) and one roadmap.
const roadmapsRoute = createRoute({
  getParentRoute: () => appLayout,
  path: 'roadmaps',
  component: RoadmapsPage,
})

// The action catalogue (static: wins over `roadmaps/$id`); network admins edit it.
const roadmapCatalogueRoute = createRoute({
  getParentRoute: () => appLayout,
  path: 'roadmaps/catalogue',
  component: RoadmapCataloguePage,
})

const roadmapRoute = createRoute({
  getParentRoute: () => appLayout,
  path: 'roadmaps/$id',
  component: function RoadmapRoute() {
    return <RoadmapPage id={roadmapRoute.useParams().id} />
  },
})

const assessmentRoute = createRoute({
  getParentRoute: () => appLayout,
  path: 'assessments/$id',
  component: function AssessmentRoute() {
    return <AssessmentPage id={assessmentRoute.useParams().id} extraActions={(assessment) => <GenerateRoadmapButton assessment={assessment} />} />
  },
})

const contactDetailRoute = createRoute({
  getParentRoute: () => appLayout,
  path: 'contacts/$contactId',
  component: function ContactDetailRoute() {
    const { t } = useTranslation()
    return <ContactDetailPage contactId={contactDetailRoute.useParams().contactId} panels={contactPanels(t)} />
  },
})

const contactEditRoute = createRoute({
  getParentRoute: () => appLayout,
  path: 'contacts/$contactId/edit',
  component: function ContactEditRoute() {
    return <ContactEditPage contactId={contactEditRoute.useParams().contactId} />
  },
})

const followUpsRoute = createRoute({
  getParentRoute: () => appLayout,
  path: 'follow-ups',
  validateSearch: z.object({ status: z.enum(['open', 'done']).optional().catch(undefined) }),
  component: function FollowUpsRoute() {
    const { status } = followUpsRoute.useSearch()
    const navigate = followUpsRoute.useNavigate()
    return (
      <FollowUpsPage
        status={status ?? 'open'}
        onStatusChange={(next) => void navigate({ search: next === 'open' ? {} : { status: next }, replace: true })}
      />
    )
  },
})

const invitationsRoute = createRoute({
  getParentRoute: () => appLayout,
  path: 'invitations',
  validateSearch: z.object({ q: optionalText, status: optionalOf(INVITATION_STATUSES) }),
  component: function InvitationsRoute() {
    const filters = invitationsRoute.useSearch()
    const navigate = invitationsRoute.useNavigate()
    return (
      <InvitationsPage
        filters={filters}
        onFiltersChange={(next) => void navigate({ search: next, replace: true })}
      />
    )
  },
})

const auditRoute = createRoute({
  getParentRoute: () => appLayout,
  path: 'audit',
  validateSearch: z.object({
    entityType: optionalText,
    entityId: optionalText,
    actorUserId: optionalText,
    action: optionalOf(AUDIT_ACTIONS),
  }),
  component: function AuditRoute() {
    const filters = auditRoute.useSearch()
    const navigate = auditRoute.useNavigate()
    return (
      <AuditPage filters={filters} onFiltersChange={(next) => void navigate({ search: next, replace: true })} />
    )
  },
})

const outboxRoute = createRoute({
  getParentRoute: () => appLayout,
  path: 'outbox',
  validateSearch: z.object({ q: optionalText }),
  component: function OutboxRoute() {
    const { q } = outboxRoute.useSearch()
    const navigate = outboxRoute.useNavigate()
    return <OutboxPage query={q} onQueryChange={(next) => void navigate({ search: { q: next }, replace: true })} />
  },
})

const mailMessageRoute = createRoute({
  getParentRoute: () => appLayout,
  path: 'outbox/$messageId',
  component: function MailMessageRoute() {
    return <MailMessagePage messageId={mailMessageRoute.useParams().messageId} />
  },
})

const profileRoute = createRoute({
  getParentRoute: () => appLayout,
  path: 'profile',
  component: ProfilePage,
})

// The expert's own profile, and the staff's expert pool (the open profile in `?open=`).
const myExpertProfileRoute = createRoute({
  getParentRoute: () => appLayout,
  path: 'expert-profile',
  component: MyExpertProfilePage,
})

const expertsRoute = createRoute({
  getParentRoute: () => appLayout,
  path: 'experts',
  validateSearch: z.object({
    q: optionalSearchText,
    status: optionalOf(EXPERT_PROFILE_STATUSES),
    competence: optionalOf(EXPERT_COMPETENCE_KEYS),
    sector: optionalOf(ATECO_SECTION_CODES),
    province: z.string().regex(/^[A-Z]{2}$/).optional().catch(undefined),
    minAvailability: z.coerce.number().min(0).max(22).optional().catch(undefined),
    open: z.string().uuid().optional().catch(undefined),
  }),
  component: function ExpertsRoute() {
    const { open, ...filters } = expertsRoute.useSearch()
    const navigate = expertsRoute.useNavigate()
    return (
      <ExpertsPage
        filters={filters}
        onFiltersChange={(next) => void navigate({ search: { ...next, open }, replace: true })}
        openUserId={open}
        onOpen={(userId) => void navigate({ search: { ...filters, open: userId } })}
      />
    )
  },
})

// Projects of support days (static `projects` before `projects/$projectId`); experts see theirs with ?mine=true.
const projectsRoute = createRoute({
  getParentRoute: () => appLayout,
  path: 'projects',
  validateSearch: z.object({
    unitId: optionalText,
    status: optionalOf(PROJECT_STATUSES),
    expertUserId: optionalText,
    mine: z.coerce.boolean().optional().catch(undefined),
  }),
  component: function ProjectsRoute() {
    const search = projectsRoute.useSearch()
    const navigate = projectsRoute.useNavigate()
    return <ProjectsPage search={search} onSearchChange={(next) => void navigate({ search: { ...next, mine: search.mine }, replace: true })} />
  },
})

const projectRoute = createRoute({
  getParentRoute: () => appLayout,
  path: 'projects/$projectId',
  component: function ProjectRoute() {
    return <ProjectPage id={projectRoute.useParams().projectId} />
  },
})

// Support-day reports: totals, workload per expert, monthly timesheets (experts: their own days month by month).
const supportDaysRoute = createRoute({
  getParentRoute: () => appLayout,
  path: 'support-days',
  validateSearch: z.object({
    tab: optionalOf(SUPPORT_DAYS_TABS),
    groupBy: optionalOf(TOTALS_GROUPS),
    from: z.iso.date().optional().catch(undefined),
    to: z.iso.date().optional().catch(undefined),
    unitId: optionalText,
    start: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/).optional().catch(undefined),
    months: z.coerce.number().pipe(z.union(WORKLOAD_SPANS.map((n) => z.literal(n)))).optional().catch(undefined),
    expertUserId: optionalText,
    month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/).optional().catch(undefined),
  }),
  component: function SupportDaysRoute() {
    const search = supportDaysRoute.useSearch()
    const navigate = supportDaysRoute.useNavigate()
    return <SupportDaysPage search={search} onSearchChange={(next) => void navigate({ search: next, replace: true })} />
  },
})

// A company confirms a support day through the emailed link, without an account.
const supportDayConfirmRoute = createRoute({
  getParentRoute: () => publicLayout,
  path: 'support-days/confirm/$token',
  component: function SupportDayConfirmRoute() {
    return <SupportDayConfirmPage token={supportDayConfirmRoute.useParams().token} />
  },
})

const routeTree = rootRoute.addChildren([
  publicLayout.addChildren([loginRoute, forgotPasswordRoute, resetPasswordRoute, invitationRoute, selfAssessmentRoute, supportDayConfirmRoute, roadmapSignoffRoute]),
  appLayout.addChildren([
    homeRoute,
    networkRoute,
    companiesRoute,
    companyCreateRoute,
    companyDetailRoute,
    companyEditRoute,
    assessmentsRoute,
    assessmentRoute,
    roadmapsRoute,
    roadmapCatalogueRoute,
    roadmapRoute,
    projectsRoute,
    projectRoute,
    supportDaysRoute,
    companyCustomFieldsRoute,
    companyImportRoute,
    companyDuplicatesRoute,
    companyMergeRoute,
    myCompanyRoute,
    contactsRoute,
    contactCreateRoute,
    contactDetailRoute,
    contactEditRoute,
    followUpsRoute,
    usersRoute,
    userDetailRoute,
    invitationsRoute,
    auditRoute,
    outboxRoute,
    mailMessageRoute,
    profileRoute,
    myExpertProfileRoute,
    expertsRoute,
  ]),
])

/** Pages reachable without a session; a 401 while on one of them is not a reason to redirect. */
const PUBLIC_PATHS = new Set(['/login', '/forgot-password', '/reset-password', '/invitation'])

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: 'intent',
    // Data freshness is TanStack Query's job; the router should not cache loader results too.
    defaultPreloadStaleTime: 0,
    scrollRestoration: true,
  })
}

export type AppRouter = ReturnType<typeof createAppRouter>

/** Where a 401 from any request sends the user: the sign-in page, then back where they were. */
export function redirectToSignIn(router: AppRouter): void {
  const { pathname, href } = router.state.location
  if (PUBLIC_PATHS.has(pathname)) return
  void router.navigate({ to: '/login', search: { redirect: href } })
}

declare module '@tanstack/react-router' {
  interface Register {
    router: AppRouter
  }
}
