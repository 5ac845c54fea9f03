import type { Logger } from 'pino'
import type { Database } from './db/client'
import type { Env } from './env'
import type { JobQueue } from './jobs/job-queue'
import type { Mailer } from '../modules/mail'
import type { Auth } from '../modules/identity'
import type { recordAudit, redactAuditEntries } from '../modules/audit'
import type { CompanyReferenceMover } from '../modules/companies'
import type { PersonalDataSource } from '../modules/contacts'

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
  audit: {
    record: typeof recordAudit
    /** Scrubs an entity's snapshots from the trail (GDPR erasure of a person). */
    redact: typeof redactAuditEntries
  }
  /**
   * Modules whose records point at companies, so a merge moves them and its undo moves them back
   * (wired in boot.ts; the companies module cannot import the modules above it).
   */
  companyReferences: readonly CompanyReferenceMover[]
  /**
   * Modules that hold personal data about contacts, for the GDPR export and erasure (wired in
   * boot.ts from src/server/personal-data-sources.ts; contacts cannot import the modules above it).
   */
  personalDataSources: readonly PersonalDataSource[]
  /** Background work: pg-boss when this process runs jobs (PONTE_JOBS=on), else in-process (jobs/job-queue.ts). */
  jobs: JobQueue
  /** Injected clock (HOUSE_STYLE tests): every "now" in services comes from here. */
  clock: () => Date
  version: string
  publicUrl: string
}
