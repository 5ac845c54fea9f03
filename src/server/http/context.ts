import type { Logger } from 'pino'
import type { Actor } from '../../modules/identity/server/actor'
import type { Locale } from '../../modules/identity/identity.contract'
import type { Db } from '../db/client'
import type { AppDeps } from '../deps'

/** Hono's typed context variables for every request. */
export interface AppEnv {
  Variables: {
    requestId: string
    log: Logger
    deps: AppDeps
    actor: Actor | null
    locale: Locale
  }
}

/** What services receive: the database (or a transaction), who acts, and the request's identity. */
export interface RequestContext {
  db: Db
  deps: AppDeps
  actor: Actor | null
  requestId: string | null
  locale: Locale
  now: () => Date
}

/** A context for work outside HTTP (CLI, jobs, seed): no actor unless given. */
export function systemContext(deps: AppDeps, actor: Actor | null = null): RequestContext {
  return { db: deps.database.db, deps, actor, requestId: null, locale: 'it', now: deps.clock }
}
