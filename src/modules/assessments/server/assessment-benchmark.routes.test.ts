import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildRootUnit, buildUnit, buildUser } from '../../../../tests/factories/identity.factory'
import { buildCompany } from '../../../../tests/factories/companies.factory'
import { ApiClient, createTestApp, signedInClient, type TestApp } from '../../../../tests/support/test-app'
import type { Assessment, AssessmentBenchmarkResponse } from '../assessments.contract'
import { assessments } from './assessments.table'

let t: TestApp
let staff: ApiClient
let otherAntenna: ApiClient
let validated: Assessment
let draftId: string

beforeAll(async () => {
  t = await createTestApp()
  const db = t.deps.database.db
  const root = await buildRootUnit(db, { name: 'DIH Lombardia' })
  const bg = await buildUnit(db, { parent: root, name: 'Antenna Bergamo' })
  const bs = await buildUnit(db, { parent: root, name: 'Antenna Brescia' })
  staff = await signedInClient(t, (await buildUser(db, { grants: [{ unit: bg, role: 'unit_staff' }] })).email)
  otherAntenna = await signedInClient(t, (await buildUser(db, { grants: [{ unit: bs, role: 'unit_staff' }] })).email)
  const company = await buildCompany(db, { unit: bg, atecoSection: 'C', sizeDerived: 'small', comuneIstat: '016024', provinceCode: '016', regionCode: '03' })
  const created = await staff.post<Assessment>('/api/assessments', { companyId: company.id, stage: 'T0', mode: 'assisted' })
  await staff.patch(`/api/assessments/${created.body.id}`, { answers: { Q2: [1, 3, 5], Q3: [1, 2, 6, 10], Q8: [2, 5] } })
  await staff.post(`/api/assessments/${created.body.id}/submit`)
  validated = (await staff.post<Assessment>(`/api/assessments/${created.body.id}/validate`)).body
  expect(validated.status).toBe('validated')
  draftId = (await staff.post<Assessment>('/api/assessments', { companyId: company.id, stage: 'T1', mode: 'assisted' })).body.id
}, 120_000)
afterAll(async () => {
  await t.close()
})

const benchmarkOf = (client: ApiClient, id: string) => client.get<AssessmentBenchmarkResponse>(`/api/assessments/${id}/benchmark`)

describe('GET /assessments/{id}/benchmark', () => {
  it('shows nothing while every peer group is under 10, and says why', async () => {
    const res = await benchmarkOf(staff, validated.id)
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ benchmark: null, unavailable: 'group_too_small', minimumGroupSize: 10 })
  })

  it('places the assessment in its exact peer group once it holds 10, with the group’s spread', async () => {
    const group = validated.peerGroup
    expect(group).not.toBeNull()
    // Nine peers of the same section, size and region scoring 10, 20, …, 90 on everything.
    await t.deps.database.db.insert(assessments).values(
      [10, 20, 30, 40, 50, 60, 70, 80, 90].map((score) => {
        const id = randomUUID()
        return {
          id, seriesId: id, companyId: randomUUID(), unitId: validated.unitId, stage: 'T0', mode: 'assisted', instrumentId: 'eu-dma-sme', instrumentVersion: '2024',
          rulesVersion: '2024-r1', status: 'validated', isLatest: true, overall: score, band: 'average', d1: score, d2: score, d3: score, d4: score, d5: score, d6: score,
          atecoSection: group?.atecoSection, sizeClass: group?.sizeClass, regionCode: group?.regionCode,
        }
      }),
    )
    const { body } = await benchmarkOf(staff, validated.id)
    expect(body.unavailable).toBeNull()
    expect(body.benchmark?.level).toBe('section_size_region')
    expect(body.benchmark?.size).toBe(10)
    const overall = validated.overall ?? 0
    expect(body.benchmark?.scores.overall).toBeCloseTo(overall, 10)
    // 7.78 is below every peer: half a tie with itself out of 10.
    expect(body.benchmark?.percentiles.overall).toBeCloseTo(5, 10)
    // The ten overall scores sorted: 7.78, 10, 20, …, 90; the median lies between 40 and 50.
    expect(body.benchmark?.distribution.overall?.median).toBeCloseTo(45, 10)
  })

  it('has no benchmark for a draft, and hides the assessment from another antenna', async () => {
    expect((await benchmarkOf(staff, draftId)).body.unavailable).toBe('not_validated')
    expect((await benchmarkOf(otherAntenna, validated.id)).status).toBe(404)
  })
})
