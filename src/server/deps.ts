import type { Logger } from 'pino'
import type { Database } from './db/client'
import type { Env } from './env'
import type { Mailer } from '../modules/mail'
import type { Auth } from '../modules/identity'
import type { recordAudit } from '../modules/audit'
import type { CompanyReferenceMover } from '../modules/companies'

/** Everything a request or job may need, built once at boot (src/server/boot.ts). */
export interface AppDeps {
  env: Env
  database: Database
  logger: Logger
  mailer: Mailer
  auth: Auth
  /**
   * The audit trail, injected so that every module records through one port and the audit module
   * (which reads identity's scoping) sits above the modules it records for.
   */
  audit: { record: typeof recordAudit }
  /**
   * Modules whose records point at companies, so a merge moves them and its undo moves them back
   * (wired in boot.ts; the companies module cannot import the modules above it).
   */
  companyReferences: readonly CompanyReferenceMover[]
  /** Injected clock (HOUSE_STYLE tests): every "now" in services comes from here. */
  clock: () => Date
  version: string
  publicUrl: string
}
