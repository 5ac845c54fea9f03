import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { buildCompany } from '../../../../tests/factories/companies.factory'
import { buildUnit } from '../../../../tests/factories/identity.factory'
import { createTestDatabase, type TestDatabase } from '../../../../tests/support/test-database'
import type { Db } from '../../../server/db/client'
import {
  companyActivityMover,
  recomputeCompanyStage,
  recordCompanyActivities,
  recordCompanyActivity,
  removeCompanyActivity,
} from './company-activity.service'
import { companies, companyActivity } from './companies.table'

let testDb: TestDatabase
let db: Db

beforeAll(async () => {
  testDb = await createTestDatabase()
  db = testDb.database.db
}, 120_000)
afterAll(async () => {
  await testDb.destroy()
})

const stageOf = async (id: string) => (await db.select({ stage: companies.stage }).from(companies).where(eq(companies.id, id)))[0]?.stage
const at = new Date('2026-05-04T10:00:00Z')

describe('company activity port', () => {
  it('moves the stage to the furthest evidence and back when evidence is removed', async () => {
    const c = await buildCompany(db)
    const visit = randomUUID()
    const assessment = randomUUID()
    expect(await recordCompanyActivity(db, { companyId: c.id, stage: 'contacted', sourceType: 'interaction', sourceId: randomUUID(), occurredAt: at })).toBe('contacted')
    expect(await recordCompanyActivity(db, { companyId: c.id, stage: 'engaged', sourceType: 'interaction', sourceId: visit, occurredAt: at })).toBe('engaged')
    expect(await recordCompanyActivity(db, { companyId: c.id, stage: 'assessed', sourceType: 'assessment', sourceId: assessment, occurredAt: at })).toBe('assessed')
    expect(await stageOf(c.id)).toBe('assessed')
    await removeCompanyActivity(db, { sourceType: 'assessment', sourceId: assessment })
    expect(await stageOf(c.id)).toBe('engaged')
    await removeCompanyActivity(db, { sourceType: 'interaction', sourceId: visit })
    expect(await stageOf(c.id)).toBe('contacted')
  })

  it('updates a source’s evidence instead of adding a second row', async () => {
    const c = await buildCompany(db)
    const source = randomUUID()
    await recordCompanyActivity(db, { companyId: c.id, stage: 'contacted', sourceType: 'interaction', sourceId: source, occurredAt: at })
    await recordCompanyActivity(db, { companyId: c.id, stage: 'engaged', sourceType: 'interaction', sourceId: source, occurredAt: new Date('2026-06-01T10:00:00Z') })
    const rows = await db.select().from(companyActivity).where(eq(companyActivity.sourceId, source))
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ stage: 'engaged', occurredAt: new Date('2026-06-01T10:00:00Z') })
  })

  it('puts a company without evidence back to "contacted"', async () => {
    const c = await buildCompany(db, { stage: 'roadmap' })
    expect(await recomputeCompanyStage(db, c.id)).toBe('contacted')
    expect(await stageOf(c.id)).toBe('contacted')
  })

  it('records a batch and recomputes each company once', async () => {
    const unit = await buildUnit(db)
    const a = await buildCompany(db, { unit })
    const b = await buildCompany(db, { unit })
    await recordCompanyActivities(db, [
      { companyId: a.id, stage: 'contacted', sourceType: 'interaction', sourceId: randomUUID(), occurredAt: at },
      { companyId: a.id, stage: 'engaged', sourceType: 'interaction', sourceId: randomUUID(), occurredAt: at },
      { companyId: b.id, stage: 'contacted', sourceType: 'interaction', sourceId: randomUUID(), occurredAt: at },
    ])
    expect([await stageOf(a.id), await stageOf(b.id)]).toEqual(['engaged', 'contacted'])
  })
})

describe('companyActivityMover', () => {
  it('gives the merged company’s activity to the survivor, keeping one row per shared source, and undoes it', async () => {
    const unit = await buildUnit(db)
    const survivor = await buildCompany(db, { unit })
    const merged = await buildCompany(db, { unit })
    const shared = randomUUID()
    const own = randomUUID()
    await recordCompanyActivity(db, { companyId: survivor.id, stage: 'contacted', sourceType: 'event', sourceId: shared, occurredAt: at })
    await recordCompanyActivity(db, { companyId: merged.id, stage: 'contacted', sourceType: 'event', sourceId: shared, occurredAt: at })
    await recordCompanyActivity(db, { companyId: merged.id, stage: 'engaged', sourceType: 'interaction', sourceId: own, occurredAt: at })

    expect(await companyActivityMover.count?.(db, merged.id)).toBe(2)
    const token = await db.transaction((tx) => companyActivityMover.move(tx, merged.id, survivor.id))
    const survivorRows = await db.select().from(companyActivity).where(eq(companyActivity.companyId, survivor.id))
    expect(survivorRows.map((r) => r.sourceId).sort()).toEqual([own, shared].sort())
    expect(await db.select().from(companyActivity).where(eq(companyActivity.companyId, merged.id))).toEqual([])
    expect([await stageOf(survivor.id), await stageOf(merged.id)]).toEqual(['engaged', 'contacted'])

    // The token is stored as JSON in company_merges.moved: it must survive a round trip.
    await db.transaction((tx) => companyActivityMover.undo(tx, JSON.parse(JSON.stringify(token))))
    const back = await db.select().from(companyActivity).where(eq(companyActivity.companyId, merged.id))
    expect(back.map((r) => r.sourceId).sort()).toEqual([own, shared].sort())
    expect((await db.select().from(companyActivity).where(eq(companyActivity.companyId, survivor.id))).map((r) => r.sourceId)).toEqual([shared])
    expect([await stageOf(survivor.id), await stageOf(merged.id)]).toEqual(['contacted', 'engaged'])
  })
})
