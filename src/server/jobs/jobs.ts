/**
 * Background jobs with pg-boss (ADR 0006). On PostgreSQL pg-boss opens its own pool; on PGlite it
 * runs in the app process over the same PGlite instance through its `db.executeSql` hook.
 * Every instance may run workers: pg-boss hands each job to exactly one of them.
 */
import PgBoss from 'pg-boss'
import type { AppDeps } from '../deps'
import { runIdentityHousekeeping } from '../../modules/identity'

export const HOUSEKEEPING_QUEUE = 'housekeeping'

/** Every module's housekeeping, in one nightly job. */
export async function runHousekeeping(deps: Pick<AppDeps, 'database' | 'clock'>) {
  return runIdentityHousekeeping(deps.database.db, deps.clock())
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
