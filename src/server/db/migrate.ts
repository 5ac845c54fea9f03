import { fileURLToPath } from 'node:url'
import fs from 'node:fs'
import path from 'node:path'
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator'
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator'
import type { PgliteDatabase } from 'drizzle-orm/pglite'
import type { NodePgDatabase } from 'drizzle-orm/node-postgres'
import type { Database, SqlExecutor } from './client'

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../../drizzle', import.meta.url))

// Any constant works: it only has to be the same for every Ponte instance.
const MIGRATION_LOCK_KEY = 7_480_312_001

/**
 * Applies pending migrations. On PostgreSQL several instances may start at once: an advisory lock
 * makes them take turns, so each migration runs exactly once.
 */
export async function migrateDatabase(database: Database): Promise<void> {
  const config = { migrationsFolder: MIGRATIONS_DIR }
  if (database.kind === 'pglite') {
    await migratePglite(database.db as unknown as PgliteDatabase, config)
    return
  }
  const pool = database.pool
  if (!pool) throw new Error('postgres database without a pool')
  const client = await pool.connect()
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY])
    await migratePg(database.db as unknown as NodePgDatabase, config)
  } finally {
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined)
    client.release()
  }
}

export interface MigrationStatus {
  applied: number
  expected: number
  latest: string | null
}

/** Migrations in the journal vs those the database has recorded. */
export async function readMigrationStatus(database: Database, sql: SqlExecutor = database.executor): Promise<MigrationStatus> {
  const journal = JSON.parse(
    fs.readFileSync(path.join(MIGRATIONS_DIR, 'meta', '_journal.json'), 'utf8'),
  ) as { entries: { tag: string }[] }
  const result = await sql.executeSql(
    'select count(*)::int as n from drizzle.__drizzle_migrations',
    [],
  )
  const applied = Number((result.rows[0] as { n: number } | undefined)?.n ?? 0)
  return {
    applied,
    expected: journal.entries.length,
    latest: applied > 0 ? (journal.entries[applied - 1]?.tag ?? null) : null,
  }
}
