/**
 * CRM benchmark (`npm run bench:crm -- [--sizes 10k,100k,1m] [--db pglite|postgres|both] [--samples n]
 * [--import-rows n] [--import-at 10k|none] [--skip-search]`), issue 3 "Benchmarks":
 *  - loads realistic companies (bench/crm-data.ts) with 3 interactions each, by COPY;
 *  - for realistic search + filter queries, as a network admin and as antenna staff: p50/p95 of
 *    GET /api/companies through HTTP (a real socket, a signed-in session) and of the same SQL run
 *    directly (captured from `listCompanies` through drizzle's logger: the statements that read
 *    `companies`), their ratio, and how many statements one request runs (authentication included);
 *  - p95 at the largest size vs p95 at the smallest;
 *  - an import of 100,000 rows through Ponte (`importCompanyFile`) vs COPY of the same rows (one
 *    statement, with the duplicates triggers firing and, for reference, without them);
 *  - with `--duplicates`, the duplicates review queue (first and second page, p50).
 * Prints figures; asserts nothing (HOUSE_STYLE: benchmarks, never timed tests).
 */
import type http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { serve } from '@hono/node-server'
import { sql } from 'drizzle-orm'
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import type { Logger as DrizzleLogger } from 'drizzle-orm/logger'
import pg from 'pg'
import { from as copyFrom } from 'pg-copy-streams'
import pino from 'pino'
import * as companiesModule from '../src/modules/companies'
import { CompanyListQuery } from '../src/modules/companies/companies.contract'
import { listCompanies } from '../src/modules/companies/server/companies.service'
import { readTimeDuplicatePairsSql } from '../src/modules/companies/server/company-duplicates.read-time'
import { listDuplicatePairs } from '../src/modules/companies/server/company-duplicates.service'
import { dataPathPrefixes, loadActor, unitIdsUnder, type Actor } from '../src/modules/identity'
import { createApp } from '../src/server/app'
import { buildDeps } from '../src/server/boot'
import { openDatabase, type Database, type Db } from '../src/server/db/client'
import * as schema from '../src/server/db/schema'
import type { AppDeps } from '../src/server/deps'
import { loadEnv } from '../src/server/env'
import type { RequestContext } from '../src/server/http/context'
import { seedDemoNetwork } from '../src/server/seed/demo-network'
import {
  ACTIVITY_COPY_COLUMNS,
  activityCsvLine,
  COMPANY_COPY_COLUMNS,
  companyCsvLine,
  createGenerator,
  importCsv,
  INTERACTION_COPY_COLUMNS,
  interactionCsvLine,
  type ComunePick,
  type GeneratedCompany,
  type UnitPick,
} from './crm-data'
import { createTarget, dropSecondaryIndexes, log, maintenance, ms, option, pad, seconds, signIn, SIZE_NAMES, stopwatch, timeInterleaved } from './support'

// ---------------------------------------------------------------- options



const sizeLabels = (option('sizes') ?? '10k,100k,1m').toLowerCase().split(',').map((s) => s.trim())
for (const s of sizeLabels) if (!SIZE_NAMES[s]) throw new Error(`--sizes: unknown size ${s} (use ${Object.keys(SIZE_NAMES).join(', ')})`)
const dbOption = option('db') ?? 'both'
if (!['pglite', 'postgres', 'both'].includes(dbOption)) throw new Error('--db must be pglite, postgres or both')
const kinds = (dbOption === 'both' ? ['pglite', 'postgres'] : [dbOption]) as ('pglite' | 'postgres')[]
const samplesOption = option('samples') ? Number(option('samples')) : null
const importRows = Number(option('import-rows') ?? 100_000)
const importAt = (option('import-at') ?? sizeLabels[0] ?? '10k').toLowerCase()
/** `--skip-search`: only load and import (the import figures alone). */
const skipSearch = process.argv.includes('--skip-search')
/** `--keep`: leave the loaded database (PostgreSQL) or data directory (PGlite) for EXPLAIN ANALYZE. */
const keep = process.argv.includes('--keep')
/**
 * `--reuse <url>`: measure a database loaded and kept by an earlier `--keep` run (PostgreSQL, one
 * size): no seeding, no load, nothing dropped. Loading 1M companies takes minutes; comparing two
 * versions of the code on the same data then takes one load.
 */
const reuse = option('reuse')
/** `--duplicates`: also time the duplicates review queue (first and second page, once each: slow). */
const duplicates = process.argv.includes('--duplicates')
if (reuse && (kinds.length !== 1 || kinds[0] !== 'postgres' || sizeLabels.length !== 1)) throw new Error('--reuse takes --db postgres and one size')
const CHUNK = 20_000
const INTERACTIONS_PER_COMPANY = 3
const NOW = new Date()

// ---------------------------------------------------------------- timing





// ---------------------------------------------------------------- databases



/** COPY … FROM of CSV text chunks: PGlite reads a blob at /dev/blob, PostgreSQL a COPY stream. */
async function copyChunks(database: Database, table: string, columns: readonly string[], chunks: string[], client?: pg.PoolClient) {
  const statement = `copy ${table} (${columns.join(', ')}) from`
  if (database.pglite) {
    // One COPY statement for all chunks, as on PostgreSQL (statement-level triggers fire once).
    await database.pglite.query(`${statement} '/dev/blob' with (format csv)`, [], { blob: new Blob(chunks) })
    return
  }
  if (!database.pool) throw new Error('no database connection')
  const connection = client ?? (await database.pool.connect())
  try {
    await pipeline(Readable.from(chunks), connection.query(copyFrom(`${statement} stdin with (format csv)`)))
  } finally {
    if (!client) connection.release()
  }
}

const BULK_TABLES = ['companies', 'interactions', 'company_activity']



// ---------------------------------------------------------------- the run

interface QueryDef {
  name: string
  params: (user: SignedIn) => Record<string, string>
}

interface SignedIn {
  label: string
  cookie: string
  actor: Actor
  secondCursor?: string
}

interface Row {
  db: string
  size: string
  query: string
  user: string
  httpP50: number
  httpP95: number
  sqlP50: number
  sqlP95: number
  statements: number
  total: string
}

interface ImportFigures {
  db: string
  rows: number
  ponteMs: number | null
  /** The duplicates queue's background refresh of the imported companies, after the import is done. */
  refreshMs: number
  /** COPY with the duplicates triggers (they refresh the queue for the copied rows). */
  copyMs: number
  /** COPY with the duplicates triggers disabled. */
  copyRawMs: number
  /** Pairs in the duplicates queue after the import. */
  pairs: number
  note: string
}

const QUERIES: QueryDef[] = [
  { name: 'q="meccanica bergamo"', params: () => ({ q: 'meccanica bergamo' }) },
  { name: 'province=BG + size small,medium', params: () => ({ province: 'BG', size: 'small,medium' }) },
  { name: 'ATECO C + stage engaged', params: () => ({ atecoSection: 'C', stage: 'engaged' }) },
  { name: 'q="logistica" + region 03', params: () => ({ q: 'logistica', region: '03' }) },
  { name: 'first page by name', params: () => ({}) },
  {
    name: 'second page by name (keyset)',
    params: (user) => {
      if (!user.secondCursor) throw new Error('no cursor for the second page')
      return { cursor: user.secondCursor }
    },
  },
]

function samplesFor(size: number): number {
  if (samplesOption) return samplesOption
  return size >= 1_000_000 ? 20 : size >= 100_000 ? 30 : 50
}


/**
 * A connection whose company writes only mark their companies for the duplicates queue (ADR 0029):
 * the bulk load refreshes the queue once, at its end, as an import does.
 */
async function withDeferredDuplicates<T>(database: Database, fn: (client?: pg.PoolClient) => Promise<T>): Promise<T> {
  if (database.pglite) {
    await database.pglite.exec('set ponte.defer_duplicates = on')
    try {
      return await fn()
    } finally {
      await database.pglite.exec('reset ponte.defer_duplicates')
    }
  }
  if (!database.pool) throw new Error('no database connection')
  const client = await database.pool.connect()
  try {
    await client.query('set ponte.defer_duplicates = on')
    return await fn(client)
  } finally {
    await client.query('reset ponte.defer_duplicates')
    client.release()
  }
}

async function loadData(database: Database, size: number, units: UnitPick[], comuni: ComunePick[]) {
  const generator = createGenerator({ seed: 3_000 + size, firstSerial: 2_000_000, comuni, units, now: NOW })
  const [indexes, dropMs] = await stopwatch(() => dropSecondaryIndexes(database, BULK_TABLES))
  let generateMs = 0
  let copyMs = 0
  for (let done = 0; done < size; done += CHUNK) {
    const t0 = performance.now()
    const companyLines: string[] = []
    const interactionLines: string[] = []
    const activityLines: string[] = []
    for (let i = 0; i < Math.min(CHUNK, size - done); i++) {
      const company = generator.company()
      for (const interaction of generator.interactionsOf(company, INTERACTIONS_PER_COMPANY)) {
        interactionLines.push(interactionCsvLine(interaction))
        activityLines.push(activityCsvLine(interaction))
      }
      companyLines.push(companyCsvLine(company))
    }
    const t1 = performance.now()
    await withDeferredDuplicates(database, (client) => copyChunks(database, 'companies', COMPANY_COPY_COLUMNS, [companyLines.join('')], client))
    await copyChunks(database, 'interactions', INTERACTION_COPY_COLUMNS, [interactionLines.join('')])
    await copyChunks(database, 'company_activity', ACTIVITY_COPY_COLUMNS, [activityLines.join('')])
    generateMs += t1 - t0
    copyMs += performance.now() - t1
    if ((done / CHUNK) % 10 === 9) log(`  ${done + CHUNK} companies loaded`)
  }
  const [, indexMs] = await stopwatch(() => maintenance(database, indexes.map((i) => i.def)))
  const [, vacuumMs] = await stopwatch(() => maintenance(database, BULK_TABLES.map((t) => `vacuum analyze ${t}`)))
  // The duplicates queue of the loaded companies: one set-based refresh (as an import's end does).
  const [, pairsMs] = await stopwatch(() => maintenance(database, ['select company_duplicates_flush()', 'vacuum analyze company_duplicate_keys', 'vacuum analyze company_duplicate_pairs']))
  return { dropMs, generateMs, copyMs, indexMs, vacuumMs, pairsMs }
}

/** The triggers that keep the duplicates queue (migration 0012, ADR 0029). */
const DUPLICATE_TRIGGERS = ['company_duplicates_lock', 'company_duplicates_lock_update', 'company_duplicates_insert', 'company_duplicates_update', 'company_duplicates_delete']

/** The time of one COPY of the chunks into companies, after `setup`, in a transaction rolled back. */
async function copyRolledBack(database: Database, chunks: string[], setup: string[]): Promise<number> {
  if (database.pglite) {
    const pglite = database.pglite
    await pglite.exec('begin')
    try {
      for (const statement of setup) await pglite.exec(statement)
      return (await stopwatch(() => copyChunks(database, 'companies', COMPANY_COPY_COLUMNS, chunks)))[1]
    } finally {
      await pglite.exec('rollback')
    }
  }
  if (!database.pool) throw new Error('no database connection')
  const client = await database.pool.connect()
  try {
    await client.query('begin')
    for (const statement of setup) await client.query(statement)
    return (await stopwatch(() => copyChunks(database, 'companies', COMPANY_COPY_COLUMNS, chunks, client)))[1]
  } finally {
    await client.query('rollback')
    client.release()
  }
}

type ImportFn = (ctx: RequestContext, input: { fileName: string; bytes: Uint8Array; unitId: string; dryRun: boolean }) => Promise<unknown>

async function runImport(database: Database, deps: AppDeps, actor: Actor, unitId: string, units: UnitPick[], comuni: ComunePick[]): Promise<ImportFigures> {
  // One file, one owning unit (the import's default unit), as an antenna imports its own list.
  const generator = createGenerator({ seed: 77, firstSerial: 8_000_000, comuni, units, now: NOW, onlyUnit: units.find((u) => u.id === unitId) })
  const rows: GeneratedCompany[] = []
  for (let i = 0; i < importRows; i++) rows.push(generator.company())
  const chunks: string[] = []
  for (let i = 0; i < rows.length; i += CHUNK) chunks.push(rows.slice(i, i + CHUNK).map(companyCsvLine).join(''))

  // COPY of the same rows into the same table (all indexes in place), one statement, rolled back
  // afterwards: once as PostgreSQL does it (the duplicates triggers fire, once for the statement,
  // and refresh the queue for all its rows — the same work as the import's final refresh), once with
  // those triggers disabled (the rows alone: what the import costs beyond the queue).
  const copyMs = await copyRolledBack(database, chunks, [])
  const copyRawMs = await copyRolledBack(database, chunks, DUPLICATE_TRIGGERS.map((t) => `alter table companies disable trigger ${t}`))

  const importCompanyFile = (companiesModule as Record<string, unknown>).importCompanyFile as ImportFn | undefined
  if (!importCompanyFile) return { db: database.kind, rows: rows.length, ponteMs: null, refreshMs: 0, copyMs, copyRawMs, pairs: 0, note: 'importCompanyFile is not exported yet' }
  const bytes = importCsv(rows)
  const ctx: RequestContext = { db: deps.database.db, deps, actor, requestId: null, locale: 'it', now: () => new Date() }
  const [, ponteMs] = await stopwatch(() => importCompanyFile(ctx, { fileName: 'aziende-bench.csv', bytes, unitId, dryRun: false }))
  // The import is done (its companies listed and searchable); the duplicates queue's refresh of
  // them is the job it queued (ADR 0029), timed on its own.
  const [, refreshMs] = await stopwatch(() => deps.jobs.drain())
  const { rows: counted } = await database.executor.executeSql('select count(*)::int as n from company_duplicate_pairs', [])
  return { db: database.kind, rows: rows.length, ponteMs, refreshMs, copyMs, copyRawMs, pairs: (counted[0] as { n: number }).n, note: `${(bytes.length / 1e6).toFixed(1)} MB CSV` }
}

const dupRows: { db: string; size: string; user: string; firstMs: number; secondMs: number; beforeMs: number; pairs: number; stored: number }[] = []

async function runOne(kind: 'pglite' | 'postgres', sizeLabel: string, rows: Row[], imports: ImportFigures[]) {
  const size = SIZE_NAMES[sizeLabel] ?? 0
  log(`${kind} ${sizeLabel}: preparing`)
  const target = reuse ? { kind, url: reuse, dataDir: undefined, dispose: async () => {} } : await createTarget(kind, 'bench')
  let database: Database | null = null
  let closeServer: (() => Promise<void>) | null = null
  try {
    database = await openDatabase({ url: target.url, dataDir: target.dataDir })
    // The app runs over a drizzle instance with a logger that counts statements (cheap) and, on
    // request, records them: the SQL the service really runs, and how many statements a request costs.
    let statementCount = 0
    let captured: { sql: string; params: unknown[] }[] | null = null
    const queryLogger: DrizzleLogger = {
      logQuery(sql, params) {
        statementCount++
        captured?.push({ sql, params })
      },
    }
    const loggedDb = (database.pglite
      ? drizzlePglite({ client: database.pglite, schema, logger: queryLogger })
      : drizzlePg({ client: database.pool as pg.Pool, schema, logger: queryLogger })) as unknown as Db
    const env = loadEnv({ NODE_ENV: 'production', LOG_LEVEL: 'warn', PONTE_JOBS: 'off', PONTE_SECRET: 'bench-secret-bench-secret-bench-secret-42', PONTE_PUBLIC_URL: 'http://127.0.0.1' })
    const deps = await buildDeps({ env, logger: pino({ level: 'warn' }), database: { ...database, db: loggedDb } })
    if (!reuse) await seedDemoNetwork(database.db, env.PONTE_DEMO_PASSWORD)

    const { rows: unitRows } = await database.executor.executeSql(
      `select u.id, u.code, coalesce(array_agg(m.user_id) filter (where m.role in ('unit_staff','unit_manager')), '{}') as authors
         from units u left join memberships m on m.unit_id = u.id where u.type = 'antenna' group by u.id, u.code`,
      [],
    )
    const units: UnitPick[] = (unitRows as { id: string; code: string; authors: string[] }[]).map((u) => ({ id: u.id, key: u.code.replace('ANT-', '').toLowerCase(), authorIds: u.authors }))
    const { rows: comuneRows } = await database.executor.executeSql(
      `select istat_code as istat, name, province_code as "provinceCode", region_code as "regionCode", population from comuni where valid_to is null`,
      [],
    )
    const comuni = comuneRows as ComunePick[]

    if (reuse) {
      // Migrations the kept database lacked may have changed indexes: fresh statistics first.
      await maintenance(database, ['vacuum analyze companies'])
    } else {
      log(`${kind} ${sizeLabel}: loading ${size} companies + ${size * INTERACTIONS_PER_COMPANY} interactions`)
      const load = await loadData(database, size, units, comuni)
      log(`${kind} ${sizeLabel}: generate ${seconds(load.generateMs)}, COPY ${seconds(load.copyMs)}, index build ${seconds(load.indexMs)}, vacuum analyze ${seconds(load.vacuumMs)}, duplicate pairs ${seconds(load.pairsMs)}`)
    }

    const app = createApp(deps)
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' })
    await new Promise<void>((resolve) => server.once('listening', () => resolve()))
    // The SQL half of each measurement can outlast Node's 5 s keep-alive: a reused socket would reset.
    ;(server as http.Server).keepAliveTimeout = 600_000
    closeServer = () => new Promise((resolve) => server.close(() => resolve()))
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

    const users: SignedIn[] = []
    for (const [label, email] of [['network admin', 'admin@ponte.demo'], ['antenna staff', 'bg.staff@ponte.demo']] as const) {
      const cookie = await signIn(base, email)
      const { rows: found } = await database.executor.executeSql('select id from users where email = $1', [email])
      const actor = await loadActor(database.db, (found[0] as { id: string }).id, 'session', ['read', 'write'])
      if (!actor) throw new Error(`no actor for ${email}`)
      const first = (await (await fetch(`${base}/api/companies`, { headers: { cookie } })).json()) as { nextCursor: string | null }
      users.push({ label, cookie, actor, secondCursor: first.nextCursor ?? undefined })
    }

    const n = samplesFor(size)
    for (const query of skipSearch ? [] : QUERIES) {
      for (const user of users) {
        const params = query.params(user)
        const url = `${base}/api/companies?${new URLSearchParams(params).toString()}`
        const get = async () => {
          const res = await fetch(url, { headers: { cookie: user.cookie } })
          if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`)
          return (await res.json()) as { total: number; totalIsEstimate?: boolean }
        }
        statementCount = 0
        const page = await get()
        const statements = statementCount

        // The same SQL, run directly: the statements of listCompanies that read `companies`.
        captured = []
        const ctx: RequestContext = { db: loggedDb, deps, actor: user.actor, requestId: null, locale: 'it', now: () => new Date() }
        await listCompanies(ctx, CompanyListQuery.parse(params))
        const essential = captured.filter((c) => /from "companies"/.test(c.sql))
        captured = null
        const executor = database.executor
        const [http, raw] = await timeInterleaved(n, [
          get,
          async () => {
            for (const statement of essential) await executor.executeSql(statement.sql, statement.params)
          },
        ])
        rows.push({ db: kind, size: sizeLabel, query: query.name, user: user.label, httpP50: http.p50, httpP95: http.p95, sqlP50: raw.p50, sqlP95: raw.p95, statements, total: `${page.totalIsEstimate ? '≈' : ''}${page.total}` })
        log(`  ${query.name} / ${user.label}: HTTP p95 ${ms(http.p95)} ms, SQL p95 ${ms(raw.p95)} ms, ${statements} statements, total ${page.total}`)
      }
    }
    await closeServer()
    closeServer = null

    if (duplicates) {
      const { rows: stored } = await database.executor.executeSql('select count(*)::int as n from company_duplicate_pairs', [])
      const storedPairs = (stored[0] as { n: number }).n
      type DupQuery = Parameters<typeof listDuplicatePairs>[1]
      for (const user of users) {
        const ctx: RequestContext = { db: database.db, deps, actor: user.actor, requestId: null, locale: 'it', now: () => new Date() }
        const first = await listDuplicatePairs(ctx, { limit: 25 } as DupQuery)
        const cursor = first.nextCursor ?? undefined
        // The queue reads stored pairs (ADR 0029): a page takes milliseconds, so p50 over samples.
        const [firstT, secondT] = await timeInterleaved(Math.min(n, 20), [
          () => listDuplicatePairs(ctx, { limit: 25 } as DupQuery),
          () => (cursor ? listDuplicatePairs(ctx, { limit: 25, cursor } as DupQuery) : Promise.resolve(null)),
        ])
        // Before ADR 0029: the same first page computed at read time (once: about a minute at 100k).
        const db = database.db
        const scope = sql`c.unit_id in (${unitIdsUnder(db, dataPathPrefixes(user.actor))})`
        const [, beforeMs] = await stopwatch(() =>
          db.transaction(async (tx) => {
            await tx.execute(sql`set local enable_nestloop = off`)
            await tx.execute(sql`set local jit = off`)
            await tx.execute(readTimeDuplicatePairsSql({ scope, limit: 26 }))
          }),
        )
        dupRows.push({ db: kind, size: sizeLabel, user: user.label, firstMs: firstT.p50, secondMs: cursor ? secondT.p50 : Number.NaN, beforeMs, pairs: first.items.length, stored: storedPairs })
        log(`  duplicates / ${user.label}: first page p50 ${ms(firstT.p50)} ms (p95 ${ms(firstT.p95)}), second p50 ${ms(secondT.p50)} ms (${storedPairs} pairs stored); read-time first page ${seconds(beforeMs)}`)
      }
    }

    if (sizeLabel === importAt) {
      log(`${kind}: import of ${importRows} rows through Ponte vs COPY`)
      const admin = users[0]
      const bg = units.find((u) => u.key === 'bg')
      if (!admin || !bg) throw new Error('demo network incomplete')
      const figures = await runImport(database, deps, admin.actor, bg.id, units, comuni)
      imports.push(figures)
      log(`  COPY ${seconds(figures.copyMs)} (without the duplicates triggers ${seconds(figures.copyRawMs)}), Ponte ${figures.ponteMs === null ? '—' : seconds(figures.ponteMs)} (${figures.note})`)
    }
    deps.mailer.close()
  } finally {
    if (closeServer) await closeServer()
    if (database) await database.close()
    if (keep && !reuse) log(`kept: ${target.url ?? target.dataDir}`)
    else await target.dispose()
  }
}

// ---------------------------------------------------------------- report


function printReport(rows: Row[], imports: ImportFigures[]) {
  const header = ['db', 'size', 'query', 'user', 'total', 'stmts', 'HTTP p50', 'HTTP p95', 'SQL p50', 'SQL p95', 'ratio p50', 'ratio p95']
  const widths = [7, 5, 31, 14, 8, 6, 9, 9, 9, 9, 9, 9]
  const line = (cells: string[]) => cells.map((c, i) => pad(c, widths[i] ?? 8)).join(' ')
  console.log('\nSearch + filter, GET /api/companies (25 per page), ms; ratio = HTTP / SQL (target ≤ 1.5×)')
  console.log(line(header))
  for (const r of rows) {
    console.log(line([r.db, r.size, r.query, r.user, r.total, String(r.statements), ms(r.httpP50), ms(r.httpP95), ms(r.sqlP50), ms(r.sqlP95), `${(r.httpP50 / r.sqlP50).toFixed(2)}×`, `${(r.httpP95 / r.sqlP95).toFixed(2)}×`]))
  }
  const sizes = [...new Set(rows.map((r) => r.size))].sort((a, b) => (SIZE_NAMES[a] ?? 0) - (SIZE_NAMES[b] ?? 0))
  const small = sizes[0]
  const large = sizes.at(-1)
  if (small && large && small !== large) {
    console.log(`\nScaling: HTTP p95 at ${large} / HTTP p95 at ${small} (target ≤ 3×)`)
    for (const r of rows.filter((x) => x.size === large)) {
      const base = rows.find((x) => x.size === small && x.db === r.db && x.query === r.query && x.user === r.user)
      if (base) console.log(`  ${pad(r.db, 8)} ${pad(r.query, 31)} ${pad(r.user, 14)} ${ms(base.httpP95)} → ${ms(r.httpP95)} ms  ${(r.httpP95 / base.httpP95).toFixed(2)}×`)
    }
  }
  if (imports.length) {
    console.log('\nImport (target: Ponte ≤ 4× COPY). Ponte: until the import is done; its duplicates refresh, a job it queues, after.')
    console.log('COPY: one statement into companies with every trigger, the duplicates ones refreshing the queue for the copied rows;')
    console.log('"rows only": the duplicates triggers disabled.')
    for (const i of imports) {
      const ratio = (copy: number) => (i.ponteMs === null ? '—' : `${(i.ponteMs / copy).toFixed(2)}×`)
      console.log(`  ${pad(i.db, 8)} ${i.rows} rows: Ponte ${i.ponteMs === null ? '—' : seconds(i.ponteMs)} (+ queue refresh ${seconds(i.refreshMs)}); COPY rows only ${seconds(i.copyRawMs)}, ratio ${ratio(i.copyRawMs)}; COPY with the duplicates triggers ${seconds(i.copyMs)}, ratio ${ratio(i.copyMs)}, with the refresh ${i.ponteMs === null ? '—' : `${((i.ponteMs + i.refreshMs) / i.copyMs).toFixed(2)}×`}  (${i.note}; ${i.pairs} pairs in the queue after)`)
    }
  }
  if (dupRows.length) {
    console.log('\nDuplicates review queue (listDuplicatePairs, 25 pairs a page, p50 ms)')
    for (const d of dupRows) {
      console.log(`  ${pad(d.db, 8)} ${pad(d.size, 5)} ${pad(d.user, 14)} first page ${ms(d.firstMs)} ms, second page ${ms(d.secondMs)} ms; computed at read time (before ADR 0029) ${ms(d.beforeMs)} ms  (${d.pairs} on the page, ${d.stored} pairs stored)`)
    }
  }
  console.log(`\nMachine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}`)
}

async function main() {
  const rows: Row[] = []
  const imports: ImportFigures[] = []
  for (const kind of kinds) {
    for (const size of sizeLabels) {
      const [, runMs] = await stopwatch(() => runOne(kind, size, rows, imports))
      log(`${kind} ${size}: run took ${seconds(runMs)}`)
    }
  }
  printReport(rows, imports)
}

await main()
