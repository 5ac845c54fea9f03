/** Invitations: single-use, expiring email links that grant a role in a unit. */
import { randomBytes } from 'node:crypto'
import { and, desc, eq, gt, ilike, isNotNull, isNull, lt, lte, or, type SQL } from 'drizzle-orm'
import { AppError } from '../../../shared/app-error'
import type { Db } from '../../../server/db/client'
import type { RequestContext } from '../../../server/http/context'
import { cursorTime, decodeCursor, encodeCursor, likePattern } from '../../../server/http/cursor'
import type { Invitation, InvitationAcceptInput, InvitationCreateInput, InvitationListQuery, InvitationPreview, Locale, Role } from '../identity.contract'
import type { Actor } from './actor'
import { canAssignRole, isNetworkAdmin, managedPathPrefixes } from './identity.policy'
import { invitations, memberships, units, users, type InvitationRow } from './identity.table'
import { insertUserWithPassword, sha256, signIn, type SignInResult } from './account.service'
import { invitationMail } from './identity.mails'
import { pathUnder } from './scope'
import { findUnit, getVisibleUnitRow, requireActorOf } from './units.service'
import { findUserByEmail, loadActor } from './users.service'

export const INVITATION_DAYS = 7

function statusOf(row: InvitationRow, now: Date): Invitation['status'] {
  if (row.acceptedAt) return 'accepted'
  if (row.revokedAt) return 'revoked'
  if (row.expiresAt <= now) return 'expired'
  return 'pending'
}

type Joined = { invitation: InvitationRow; unitName: string; invitedByName: string | null }

function toInvitation(j: Joined, now: Date): Invitation {
  const r = j.invitation
  return {
    id: r.id,
    email: r.email,
    unitId: r.unitId,
    unitName: j.unitName,
    role: r.role as Role,
    status: statusOf(r, now),
    invitedByName: j.invitedByName,
    expiresAt: r.expiresAt.toISOString(),
    createdAt: r.createdAt.toISOString(),
  }
}

function selectJoined(db: Db) {
  return db
    .select({ invitation: invitations, unitName: units.name, invitedByName: users.name })
    .from(invitations)
    .innerJoin(units, eq(units.id, invitations.unitId))
    .leftJoin(users, eq(users.id, invitations.invitedBy))
}

async function sendInvitation(ctx: RequestContext, db: Db, row: InvitationRow, token: string, unitName: string) {
  const [root] = await db.select({ name: units.name }).from(units).where(isNull(units.parentId))
  const mail = invitationMail({
    locale: row.locale as Locale,
    url: `${ctx.deps.publicUrl}/invitation?token=${token}`,
    unitName,
    networkName: root?.name ?? 'Ponte',
    role: row.role as Role,
    inviterName: ctx.actor?.name ?? null,
    expiresAt: row.expiresAt,
  })
  await ctx.deps.mailer.send(db, { to: row.email, ...mail })
}

export async function createInvitation(ctx: RequestContext, input: InvitationCreateInput): Promise<Invitation> {
  const actor = requireActorOf(ctx)
  const token = randomBytes(32).toString('base64url')
  const result = await ctx.db.transaction(async (tx) => {
    const unit = await getVisibleUnitRow(tx, actor, input.unitId)
    if (!canAssignRole(actor, unit.path, input.role)) throw new AppError('FORBIDDEN', 'errors.forbidden')
    if (unit.archivedAt) throw new AppError('CONFLICT', 'errors.unitArchived')
    const [pending] = await tx
      .select({ id: invitations.id })
      .from(invitations)
      .where(and(eq(invitations.email, input.email), eq(invitations.unitId, unit.id), isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, ctx.now())))
    if (pending) throw new AppError('CONFLICT', 'errors.invitationPending', { email: input.email }, [{ path: 'email', message: 'errors.invitationPending' }])
    const existing = await findUserByEmail(tx, input.email)
    const [row] = await tx
      .insert(invitations)
      .values({
        email: input.email,
        unitId: unit.id,
        role: input.role,
        locale: input.locale ?? existing?.locale ?? ctx.locale,
        tokenHash: sha256(token),
        expiresAt: new Date(ctx.now().getTime() + INVITATION_DAYS * 86_400_000),
        invitedBy: actor.userId,
      })
      .returning()
    if (!row) throw new Error('invitation insert returned no row')
    await ctx.deps.audit.record(tx, ctx, { action: 'invite', entityType: 'invitation', entityId: row.id, unitId: unit.id, after: row })
    return { row, unitName: unit.name }
  })
  // Mail after commit: a rolled-back invitation never reaches anyone.
  await sendInvitation(ctx, ctx.db, result.row, token, result.unitName)
  return toInvitation({ invitation: result.row, unitName: result.unitName, invitedByName: actor.name }, ctx.now())
}

export async function listInvitations(ctx: RequestContext, query: InvitationListQuery) {
  const actor = requireActorOf(ctx)
  const conditions: SQL[] = []
  if (!isNetworkAdmin(actor)) {
    // Staff see the invitations they sent; managers see those of their subtrees.
    conditions.push(or(eq(invitations.invitedBy, actor.userId), pathUnder(units.path, managedPathPrefixes(actor))) as SQL)
  }
  const now = ctx.now()
  if (query.q) conditions.push(ilike(invitations.email, likePattern(query.q)))
  switch (query.status) {
    case 'accepted':
      conditions.push(isNotNull(invitations.acceptedAt))
      break
    case 'revoked':
      conditions.push(and(isNull(invitations.acceptedAt), isNotNull(invitations.revokedAt)) as SQL)
      break
    case 'expired':
      conditions.push(and(isNull(invitations.acceptedAt), isNull(invitations.revokedAt), lte(invitations.expiresAt, now)) as SQL)
      break
    case 'pending':
      conditions.push(and(isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, now)) as SQL)
      break
    case undefined:
      break
  }
  const cursor = decodeCursor(query.cursor)
  if (cursor) {
    const t = cursorTime(cursor)
    conditions.push(or(lt(invitations.createdAt, t), and(eq(invitations.createdAt, t), lt(invitations.id, cursor.id))) as SQL)
  }
  const rows = await selectJoined(ctx.db)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(invitations.createdAt), desc(invitations.id))
    .limit(query.limit + 1)
  const page = rows.slice(0, query.limit)
  const last = page.at(-1)?.invitation
  return {
    items: page.map((j) => toInvitation(j, now)),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ k: last.createdAt.toISOString(), id: last.id }) : null,
  }
}

async function getManagedInvitation(db: Db, actor: Actor, id: string): Promise<Joined> {
  const [joined] = await selectJoined(db).where(eq(invitations.id, id))
  if (!joined) throw new AppError('NOT_FOUND', 'errors.notFound')
  const unit = await findUnit(db, joined.invitation.unitId)
  const mine = joined.invitation.invitedBy === actor.userId
  if (!unit || (!mine && !canAssignRole(actor, unit.path, joined.invitation.role as Role))) {
    throw new AppError('NOT_FOUND', 'errors.notFound')
  }
  return joined
}

export async function revokeInvitation(ctx: RequestContext, id: string): Promise<Invitation> {
  const actor = requireActorOf(ctx)
  return ctx.db.transaction(async (tx) => {
    const joined = await getManagedInvitation(tx, actor, id)
    if (statusOf(joined.invitation, ctx.now()) !== 'pending') throw new AppError('CONFLICT', 'errors.invitationNotPending')
    const [after] = await tx.update(invitations).set({ revokedAt: ctx.now() }).where(eq(invitations.id, id)).returning()
    if (!after) throw new Error('invitation update returned no row')
    await ctx.deps.audit.record(tx, ctx, { action: 'revoke', entityType: 'invitation', entityId: id, unitId: after.unitId, before: joined.invitation, after })
    return toInvitation({ ...joined, invitation: after }, ctx.now())
  })
}

/** Re-sends a pending (or expired) invitation with a fresh token and expiry; the old link dies. */
export async function resendInvitation(ctx: RequestContext, id: string): Promise<Invitation> {
  const actor = requireActorOf(ctx)
  const token = randomBytes(32).toString('base64url')
  const result = await ctx.db.transaction(async (tx) => {
    const joined = await getManagedInvitation(tx, actor, id)
    const status = statusOf(joined.invitation, ctx.now())
    if (status !== 'pending' && status !== 'expired') throw new AppError('CONFLICT', 'errors.invitationNotPending')
    const [after] = await tx
      .update(invitations)
      .set({ tokenHash: sha256(token), expiresAt: new Date(ctx.now().getTime() + INVITATION_DAYS * 86_400_000) })
      .where(eq(invitations.id, id))
      .returning()
    if (!after) throw new Error('invitation update returned no row')
    await ctx.deps.audit.record(tx, ctx, { action: 'invite', entityType: 'invitation', entityId: id, unitId: after.unitId, before: joined.invitation, after })
    return { ...joined, invitation: after }
  })
  await sendInvitation(ctx, ctx.db, result.invitation, token, result.unitName)
  return toInvitation(result, ctx.now())
}

async function findPendingByToken(db: Db, token: string, now: Date): Promise<Joined> {
  const [joined] = await selectJoined(db).where(eq(invitations.tokenHash, sha256(token)))
  if (!joined || statusOf(joined.invitation, now) !== 'pending') throw new AppError('GONE', 'errors.invitationGone')
  return joined
}

export async function previewInvitation(ctx: RequestContext, token: string): Promise<InvitationPreview> {
  const joined = await findPendingByToken(ctx.db, token, ctx.now())
  const [root] = await ctx.db.select({ name: units.name }).from(units).where(isNull(units.parentId))
  const existing = await findUserByEmail(ctx.db, joined.invitation.email)
  return {
    email: joined.invitation.email,
    unitName: joined.unitName,
    role: joined.invitation.role as Role,
    networkName: root?.name ?? 'Ponte',
    hasAccount: Boolean(existing),
    expiresAt: joined.invitation.expiresAt.toISOString(),
  }
}

/**
 * Accepts an invitation. A new person creates the account (name + password) and is signed in; an
 * existing user must be signed in as the invited address. The token works once.
 */
export async function acceptInvitation(
  ctx: RequestContext,
  token: string,
  input: InvitationAcceptInput,
  ip: string,
  headers: Headers,
): Promise<SignInResult | { me: null; setCookies: [] }> {
  const now = ctx.now()
  const outcome = await ctx.db.transaction(async (tx) => {
    const joined = await findPendingByToken(tx, token, now)
    const inv = joined.invitation
    // Claim the token first: a concurrent second accept finds it used.
    const [claimed] = await tx
      .update(invitations)
      .set({ acceptedAt: now })
      .where(and(eq(invitations.id, inv.id), isNull(invitations.acceptedAt)))
      .returning()
    if (!claimed) throw new AppError('GONE', 'errors.invitationGone')
    let userId: string
    let created = false
    const existing = await findUserByEmail(tx, inv.email)
    if (existing) {
      if (!ctx.actor || ctx.actor.userId !== existing.id) {
        throw new AppError('FORBIDDEN', 'errors.invitationOtherUser', { email: inv.email })
      }
      userId = existing.id
      await tx.insert(memberships).values({ userId, unitId: inv.unitId, role: inv.role }).onConflictDoNothing()
    } else {
      if (!input.name || !input.password) {
        throw new AppError('VALIDATION', 'errors.invitationNeedsPassword', {}, [
          ...(input.name ? [] : [{ path: 'name', message: 'errors.required' }]),
          ...(input.password ? [] : [{ path: 'password', message: 'errors.required' }]),
        ])
      }
      userId = await insertUserWithPassword(
        tx,
        { email: inv.email, name: input.name, locale: inv.locale as Locale, password: input.password },
        [{ unitId: inv.unitId, role: inv.role as Role }],
      )
      created = true
    }
    await tx.update(invitations).set({ acceptedUserId: userId }).where(eq(invitations.id, inv.id))
    const actor = (await loadActor(tx, userId, 'session', ['read', 'write'])) ?? ctx.actor
    await ctx.deps.audit.record(tx, { ...ctx, actor }, { action: 'accept', entityType: 'invitation', entityId: inv.id, unitId: inv.unitId, before: inv, after: { ...claimed, acceptedUserId: userId } })
    return { email: inv.email, created }
  })
  if (outcome.created && input.password) {
    return signIn(ctx, { email: outcome.email, password: input.password }, ip, headers)
  }
  return { me: null, setCookies: [] }
}
