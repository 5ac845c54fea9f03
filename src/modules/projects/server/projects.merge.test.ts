import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { buildRootUnit, buildUnit, buildUser } from '../../../../tests/factories/identity.factory'
import { buildCompany } from '../../../../tests/factories/companies.factory'
import { createTestApp, type TestApp } from '../../../../tests/support/test-app'
import { projectsCompanyMover } from './projects.merge'
import { projects } from './projects.table'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
}, 120_000)
afterAll(async () => {
  await t.close()
})

describe('projectsCompanyMover', () => {
  it('moves the merged company’s projects to the survivor and undoes exactly that', async () => {
    const db = t.deps.database.db
    const unit = await buildUnit(db, { parent: await buildRootUnit(db) })
    const staff = await buildUser(db, { grants: [{ unit, role: 'unit_staff' }] })
    const survivor = await buildCompany(db, { unit })
    const merged = await buildCompany(db, { unit })
    const base = { unitId: unit.id, title: 'P', budgetDays: '10.00', createdBy: staff.id }
    const [kept] = await db.insert(projects).values({ ...base, companyId: survivor.id }).returning()
    const [moving] = await db.insert(projects).values({ ...base, companyId: merged.id }).returning()
    expect(await projectsCompanyMover.count?.(db, merged.id)).toBe(1)
    expect(await projectsCompanyMover.referencing?.(db, [merged.id, survivor.id])).toHaveLength(2)
    const token = await db.transaction((tx) => projectsCompanyMover.move(tx, merged.id, survivor.id))
    expect((await db.select().from(projects).where(eq(projects.companyId, survivor.id))).map((p) => p.id).sort()).toEqual([kept?.id, moving?.id].sort())
    await db.transaction((tx) => projectsCompanyMover.undo(tx, JSON.parse(JSON.stringify(token))))
    expect((await db.select().from(projects).where(eq(projects.companyId, merged.id))).map((p) => p.id)).toEqual([moving?.id])
  })
})
