/**
 * Background jobs with pg-boss (ADR 0006). On PostgreSQL pg-boss opens its own pool; on PGlite it
 * runs in the app process over the same PGlite instance through its `db.executeSql` hook.
 * Every instance may run workers: pg-boss hands each job to exactly one of them.
 */
import PgBoss from 'pg-boss'
import type { AppDeps } from '../deps'
import { sweepRateLimits } from '../http/rate-limit'
import { runIdentityHousekeeping } from '../../modules/identity'
import { COMPANY_DUPLICATES_QUEUE, COMPANY_IMPORT_QUEUE, recoverStaleCompanyImports, runCompanyImportJob, runDuplicatesFlushJob } from '../../modules/companies'

export const HOUSEKEEPING_QUEUE = 'housekeeping'
/** Every few minutes: imports whose run stopped (a crash, a restart) are taken over and resumed. */
export const IMPORT_RECOVERY_QUEUE = 'company-import-recovery'

/** Every module's housekeeping, in one nightly job. */
export async function runHousekeeping(deps: Pick<AppDeps, 'database' | 'clock'>) {
  const now = deps.clock()
  const identity = await runIdentityHousekeeping(deps.database.db, now)
  return { ...identity, rateLimitWindows: await sweepRateLimits(deps.database.db, now) }
}

/**
 * Work that services start through `deps.jobs.send(queue, data)`: one handler per queue. Run by
 * pg-boss workers (PONTE_JOBS=on) or in-process (job-queue.ts) otherwise.
 */
const JOB_HANDLERS: Record<string, (deps: AppDeps, data: Record<string, unknown>) => Promise<unknown>> = {
  [COMPANY_IMPORT_QUEUE]: (deps, data) => runCompanyImportJob(deps, data),
  [COMPANY_DUPLICATES_QUEUE]: (deps) => runDuplicatesFlushJob(deps),
}

export async function runJob(deps: AppDeps, queue: string, data: Record<string, unknown>): Promise<void> {
  const handler = JOB_HANDLERS[queue]
  if (!handler) throw new Error(`no handler for job queue ${queue}`)
  await handler(deps, data)
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
  await boss.createQueue(IMPORT_RECOVERY_QUEUE)
  await boss.schedule(IMPORT_RECOVERY_QUEUE, '*/5 * * * *', {})
  await boss.work(IMPORT_RECOVERY_QUEUE, async () => {
    await recoverStaleCompanyImports(deps, deps.clock())
  })
  for (const queue of Object.keys(JOB_HANDLERS)) {
    await boss.createQueue(queue)
    await boss.work<Record<string, unknown>>(queue, async ([job]) => {
      if (job) await runJob(deps, queue, job.data)
    })
  }
  // From now on services queue their work in pg-boss: any instance running jobs picks it up.
  deps.jobs = {
    send: async (queue, data) => {
      // No retry: a run that throws is marked failed (a retry would fail alike); a run whose
      // process died is taken over by the import recovery above and resumes after its last batch.
      await boss.send(queue, data, { retryLimit: 0 })
    },
    drain: async () => {},
  }
  return boss
}
