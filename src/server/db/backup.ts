/**
 * Logical backup and restore that work the same on PGlite and PostgreSQL (ADR 0007): every table of
 * the `public` schema, rows as JSON (`row_to_json`), written as gzipped JSON lines in foreign-key
 * order; restored with `json_populate_recordset`, which gives back every column's exact type.
 */
import fs from 'node:fs'
import zlib from 'node:zlib'
import { once } from 'node:events'
import type { Database, SqlExecutor } from './client'
import { migrateDatabase, readMigrationStatus } from './migrate'

const FORMAT = 'ponte-backup'
const CHUNK = 1000

interface Header {
  format: typeof FORMAT
  version: 1
  createdAt: string
  migrations: number
  tables: string[]
}

/** Tables of `public`, parents before children (Kahn's algorithm over foreign keys). */
export async function tablesInDependencyOrder(sql: SqlExecutor): Promise<string[]> {
  const tables = (await sql.executeSql(
    `select tablename as name from pg_tables where schemaname = 'public' order by tablename`,
    [],
  )).rows as { name: string }[]
  const edges = (await sql.executeSql(
    `select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent
       from pg_constraint c join pg_namespace n on n.oid = c.connamespace
      where c.contype = 'f' and n.nspname = 'public'`,
    [],
  )).rows as { child: string; parent: string }[]
  const strip = (name: string) => name.replace(/^public\./, '').replace(/"/g, '')
  const pending = new Map(tables.map((t) => [t.name, new Set<string>()]))
  for (const e of edges) {
    const child = strip(e.child)
    const parent = strip(e.parent)
    if (child !== parent) pending.get(child)?.add(parent)
  }
  const order: string[] = []
  while (pending.size > 0) {
    const ready = [...pending].filter(([, parents]) => parents.size === 0).map(([name]) => name).sort()
    if (ready.length === 0) throw new Error(`foreign-key cycle among ${[...pending.keys()].join(', ')}`)
    for (const name of ready) {
      order.push(name)
      pending.delete(name)
      for (const parents of pending.values()) parents.delete(name)
    }
  }
  return order
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`

/**
 * Derived tables: those a migration gives a `rebuild_<table>()` function (e.g. the benchmark's
 * histograms, kept by triggers). A backup leaves them out; a restore rebuilds them at the end
 * (the triggers fire while rows go back in, so their intermediate content is not what counts).
 */
async function derivedTables(sql: SqlExecutor): Promise<Set<string>> {
  const { rows } = await sql.executeSql(
    `select substr(p.proname, 9) as name from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where n.nspname = 'public' and p.proname like 'rebuild\\_%' and p.pronargs = 0`,
    [],
  )
  return new Set((rows as { name: string }[]).map((r) => r.name))
}

/** Reads every table inside one repeatable-read transaction: the backup is one consistent snapshot. */
export async function backupDatabase(database: Database, file: string): Promise<{ tables: number; rows: number }> {
  return database.withConnection(async (sql) => {
    await sql.executeSql('begin transaction isolation level repeatable read read only', [])
    try {
      return await backupOnConnection(database, sql, file)
    } finally {
      await sql.executeSql('commit', [])
    }
  })
}

async function backupOnConnection(database: Database, sql: SqlExecutor, file: string): Promise<{ tables: number; rows: number }> {
  const derived = await derivedTables(sql)
  const tables = (await tablesInDependencyOrder(sql)).filter((t) => !derived.has(t))
  const status = await readMigrationStatus(database, sql)
  const gzip = zlib.createGzip()
  const out = fs.createWriteStream(`${file}.partial`)
  gzip.pipe(out)
  const write = async (value: unknown) => {
    if (!gzip.write(`${JSON.stringify(value)}\n`)) await once(gzip, 'drain')
  }
  const header: Header = { format: FORMAT, version: 1, createdAt: new Date().toISOString(), migrations: status.applied, tables }
  await write(header)
  let total = 0
  for (const table of tables) {
    // ctid order is stable within one snapshot and needs no primary key.
    const { rows } = await sql.executeSql(`select row_to_json(t)::text as j from ${quote(table)} t`, [])
    const list = (rows as { j: string }[]).map((r) => JSON.parse(r.j) as unknown)
    for (let i = 0; i < list.length; i += CHUNK) await write({ table, rows: list.slice(i, i + CHUNK) })
    total += list.length
  }
  gzip.end()
  await once(out, 'finish')
  fs.renameSync(`${file}.partial`, file)
  return { tables: tables.length, rows: total }
}

export class RestoreRefusedError extends Error {}

/**
 * Lines of a text stream. Async iteration over the stream itself keeps backpressure while the
 * consumer awaits a database insert per line (readline's iterator does not guarantee that).
 */
async function* readLines(stream: NodeJS.ReadableStream): AsyncGenerator<string> {
  let buffer = ''
  stream.setEncoding('utf8')
  for await (const chunk of stream) {
    buffer += chunk as string
    let end = buffer.indexOf('\n')
    while (end >= 0) {
      yield buffer.slice(0, end)
      buffer = buffer.slice(end + 1)
      end = buffer.indexOf('\n')
    }
  }
  if (buffer) yield buffer
}

/** The columns a restore may write: generated columns (e.g. search vectors) recompute themselves. */
async function writableColumns(sql: SqlExecutor, table: string, cache: Map<string, string>): Promise<string> {
  const cached = cache.get(table)
  if (cached) return cached
  const { rows } = await sql.executeSql(
    `select column_name as c from information_schema.columns
      where table_schema = 'public' and table_name = $1 and is_generated = 'NEVER'
      order by ordinal_position`,
    [table],
  )
  const list = (rows as { c: string }[]).map((r) => quote(r.c)).join(', ')
  if (!list) throw new RestoreRefusedError(`The backup has table ${table}, which this Ponte does not know.`)
  cache.set(table, list)
  return list
}

/** Counts rows in every public table: zero means "empty" (safe to restore into). */
export async function countRows(sql: SqlExecutor): Promise<number> {
  let n = 0
  for (const table of await tablesInDependencyOrder(sql)) {
    const { rows } = await sql.executeSql(`select count(*)::int as n from ${quote(table)}`, [])
    n += (rows[0] as { n: number }).n
  }
  return n
}

export async function restoreDatabase(database: Database, file: string, options: { force: boolean }) {
  await migrateDatabase(database)
  return database.withConnection((sql) => restoreOnConnection(database, sql, file, options))
}

async function restoreOnConnection(database: Database, sql: SqlExecutor, file: string, options: { force: boolean }) {
  const existing = await countRows(sql)
  if (existing > 0 && !options.force) {
    throw new RestoreRefusedError(`The target database is not empty (${existing} rows). Use --force to replace its contents.`)
  }
  const lines = readLines(fs.createReadStream(file).pipe(zlib.createGunzip()))
  let header: Header | null = null
  let total = 0
  const columnCache = new Map<string, string>()
  const derived = await derivedTables(sql)
  await sql.executeSql('begin', [])
  try {
    // Derived data is rebuilt at the end: triggers that can defer their work do (ADR 0029).
    await sql.executeSql(`select set_config('ponte.defer_duplicates', 'on', true)`, [])
    for await (const line of lines) {
      if (!line) continue
      const record = JSON.parse(line) as Header | { table: string; rows: unknown[] }
      if (!header) {
        if (!('format' in record) || record.format !== FORMAT) throw new RestoreRefusedError(`${file} is not a Ponte backup`)
        header = record
        const status = await readMigrationStatus(database, sql)
        if (header.migrations > status.applied) {
          throw new RestoreRefusedError(`The backup needs ${header.migrations} migrations; this Ponte has ${status.applied}. Upgrade Ponte first.`)
        }
        const targets = await tablesInDependencyOrder(sql)
        for (const table of [...targets].reverse()) await sql.executeSql(`delete from ${quote(table)}`, [])
        continue
      }
      if (!('table' in record)) throw new RestoreRefusedError('malformed backup line')
      // Derived tables are rebuilt below (an older backup may still hold one).
      if (derived.has(record.table)) continue
      const columns = await writableColumns(sql, record.table, columnCache)
      await sql.executeSql(
        `insert into ${quote(record.table)} (${columns}) select ${columns} from json_populate_recordset(null::${quote(record.table)}, $1::json)`,
        [JSON.stringify(record.rows)],
      )
      total += record.rows.length
    }
    if (!header) throw new RestoreRefusedError(`${file} is empty`)
    for (const table of derived) await sql.executeSql(`select ${quote(`rebuild_${table}`)}()`, [])
    // Serial columns continue after the restored ids.
    const { rows: serials } = await sql.executeSql(
      `select table_name as t, column_name as c from information_schema.columns
        where table_schema = 'public' and column_default like 'nextval(%'`,
      [],
    )
    for (const s of serials as { t: string; c: string }[]) {
      await sql.executeSql(
        `select setval(pg_get_serial_sequence($1, $2), coalesce((select max(${quote(s.c)}) from ${quote(s.t)}), 0) + 1, false)`,
        [s.t, s.c],
      )
    }
    await sql.executeSql('commit', [])
  } catch (error) {
    await sql.executeSql('rollback', [])
    throw error
  }
  return { tables: header.tables.length, rows: total }
}
