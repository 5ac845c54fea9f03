/** People of the network: listing, profiles, memberships, deactivation; and resolving the actor. */
import { and, asc, eq, exists, gt, ilike, inArray, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm'
import { AppError } from '../../../shared/app-error'
import type { Db } from '../../../server/db/client'
import type { RequestContext } from '../../../server/http/context'
import { decodeCursor, encodeCursor, likePattern } from '../../../server/http/cursor'
import type { Locale, Membership, MembershipInput, Role, TokenScope, User, UserListQuery } from '../identity.contract'
import type { Actor } from './actor'
import {
  canAssignRole,
  canManageUnit,
  canReadUnitData,
  canSeeUnit,
  dataPathPrefixes,
  isNetworkAdmin,
} from './identity.policy'
import { memberships, sessions, unitShares, units, users, type UserRow } from './identity.table'
import { pathUnder } from './scope'
import { getVisibleUnitRow, requireActorOf } from './units.service'

interface MembershipWithUnit {
  id: string
  unitId: string
  unitName: string
  unitCode: string
  unitPath: string
  role: string
  createdAt: Date
}

async function membershipsOf(db: Db, userIds: string[]): Promise<Map<string, MembershipWithUnit[]>> {
  const byUser = new Map<string, MembershipWithUnit[]>()
  if (userIds.length === 0) return byUser
  const rows = await db
    .select({
      userId: memberships.userId,
      id: memberships.id,
      unitId: units.id,
      unitName: units.name,
      unitCode: units.code,
      unitPath: units.path,
      role: memberships.role,
      createdAt: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(units, eq(units.id, memberships.unitId))
    .where(inArray(memberships.userId, userIds))
    .orderBy(asc(units.path))
  for (const { userId, ...m } of rows) {
    const list = byUser.get(userId) ?? []
    list.push(m)
    byUser.set(userId, list)
  }
  return byUser
}

function toMembership(m: MembershipWithUnit): Membership {
  return {
    id: m.id,
    unitId: m.unitId,
    unitName: m.unitName,
    unitCode: m.unitCode,
    role: m.role as Role,
    createdAt: m.createdAt.toISOString(),
  }
}

/** A user as `viewer` may see them: memberships in units the viewer cannot see are left out. */
export function toUser(row: UserRow, list: MembershipWithUnit[], viewer: Actor | null): User {
  const visible = list.filter((m) => !viewer || viewer.userId === row.id || canSeeUnit(viewer, m.unitPath))
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    locale: row.locale as Locale,
    isActive: row.deactivatedAt === null,
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    memberships: visible.map(toMembership),
  }
}

/**
 * Resolves the actor of a request from a user id. Deactivated users resolve to null. Grants on
 * archived units do not count.
 */
/**
 * The columns of an actor for the `users` row of the query: grants (memberships in units that are
 * not archived) and shared paths (owners of unit_shares whose grantee is under a grant), as JSON
 * aggregates, so that resolving the actor of a request costs one statement. Paths hold only `/`,
 * hex digits and `-`, so `path like grant || '%'` is exactly `pathUnder` (scope.ts). (`users.id` is
 * spelled out: drizzle drops the table name of columns in a single-table select.)
 */
function actorColumns() {
  return {
    userId: users.id,
    name: users.name,
    email: users.email,
    locale: users.locale,
    deactivatedAt: users.deactivatedAt,
    grants: sql<{ membershipId: string; unitId: string; path: string; role: string }[]>`coalesce((
      select json_agg(json_build_object('membershipId', m.id, 'unitId', g.id, 'path', g.path, 'role', m.role))
        from ${memberships} m join ${units} g on g.id = m.unit_id
       where m.user_id = ${users}.id and g.archived_at is null), '[]'::json)`,
    sharedPaths: sql<string[]>`coalesce((
      select json_agg(o.path)
        from ${unitShares} s join ${units} o on o.id = s.unit_id
       where o.archived_at is null
         and s.shared_with_unit_id in (
           select gr.id from ${units} gr
            where exists (
              select 1 from ${memberships} m join ${units} gu on gu.id = m.unit_id
               where m.user_id = ${users}.id and gu.archived_at is null and gr.path like gu.path || '%'))), '[]'::json)`,
  }
}

type ActorRow = { userId: string; name: string; email: string; locale: string; deactivatedAt: Date | null; grants: { membershipId: string; unitId: string; path: string; role: string }[]; sharedPaths: string[] }

function toActor(row: ActorRow, via: Actor['via'], scopes: TokenScope[]): Actor | null {
  if (row.deactivatedAt) return null
  return {
    userId: row.userId,
    name: row.name,
    email: row.email,
    locale: row.locale as Locale,
    grants: row.grants.map((g) => ({ ...g, role: g.role as Role })),
    sharedPaths: row.sharedPaths,
    via,
    scopes,
  }
}

/** The actor of an active user (null when deactivated or unknown), in one statement. */
export async function loadActor(db: Db, userId: string, via: Actor['via'], scopes: TokenScope[]): Promise<Actor | null> {
  const [row] = await db.select(actorColumns()).from(users).where(eq(users.id, userId))
  return row ? toActor(row, via, scopes) : null
}

/**
 * A database session by its token, with its user's actor, in one statement (the request fast path
 * of `authenticate`); undefined when no such session exists. `actor` is null for a deactivated user.
 */
export async function loadSessionActor(db: Db, token: string): Promise<{ expiresAt: Date; actor: Actor | null } | undefined> {
  // A named prepared statement (node-postgres prepares it once per pooled connection; PGlite
  // ignores the name): planning this statement's subqueries cost several times its execution, on
  // every request. Its text never varies and its one parameter is an equality on a unique key, so
  // the cached plan is the plan. Nothing is cached but the plan: every request reads the session.
  const [row] = await db
    .select({ expiresAt: sessions.expiresAt, ...actorColumns() })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.token, sql.placeholder('token')))
    .prepare('ponte_session_actor')
    .execute({ token })
  return row ? { expiresAt: row.expiresAt, actor: toActor(row, 'session', ['read', 'write']) } : undefined
}

/** Users with a membership under the actor's data scope (network admins: everyone). */
export async function listUsers(ctx: RequestContext, query: UserListQuery) {
  const actor = requireActorOf(ctx)
  const admin = isNetworkAdmin(actor)
  const prefixes = dataPathPrefixes(actor)
  if (!admin && prefixes.length === 0) throw new AppError('FORBIDDEN', 'errors.forbidden')
  const membershipFilter: SQL[] = [eq(memberships.userId, users.id)]
  if (!admin) membershipFilter.push(pathUnder(units.path, prefixes))
  if (query.unitId) {
    const unit = await getVisibleUnitRow(ctx.db, actor, query.unitId)
    membershipFilter.push(eq(memberships.unitId, unit.id))
  }
  if (query.role) membershipFilter.push(eq(memberships.role, query.role))
  const conditions: SQL[] = []
  if (!admin || query.unitId || query.role) {
    conditions.push(
      exists(
        ctx.db
          .select({ one: sql`1` })
          .from(memberships)
          .innerJoin(units, eq(units.id, memberships.unitId))
          .where(and(...membershipFilter)),
      ),
    )
  }
  if (query.q) {
    const pattern = likePattern(query.q)
    conditions.push(or(ilike(users.name, pattern), ilike(users.email, pattern)) as SQL)
  }
  if (query.status === 'active') conditions.push(isNull(users.deactivatedAt))
  if (query.status === 'inactive') conditions.push(isNotNull(users.deactivatedAt))
  const cursor = decodeCursor(query.cursor)
  if (cursor) {
    conditions.push(or(gt(users.name, cursor.k), and(eq(users.name, cursor.k), gt(users.id, cursor.id))) as SQL)
  }
  const rows = await ctx.db
    .select()
    .from(users)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(asc(users.name), asc(users.id))
    .limit(query.limit + 1)
  const page = rows.slice(0, query.limit)
  const byUser = await membershipsOf(ctx.db, page.map((u) => u.id))
  const last = page.at(-1)
  return {
    items: page.map((u) => toUser(u, byUser.get(u.id) ?? [], actor)),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ k: last.name, id: last.id }) : null,
  }
}

/** A user the actor may read: self, network admin, or staff over one of the user's units. */
async function getReadableUser(db: Db, actor: Actor, id: string) {
  const [row] = await db.select().from(users).where(eq(users.id, id))
  if (!row) throw new AppError('NOT_FOUND', 'errors.notFound')
  const list = (await membershipsOf(db, [id])).get(id) ?? []
  const readable =
    actor.userId === id || isNetworkAdmin(actor) || list.some((m) => canReadUnitData(actor, m.unitPath))
  if (!readable) throw new AppError('NOT_FOUND', 'errors.notFound')
  return { row, list }
}

/** Managing a person takes managing every unit they belong to (or being network admin). */
function assertManagesUser(actor: Actor, list: MembershipWithUnit[]) {
  if (isNetworkAdmin(actor)) return
  if (list.length === 0 || !list.every((m) => canManageUnit(actor, m.unitPath))) {
    throw new AppError('FORBIDDEN', 'errors.forbidden')
  }
}

export async function getUser(ctx: RequestContext, id: string): Promise<User> {
  const actor = requireActorOf(ctx)
  const { row, list } = await getReadableUser(ctx.db, actor, id)
  return toUser(row, list, actor)
}

export async function updateUser(ctx: RequestContext, id: string, input: { name: string }): Promise<User> {
  const actor = requireActorOf(ctx)
  return ctx.db.transaction(async (tx) => {
    const { row: before, list } = await getReadableUser(tx, actor, id)
    if (actor.userId !== id) assertManagesUser(actor, list)
    const [after] = await tx.update(users).set({ name: input.name, updatedAt: ctx.now() }).where(eq(users.id, id)).returning()
    if (!after) throw new Error('user update returned no row')
    await ctx.deps.audit.record(tx, ctx, { action: 'update', entityType: 'user', entityId: id, unitId: list[0]?.unitId ?? null, before, after })
    return toUser(after, list, actor)
  })
}

export async function setUserActive(ctx: RequestContext, id: string, active: boolean): Promise<User> {
  const actor = requireActorOf(ctx)
  return ctx.db.transaction(async (tx) => {
    const { row: before, list } = await getReadableUser(tx, actor, id)
    if (actor.userId === id) throw new AppError('CONFLICT', 'errors.selfDeactivate')
    assertManagesUser(actor, list)
    if (active && before.deactivatedAt === null) throw new AppError('CONFLICT', 'errors.userAlreadyActive')
    if (!active && before.deactivatedAt !== null) throw new AppError('CONFLICT', 'errors.userAlreadyInactive')
    if (!active && list.some((m) => m.role === 'network_admin')) await assertAnotherAdmin(tx, id)
    const [after] = await tx
      .update(users)
      .set({ deactivatedAt: active ? null : ctx.now(), updatedAt: ctx.now() })
      .where(eq(users.id, id))
      .returning()
    if (!after) throw new Error('user update returned no row')
    // Sign the person out everywhere at once; API tokens stop working because the user is inactive.
    if (!active) await tx.delete(sessions).where(eq(sessions.userId, id))
    await ctx.deps.audit.record(tx, ctx, {
      action: active ? 'reactivate' : 'deactivate',
      entityType: 'user',
      entityId: id,
      unitId: list[0]?.unitId ?? null,
      before,
      after,
    })
    return toUser(after, list, actor)
  })
}

/** Refuses a change that would leave the network without an active administrator at its root. */
async function assertAnotherAdmin(db: Db, leavingUserId: string, leavingMembershipId?: string) {
  const [{ n } = { n: 0 }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(memberships)
    .innerJoin(units, eq(units.id, memberships.unitId))
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.role, 'network_admin'),
        isNull(units.parentId),
        isNull(users.deactivatedAt),
        leavingMembershipId ? sql`${memberships.id} <> ${leavingMembershipId}` : sql`${memberships.userId} <> ${leavingUserId}`,
      ),
    )
  if (n === 0) throw new AppError('CONFLICT', 'errors.lastAdmin')
}

export async function addMembership(ctx: RequestContext, userId: string, input: MembershipInput): Promise<Membership> {
  const actor = requireActorOf(ctx)
  return ctx.db.transaction(async (tx) => {
    await getReadableUser(tx, actor, userId)
    const unit = await getVisibleUnitRow(tx, actor, input.unitId)
    if (!canAssignRole(actor, unit.path, input.role)) throw new AppError('FORBIDDEN', 'errors.forbidden')
    if (unit.archivedAt) throw new AppError('CONFLICT', 'errors.unitArchived')
    const [row] = await tx
      .insert(memberships)
      .values({ userId, unitId: unit.id, role: input.role })
      .onConflictDoNothing()
      .returning()
    if (!row) throw new AppError('CONFLICT', 'errors.membershipExists', {}, [{ path: 'role', message: 'errors.membershipExists' }])
    await ctx.deps.audit.record(tx, ctx, { action: 'create', entityType: 'membership', entityId: row.id, unitId: unit.id, after: row })
    return toMembership({ ...row, unitName: unit.name, unitCode: unit.code, unitPath: unit.path })
  })
}

export async function removeMembership(ctx: RequestContext, userId: string, membershipId: string): Promise<void> {
  const actor = requireActorOf(ctx)
  await ctx.db.transaction(async (tx) => {
    const { list } = await getReadableUser(tx, actor, userId)
    const membership = list.find((m) => m.id === membershipId)
    if (!membership || !canSeeUnit(actor, membership.unitPath)) throw new AppError('NOT_FOUND', 'errors.notFound')
    if (!canAssignRole(actor, membership.unitPath, membership.role as Role)) throw new AppError('FORBIDDEN', 'errors.forbidden')
    if (membership.role === 'network_admin') await assertAnotherAdmin(tx, userId, membershipId)
    const [before] = await tx.delete(memberships).where(eq(memberships.id, membershipId)).returning()
    await ctx.deps.audit.record(tx, ctx, { action: 'delete', entityType: 'membership', entityId: membershipId, unitId: membership.unitId, before })
  })
}

/**
 * Display names by user id, for modules that show who did something (authors, experts, signers).
 * Names only: whoever may read the record that names a user may read that user's name.
 */
export async function findUserNames(db: Db, ids: readonly (string | null | undefined)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))]
  if (wanted.length === 0) return new Map()
  const rows = await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, wanted))
  return new Map(rows.map((r) => [r.id, r.name]))
}

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.email, email.toLowerCase()))
  return row
}

export async function getUserView(db: Db, id: string, viewer: Actor | null): Promise<User> {
  const [row] = await db.select().from(users).where(eq(users.id, id))
  if (!row) throw new AppError('NOT_FOUND', 'errors.notFound')
  return toUser(row, (await membershipsOf(db, [id])).get(id) ?? [], viewer)
}
