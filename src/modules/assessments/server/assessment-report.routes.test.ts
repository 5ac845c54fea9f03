import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { and, eq } from 'drizzle-orm'
import { buildRootUnit, buildUnit, buildUser } from '../../../../tests/factories/identity.factory'
import { buildCompany } from '../../../../tests/factories/companies.factory'
import { pdfText } from '../../../../tests/support/pdf-text'
import { ApiClient, createTestApp, signedInClient, type TestApp } from '../../../../tests/support/test-app'
import { startSmtpSink, type SmtpSink } from '../../../../tests/support/smtp-sink'
import { auditLog } from '../../audit/server/audit.table'
import type { Assessment } from '../assessments.contract'

const ANSWERS = { Q2: [1, 3, 5], Q3: [1, 2, 6, 10], Q8: [2, 5] }

let t: TestApp
let smtp: SmtpSink
let viewer: ApiClient
let staff: ApiClient
let otherAntenna: ApiClient
let companyName: string
let validatedId: string
let draftId: string

beforeAll(async () => {
  smtp = await startSmtpSink()
  t = await createTestApp({ SMTP_URL: smtp.url })
  const db = t.deps.database.db
  const root = await buildRootUnit(db, { name: 'DIH Lombardia' })
  const bg = await buildUnit(db, { parent: root, name: 'Antenna Bergamo' })
  const bs = await buildUnit(db, { parent: root, name: 'Antenna Brescia' })
  staff = await signedInClient(t, (await buildUser(db, { grants: [{ unit: bg, role: 'unit_staff' }] })).email)
  otherAntenna = await signedInClient(t, (await buildUser(db, { grants: [{ unit: bs, role: 'unit_staff' }] })).email)
  // A viewer of the network: sees units, not their companies.
  viewer = await signedInClient(t, (await buildUser(db, { grants: [{ unit: root, role: 'viewer' }] })).email)
  const company = await buildCompany(db, { unit: bg, name: 'Officine Rota S.r.l.' })
  companyName = company.name
  const created = await staff.post<Assessment>('/api/assessments', { companyId: company.id, stage: 'T0', mode: 'assisted' })
  validatedId = created.body.id
  const saved = await staff.patch(`/api/assessments/${validatedId}`, { answers: ANSWERS })
  const submitted = await staff.post(`/api/assessments/${validatedId}/submit`)
  const validated = await staff.post(`/api/assessments/${validatedId}/validate`)
  expect([saved.status, submitted.status, validated.status], JSON.stringify([saved.body, submitted.body, validated.body]).slice(0, 600)).toEqual([200, 200, 200])
  draftId = (await staff.post<Assessment>('/api/assessments', { companyId: company.id, stage: 'T1', mode: 'assisted' })).body.id
}, 120_000)
afterAll(async () => {
  await t.close()
  await smtp.close()
})

async function getPdf(client: ApiClient, id: string, query = '') {
  const res = await t.app.request(`http://ponte.test/api/assessments/${id}/report.pdf${query}`, { headers: { cookie: client.cookie, 'accept-language': 'it' } })
  return { status: res.status, type: res.headers.get('content-type'), disposition: res.headers.get('content-disposition'), bytes: new Uint8Array(await res.arrayBuffer()) }
}

describe('GET /assessments/{id}/report.pdf', () => {
  it('downloads the report of a validated assessment, in Italian, naming the company and its score, and audits it', async () => {
    const res = await getPdf(staff, validatedId)
    expect(res.status).toBe(200)
    expect(res.type).toBe('application/pdf')
    expect(res.disposition).toBe('attachment; filename="valutazione-T0-officine-rota-s-r-l.pdf"')
    const text = await pdfText(res.bytes)
    expect(text).toContain('Antenna Bergamo')
    expect(text).toContain(companyName)
    // Q2 3/10, Q3 4/10, Q8 2/6 → D1 10, D2 20, D4 16.67, overall 7.78: "Di base".
    expect(text).toContain('Punteggio complessivo: 7,8 / 100 — Di base')
    // One assessment in the whole population: no benchmark may be shown.
    expect(text).toContain('ne servono almeno 10')
    const audited = await t.deps.database.db.select().from(auditLog).where(and(eq(auditLog.entityId, validatedId), eq(auditLog.action, 'report')))
    expect(audited).toHaveLength(1)
  })

  it('speaks English on request', async () => {
    const text = await pdfText((await getPdf(staff, validatedId, '?locale=en')).bytes)
    expect(text).toContain('Overall score: 7.8 / 100 — Basic')
  })

  it('refuses a draft with a clear conflict, and hides the assessment from another antenna', async () => {
    const draft = await staff.get<{ error: { code: string; message: string } }>(`/api/assessments/${draftId}/report.pdf`)
    expect(draft.status).toBe(409)
    expect(draft.body.error.message).toBe('Il rapporto è disponibile solo per una valutazione convalidata.')
    expect((await getPdf(otherAntenna, validatedId)).status).toBe(404)
  })
})

describe('POST /assessments/{id}/report/send', () => {
  it('mails the report as a PDF attachment through SMTP, in the chosen language, and audits the address', async () => {
    const res = await staff.post<{ mailId: string; email: string; delivery: string }>(`/api/assessments/${validatedId}/report/send`, {
      email: 'Titolare@Officine-Rota.test',
      locale: 'en',
      message: 'As agreed during the visit.',
    })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body).toMatchObject({ email: 'titolare@officine-rota.test', delivery: 'sent' })
    const mail = await smtp.waitFor('titolare@officine-rota.test')
    expect(mail.subject).toBe(`Digital maturity assessment report: ${companyName} (T0)`)
    expect(mail.text).toContain('As agreed during the visit.')
    expect(mail.attachments).toHaveLength(1)
    expect(mail.attachments[0]?.fileName).toBe('assessment-T0-officine-rota-s-r-l.pdf')
    const text = await pdfText(new Uint8Array(mail.attachments[0]?.content ?? []))
    expect(text).toContain('Overall score: 7.8 / 100 — Basic')
    const audited = await t.deps.database.db.select().from(auditLog).where(and(eq(auditLog.entityId, validatedId), eq(auditLog.action, 'report')))
    expect(audited.some((a) => (a.after as { sentTo?: string } | null)?.sentTo === 'titolare@officine-rota.test')).toBe(true)
  })

  it('refuses a bad address with a field error, a draft with a conflict, and anyone outside the company’s unit', async () => {
    const bad = await staff.post<{ error: { fields?: { path: string }[] } }>(`/api/assessments/${validatedId}/report/send`, { email: 'non-una-email' })
    expect(bad.status).toBe(400)
    expect(bad.body.error.fields?.[0]?.path).toBe('email')
    expect((await staff.post(`/api/assessments/${draftId}/report/send`, { email: 'a@b.test' })).status).toBe(409)
    expect((await viewer.post(`/api/assessments/${validatedId}/report/send`, { email: 'a@b.test' })).status).toBe(404)
    expect((await otherAntenna.post(`/api/assessments/${validatedId}/report/send`, { email: 'a@b.test' })).status).toBe(404)
  })
})
