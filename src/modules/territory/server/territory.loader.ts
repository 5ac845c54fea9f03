/**
 * Loads the comuni shipped in `../data` into `comuni`, once per data version. The 2020 list
 * (comuni-2020-istat-geonames.csv, every row in force from 2020-01-01) plus the changes since
 * (comuni-changes-since-2020.csv, made by scripts/generate-comuni-changes.mjs) give every version of
 * every comune since 2020. Both files are read from the repository, never from outside it.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import { eq, getTableColumns, sql } from 'drizzle-orm'
import type { Db } from '../../../server/db/client'
import { normalizeComuneName } from '../territory.contract'
import { comuni, referenceDataVersions, type ComuneInsert } from './territory.table'

export const COMUNI_DATASET = 'territory.comuni'
/** Day the 2020 list describes: its rows are in force from then (earlier history is not kept). */
export const BASE_LIST_DATE = '2020-01-01'
/** Bump when the way rows are built from the files changes (e.g. `name_key`), to force a reload. */
const LOADER_REVISION = 1
const BATCH_SIZE = 500

const DATA_DIR = new URL('../data/', import.meta.url)
const BASE_FILE = new URL('comuni-2020-istat-geonames.csv', DATA_DIR)
const CHANGES_FILE = new URL('comuni-changes-since-2020.csv', DATA_DIR)

const BASE_COLUMNS = ['istat', 'nome', 'sigla', 'istat_provincia', 'provincia', 'istat_regione', 'regione', 'ripartizione', 'catastale', 'pop_2011', 'lat', 'lon'] as const
const CHANGE_COLUMNS = ['change', 'date', ...BASE_COLUMNS, 'note'] as const

/**
 * Each field's shape. Plain patterns rather than a zod schema per row: this runs at every start on
 * 7,900 rows, where zod costs ~200 ms and these checks ~5 ms.
 */
const FIELD_PATTERNS: Record<string, RegExp> = {
  change: /^(start|end|seat)$/,
  date: /^(\d{4}-\d{2}-\d{2})?$/,
  istat: /^\d{6}$/,
  nome: /^.*$/,
  sigla: /^([A-Z]{2})?$/,
  istat_provincia: /^(\d{3})?$/,
  provincia: /^.*$/,
  istat_regione: /^(\d{2})?$/,
  regione: /^.*$/,
  ripartizione: /^[1-5]?$/,
  catastale: /^([A-Z]\d{3})?$/,
  pop_2011: /^\d*$/,
  lat: /^(-?\d+(\.\d+)?)?$/,
  lon: /^(-?\d+(\.\d+)?)?$/,
  note: /^.*$/,
}

type Line = Record<string, string>

function parseSemicolonFile(text: string, columns: readonly string[], file: string): Line[] {
  const [header, ...lines] = text.replace(/^\uFEFF/, '').trimEnd().split('\n')
  if (header !== columns.join(';')) throw new Error(`${file}: unexpected header "${header}"`)
  return lines.map((line, i) => {
    const cells = line.split(';')
    if (cells.length !== columns.length) throw new Error(`${file} line ${i + 2}: ${cells.length} fields, expected ${columns.length}`)
    const record: Line = {}
    columns.forEach((column, j) => {
      const value = cells[j] ?? ''
      if (!FIELD_PATTERNS[column]?.test(value)) throw new Error(`${file} line ${i + 2}: bad ${column} "${value}"`)
      record[column] = value
    })
    return record
  })
}

function required(line: Line, fields: readonly string[], file: string) {
  for (const field of fields) if (!line[field]) throw new Error(`${file}: ${line.istat} has no ${field}`)
}

const nullableNumber = (value: string | undefined) => (value ? Number(value) : null)
const COMUNE_FIELDS = ['istat', 'nome', 'sigla', 'istat_provincia', 'provincia', 'istat_regione', 'regione', 'ripartizione'] as const

function toRow(line: Line, validFrom: string, file: string): ComuneInsert {
  required(line, COMUNE_FIELDS, file)
  return {
    istatCode: line.istat ?? '',
    name: line.nome ?? '',
    nameKey: normalizeComuneName(line.nome ?? ''),
    provinceCode: line.sigla ?? '',
    provinceIstat: line.istat_provincia ?? '',
    provinceName: line.provincia ?? '',
    regionCode: line.istat_regione ?? '',
    regionName: line.regione ?? '',
    ripartizione: Number(line.ripartizione),
    cadastralCode: line.catastale || null,
    population: nullableNumber(line.pop_2011),
    latitude: nullableNumber(line.lat),
    longitude: nullableNumber(line.lon),
    validFrom,
    validTo: null,
  }
}

/** Every version of every comune, from the two files' contents (pure: tested without a database). */
export function buildComuniVersions(baseText: string, changesText: string): ComuneInsert[] {
  const rows = parseSemicolonFile(baseText, BASE_COLUMNS, 'comuni-2020').map((line) => toRow(line, BASE_LIST_DATE, 'comuni-2020'))
  const open = new Map<string, ComuneInsert>()
  for (const row of rows) {
    if (open.has(row.istatCode)) throw new Error(`comuni-2020: ${row.istatCode} appears twice`)
    open.set(row.istatCode, row)
  }
  const openVersion = (code: string, what: string) => {
    const row = open.get(code)
    if (!row) throw new Error(`comuni changes: ${what} of ${code}, which is not in force`)
    return row
  }
  for (const change of parseSemicolonFile(changesText, CHANGE_COLUMNS, 'comuni-changes')) {
    const code = change.istat ?? ''
    const date = change.date ?? ''
    if (change.change === 'seat') {
      required(change, ['lat', 'lon'], 'comuni-changes')
      const row = openVersion(code, 'seat')
      if (row.latitude != null) throw new Error(`comuni changes: ${code} already has a seat`)
      row.latitude = nullableNumber(change.lat)
      row.longitude = nullableNumber(change.lon)
    } else if (change.change === 'end') {
      required(change, ['date'], 'comuni-changes')
      const row = openVersion(code, 'end')
      if (date <= row.validFrom) throw new Error(`comuni changes: ${code} ends before it starts`)
      row.validTo = date
      open.delete(code)
    } else {
      required(change, ['date'], 'comuni-changes')
      if (open.has(code)) throw new Error(`comuni changes: ${code} starts while already in force`)
      const row = toRow(change, date, 'comuni-changes')
      rows.push(row)
      open.set(code, row)
    }
  }
  return rows
}

function readDataFiles() {
  return { base: fs.readFileSync(BASE_FILE, 'utf8'), changes: fs.readFileSync(CHANGES_FILE, 'utf8') }
}

/** Identifies the data: the loader revision and a hash of both files. */
export function comuniDataVersion(baseText: string, changesText: string): string {
  const hash = createHash('sha256').update(baseText).update('\0').update(changesText).digest('hex')
  return `r${LOADER_REVISION}-${hash.slice(0, 16)}`
}

export interface LoadResult {
  loaded: boolean
  version: string
  rows: number
}

/**
 * Makes `comuni` match the shipped data. A no-op when `reference_data_versions` already records
 * this data version; otherwise upserts every version in batches, removes versions the data no
 * longer has and records the version, all in one transaction. Safe to run at every start, on
 * several instances at once (the upserts serialise on the rows they touch).
 */
export async function loadTerritoryReferenceData(db: Db): Promise<LoadResult> {
  const { base, changes } = readDataFiles()
  const version = comuniDataVersion(base, changes)
  const [current] = await db.select().from(referenceDataVersions).where(eq(referenceDataVersions.dataset, COMUNI_DATASET))
  if (current?.version === version) return { loaded: false, version, rows: 0 }

  const rows = buildComuniVersions(base, changes)
  // Each batch of rows travels as one JSON parameter expanded by json_to_recordset: building a
  // 500-row VALUES list with one parameter per cell costs more than the database's work (ADR 0003
  // engines alike). Column names and types come from the Drizzle table, the one schema.
  const columns = Object.values(getTableColumns(comuni))
  const recordType = sql.raw(columns.map((c) => `"${c.name}" ${c.getSQLType()}`).join(', '))
  const columnList = sql.raw(columns.map((c) => `"${c.name}"`).join(', '))
  const updates = sql.raw(
    columns
      .filter((c) => c.name !== comuni.istatCode.name && c.name !== comuni.validFrom.name)
      .map((c) => `"${c.name}" = excluded."${c.name}"`)
      .join(', '),
  )
  const asRecord = (row: ComuneInsert) => Object.fromEntries(Object.entries(getTableColumns(comuni)).map(([key, c]) => [c.name, row[key as keyof ComuneInsert] ?? null]))
  await db.transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += BATCH_SIZE) {
      const batch = JSON.stringify(rows.slice(i, i + BATCH_SIZE).map(asRecord))
      await tx.execute(sql`
        insert into ${comuni} (${columnList})
        select ${columnList} from json_to_recordset(${batch}::json) as r(${recordType})
        on conflict (istat_code, valid_from) do update set ${updates}`)
    }
    // Keys are digits and ISO dates: safe as array literals, one parameter each.
    const codes = `{${rows.map((r) => r.istatCode).join(',')}}`
    const froms = `{${rows.map((r) => r.validFrom).join(',')}}`
    await tx.execute(sql`
      delete from ${comuni} c
       where not exists (
         select 1 from unnest(${codes}::text[], ${froms}::date[]) as k(istat_code, valid_from)
          where k.istat_code = c.istat_code and k.valid_from = c.valid_from)`)
    await tx
      .insert(referenceDataVersions)
      .values({ dataset: COMUNI_DATASET, version })
      .onConflictDoUpdate({ target: referenceDataVersions.dataset, set: { version, loadedAt: sql`now()` } })
  })
  return { loaded: true, version, rows: rows.length }
}
