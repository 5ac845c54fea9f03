/** HTTP only: validate → call the service → respond. */
import type { Context } from 'hono'
import { clientIp } from '../../../server/http/client-ip'
import { createRouter, defineRoute, jsonBody, jsonResponse, z } from '../../../server/http/openapi'
import type { AppEnv } from '../../../server/http/context'
import { ctxOf } from '../../../server/http/middleware'
import {
  ApiToken,
  ApiTokenCreated,
  ApiTokenCreateInput,
  Invitation,
  InvitationAcceptInput,
  InvitationCreateInput,
  InvitationListQuery,
  InvitationPreview,
  Me,
  MeUpdateInput,
  Membership,
  MembershipInput,
  pageOf,
  PasswordChangeInput,
  PasswordResetConfirmInput,
  PasswordResetRequestInput,
  SignInInput,
  Unit,
  UnitCreateInput,
  UnitShare,
  UnitShareInput,
  UnitUpdateInput,
  User,
  UserListQuery,
  UserUpdateInput,
} from '../identity.contract'
import * as account from './account.service'
import * as inv from './invitations.service'
import * as unitsService from './units.service'
import * as usersService from './users.service'

const IdParam = z.object({ id: z.string().uuid() })
const UserIdParam = z.object({ id: z.string().min(1).max(64) })
const TokenParam = z.object({ token: z.string().min(10).max(200) })
const noContent = { 204: { description: 'Done' } }

function withCookies(c: Context<AppEnv>, cookies: string[]) {
  for (const cookie of cookies) c.header('set-cookie', cookie, { append: true })
}

const authTags = ['Auth']
const meTags = ['Me']
const unitTags = ['Units']
const userTags = ['Users']
const invTags = ['Invitations']

export const identityRoutes = createRouter()
  // ── Auth ──────────────────────────────────────────────────────────────
  .openapi(
    defineRoute({
      method: 'post', path: '/auth/sign-in', tags: authTags, public: true,
      summary: 'Sign in with email and password (sets the session cookie)',
      request: { body: jsonBody(SignInInput) },
      responses: { 200: jsonResponse(Me, 'Signed in') },
    }),
    async (c) => {
      const result = await account.signIn(ctxOf(c), c.req.valid('json'), clientIp(c), c.req.raw.headers)
      withCookies(c, result.setCookies)
      return c.json(result.me, 200)
    },
  )
  .openapi(
    defineRoute({
      method: 'post', path: '/auth/sign-out', tags: authTags,
      summary: 'Sign out (ends this session)',
      responses: noContent,
    }),
    async (c) => {
      withCookies(c, await account.signOut(ctxOf(c), c.req.raw.headers))
      return c.body(null, 204)
    },
  )
  .openapi(
    defineRoute({
      method: 'get', path: '/auth/session', tags: authTags,
      summary: 'The signed-in user, or 401',
      responses: { 200: jsonResponse(Me, 'Current user') },
    }),
    async (c) => c.json(await account.getMe(ctxOf(c)), 200),
  )
  .openapi(
    defineRoute({
      method: 'post', path: '/auth/password-reset/request', tags: authTags, public: true,
      summary: 'Email a single-use password reset link (same answer whether the address exists or not)',
      request: { body: jsonBody(PasswordResetRequestInput) },
      responses: { 202: { description: 'Accepted' } },
    }),
    async (c) => {
      await account.requestPasswordReset(ctxOf(c), c.req.valid('json').email)
      return c.body(null, 202)
    },
  )
  .openapi(
    defineRoute({
      method: 'post', path: '/auth/password-reset/confirm', tags: authTags, public: true,
      summary: 'Set a new password with a reset token',
      request: { body: jsonBody(PasswordResetConfirmInput) },
      responses: { ...noContent, 410: { description: 'Token used or expired' } },
    }),
    async (c) => {
      const input = c.req.valid('json')
      await account.confirmPasswordReset(ctxOf(c), input.token, input.newPassword)
      return c.body(null, 204)
    },
  )
  // ── Me ────────────────────────────────────────────────────────────────
  .openapi(
    defineRoute({ method: 'get', path: '/me', tags: meTags, summary: 'Own profile', responses: { 200: jsonResponse(Me, 'Me') } }),
    async (c) => c.json(await account.getMe(ctxOf(c)), 200),
  )
  .openapi(
    defineRoute({
      method: 'patch', path: '/me', tags: meTags, summary: 'Update own name or language',
      request: { body: jsonBody(MeUpdateInput) }, responses: { 200: jsonResponse(Me, 'Me') },
    }),
    async (c) => c.json(await account.updateMe(ctxOf(c), c.req.valid('json')), 200),
  )
  .openapi(
    defineRoute({
      method: 'post', path: '/me/password', tags: meTags, summary: 'Change own password (signs out other sessions)',
      request: { body: jsonBody(PasswordChangeInput) }, responses: noContent,
    }),
    async (c) => {
      withCookies(c, await account.changePassword(ctxOf(c), c.req.valid('json'), c.req.raw.headers))
      return c.body(null, 204)
    },
  )
  .openapi(
    defineRoute({ method: 'get', path: '/me/tokens', tags: meTags, summary: 'Own personal API tokens', responses: { 200: jsonResponse(z.array(ApiToken), 'Tokens') } }),
    async (c) => c.json(await account.listTokens(ctxOf(c)), 200),
  )
  .openapi(
    defineRoute({
      method: 'post', path: '/me/tokens', tags: meTags, summary: 'Create a personal API token (the secret is shown once)',
      request: { body: jsonBody(ApiTokenCreateInput) }, responses: { 201: jsonResponse(ApiTokenCreated, 'Created') },
    }),
    async (c) => c.json(await account.createToken(ctxOf(c), c.req.valid('json')), 201),
  )
  .openapi(
    defineRoute({
      method: 'delete', path: '/me/tokens/{id}', tags: meTags, summary: 'Revoke a personal API token',
      request: { params: IdParam }, responses: noContent,
    }),
    async (c) => {
      await account.revokeToken(ctxOf(c), c.req.valid('param').id)
      return c.body(null, 204)
    },
  )
  // ── Units ─────────────────────────────────────────────────────────────
  .openapi(
    defineRoute({
      method: 'get', path: '/units', tags: unitTags, summary: 'Units visible to the caller (flat; build the tree by parentId)',
      request: { query: z.object({ includeArchived: z.enum(['true', 'false']).optional() }) },
      responses: { 200: jsonResponse(z.object({ items: z.array(Unit) }), 'Units') },
    }),
    async (c) => c.json(await unitsService.listUnits(ctxOf(c), { includeArchived: c.req.valid('query').includeArchived === 'true' }), 200),
  )
  .openapi(
    defineRoute({ method: 'get', path: '/units/{id}', tags: unitTags, summary: 'One unit', request: { params: IdParam }, responses: { 200: jsonResponse(Unit, 'Unit') } }),
    async (c) => c.json(await unitsService.getUnit(ctxOf(c), c.req.valid('param').id), 200),
  )
  .openapi(
    defineRoute({
      method: 'post', path: '/units', tags: unitTags, summary: 'Create a unit under a parent',
      request: { body: jsonBody(UnitCreateInput) }, responses: { 201: jsonResponse(Unit, 'Created') },
    }),
    async (c) => c.json(await unitsService.createUnit(ctxOf(c), c.req.valid('json')), 201),
  )
  .openapi(
    defineRoute({
      method: 'patch', path: '/units/{id}', tags: unitTags, summary: 'Rename, edit or move a unit',
      request: { params: IdParam, body: jsonBody(UnitUpdateInput) }, responses: { 200: jsonResponse(Unit, 'Updated') },
    }),
    async (c) => c.json(await unitsService.updateUnit(ctxOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(
    defineRoute({ method: 'post', path: '/units/{id}/archive', tags: unitTags, summary: 'Archive a unit', request: { params: IdParam }, responses: { 200: jsonResponse(Unit, 'Archived') } }),
    async (c) => c.json(await unitsService.archiveUnit(ctxOf(c), c.req.valid('param').id), 200),
  )
  .openapi(
    defineRoute({ method: 'post', path: '/units/{id}/restore', tags: unitTags, summary: 'Restore an archived unit', request: { params: IdParam }, responses: { 200: jsonResponse(Unit, 'Restored') } }),
    async (c) => c.json(await unitsService.restoreUnit(ctxOf(c), c.req.valid('param').id), 200),
  )
  .openapi(
    defineRoute({
      method: 'get', path: '/units/{id}/shares', tags: unitTags, summary: 'Units this unit shares its data with',
      request: { params: IdParam }, responses: { 200: jsonResponse(z.object({ items: z.array(UnitShare) }), 'Shares') },
    }),
    async (c) => c.json(await unitsService.listShares(ctxOf(c), c.req.valid('param').id), 200),
  )
  .openapi(
    defineRoute({
      method: 'post', path: '/units/{id}/shares', tags: unitTags, summary: 'Share this unit’s data (read-only) with another unit',
      request: { params: IdParam, body: jsonBody(UnitShareInput) }, responses: { 201: jsonResponse(UnitShare, 'Shared') },
    }),
    async (c) => c.json(await unitsService.addShare(ctxOf(c), c.req.valid('param').id, c.req.valid('json').sharedWithUnitId), 201),
  )
  .openapi(
    defineRoute({
      method: 'delete', path: '/units/{id}/shares/{sharedWithUnitId}', tags: unitTags, summary: 'Stop sharing',
      request: { params: z.object({ id: z.string().uuid(), sharedWithUnitId: z.string().uuid() }) }, responses: noContent,
    }),
    async (c) => {
      const p = c.req.valid('param')
      await unitsService.removeShare(ctxOf(c), p.id, p.sharedWithUnitId)
      return c.body(null, 204)
    },
  )
  // ── Users ─────────────────────────────────────────────────────────────
  .openapi(
    defineRoute({
      method: 'get', path: '/users', tags: userTags, summary: 'People in the caller’s units (search, filters, keyset pages)',
      request: { query: UserListQuery }, responses: { 200: jsonResponse(pageOf(User, 'UserPage'), 'A page of users') },
    }),
    async (c) => c.json(await usersService.listUsers(ctxOf(c), c.req.valid('query')), 200),
  )
  .openapi(
    defineRoute({ method: 'get', path: '/users/{id}', tags: userTags, summary: 'One user', request: { params: UserIdParam }, responses: { 200: jsonResponse(User, 'User') } }),
    async (c) => c.json(await usersService.getUser(ctxOf(c), c.req.valid('param').id), 200),
  )
  .openapi(
    defineRoute({
      method: 'patch', path: '/users/{id}', tags: userTags, summary: 'Edit a user’s name',
      request: { params: UserIdParam, body: jsonBody(UserUpdateInput) }, responses: { 200: jsonResponse(User, 'Updated') },
    }),
    async (c) => c.json(await usersService.updateUser(ctxOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(
    defineRoute({ method: 'post', path: '/users/{id}/deactivate', tags: userTags, summary: 'Deactivate (signs the user out everywhere)', request: { params: UserIdParam }, responses: { 200: jsonResponse(User, 'Deactivated') } }),
    async (c) => c.json(await usersService.setUserActive(ctxOf(c), c.req.valid('param').id, false), 200),
  )
  .openapi(
    defineRoute({ method: 'post', path: '/users/{id}/reactivate', tags: userTags, summary: 'Reactivate', request: { params: UserIdParam }, responses: { 200: jsonResponse(User, 'Reactivated') } }),
    async (c) => c.json(await usersService.setUserActive(ctxOf(c), c.req.valid('param').id, true), 200),
  )
  .openapi(
    defineRoute({
      method: 'post', path: '/users/{id}/memberships', tags: userTags, summary: 'Give a user a role in a unit',
      request: { params: UserIdParam, body: jsonBody(MembershipInput) }, responses: { 201: jsonResponse(Membership, 'Created') },
    }),
    async (c) => c.json(await usersService.addMembership(ctxOf(c), c.req.valid('param').id, c.req.valid('json')), 201),
  )
  .openapi(
    defineRoute({
      method: 'delete', path: '/users/{id}/memberships/{membershipId}', tags: userTags, summary: 'Remove a role',
      request: { params: z.object({ id: z.string().min(1).max(64), membershipId: z.string().uuid() }) }, responses: noContent,
    }),
    async (c) => {
      const p = c.req.valid('param')
      await usersService.removeMembership(ctxOf(c), p.id, p.membershipId)
      return c.body(null, 204)
    },
  )
  // ── Invitations ───────────────────────────────────────────────────────
  .openapi(
    defineRoute({
      method: 'get', path: '/invitations', tags: invTags, summary: 'Invitations the caller sent or manages',
      request: { query: InvitationListQuery }, responses: { 200: jsonResponse(pageOf(Invitation, 'InvitationPage'), 'A page of invitations') },
    }),
    async (c) => c.json(await inv.listInvitations(ctxOf(c), c.req.valid('query')), 200),
  )
  .openapi(
    defineRoute({
      method: 'post', path: '/invitations', tags: invTags, summary: 'Invite someone to a unit with a role (emails a single-use link)',
      request: { body: jsonBody(InvitationCreateInput) }, responses: { 201: jsonResponse(Invitation, 'Created') },
    }),
    async (c) => c.json(await inv.createInvitation(ctxOf(c), c.req.valid('json')), 201),
  )
  .openapi(
    defineRoute({ method: 'post', path: '/invitations/{id}/revoke', tags: invTags, summary: 'Revoke a pending invitation', request: { params: IdParam }, responses: { 200: jsonResponse(Invitation, 'Revoked') } }),
    async (c) => c.json(await inv.revokeInvitation(ctxOf(c), c.req.valid('param').id), 200),
  )
  .openapi(
    defineRoute({ method: 'post', path: '/invitations/{id}/resend', tags: invTags, summary: 'Send again with a fresh link', request: { params: IdParam }, responses: { 200: jsonResponse(Invitation, 'Sent') } }),
    async (c) => c.json(await inv.resendInvitation(ctxOf(c), c.req.valid('param').id), 200),
  )
  .openapi(
    defineRoute({
      method: 'get', path: '/invitations/by-token/{token}', tags: invTags, public: true,
      summary: 'What an invitation offers (no account needed)',
      request: { params: TokenParam }, responses: { 200: jsonResponse(InvitationPreview, 'Invitation'), 410: { description: 'Used, revoked or expired' } },
    }),
    async (c) => c.json(await inv.previewInvitation(ctxOf(c), c.req.valid('param').token), 200),
  )
  .openapi(
    defineRoute({
      method: 'post', path: '/invitations/by-token/{token}/accept', tags: invTags, public: true,
      summary: 'Accept an invitation (creates the account, or adds the role to the signed-in user)',
      request: { params: TokenParam, body: jsonBody(InvitationAcceptInput) },
      responses: { 200: jsonResponse(z.object({ me: Me.nullable() }), 'Accepted'), 410: { description: 'Used, revoked or expired' } },
    }),
    async (c) => {
      const ctx = ctxOf(c)
      const result = await inv.acceptInvitation(ctx, c.req.valid('param').token, c.req.valid('json'), clientIp(c), c.req.raw.headers)
      withCookies(c, result.setCookies)
      const me = result.me ?? (ctx.actor ? await account.getMe(ctx) : null)
      return c.json({ me }, 200)
    },
  )
