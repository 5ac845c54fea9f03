/** The network tree: units with materialised paths, archive/restore, moves, and data shares. */
import { and, asc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm'
import { AppError } from '../../../shared/app-error'
import type { Db } from '../../../server/db/client'
import type { RequestContext } from '../../../server/http/context'
import type { Unit, UnitCreateInput, UnitShare, UnitUpdateInput } from '../identity.contract'
import type { Actor } from './actor'
import { canManageUnit, canSeeUnit, visiblePathPrefixes } from './identity.policy'
import { unitShares, units, type UnitRow } from './identity.table'
import { pathUnder } from './scope'

export function requireActorOf(ctx: RequestContext): Actor {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED', 'errors.unauthenticated')
  return ctx.actor
}

/** `/root/bg/` → `/root/`: the path of a unit's parent, derived from its own. */
export function parentPathOf(path: string): string | null {
  const segments = path.split('/').filter(Boolean)
  return segments.length > 1 ? `/${segments.slice(0, -1).join('/')}/` : null
}

/**
 * Archiving, restoring or moving a unit takes managing its parent: a manager cannot archive the
 * antenna they manage (and so lock themselves out); the hub's manager can.
 */
function canReshapeUnit(actor: Actor, row: UnitRow): boolean {
  const parentPath = parentPathOf(row.path)
  return parentPath !== null && canManageUnit(actor, parentPath)
}

export function toUnit(row: UnitRow, actor: Actor): Unit {
  const manage = canManageUnit(actor, row.path)
  return {
    id: row.id,
    parentId: row.parentId,
    type: row.type as Unit['type'],
    name: row.name,
    code: row.code,
    regionCode: row.regionCode,
    provinceCode: row.provinceCode,
    email: row.email,
    phone: row.phone,
    address: row.address,
    archivedAt: row.archivedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    can: {
      update: manage,
      createChild: manage && row.archivedAt === null,
      archive: canReshapeUnit(actor, row),
      move: canReshapeUnit(actor, row),
    },
  }
}

export async function findUnit(db: Db, id: string): Promise<UnitRow | undefined> {
  const [row] = await db.select().from(units).where(eq(units.id, id))
  return row
}

/** Several units by id in one statement (a list page's owning units), keyed by id. */
export async function findUnits(db: Db, ids: readonly string[]): Promise<Map<string, UnitRow>> {
  const unique = [...new Set(ids)]
  if (unique.length === 0) return new Map()
  const rows = await db.select().from(units).where(inArray(units.id, unique))
  return new Map(rows.map((row) => [row.id, row]))
}

/** A unit the actor can see, else NOT_FOUND (never reveal that a foreign unit exists). */
export async function getVisibleUnitRow(db: Db, actor: Actor, id: string): Promise<UnitRow> {
  const row = await findUnit(db, id)
  if (!row || !canSeeUnit(actor, row.path)) throw new AppError('NOT_FOUND', 'errors.notFound')
  return row
}

async function getManagedUnitRow(db: Db, actor: Actor, id: string): Promise<UnitRow> {
  const row = await getVisibleUnitRow(db, actor, id)
  if (!canManageUnit(actor, row.path)) throw new AppError('FORBIDDEN', 'errors.forbidden')
  return row
}

export async function listUnits(ctx: RequestContext, options: { includeArchived: boolean }) {
  const actor = requireActorOf(ctx)
  const conditions: SQL[] = [pathUnder(units.path, visiblePathPrefixes(actor))]
  if (!options.includeArchived) conditions.push(isNull(units.archivedAt))
  const rows = await ctx.db
    .select()
    .from(units)
    .where(and(...conditions))
    .orderBy(asc(units.path), asc(units.name))
  return { items: rows.map((r) => toUnit(r, actor)) }
}

export async function getUnit(ctx: RequestContext, id: string): Promise<Unit> {
  const actor = requireActorOf(ctx)
  return toUnit(await getVisibleUnitRow(ctx.db, actor, id), actor)
}

async function assertCodeFree(db: Db, code: string, exceptId?: string) {
  const [clash] = await db
    .select({ id: units.id })
    .from(units)
    .where(sql`lower(${units.code}) = lower(${code})`)
  if (clash && clash.id !== exceptId) throw new AppError('CONFLICT', 'errors.unitCodeTaken', { code }, [{ path: 'code', message: 'errors.unitCodeTaken' }])
}

export async function createUnit(ctx: RequestContext, input: UnitCreateInput): Promise<Unit> {
  const actor = requireActorOf(ctx)
  return ctx.db.transaction(async (tx) => {
    const parent = await getManagedUnitRow(tx, actor, input.parentId)
    if (parent.archivedAt) throw new AppError('CONFLICT', 'errors.unitParentArchived')
    await assertCodeFree(tx, input.code)
    const id = crypto.randomUUID()
    const [row] = await tx
      .insert(units)
      .values({
        id,
        parentId: parent.id,
        path: `${parent.path}${id}/`,
        type: input.type,
        name: input.name,
        code: input.code,
        regionCode: input.regionCode ?? null,
        provinceCode: input.provinceCode ?? null,
        email: input.email ?? null,
        phone: input.phone ?? null,
        address: input.address ?? null,
      })
      .returning()
    if (!row) throw new Error('unit insert returned no row')
    await ctx.deps.audit.record(tx, ctx, { action: 'create', entityType: 'unit', entityId: row.id, unitId: row.id, after: row })
    return toUnit(row, actor)
  })
}

export async function updateUnit(ctx: RequestContext, id: string, input: UnitUpdateInput): Promise<Unit> {
  const actor = requireActorOf(ctx)
  return ctx.db.transaction(async (tx) => {
    const before = await getManagedUnitRow(tx, actor, id)
    if (input.code !== undefined) await assertCodeFree(tx, input.code, id)
    let path = before.path
    let parentId = before.parentId
    if (input.parentId !== undefined && input.parentId !== before.parentId) {
      if (before.parentId === null) throw new AppError('CONFLICT', 'errors.unitRootMove')
      if (!canReshapeUnit(actor, before)) throw new AppError('FORBIDDEN', 'errors.forbidden')
      // Moving takes the right to manage both the unit and its new parent.
      const newParent = await getManagedUnitRow(tx, actor, input.parentId)
      if (newParent.path.startsWith(before.path)) {
        throw new AppError('CONFLICT', 'errors.unitMoveIntoItself', {}, [{ path: 'parentId', message: 'errors.unitMoveIntoItself' }])
      }
      if (newParent.archivedAt) throw new AppError('CONFLICT', 'errors.unitParentArchived')
      parentId = newParent.id
      path = `${newParent.path}${before.id}/`
      // Re-root the whole subtree in one statement.
      await tx.execute(
        sql`update units set path = ${path} || substr(path, ${before.path.length + 1}) where path like ${`${before.path}%`}`,
      )
    }
    const { parentId: _ignored, ...fields } = input
    const [after] = await tx
      .update(units)
      .set({ ...fields, parentId, path, updatedAt: ctx.now() })
      .where(eq(units.id, id))
      .returning()
    if (!after) throw new Error('unit update returned no row')
    await ctx.deps.audit.record(tx, ctx, { action: 'update', entityType: 'unit', entityId: id, unitId: id, before, after })
    return toUnit(after, actor)
  })
}

export async function archiveUnit(ctx: RequestContext, id: string): Promise<Unit> {
  const actor = requireActorOf(ctx)
  return ctx.db.transaction(async (tx) => {
    const before = await getManagedUnitRow(tx, actor, id)
    if (before.parentId === null) throw new AppError('CONFLICT', 'errors.unitRootArchive')
    if (!canReshapeUnit(actor, before)) throw new AppError('FORBIDDEN', 'errors.forbidden')
    if (before.archivedAt) throw new AppError('CONFLICT', 'errors.unitArchived')
    const [{ n } = { n: 0 }] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(units)
      .where(and(eq(units.parentId, id), isNull(units.archivedAt)))
    if (n > 0) throw new AppError('CONFLICT', 'errors.unitHasActiveChildren', { count: n })
    const [after] = await tx
      .update(units)
      .set({ archivedAt: ctx.now(), updatedAt: ctx.now() })
      .where(eq(units.id, id))
      .returning()
    if (!after) throw new Error('unit update returned no row')
    await ctx.deps.audit.record(tx, ctx, { action: 'archive', entityType: 'unit', entityId: id, unitId: id, before, after })
    return toUnit(after, actor)
  })
}

export async function restoreUnit(ctx: RequestContext, id: string): Promise<Unit> {
  const actor = requireActorOf(ctx)
  return ctx.db.transaction(async (tx) => {
    const before = await getManagedUnitRow(tx, actor, id)
    if (!canReshapeUnit(actor, before)) throw new AppError('FORBIDDEN', 'errors.forbidden')
    if (!before.archivedAt) throw new AppError('CONFLICT', 'errors.unitNotArchived')
    if (before.parentId) {
      const parent = await findUnit(tx, before.parentId)
      if (parent?.archivedAt) throw new AppError('CONFLICT', 'errors.unitParentArchived')
    }
    const [after] = await tx
      .update(units)
      .set({ archivedAt: null, updatedAt: ctx.now() })
      .where(eq(units.id, id))
      .returning()
    if (!after) throw new Error('unit update returned no row')
    await ctx.deps.audit.record(tx, ctx, { action: 'restore', entityType: 'unit', entityId: id, unitId: id, before, after })
    return toUnit(after, actor)
  })
}

function toShare(row: typeof unitShares.$inferSelect): UnitShare {
  return { unitId: row.unitId, sharedWithUnitId: row.sharedWithUnitId, createdAt: row.createdAt.toISOString() }
}

export async function listShares(ctx: RequestContext, unitId: string) {
  const actor = requireActorOf(ctx)
  await getVisibleUnitRow(ctx.db, actor, unitId)
  const rows = await ctx.db.select().from(unitShares).where(eq(unitShares.unitId, unitId))
  return { items: rows.map(toShare) }
}

/** Shares a unit's data (read-only) with another unit of the network; managers of the owner decide. */
export async function addShare(ctx: RequestContext, unitId: string, sharedWithUnitId: string): Promise<UnitShare> {
  const actor = requireActorOf(ctx)
  return ctx.db.transaction(async (tx) => {
    await getManagedUnitRow(tx, actor, unitId)
    if (unitId === sharedWithUnitId) throw new AppError('VALIDATION', 'errors.shareSelf', {}, [{ path: 'sharedWithUnitId', message: 'errors.shareSelf' }])
    const target = await findUnit(tx, sharedWithUnitId)
    // The grantee must exist; the owner's manager need not see it (sharing with a sibling is the point).
    if (!target) throw new AppError('NOT_FOUND', 'errors.notFound')
    const [row] = await tx
      .insert(unitShares)
      .values({ unitId, sharedWithUnitId, createdBy: actor.userId })
      .onConflictDoNothing()
      .returning()
    if (!row) throw new AppError('CONFLICT', 'errors.shareExists')
    await ctx.deps.audit.record(tx, ctx, { action: 'create', entityType: 'unit_share', entityId: `${unitId}:${sharedWithUnitId}`, unitId, after: row })
    return toShare(row)
  })
}

export async function removeShare(ctx: RequestContext, unitId: string, sharedWithUnitId: string): Promise<void> {
  const actor = requireActorOf(ctx)
  await ctx.db.transaction(async (tx) => {
    await getManagedUnitRow(tx, actor, unitId)
    const [row] = await tx
      .delete(unitShares)
      .where(and(eq(unitShares.unitId, unitId), eq(unitShares.sharedWithUnitId, sharedWithUnitId)))
      .returning()
    if (!row) throw new AppError('NOT_FOUND', 'errors.notFound')
    await ctx.deps.audit.record(tx, ctx, { action: 'delete', entityType: 'unit_share', entityId: `${unitId}:${sharedWithUnitId}`, unitId, before: row })
  })
}
