/**
 * Follow-ups: what to do after an interaction (or about a company), by when and by whom. A
 * follow-up belongs to its company's unit; its assignee must read that unit. "My follow-ups" is
 * the caller's open list, by due date, so overdue ones come first. Every change is audited.
 */
import { and, asc, eq, gt, inArray, or, type SQL } from 'drizzle-orm'
import { AppError } from '../../../shared/app-error'
import type { Db } from '../../../server/db/client'
import type { RequestContext } from '../../../server/http/context'
import { decodeCursor, encodeCursor } from '../../../server/http/cursor'
import { getCompanyScope } from '../../companies'
import { canReadUnitData, canWriteUnitData, dataPathPrefixes, unitIdsUnder, type Actor } from '../../identity'
import type { FollowUp, FollowUpCreateInput, FollowUpListQuery, FollowUpStatus, FollowUpUpdateInput } from '../interactions.contract'
import { assertAssignee, PeopleCache } from './interaction-people'
import { followUps } from './interactions.table'

type FollowUpRow = typeof followUps.$inferSelect
import { placementOf, placementsOf, requireActor, writableCompanyPlacement, type Placement } from './interaction-placement'

/** The assignee works on their own follow-up (complete, reopen, reschedule); unit writers on any. */
function canChange(actor: Actor, row: FollowUpRow, unitPath: string): boolean {
  return canWriteUnitData(actor, unitPath) || (row.assigneeId === actor.userId && canReadUnitData(actor, unitPath))
}

async function toFollowUp(actor: Actor, people: PeopleCache, row: FollowUpRow, placement: Placement): Promise<FollowUp> {
  return {
    id: row.id,
    unitId: row.unitId,
    companyId: row.companyId,
    companyName: placement.company?.name ?? null,
    interactionId: row.interactionId,
    title: row.title,
    dueOn: row.dueOn,
    assignee: { id: row.assigneeId, name: await people.userName(row.assigneeId) },
    status: row.status as FollowUpStatus,
    completedAt: row.completedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    can: { update: canChange(actor, row, placement.unitPath) },
  }
}

/** The follow-ups of some interactions, as views keyed by interaction id (for the timeline). */
export async function loadFollowUpViews(db: Db, actor: Actor, people: PeopleCache, interactionIds: readonly string[]): Promise<Map<string, FollowUp[]>> {
  const out = new Map<string, FollowUp[]>()
  if (interactionIds.length === 0) return out
  const rows = await db.select().from(followUps).where(inArray(followUps.interactionId, [...interactionIds])).orderBy(asc(followUps.dueOn), asc(followUps.id))
  const placements = await placementsOf(db, rows)
  for (const row of rows) {
    const placement = placements.get(row.id)
    if (!row.interactionId || !placement) continue
    const list = out.get(row.interactionId) ?? []
    list.push(await toFollowUp(actor, people, row, placement))
    out.set(row.interactionId, list)
  }
  return out
}

/** Inserts and audits a follow-up whose placement and assignee the caller has checked. */
export async function insertFollowUp(
  tx: Db,
  ctx: RequestContext,
  actor: Actor,
  placement: Placement,
  input: { title: string; dueOn: string; assigneeId: string; interactionId: string | null },
): Promise<FollowUpRow> {
  const now = ctx.now()
  const [row] = await tx
    .insert(followUps)
    .values({
      unitId: placement.unitId,
      companyId: placement.company?.id ?? null,
      interactionId: input.interactionId,
      title: input.title,
      dueOn: input.dueOn,
      assigneeId: input.assigneeId,
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    })
    .returning()
  if (!row) throw new Error('follow-up insert returned no row')
  await ctx.deps.audit.record(tx, ctx, { action: 'create', entityType: 'follow_up', entityId: row.id, unitId: row.unitId, after: row })
  return row
}

/** A standalone follow-up on a company. */
export async function createFollowUp(ctx: RequestContext, input: FollowUpCreateInput): Promise<FollowUp> {
  const actor = requireActor(ctx)
  return ctx.db.transaction(async (tx) => {
    const placement = await writableCompanyPlacement(tx, actor, input.companyId)
    const people = new PeopleCache(tx)
    await assertAssignee(people, input.assigneeId, placement.unitPath, 'assigneeId')
    const row = await insertFollowUp(tx, ctx, actor, placement, { ...input, interactionId: null })
    return toFollowUp(actor, people, row, placement)
  })
}

async function changeableFollowUp(tx: Db, actor: Actor, id: string) {
  const [row] = await tx.select().from(followUps).where(eq(followUps.id, id))
  if (!row) throw new AppError('NOT_FOUND', 'errors.notFound')
  const placement = await placementOf(tx, row)
  if (!placement || !canReadUnitData(actor, placement.unitPath)) throw new AppError('NOT_FOUND', 'errors.notFound')
  if (!canChange(actor, row, placement.unitPath)) throw new AppError('FORBIDDEN', 'errors.forbidden')
  return { row, placement }
}

/** Title, due date or assignee (the new assignee must read the unit). */
export async function updateFollowUp(ctx: RequestContext, id: string, input: FollowUpUpdateInput): Promise<FollowUp> {
  const actor = requireActor(ctx)
  return ctx.db.transaction(async (tx) => {
    const { row: before, placement } = await changeableFollowUp(tx, actor, id)
    const people = new PeopleCache(tx)
    if (input.assigneeId !== undefined && input.assigneeId !== before.assigneeId) {
      await assertAssignee(people, input.assigneeId, placement.unitPath, 'assigneeId')
    }
    const [after] = await tx
      .update(followUps)
      .set({ ...input, updatedAt: ctx.now() })
      .where(eq(followUps.id, id))
      .returning()
    if (!after) throw new Error('follow-up update returned no row')
    await ctx.deps.audit.record(tx, ctx, { action: 'update', entityType: 'follow_up', entityId: id, unitId: after.unitId, before, after })
    return toFollowUp(actor, people, after, placement)
  })
}

/** Marks a follow-up done (who and when) or open again. */
export async function setFollowUpStatus(ctx: RequestContext, id: string, status: FollowUpStatus): Promise<FollowUp> {
  const actor = requireActor(ctx)
  return ctx.db.transaction(async (tx) => {
    const { row: before, placement } = await changeableFollowUp(tx, actor, id)
    if (before.status === status) throw new AppError('CONFLICT', status === 'done' ? 'errors.followUpAlreadyDone' : 'errors.followUpAlreadyOpen')
    const done = status === 'done'
    const [after] = await tx
      .update(followUps)
      .set({ status, completedAt: done ? ctx.now() : null, completedBy: done ? actor.userId : null, updatedAt: ctx.now() })
      .where(eq(followUps.id, id))
      .returning()
    if (!after) throw new Error('follow-up update returned no row')
    await ctx.deps.audit.record(tx, ctx, { action: 'update', entityType: 'follow_up', entityId: id, unitId: after.unitId, before, after })
    return toFollowUp(actor, new PeopleCache(tx), after, placement)
  })
}

/**
 * Follow-ups the actor may read, by due date (earliest, hence overdue, first): `assignee=me` is
 * "my follow-ups"; `companyId` a company's.
 */
export async function listFollowUps(ctx: RequestContext, query: FollowUpListQuery) {
  const actor = requireActor(ctx)
  const prefixes = dataPathPrefixes(actor)
  if (prefixes.length === 0) throw new AppError('FORBIDDEN', 'errors.forbidden')
  const conditions: SQL[] = []
  if (query.companyId) {
    await getCompanyScope(ctx.db, actor, query.companyId)
    conditions.push(eq(followUps.companyId, query.companyId))
  } else {
    conditions.push(inArray(followUps.unitId, unitIdsUnder(ctx.db, prefixes)))
  }
  if (query.assignee) conditions.push(eq(followUps.assigneeId, query.assignee === 'me' ? actor.userId : query.assignee))
  if (query.status) conditions.push(eq(followUps.status, query.status))
  const cursor = decodeCursor(query.cursor)
  if (cursor) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(cursor.k)) throw new AppError('VALIDATION', 'errors.validation', {}, [{ path: 'cursor', message: 'errors.invalidCursor' }])
    conditions.push(or(gt(followUps.dueOn, cursor.k), and(eq(followUps.dueOn, cursor.k), gt(followUps.id, cursor.id))) as SQL)
  }
  const rows = await ctx.db
    .select()
    .from(followUps)
    .where(and(...conditions))
    .orderBy(asc(followUps.dueOn), asc(followUps.id))
    .limit(query.limit + 1)
  const page = rows.slice(0, query.limit)
  const placements = await placementsOf(ctx.db, page)
  const people = new PeopleCache(ctx.db)
  const items: FollowUp[] = []
  for (const row of page) {
    const placement = placements.get(row.id)
    if (!placement || !canReadUnitData(actor, placement.unitPath)) continue
    items.push(await toFollowUp(actor, people, row, placement))
  }
  const last = page.at(-1)
  return { items, nextCursor: rows.length > query.limit && last ? encodeCursor({ k: last.dueOn, id: last.id }) : null }
}
