/**
 * The hub dashboard of assessments (issue 4 "Hub dashboard"): counts by stage, mode, status, unit
 * and month; the distribution of every dimension and of the overall score; the T0 → T1 deltas per
 * company and on average (the EDIH KPI "increase in digital maturity").
 *
 * Everything is aggregated in SQL, in three statements whatever the number of assessments (counts
 * as grouping sets, one pass for the distributions, the deltas' page with their totals); the app
 * only names the few units and companies on the page. Plain PostgreSQL, which PGlite runs too.
 * Measured on PostgreSQL 15 with 100k assessments (60k companies, 38k T0 → T1 pairs): about 0.8 s
 * for the network admin (the whole network), 0.1 s for one antenna's staff (an eighth of it);
 * PGlite takes about three times as long.
 *
 * Scope: staff only, on the assessments of the units they read (the stored unit: the company's unit
 * when the assessment was validated — the dashboard reports the work each unit did, like the
 * list's unit filter); `unitId` narrows to a unit they read and the units below it.
 */
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm'
import { AppError } from '../../../shared/app-error'
import type { Db } from '../../../server/db/client'
import type { RequestContext } from '../../../server/http/context'
import { findCompanyScopes } from '../../companies'
import { canReadUnitData, dataPathPrefixes, findUnit, findUnits, unitIdsUnder } from '../../identity'
import {
  ASSESSMENT_MODES,
  ASSESSMENT_STAGES,
  DMA_DIMENSION_IDS,
  type AssessmentDashboard,
  type AssessmentDashboardQuery,
  type AssessmentDelta,
  type AssessmentDistribution,
  type AssessmentMode,
  type AssessmentStage,
  type DmaInstrumentId,
} from '../assessments.contract'
import { requireActor } from './assessments.service'
import { assessments } from './assessments.table'

/** Rows of a raw statement: node-postgres and PGlite both answer `{ rows }`. */
async function rowsOf<T>(db: Db, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows
}

const SCORE_COLUMNS = { overall: assessments.overall, D1: assessments.d1, D2: assessments.d2, D3: assessments.d3, D4: assessments.d4, D5: assessments.d5, D6: assessments.d6 } as const
type ScoreId = keyof typeof SCORE_COLUMNS
const SCORE_IDS = ['overall', ...DMA_DIMENSION_IDS] as const satisfies readonly ScoreId[]

/**
 * The day an assessment counts on (YYYY-MM-DD, Italian time): when it took place, else when it was
 * validated, else when it was created (a draft without a date). Text compares as dates.
 */
const referenceDay = sql`coalesce(${assessments.assessedOn}, to_char(${assessments.validatedAt} at time zone 'Europe/Rome', 'YYYY-MM-DD'), to_char(${assessments.createdAt} at time zone 'Europe/Rome', 'YYYY-MM-DD'))`

/** Staff scope and filters, except the period (the deltas apply it to the T1 only). */
async function scopeConditions(ctx: RequestContext, query: AssessmentDashboardQuery): Promise<SQL[]> {
  const actor = requireActor(ctx)
  const prefixes = dataPathPrefixes(actor)
  // Company members, experts and viewers have no hub-wide figures to see.
  if (prefixes.length === 0) throw new AppError('FORBIDDEN', 'errors.forbidden')
  const conditions: SQL[] = [inArray(assessments.unitId, unitIdsUnder(ctx.db, prefixes))]
  if (query.unitId) {
    const unit = await findUnit(ctx.db, query.unitId)
    // A unit the caller does not read looks missing (never reveal that a foreign unit exists).
    if (!unit || !canReadUnitData(actor, unit.path)) throw new AppError('NOT_FOUND', 'errors.notFound')
    conditions.push(inArray(assessments.unitId, unitIdsUnder(ctx.db, [unit.path])))
  }
  if (query.instrumentId) conditions.push(eq(assessments.instrumentId, query.instrumentId))
  return conditions
}

function periodConditions(query: AssessmentDashboardQuery): SQL[] {
  const conditions: SQL[] = []
  if (query.from) conditions.push(sql`${referenceDay} >= ${query.from}`)
  if (query.to) conditions.push(sql`${referenceDay} <= ${query.to}`)
  return conditions
}

interface CountRow {
  stage: string | null
  mode: string | null
  status: string | null
  unit_id: string | null
  month: string | null
  n: number
  v: number
}

/**
 * Every count in one statement (grouping sets). "Current versions only": a correction is a new
 * version of its series and the version it replaces becomes `superseded` when the correction is
 * validated, so excluding `superseded` counts each series once (an open correction — a draft or
 * submitted version n+1 beside its still-validated version n — counts as work in progress too).
 */
async function counts(ctx: RequestContext, where: SQL) {
  const rows = await rowsOf<CountRow>(
    ctx.db,
    sql`select stage, mode, status, unit_id, month, count(*)::int as n, (count(*) filter (where status = 'validated'))::int as v
      from (
        select ${assessments.stage} as stage, ${assessments.mode} as mode, ${assessments.status} as status,
               ${assessments.unitId} as unit_id, substr(${referenceDay}, 1, 7) as month
        from ${assessments}
        where ${where} and ${assessments.status} <> 'superseded'
      ) current_versions
      group by grouping sets ((stage), (mode), (status), (unit_id), (month), ())`,
  )
  // Each grouping set leaves the other columns null, and none of the grouped columns is ever null.
  const total = rows.find((r) => r.stage === null && r.mode === null && r.status === null && r.unit_id === null && r.month === null)
  const of = (key: keyof CountRow, value: string) => rows.find((r) => r[key] === value)
  const unitRows = rows.filter((r) => r.unit_id !== null)
  const unitNames = await findUnits(ctx.db, unitRows.map((r) => r.unit_id as string))
  return {
    total: Number(total?.n ?? 0),
    validated: Number(total?.v ?? 0),
    byStage: ASSESSMENT_STAGES.map((stage: AssessmentStage) => ({ stage, count: Number(of('stage', stage)?.n ?? 0), validated: Number(of('stage', stage)?.v ?? 0) })),
    byMode: ASSESSMENT_MODES.map((mode: AssessmentMode) => ({ mode, count: Number(of('mode', mode)?.n ?? 0), validated: Number(of('mode', mode)?.v ?? 0) })),
    byStatus: (['draft', 'submitted', 'validated'] as const).map((status) => ({ status, count: Number(of('status', status)?.n ?? 0) })),
    byUnit: unitRows
      .map((r) => ({ unitId: r.unit_id as string, unitName: unitNames.get(r.unit_id as string)?.name ?? '—', count: Number(r.n), validated: Number(r.v) }))
      .sort((a, b) => b.count - a.count || a.unitName.localeCompare(b.unitName, 'it')),
    byMonth: rows
      .filter((r) => r.month !== null)
      .map((r) => ({ month: r.month as string, count: Number(r.n), validated: Number(r.v) }))
      .sort((a, b) => a.month.localeCompare(b.month)),
  }
}

/** Histogram bins [0,10), …, [80,90), then [90,100] so that a perfect 100 has a bin. */
const BINS = Array.from({ length: 10 }, (_, i) => i * 10)

/** Quartiles, mean and histogram of each score over the validated assessments, in one pass. */
async function distribution(ctx: RequestContext, where: SQL): Promise<AssessmentDistribution[]> {
  const columns = SCORE_IDS.flatMap((id) => {
    const c = SCORE_COLUMNS[id]
    return [
      sql`count(${c})::int as ${sql.identifier(`${id}_n`)}`,
      sql`avg(${c})::float8 as ${sql.identifier(`${id}_mean`)}`,
      sql`min(${c})::float8 as ${sql.identifier(`${id}_min`)}`,
      // Same input and order: the three ordered-set aggregates share one sorted state.
      sql`percentile_cont(0.25) within group (order by ${c}) as ${sql.identifier(`${id}_q1`)}`,
      sql`percentile_cont(0.5) within group (order by ${c}) as ${sql.identifier(`${id}_median`)}`,
      sql`percentile_cont(0.75) within group (order by ${c}) as ${sql.identifier(`${id}_q3`)}`,
      sql`max(${c})::float8 as ${sql.identifier(`${id}_max`)}`,
      // Cumulative counts (one comparison per edge); the bins are their differences below.
      ...BINS.slice(1).map((edge) => sql`(count(*) filter (where ${c} < ${sql.raw(String(edge))}))::int as ${sql.identifier(`${id}_lt${edge}`)}`),
    ]
  })
  const [row] = await rowsOf<Record<string, number | null>>(
    ctx.db,
    sql`select ${sql.join(columns, sql`, `)} from ${assessments} where ${where} and ${assessments.status} = 'validated'`,
  )
  const num = (key: string) => (row?.[key] === null || row?.[key] === undefined ? null : Number(row[key]))
  return SCORE_IDS.map((id) => ({
    id,
    n: num(`${id}_n`) ?? 0,
    mean: num(`${id}_mean`),
    min: num(`${id}_min`),
    q1: num(`${id}_q1`),
    median: num(`${id}_median`),
    q3: num(`${id}_q3`),
    max: num(`${id}_max`),
    histogram: BINS.map((low, i) => {
      const below = (edge: number | undefined) => (edge === undefined ? (num(`${id}_n`) ?? 0) : edge === 0 ? 0 : (num(`${id}_lt${edge}`) ?? 0))
      return below(BINS[i + 1]) - below(low)
    }),
  }))
}

type DeltaRow = Record<string, number | string | null>

/**
 * T0 → T1 per company and instrument: the latest validated T0 and the latest validated T1 (by
 * validation time), paired when both exist; the period applies to the T1 (the change is reported
 * when it was measured). Records without scores cannot measure a change and are left out.
 *
 * The pair is a GROUP BY over the one-row-per-stage `latest`, not a self-join: the planner cannot
 * estimate a scoped CTE (the unit subquery reads as one row), and on 100k assessments the nested
 * loop it chose for the join took minutes; an aggregation has no such plan.
 */
function pairsCte(scope: SQL, period: SQL[]): SQL {
  const column = (id: ScoreId) => sql.raw(id === 'overall' ? 'overall' : id.toLowerCase())
  const at = (stage: 'T0' | 'T1', expression: SQL) => sql`max(${expression}) filter (where stage = ${sql.raw(`'${stage}'`)})`
  const notNull = SCORE_IDS.map((id) => sql`${SCORE_COLUMNS[id]} is not null`)
  return sql`with latest as (
      select distinct on (${assessments.companyId}, ${assessments.instrumentId}, ${assessments.stage})
        ${assessments.id} as id, ${assessments.companyId} as company_id, ${assessments.instrumentId} as instrument_id,
        ${assessments.stage} as stage, ${referenceDay} as day,
        ${assessments.overall} as overall, ${assessments.d1} as d1, ${assessments.d2} as d2, ${assessments.d3} as d3,
        ${assessments.d4} as d4, ${assessments.d5} as d5, ${assessments.d6} as d6
      from ${assessments}
      where ${scope} and ${assessments.status} = 'validated' and ${assessments.stage} in ('T0', 'T1') and ${and(...notNull)}
      order by ${assessments.companyId}, ${assessments.instrumentId}, ${assessments.stage}, ${assessments.validatedAt} desc, ${assessments.id} desc
    ), pairs as (
      -- One row per stage in each group: max(…) filter (stage) is that row's value.
      select company_id, instrument_id,
        ${at('T0', sql`id::text`)} as t0_id, ${at('T1', sql`id::text`)} as t1_id,
        ${at('T0', sql`overall`)} as t0_overall, ${at('T1', sql`overall`)} as t1_overall,
        ${sql.join(
          SCORE_IDS.map((id) => sql`(${at('T1', column(id))} - ${at('T0', column(id))})::float8 as ${sql.identifier(`d_${id}`)}`),
          sql`, `,
        )}
      from latest
      group by company_id, instrument_id
      having count(*) filter (where stage = 'T0') = 1 and count(*) filter (where stage = 'T1') = 1
        ${sql.join(period.map((p) => sql` and ${p}`), sql``)}
    )`
}

async function deltas(ctx: RequestContext, scope: SQL, query: AssessmentDashboardQuery): Promise<AssessmentDashboard['deltas']> {
  // The period compares the T1's day.
  const t1Day = sql`max(day) filter (where stage = 'T1')`
  const period: SQL[] = []
  if (query.from) period.push(sql`${t1Day} >= ${query.from}`)
  if (query.to) period.push(sql`${t1Day} <= ${query.to}`)
  const cte = pairsCte(scope, period)
  const totals = (over: SQL) => sql`count(*) ${over} as n, (count(*) filter (where d_overall > 0) ${over}) as improved,
      ${sql.join(SCORE_IDS.map((id) => sql`avg(${sql.identifier(`d_${id}`)}) ${over} as ${sql.identifier(`avg_${id}`)}`), sql`, `)}`
  // The page and the totals in one statement: window aggregates see every pair before the limit.
  const page = await rowsOf<DeltaRow>(
    ctx.db,
    sql`${cte} select pairs.*, ${totals(sql`over ()`)} from pairs
      order by d_overall desc, company_id, instrument_id limit ${query.deltaLimit} offset ${query.deltaOffset}`,
  )
  // A page past the end has no rows to carry the totals: count them alone.
  const [summary] = page.length > 0 || query.deltaOffset === 0 ? page : await rowsOf<DeltaRow>(ctx.db, sql`${cte} select ${totals(sql``)} from pairs`)
  const n = Number(summary?.n ?? 0)
  const improved = Number(summary?.improved ?? 0)
  const names = new Map((await findCompanyScopes(ctx.db, page.map((r) => String(r.company_id)))).map((c) => [c.id, c.name]))
  const scores = (row: DeltaRow | undefined, prefix: string) =>
    Object.fromEntries(SCORE_IDS.map((id) => [id, Number(row?.[`${prefix}${id}`] ?? 0)])) as AssessmentDelta['delta']
  return {
    companies: n,
    average: n > 0 ? scores(summary, 'avg_') : null,
    improved,
    improvedShare: n > 0 ? improved / n : null,
    items: page.map((r) => ({
      companyId: String(r.company_id),
      companyName: names.get(String(r.company_id)) ?? '—',
      instrument: String(r.instrument_id) as DmaInstrumentId,
      t0Id: String(r.t0_id),
      t1Id: String(r.t1_id),
      t0Overall: Number(r.t0_overall),
      t1Overall: Number(r.t1_overall),
      delta: scores(r, 'd_'),
    })),
    limit: query.deltaLimit,
    offset: query.deltaOffset,
  }
}

export async function assessmentsDashboard(ctx: RequestContext, query: AssessmentDashboardQuery): Promise<AssessmentDashboard> {
  const scope = await scopeConditions(ctx, query)
  const scoped = and(...scope) as SQL
  const inPeriod = and(...scope, ...periodConditions(query)) as SQL
  return {
    counts: await counts(ctx, inPeriod),
    distribution: await distribution(ctx, inPeriod),
    deltas: await deltas(ctx, scoped, query),
  }
}
