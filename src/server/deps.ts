import type { Logger } from 'pino'
import type { Database } from './db/client'
import type { Env } from './env'
import type { Mailer } from '../modules/mail/server/mailer'
import type { Auth } from '../modules/identity/server/auth'

/** Everything a request or job may need, built once at boot (src/server/boot.ts). */
export interface AppDeps {
  env: Env
  database: Database
  logger: Logger
  mailer: Mailer
  auth: Auth
  /** Injected clock (HOUSE_STYLE tests): every "now" in services comes from here. */
  clock: () => Date
  version: string
  publicUrl: string
}
