import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildRootUnit, buildUnit, buildUser } from '../../../../tests/factories/identity.factory'
import { buildCompany } from '../../../../tests/factories/companies.factory'
import { ApiClient, createTestApp, signedInClient, type TestApp } from '../../../../tests/support/test-app'
import { auditLog } from '../../audit/server/audit.table'
import type { Company } from '../../companies/companies.contract'
import type { Assessment, AssessmentCustomerDataComparison } from '../assessments.contract'

let t: TestApp
let staff: ApiClient
let otherAntenna: ApiClient
let companyId: string
let assessmentId: string

beforeAll(async () => {
  t = await createTestApp()
  const db = t.deps.database.db
  const root = await buildRootUnit(db)
  const bg = await buildUnit(db, { parent: root })
  const bs = await buildUnit(db, { parent: root })
  staff = await signedInClient(t, (await buildUser(db, { grants: [{ unit: bg, role: 'unit_staff' }] })).email)
  otherAntenna = await signedInClient(t, (await buildUser(db, { grants: [{ unit: bs, role: 'unit_staff' }] })).email)
  const company = await buildCompany(db, { unit: bg, name: 'Officine Rota S.r.l.', website: 'www.rota.example', foundingYear: 1975 })
  companyId = company.id
  assessmentId = (await staff.post<Assessment>('/api/assessments', { companyId, stage: 'T0', mode: 'assisted' })).body.id
  // During the visit Module 1 is corrected: a new website, the right founding year, a malformed ATECO code.
  const saved = await staff.patch<Assessment>(`/api/assessments/${assessmentId}`, { customerData: { website: 'https://www.officinerota.it', foundingYear: 1978, atecoCode: 'non-un-codice' } })
  expect(saved.status, JSON.stringify(saved.body)).toBe(200)
}, 60_000)
afterAll(async () => {
  await t.close()
})

const comparison = (client: ApiClient) => client.get<AssessmentCustomerDataComparison>(`/api/assessments/${assessmentId}/customer-data`)
const field = (c: AssessmentCustomerDataComparison, name: string) => c.fields.find((f) => f.field === name)

describe('Module 1 written back to the company record with staff consent', () => {
  it('compares Module 1 with the record field by field, and changes nothing by itself', async () => {
    const { status, body } = await comparison(staff)
    expect(status).toBe(200)
    expect(body.canApply).toBe(true)
    expect(field(body, 'website')).toMatchObject({ assessment: 'https://www.officinerota.it', company: 'www.rota.example', differs: true })
    expect(field(body, 'foundingYear')).toMatchObject({ assessment: 1978, company: 1975, differs: true })
    expect(field(body, 'name')).toMatchObject({ assessment: 'Officine Rota S.r.l.', differs: false })
    expect((await staff.get<Company>(`/api/companies/${companyId}`)).body.website).toBe('www.rota.example')
  })

  it('applies only the fields chosen, through the company’s own rules, and audits both sides', async () => {
    const applied = await staff.post<AssessmentCustomerDataComparison>(`/api/assessments/${assessmentId}/customer-data/apply`, { fields: ['website', 'foundingYear'] })
    expect(applied.status, JSON.stringify(applied.body)).toBe(200)
    expect(field(applied.body, 'website')?.differs).toBe(false)
    const company = (await staff.get<Company>(`/api/companies/${companyId}`)).body
    expect([company.website, company.foundingYear]).toEqual(['https://www.officinerota.it', 1978])
    const db = t.deps.database.db
    const companyAudit = await db.select().from(auditLog).where(and(eq(auditLog.entityId, companyId), eq(auditLog.action, 'update')))
    expect(companyAudit).toHaveLength(1)
    const assessmentAudit = await db.select().from(auditLog).where(and(eq(auditLog.entityId, assessmentId), eq(auditLog.action, 'update')))
    expect(assessmentAudit.map((a) => a.after).find((a) => a && 'appliedToCompany' in a)).toEqual({
      appliedToCompany: { website: { from: 'www.rota.example', to: 'https://www.officinerota.it' }, foundingYear: { from: 1975, to: 1978 } },
    })
  })

  it('refuses a value the company record does not accept, naming the Module 1 field, and a choice with nothing to change', async () => {
    const bad = await staff.post<{ error: { fields: { path: string; message: string }[] } }>(`/api/assessments/${assessmentId}/customer-data/apply`, { fields: ['atecoCode'] })
    expect(bad.status).toBe(400)
    expect(bad.body.error.fields[0]?.path).toBe('customerData.atecoCode')
    const nothing = await staff.post<{ error: { message: string } }>(`/api/assessments/${assessmentId}/customer-data/apply`, { fields: ['website'] })
    expect(nothing.status).toBe(409)
    expect(nothing.body.error.message).toBe("Nessuno dei campi scelti è diverso dalla scheda dell'azienda: non c'è nulla da aggiornare.")
  })

  it('is invisible to another antenna', async () => {
    expect((await comparison(otherAntenna)).status).toBe(404)
    expect((await otherAntenna.post(`/api/assessments/${assessmentId}/customer-data/apply`, { fields: ['website'] })).status).toBe(404)
  })
})
