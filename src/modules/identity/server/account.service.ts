/** Signing in and out, the own profile, passwords, and personal API tokens. */
import { createHash, createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto'
import { and, count, desc, eq, gt, isNull, like } from 'drizzle-orm'
import { APIError } from 'better-auth/api'
import { parse as parseCookies } from 'hono/utils/cookie'
import { AppError } from '../../../shared/app-error'
import type { Db } from '../../../server/db/client'
import type { RequestContext } from '../../../server/http/context'
import type { ApiToken, ApiTokenCreateInput, Me, MeUpdateInput, PasswordChangeInput, Role, TokenScope } from '../identity.contract'
import type { Actor } from './actor'
import { hashPassword } from './auth'
import { isNetworkAdmin, managedPathPrefixes } from './identity.policy'
import { accounts, apiTokens, memberships, signInFailures, units, users, verifications, type ApiTokenRow } from './identity.table'
import { pathUnder } from './scope'
import { findUserByEmail, getUserView, loadActor, loadSessionActor } from './users.service'
import { requireActorOf } from './units.service'

/** Sign-in throttling (issue 2): per account and per IP, counted in the database across instances. */
export const SIGN_IN_LIMITS = { windowMinutes: 15, perAccount: 5, perIp: 30 }

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}

export async function toMe(db: Db, actor: Actor): Promise<Me> {
  const user = await getUserView(db, actor.userId, actor)
  const managed = managedPathPrefixes(actor)
  const managedUnits = managed.length
    ? await db.select({ id: units.id }).from(units).where(pathUnder(units.path, managed))
    : []
  return { ...user, isNetworkAdmin: isNetworkAdmin(actor), managedUnitIds: managedUnits.map((u) => u.id) }
}

async function assertNotThrottled(db: Db, email: string, ip: string, now: Date) {
  const since = new Date(now.getTime() - SIGN_IN_LIMITS.windowMinutes * 60_000)
  const [byAccount] = await db
    .select({ n: count() })
    .from(signInFailures)
    .where(and(eq(signInFailures.email, email), gt(signInFailures.occurredAt, since)))
  const [byIp] = await db
    .select({ n: count() })
    .from(signInFailures)
    .where(and(eq(signInFailures.ip, ip), gt(signInFailures.occurredAt, since)))
  if ((byAccount?.n ?? 0) >= SIGN_IN_LIMITS.perAccount || (byIp?.n ?? 0) >= SIGN_IN_LIMITS.perIp) {
    throw new AppError('RATE_LIMITED', 'errors.tooManySignIns', { minutes: SIGN_IN_LIMITS.windowMinutes })
  }
}

export interface SignInResult {
  me: Me
  setCookies: string[]
}

export async function signIn(
  ctx: RequestContext,
  input: { email: string; password: string },
  ip: string,
  headers: Headers,
): Promise<SignInResult> {
  const now = ctx.now()
  await assertNotThrottled(ctx.db, input.email, ip, now)
  const user = await findUserByEmail(ctx.db, input.email)
  let result
  try {
    result = await ctx.deps.auth.api.signInEmail({
      body: { email: input.email, password: input.password, rememberMe: true },
      headers,
      returnHeaders: true,
    })
  } catch (error) {
    if (error instanceof APIError && error.statusCode < 500) {
      await ctx.db.insert(signInFailures).values({ email: input.email, ip, occurredAt: now })
      throw new AppError('UNAUTHENTICATED', 'errors.invalidCredentials')
    }
    throw error
  }
  if (!user) throw new Error('better-auth signed in an unknown user')
  if (user.deactivatedAt) {
    // Right password, but the account is off: undo the session better-auth just created.
    await ctx.deps.auth.api.revokeSessions({ headers: cookieHeaders(result.headers) }).catch(() => undefined)
    throw new AppError('FORBIDDEN', 'errors.accountDeactivated')
  }
  await ctx.db.update(users).set({ lastLoginAt: now }).where(eq(users.id, user.id))
  await ctx.db.delete(signInFailures).where(eq(signInFailures.email, input.email))
  const actor = await loadActor(ctx.db, user.id, 'session', ['read', 'write'])
  if (!actor) throw new Error('active user without actor')
  await ctx.deps.audit.record(ctx.db, { ...ctx, actor }, { action: 'sign_in', entityType: 'user', entityId: user.id })
  return { me: await toMe(ctx.db, actor), setCookies: result.headers.getSetCookie() }
}

/** Turns Set-Cookie response headers into a Cookie request header (to act on a fresh session). */
function cookieHeaders(responseHeaders: Headers): Headers {
  const cookie = responseHeaders
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ')
  return new Headers({ cookie })
}

export async function signOut(ctx: RequestContext, headers: Headers): Promise<string[]> {
  const result = await ctx.deps.auth.api.signOut({ headers, returnHeaders: true })
  if (ctx.actor) await ctx.deps.audit.record(ctx.db, ctx, { action: 'sign_out', entityType: 'user', entityId: ctx.actor.userId })
  return result.headers.getSetCookie()
}

/** The actor of a request: an API token (Authorization: Bearer) or the session cookie. */
export async function authenticate(
  db: Db,
  auth: RequestContext['deps']['auth'],
  headers: Headers,
  now: Date,
): Promise<{ actor: Actor | null; setCookies: string[] }> {
  const authorization = headers.get('authorization')
  if (authorization?.startsWith('Bearer ')) {
    return { actor: await authenticateToken(db, authorization.slice('Bearer '.length).trim(), now), setCookies: [] }
  }
  if (!headers.get('cookie')?.includes('ponte.session_token')) return { actor: null, setCookies: [] }
  const fast = await authenticateSessionFast(db, auth, headers)
  if (fast !== undefined) return { actor: fast, setCookies: [] }
  const result = await auth.api.getSession({ headers, returnHeaders: true })
  const session = result.response
  if (!session) return { actor: null, setCookies: result.headers.getSetCookie() }
  return {
    actor: await loadActor(db, session.user.id, 'session', ['read', 'write']),
    setCookies: result.headers.getSetCookie(),
  }
}

/**
 * The common case of a session request in one statement (session + user + grants + shares),
 * instead of better-auth's session and user lookups followed by the actor's three (ADR 0016).
 * Only a request better-auth would answer without touching cookies or the database takes this
 * path: a correctly signed session cookie, no "don't remember me" or cookie-cache cookie, a session
 * row that is neither expired nor due for its daily refresh. Everything else (bad signature,
 * unknown or expired session, refresh) returns undefined and goes through `auth.api.getSession`, so
 * behaviour stays exactly better-auth's. Nothing is cached: a revoked session or a deactivated user
 * is refused on the next request, on every instance.
 */
async function authenticateSessionFast(db: Db, auth: RequestContext['deps']['auth'], headers: Headers): Promise<Actor | null | undefined> {
  const context = await auth.$context
  const cookies = parseCookies(headers.get('cookie') ?? '')
  if (cookies[context.authCookies.dontRememberToken.name] !== undefined || cookies[context.authCookies.sessionData.name] !== undefined) return undefined
  const token = verifySignedCookie(cookies[context.authCookies.sessionToken.name], context.secret)
  if (!token) return undefined
  const found = await loadSessionActor(db, token)
  if (!found) return undefined
  // better-auth's own tests (api/routes/session.ts), on the real clock as better-auth uses it.
  const now = Date.now()
  const expiresAt = found.expiresAt.getTime()
  const { expiresIn, updateAge } = context.sessionConfig
  if (expiresAt < now || expiresAt - expiresIn * 1000 + updateAge * 1000 <= now) return undefined
  return found.actor
}

/** `<value>.<base64 HMAC-SHA256>` as better-call signs cookies; the value, or null when not exactly that. */
function verifySignedCookie(cookie: string | undefined, secret: string): string | null {
  if (!cookie) return null
  const dot = cookie.lastIndexOf('.')
  if (dot < 1) return null
  const value = cookie.slice(0, dot)
  const signature = Buffer.from(cookie.slice(dot + 1))
  const expected = Buffer.from(createHmac('sha256', secret).update(value).digest('base64'))
  return signature.length === expected.length && timingSafeEqual(signature, expected) ? value : null
}

async function authenticateToken(db: Db, token: string, now: Date): Promise<Actor> {
  const [row] = await db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, sha256(token)), isNull(apiTokens.revokedAt)))
  if (!row || (row.expiresAt && row.expiresAt <= now)) throw new AppError('UNAUTHENTICATED', 'errors.invalidToken')
  const actor = await loadActor(db, row.userId, 'token', row.scopes as TokenScope[])
  if (!actor) throw new AppError('UNAUTHENTICATED', 'errors.invalidToken')
  // Touch at most once a minute: a token used in a loop must not write on every call.
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) {
    await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.id))
  }
  return actor
}

export async function getMe(ctx: RequestContext): Promise<Me> {
  return toMe(ctx.db, requireActorOf(ctx))
}

export async function updateMe(ctx: RequestContext, input: MeUpdateInput): Promise<Me> {
  const actor = requireActorOf(ctx)
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(users).where(eq(users.id, actor.userId))
    const [after] = await tx
      .update(users)
      .set({ ...input, updatedAt: ctx.now() })
      .where(eq(users.id, actor.userId))
      .returning()
    await ctx.deps.audit.record(tx, ctx, { action: 'update', entityType: 'user', entityId: actor.userId, before, after })
  })
  const refreshed = await loadActor(ctx.db, actor.userId, actor.via, actor.scopes)
  if (!refreshed) throw new Error('actor vanished during update')
  return toMe(ctx.db, refreshed)
}

export async function changePassword(ctx: RequestContext, input: PasswordChangeInput, headers: Headers): Promise<string[]> {
  const actor = requireActorOf(ctx)
  if (actor.via !== 'session') throw new AppError('FORBIDDEN', 'errors.forbidden')
  try {
    const result = await ctx.deps.auth.api.changePassword({
      body: { currentPassword: input.currentPassword, newPassword: input.newPassword, revokeOtherSessions: true },
      headers,
      returnHeaders: true,
    })
    await ctx.deps.audit.record(ctx.db, ctx, { action: 'password_change', entityType: 'user', entityId: actor.userId })
    return result.headers.getSetCookie()
  } catch (error) {
    if (error instanceof APIError && error.statusCode < 500) {
      throw new AppError('VALIDATION', 'errors.currentPasswordWrong', {}, [{ path: 'currentPassword', message: 'errors.currentPasswordWrong' }])
    }
    throw error
  }
}

/** At most this many reset mails per account per hour: a form left open cannot flood a mailbox. */
export const RESETS_PER_HOUR = 3

/** Always answers the same way, whether the address exists or not (no account enumeration). */
export async function requestPasswordReset(ctx: RequestContext, email: string): Promise<void> {
  const user = await findUserByEmail(ctx.db, email)
  if (!user || user.deactivatedAt) return
  const [recent] = await ctx.db
    .select({ n: count() })
    .from(verifications)
    .where(
      and(
        eq(verifications.value, user.id),
        like(verifications.identifier, 'reset-password:%'),
        gt(verifications.createdAt, new Date(ctx.now().getTime() - 3_600_000)),
      ),
    )
  if ((recent?.n ?? 0) >= RESETS_PER_HOUR) {
    ctx.deps.logger.warn({ userId: user.id }, 'password reset throttled')
    return
  }
  await ctx.deps.auth.api.requestPasswordReset({ body: { email, redirectTo: '/reset-password' } })
}

export async function confirmPasswordReset(ctx: RequestContext, token: string, newPassword: string): Promise<void> {
  // better-auth keeps the pending reset as verification `reset-password:<token>` → user id.
  const [pending] = await ctx.db
    .select({ userId: verifications.value })
    .from(verifications)
    .where(eq(verifications.identifier, `reset-password:${token}`))
  try {
    await ctx.deps.auth.api.resetPassword({ body: { token, newPassword } })
  } catch (error) {
    if (error instanceof APIError && error.statusCode < 500) throw new AppError('GONE', 'errors.resetTokenGone')
    throw error
  }
  if (!pending) throw new Error('password reset succeeded without a pending verification')
  await ctx.deps.audit.record(ctx.db, ctx, { action: 'password_reset', entityType: 'user', entityId: pending.userId })
}

function toApiToken(row: ApiTokenRow): ApiToken {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes as TokenScope[],
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  }
}

export async function listTokens(ctx: RequestContext): Promise<ApiToken[]> {
  const actor = requireActorOf(ctx)
  const rows = await ctx.db.select().from(apiTokens).where(eq(apiTokens.userId, actor.userId)).orderBy(desc(apiTokens.createdAt))
  return rows.map(toApiToken)
}

/** Creates a token; the secret is returned once and stored only as its sha256. */
export async function createToken(ctx: RequestContext, input: ApiTokenCreateInput) {
  const actor = requireActorOf(ctx)
  if (actor.via !== 'session') throw new AppError('FORBIDDEN', 'errors.forbidden')
  const token = `ponte_${randomBytes(24).toString('base64url')}`
  const expiresAt = input.expiresInDays ? new Date(ctx.now().getTime() + input.expiresInDays * 86_400_000) : null
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiTokens)
      .values({ userId: actor.userId, name: input.name, prefix: token.slice(0, 12), tokenHash: sha256(token), scopes: [...new Set(input.scopes)], expiresAt })
      .returning()
    if (!row) throw new Error('token insert returned no row')
    await ctx.deps.audit.record(tx, ctx, { action: 'create', entityType: 'api_token', entityId: row.id, after: row })
    return { ...toApiToken(row), token }
  })
}

export async function revokeToken(ctx: RequestContext, id: string): Promise<void> {
  const actor = requireActorOf(ctx)
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(apiTokens).where(and(eq(apiTokens.id, id), eq(apiTokens.userId, actor.userId)))
    if (!before) throw new AppError('NOT_FOUND', 'errors.notFound')
    if (before.revokedAt) return
    const [after] = await tx.update(apiTokens).set({ revokedAt: ctx.now() }).where(eq(apiTokens.id, id)).returning()
    await ctx.deps.audit.record(tx, ctx, { action: 'revoke', entityType: 'api_token', entityId: id, before, after })
  })
}

/**
 * Creates an active user with a password and optional memberships, in one transaction (CLI, seed,
 * invitation acceptance). `passwordHash` lets the seed hash the shared demo password once.
 */
export async function insertUserWithPassword(
  db: Db,
  input: { email: string; name: string; locale?: 'it' | 'en'; password?: string; passwordHash?: string },
  grants: { unitId: string; role: Role }[] = [],
): Promise<string> {
  const id = randomUUID()
  const passwordHash = input.passwordHash ?? (input.password ? await hashPassword(input.password) : null)
  if (!passwordHash) throw new Error('insertUserWithPassword needs a password or a hash')
  await db.insert(users).values({ id, email: input.email.toLowerCase(), name: input.name, emailVerified: true, locale: input.locale ?? 'it' })
  await db.insert(accounts).values({ id: randomUUID(), accountId: id, providerId: 'credential', userId: id, password: passwordHash })
  if (grants.length) await db.insert(memberships).values(grants.map((g) => ({ userId: id, unitId: g.unitId, role: g.role })))
  return id
}
