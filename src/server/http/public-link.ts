/**
 * Public link routes (self-assessment links, roadmap sign-off, support-day confirmation) need no
 * account, so each request is limited per IP (counted in the database: every instance sees the same
 * counts). Unknown tokens are what guessing looks like: after a few misses an IP is turned away
 * before any lookup.
 */
import type { Context } from 'hono'
import { AppError } from '../../shared/app-error'
import type { AppEnv } from './context'
import type { RequestContext } from './context'
import { clientIp } from './client-ip'
import { ctxOf } from './middleware'
import { assertUnderRateLimit, hitRateLimit, type RateLimit } from './rate-limit'

export interface PublicLinkLimits {
  /** Every request through a link of this kind. */
  requests: RateLimit
  /** Requests whose token matched nothing (404). */
  misses: RateLimit
}

/** Builds the usual pair of limits for one kind of link, e.g. `publicLinkLimits('roadmap-signoff')`. */
export function publicLinkLimits(bucket: string, requestsPer10Minutes = 600, missesPer10Minutes = 20): PublicLinkLimits {
  return {
    requests: { bucket, limit: requestsPer10Minutes, windowSeconds: 600 },
    misses: { bucket: `${bucket}-miss`, limit: missesPer10Minutes, windowSeconds: 600 },
  }
}

export async function throughPublicLink<T>(c: Context<AppEnv>, limits: PublicLinkLimits, run: (ctx: RequestContext) => Promise<T>): Promise<T> {
  const ctx = ctxOf(c)
  const ip = clientIp(c)
  await assertUnderRateLimit(ctx.db, limits.misses, ip, ctx.now())
  await hitRateLimit(ctx.db, limits.requests, ip, ctx.now())
  try {
    return await run(ctx)
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') {
      // Count the miss; the caller still gets this request's 404, the next ones a 429 once over.
      await hitRateLimit(ctx.db, limits.misses, ip, ctx.now()).catch(() => undefined)
    }
    throw error
  }
}
