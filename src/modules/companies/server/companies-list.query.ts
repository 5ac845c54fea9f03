/**
 * The companies list as ONE statement: the page, its total (exact up to a cap, else a sampled
 * estimate), each row's unit name and path, and its comune in force. A request of the list runs
 * this and the authentication statement, nothing else: on a 10k registry the page itself takes a
 * few milliseconds, so every further round trip (the total, the units, the comuni — five statements
 * before) was a visible share of the request (issue 3, "HTTP ≤ 1.5× raw SQL"; ADR 0016 for the
 * estimate).
 *
 * The unit and the comune are read from the identity and territory modules' tables by name, as
 * `findCompanyScopes` reads a unit's path: a join in the statement instead of a lookup per page.
 */
import { getTableColumns, sql, type SQL } from 'drizzle-orm'
import type { Db } from '../../../server/db/client'
import type { Place } from './companies.service'
import { companies, type CompanyRow } from './companies.table'

/** Up to this many matches a list's total is counted exactly (a scan bounded by the cap). */
export const EXACT_COUNT_CAP = 10_000
/** Rows read by the sampled estimate beyond the cap, whatever the size of the table. */
const ESTIMATE_SAMPLE_ROWS = 20_000

/** What a list row carries: every column but the search keys (the tsvector is the widest column). */
export type CompanyListRow = Omit<CompanyRow, 'searchText' | 'searchVector'>
const LIST_COLUMNS = Object.entries(getTableColumns(companies)).filter(([key]) => key !== 'searchText' && key !== 'searchVector')
/** The page's select list, rendered once (building SQL is a measurable share of a 10k-row request). */
const LIST_SELECT = sql.raw(LIST_COLUMNS.map(([, column]) => `"companies"."${column.name}"`).join(', '))

export type ListOrder = 'relevance' | 'updated' | 'name'

export interface CompanyListStatement {
  /** Scope and filters: the total counts these. */
  where: SQL
  /**
   * The keyset condition of a later page (not counted), given how to read a row's relevance (the
   * expression, or the column of a search's matches).
   */
  after: ((score: SQL) => SQL) | undefined
  /** Relevance of a row (0 without a search). */
  score: SQL
  /**
   * A text search: its matches are found once (a materialised CTE) and both the total and the page
   * read them, instead of the bounded count and the page each running the trigram and full-text
   * scans, which on a large registry are most of a search's cost. The total is then exact.
   */
  search: boolean
  order: ListOrder
  /** Rows to read (the page size + 1, to know whether a next page exists). */
  limit: number
  /** The Italian day whose comuni are in force (YYYY-MM-DD). */
  day: string
}

export interface CompanyListResult {
  rows: { company: CompanyListRow; score: number; unit: { name: string; path: string } | null; place: Place | null }[]
  total: number
  exact: boolean
}

/** Sort keys of each order, as output columns of the page (the outer query sorts by them again). */
const PAGE_ORDER: Record<ListOrder, string[]> = {
  relevance: ['score desc', 'id'],
  updated: ['updated_at desc', 'id'],
  name: ['name_key', 'id'],
}

/**
 * The total's CTEs: `count(*)` over at most EXACT_COUNT_CAP + 1 matches, so "all companies" of a
 * million rows never costs a full scan. Beyond the cap, the matches of a repeatable block sample of
 * about ESTIMATE_SAMPLE_ROWS rows, scaled up (the sample's percentage from the table's statistics;
 * an unanalysed or small table is read whole, which is exact). Subqueries in CASE run only when
 * reached: the estimate costs nothing while the count stays under the cap.
 */
function totalCtes(where: SQL): SQL {
  return sql`
    sample as (
      select least(100, 100 * ${ESTIMATE_SAMPLE_ROWS}::float8 / greatest(c.reltuples::float8, 1)) as percent
      from pg_class c where c.oid = ${sql.raw("'companies'::regclass")}
    ),
    total as (
      select capped.n,
        case when capped.n > ${EXACT_COUNT_CAP} then (select percent from sample) end as percent,
        case when capped.n > ${EXACT_COUNT_CAP} then (
          select count(*)::float8 from ${companies} tablesample system ((select percent from sample)) repeatable (0) where ${where}
        ) end as sampled
      from (select count(*)::int as n from (select 1 from ${companies} where ${where} limit ${EXACT_COUNT_CAP + 1}) as matches) as capped
    )`
}

export async function runCompanyList(db: Db, input: CompanyListStatement): Promise<CompanyListResult> {
  const order = sql.raw(PAGE_ORDER[input.order].join(', '))
  let ctes: SQL
  if (input.search) {
    // The matches with their sort keys, aliased "companies" in the page's subquery so the keyset
    // conditions (written on companies' columns) read them; the full rows are joined for the page only.
    const after = input.after?.(sql`score`)
    ctes = sql`
    matched as materialized (
      select ${companies.id} as id, ${input.score} as score, ${companies.nameKey} as name_key, ${companies.updatedAt} as updated_at
      from ${companies} where ${input.where}
    ),
    total as (select count(*)::int as n, null::float8 as percent, null::float8 as sampled from matched),
    page as (
      select ${LIST_SELECT}, companies_page.score from (
        select * from matched as companies ${after ? sql`where ${after}` : sql``} order by ${order} limit ${input.limit}
      ) as companies_page
      join ${companies} on ${companies.id} = companies_page.id
    )`
  } else {
    const after = input.after?.(input.score)
    ctes = sql`${totalCtes(input.where)},
    page as (
      select ${LIST_SELECT}, ${input.score} as score from ${companies}
      where ${after ? sql`${input.where} and ${after}` : input.where}
      order by ${order}
      limit ${input.limit}
    )`
  }
  // The total is the driving row: an empty page (past the end) still answers the total.
  const result = (await db.execute(sql`
    with ${ctes}
    select total.n as total_n, total.percent as total_percent, total.sampled as total_sampled, p.*,
      u.name as unit_name, u.path as unit_path,
      k.name as comune_name, k.province_code as comune_province, k.region_code as comune_region,
      k.region_name as comune_region_name, k.latitude as comune_latitude, k.longitude as comune_longitude
    from total
    left join page p on true
    left join units u on u.id = p.unit_id
    left join comuni k on k.istat_code = p.comune_istat and k.valid_from <= ${input.day}::date and (k.valid_to is null or k.valid_to > ${input.day}::date)
    order by ${sql.raw(PAGE_ORDER[input.order].map((key) => `p.${key}`).join(', '))}
  `)) as unknown as { rows: Record<string, unknown>[] }
  const first = result.rows[0]
  const n = Number(first?.total_n ?? 0)
  let total = n
  let exact = true
  // A search counts all its matches (no percent); a list beyond the cap has a sample to scale.
  if (n > EXACT_COUNT_CAP && first?.total_percent !== null && first?.total_percent !== undefined) {
    const percent = Number(first?.total_percent ?? 100)
    const sampled = Number(first?.total_sampled ?? 0)
    total = Math.round((sampled * 100) / percent)
    // A full "sample" (a small or never analysed table) is the exact count.
    exact = percent >= 100
    // Never below what the bounded count already saw.
    if (!exact) total = Math.max(EXACT_COUNT_CAP + 1, total)
  }
  const rows = result.rows
    .filter((raw) => raw.id !== null && raw.id !== undefined)
    .map((raw) => ({
      company: toListRow(raw),
      score: Number(raw.score),
      unit: raw.unit_path ? { name: String(raw.unit_name), path: String(raw.unit_path) } : null,
      place: raw.comune_name
        ? {
            istatCode: String(raw.comune_istat),
            name: String(raw.comune_name),
            provinceCode: String(raw.comune_province),
            regionCode: String(raw.comune_region),
            regionName: String(raw.comune_region_name),
            latitude: raw.comune_latitude === null ? null : Number(raw.comune_latitude),
            longitude: raw.comune_longitude === null ? null : Number(raw.comune_longitude),
          }
        : null,
    }))
  return { rows, total, exact }
}

/** A raw row (column names, driver values) as drizzle would map it. */
function toListRow(raw: Record<string, unknown>): CompanyListRow {
  const row: Record<string, unknown> = {}
  for (const [key, column] of LIST_COLUMNS) {
    const value = raw[column.name]
    row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value)
  }
  return row as CompanyListRow
}
