import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildRootUnit, buildUnit, buildUser, type BuiltUser } from '../../../../tests/factories/identity.factory'
import { buildCompany } from '../../../../tests/factories/companies.factory'
import { buildContact } from '../../../../tests/factories/contacts.factory'
import { createTestApp, signedInClient, type ApiClient, type TestApp } from '../../../../tests/support/test-app'
import type { Company } from '../../companies/companies.contract'
import type { UnitRow } from '../../identity/server/identity.table'
import type { CompanyRow } from '../../companies/server/companies.table'
import type { FollowUp, Interaction } from '../interactions.contract'

type ErrorBody = { error: { code: string; fields: { path: string; message: string }[] } }
type Page<T> = { items: T[]; nextCursor: string | null }

let t: TestApp
let bg: UnitRow
let bs: UnitRow
let staffBgUser: BuiltUser
let otherBgUser: BuiltUser
let staffBsUser: BuiltUser
let staffBg: ApiClient
let otherBg: ApiClient
let staffBs: ApiClient
let viewerBg: ApiClient
let hubStaff: ApiClient

beforeAll(async () => {
  t = await createTestApp()
  const db = t.deps.database.db
  const root = await buildRootUnit(db, { name: 'DIH Lombardia' })
  bg = await buildUnit(db, { parent: root, name: 'Antenna Bergamo' })
  bs = await buildUnit(db, { parent: root, name: 'Antenna Brescia' })
  staffBgUser = await buildUser(db, { name: 'Marco Bianchi', grants: [{ unit: bg, role: 'unit_staff' }] })
  otherBgUser = await buildUser(db, { name: 'Giulia Rossi', grants: [{ unit: bg, role: 'unit_staff' }] })
  staffBsUser = await buildUser(db, { grants: [{ unit: bs, role: 'unit_staff' }] })
  staffBg = await signedInClient(t, staffBgUser.email)
  otherBg = await signedInClient(t, otherBgUser.email)
  staffBs = await signedInClient(t, staffBsUser.email)
  viewerBg = await signedInClient(t, (await buildUser(db, { grants: [{ unit: bg, role: 'viewer' }] })).email)
  hubStaff = await signedInClient(t, (await buildUser(db, { grants: [{ unit: root, role: 'unit_staff' }] })).email)
}, 120_000)
afterAll(async () => {
  await t.close()
})

const company = (unit = bg, name?: string) => buildCompany(t.deps.database.db, { unit, ...(name ? { name } : {}) })

const record = (client: ApiClient, companyId: string, body: Record<string, unknown> = {}) =>
  client.post<Interaction>('/api/interactions', { companyId, kind: 'call', occurredAt: '2026-03-10T09:30:00.000Z', subject: 'Telefonata di primo contatto', ...body })

const stageOf = async (companyId: string) => (await staffBg.get<Company>(`/api/companies/${companyId}`)).body.stage

describe('interactions', () => {
  it('names the contacts who took part, and refuses a contact of another antenna as if unknown', async () => {
    const c = await company()
    const db = t.deps.database.db
    const mine = await buildContact(db, { unit: bg, firstName: 'Pietro', lastName: 'Locatelli' })
    const theirs = await buildContact(db, { unit: bs, firstName: 'Anna', lastName: 'Franzoni' })
    const ok = await record(staffBg, c.id, { participants: [{ type: 'contact', id: mine.id }] })
    expect(ok.status).toBe(201)
    expect(ok.body.participants).toEqual([{ type: 'contact', id: mine.id, name: 'Pietro Locatelli' }])
    const byContact = await otherBg.get<Page<Interaction>>(`/api/interactions?contactId=${mine.id}`)
    expect(byContact.body.items.map((i) => i.id)).toEqual([ok.body.id])
    const refused = await record(staffBg, c.id, { participants: [{ type: 'contact', id: theirs.id }] })
    expect(refused.status).toBe(400)
    expect((refused.body as unknown as ErrorBody).error.fields).toEqual([{ path: 'participants.0.id', message: expect.any(String) }])
  })

  it('records an interaction with its author and participants, on the company timeline', async () => {
    const c = await company()
    const res = await record(staffBg, c.id, { kind: 'meeting', body: 'Discussi i bisogni', participants: [{ type: 'user', id: otherBgUser.id }] })
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({
      companyId: c.id,
      companyName: c.name,
      kind: 'meeting',
      subject: 'Telefonata di primo contatto',
      author: { id: staffBgUser.id, name: 'Marco Bianchi' },
      participants: [{ type: 'user', id: otherBgUser.id, name: 'Giulia Rossi' }],
      can: { update: true, delete: true },
    })
    const timeline = await otherBg.get<Page<Interaction>>(`/api/interactions?companyId=${c.id}`)
    expect(timeline.body.items.map((i) => i.id)).toEqual([res.body.id])
  })

  it('moves the company to "engaged" with a visit and back to "contacted" when the visit is deleted', async () => {
    const c = await company()
    expect(await stageOf(c.id)).toBe('contacted')
    await record(staffBg, c.id, { kind: 'call' })
    expect(await stageOf(c.id)).toBe('contacted')
    const visit = await record(staffBg, c.id, { kind: 'visit', subject: 'Visita in azienda' })
    expect(await stageOf(c.id)).toBe('engaged')
    expect((await staffBg.delete(`/api/interactions/${visit.body.id}`)).status).toBe(204)
    expect(await stageOf(c.id)).toBe('contacted')
    expect((await staffBg.get(`/api/interactions/${visit.body.id}`)).status).toBe(404)
  })

  it('recomputes the stage when an edit changes the kind', async () => {
    const c = await company()
    const call = await record(staffBg, c.id, { kind: 'call' })
    const res = await staffBg.patch<Interaction>(`/api/interactions/${call.body.id}`, { kind: 'event', subject: 'Partecipazione al webinar Industria 4.0' })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ kind: 'event', subject: 'Partecipazione al webinar Industria 4.0' })
    expect(await stageOf(c.id)).toBe('engaged')
  })

  it('hides another antenna’s company and interactions (404), and refuses to record on them', async () => {
    const c = await company()
    const mine = await record(staffBg, c.id)
    expect((await record(staffBs, c.id)).status).toBe(404)
    expect((await staffBs.get(`/api/interactions?companyId=${c.id}`)).status).toBe(404)
    expect((await staffBs.get(`/api/interactions/${mine.body.id}`)).status).toBe(404)
    expect((await staffBs.patch(`/api/interactions/${mine.body.id}`, { subject: 'X' })).status).toBe(404)
    expect((await staffBs.delete(`/api/interactions/${mine.body.id}`)).status).toBe(404)
    const all = await staffBs.get<Page<Interaction>>('/api/interactions')
    expect(all.body.items.some((i) => i.id === mine.body.id)).toBe(false)
    // The hub sees every antenna's timeline.
    expect((await hubStaff.get(`/api/interactions/${mine.body.id}`)).status).toBe(200)
  })

  it('lets a viewer read the timeline but not write it', async () => {
    const c = await company()
    const mine = await record(staffBg, c.id)
    expect((await viewerBg.get(`/api/interactions?companyId=${c.id}`)).status).toBe(403)
    expect((await record(viewerBg, c.id)).status).toBe(404)
    expect((await viewerBg.patch(`/api/interactions/${mine.body.id}`, { subject: 'X' })).status).toBe(404)
  })

  it('validates kind, subject and date, each on its field', async () => {
    const c = await company()
    const res = await record(staffBg, c.id, { kind: 'fax', subject: '  ', occurredAt: 'ieri' })
    expect(res.status).toBe(400)
    const paths = (res.body as unknown as ErrorBody).error.fields.map((f) => f.path).sort()
    expect(paths).toEqual(['kind', 'occurredAt', 'subject'])
  })

  it('needs a company or a unit', async () => {
    const res = await staffBg.post('/api/interactions', { kind: 'note', occurredAt: '2026-03-10T09:30:00.000Z', subject: 'Nota' })
    expect(res.status).toBe(400)
    expect((res.body as unknown as ErrorBody).error.fields[0]).toMatchObject({ path: 'unitId' })
    const withUnit = await staffBg.post<Interaction>('/api/interactions', { unitId: bg.id, kind: 'note', occurredAt: '2026-03-10T09:30:00.000Z', subject: 'Nota' })
    expect(withUnit.status).toBe(201)
    expect(withUnit.body).toMatchObject({ companyId: null, unitId: bg.id })
    expect((await staffBs.post('/api/interactions', { unitId: bg.id, kind: 'note', occurredAt: '2026-03-10T09:30:00.000Z', subject: 'Nota' })).status).toBe(404)
  })

  it('refuses a participant who cannot read the company’s unit', async () => {
    const c = await company()
    const res = await record(staffBg, c.id, { participants: [{ type: 'user', id: otherBgUser.id }, { type: 'user', id: staffBsUser.id }] })
    expect(res.status).toBe(400)
    expect((res.body as unknown as ErrorBody).error.fields).toEqual([{ path: 'participants.1.id', message: expect.any(String) }])
  })

  it('lets the author or the unit’s staff edit, and not an expert of the unit', async () => {
    const c = await company()
    const mine = await record(staffBg, c.id)
    expect((await otherBg.patch(`/api/interactions/${mine.body.id}`, { subject: 'Corretto da un collega' })).status).toBe(200)
    const expert = await signedInClient(t, (await buildUser(t.deps.database.db, { grants: [{ unit: bg, role: 'expert' }] })).email)
    expect((await expert.patch(`/api/interactions/${mine.body.id}`, { subject: 'X' })).status).toBe(404)
  })

  it('pages the timeline newest first and filters by kind', async () => {
    const c = await company()
    const days = ['2026-01-05', '2026-02-05', '2026-03-05', '2026-04-05', '2026-05-05']
    for (const [i, day] of days.entries()) await record(staffBg, c.id, { kind: i % 2 === 0 ? 'call' : 'email', occurredAt: `${day}T10:00:00.000Z` })
    const first = await staffBg.get<Page<Interaction>>(`/api/interactions?companyId=${c.id}&limit=2`)
    expect(first.body.items.map((i) => i.occurredAt.slice(0, 10))).toEqual(['2026-05-05', '2026-04-05'])
    const second = await staffBg.get<Page<Interaction>>(`/api/interactions?companyId=${c.id}&limit=2&cursor=${first.body.nextCursor}`)
    expect(second.body.items.map((i) => i.occurredAt.slice(0, 10))).toEqual(['2026-03-05', '2026-02-05'])
    const third = await staffBg.get<Page<Interaction>>(`/api/interactions?companyId=${c.id}&limit=2&cursor=${second.body.nextCursor}`)
    expect(third.body.items.map((i) => i.occurredAt.slice(0, 10))).toEqual(['2026-01-05'])
    expect(third.body.nextCursor).toBeNull()
    const emails = await staffBg.get<Page<Interaction>>(`/api/interactions?companyId=${c.id}&kind=email`)
    expect(emails.body.items.map((i) => i.kind)).toEqual(['email', 'email'])
  })

  it('audits creation, edits and deletion', async () => {
    const c = await company()
    const mine = await record(staffBg, c.id)
    await staffBg.patch(`/api/interactions/${mine.body.id}`, { subject: 'Nuovo oggetto' })
    await staffBg.delete(`/api/interactions/${mine.body.id}`)
    const admin = await signedInClient(t, (await buildUser(t.deps.database.db, { grants: [{ unit: bg, role: 'unit_manager' }] })).email)
    const audit = await admin.get<{ items: { action: string }[] }>(`/api/audit?entityType=interaction&entityId=${mine.body.id}`)
    expect(audit.body.items.map((e) => e.action).sort()).toEqual(['create', 'delete', 'update'])
  })
})

describe('company list: contacted in period', () => {
  let early: CompanyRow
  let late: CompanyRow
  let never: CompanyRow
  beforeAll(async () => {
    early = await company(bg, 'Periodo Alfa S.r.l.')
    late = await company(bg, 'Periodo Beta S.r.l.')
    never = await company(bg, 'Periodo Gamma S.r.l.')
    await record(staffBg, early.id, { occurredAt: '2025-12-31T23:30:00.000Z' }) // 00:30 on 1 January in Rome
    await record(staffBg, late.id, { occurredAt: '2026-06-15T10:00:00.000Z' })
  })
  const names = async (query: string) =>
    (await staffBg.get<{ items: Company[] }>(`/api/companies?q=periodo&limit=100&${query}`)).body.items.map((c) => c.name).sort()

  it('keeps the companies with activity in the period, counting Italian days inclusively', async () => {
    expect(await names('contactedFrom=2026-01-01&contactedTo=2026-01-31')).toEqual([early.name])
    expect(await names('contactedFrom=2026-06-15&contactedTo=2026-06-15')).toEqual([late.name])
    expect(await names('contactedFrom=2026-02-01')).toEqual([late.name])
    expect(await names('contactedTo=2025-12-31')).toEqual([])
    expect(await names('')).toEqual([early.name, late.name, never.name])
  })

  it('refuses a malformed date', async () => {
    const res = await staffBg.get('/api/companies?contactedFrom=01/01/2026')
    expect(res.status).toBe(400)
  })
})

describe('follow-ups', () => {
  it('creates a follow-up with an interaction, shown on the timeline and in the assignee’s list', async () => {
    const c = await company()
    const res = await record(staffBg, c.id, { kind: 'visit', followUp: { title: 'Inviare la proposta', dueOn: '2026-12-01', assigneeId: otherBgUser.id } })
    expect(res.status).toBe(201)
    expect(res.body.followUps).toEqual([
      expect.objectContaining({ title: 'Inviare la proposta', dueOn: '2026-12-01', status: 'open', assignee: { id: otherBgUser.id, name: 'Giulia Rossi' }, companyName: c.name }),
    ])
    const mine = await otherBg.get<Page<FollowUp>>('/api/follow-ups?assignee=me&status=open')
    expect(mine.body.items.map((f) => f.title)).toContain('Inviare la proposta')
    const theirs = await staffBg.get<Page<FollowUp>>('/api/follow-ups?assignee=me&status=open')
    expect(theirs.body.items.map((f) => f.title)).not.toContain('Inviare la proposta')
  })

  it('refuses an assignee who cannot read the company’s unit', async () => {
    const c = await company()
    const res = await record(staffBg, c.id, { followUp: { title: 'X', dueOn: '2026-12-01', assigneeId: staffBsUser.id } })
    expect(res.status).toBe(400)
    expect((res.body as unknown as ErrorBody).error.fields[0]?.path).toBe('followUp.assigneeId')
    const standalone = await staffBg.post('/api/follow-ups', { companyId: c.id, title: 'X', dueOn: '2026-12-01', assigneeId: staffBsUser.id })
    expect((standalone.body as ErrorBody).error.fields[0]?.path).toBe('assigneeId')
  })

  it('lists my open follow-ups by due date, overdue first, in pages', async () => {
    const user = await buildUser(t.deps.database.db, { grants: [{ unit: bg, role: 'unit_staff' }] })
    const client = await signedInClient(t, user.email)
    const c = await company()
    for (const dueOn of ['2026-12-20', '2025-10-01', '2026-11-30', '2026-01-15']) {
      expect((await staffBg.post('/api/follow-ups', { companyId: c.id, title: `Scadenza ${dueOn}`, dueOn, assigneeId: user.id })).status).toBe(201)
    }
    const first = await client.get<Page<FollowUp>>('/api/follow-ups?assignee=me&status=open&limit=3')
    expect(first.body.items.map((f) => f.dueOn)).toEqual(['2025-10-01', '2026-01-15', '2026-11-30'])
    const second = await client.get<Page<FollowUp>>(`/api/follow-ups?assignee=me&status=open&limit=3&cursor=${first.body.nextCursor}`)
    expect(second.body.items.map((f) => f.dueOn)).toEqual(['2026-12-20'])
  })

  it('completes and reopens a follow-up, once each', async () => {
    const c = await company()
    const created = await staffBg.post<FollowUp>('/api/follow-ups', { companyId: c.id, title: 'Richiamare', dueOn: '2026-12-01', assigneeId: otherBgUser.id })
    const done = await otherBg.post<FollowUp>(`/api/follow-ups/${created.body.id}/complete`)
    expect(done.status).toBe(200)
    expect(done.body.status).toBe('done')
    expect(done.body.completedAt).not.toBeNull()
    expect((await otherBg.post(`/api/follow-ups/${created.body.id}/complete`)).status).toBe(409)
    const open = await otherBg.get<Page<FollowUp>>('/api/follow-ups?assignee=me&status=open')
    expect(open.body.items.some((f) => f.id === created.body.id)).toBe(false)
    const reopened = await otherBg.post<FollowUp>(`/api/follow-ups/${created.body.id}/reopen`)
    expect(reopened.body).toMatchObject({ status: 'open', completedAt: null })
  })

  it('reschedules and reassigns, checking the new assignee', async () => {
    const c = await company()
    const created = await staffBg.post<FollowUp>('/api/follow-ups', { companyId: c.id, title: 'Richiamare', dueOn: '2026-12-01', assigneeId: staffBgUser.id })
    const res = await staffBg.patch<FollowUp>(`/api/follow-ups/${created.body.id}`, { dueOn: '2026-12-15', assigneeId: otherBgUser.id })
    expect(res.body).toMatchObject({ dueOn: '2026-12-15', assignee: { id: otherBgUser.id } })
    expect((await staffBg.patch(`/api/follow-ups/${created.body.id}`, { assigneeId: staffBsUser.id })).status).toBe(400)
    expect((await staffBs.post(`/api/follow-ups/${created.body.id}/complete`)).status).toBe(404)
    expect((await staffBs.get<Page<FollowUp>>(`/api/follow-ups?companyId=${c.id}`)).status).toBe(404)
  })
})
