/**
 * Fixed-window rate limits kept in the database (`rate_limit_hits`), so every instance behind a
 * load balancer counts the same hits: nothing here lives in one process's memory. Used on public
 * routes that need no account (self-assessment links): a caller over the limit gets a 429 with the
 * time to wait, in their language.
 */
import { and, eq, lt, sql } from 'drizzle-orm'
import { AppError } from '../../shared/app-error'
import type { Db } from '../db/client'
import { rateLimitHits } from '../db/platform.table'

export interface RateLimit {
  /** What is limited, e.g. "assessment-link". */
  bucket: string
  limit: number
  windowSeconds: number
}

function windowOf(rule: RateLimit, now: Date) {
  const windowMs = rule.windowSeconds * 1000
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs)
  return { windowMs, windowStart }
}

function limited(rule: RateLimit, now: Date): AppError {
  const { windowMs, windowStart } = windowOf(rule, now)
  const retryAfterSeconds = Math.max(1, Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000))
  return new AppError('RATE_LIMITED', 'errors.tooManyRequests', { minutes: Math.ceil(retryAfterSeconds / 60), retryAfterSeconds })
}

/** Counts one hit for `key` (e.g. an IP) and throws RATE_LIMITED once the window's limit is passed. */
export async function hitRateLimit(db: Db, rule: RateLimit, key: string, now: Date): Promise<void> {
  const { windowStart } = windowOf(rule, now)
  const [row] = await db
    .insert(rateLimitHits)
    .values({ bucket: rule.bucket, key, windowStart, hits: 1 })
    .onConflictDoUpdate({ target: [rateLimitHits.bucket, rateLimitHits.key, rateLimitHits.windowStart], set: { hits: sql`${rateLimitHits.hits} + 1` } })
    .returning({ hits: rateLimitHits.hits })
  if ((row?.hits ?? 0) > rule.limit) throw limited(rule, now)
}

/** Throws RATE_LIMITED when `key` already reached the limit in this window, without counting a hit. */
export async function assertUnderRateLimit(db: Db, rule: RateLimit, key: string, now: Date): Promise<void> {
  const { windowStart } = windowOf(rule, now)
  const [row] = await db
    .select({ hits: rateLimitHits.hits })
    .from(rateLimitHits)
    .where(and(eq(rateLimitHits.bucket, rule.bucket), eq(rateLimitHits.key, key), eq(rateLimitHits.windowStart, windowStart)))
  if ((row?.hits ?? 0) >= rule.limit) throw limited(rule, now)
}

/** Housekeeping: windows that ended more than a day ago count for nothing. */
export async function sweepRateLimits(db: Db, now: Date): Promise<number> {
  const removed = await db.delete(rateLimitHits).where(lt(rateLimitHits.windowStart, new Date(now.getTime() - 24 * 3600_000))).returning({ key: rateLimitHits.key })
  return removed.length
}
