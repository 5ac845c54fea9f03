/** Builds the dependencies of the app from the environment: database (migrated), auth, mailer. */
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import { eq } from 'drizzle-orm'
import type { Logger } from 'pino'
import { createAuth } from '../modules/identity'
import { createMailer } from '../modules/mail'
import { recordAudit, redactAuditEntries } from '../modules/audit'
import { loadTerritoryReferenceData } from '../modules/territory'
import { passwordResetMail } from '../modules/identity/server/identity.mails'
import { RESET_TOKEN_SECONDS } from '../modules/identity/server/auth'
import { users } from '../modules/identity/server/identity.table'
import { openDatabase, type Database, type Db } from './db/client'
import { migrateDatabase } from './db/migrate'
import { appSettings } from './db/platform.table'
import type { AppDeps } from './deps'
import { COMPANY_REFERENCES } from './company-references'
import { inProcessJobQueue } from './jobs/job-queue'
import { runJob } from './jobs/jobs'
import { PERSONAL_DATA_SOURCES } from './personal-data-sources'
import { publicUrl, type Env } from './env'

export const VERSION: string = (
  JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version

/** PONTE_SECRET, or one generated on first start and kept in the database for every instance. */
async function resolveSecret(db: Db, env: Env): Promise<string> {
  if (env.PONTE_SECRET) return env.PONTE_SECRET
  await db
    .insert(appSettings)
    .values({ key: 'session_secret', value: randomBytes(32).toString('base64url') })
    .onConflictDoNothing()
  const [row] = await db.select().from(appSettings).where(eq(appSettings.key, 'session_secret'))
  if (!row) throw new Error('session secret missing after insert')
  return row.value
}

export async function openAppDatabase(env: Env): Promise<Database> {
  return openDatabase({ url: env.DATABASE_URL, dataDir: env.PONTE_DATA_DIR, poolSize: env.DATABASE_POOL_SIZE })
}

export interface BuildOptions {
  env: Env
  logger: Logger
  database: Database
  clock?: () => Date
}

/** Migrates, then wires auth and mail over the opened database. */
export async function buildDeps({ env, logger, database, clock = () => new Date() }: BuildOptions): Promise<AppDeps> {
  await migrateDatabase(database)
  await loadTerritoryReferenceData(database.db)
  const mailer = createMailer({ smtpUrl: env.SMTP_URL, from: env.MAIL_FROM, logger })
  const base = publicUrl(env)
  const db = database.db
  const auth = createAuth({
    db,
    logger,
    secret: await resolveSecret(db, env),
    baseURL: base,
    sendResetPassword: async ({ user, token }) => {
      const [row] = await db.select({ locale: users.locale }).from(users).where(eq(users.id, user.id))
      const locale = row?.locale === 'en' ? 'en' : 'it'
      const mail = passwordResetMail({ locale, url: `${base}/reset-password?token=${token}`, minutes: RESET_TOKEN_SECONDS / 60 })
      await mailer.send(db, { to: user.email, ...mail })
    },
  })
  // Jobs run in this process until startJobs (PONTE_JOBS=on) hands them to pg-boss.
  const jobs = inProcessJobQueue((queue, data) => runJob(deps, queue, data), logger)
  const deps: AppDeps = { env, database, logger, mailer, auth, audit: { record: recordAudit, redact: redactAuditEntries }, companyReferences: COMPANY_REFERENCES, personalDataSources: PERSONAL_DATA_SOURCES, clock, version: VERSION, publicUrl: base, jobs }
  return deps
}
