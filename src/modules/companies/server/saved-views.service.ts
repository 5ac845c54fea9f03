/**
 * Saved views of the companies list: a name, the list's filters and the visible columns. A view is
 * personal (its owner only) or shared with a unit: everyone who reads that unit's data sees it;
 * its owner or a manager of that unit changes or deletes it.
 */
import { and, asc, desc, eq, inArray, or, type SQL } from 'drizzle-orm'
import { AppError } from '../../../shared/app-error'
import type { Db } from '../../../server/db/client'
import type { RequestContext } from '../../../server/http/context'
import { canManageUnit, canReadUnitData, canWriteUnitData, dataPathPrefixes, findUnit, unitIdsUnder, type Actor } from '../../identity'
import type { SavedView, SavedViewCreateInput, SavedViewQuery, SavedViewUpdateInput } from '../companies.contract'
import { savedViews } from './companies.table'

type ViewRow = typeof savedViews.$inferSelect

/** Views belong to people who work with the registry (any staff role somewhere). */
function requireListUser(ctx: RequestContext): Actor {
  const actor = ctx.actor
  if (!actor) throw new AppError('UNAUTHENTICATED', 'errors.unauthenticated')
  if (dataPathPrefixes(actor).length === 0) throw new AppError('FORBIDDEN', 'errors.forbidden')
  return actor
}

async function toView(db: Db, actor: Actor, row: ViewRow, unitNames = new Map<string, { name: string; path: string } | null>()): Promise<SavedView> {
  let unit: { name: string; path: string } | null = null
  if (row.sharedUnitId) {
    if (!unitNames.has(row.sharedUnitId)) {
      const found = await findUnit(db, row.sharedUnitId)
      unitNames.set(row.sharedUnitId, found ? { name: found.name, path: found.path } : null)
    }
    unit = unitNames.get(row.sharedUnitId) ?? null
  }
  const isOwner = row.ownerId === actor.userId
  const canChange = isOwner || (unit !== null && canManageUnit(actor, unit.path))
  return {
    id: row.id,
    name: row.name,
    entity: row.entity as SavedView['entity'],
    sharedUnitId: row.sharedUnitId,
    sharedUnitName: unit?.name ?? null,
    query: row.query as SavedViewQuery,
    isOwner,
    can: { update: canChange, delete: canChange },
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }
}

/** Whom the caller can see views of: their own, and those shared with a unit whose data they read. */
function visibleTo(db: Db, actor: Actor): SQL {
  return or(eq(savedViews.ownerId, actor.userId), inArray(savedViews.sharedUnitId, unitIdsUnder(db, dataPathPrefixes(actor)))) as SQL
}

export async function listSavedViews(ctx: RequestContext, entity: string): Promise<{ items: SavedView[] }> {
  const actor = requireListUser(ctx)
  const rows = await ctx.db
    .select()
    .from(savedViews)
    .where(and(eq(savedViews.entity, entity), visibleTo(ctx.db, actor)))
    // Personal views first (null sorts last when descending), then by name.
    .orderBy(desc(eq(savedViews.ownerId, actor.userId)), asc(savedViews.name), asc(savedViews.id))
  const names = new Map<string, { name: string; path: string } | null>()
  const items: SavedView[] = []
  for (const row of rows) items.push(await toView(ctx.db, actor, row, names))
  return { items }
}

/** A unit to share a view with: one the caller works in (staff of it or above), not merely reads. */
async function shareableUnit(db: Db, actor: Actor, unitId: string) {
  const unit = await findUnit(db, unitId)
  if (!unit || !canReadUnitData(actor, unit.path)) throw new AppError('NOT_FOUND', 'errors.notFound')
  if (!canWriteUnitData(actor, unit.path)) throw new AppError('FORBIDDEN', 'errors.forbidden')
  if (unit.archivedAt) throw new AppError('CONFLICT', 'errors.unitArchived')
  return unit
}

export async function createSavedView(ctx: RequestContext, input: SavedViewCreateInput): Promise<SavedView> {
  const actor = requireListUser(ctx)
  return ctx.db.transaction(async (tx) => {
    const unit = input.sharedUnitId ? await shareableUnit(tx, actor, input.sharedUnitId) : null
    const [row] = await tx
      .insert(savedViews)
      .values({ ownerId: actor.userId, sharedUnitId: unit?.id ?? null, entity: input.entity, name: input.name, query: input.query })
      .returning()
    if (!row) throw new Error('saved view insert returned no row')
    await ctx.deps.audit.record(tx, ctx, { action: 'create', entityType: 'saved_view', entityId: row.id, unitId: row.sharedUnitId, after: row })
    return toView(tx, actor, row)
  })
}

/** The view if the caller sees it (else NOT_FOUND) and may change it (else FORBIDDEN). */
async function changeableRow(db: Db, actor: Actor, id: string): Promise<ViewRow> {
  const [row] = await db.select().from(savedViews).where(and(eq(savedViews.id, id), visibleTo(db, actor)))
  if (!row) throw new AppError('NOT_FOUND', 'errors.notFound')
  if (row.ownerId === actor.userId) return row
  const unit = row.sharedUnitId ? await findUnit(db, row.sharedUnitId) : undefined
  if (!unit || !canManageUnit(actor, unit.path)) throw new AppError('FORBIDDEN', 'errors.savedViewNotYours')
  return row
}

export async function updateSavedView(ctx: RequestContext, id: string, input: SavedViewUpdateInput): Promise<SavedView> {
  const actor = requireListUser(ctx)
  return ctx.db.transaction(async (tx) => {
    const before = await changeableRow(tx, actor, id)
    const changes: Partial<ViewRow> = {}
    if (input.name !== undefined) changes.name = input.name
    if (input.query !== undefined) changes.query = input.query
    if (input.sharedUnitId !== undefined && input.sharedUnitId !== before.sharedUnitId) {
      changes.sharedUnitId = input.sharedUnitId ? (await shareableUnit(tx, actor, input.sharedUnitId)).id : null
    }
    const [after] = await tx
      .update(savedViews)
      .set({ ...changes, updatedAt: ctx.now() })
      .where(eq(savedViews.id, id))
      .returning()
    if (!after) throw new Error('saved view update returned no row')
    await ctx.deps.audit.record(tx, ctx, { action: 'update', entityType: 'saved_view', entityId: id, unitId: after.sharedUnitId, before, after })
    return toView(tx, actor, after)
  })
}

export async function deleteSavedView(ctx: RequestContext, id: string): Promise<void> {
  const actor = requireListUser(ctx)
  await ctx.db.transaction(async (tx) => {
    const before = await changeableRow(tx, actor, id)
    await tx.delete(savedViews).where(eq(savedViews.id, id))
    await ctx.deps.audit.record(tx, ctx, { action: 'delete', entityType: 'saved_view', entityId: id, unitId: before.sharedUnitId, before })
  })
}
