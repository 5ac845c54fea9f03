/** HTTP only: validate → call the service → respond. Fixed paths come before `{id}` paths. */
import type { Context } from 'hono'
import { createRouter, defineRoute, ErrorBodySchema, jsonBody, jsonResponse, z } from '../../../server/http/openapi'
import type { AppEnv, RequestContext } from '../../../server/http/context'
import { ctxOf } from '../../../server/http/middleware'
import { publicLinkLimits, throughPublicLink } from '../../../server/http/public-link'
import {
  BurnDown,
  ConfirmInput,
  DisputeInput,
  ExpertMatchList,
  ExpertMatchQuery,
  ExpertTimesheetQuery,
  ExpertWorkload,
  Milestone,
  MilestoneInput,
  MilestoneUpdateInput,
  Project,
  ProjectAssignInput,
  ProjectCreateInput,
  ProjectListQuery,
  ProjectPage,
  ProjectTransitionInput,
  ProjectUpdateInput,
  SendConfirmationInput,
  SupportDayConfirmation,
  SupportDayEntry,
  SupportDayEntryInput,
  SupportDayEntryList,
  SupportDayTotals,
  TimesheetQuery,
  TotalsQuery,
  WorkloadQuery,
} from '../projects.contract'
import { projectExpertMatches } from './projects-matching.service'
import {
  addMilestone,
  assignExpert,
  createProject,
  deleteMilestone,
  getProject,
  listProjects,
  transitionProject,
  updateMilestone,
  updateProject,
} from './projects.service'
import { expertTimesheet, expertWorkload, projectTimesheet, supportDayTotals, type TimesheetFile } from './support-days-reports.service'
import { approveEntry, confirmEntry, disputeEntry, getConfirmation, listEntries, logEntry, projectBurnDown, sendConfirmation } from './support-days.service'

const tags = ['Projects']
const IdParam = z.object({ id: z.string().uuid() })
const MilestoneParams = z.object({ id: z.string().uuid(), milestoneId: z.string().uuid() })
const EntryParams = z.object({ id: z.string().uuid(), entryId: z.string().uuid() })
const TokenParam = z.object({ token: z.string().min(1).max(200) })
const linkGone = jsonResponse(ErrorBodySchema, 'The link expired')
const tooMany = jsonResponse(ErrorBodySchema, 'Too many requests from this address (per IP, across instances)')
const budgetRefused = jsonResponse(ErrorBodySchema, 'Refused: the entry would exceed the budget (details.remainingDays), or the project is not active')
const timesheetResponse = {
  description: 'The timesheet',
  content: {
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string().openapi({ format: 'binary' }) },
    'application/pdf': { schema: z.string().openapi({ format: 'binary' }) },
  },
}

/** Confirmation links: a page read and one answer per entry, so a tighter overall limit than autosaving links. */
export const CONFIRM_LIMITS = publicLinkLimits('support-day-link', 120)

const throughLink = <T>(c: Context<AppEnv>, run: (ctx: RequestContext) => Promise<T>) => throughPublicLink(c, CONFIRM_LIMITS, run)

function download(c: Context<AppEnv>, file: TimesheetFile) {
  return c.body(new Uint8Array(file.body), 200, {
    'content-type': file.contentType,
    'content-disposition': `attachment; filename="${file.fileName.replace(/[^\w.-]/g, '_')}"`,
    'cache-control': 'no-store',
  })
}

export const projectsRoutes = createRouter()
  // Fixed paths first.
  .openapi(
    defineRoute({
      method: 'get', path: '/support-days/totals', tags,
      summary: 'Support days (not disputed) totalled by expert, company, unit or month of work over an optional period, over the projects the caller reads',
      request: { query: TotalsQuery }, responses: { 200: jsonResponse(SupportDayTotals, 'Totals') },
    }),
    async (c) => c.json(await supportDayTotals(ctxOf(c), c.req.valid('query')), 200),
  )
  .openapi(
    defineRoute({
      method: 'get', path: '/support-days/workload', tags,
      summary: 'Workload per expert, month by month: days committed in active projects (budget spread over the project’s months) and days logged',
      request: { query: WorkloadQuery }, responses: { 200: jsonResponse(ExpertWorkload, 'Workload') },
    }),
    async (c) => c.json(await expertWorkload(ctxOf(c), c.req.valid('query')), 200),
  )
  .openapi(
    defineRoute({
      method: 'get', path: '/support-days/timesheet', tags,
      summary: 'Timesheet of one expert (default: the caller) for one month, XLSX or PDF, over the projects the caller reads (audited)',
      request: { query: ExpertTimesheetQuery }, responses: { 200: timesheetResponse },
    }),
    async (c) => {
      const ctx = ctxOf(c)
      const q = c.req.valid('query')
      return download(c, await expertTimesheet(ctx, q, q.locale ?? ctx.locale))
    },
  )
  .openapi(
    defineRoute({
      method: 'get', path: '/support-day-links/{token}', tags, public: true,
      summary: 'The support-day entry behind a confirmation link (no account; 410 when expired)',
      request: { params: TokenParam }, responses: { 200: jsonResponse(SupportDayConfirmation, 'The entry'), 410: linkGone, 429: tooMany },
    }),
    async (c) => c.json(await throughLink(c, (ctx) => getConfirmation(ctx, c.req.valid('param').token)), 200),
  )
  .openapi(
    defineRoute({
      method: 'post', path: '/support-day-links/{token}/confirm', tags, public: true,
      summary: 'The company confirms the entry (its sign-off is the evidence), giving the name of who confirms',
      request: { params: TokenParam, body: jsonBody(ConfirmInput) }, responses: { 200: jsonResponse(SupportDayConfirmation, 'Confirmed'), 410: linkGone, 429: tooMany },
    }),
    async (c) => c.json(await throughLink(c, (ctx) => confirmEntry(ctx, c.req.valid('param').token, c.req.valid('json'))), 200),
  )
  .openapi(
    defineRoute({
      method: 'post', path: '/support-day-links/{token}/dispute', tags, public: true,
      summary: 'The company disputes the entry with a note (a disputed entry no longer counts against the budget)',
      request: { params: TokenParam, body: jsonBody(DisputeInput) }, responses: { 200: jsonResponse(SupportDayConfirmation, 'Disputed'), 410: linkGone, 429: tooMany },
    }),
    async (c) => c.json(await throughLink(c, (ctx) => disputeEntry(ctx, c.req.valid('param').token, c.req.valid('json'))), 200),
  )
  .openapi(
    defineRoute({
      method: 'get', path: '/projects', tags,
      summary: 'Projects the caller reads (staff: their units; experts: their own; company members: their company’s), newest first; filters, keyset pages',
      request: { query: ProjectListQuery }, responses: { 200: jsonResponse(ProjectPage, 'A page of projects') },
    }),
    async (c) => c.json(await listProjects(ctxOf(c), c.req.valid('query')), 200),
  )
  .openapi(
    defineRoute({
      method: 'post', path: '/projects', tags,
      summary: 'Open a project of support days for a company (staff of its unit; planned until started)',
      request: { body: jsonBody(ProjectCreateInput) }, responses: { 201: jsonResponse(Project, 'Created') },
    }),
    async (c) => c.json(await createProject(ctxOf(c), c.req.valid('json')), 201),
  )
  .openapi(
    defineRoute({
      method: 'get', path: '/projects/{id}', tags, summary: 'One project with milestones, budget and days',
      request: { params: IdParam }, responses: { 200: jsonResponse(Project, 'Project') },
    }),
    async (c) => c.json(await getProject(ctxOf(c), c.req.valid('param').id), 200),
  )
  .openapi(
    defineRoute({
      method: 'patch', path: '/projects/{id}', tags, summary: 'Edit a planned or active project (a budget never goes below the days logged)',
      request: { params: IdParam, body: jsonBody(ProjectUpdateInput) }, responses: { 200: jsonResponse(Project, 'Saved') },
    }),
    async (c) => c.json(await updateProject(ctxOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(
    defineRoute({
      method: 'post', path: '/projects/{id}/transition', tags,
      summary: 'Start (needs an expert), complete (outcome, 1–5 rating of the expert’s work) or cancel a project',
      request: { params: IdParam, body: jsonBody(ProjectTransitionInput) }, responses: { 200: jsonResponse(Project, 'Updated') },
    }),
    async (c) => c.json(await transitionProject(ctxOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(
    defineRoute({
      method: 'get', path: '/projects/{id}/expert-matches', tags,
      summary: 'The best experts for the project’s company (competence fit to the gaps of its roadmap or latest validated assessment, sector, distance, availability, workload, ratings) with the score breakdown, top `limit` of the whole pool with how many are eligible; conflicts of interest excluded and said why (staff)',
      request: { params: IdParam, query: ExpertMatchQuery }, responses: { 200: jsonResponse(ExpertMatchList, 'Ranked experts') },
    }),
    async (c) => c.json(await projectExpertMatches(ctxOf(c), c.req.valid('param').id, c.req.valid('query')), 200),
  )
  .openapi(
    defineRoute({
      method: 'post', path: '/projects/{id}/assign', tags, summary: 'Assign the project’s expert (staff; an expert of the company’s unit)',
      request: { params: IdParam, body: jsonBody(ProjectAssignInput) }, responses: { 200: jsonResponse(Project, 'Assigned') },
    }),
    async (c) => c.json(await assignExpert(ctxOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(
    defineRoute({
      method: 'post', path: '/projects/{id}/milestones', tags, summary: 'Add a milestone',
      request: { params: IdParam, body: jsonBody(MilestoneInput) }, responses: { 201: jsonResponse(Milestone, 'Added') },
    }),
    async (c) => c.json(await addMilestone(ctxOf(c), c.req.valid('param').id, c.req.valid('json')), 201),
  )
  .openapi(
    defineRoute({
      method: 'patch', path: '/projects/{id}/milestones/{milestoneId}', tags, summary: 'Edit a milestone or mark it done',
      request: { params: MilestoneParams, body: jsonBody(MilestoneUpdateInput) }, responses: { 200: jsonResponse(Milestone, 'Saved') },
    }),
    async (c) => {
      const { id, milestoneId } = c.req.valid('param')
      return c.json(await updateMilestone(ctxOf(c), id, milestoneId, c.req.valid('json')), 200)
    },
  )
  .openapi(
    defineRoute({
      method: 'delete', path: '/projects/{id}/milestones/{milestoneId}', tags, summary: 'Remove a milestone',
      request: { params: MilestoneParams }, responses: { 204: { description: 'Removed' } },
    }),
    async (c) => {
      const { id, milestoneId } = c.req.valid('param')
      await deleteMilestone(ctxOf(c), id, milestoneId)
      return c.body(null, 204)
    },
  )
  .openapi(
    defineRoute({
      method: 'get', path: '/projects/{id}/entries', tags, summary: 'The project’s support-day ledger, in the order entries were written',
      request: { params: IdParam }, responses: { 200: jsonResponse(SupportDayEntryList, 'Entries') },
    }),
    async (c) => c.json(await listEntries(ctxOf(c), c.req.valid('param').id), 200),
  )
  .openapi(
    defineRoute({
      method: 'post', path: '/projects/{id}/entries', tags,
      summary: 'Log support days (the project’s expert): in days or hours (8 h = 1 day); a correction is a new entry with correctsEntryId and the change in days. Refused beyond the budget (409, naming the remaining days), also under concurrent entries',
      request: { params: IdParam, body: jsonBody(SupportDayEntryInput) }, responses: { 201: jsonResponse(SupportDayEntry, 'Logged'), 409: budgetRefused },
    }),
    async (c) => c.json(await logEntry(ctxOf(c), c.req.valid('param').id, c.req.valid('json')), 201),
  )
  .openapi(
    defineRoute({
      method: 'post', path: '/projects/{id}/entries/{entryId}/send-confirmation', tags,
      summary: 'Email the company a link to confirm or dispute a pending entry (no account needed; a new link replaces the old one)',
      request: { params: EntryParams, body: jsonBody(SendConfirmationInput) }, responses: { 200: jsonResponse(SupportDayEntry, 'Sent') },
    }),
    async (c) => {
      const { id, entryId } = c.req.valid('param')
      return c.json(await sendConfirmation(ctxOf(c), id, entryId, c.req.valid('json')), 200)
    },
  )
  .openapi(
    defineRoute({
      method: 'post', path: '/projects/{id}/entries/{entryId}/approve', tags, summary: 'Approve an entry the company confirmed (staff)',
      request: { params: EntryParams }, responses: { 200: jsonResponse(SupportDayEntry, 'Approved') },
    }),
    async (c) => {
      const { id, entryId } = c.req.valid('param')
      return c.json(await approveEntry(ctxOf(c), id, entryId), 200)
    },
  )
  .openapi(
    defineRoute({
      method: 'get', path: '/projects/{id}/burndown', tags, summary: 'Burn-down: budget, cumulative logged, confirmed and approved days by date of work',
      request: { params: IdParam }, responses: { 200: jsonResponse(BurnDown, 'Burn-down') },
    }),
    async (c) => c.json(await projectBurnDown(ctxOf(c), c.req.valid('param').id), 200),
  )
  .openapi(
    defineRoute({
      method: 'get', path: '/projects/{id}/timesheet', tags, summary: 'The project’s timesheet, XLSX or PDF (audited)',
      request: { params: IdParam, query: TimesheetQuery }, responses: { 200: timesheetResponse },
    }),
    async (c) => {
      const ctx = ctxOf(c)
      const q = c.req.valid('query')
      return download(c, await projectTimesheet(ctx, c.req.valid('param').id, q.format, q.locale ?? ctx.locale))
    },
  )
