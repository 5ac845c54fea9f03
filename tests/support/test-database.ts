/**
 * A fresh, migrated database per test file (HOUSE_STYLE "Tests"): in-memory PGlite by default; a
 * throwaway database on the PostgreSQL server of TEST_DATABASE_URL when that is set.
 */
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import pg from 'pg'
import { inject } from 'vitest'
import { openDatabase, type Database } from '../../src/server/db/client'
import { migrateDatabase } from '../../src/server/db/migrate'

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || undefined
export const TEST_DATABASE_KIND = TEST_DATABASE_URL ? 'postgres' : 'pglite'

export interface TestDatabase {
  database: Database
  /** Drops the throwaway PostgreSQL database (no-op on PGlite). */
  destroy(): Promise<void>
}

/**
 * Creates a PostgreSQL database next to TEST_DATABASE_URL's and returns its URL: empty, or a copy
 * of `template` (a database nobody is connected to).
 */
export async function createThrowawayPostgres(template?: string): Promise<{ url: string; drop: () => Promise<void> }> {
  if (!TEST_DATABASE_URL) throw new Error('TEST_DATABASE_URL is not set')
  const name = `ponte_test_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL })
  await admin.connect()
  await admin.query(template ? `create database ${name} template ${template}` : `create database ${name}`)
  await admin.end()
  const url = new URL(TEST_DATABASE_URL)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: TEST_DATABASE_URL })
      await c.connect()
      await c.query(`drop database if exists ${name} with (force)`)
      await c.end()
    },
  }
}

export type TestDatabaseContents = 'empty' | 'migrated' | 'app'

/** The templates tests/support/global-setup.ts built for this run (none outside Vitest's server project). */
function templates() {
  try {
    return inject('databaseTemplates')
  } catch {
    return undefined
  }
}

const pgliteDumps = new Map<string, Blob>()
function pgliteDump(file: string): Blob {
  let blob = pgliteDumps.get(file)
  if (!blob) {
    blob = new Blob([fs.readFileSync(file)])
    pgliteDumps.set(file, blob)
  }
  return blob
}

/**
 * A fresh database for one test file. `contents`: 'empty' (a new cluster), 'migrated' (the schema,
 * the default), or 'app' (schema + reference data, what createTestApp needs). Copied from the run's
 * templates when they exist; built from scratch otherwise, with the same result.
 */
export async function createTestDatabase(options: { migrate?: boolean; contents?: TestDatabaseContents } = {}): Promise<TestDatabase> {
  const contents: TestDatabaseContents = options.contents ?? (options.migrate === false ? 'empty' : 'migrated')
  const provided = templates()
  let database: Database
  let drop = async () => {}
  let prepared: boolean
  if (TEST_DATABASE_URL) {
    const template = contents === 'app' ? provided?.postgres : undefined
    const throwaway = await createThrowawayPostgres(template)
    database = await openDatabase({ url: throwaway.url, poolSize: 5 })
    drop = throwaway.drop
    prepared = template !== undefined
  } else {
    const file = provided?.pglite?.[contents]
    database = await openDatabase(file ? { memory: true, loadDataDir: pgliteDump(file) } : { memory: true })
    prepared = file !== undefined
  }
  // Without a template, build what the template would have held. ('app' reference data is loaded
  // by buildDeps, which createTestApp always runs.)
  if (!prepared && contents !== 'empty') await migrateDatabase(database)
  return {
    database,
    async destroy() {
      await database.close()
      await drop()
    },
  }
}
