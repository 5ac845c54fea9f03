/**
 * What every benchmark shares: command-line options, interleaved timing with percentiles, number
 * formats, a throwaway database (PGlite directory or PostgreSQL database on DATABASE_URL's server),
 * bulk-load helpers and signing in to the app under test.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import type { Database } from '../src/server/db/client'

export const SIZE_NAMES: Record<string, number> = { '1k': 1_000, '10k': 10_000, '100k': 100_000, '1m': 1_000_000 }
export const POSTGRES_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:55432/postgres'

export function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? process.argv[i + 1] : undefined
}

// ---------------------------------------------------------------- timing

export interface Timing {
  p50: number
  p95: number
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN
}

/**
 * Measurements interleaved sample by sample (a, b, c, a, b, c…), so all see the same background
 * load: on a shared machine a block of one then a block of the other would compare two moments.
 */
export async function timeInterleaved<const F extends readonly (() => Promise<unknown>)[]>(n: number, fns: F): Promise<{ [K in keyof F]: Timing }> {
  for (let i = 0; i < 3; i++) for (const fn of fns) await fn()
  const samples = fns.map(() => [] as number[])
  for (let i = 0; i < n; i++) {
    for (const [j, fn] of fns.entries()) {
      const t0 = performance.now()
      await fn()
      samples[j]?.push(performance.now() - t0)
    }
  }
  return samples.map((list) => {
    list.sort((x, y) => x - y)
    return { p50: percentile(list, 50), p95: percentile(list, 95) }
  }) as { [K in keyof F]: Timing }
}

export async function stopwatch<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now()
  const value = await fn()
  return [value, performance.now() - t0]
}

export const ms = (v: number) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2))
export const seconds = (v: number) => `${(v / 1000).toFixed(1)} s`
export const thousands = (v: number) => Math.round(v).toLocaleString('en-US')
export const log = (line: string) => process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${line}\n`)

export function pad(text: string, width: number) {
  return text.length >= width ? text : text + ' '.repeat(width - text.length)
}

// ---------------------------------------------------------------- databases

export interface Target {
  kind: 'pglite' | 'postgres'
  url?: string
  dataDir?: string
  dispose(): Promise<void>
}

/** A throwaway database per run: a PGlite temp directory, or a database on POSTGRES_URL's server. */
export async function createTarget(kind: 'pglite' | 'postgres', prefix: string): Promise<Target> {
  if (kind === 'pglite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `ponte-${prefix.replace(/_/g, '-')}-`))
    return { kind, dataDir: dir, dispose: async () => fs.rmSync(dir, { recursive: true, force: true }) }
  }
  const name = `ponte_${prefix}_${Date.now()}_${process.pid}`
  const admin = new pg.Client({ connectionString: POSTGRES_URL })
  await admin.connect()
  await admin.query(`create database ${name}`)
  await admin.end()
  const url = new URL(POSTGRES_URL)
  url.pathname = `/${name}`
  return {
    kind,
    url: url.toString(),
    async dispose() {
      const c = new pg.Client({ connectionString: POSTGRES_URL })
      await c.connect()
      await c.query(`drop database if exists ${name} with (force)`)
      await c.end()
    },
  }
}

/** Secondary indexes of the given tables: dropped before a bulk load, rebuilt after (their definitions). */
export async function dropSecondaryIndexes(database: Database, tables: readonly string[]): Promise<{ name: string; def: string }[]> {
  const { rows } = await database.executor.executeSql(
    `select indexname as name, indexdef as def from pg_indexes
      where schemaname = current_schema() and tablename = any($1::text[])
        and indexname not in (select conname from pg_constraint)`,
    [tables],
  )
  const indexes = rows as { name: string; def: string }[]
  for (const index of indexes) await database.executor.executeSql(`drop index ${index.name}`, [])
  return indexes
}

export async function maintenance(database: Database, statements: string[]) {
  await database.withConnection(async (sql) => {
    await sql.executeSql(`set maintenance_work_mem = '${database.kind === 'pglite' ? '128MB' : '512MB'}'`, [])
    for (const statement of statements) await sql.executeSql(statement, [])
  })
}

/** A demo user's session cookie, signed in through the API. */
export async function signIn(base: string, email: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-ponte-csrf': '1' },
    body: JSON.stringify({ email, password: 'ponte-demo' }),
  })
  if (!res.ok) throw new Error(`sign-in of ${email} failed: ${res.status}`)
  return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ')
}
