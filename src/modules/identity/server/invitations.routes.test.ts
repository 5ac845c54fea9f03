import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildRootUnit, buildUnit, buildUser } from '../../../../tests/factories/identity.factory'
import { startSmtpSink, type SmtpSink } from '../../../../tests/support/smtp-sink'
import { ApiClient, createTestApp, signedInClient, type TestApp } from '../../../../tests/support/test-app'
import type { Invitation, Me } from '../identity.contract'
import type { UnitRow } from './identity.table'

type ErrorBody = { error: { code: string; message: string; fields: { path: string }[] } }

let t: TestApp
let smtp: SmtpSink
let antenna: UnitRow
let sibling: UnitRow
let manager: ApiClient

beforeAll(async () => {
  smtp = await startSmtpSink()
  t = await createTestApp({ SMTP_URL: smtp.url })
  const db = t.deps.database.db
  const root = await buildRootUnit(db, { name: 'DIH Lombardia' })
  antenna = await buildUnit(db, { parent: root, name: 'Antenna Bergamo' })
  sibling = await buildUnit(db, { parent: root, name: 'Antenna Brescia' })
  const m = await buildUser(db, { name: 'Marco Manager', grants: [{ unit: antenna, role: 'unit_manager' }] })
  manager = await signedInClient(t, m.email)
})
afterAll(async () => {
  await t.close()
  await smtp.close()
})

const tokenFrom = (text: string) => /token=([\w-]+)/.exec(text)?.[1] ?? ''

describe('invitations', () => {
  it('invites by email through SMTP; the invitee creates the account and holds the role', async () => {
    const res = await manager.post<Invitation>('/api/invitations', { email: 'nuova.staff@example.test', unitId: antenna.id, role: 'unit_staff' })
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({ status: 'pending', unitName: 'Antenna Bergamo', invitedByName: 'Marco Manager' })
    const mail = await smtp.waitFor('nuova.staff@example.test')
    expect(mail.subject).toBe('Invito a DIH Lombardia su Ponte')
    expect(mail.text).toContain('Marco Manager ti ha invitato')
    expect(mail.text).toContain('http://ponte.test/invitation?token=')
    const token = tokenFrom(mail.text)

    const anon = new ApiClient(t.app)
    const preview = await anon.get<{ hasAccount: boolean; unitName: string }>(`/api/invitations/by-token/${token}`)
    expect(preview.body).toMatchObject({ hasAccount: false, unitName: 'Antenna Bergamo' })
    const missing = await anon.post<ErrorBody>(`/api/invitations/by-token/${token}/accept`, {})
    expect(missing.status).toBe(400)
    const accepted = await anon.post<{ me: Me }>(`/api/invitations/by-token/${token}/accept`, { name: 'Nuova Staff', password: 'una-password-sicura' })
    expect(accepted.status).toBe(200)
    expect(accepted.body.me.memberships).toEqual([expect.objectContaining({ unitId: antenna.id, role: 'unit_staff' })])
    // Signed in by the acceptance; the role applies at once.
    expect((await anon.get(`/api/units/${antenna.id}`)).status).toBe(200)
    expect((await anon.get(`/api/units/${sibling.id}`)).status).toBe(404)
    // Single use.
    expect((await new ApiClient(t.app).post(`/api/invitations/by-token/${token}/accept`, { name: 'X', password: 'una-password-sicura' })).status).toBe(410)
  })

  it('keeps the message in the outbox for admins, marked as sent', async () => {
    const root = await buildRootUnit(t.deps.database.db)
    const admin = await buildUser(t.deps.database.db, { grants: [{ unit: root, role: 'network_admin' }] })
    const client = await signedInClient(t, admin.email)
    const outbox = await client.get<{ items: { to: string; status: string }[] }>('/api/outbox?q=nuova.staff')
    expect(outbox.body.items[0]).toMatchObject({ to: 'nuova.staff@example.test', status: 'sent' })
    expect((await manager.get('/api/outbox')).status).toBe(403)
  })

  it('adds the role to an existing user who accepts while signed in', async () => {
    const existing = await buildUser(t.deps.database.db, { grants: [{ unit: sibling, role: 'expert' }] })
    await manager.post('/api/invitations', { email: existing.email, unitId: antenna.id, role: 'expert' })
    const token = tokenFrom((await smtp.waitFor(existing.email)).text)
    const stranger = await signedInClient(t, (await buildUser(t.deps.database.db)).email)
    expect((await stranger.post(`/api/invitations/by-token/${token}/accept`, {})).status).toBe(403)
    const client = await signedInClient(t, existing.email)
    const res = await client.post<{ me: Me }>(`/api/invitations/by-token/${token}/accept`, {})
    expect(res.status).toBe(200)
    expect(res.body.me.memberships.map((m) => m.unitId).sort()).toEqual([antenna.id, sibling.id].sort())
  })

  it('refuses an expired invitation', async () => {
    await manager.post('/api/invitations', { email: 'tardiva@example.test', unitId: antenna.id, role: 'unit_staff' })
    const token = tokenFrom((await smtp.waitFor('tardiva@example.test')).text)
    t.clock.advance(8 * 86_400_000)
    const res = await new ApiClient(t.app).get<ErrorBody>(`/api/invitations/by-token/${token}`)
    expect(res.status).toBe(410)
    expect(res.body.error.message).toContain('non è più valido')
    t.clock.advance(-8 * 86_400_000)
  })

  it('revokes a pending invitation after which the link is dead', async () => {
    const inv = await manager.post<Invitation>('/api/invitations', { email: 'revocata@example.test', unitId: antenna.id, role: 'unit_staff' })
    const token = tokenFrom((await smtp.waitFor('revocata@example.test')).text)
    expect((await manager.post<Invitation>(`/api/invitations/${inv.body.id}/revoke`)).body.status).toBe('revoked')
    expect((await new ApiClient(t.app).get(`/api/invitations/by-token/${token}`)).status).toBe(410)
    expect((await manager.post(`/api/invitations/${inv.body.id}/revoke`)).status).toBe(409)
  })

  it('resends with a fresh link and kills the old one', async () => {
    const inv = await manager.post<Invitation>('/api/invitations', { email: 'reinvio@example.test', unitId: antenna.id, role: 'unit_staff' })
    const first = tokenFrom((await smtp.waitFor('reinvio@example.test')).text)
    expect((await manager.post(`/api/invitations/${inv.body.id}/resend`)).status).toBe(200)
    await expect.poll(() => smtp.messages.filter((m) => m.to === 'reinvio@example.test').length).toBe(2)
    const second = tokenFrom(smtp.messages.filter((m) => m.to === 'reinvio@example.test')[1]?.text ?? '')
    expect(second).not.toBe(first)
    expect((await new ApiClient(t.app).get(`/api/invitations/by-token/${first}`)).status).toBe(410)
    expect((await new ApiClient(t.app).get(`/api/invitations/by-token/${second}`)).status).toBe(200)
  })

  it('refuses a second pending invitation for the same person and unit', async () => {
    await manager.post('/api/invitations', { email: 'doppio@example.test', unitId: antenna.id, role: 'unit_staff' })
    const res = await manager.post<ErrorBody>('/api/invitations', { email: 'doppio@example.test', unitId: antenna.id, role: 'unit_staff' })
    expect(res.status).toBe(409)
    expect(res.body.error.fields[0]?.path).toBe('email')
  })

  it('does not let a manager hand out a role above their own', async () => {
    const res = await manager.post('/api/invitations', { email: 'capo@example.test', unitId: antenna.id, role: 'network_admin' })
    expect(res.status).toBe(403)
  })

  it('lists invitations with status filters and search', async () => {
    const pending = await manager.get<{ items: Invitation[] }>('/api/invitations?status=pending')
    expect(pending.body.items.every((i) => i.status === 'pending')).toBe(true)
    const search = await manager.get<{ items: Invitation[] }>('/api/invitations?q=revocata')
    expect(search.body.items.map((i) => i.email)).toEqual(['revocata@example.test'])
  })

  it('keeps the outbox as the delivery when no SMTP is configured', async () => {
    const local = await createTestApp()
    try {
      const db = local.deps.database.db
      const root = await buildRootUnit(db)
      const admin = await buildUser(db, { grants: [{ unit: root, role: 'network_admin' }] })
      const client = await signedInClient(local, admin.email)
      await client.post('/api/invitations', { email: 'offline@example.test', unitId: root.id, role: 'viewer' })
      const outbox = await client.get<{ items: { to: string; status: string; text: string }[] }>('/api/outbox')
      expect(outbox.body.items[0]).toMatchObject({ to: 'offline@example.test', status: 'outbox' })
      expect(outbox.body.items[0]?.text).toContain('/invitation?token=')
    } finally {
      await local.close()
    }
  })
})
