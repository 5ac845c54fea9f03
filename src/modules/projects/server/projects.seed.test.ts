import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { buildRootUnit, buildUnit, buildUser } from '../../../../tests/factories/identity.factory'
import { buildCompany } from '../../../../tests/factories/companies.factory'
import { createTestApp, type TestApp } from '../../../../tests/support/test-app'
import { expertProfiles } from '../../experts/server/experts.table'
import { burnDownOf } from './support-days.service'
import { num } from './projects.service'
import { projects, supportDayEntries } from './projects.table'
import { seedDemoProjects } from './projects.seed'

let t: TestApp

beforeAll(async () => {
  t = await createTestApp()
}, 120_000)
afterAll(async () => {
  await t.close()
})

describe('seedDemoProjects', () => {
  it('gives ~15 projects a year of support days, never beyond a budget, mostly confirmed and approved', async () => {
    const db = t.deps.database.db
    const root = await buildRootUnit(db)
    const bg = await buildUnit(db, { parent: root })
    const staff = await buildUser(db, { grants: [{ unit: bg, role: 'unit_staff' }] })
    const expert = await buildUser(db, { grants: [{ unit: bg, role: 'expert' }] })
    await db.insert(expertProfiles).values({ userId: expert.id, status: 'approved', availabilityDaysPerMonth: 8 })
    const companies = []
    for (let i = 0; i < 30; i++) companies.push(await buildCompany(db, { unit: bg }))
    const result = await seedDemoProjects(db, { companies, staffByUnit: new Map([[bg.id, [staff.id]]]), now: new Date('2026-11-01T10:00:00Z') })
    expect(result.projects).toBe(15)
    const rows = await db.select().from(projects)
    const entries = await db.select().from(supportDayEntries)
    expect(entries.length).toBe(result.entries)
    for (const p of rows) {
      const mine = entries.filter((e) => e.projectId === p.id).sort((a, b) => a.workedOn.localeCompare(b.workedOn))
      expect(burnDownOf(num(p.budgetDays), mine).totals.logged).toBeLessThanOrEqual(num(p.budgetDays))
    }
    const confirmed = entries.filter((e) => e.confirmationStatus === 'confirmed').length
    expect(confirmed / entries.length).toBeGreaterThan(0.8)
    expect(entries.filter((e) => e.approvedAt).length / entries.length).toBeGreaterThan(0.6)
    expect(entries.some((e) => e.confirmationStatus === 'disputed')).toBe(true)
    expect(entries.some((e) => e.correctsEntryId)).toBe(true)
    const span = await db.execute<{ d: number }>(sql`select (max(worked_on) - min(worked_on))::int as d from support_day_entries`)
    const days = (Array.isArray(span) ? span : (span as { rows: { d: number }[] }).rows)[0]?.d ?? 0
    expect(days).toBeGreaterThan(300)
  })
})
