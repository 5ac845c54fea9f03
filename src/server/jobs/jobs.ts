/**
 * Background jobs with pg-boss (ADR 0006). On PostgreSQL pg-boss opens its own pool; on PGlite it
 * runs in the app process over the same PGlite instance through its `db.executeSql` hook.
 * Every instance may run workers: pg-boss hands each job to exactly one of them.
 */
import PgBoss from 'pg-boss'
import { lt } from 'drizzle-orm'
import type { AppDeps } from '../deps'
import { sessions, signInFailures, verifications } from '../../modules/identity/server/identity.table'

export const HOUSEKEEPING_QUEUE = 'housekeeping'

/** Deletes what has expired: sessions, verification tokens, old sign-in failures. */
export async function runHousekeeping(deps: Pick<AppDeps, 'database' | 'clock'>) {
  const db = deps.database.db
  const now = deps.clock()
  const expiredSessions = await db.delete(sessions).where(lt(sessions.expiresAt, now)).returning({ id: sessions.id })
  const expiredVerifications = await db.delete(verifications).where(lt(verifications.expiresAt, now)).returning({ id: verifications.id })
  const oldFailures = await db
    .delete(signInFailures)
    .where(lt(signInFailures.occurredAt, new Date(now.getTime() - 24 * 3_600_000)))
    .returning({ id: signInFailures.id })
  return { sessions: expiredSessions.length, verifications: expiredVerifications.length, signInFailures: oldFailures.length }
}

export async function startJobs(deps: AppDeps): Promise<PgBoss> {
  const { database, logger } = deps
  const boss = database.url
    ? new PgBoss({ connectionString: database.url, max: 2 })
    : new PgBoss({ db: database.executor })
  boss.on('error', (error) => logger.error({ err: error }, 'job queue error'))
  await boss.start()
  await boss.createQueue(HOUSEKEEPING_QUEUE)
  // Nightly at 03:15 Europe/Rome.
  await boss.schedule(HOUSEKEEPING_QUEUE, '15 3 * * *', {}, { tz: 'Europe/Rome' })
  await boss.work(HOUSEKEEPING_QUEUE, async () => {
    const removed = await runHousekeeping(deps)
    logger.info({ removed }, 'housekeeping done')
  })
  return boss
}
