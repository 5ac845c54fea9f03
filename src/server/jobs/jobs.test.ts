import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { buildUser } from '../../../tests/factories/identity.factory'
import { createTestApp, signedInClient, type TestApp } from '../../../tests/support/test-app'
import { sessions } from '../../modules/identity/server/identity.table'
import { HOUSEKEEPING_QUEUE, runHousekeeping, startJobs } from './jobs'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(async () => {
  await t.close()
})

describe('housekeeping', () => {
  it('deletes expired sessions and keeps live ones', async () => {
    const db = t.deps.database.db
    const expired = await buildUser(db)
    const live = await buildUser(db)
    await signedInClient(t, expired.email)
    await signedInClient(t, live.email)
    await db.update(sessions).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(sessions.userId, expired.id))
    const removed = await runHousekeeping({ database: t.deps.database, clock: () => new Date() })
    expect(removed.sessions).toBe(1)
    expect(removed.rateLimitWindows).toBe(0)
    expect(await db.select().from(sessions).where(eq(sessions.userId, live.id))).toHaveLength(1)
  })
})

describe('job queue', () => {
  it(`runs pg-boss over this database (${process.env.TEST_DATABASE_URL ? 'its own pool' : 'PGlite in-process'}) and works a housekeeping job`, async () => {
    const boss = await startJobs(t.deps)
    try {
      const id = await boss.send(HOUSEKEEPING_QUEUE, {})
      expect(id).toBeTruthy()
      await expect
        .poll(async () => (await boss.getJobById(HOUSEKEEPING_QUEUE, id as string))?.state, { timeout: 20_000, interval: 250 })
        .toBe('completed')
      const schedules = await boss.getSchedules()
      expect(schedules.map((s) => s.name)).toContain(HOUSEKEEPING_QUEUE)
    } finally {
      await boss.stop({ graceful: true, wait: true, close: true, timeout: 5_000 })
    }
  }, 60_000)
})
