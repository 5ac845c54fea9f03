import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildCompany } from '../../../../tests/factories/companies.factory'
import { buildRootUnit, buildUnit, buildUser } from '../../../../tests/factories/identity.factory'
import { ApiClient, createTestApp, signedInClient, type TestApp } from '../../../../tests/support/test-app'
import type { Assessment } from '../../assessments/assessments.contract'
import type { CompanyJourneyPage } from '../../companies/companies.contract'
import { mailMessages } from '../../mail/server/mail.table'
import type { PublicRoadmap, Roadmap, RoadmapDiff, RoadmapPage } from '../roadmap-records.contract'
import { focusDraftItems } from './roadmap-generation'
import { deriveT1DueOn, diffItems } from './roadmap-records.service'

// A company early on its way: little strategy, basic tools, no security beyond passwords.
const ANSWERS = {
  Q1: { plan: [3, 6], already: [8] },
  Q2: [1],
  Q3: [1],
  Q4: [1, 0, 0, 0, 0, 0, 0],
  Q5: [1],
  Q6: [1],
  Q7: [1],
  Q8: [1],
  Q9: [0, 0, 0, 0, 0],
  Q10: [1],
  Q11: ['no', 'no', 'no', 'no', 'partially'],
}

type ErrorBody = { error: { code: string; message: string; fields: { path: string; message: string }[] } }

let t: TestApp
let staff: ApiClient
let expert: ApiClient
let otherAntenna: ApiClient
let member: ApiClient
let companyId: string
let assessmentId: string
let draftAssessmentId: string

async function validatedAssessment(client: ApiClient, company: string, answers: unknown, assessorId?: string): Promise<string> {
  const created = await client.post<Assessment>('/api/assessments', { companyId: company, stage: 'T0', mode: 'assisted', ...(assessorId ? { assessorId } : {}) })
  expect(created.status, JSON.stringify(created.body)).toBe(201)
  const saved = await client.patch(`/api/assessments/${created.body.id}`, { answers })
  expect(saved.status, JSON.stringify(saved.body)).toBe(200)
  expect((await client.post(`/api/assessments/${created.body.id}/submit`)).status).toBe(200)
  expect((await staff.post(`/api/assessments/${created.body.id}/validate`)).status).toBe(200)
  return created.body.id
}

beforeAll(async () => {
  t = await createTestApp()
  const db = t.deps.database.db
  const root = await buildRootUnit(db)
  const bg = await buildUnit(db, { parent: root, name: 'Antenna Bergamo' })
  const bs = await buildUnit(db, { parent: root, name: 'Antenna Brescia' })
  staff = await signedInClient(t, (await buildUser(db, { grants: [{ unit: bg, role: 'unit_staff' }] })).email)
  const expertUser = await buildUser(db, { name: 'Giorgio Valsecchi', grants: [{ unit: bg, role: 'expert' }] })
  expert = await signedInClient(t, expertUser.email)
  otherAntenna = await signedInClient(t, (await buildUser(db, { grants: [{ unit: bs, role: 'unit_staff' }] })).email)
  const memberUser = await buildUser(db, { name: 'Pietro Locatelli', grants: [{ unit: bg, role: 'company_member' }] })
  member = await signedInClient(t, memberUser.email)
  const company = await buildCompany(db, { unit: bg, name: 'Officine Rota S.r.l.' })
  companyId = company.id
  expect((await staff.post(`/api/companies/${companyId}/members`, { userId: memberUser.id })).status).toBe(201)
  assessmentId = await validatedAssessment(staff, companyId, ANSWERS, expertUser.id)
  draftAssessmentId = (await staff.post<Assessment>('/api/assessments', { companyId, stage: 'T1', mode: 'assisted' })).body.id
}, 180_000)
afterAll(async () => {
  await t.close()
})

describe('roadmaps: generate, edit, sign off', () => {
  let roadmap: Roadmap

  it('lets the expert who assessed the company generate a draft, explained item by item', async () => {
    const res = await expert.post<Roadmap>('/api/roadmaps', { assessmentId, importance: { D2: 5 } })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    roadmap = res.body
    expect(roadmap).toMatchObject({ status: 'draft', version: 1, company: { id: companyId, name: 'Officine Rota S.r.l.' }, expert: { name: 'Giorgio Valsecchi' } })
    expect(roadmap.items.length).toBeGreaterThan(3)
    for (const item of roadmap.items) {
      expect(item.actionId).toBeTruthy()
      expect(item.reason?.text.it.length).toBeGreaterThan(10)
      expect(item.status).toBe('planned')
    }
    // Gaps: target above score, importance as set.
    const d2 = roadmap.gaps.find((g) => g.dimension === 'D2')
    expect(d2?.importance).toBe(5)
    expect(d2?.gap).toBeCloseTo(Math.max(0, (d2?.target ?? 0) - (d2?.score ?? 0)), 1)
    expect(roadmap.t1DueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    expect(roadmap.versions).toHaveLength(1)
  })

  it('refuses a draft assessment, out-of-range ratings, and other antennas', async () => {
    const draft = await staff.post<ErrorBody>('/api/roadmaps', { assessmentId: draftAssessmentId })
    expect(draft.status).toBe(409)
    expect(draft.body.error.message).toContain('convalidata')
    const bad = await staff.post<ErrorBody>('/api/roadmaps', { assessmentId, importance: { D1: 9 } })
    expect(bad.status).toBe(400)
    expect(bad.body.error.fields).toEqual([{ path: 'importance.D1', message: expect.stringContaining('da 1 a 5') }])
    expect((await otherAntenna.post('/api/roadmaps', { assessmentId })).status).toBe(404)
    expect((await otherAntenna.get(`/api/roadmaps/${roadmap.id}`)).status).toBe(404)
    expect((await otherAntenna.get<RoadmapPage>('/api/roadmaps')).body.items).toEqual([])
  })

  it('saves edits as a new version, diffable, and refuses a save over a newer version', async () => {
    const [first, second, ...rest] = roadmap.items
    if (!first || !second) throw new Error('expected items')
    const items = [
      { ...second, owner: 'Pietro Locatelli', dueOn: '2027-03-31', status: 'in_progress' },
      ...rest,
      { title: 'Formazione sul nuovo gestionale', dimension: 'D3', horizon: 'quick' },
    ]
    const saved = await expert.put<Roadmap>(`/api/roadmaps/${roadmap.id}`, { baseVersion: 1, items, note: 'Rivista con il titolare' })
    expect(saved.status, JSON.stringify(saved.body)).toBe(200)
    expect(saved.body.version).toBe(2)
    expect(saved.body.items[0]).toMatchObject({ id: second.id, owner: 'Pietro Locatelli', status: 'in_progress' })
    const manual = saved.body.items.at(-1)
    expect(manual).toMatchObject({ actionId: null, title: { it: 'Formazione sul nuovo gestionale', en: 'Formazione sul nuovo gestionale' }, status: 'planned' })
    expect(saved.body.progress).toMatchObject({ total: roadmap.items.length, inProgress: 1 })

    const diff = await staff.get<RoadmapDiff>(`/api/roadmaps/${roadmap.id}/diff?from=1&to=2`)
    expect(diff.body.removed.map((i) => i.id)).toEqual([first.id])
    expect(diff.body.added.map((i) => i.title.it)).toEqual(['Formazione sul nuovo gestionale'])
    const changed = diff.body.changed.find((c) => c.id === second.id)
    expect(changed?.fields.map((f) => f.field).sort()).toEqual(['dueOn', 'owner', 'position', 'status'])

    const stale = await staff.put<ErrorBody>(`/api/roadmaps/${roadmap.id}`, { baseVersion: 1, items: [] })
    expect(stale.status).toBe(409)
    expect(stale.body.error.message).toContain('versione 2')
    const badDates = await staff.put<ErrorBody>(`/api/roadmaps/${roadmap.id}`, { baseVersion: 2, items: [{ title: 'X', dimension: 'D1', horizon: 'quick', startOn: '2027-05-01', dueOn: '2027-04-01' }] })
    expect(badDates.status).toBe(400)
    expect(badDates.body.error.fields[0]?.path).toBe('items.0.dueOn')
    roadmap = saved.body
  })

  it('is read by the company’s member but not edited', async () => {
    expect((await member.get<Roadmap>(`/api/roadmaps/${roadmap.id}`)).body.can).toEqual({ edit: false, sendForSignoff: false })
    expect((await member.put(`/api/roadmaps/${roadmap.id}`, { baseVersion: 2, items: [] })).status).toBe(403)
    expect((await member.get<RoadmapPage>('/api/roadmaps')).body.items.map((r) => r.id)).toEqual([roadmap.id])
  })

  it('goes to the company by email; the company signs the version it read; the journey shows it', async () => {
    const sent = await expert.post<Roadmap>(`/api/roadmaps/${roadmap.id}/signoff`, { email: 'titolare@officine-rota.test', message: 'Come concordato in visita.' })
    expect(sent.status, JSON.stringify(sent.body)).toBe(200)
    expect(sent.body.status).toBe('awaiting_signoff')
    const [mail] = await t.deps.database.db.select().from(mailMessages).where(eq(mailMessages.to, 'titolare@officine-rota.test'))
    expect(mail?.subject).toBe('Roadmap digitale di Officine Rota S.r.l.: da leggere e firmare')
    const token = /\/roadmap-signoff\/([\w-]+)/.exec(mail?.text ?? '')?.[1]
    expect(token).toBeTruthy()

    const anonymous = new ApiClient(t.app)
    const page = await anonymous.get<PublicRoadmap>(`/api/roadmap-signoff/${token}`)
    expect(page.status).toBe(200)
    expect(page.body).toMatchObject({ companyName: 'Officine Rota S.r.l.', status: 'awaiting_signoff', version: 2 })
    const wrongVersion = await anonymous.post<ErrorBody>(`/api/roadmap-signoff/${token}/sign`, { name: 'Pietro Locatelli', version: 1, accept: true })
    expect(wrongVersion.status).toBe(409)
    const notAccepted = await anonymous.post<ErrorBody>(`/api/roadmap-signoff/${token}/sign`, { name: 'Pietro Locatelli', version: 2, accept: false })
    expect(notAccepted.status).toBe(400)
    const signed = await anonymous.post<PublicRoadmap>(`/api/roadmap-signoff/${token}/sign`, { name: 'Pietro Locatelli', role: 'Titolare', version: 2, accept: true })
    expect(signed.status, JSON.stringify(signed.body)).toBe(200)
    expect(signed.body).toMatchObject({ status: 'signed', signerName: 'Pietro Locatelli' })
    expect((await anonymous.post(`/api/roadmap-signoff/${token}/sign`, { name: 'Pietro Locatelli', version: 2, accept: true })).status).toBe(409)
    expect((await anonymous.get('/api/roadmap-signoff/not-a-token-at-all')).status).toBe(404)

    const after = await staff.get<Roadmap>(`/api/roadmaps/${roadmap.id}`)
    expect(after.body).toMatchObject({ status: 'signed', signoff: { signedVersion: 2, signerName: 'Pietro Locatelli', signerRole: 'Titolare' } })
    const journey = await staff.get<CompanyJourneyPage>(`/api/companies/${companyId}/journey`)
    expect(journey.body.items.find((e) => e.sourceType === 'roadmap'), JSON.stringify(journey.body.items)).toMatchObject({ stage: 'roadmap', sourceType: 'roadmap', summary: { key: 'roadmapRecords.journey.signed', href: `/roadmaps/${roadmap.id}` } })
    expect((await staff.get<{ stage: string }>(`/api/companies/${companyId}`)).body.stage).toBe('roadmap')

    // A change after signing needs a new sign-off; the signature stays on record.
    const changed = await staff.put<Roadmap>(`/api/roadmaps/${roadmap.id}`, { baseVersion: 2, items: after.body.items.slice(1) })
    expect(changed.body).toMatchObject({ status: 'draft', version: 3, signoff: { signedVersion: 2 } })
  })

  it('schedules T1 by hand and back to the date the items imply', async () => {
    const manual = await staff.put<Roadmap>(`/api/roadmaps/${roadmap.id}/t1`, { dueOn: '2027-06-30' })
    expect(manual.body).toMatchObject({ t1DueOn: '2027-06-30', t1DueOnManual: true })
    const derived = await staff.put<Roadmap>(`/api/roadmaps/${roadmap.id}/t1`, { dueOn: null })
    expect(derived.body.t1DueOnManual).toBe(false)
    expect(derived.body.t1DueOn).not.toBe('2027-06-30')
  })

  it('prints a PDF in Italian or English', async () => {
    const res = await t.app.request(`http://ponte.test/api/roadmaps/${roadmap.id}/report.pdf?locale=en`, { headers: { cookie: staff.cookie } })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/pdf')
    expect(Buffer.from(await res.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-')
  })
})

describe('roadmap helpers', () => {
  const item = (over: Partial<Parameters<typeof deriveT1DueOn>[0][number]>) => ({
    id: crypto.randomUUID(), actionId: null, title: { it: 'x', en: 'x' }, dimension: 'D1' as const, moves: [], reason: null,
    horizon: 'quick' as const, priority: 1, owner: null, startOn: null, dueOn: null, status: 'planned' as const, note: null, ...over,
  })
  const created = new Date('2026-01-15T10:00:00Z')

  it('derives T1 from the quick and medium items, ignoring dropped and long ones', () => {
    expect(deriveT1DueOn([item({ dueOn: '2026-05-01' }), item({ horizon: 'medium', dueOn: '2026-09-30' }), item({ horizon: 'long', dueOn: '2029-01-01' })], created)).toBe('2026-09-30')
    expect(deriveT1DueOn([item({ dueOn: '2026-05-01' }), item({ horizon: 'medium', dueOn: '2027-01-01', status: 'dropped' })], created)).toBe('2026-05-01')
    // No due date: creation + 6 months for a quick win.
    expect(deriveT1DueOn([item({})], created)).toBe('2026-07-15')
    // Long-term items only: a year after creation.
    expect(deriveT1DueOn([item({ horizon: 'long' })], created)).toBe('2027-01-15')
  })

  it('diffs by id: added, removed, changed fields and moves', () => {
    const a = item({ title: { it: 'A', en: 'A' } })
    const b = item({ title: { it: 'B', en: 'B' } })
    const c = item({ title: { it: 'C', en: 'C' } })
    const diff = diffItems([a, b], [{ ...b, status: 'done' }, c])
    expect(diff.added.map((i) => i.title.it)).toEqual(['C'])
    expect(diff.removed.map((i) => i.title.it)).toEqual(['A'])
    expect(diff.changed).toEqual([{ id: b.id, title: b.title, fields: [{ field: 'status', before: 'planned', after: 'done' }, { field: 'position', before: 2, after: 1 }] }])
  })
})

describe('focusDraftItems', () => {
  const draft = (actionId: string, priority: number, order: number, after: string[] = []) =>
    ({ actionId, priority, order, after }) as unknown as Parameters<typeof focusDraftItems>[0][number]

  it('keeps the highest priorities with what they need first, in the engine’s order, up to the limit', () => {
    const items = [draft('policy', 0.1, 1), draft('backup', 2, 2, ['policy']), draft('crm', 3, 3, ['policy']), draft('web', 1, 4), draft('erp', 0.5, 5, ['crm'])]
    expect(focusDraftItems(items, 3).map((i) => i.actionId)).toEqual(['policy', 'backup', 'crm'])
    // An item whose prerequisites would not fit is left out, and a smaller one takes the place.
    expect(focusDraftItems([draft('a', 1, 1), draft('b', 5, 3, ['a', 'c']), draft('c', 0.1, 2), draft('d', 2, 4)], 2).map((i) => i.actionId)).toEqual(['a', 'd'])
    expect(focusDraftItems(items, 10)).toHaveLength(5)
  })
})
