import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, type TestDatabase } from '../../../tests/support/test-database'
import { AppError } from '../../shared/app-error'
import { rateLimitHits } from '../db/platform.table'
import { assertUnderRateLimit, hitRateLimit, sweepRateLimits } from './rate-limit'

let tdb: TestDatabase
beforeAll(async () => {
  tdb = await createTestDatabase({ contents: 'migrated' })
})
afterAll(async () => {
  await tdb.destroy()
})

const RULE = { bucket: 'test', limit: 3, windowSeconds: 60 }
const at = (iso: string) => new Date(iso)

async function codeOf(promise: Promise<unknown>): Promise<string | null> {
  try {
    await promise
    return null
  } catch (error) {
    return error instanceof AppError ? `${error.code} ${JSON.stringify(error.details)}` : String(error)
  }
}

describe('rate limits in the database', () => {
  it('lets the limit through, refuses the next hit in the same window with the wait, and starts again in the next window', async () => {
    const db = tdb.database.db
    for (let i = 0; i < 3; i++) expect(await codeOf(hitRateLimit(db, RULE, '10.0.0.1', at('2026-11-23T10:00:10Z')))).toBeNull()
    expect(await codeOf(hitRateLimit(db, RULE, '10.0.0.1', at('2026-11-23T10:00:45Z')))).toBe('RATE_LIMITED {"minutes":1,"retryAfterSeconds":15}')
    // Another key is counted apart.
    expect(await codeOf(hitRateLimit(db, RULE, '10.0.0.2', at('2026-11-23T10:00:45Z')))).toBeNull()
    expect(await codeOf(hitRateLimit(db, RULE, '10.0.0.1', at('2026-11-23T10:01:00Z')))).toBeNull()
  })

  it('checks without counting', async () => {
    const db = tdb.database.db
    const now = at('2026-11-23T11:00:00Z')
    for (let i = 0; i < 5; i++) await assertUnderRateLimit(db, RULE, '10.0.0.3', now)
    for (let i = 0; i < 3; i++) await hitRateLimit(db, RULE, '10.0.0.3', now)
    expect(await codeOf(assertUnderRateLimit(db, RULE, '10.0.0.3', now))).toMatch(/^RATE_LIMITED/)
  })

  it('counts every hit when many arrive at once (one row, incremented in the database)', async () => {
    const db = tdb.database.db
    const now = at('2026-11-23T12:00:00Z')
    const results = await Promise.all(Array.from({ length: 8 }, () => codeOf(hitRateLimit(db, RULE, '10.0.0.4', now))))
    expect(results.filter((r) => r === null)).toHaveLength(3)
    expect(results.filter((r) => r?.startsWith('RATE_LIMITED'))).toHaveLength(5)
  })

  it('sweeps windows older than a day', async () => {
    const db = tdb.database.db
    const removed = await sweepRateLimits(db, at('2026-11-24T11:30:00Z'))
    // Cut-off 11:30 the day before: the windows of .1 (10:00, 10:01), .2 (10:00) and .3 (11:00) go.
    expect(removed).toBe(4)
    expect((await db.select().from(rateLimitHits)).map((r) => r.key)).toEqual(['10.0.0.4'])
  })
})
