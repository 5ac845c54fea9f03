import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildCompany } from '../../../../tests/factories/companies.factory'
import { buildRootUnit, buildUnit, buildUser } from '../../../../tests/factories/identity.factory'
import { createTestDatabase, type TestDatabase } from '../../../../tests/support/test-database'
import type { Db } from '../../../server/db/client'
import { seedDemoAssessments } from '../../assessments/server/assessments.seed'
import { companyActivity } from '../../companies/server/companies.table'
import { seedDemoRoadmaps } from './roadmaps.seed'
import { roadmaps, roadmapVersions } from './roadmap-records.table'

let testDb: TestDatabase
let db: Db

beforeAll(async () => {
  testDb = await createTestDatabase()
  db = testDb.database.db
}, 120_000)
afterAll(async () => {
  await testDb.destroy()
})

describe('demo roadmaps', () => {
  it('generates roadmaps from validated T0 assessments: focused, mostly signed, on the companies’ journey', async () => {
    const root = await buildRootUnit(db)
    const bg = await buildUnit(db, { parent: root, name: 'Antenna Bergamo' })
    const staff = await buildUser(db, { grants: [{ unit: bg, role: 'unit_staff' }] })
    const companies = []
    for (let i = 0; i < 40; i++) companies.push(await buildCompany(db, { unit: bg, name: `Azienda demo ${i}` }))
    const staffByUnit = new Map([[bg.id, [staff.id]]])
    const now = new Date('2026-11-20T10:00:00Z')
    await seedDemoAssessments(db, { companies: companies.map((c) => ({ id: c.id, unitId: bg.id, atecoSection: 'C', sizeClass: 'small', regionCode: '03', isPublicBody: false })), staffByUnit, now })
    const { roadmaps: count } = await seedDemoRoadmaps(db, { staffByUnit, now })
    expect(count).toBeGreaterThan(3)

    const rows = await db.select().from(roadmaps)
    expect(rows).toHaveLength(count)
    expect(new Set(rows.map((r) => r.status)).has('signed')).toBe(true)
    for (const row of rows) {
      const [version] = await db.select().from(roadmapVersions).where(eq(roadmapVersions.roadmapId, row.id))
      expect(version?.items.length).toBeGreaterThan(0)
      expect(version?.items.length).toBeLessThanOrEqual(12)
      expect(row.t1DueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/)
      expect(row.createdAt.getTime()).toBeLessThanOrEqual(now.getTime())
      if (row.status === 'signed') {
        expect(row.signedAt).not.toBeNull()
        const [evidence] = await db.select().from(companyActivity).where(eq(companyActivity.sourceId, row.id))
        expect(evidence).toMatchObject({ stage: 'roadmap', companyId: row.companyId })
      } else {
        expect(version?.items.every((i) => i.status === 'planned')).toBe(true)
      }
    }
  }, 120_000)
})
