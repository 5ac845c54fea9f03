import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildRootUnit, buildUnit, buildUser } from '../../../../tests/factories/identity.factory'
import { buildCompany } from '../../../../tests/factories/companies.factory'
import { createTestApp, signedInClient, type ApiClient, type TestApp } from '../../../../tests/support/test-app'
import { expertProfiles } from '../../experts/server/experts.table'
import type { ExpertMatchList, Project } from '../projects.contract'
import { dimensionGaps } from './projects-matching.service'
import { projects } from './projects.table'

let t: TestApp
let staff: ApiClient
let expert: ApiClient
let busyId: string
let freeId: string
let conflictedId: string
let project: Project

beforeAll(async () => {
  t = await createTestApp()
  const db = t.deps.database.db
  const root = await buildRootUnit(db)
  const bg = await buildUnit(db, { parent: root, name: 'Antenna Bergamo' })
  staff = await signedInClient(t, (await buildUser(db, { grants: [{ unit: bg, role: 'unit_staff' }] })).email)
  const busy = await buildUser(db, { name: 'Esperto Impegnato', grants: [{ unit: bg, role: 'expert' }] })
  const free = await buildUser(db, { name: 'Esperta Libera', grants: [{ unit: bg, role: 'expert' }] })
  const conflicted = await buildUser(db, { name: 'Esperto Dipendente', grants: [{ unit: bg, role: 'expert' }] })
  busyId = busy.id
  freeId = free.id
  conflictedId = conflicted.id
  expert = await signedInClient(t, busy.email)
  const company = await buildCompany(db, { unit: bg, name: 'Meccanica Orobica S.r.l.', atecoSection: 'C' })
  const profile = { status: 'approved', competences: ['cybersecurity'], sectors: ['C'], provinces: ['BG'], availabilityDaysPerMonth: 8 }
  await db.insert(expertProfiles).values([
    { userId: busy.id, ...profile },
    { userId: free.id, ...profile },
    { userId: conflicted.id, ...profile, employerName: 'Meccanica Orobica S.r.l.', employerVatNumber: company.vatNumber },
  ])
  // The busy expert runs an active 12-day project this month, and was rated 2 on a finished one.
  const month = t.clock.now.toISOString().slice(0, 7)
  const other = await buildCompany(db, { unit: bg })
  await db.insert(projects).values([
    { companyId: other.id, unitId: bg.id, expertUserId: busy.id, title: 'In corso', budgetDays: '12.00', startsOn: `${month}-01`, endsOn: `${month}-28`, status: 'active', createdBy: busy.id },
    { companyId: other.id, unitId: bg.id, expertUserId: busy.id, title: 'Finito', budgetDays: '5.00', status: 'completed', expertRating: 2, createdBy: busy.id },
    { companyId: other.id, unitId: bg.id, expertUserId: free.id, title: 'Finito bene', budgetDays: '5.00', status: 'completed', expertRating: 5, createdBy: busy.id },
  ])
  project = (await staff.post<Project>('/api/projects', { companyId: company.id, title: 'Sicurezza', budgetDays: 10 })).body
}, 120_000)

afterAll(async () => {
  await t.close()
})

describe('dimensionGaps', () => {
  it('measures each dimension up to the lower bound of the next band, 0 in the top band', () => {
    // Bands of the 2024 rules: basic 0–25, average 26–50, moderately advanced 51–75, advanced 76–100.
    expect(dimensionGaps({ D1: 20, D2: 50, D3: 90 }, '2024-r1')).toEqual({ D1: 6, D2: 1, D3: 0 })
  })
})

describe('GET /projects/{id}/expert-matches', () => {
  it('ranks the pool with the breakdown, counting workload and ratings from past projects, excluding conflicts', async () => {
    const res = await staff.get<ExpertMatchList>(`/api/projects/${project.id}/expert-matches`)
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    const ids = res.body.items.map((m) => m.userId)
    expect(ids).toContain(busyId)
    const free = res.body.items.find((m) => m.userId === freeId)
    const busy = res.body.items.find((m) => m.userId === busyId)
    expect(ids).not.toContain(conflictedId)
    const conflicted = res.body.excluded.find((m) => m.userId === conflictedId)
    expect(busy?.committedDaysPerMonth).toBe(12)
    expect(free?.committedDaysPerMonth).toBe(0)
    expect(free?.score).toBeGreaterThan(busy?.score ?? Infinity)
    expect(free?.factors.map((f) => f.key)).toEqual(expect.arrayContaining(['competence', 'sector', 'distance', 'availability', 'workload', 'rating']))
    expect(conflicted?.excluded?.reason).toBe('conflict-of-interest')
    expect(res.body).toMatchObject({ eligibleTotal: 2, excludedTotal: 1, limit: 50 })
  })

  it('returns the head of the ranking with the totals: `limit` best eligible experts, the excluded capped alike', async () => {
    const all = (await staff.get<ExpertMatchList>(`/api/projects/${project.id}/expert-matches`)).body
    const res = await staff.get<ExpertMatchList>(`/api/projects/${project.id}/expert-matches?limit=1`)
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body.items).toEqual(all.items.slice(0, 1))
    expect(res.body.items[0]?.userId).toBe(freeId)
    expect(res.body.excluded.map((m) => m.userId)).toEqual([conflictedId])
    expect(res.body).toMatchObject({ eligibleTotal: 2, excludedTotal: 1, limit: 1 })
  })

  it.each(['0', '201', 'tutti'])('refuses limit=%s', async (limit) => {
    expect((await staff.get(`/api/projects/${project.id}/expert-matches?limit=${limit}`)).status).toBe(400)
  })

  it('is staff work: the expert is refused', async () => {
    expect((await expert.get(`/api/projects/${project.id}/expert-matches`)).status).toBe(404)
  })

  it('assigns the chosen expert', async () => {
    const res = await staff.post<Project>(`/api/projects/${project.id}/assign`, { expertUserId: freeId })
    expect(res.body.expert?.name).toBe('Esperta Libera')
  })
})
