import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { and, eq } from 'drizzle-orm'
import { buildRootUnit, buildUnit, buildUser, type BuiltUser } from '../../../../tests/factories/identity.factory'
import { buildCompany } from '../../../../tests/factories/companies.factory'
import { ApiClient, createTestApp, signedInClient, type TestApp } from '../../../../tests/support/test-app'
import type { Company } from '../../companies/companies.contract'
import { companyMembers } from '../../companies/server/companies.table'
import type { UnitRow } from '../../identity/server/identity.table'
import { auditLog } from '../../audit/server/audit.table'
import { mailMessages } from '../../mail/server/mail.table'
import type { Assessment, AssessmentLink, AssessmentSummary, SelfAssessment } from '../assessments.contract'
import { assessments } from './assessments.table'

type ErrorBody = { error: { code: string; messageKey: string; message: string; fields: { path: string; message: string }[] } }
type Page<T> = { items: T[]; nextCursor: string | null }

const upTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1)
/** The reference's example answers (dma.md): a valid, complete SME questionnaire. */
const EXAMPLE = {
  Q1: { plan: [1, 2, 6], already: [6, 8] },
  Q2: [1, 3, 5],
  Q3: [1, 2, 6, 10],
  Q4: [0, 0, 3, 0, 1, 0, 0],
  Q5: [3],
  Q6: [1, 2],
  Q7: [3, 5],
  Q8: [2, 5],
  Q9: [0, 0, 0, 0, 2],
  Q10: [10],
  Q11: ['no', 'partially', 'no', 'no', 'yes'],
}

let t: TestApp
let bg: UnitRow
let bs: UnitRow
let staffBgUser: BuiltUser
let staffBg: ApiClient
let staffBgEn: ApiClient
let staffBs: ApiClient
let viewerBg: ApiClient
let memberUser: BuiltUser

beforeAll(async () => {
  t = await createTestApp()
  const db = t.deps.database.db
  const root = await buildRootUnit(db, { name: 'DIH Lombardia' })
  bg = await buildUnit(db, { parent: root, name: 'Antenna Bergamo' })
  bs = await buildUnit(db, { parent: root, name: 'Antenna Brescia' })
  staffBgUser = await buildUser(db, { name: 'Marco Bianchi', grants: [{ unit: bg, role: 'unit_staff' }] })
  staffBg = await signedInClient(t, staffBgUser.email)
  staffBgEn = await signedInClient(t, (await buildUser(db, { locale: 'en', grants: [{ unit: bg, role: 'unit_staff' }] })).email, undefined, 'en')
  staffBs = await signedInClient(t, (await buildUser(db, { grants: [{ unit: bs, role: 'unit_staff' }] })).email)
  viewerBg = await signedInClient(t, (await buildUser(db, { grants: [{ unit: bg, role: 'viewer' }] })).email)
  memberUser = await buildUser(db, { grants: [{ unit: bg, role: 'company_member' }] })
}, 120_000)
afterAll(async () => {
  await t.close()
})

const company = (overrides: Record<string, unknown> = {}) =>
  buildCompany(t.deps.database.db, {
    unit: bg,
    name: 'Meccanica Bergamasca S.r.l.',
    legalForm: 'srl',
    website: 'https://meccanica.example',
    foundingYear: 1987,
    sizeOverride: 'small',
    address: 'Via Roma 1',
    comuneIstat: '016024',
    regionCode: '03',
    atecoCode: '25.62',
    atecoSection: 'C',
    ...overrides,
  })

const start = (client: ApiClient, companyId: string, body: Record<string, unknown> = {}) =>
  client.post<Assessment>('/api/assessments', { companyId, stage: 'T0', mode: 'assisted', ...body })

/** A validated assessment with the example answers. */
async function validated(companyId: string, body: Record<string, unknown> = {}): Promise<Assessment> {
  const created = await start(staffBg, companyId, body)
  expect(created.status).toBe(201)
  expect((await staffBg.patch(`/api/assessments/${created.body.id}`, { answers: EXAMPLE })).status).toBe(200)
  expect((await staffBg.post(`/api/assessments/${created.body.id}/submit`)).status).toBe(200)
  const res = await staffBg.post<Assessment>(`/api/assessments/${created.body.id}/validate`)
  expect(res.status).toBe(200)
  return res.body
}

const stageOf = async (companyId: string) => (await staffBg.get<Company>(`/api/companies/${companyId}`)).body.stage

describe('assessments: lifecycle', () => {
  it('starts a draft with the company’s questionnaire, versions, assessor and Module 1 prefilled', async () => {
    const c = await company()
    const res = await start(staffBg, c.id)
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({
      companyId: c.id,
      companyName: 'Meccanica Bergamasca S.r.l.',
      unitId: bg.id,
      stage: 'T0',
      mode: 'assisted',
      status: 'draft',
      instrument: 'eu-dma-sme',
      instrumentVersion: '2024',
      rulesVersion: '2024-r1',
      version: 1,
      seriesId: res.body.id,
      assessor: { id: staffBgUser.id, name: 'Marco Bianchi' },
      answers: {},
      issues: [],
      isLatest: false,
      customerData: {
        name: 'Meccanica Bergamasca S.r.l.',
        vatNumber: c.vatNumber,
        website: 'https://meccanica.example',
        foundingYear: 1987,
        sizeClass: 'small',
        address: 'Via Roma 1',
        comune: 'Bergamo',
        comuneIstat: '016024',
        atecoCode: '25.62',
        atecoSection: 'C',
      },
      can: { update: true, submit: true, validate: false, correct: false, delete: true, sendLink: false },
    })
    const pub = await start(staffBg, (await company({ legalForm: 'ente_pubblico', name: 'Comune di Prova' })).id)
    expect(pub.body.instrument).toBe('eu-dma-pso')
  })

  it('autosaves partial and malformed answers, reports each problem, and scores what validates', async () => {
    const c = await company()
    const { body: draft } = await start(staffBg, c.id)
    const res = await staffBg.patch<Assessment>(`/api/assessments/${draft.id}`, { answers: { Q2: [1, 3, 5], Q4: [0, 7, 0, 0, 0, 0, 0] }, evidence: { Q2: 'Visto il gestionale' } })
    expect(res.status).toBe(200)
    expect(res.body.answers).toEqual({ Q2: [1, 3, 5], Q4: [0, 7, 0, 0, 0, 0, 0] })
    expect(res.body.evidence).toEqual({ Q2: 'Visto il gestionale' })
    expect(res.body.issues).toEqual([expect.objectContaining({ code: 'valueOutOfRange', question: 'Q4', row: 2 })])
    // Q2 counts (3 of 10 options → D1 block 3 points), the malformed Q4 does not.
    expect(res.body.scores).toMatchObject({ complete: false, dimensions: { D1: 10 } })
    const [stored] = await t.deps.database.db.select().from(assessments).where(eq(assessments.id, draft.id))
    expect(stored?.d1).toBeCloseTo(10)
    const notObject = await staffBg.patch<ErrorBody>(`/api/assessments/${draft.id}`, { answers: [1, 2] })
    expect(notObject.status).toBe(400)
  })

  it('refuses to submit invalid answers, naming question and problem in the user’s language', async () => {
    const c = await company()
    const { body: draft } = await start(staffBg, c.id)
    await staffBg.patch(`/api/assessments/${draft.id}`, { answers: { ...EXAMPLE, Q7: [2, 3] } })
    const it = await staffBg.post<ErrorBody>(`/api/assessments/${draft.id}/submit`)
    expect(it.status).toBe(400)
    expect(it.body.error.messageKey).toBe('errors.assessmentAnswersInvalid')
    expect(it.body.error.fields).toEqual([{ path: 'answers.Q7', message: expect.stringContaining('Q7') }])
    const en = await staffBgEn.post<ErrorBody>(`/api/assessments/${draft.id}/submit`)
    expect(it.body.error.fields[0]?.message).toMatch(/opzione 2/)
    expect(en.body.error.fields).toEqual([{ path: 'answers.Q7', message: expect.stringMatching(/^Q7: option 2/i) }])
    expect((await staffBg.get<Assessment>(`/api/assessments/${draft.id}`)).body.status).toBe('draft')
  })

  it('submits, validates (locked, scored, peer group, latest, journey stage) and audits every step', async () => {
    const c = await company()
    expect(await stageOf(c.id)).toBe('contacted')
    const { body: draft } = await start(staffBg, c.id)
    await staffBg.patch(`/api/assessments/${draft.id}`, { answers: EXAMPLE })
    const early = await staffBg.post<ErrorBody>(`/api/assessments/${draft.id}/validate`)
    expect(early.status).toBe(409)
    const submitted = await staffBg.post<Assessment>(`/api/assessments/${draft.id}/submit`)
    expect(submitted.body).toMatchObject({ status: 'submitted', can: { update: false, validate: true } })
    expect(submitted.body.assessedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    expect((await staffBg.patch(`/api/assessments/${draft.id}`, { answers: {} })).status).toBe(409)
    const res = await staffBg.post<Assessment>(`/api/assessments/${draft.id}/validate`)
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({
      status: 'validated',
      isLatest: true,
      peerGroup: { atecoSection: 'C', sizeClass: 'small', regionCode: '03' },
      scores: { complete: true, band: 'basic' },
      can: { update: false, correct: true, delete: false },
    })
    expect(res.body.scores?.dimensions.D1).toBeCloseTo(80 / 3)
    expect(res.body.scores?.interpretation.overall).toMatch(/digitalizzazione/i)
    expect(res.body.scores?.improvements.D1.length).toBeGreaterThan(0)
    expect(res.body.overall).toBeCloseTo(res.body.scores?.overall ?? -1)
    expect((await staffBg.patch(`/api/assessments/${draft.id}`, { answers: {} })).status).toBe(409)
    expect((await staffBg.delete(`/api/assessments/${draft.id}`)).status).toBe(409)
    expect(await stageOf(c.id)).toBe('assessed')
    const trail = await t.deps.database.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'assessment'), eq(auditLog.entityId, draft.id)))
    expect(trail.map((e) => e.action).sort()).toEqual(['create', 'update', 'update', 'update'])
  })

  it('starts a T1 from the latest validated T0 and moves the benchmark entry to it', async () => {
    const c = await company()
    const t0 = await validated(c.id)
    const t1 = await start(staffBg, c.id, { stage: 'T1' })
    expect(t1.body).toMatchObject({ stage: 'T1', prefilledFromId: t0.id, answers: EXAMPLE, instrument: 'eu-dma-sme' })
    await staffBg.patch(`/api/assessments/${t1.body.id}`, { answers: { ...EXAMPLE, Q2: upTo(10) } })
    await staffBg.post(`/api/assessments/${t1.body.id}/submit`)
    const done = await staffBg.post<Assessment>(`/api/assessments/${t1.body.id}/validate`)
    expect(done.body.isLatest).toBe(true)
    expect(done.body.scores?.overall).toBeGreaterThan(t0.scores?.overall ?? 100)
    expect((await staffBg.get<Assessment>(`/api/assessments/${t0.id}`)).body.isLatest).toBe(false)
    expect(await stageOf(c.id)).toBe('reassessed')
  })

  it('corrects a validated assessment as a new version; the old one is superseded once the correction is validated', async () => {
    const c = await company()
    const v1 = await validated(c.id)
    t.clock.advance(60_000)
    const v2 = await staffBg.post<Assessment>(`/api/assessments/${v1.id}/correct`)
    expect(v2.status).toBe(201)
    expect(v2.body).toMatchObject({ seriesId: v1.id, version: 2, status: 'draft', answers: EXAMPLE })
    expect((await staffBg.post<ErrorBody>(`/api/assessments/${v1.id}/correct`)).status).toBe(409)
    expect((await staffBg.get<Assessment>(`/api/assessments/${v1.id}`)).body).toMatchObject({ status: 'validated', isLatest: true })
    await staffBg.patch(`/api/assessments/${v2.body.id}`, { answers: { ...EXAMPLE, Q5: [1, 2, 3] } })
    await staffBg.post(`/api/assessments/${v2.body.id}/submit`)
    await staffBg.post(`/api/assessments/${v2.body.id}/validate`)
    expect((await staffBg.get<Assessment>(`/api/assessments/${v1.id}`)).body).toMatchObject({ status: 'superseded', isLatest: false })
    expect((await staffBg.get<Assessment>(`/api/assessments/${v2.body.id}`)).body).toMatchObject({ status: 'validated', isLatest: true })
    const history = await staffBg.get<Page<AssessmentSummary>>(`/api/assessments?companyId=${c.id}`)
    expect(history.body.items.map((a) => [a.version, a.status])).toEqual([
      [2, 'validated'],
      [1, 'superseded'],
    ])
  })

  it('deletes a draft, audited', async () => {
    const c = await company()
    const { body: draft } = await start(staffBg, c.id)
    expect((await staffBg.delete(`/api/assessments/${draft.id}`)).status).toBe(204)
    expect((await staffBg.get(`/api/assessments/${draft.id}`)).status).toBe(404)
    const [entry] = await t.deps.database.db.select().from(auditLog).where(and(eq(auditLog.entityId, draft.id), eq(auditLog.action, 'delete')))
    expect(entry?.before).toMatchObject({ id: draft.id, status: 'draft' })
  })
})

describe('assessments: scoping and lists', () => {
  it('hides one antenna’s assessments from another, and from viewers (who read no unit data)', async () => {
    const c = await company()
    const { body: draft } = await start(staffBg, c.id)
    expect((await staffBs.get(`/api/assessments/${draft.id}`)).status).toBe(404)
    expect((await staffBs.patch(`/api/assessments/${draft.id}`, { answers: {} })).status).toBe(404)
    expect((await start(staffBs, c.id)).status).toBe(404)
    const theirs = await staffBs.get<Page<AssessmentSummary>>('/api/assessments?limit=100')
    expect(theirs.body.items.some((a) => a.id === draft.id)).toBe(false)
    const byCompany = await staffBs.get<Page<AssessmentSummary>>(`/api/assessments?companyId=${c.id}`)
    expect(byCompany.body.items).toEqual([])
    expect((await viewerBg.get(`/api/assessments/${draft.id}`)).status).toBe(404)
    expect((await viewerBg.patch(`/api/assessments/${draft.id}`, { answers: {} })).status).toBe(404)
    expect((await start(viewerBg, c.id)).status).toBe(404)
    expect((await viewerBg.get('/api/assessments')).status).toBe(403)
  })

  it('lets a company member read their company’s validated assessments only', async () => {
    const c = await company()
    await t.deps.database.db.insert(companyMembers).values({ companyId: c.id, userId: memberUser.id })
    const member = await signedInClient(t, memberUser.email)
    const done = await validated(c.id)
    const { body: draft } = await start(staffBg, c.id, { stage: 'T1' })
    expect((await member.get<Assessment>(`/api/assessments/${done.id}`)).body).toMatchObject({ status: 'validated', evidence: {}, can: { correct: false } })
    expect((await member.get(`/api/assessments/${draft.id}`)).status).toBe(404)
    const list = await member.get<Page<AssessmentSummary>>(`/api/assessments?companyId=${c.id}`)
    expect(list.body.items.map((a) => a.id)).toEqual([done.id])
    expect((await member.post(`/api/assessments/${done.id}/correct`)).status).toBe(403)
  })

  it('filters by status, stage, mode and instrument, in keyset pages', async () => {
    const c = await company({ name: 'Filtri S.p.A.' })
    const ids: string[] = []
    for (let i = 0; i < 3; i++) {
      t.clock.advance(1000)
      ids.push((await start(staffBg, c.id, { mode: 'self', stage: 'T2' })).body.id)
    }
    const first = await staffBg.get<Page<AssessmentSummary>>(`/api/assessments?companyId=${c.id}&mode=self&stage=T2&status=draft&instrument=eu-dma-sme&limit=2`)
    expect(first.body.items.map((a) => a.id)).toEqual([ids[2], ids[1]])
    const second = await staffBg.get<Page<AssessmentSummary>>(`/api/assessments?companyId=${c.id}&mode=self&limit=2&cursor=${first.body.nextCursor}`)
    expect(second.body.items.map((a) => a.id)).toEqual([ids[0]])
    expect(second.body.nextCursor).toBeNull()
    const none = await staffBg.get<Page<AssessmentSummary>>(`/api/assessments?companyId=${c.id}&mode=assisted`)
    expect(none.body.items).toEqual([])
    const unitWide = await staffBg.get<Page<AssessmentSummary>>('/api/assessments?mode=self&stage=T2&limit=100')
    expect(unitWide.body.items.map((a) => a.id)).toEqual(expect.arrayContaining(ids))
  })
})

describe('assessments: self-assessment links', () => {
  async function sendLink(assessmentId: string, email: string, locale?: 'it' | 'en') {
    const res = await staffBg.post<AssessmentLink>(`/api/assessments/${assessmentId}/links`, { email, ...(locale ? { locale } : {}) })
    expect(res.status).toBe(201)
    const [mail] = await t.deps.database.db.select().from(mailMessages).where(eq(mailMessages.to, email))
    const token = /self-assessment\/([A-Za-z0-9_-]+)/.exec(mail?.text ?? '')?.[1]
    if (!token || !mail) throw new Error('no link in the mail')
    return { link: res.body, token, mail }
  }

  it('mails a link; its holder autosaves without an account, submits, and then only reads', async () => {
    const c = await company()
    const { body: draft } = await start(staffBg, c.id, { mode: 'self' })
    const { link, token, mail } = await sendLink(draft.id, 'titolare@meccanica.example')
    expect(link).toMatchObject({ status: 'active', email: 'titolare@meccanica.example', locale: 'it' })
    expect(mail.subject).toContain('Meccanica Bergamasca')
    expect(mail.text).toContain('http://ponte.test/self-assessment/')
    const [stored] = await t.deps.database.db.select().from(mailMessages).where(eq(mailMessages.id, mail.id))
    expect(JSON.stringify((await staffBg.get(`/api/assessments/${draft.id}/links`)).body)).not.toContain(token)
    expect(stored?.html).toContain('<a href=')

    const anon = new ApiClient(t.app)
    const opened = await anon.get<SelfAssessment>(`/api/assessment-links/${token}`)
    expect(opened.status).toBe(200)
    expect(opened.body).toMatchObject({ companyName: 'Meccanica Bergamasca S.r.l.', status: 'draft', readOnly: false, answers: {} })
    const half = await anon.patch<SelfAssessment>(`/api/assessment-links/${token}`, { answers: { Q1: EXAMPLE.Q1, Q2: EXAMPLE.Q2 } })
    expect(half.status).toBe(200)
    // Another device picks up where the first stopped.
    const other = new ApiClient(t.app)
    expect((await other.get<SelfAssessment>(`/api/assessment-links/${token}`)).body.answers).toEqual({ Q1: EXAMPLE.Q1, Q2: EXAMPLE.Q2 })
    await other.patch(`/api/assessment-links/${token}`, { answers: { ...EXAMPLE, Q9: [0, 0, 0, 9, 0] } })
    const bad = await other.post<ErrorBody>(`/api/assessment-links/${token}/submit`)
    expect(bad.status).toBe(400)
    expect(bad.body.error.fields).toEqual([{ path: 'answers.Q9', message: expect.stringContaining('Q9') }])
    await other.patch(`/api/assessment-links/${token}`, { answers: EXAMPLE })
    const submitted = await other.post<SelfAssessment>(`/api/assessment-links/${token}/submit`)
    expect(submitted.body).toMatchObject({ status: 'submitted', readOnly: true })
    expect((await anon.patch<ErrorBody>(`/api/assessment-links/${token}`, { answers: {} })).status).toBe(409)
    expect((await anon.get<SelfAssessment>(`/api/assessment-links/${token}`)).body.readOnly).toBe(true)
    const staffView = await staffBg.get<Assessment>(`/api/assessments/${draft.id}`)
    expect(staffView.body).toMatchObject({ status: 'submitted', answers: EXAMPLE, can: { validate: true } })
    const links = await staffBg.get<{ items: AssessmentLink[] }>(`/api/assessments/${draft.id}/links`)
    expect(links.body.items.map((l) => l.status)).toEqual(['submitted'])
    expect(links.body.items[0]?.lastOpenedAt).not.toBeNull()
  })

  it('answers clearly to unknown, revoked and expired links', async () => {
    const c = await company()
    const { body: draft } = await start(staffBg, c.id, { mode: 'self' })
    const anon = new ApiClient(t.app)
    const unknown = await anon.get<ErrorBody>('/api/assessment-links/not-a-real-token')
    expect(unknown.status).toBe(404)
    expect(unknown.body.error.messageKey).toBe('errors.assessmentLinkUnknown')

    const revoked = await sendLink(draft.id, 'revocato@example.test', 'en')
    expect(revoked.mail.subject).toMatch(/self-assessment/i)
    const res = await staffBg.post<AssessmentLink>(`/api/assessments/${draft.id}/links/${revoked.link.id}/revoke`)
    expect(res.body.status).toBe('revoked')
    const gone = await anon.get<ErrorBody>(`/api/assessment-links/${revoked.token}`)
    expect([gone.status, gone.body.error.messageKey]).toEqual([410, 'errors.assessmentLinkRevoked'])

    const expiring = await sendLink(draft.id, 'scaduto@example.test')
    expect((await anon.get(`/api/assessment-links/${expiring.token}`)).status).toBe(200)
    t.clock.advance(15 * 86_400_000)
    const expired = await anon.patch<ErrorBody>(`/api/assessment-links/${expiring.token}`, { answers: {} })
    expect([expired.status, expired.body.error.messageKey]).toEqual([410, 'errors.assessmentLinkExpired'])
    expect((await anon.post(`/api/assessment-links/${expiring.token}/submit`)).status).toBe(410)
  })

  it('sends links only for draft self-assessments, and only staff who write the unit', async () => {
    const c = await company()
    const { body: assisted } = await start(staffBg, c.id)
    expect((await staffBg.post<ErrorBody>(`/api/assessments/${assisted.id}/links`, { email: 'x@example.test' })).status).toBe(409)
    const { body: self } = await start(staffBg, c.id, { mode: 'self' })
    expect((await viewerBg.post(`/api/assessments/${self.id}/links`, { email: 'x@example.test' })).status).toBe(404)
    expect((await staffBs.post(`/api/assessments/${self.id}/links`, { email: 'x@example.test' })).status).toBe(404)
    expect((await staffBg.post(`/api/assessments/${self.id}/links`, { email: 'not-an-email' })).status).toBe(400)
  })
})
