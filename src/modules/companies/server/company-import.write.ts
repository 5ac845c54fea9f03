/**
 * The writes of an import, one statement per batch and kind: the companies it creates (with their
 * undo log), the companies it updates (with their undo log), and the previous values an undo puts
 * back. Each batch travels as ONE JSON parameter expanded by json_to_recordset, as the territory
 * loader does: a 1,000-row VALUES list with one parameter per cell (drizzle's `.values(rows)`)
 * cost the query builder far more than the database's own work (issue 3 benchmark: import of
 * 100,000 rows ≤ 4× COPY). Column names and types come from the Drizzle table, the one schema.
 */
import { getTableColumns, sql } from 'drizzle-orm'
import type { Db } from '../../../server/db/client'
import { companies, companyImportChanges, type CompanyRow } from './companies.table'

const COLUMNS = getTableColumns(companies)
type Field = keyof typeof COLUMNS

/** What an import fills when it creates a company (id, stage, archive and merge columns keep their defaults). */
export const CREATE_FIELDS = [
  'unitId', 'name', 'vatNumber', 'taxCode', 'legalForm', 'isCooperative', 'atecoEdition', 'atecoCode', 'atecoSection',
  'employees', 'turnover', 'balanceSheetTotal', 'foundingYear', 'sizeDerived', 'website', 'pec', 'email', 'phone',
  'address', 'comuneIstat', 'provinceCode', 'regionCode', 'tags', 'description', 'notes', 'customFields', 'nameKey', 'searchText',
] as const satisfies readonly Field[]

/** What an import (or its undo) may change on an existing company: the import's fields and the columns derived from them. */
export const UPDATE_FIELDS = [
  'name', 'taxCode', 'legalForm', 'isCooperative', 'atecoCode', 'atecoSection', 'employees', 'turnover', 'balanceSheetTotal',
  'foundingYear', 'sizeDerived', 'website', 'pec', 'email', 'phone', 'address', 'comuneIstat', 'provinceCode', 'regionCode',
  'tags', 'description', 'notes', 'customFields', 'nameKey', 'searchText',
] as const satisfies readonly Field[]

export type CreateRecord = { rowNumber: number } & Pick<CompanyRow, (typeof CREATE_FIELDS)[number]>

export interface UpdateRecord {
  id: string
  /** Only the columns that change (and the derived ones). */
  set: Partial<Pick<CompanyRow, (typeof UPDATE_FIELDS)[number]>>
  updatedAt: Date
}

const UPDATABLE: ReadonlySet<string> = new Set(UPDATE_FIELDS)

const names = (fields: readonly Field[]) => sql.raw(fields.map((f) => `"${COLUMNS[f].name}"`).join(', '))
const recordType = (fields: readonly Field[]) => fields.map((f) => `"${COLUMNS[f].name}" ${COLUMNS[f].getSQLType()}`).join(', ')

/** A partial row as JSON keyed by column names (what jsonb_populate_record reads). */
function columnsJson(set: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [field, value] of Object.entries(set)) {
    if (value === undefined) continue
    if (!UPDATABLE.has(field)) throw new Error(`an import cannot write companies.${field}`)
    out[COLUMNS[field as Field].name] = value
  }
  return out
}

/**
 * Inserts the new companies of a batch and logs them in company_import_changes, in one statement.
 * A partita IVA taken meanwhile by someone else is not duplicated (ON CONFLICT DO NOTHING): those
 * rows come back, for the report.
 */
export async function insertImportedCompanies(tx: Db, importId: string, records: readonly CreateRecord[], now: Date): Promise<{ rowNumber: number; vatNumber: string }[]> {
  if (records.length === 0) return []
  const json = JSON.stringify(
    records.map((r) => {
      const out: Record<string, unknown> = { row_number: r.rowNumber }
      for (const f of CREATE_FIELDS) out[COLUMNS[f].name] = r[f] ?? null
      return out
    }),
  )
  const columns = names(CREATE_FIELDS)
  const at = now.toISOString()
  const result = await tx.execute(sql`
    with input as (
      select * from json_to_recordset(${json}::json) as r("row_number" integer, ${sql.raw(recordType(CREATE_FIELDS))})
    ), inserted as (
      insert into ${companies} (${columns}, "created_at", "updated_at")
      select ${columns}, ${at}::timestamptz, ${at}::timestamptz from input
      on conflict ("vat_number") do nothing
      returning "id", "vat_number"
    ), logged as (
      insert into ${companyImportChanges} ("import_id", "company_id", "row_number", "action")
      select ${importId}::uuid, inserted.id, input.row_number, 'created' from inserted join input using ("vat_number")
    )
    select input.row_number as "rowNumber", input.vat_number as "vatNumber" from input
     where not exists (select 1 from inserted where inserted.vat_number = input.vat_number)`)
  return (result as unknown as { rows: { rowNumber: number; vatNumber: string }[] }).rows
}

/**
 * Changes companies, each only in the columns of its `set` (jsonb_populate_record over the current
 * row: a column left out keeps its value), in one statement; with `log`, also writes the undo log.
 */
export async function updateCompaniesInBatch(
  tx: Db,
  records: readonly UpdateRecord[],
  log?: { importId: string; rows: readonly { rowNumber: number; before: Record<string, unknown> }[] },
): Promise<void> {
  if (records.length === 0) return
  const json = JSON.stringify(
    records.map((r, i) => ({
      id: r.id,
      changes: columnsJson(r.set),
      updated_at: r.updatedAt.toISOString(),
      ...(log ? { row_number: log.rows[i]?.rowNumber, before: log.rows[i]?.before } : {}),
    })),
  )
  const columns = names(UPDATE_FIELDS)
  const populated = sql.raw(UPDATE_FIELDS.map((f) => `p."${COLUMNS[f].name}"`).join(', '))
  const update = sql`
      update ${companies} c
         set (${columns}) = (select ${populated} from jsonb_populate_record(c, input.changes) p),
             "updated_at" = input.updated_at
        from input
       where c.id = input.id`
  const input = sql`select * from json_to_recordset(${json}::json) as r(id uuid, changes jsonb, updated_at timestamptz, row_number integer, before jsonb)`
  if (!log) {
    await tx.execute(sql`with input as (${input}) ${update}`)
    return
  }
  await tx.execute(sql`
    with input as (${input}), updated as (${update} returning c.id)
    insert into ${companyImportChanges} ("import_id", "company_id", "row_number", "action", "before")
    select ${log.importId}::uuid, input.id, input.row_number, 'updated', input.before from input join updated using (id)`)
}
