/**
 * One factory for both databases (ADR 0003): PGlite embedded on disk by default, PostgreSQL through
 * node-postgres when DATABASE_URL is set. Same schema, same migrations, same queries.
 */
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { cube } from '@electric-sql/pglite/contrib/cube'
import { earthdistance } from '@electric-sql/pglite/contrib/earthdistance'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { unaccent } from '@electric-sql/pglite/contrib/unaccent'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres'
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import pg from 'pg'
import * as schema from './schema'
import { lockDataDir } from './data-dir-lock'

export type Schema = typeof schema
/** A database or a transaction: repositories take either as their first argument. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>
export type DatabaseKind = 'pglite' | 'postgres'

/** What pg-boss needs to run over our connection (its `db` option). */
export interface SqlExecutor {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>
}

export interface Database {
  kind: DatabaseKind
  db: Db
  /** Raw SQL with positional parameters; for jobs, benchmarks and maintenance. */
  executor: SqlExecutor
  /** PostgreSQL only: the connection string, so pg-boss can open its own pool. */
  url: string | null
  pglite: PGlite | null
  pool: pg.Pool | null
  /** Runs `fn` on one connection (a transaction spanning several statements needs that). */
  withConnection<T>(fn: (sql: SqlExecutor) => Promise<T>): Promise<T>
  close(): Promise<void>
}

export interface DatabaseOptions {
  url?: string | undefined
  dataDir?: string | undefined
  poolSize?: number | undefined
  /** In-memory PGlite (tests): no data directory, no lock. */
  memory?: boolean
  /** In-memory PGlite only: start from this dumped data directory instead of an empty cluster. */
  loadDataDir?: Blob | undefined
}

// timestamptz as JS Date, bigint counts as numbers; same on both drivers.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10))

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.url) return openPostgres(options.url, options.poolSize ?? 10)
  return openPglite(options)
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  // No JIT on Ponte's connections (ADR 0033): its statements are short and planned per request, and
  // on a million companies a list's plan costs enough to be compiled — ~30 ms of LLVM per request
  // for a statement that runs in a few.
  const pool = new pg.Pool({ connectionString: url, max: poolSize, options: '-c jit=off' })
  // An idle client whose server connection drops (restart, failover, admin kill) emits 'error' on the
  // pool; without a listener that would crash the process. The pool replaces the client by itself.
  pool.on('error', (error) => {
    process.emitWarning(`PostgreSQL idle client error: ${error.message}`)
  })
  // Fail fast with the driver's message when the server is unreachable.
  await pool.query('select 1')
  const db = drizzlePg({ client: pool, schema }) as unknown as Db
  return {
    kind: 'postgres',
    db,
    url,
    pglite: null,
    pool,
    executor: {
      async executeSql(text, values) {
        const result = await pool.query(text, values)
        return { rows: result.rows }
      },
    },
    async withConnection(fn) {
      const client = await pool.connect()
      try {
        return await fn({
          async executeSql(text, values) {
            return { rows: (await client.query(text, values)).rows }
          },
        })
      } finally {
        client.release()
      }
    },
    close: () => pool.end(),
  }
}

async function openPglite(options: DatabaseOptions): Promise<Database> {
  const extensions = { pg_trgm, unaccent, cube, earthdistance }
  let release: (() => Promise<void>) | null = null
  let client: PGlite
  if (options.memory) {
    client = await PGlite.create(options.loadDataDir ? { extensions, loadDataDir: options.loadDataDir } : { extensions })
  } else {
    const dataDir = path.resolve(options.dataDir ?? './data')
    release = await lockDataDir(dataDir)
    try {
      client = await PGlite.create({ dataDir: path.join(dataDir, 'pgdata'), extensions })
    } catch (error) {
      await release()
      throw error
    }
  }
  const db = drizzlePglite({ client, schema }) as unknown as Db
  const executor: SqlExecutor = {
    async executeSql(text, values) {
      // pg-boss sends multi-statement scripts without parameters: those need exec().
      if (!values || values.length === 0) {
        const results = await client.exec(text)
        return { rows: results.at(-1)?.rows ?? [] }
      }
      const result = await client.query(text, values)
      return { rows: result.rows }
    },
  }
  return {
    kind: 'pglite',
    db,
    url: null,
    pglite: client,
    pool: null,
    executor,
    // PGlite is one connection already.
    withConnection: (fn) => fn(executor),
    async close() {
      await client.close()
      if (release) await release()
    },
  }
}
