import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { desc, eq } from 'drizzle-orm'
import { buildUnit, buildUser } from '../../../../tests/factories/identity.factory'
import { ApiClient, createTestApp, signedInClient, TEST_PASSWORD, type TestApp } from '../../../../tests/support/test-app'
import { mailMessages } from '../../mail/server/mail.table'
import { SIGN_IN_LIMITS } from './account.service'

type ErrorBody = { error: { code: string; message: string; fields: { path: string; message: string }[]; requestId: string } }

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(async () => {
  await t.close()
})

describe('POST /api/auth/sign-in', () => {
  it('signs in with the right password and sets an HttpOnly session cookie', async () => {
    const unit = await buildUnit(t.deps.database.db)
    const user = await buildUser(t.deps.database.db, { grants: [{ unit, role: 'unit_staff' }] })
    const client = new ApiClient(t.app)
    const res = await client.post<{ email: string; memberships: unknown[] }>('/api/auth/sign-in', { email: user.email, password: TEST_PASSWORD })
    expect(res.status).toBe(200)
    expect(res.body.email).toBe(user.email)
    expect(res.body.memberships).toHaveLength(1)
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('ponte.session_token='))
    expect(cookie).toMatch(/HttpOnly/i)
    expect(cookie).toMatch(/SameSite=Lax/i)
    expect((await client.get('/api/auth/session')).status).toBe(200)
  })

  it('refuses a wrong password with a message in the user’s language', async () => {
    const user = await buildUser(t.deps.database.db)
    const it_ = await new ApiClient(t.app, { locale: 'it' }).post<ErrorBody>('/api/auth/sign-in', { email: user.email, password: 'wrong-password' })
    expect(it_.status).toBe(401)
    expect(it_.body.error.message).toBe('Email o password non corretti.')
    const en = await new ApiClient(t.app, { locale: 'en' }).post<ErrorBody>('/api/auth/sign-in', { email: user.email, password: 'wrong-password' })
    expect(en.body.error.message).toBe('Wrong email or password.')
  })

  it('returns per-field validation errors, never a 500', async () => {
    const res = await new ApiClient(t.app).post<ErrorBody>('/api/auth/sign-in', { email: 'not-an-email', password: '' })
    expect(res.status).toBe(400)
    expect(res.body.error.code).toBe('VALIDATION')
    expect(res.body.error.fields.map((f) => f.path).sort()).toEqual(['email', 'password'])
    expect(res.body.error.fields[0]?.message).not.toBe('')
  })

  it('accepts an email typed with spaces and capitals', async () => {
    const user = await buildUser(t.deps.database.db)
    const res = await new ApiClient(t.app).post('/api/auth/sign-in', { email: `  ${user.email.toUpperCase()} `, password: TEST_PASSWORD })
    expect(res.status).toBe(200)
  })

  it('answers malformed JSON with a validation error', async () => {
    const res = await t.app.request('http://ponte.test/api/auth/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-ponte-csrf': '1' },
      body: '{"email": ',
    })
    expect(res.status).toBe(400)
  })

  it('throttles an account after repeated failures, even with the right password', async () => {
    const user = await buildUser(t.deps.database.db)
    const client = new ApiClient(t.app)
    for (let i = 0; i < SIGN_IN_LIMITS.perAccount; i++) {
      expect((await client.post('/api/auth/sign-in', { email: user.email, password: 'nope-nope-nope' })).status).toBe(401)
    }
    const blocked = await client.post<ErrorBody>('/api/auth/sign-in', { email: user.email, password: TEST_PASSWORD })
    expect(blocked.status).toBe(429)
    t.clock.advance((SIGN_IN_LIMITS.windowMinutes + 1) * 60_000)
    expect((await client.post('/api/auth/sign-in', { email: user.email, password: TEST_PASSWORD })).status).toBe(200)
  })

  it('refuses a deactivated user', async () => {
    const db = t.deps.database.db
    const user = await buildUser(db)
    const { users } = await import('./identity.table')
    await db.update(users).set({ deactivatedAt: new Date() }).where(eq(users.id, user.id))
    const res = await new ApiClient(t.app).post<ErrorBody>('/api/auth/sign-in', { email: user.email, password: TEST_PASSWORD })
    expect(res.status).toBe(403)
  })
})

describe('CSRF guard', () => {
  it('refuses a cookie-authenticated mutation without the CSRF header', async () => {
    const unit = await buildUnit(t.deps.database.db)
    const user = await buildUser(t.deps.database.db, { grants: [{ unit, role: 'unit_manager' }] })
    const client = await signedInClient(t, user.email)
    const res = await t.app.request('http://ponte.test/api/me', {
      method: 'PATCH',
      headers: { cookie: client.cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ locale: 'en' }),
    })
    expect(res.status).toBe(403)
  })

  it('refuses a foreign Origin even with the header', async () => {
    const user = await buildUser(t.deps.database.db)
    const client = await signedInClient(t, user.email)
    const res = await client.request('PATCH', '/api/me', { locale: 'en' }, { origin: 'https://evil.example' })
    expect(res.status).toBe(403)
  })
})

describe('sessions', () => {
  it('signs out and the cookie stops working', async () => {
    const user = await buildUser(t.deps.database.db)
    const client = await signedInClient(t, user.email)
    const stolen = client.cookie
    expect((await client.post('/api/auth/sign-out')).status).toBe(204)
    const replay = await t.app.request('http://ponte.test/api/me', { headers: { cookie: stolen } })
    expect(replay.status).toBe(401)
  })

  it('answers 401 to an anonymous request for a protected route', async () => {
    const res = await new ApiClient(t.app).get<ErrorBody>('/api/me')
    expect(res.status).toBe(401)
    expect(res.body.error.requestId).toMatch(/[0-9a-f-]{36}/)
  })

  it('remembers the language per user', async () => {
    const user = await buildUser(t.deps.database.db)
    const client = await signedInClient(t, user.email)
    expect((await client.patch<{ locale: string }>('/api/me', { locale: 'en' })).body.locale).toBe('en')
    const again = await signedInClient(t, user.email)
    const me = await again.get<{ locale: string }>('/api/me')
    expect(me.body.locale).toBe('en')
    // …and server messages follow it, whatever the browser says.
    const err = await again.post<ErrorBody>('/api/units', { parentId: 'nope' })
    expect(err.body.error.message).toMatch(/check the highlighted fields/)
  })
})

describe('password reset', () => {
  async function lastMailTo(email: string) {
    const [mail] = await t.deps.database.db.select().from(mailMessages).where(eq(mailMessages.to, email)).orderBy(desc(mailMessages.createdAt))
    return mail
  }

  it('mails a single-use link that sets a new password and ends old sessions', async () => {
    const user = await buildUser(t.deps.database.db)
    const old = await signedInClient(t, user.email)
    const anon = new ApiClient(t.app)
    expect((await anon.post('/api/auth/password-reset/request', { email: user.email })).status).toBe(202)
    const mail = await lastMailTo(user.email)
    expect(mail?.subject).toBe('Reimposta la password di Ponte')
    const token = /token=([\w-]+)/.exec(mail?.text ?? '')?.[1]
    expect(token).toBeTruthy()
    expect((await anon.post('/api/auth/password-reset/confirm', { token, newPassword: 'a-brand-new-secret' })).status).toBe(204)
    expect((await anon.post('/api/auth/password-reset/confirm', { token, newPassword: 'another-secret-1' })).status).toBe(410)
    expect((await old.get('/api/me')).status).toBe(401)
    expect((await signedInClient(t, user.email, 'a-brand-new-secret')).cookie).toContain('ponte.session_token')
  })

  it('gives the same answer for an unknown address and sends nothing', async () => {
    const res = await new ApiClient(t.app).post('/api/auth/password-reset/request', { email: 'nobody@example.test' })
    expect(res.status).toBe(202)
    expect(await lastMailTo('nobody@example.test')).toBeUndefined()
  })

  it('sends at most three reset mails per hour to one account', async () => {
    const user = await buildUser(t.deps.database.db)
    const anon = new ApiClient(t.app)
    for (let i = 0; i < 5; i++) expect((await anon.post('/api/auth/password-reset/request', { email: user.email })).status).toBe(202)
    const sent = await t.deps.database.db.select().from(mailMessages).where(eq(mailMessages.to, user.email))
    expect(sent).toHaveLength(3)
  })

  it('refuses an expired link', async () => {
    const user = await buildUser(t.deps.database.db)
    await new ApiClient(t.app).post('/api/auth/password-reset/request', { email: user.email })
    const token = /token=([\w-]+)/.exec((await lastMailTo(user.email))?.text ?? '')?.[1]
    t.clock.advance(2 * 3_600_000)
    // better-auth checks expiry with the real clock; the stored row is what expires.
    const { verifications } = await import('./identity.table')
    await t.deps.database.db.update(verifications).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(verifications.identifier, `reset-password:${token}`))
    const res = await new ApiClient(t.app).post('/api/auth/password-reset/confirm', { token, newPassword: 'a-brand-new-secret' })
    expect(res.status).toBe(410)
  })
})

describe('personal API tokens', () => {
  it('authenticates with a Bearer token, hashed at rest, and stops after revocation', async () => {
    const unit = await buildUnit(t.deps.database.db)
    const user = await buildUser(t.deps.database.db, { grants: [{ unit, role: 'unit_manager' }] })
    const client = await signedInClient(t, user.email)
    const created = await client.post<{ id: string; token: string; prefix: string }>('/api/me/tokens', { name: 'CRM sync', scopes: ['read'] })
    expect(created.status).toBe(201)
    const { apiTokens } = await import('./identity.table')
    const [row] = await t.deps.database.db.select().from(apiTokens).where(eq(apiTokens.id, created.body.id))
    expect(row?.tokenHash).not.toContain(created.body.token)
    const bearer = new ApiClient(t.app, { bearer: created.body.token })
    expect((await bearer.get('/api/units')).status).toBe(200)
    // read scope: no writes, even without CSRF concerns
    expect((await bearer.patch('/api/me', { locale: 'en' })).status).toBe(403)
    expect((await client.delete(`/api/me/tokens/${created.body.id}`)).status).toBe(204)
    expect((await bearer.get('/api/units')).status).toBe(401)
  })

  it('refuses an unknown token', async () => {
    expect((await new ApiClient(t.app, { bearer: 'ponte_nope' }).get('/api/units')).status).toBe(401)
  })
})
