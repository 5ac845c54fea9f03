/**
 * Projects of support days (issue 5, "Projects and support days"). A project is scoped by its
 * company's current unit, like assessments: staff who read that unit (or the project's own unit)
 * see and, writing it, run the project; the project's expert reads it and logs days; the company's
 * members read their own company's projects. Every change is audited.
 */
import { and, desc, eq, inArray, lt, or, sql, type SQL } from 'drizzle-orm'
import { AppError } from '../../../shared/app-error'
import type { Db } from '../../../server/db/client'
import type { RequestContext } from '../../../server/http/context'
import { cursorTime, decodeCursor, encodeCursor } from '../../../server/http/cursor'
import { companyIdsOfMember, findCompanyScopes, getCompanyScope, isCompanyMemberSomewhere, recordCompanyActivity, type CompanyScope } from '../../companies'
import { listMatchCandidates } from '../../experts'
import { findRoadmapItemLinks } from '../../roadmaps'
import { canReadUnitData, canWriteUnitData, dataPathPrefixes, findUnit, findUserNames, loadActor, rolesOn, unitIdsUnder, type Actor } from '../../identity'
import type {
  Milestone,
  MilestoneInput,
  MilestoneUpdateInput,
  Project,
  ProjectAssignInput,
  ProjectCreateInput,
  ProjectListQuery,
  ProjectPage,
  ProjectStatus,
  ProjectSummary,
  ProjectTransitionInput,
  ProjectUpdateInput,
  RoadmapItemRef,
} from '../projects.contract'
import { projectMilestones, projects, supportDayEntries, type ProjectMilestoneRow, type ProjectRow } from './projects.table'

/** The source type under which projects report company activity (journey stage 'supported'). */
export const PROJECT_SOURCE = 'project'

export function requireActor(ctx: RequestContext): Actor {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED', 'errors.unauthenticated')
  return ctx.actor
}

export interface ScopedProject {
  row: ProjectRow
  company: CompanyScope
  /** Staff who write the company's (or the project's) unit: run the project, approve days. */
  canWrite: boolean
  /** Reads as staff (not only as the expert or a member). */
  isStaff: boolean
  /** The actor is the project's expert. */
  isExpert: boolean
}

/** Numeric columns come back as strings; the API speaks numbers (days to the thousandth). */
export function num(value: string | number | null | undefined): number {
  if (value === null || value === undefined) return 0
  return Math.round(Number(value) * 1000) / 1000
}

async function memberReads(db: Db, actor: Actor, companyId: string): Promise<boolean> {
  if (!isCompanyMemberSomewhere(actor)) return false
  const ids = await companyIdsOfMember(db, actor)
  return ids.some((m) => m.id === companyId)
}

/**
 * Staff rights on a project: through its company's current unit (where the company lives now) or
 * through the unit the project was opened under (a hub may run an antenna's company's project).
 */
async function staffRights(db: Db, actor: Actor, row: ProjectRow, company: CompanyScope): Promise<{ read: boolean; write: boolean }> {
  if (canWriteUnitData(actor, company.unitPath)) return { read: true, write: true }
  let read = canReadUnitData(actor, company.unitPath)
  if (row.unitId !== company.unitId) {
    const unit = await findUnit(db, row.unitId)
    if (unit && canWriteUnitData(actor, unit.path)) return { read: true, write: true }
    if (unit && canReadUnitData(actor, unit.path)) read = true
  }
  return { read, write: false }
}

/** The project if the actor reads it; NOT_FOUND otherwise (missing and hidden look the same). */
export async function getScopedProject(db: Db, actor: Actor, id: string, options: { lock?: boolean } = {}): Promise<ScopedProject> {
  const query = db.select().from(projects).where(eq(projects.id, id))
  // Locking the project row serialises every ledger write of the project (the budget guard).
  const [row] = options.lock ? await query.for('update') : await query
  if (!row) throw new AppError('NOT_FOUND', 'errors.notFound')
  const [company] = await findCompanyScopes(db, [row.companyId])
  if (!company) throw new AppError('NOT_FOUND', 'errors.notFound')
  const isExpert = row.expertUserId === actor.userId
  const staff = await staffRights(db, actor, row, company)
  if (staff.read) return { row, company, canWrite: staff.write, isStaff: true, isExpert }
  if (isExpert) return { row, company, canWrite: false, isStaff: false, isExpert }
  if (await memberReads(db, actor, row.companyId)) return { row, company, canWrite: false, isStaff: false, isExpert: false }
  throw new AppError('NOT_FOUND', 'errors.notFound')
}

export async function getWritableProject(db: Db, actor: Actor, id: string, options: { lock?: boolean } = {}): Promise<ScopedProject> {
  const scoped = await getScopedProject(db, actor, id, options)
  if (!scoped.canWrite) throw new AppError('FORBIDDEN', 'errors.forbidden')
  return scoped
}

/**
 * An expert must be an active user holding the expert role (or a staff role) on the company's unit,
 * or an approved expert of the network's pool (matching proposes the whole pool the staff see).
 */
async function assertExpert(db: Db, userId: string, unitPath: string): Promise<Actor> {
  const expert = await loadActor(db, userId, 'session', ['read'])
  const onUnit = expert && (rolesOn(expert, unitPath).has('expert') || canReadUnitData(expert, unitPath))
  if (!expert || !(onUnit || (await listMatchCandidates(db, null, { userIds: [userId] })).length > 0)) {
    throw new AppError('VALIDATION', 'errors.validation', {}, [{ path: 'expertUserId', message: 'errors.projectExpertInvalid' }])
  }
  return expert
}

function assertDates(startsOn: string | null | undefined, endsOn: string | null | undefined) {
  if (startsOn && endsOn && endsOn < startsOn) {
    throw new AppError('VALIDATION', 'errors.validation', {}, [{ path: 'endsOn', message: 'errors.projectEndsBeforeStart' }])
  }
}

/** Logged (all but disputed), confirmed and approved days per project. */
export async function ledgerSums(db: Db, projectIds: readonly string[]): Promise<Map<string, { logged: number; confirmed: number; approved: number }>> {
  const result = new Map<string, { logged: number; confirmed: number; approved: number }>()
  if (projectIds.length === 0) return result
  const rows = await db
    .select({
      projectId: supportDayEntries.projectId,
      logged: sql<string>`coalesce(sum(${supportDayEntries.days}) filter (where ${supportDayEntries.confirmationStatus} <> 'disputed'), 0)`,
      confirmed: sql<string>`coalesce(sum(${supportDayEntries.days}) filter (where ${supportDayEntries.confirmationStatus} = 'confirmed'), 0)`,
      approved: sql<string>`coalesce(sum(${supportDayEntries.days}) filter (where ${supportDayEntries.approvedAt} is not null), 0)`,
    })
    .from(supportDayEntries)
    .where(inArray(supportDayEntries.projectId, [...new Set(projectIds)]))
    .groupBy(supportDayEntries.projectId)
  for (const r of rows) result.set(r.projectId, { logged: num(r.logged), confirmed: num(r.confirmed), approved: num(r.approved) })
  return result
}

/** Names of users by id (the identity module's `findUserNames`). */
export const userNames = findUserNames

function toSummary(row: ProjectRow, companyName: string, expertName: string | null, sums?: { logged: number; confirmed: number; approved: number }): ProjectSummary {
  return {
    id: row.id,
    companyId: row.companyId,
    companyName,
    unitId: row.unitId,
    expert: row.expertUserId ? { id: row.expertUserId, name: expertName ?? '' } : null,
    title: row.title,
    status: row.status as ProjectStatus,
    budgetDays: num(row.budgetDays),
    loggedDays: sums?.logged ?? 0,
    confirmedDays: sums?.confirmed ?? 0,
    approvedDays: sums?.approved ?? 0,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }
}

function toMilestone(m: ProjectMilestoneRow): Milestone {
  return { id: m.id, projectId: m.projectId, title: m.title, dueOn: m.dueOn, doneAt: m.doneAt?.toISOString() ?? null, createdAt: m.createdAt.toISOString() }
}

export async function toProject(db: Db, scoped: ScopedProject): Promise<Project> {
  const { row, company, canWrite, isExpert } = scoped
  const sums = (await ledgerSums(db, [row.id])).get(row.id)
  const names = await userNames(db, [row.expertUserId])
  const milestones = await db.select().from(projectMilestones).where(eq(projectMilestones.projectId, row.id)).orderBy(sql`${projectMilestones.dueOn} nulls last`, projectMilestones.createdAt)
  const summary = toSummary(row, company.name, row.expertUserId ? (names.get(row.expertUserId) ?? null) : null, sums)
  const open = row.status === 'planned' || row.status === 'active'
  return {
    ...summary,
    description: row.description,
    roadmapItems: row.roadmapItems,
    outcome: row.outcome,
    // The rating is the hub's judgement of the expert: staff only.
    expertRating: scoped.isStaff ? row.expertRating : null,
    completedAt: row.completedAt?.toISOString() ?? null,
    remainingDays: num(summary.budgetDays - summary.loggedDays),
    milestones: milestones.map(toMilestone),
    can: {
      update: canWrite && open,
      assign: canWrite && open,
      transition: canWrite && open,
      logEntry: (isExpert || canWrite) && row.status === 'active',
      approve: canWrite,
      sendConfirmation: isExpert || canWrite,
    },
  }
}

/** What the audit trail keeps of a project. */
function auditable(row: ProjectRow) {
  return row
}

/** Journey evidence: an active (or finished) project is evidence of the 'supported' stage. */
async function reportActivity(tx: Db, row: ProjectRow, now: Date) {
  if (row.status !== 'active' && row.status !== 'completed') return
  await recordCompanyActivity(tx, {
    companyId: row.companyId,
    stage: 'supported',
    sourceType: PROJECT_SOURCE,
    sourceId: row.id,
    occurredAt: row.startsOn ? new Date(`${row.startsOn}T09:00:00Z`) : now,
    summary: { key: 'projects.journey.project', params: { title: row.title, budget: num(row.budgetDays) }, href: `/projects/${row.id}` },
  })
}

export async function createProject(ctx: RequestContext, input: ProjectCreateInput): Promise<Project> {
  const actor = requireActor(ctx)
  return ctx.db.transaction(async (tx) => {
    const company = await getCompanyScope(tx, actor, input.companyId)
    if (!canWriteUnitData(actor, company.unitPath)) throw new AppError('FORBIDDEN', 'errors.forbidden')
    if (company.mergedIntoId) throw new AppError('CONFLICT', 'errors.projectCompanyMerged')
    let unitId = company.unitId
    if (input.unitId && input.unitId !== company.unitId) {
      const unit = await findUnit(tx, input.unitId)
      if (!unit || !canWriteUnitData(actor, unit.path)) {
        throw new AppError('VALIDATION', 'errors.validation', {}, [{ path: 'unitId', message: 'errors.projectUnitInvalid' }])
      }
      unitId = unit.id
    }
    assertDates(input.startsOn, input.endsOn)
    if (input.expertUserId) await assertExpert(tx, input.expertUserId, company.unitPath)
    const now = ctx.now()
    const [row] = await tx
      .insert(projects)
      .values({
        companyId: company.id,
        unitId,
        expertUserId: input.expertUserId ?? null,
        title: input.title,
        description: input.description ?? null,
        roadmapItems: await resolveRoadmapRefs(tx, company.id, input.roadmapItems),
        budgetDays: input.budgetDays.toFixed(2),
        startsOn: input.startsOn ?? null,
        endsOn: input.endsOn ?? null,
        status: 'planned',
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning()
    if (!row) throw new Error('project insert returned no row')
    await ctx.deps.audit.record(tx, ctx, { action: 'create', entityType: 'project', entityId: row.id, unitId: row.unitId, after: auditable(row) })
    return toProject(tx, { row, company, canWrite: true, isStaff: true, isExpert: row.expertUserId === actor.userId })
  })
}

/**
 * The roadmap items a project (or an entry) works on: refs to the company's stored roadmaps are
 * checked and take the title and action the roadmap has; a ref the company's roadmaps do not hold
 * is a validation error on its row.
 */
export async function resolveRoadmapRefs(db: Db, companyId: string, refs: readonly RoadmapItemRef[] | undefined, field = 'roadmapItems'): Promise<RoadmapItemRef[]> {
  if (!refs || refs.length === 0) return []
  const linked = refs.flatMap((r) => (r.roadmapId && r.itemId ? [{ roadmapId: r.roadmapId, itemId: r.itemId }] : []))
  const found = await findRoadmapItemLinks(db, companyId, linked)
  return refs.map((ref, index) => {
    if (!ref.roadmapId && !ref.itemId) return ref
    const link = ref.roadmapId && ref.itemId ? found.get(`${ref.roadmapId}:${ref.itemId}`) : undefined
    if (!link) throw new AppError('VALIDATION', 'errors.validation', {}, [{ path: `${field}.${index}`, message: 'errors.projectRoadmapItemUnknown' }])
    return { roadmapId: link.roadmapId, itemId: link.itemId, actionId: link.actionId, title: link.title }
  })
}

export async function getProject(ctx: RequestContext, id: string): Promise<Project> {
  const actor = requireActor(ctx)
  return toProject(ctx.db, await getScopedProject(ctx.db, actor, id))
}

function requireOpen(row: ProjectRow) {
  if (row.status !== 'planned' && row.status !== 'active') throw new AppError('CONFLICT', 'errors.projectClosed', { status: row.status })
}

export async function updateProject(ctx: RequestContext, id: string, input: ProjectUpdateInput): Promise<Project> {
  const actor = requireActor(ctx)
  return ctx.db.transaction(async (tx) => {
    // Locked: a budget cut and a new entry must not pass each other.
    const scoped = await getWritableProject(tx, actor, id, { lock: true })
    const before = scoped.row
    requireOpen(before)
    const startsOn = input.startsOn !== undefined ? input.startsOn : before.startsOn
    const endsOn = input.endsOn !== undefined ? input.endsOn : before.endsOn
    assertDates(startsOn, endsOn)
    if (input.budgetDays !== undefined) {
      const logged = (await ledgerSums(tx, [id])).get(id)?.logged ?? 0
      if (input.budgetDays < logged) throw new AppError('CONFLICT', 'errors.projectBudgetBelowLogged', { logged: formatDays(logged, ctx.locale) })
    }
    const [after] = await tx
      .update(projects)
      .set({
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.roadmapItems !== undefined ? { roadmapItems: await resolveRoadmapRefs(tx, before.companyId, input.roadmapItems) } : {}),
        ...(input.budgetDays !== undefined ? { budgetDays: input.budgetDays.toFixed(2) } : {}),
        startsOn,
        endsOn,
        updatedAt: ctx.now(),
      })
      .where(eq(projects.id, id))
      .returning()
    if (!after) throw new Error('project update returned no row')
    await ctx.deps.audit.record(tx, ctx, { action: 'update', entityType: 'project', entityId: id, unitId: after.unitId, before: auditable(before), after: auditable(after) })
    await reportActivity(tx, after, ctx.now())
    return toProject(tx, { ...scoped, row: after })
  })
}

export async function assignExpert(ctx: RequestContext, id: string, input: ProjectAssignInput): Promise<Project> {
  const actor = requireActor(ctx)
  return ctx.db.transaction(async (tx) => {
    const scoped = await getWritableProject(tx, actor, id, { lock: true })
    const before = scoped.row
    requireOpen(before)
    await assertExpert(tx, input.expertUserId, scoped.company.unitPath)
    const [after] = await tx.update(projects).set({ expertUserId: input.expertUserId, updatedAt: ctx.now() }).where(eq(projects.id, id)).returning()
    if (!after) throw new Error('project update returned no row')
    await ctx.deps.audit.record(tx, ctx, { action: 'assign', entityType: 'project', entityId: id, unitId: after.unitId, before: auditable(before), after: auditable(after) })
    return toProject(tx, { ...scoped, row: after, isExpert: after.expertUserId === actor.userId })
  })
}

const TRANSITIONS: Record<string, readonly string[]> = {
  planned: ['active', 'cancelled'],
  active: ['completed', 'cancelled'],
  completed: [],
  cancelled: [],
}

/** planned → active (needs an expert) → completed (outcome and rating); planned|active → cancelled. */
export async function transitionProject(ctx: RequestContext, id: string, input: ProjectTransitionInput): Promise<Project> {
  const actor = requireActor(ctx)
  return ctx.db.transaction(async (tx) => {
    const scoped = await getWritableProject(tx, actor, id, { lock: true })
    const before = scoped.row
    if (!TRANSITIONS[before.status]?.includes(input.status)) {
      throw new AppError('CONFLICT', 'errors.projectTransitionInvalid', { from: before.status, to: input.status })
    }
    if (input.status === 'active' && !before.expertUserId) throw new AppError('CONFLICT', 'errors.projectNoExpert')
    if (input.expertRating !== undefined && input.expertRating !== null && input.status !== 'completed') {
      throw new AppError('VALIDATION', 'errors.validation', {}, [{ path: 'expertRating', message: 'errors.projectRatingAtCompletion' }])
    }
    const now = ctx.now()
    const [after] = await tx
      .update(projects)
      .set({
        status: input.status,
        ...(input.outcome !== undefined ? { outcome: input.outcome } : {}),
        ...(input.status === 'completed' ? { expertRating: input.expertRating ?? null, completedAt: now } : {}),
        updatedAt: now,
      })
      .where(eq(projects.id, id))
      .returning()
    if (!after) throw new Error('project update returned no row')
    await ctx.deps.audit.record(tx, ctx, { action: 'status_change', entityType: 'project', entityId: id, unitId: after.unitId, before: auditable(before), after: auditable(after) })
    await reportActivity(tx, after, now)
    return toProject(tx, { ...scoped, row: after })
  })
}

export async function addMilestone(ctx: RequestContext, projectId: string, input: MilestoneInput): Promise<Milestone> {
  const actor = requireActor(ctx)
  return ctx.db.transaction(async (tx) => {
    const { row } = await getWritableProject(tx, actor, projectId)
    requireOpen(row)
    const [m] = await tx
      .insert(projectMilestones)
      .values({ projectId, title: input.title, dueOn: input.dueOn ?? null, createdBy: actor.userId, createdAt: ctx.now() })
      .returning()
    if (!m) throw new Error('milestone insert returned no row')
    await ctx.deps.audit.record(tx, ctx, { action: 'create', entityType: 'project_milestone', entityId: m.id, unitId: row.unitId, after: m })
    return toMilestone(m)
  })
}

async function milestoneOf(tx: Db, projectId: string, milestoneId: string): Promise<ProjectMilestoneRow> {
  const [m] = await tx.select().from(projectMilestones).where(and(eq(projectMilestones.id, milestoneId), eq(projectMilestones.projectId, projectId)))
  if (!m) throw new AppError('NOT_FOUND', 'errors.notFound')
  return m
}

export async function updateMilestone(ctx: RequestContext, projectId: string, milestoneId: string, input: MilestoneUpdateInput): Promise<Milestone> {
  const actor = requireActor(ctx)
  return ctx.db.transaction(async (tx) => {
    const { row } = await getWritableProject(tx, actor, projectId)
    const before = await milestoneOf(tx, projectId, milestoneId)
    const [after] = await tx
      .update(projectMilestones)
      .set({
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(input.dueOn !== undefined ? { dueOn: input.dueOn } : {}),
        ...(input.done !== undefined ? { doneAt: input.done ? (before.doneAt ?? ctx.now()) : null } : {}),
      })
      .where(eq(projectMilestones.id, milestoneId))
      .returning()
    if (!after) throw new Error('milestone update returned no row')
    await ctx.deps.audit.record(tx, ctx, { action: 'update', entityType: 'project_milestone', entityId: milestoneId, unitId: row.unitId, before, after })
    return toMilestone(after)
  })
}

export async function deleteMilestone(ctx: RequestContext, projectId: string, milestoneId: string): Promise<void> {
  const actor = requireActor(ctx)
  await ctx.db.transaction(async (tx) => {
    const { row } = await getWritableProject(tx, actor, projectId)
    const before = await milestoneOf(tx, projectId, milestoneId)
    await tx.delete(projectMilestones).where(eq(projectMilestones.id, milestoneId))
    await ctx.deps.audit.record(tx, ctx, { action: 'delete', entityType: 'project_milestone', entityId: milestoneId, unitId: row.unitId, before })
  })
}

/**
 * The condition selecting the projects an actor reads: of the units they read as staff, of the
 * companies they are a member of, and their own as expert. Null when they read none.
 */
export function projectScope(db: Db, actor: Actor): SQL | null {
  const prefixes = dataPathPrefixes(actor)
  const scopes: SQL[] = [eq(projects.expertUserId, actor.userId)]
  if (prefixes.length > 0) {
    const units = unitIdsUnder(db, prefixes)
    scopes.push(inArray(projects.unitId, units))
    // The company's current unit counts too (a company moved to another antenna takes its projects).
    scopes.push(sql`${projects.companyId} in (select c.id from companies c where c.unit_id in ${units})`)
  }
  if (isCompanyMemberSomewhere(actor)) scopes.push(inArray(projects.companyId, companyIdsOfMember(db, actor)))
  return or(...scopes) as SQL
}

export async function listProjects(ctx: RequestContext, query: ProjectListQuery): Promise<ProjectPage> {
  const actor = requireActor(ctx)
  const conditions: SQL[] = []
  const scope = projectScope(ctx.db, actor)
  if (scope) conditions.push(scope)
  if (query.companyId) conditions.push(eq(projects.companyId, query.companyId))
  if (query.unitId) conditions.push(inArray(projects.unitId, unitIdsUnder(ctx.db, [`%/${query.unitId}/`])))
  if (query.status?.length) conditions.push(inArray(projects.status, query.status))
  if (query.expertUserId) conditions.push(eq(projects.expertUserId, query.expertUserId))
  if (query.mine === 'true') conditions.push(eq(projects.expertUserId, actor.userId))
  const cursor = decodeCursor(query.cursor)
  if (cursor) {
    const t = cursorTime(cursor)
    conditions.push(or(lt(projects.createdAt, t), and(eq(projects.createdAt, t), lt(projects.id, cursor.id))) as SQL)
  }
  const rows = await ctx.db
    .select()
    .from(projects)
    .where(and(...conditions))
    .orderBy(desc(projects.createdAt), desc(projects.id))
    .limit(query.limit + 1)
  const page = rows.slice(0, query.limit)
  const companies = new Map((await findCompanyScopes(ctx.db, page.map((r) => r.companyId))).map((c) => [c.id, c]))
  const sums = await ledgerSums(ctx.db, page.map((r) => r.id))
  const names = await userNames(ctx.db, page.map((r) => r.expertUserId))
  const items = page.flatMap((row) => {
    const company = companies.get(row.companyId)
    return company ? [toSummary(row, company.name, row.expertUserId ? (names.get(row.expertUserId) ?? null) : null, sums.get(row.id))] : []
  })
  const last = page.at(-1)
  return { items, nextCursor: rows.length > query.limit && last ? encodeCursor({ k: last.createdAt.toISOString(), id: last.id }) : null }
}

/** Days as the user's language writes them: "0,5" in Italian, "0.5" in English. */
export function formatDays(days: number, locale: 'it' | 'en'): string {
  return new Intl.NumberFormat(locale === 'it' ? 'it-IT' : 'en-GB', { maximumFractionDigits: 3 }).format(days)
}
