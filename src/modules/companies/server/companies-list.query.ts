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
import { SEARCH_CANDIDATES } from './companies-search.query'
import { companies, type CompanyRow } from './companies.table'

/**
 * On a table larger than the estimate's sample, a list whose sample finds at most this many matches
 * is counted exactly (a scan bounded by the cap); one that finds more shows the sample's estimate.
 */
export const EXACT_COUNT_CAP = 1_000
/** Rows read by the sampled estimate, whatever the size of the table; a smaller table is counted. */
export const ESTIMATE_SAMPLE_ROWS = 10_000

/** What a list row carries: every column but the search keys (the tsvectors are the widest columns). */
export type CompanyListRow = Omit<CompanyRow, 'searchText' | 'searchVector' | 'nameVector'>
const SEARCH_KEYS = new Set(['searchText', 'searchVector', 'nameVector'])
const LIST_COLUMNS = Object.entries(getTableColumns(companies)).filter(([key]) => !SEARCH_KEYS.has(key))
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
   * A text search's tiers (companies-search.query.ts), in order: its candidates are the first
   * SEARCH_CANDIDATES + 1 matches taken tier by tier (each tier's rows not in an earlier one), found
   * once (a materialised CTE) and read by both the total and the page. Up to SEARCH_CANDIDATES the
   * total is exact; past it, a lower bound. Absent for a plain list.
   */
  searchTiers?: SQL[]
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
  /** A search with more matches than it reads: `total` is SEARCH_CANDIDATES, and there are more. */
  lowerBound: boolean
}

/** Sort keys of each order, as output columns of the page (the outer query sorts by them again). */
const PAGE_ORDER: Record<ListOrder, string[]> = {
  // Equal relevance (many matches have every word) reads in name order.
  relevance: ['score desc', 'name_key', 'id'],
  updated: ['updated_at desc', 'id'],
  name: ['name_key', 'id'],
}

/**
 * The total's CTEs, whose cost does not grow with the table (ADR 0033). A table of at most
 * ESTIMATE_SAMPLE_ROWS rows (by its statistics; never analysed counts as empty) is counted exactly.
 * A larger one is first sampled: a repeatable block sample of about ESTIMATE_SAMPLE_ROWS rows with
 * the same filters. When the sample implies at most EXACT_COUNT_CAP matches, they are counted
 * exactly, reading at most EXACT_COUNT_CAP + 1 of them; otherwise the sample, scaled up, is the
 * total. Subqueries in CASE run only when reached.
 */
function totalCtes(where: SQL): SQL {
  return sql`
    sample as (
      select least(100, 100 * ${ESTIMATE_SAMPLE_ROWS}::float8 / greatest(c.reltuples::float8, 1)) as percent
      from pg_class c where c.oid = ${sql.raw("'companies'::regclass")}
    ),
    estimate as materialized (
      select s.percent, case when s.percent < 100 then (
        select count(*)::float8 from ${companies} tablesample system (s.percent) repeatable (0) where ${where}
      ) end as sampled
      from sample s
    ),
    total as (
      select case
          when e.percent >= 100 then (select count(*)::int from ${companies} where ${where})
          when e.sampled * 100 / e.percent <= ${EXACT_COUNT_CAP} then (
            select count(*)::int from (select 1 from ${companies} where ${where} limit ${EXACT_COUNT_CAP + 1}) as matches
          )
        end as n,
        e.percent, e.sampled
      from estimate e
    )`
}

export async function runCompanyList(db: Db, input: CompanyListStatement): Promise<CompanyListResult> {
  const order = sql.raw(PAGE_ORDER[input.order].join(', '))
  let ctes: SQL
  const tiers = input.searchTiers
  if (tiers) {
    // Each tier a LIMITed branch of a UNION ALL under a LIMIT: a later tier's index scans run only
    // when the earlier ones had too few rows. The matches carry their sort keys and are aliased
    // "companies" in the page's subquery, so the keyset conditions (written on companies' columns)
    // read them; the full rows are joined for the page only.
    const after = input.after?.(sql`score`)
    const branches = tiers.map((tier, i) => {
      const earlier = tiers.slice(0, i).map((t) => sql` and not ${t}`)
      return sql`(select ${companies.id} as id, ${input.score} as score, ${companies.nameKey} as name_key, ${companies.updatedAt} as updated_at
        from ${companies} where ${input.where} and ${tier}${sql.join(earlier, sql``)} limit ${SEARCH_CANDIDATES + 1})`
    })
    ctes = sql`
    candidates as materialized (
      select *, row_number() over () as ordinal from (select * from (${sql.join(branches, sql` union all `)}) as tiers limit ${SEARCH_CANDIDATES + 1}) as taken
    ),
    matched as (select * from candidates where ordinal <= ${SEARCH_CANDIDATES}),
    total as (select (select count(*)::int from candidates) as n, null::float8 as percent, null::float8 as sampled),
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
  // A search reads at most SEARCH_CANDIDATES matches: one more means there are more.
  if (tiers && n > SEARCH_CANDIDATES) return { rows: mapRows(result.rows), total: SEARCH_CANDIDATES, exact: false, lowerBound: true }
  let total = n
  let exact = true
  const percent = first?.total_percent === null || first?.total_percent === undefined ? 100 : Number(first.total_percent)
  // A big table whose sample found many matches, or whose bounded count overflowed: the estimate,
  // never below what the bounded count saw.
  if (!tiers && percent < 100 && (first?.total_n === null || first?.total_n === undefined || n > EXACT_COUNT_CAP)) {
    const sampled = Number(first?.total_sampled ?? 0)
    total = Math.max(EXACT_COUNT_CAP + 1, Math.round((sampled * 100) / percent))
    exact = false
  }
  return { rows: mapRows(result.rows), total, exact, lowerBound: false }
}

function mapRows(raw: Record<string, unknown>[]): CompanyListResult['rows'] {
  return raw
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
