/**
 * The port through which services start background work (AppDeps.jobs). Until `startJobs` swaps in
 * pg-boss (PONTE_JOBS=on), jobs run in this process right after the request that sent them:
 * PONTE_JOBS=off (tests, e2e, a CLI) still works end to end, and `drain()` waits for them.
 */
import type { Logger } from 'pino'

export interface JobQueue {
  /** Queues a job; resolves once it is queued (never waits for the work). */
  send(queue: string, data: Record<string, unknown>): Promise<void>
  /** Resolves when every in-process job sent so far has finished (pg-boss: at once). */
  drain(): Promise<void>
}

export type JobRunner = (queue: string, data: Record<string, unknown>) => Promise<void>

/** Runs each job in this process on the next turn of the event loop; failures are logged. */
export function inProcessJobQueue(run: JobRunner, logger: Logger): JobQueue {
  const pending = new Set<Promise<void>>()
  return {
    async send(queue, data) {
      const job = new Promise<void>((resolve) => setImmediate(resolve))
        .then(() => run(queue, data))
        .catch((error: unknown) => logger.error({ err: error, queue }, 'in-process job failed'))
        .finally(() => pending.delete(job))
      pending.add(job)
    },
    async drain() {
      while (pending.size > 0) await Promise.all([...pending])
    },
  }
}
