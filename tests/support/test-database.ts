/**
 * A fresh, migrated database per test file (HOUSE_STYLE "Tests"): in-memory PGlite by default; a
 * throwaway database on the PostgreSQL server of TEST_DATABASE_URL when that is set.
 */
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { openDatabase, type Database } from '../../src/server/db/client'
import { migrateDatabase } from '../../src/server/db/migrate'

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || undefined
export const TEST_DATABASE_KIND = TEST_DATABASE_URL ? 'postgres' : 'pglite'

export interface TestDatabase {
  database: Database
  /** Drops the throwaway PostgreSQL database (no-op on PGlite). */
  destroy(): Promise<void>
}

/** Creates an empty PostgreSQL database next to TEST_DATABASE_URL's and returns its URL. */
export async function createThrowawayPostgres(): Promise<{ url: string; drop: () => Promise<void> }> {
  if (!TEST_DATABASE_URL) throw new Error('TEST_DATABASE_URL is not set')
  const name = `ponte_test_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL })
  await admin.connect()
  await admin.query(`create database ${name}`)
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

export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  let database: Database
  let drop = async () => {}
  if (TEST_DATABASE_URL) {
    const throwaway = await createThrowawayPostgres()
    database = await openDatabase({ url: throwaway.url, poolSize: 5 })
    drop = throwaway.drop
  } else {
    database = await openDatabase({ memory: true })
  }
  if (options.migrate !== false) await migrateDatabase(database)
  return {
    database,
    async destroy() {
      await database.close()
      await drop()
    },
  }
}
