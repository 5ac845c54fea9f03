/**
 * Data for the DMA benchmark (bench/dma.bench.ts): random valid answers scored by the real engine,
 * and a population of validated assessments loaded on the database server (INSERT … SELECT over
 * generate_series: millions of rows without shipping them from Node).
 *
 * The population: the latest validated assessment of N companies (`is_latest`), plus the earlier
 * T0 of the third that also had a T1 (validated, not latest: in the table, not in the benchmark).
 * Peer groups follow the CRM benchmark's outreach mix (bench/crm-data.ts): ATECO sections with
 * manufacturing first, plus public bodies (section O, PSO questionnaire) and companies without an
 * ATECO code; EU size classes micro 62 %, small 26 %, medium 9 %, large 3 %; regions 90 % Lombardy
 * (the demo network's region) and 10 % the other 19 regions weighted by resident population (ISTAT
 * 2011 census, `comuni.population`). Scores come from a pool of answer sets drawn as the demo seed
 * draws them (a maturity level per company) and scored by the engine, so every row's scores are
 * ones the engine really produces, with their ties. Deterministic: `setseed` on the loading session.
 */
import type { SqlExecutor } from '../src/server/db/client'
import type { DmaInstrumentId } from '../src/modules/assessments/assessments.contract'
import { DMA_DIMENSION_IDS } from '../src/modules/assessments/assessments.contract'
import { getDmaInstrument, getDmaRules, scoreDmaAnswers, type DmaInstrument } from '../src/modules/assessments/assessments.reference'
import { demoDmaAnswers } from '../src/modules/assessments/server/assessments.seed'
import { prng } from '../src/shared/prng'

/** ATECO sections (share in % of assessed organisations) and the instrument each one takes. */
export const SECTIONS: { section: string | null; share: number; instrument: DmaInstrumentId }[] = [
  { section: 'C', share: 36, instrument: 'eu-dma-sme' },
  { section: 'G', share: 13, instrument: 'eu-dma-sme' },
  { section: 'M', share: 10, instrument: 'eu-dma-sme' },
  { section: 'F', share: 8, instrument: 'eu-dma-sme' },
  { section: 'J', share: 8, instrument: 'eu-dma-sme' },
  { section: 'H', share: 5, instrument: 'eu-dma-sme' },
  { section: 'N', share: 4, instrument: 'eu-dma-sme' },
  { section: 'A', share: 3, instrument: 'eu-dma-sme' },
  { section: 'I', share: 3, instrument: 'eu-dma-sme' },
  { section: 'Q', share: 2, instrument: 'eu-dma-sme' },
  { section: 'S', share: 2, instrument: 'eu-dma-sme' },
  { section: 'D', share: 1, instrument: 'eu-dma-sme' },
  { section: 'E', share: 1, instrument: 'eu-dma-sme' },
  { section: 'K', share: 1, instrument: 'eu-dma-sme' },
  // Public bodies (municipalities, agencies) take the PSO questionnaire.
  { section: 'O', share: 2, instrument: 'eu-dma-pso' },
  // No ATECO code on the company record: only ever in the "all" group.
  { section: null, share: 1, instrument: 'eu-dma-sme' },
]

export const SIZE_CLASSES: { size: string; share: number }[] = [
  { size: 'micro', share: 62 },
  { size: 'small', share: 26 },
  { size: 'medium', share: 9 },
  { size: 'large', share: 3 },
]

/** 90 % Lombardy, the rest over the other regions by resident population. */
export function regionWeights(populationByRegion: { regionCode: string; population: number }[]): { region: string; share: number }[] {
  const others = populationByRegion.filter((r) => r.regionCode !== '03')
  const total = others.reduce((sum, r) => sum + r.population, 0)
  return [{ region: '03', share: 90 }, ...others.map((r) => ({ region: r.regionCode, share: (10 * r.population) / total }))]
}

/** Random valid answers: a maturity level per organisation, as the demo seed draws them. */
export function randomAnswers(instrument: DmaInstrument, random: () => number): Record<string, unknown> {
  return demoDmaAnswers(instrument, 0.05 + random() * 0.85, random)
}

export const POOL_SIZE = 4_000

interface PoolRow {
  k: number
  instrument: DmaInstrumentId
  answers: Record<string, unknown>
  result: unknown
  overall: number
  band: string
  d1: number
  d2: number
  d3: number
  d4: number
  d5: number
  d6: number
}

function pool(instrumentId: DmaInstrumentId, seed: number): PoolRow[] {
  const instrument = getDmaInstrument(instrumentId)
  const rules = getDmaRules()
  const random = prng(seed)
  return Array.from({ length: POOL_SIZE }, (_, k) => {
    const answers = randomAnswers(instrument, random)
    const result = scoreDmaAnswers(instrument, rules, answers)
    const d = Object.fromEntries(DMA_DIMENSION_IDS.map((id) => [id.toLowerCase(), result.dimensions[id]])) as Record<'d1' | 'd2' | 'd3' | 'd4' | 'd5' | 'd6', number>
    return { k, instrument: instrumentId, answers, result, overall: result.overall, band: result.band, ...d }
  })
}

/** Helper tables of the load (dropped by `dropHelpers`): the scored answer pool and the weights. */
export async function createHelpers(sql: SqlExecutor, regions: { region: string; share: number }[]) {
  await sql.executeSql(
    `create table bench_dma_pool (k int, instrument text, answers jsonb, result jsonb, overall float8, band text,
       d1 float8, d2 float8, d3 float8, d4 float8, d5 float8, d6 float8, primary key (instrument, k))`,
    [],
  )
  for (const [instrument, seed] of [['eu-dma-sme', 11], ['eu-dma-pso', 12]] as const) {
    const rows = pool(instrument, seed)
    for (let i = 0; i < rows.length; i += 500) {
      await sql.executeSql(
        `insert into bench_dma_pool
         select * from json_to_recordset($1::json) as x(k int, instrument text, answers jsonb, result jsonb, overall float8, band text,
           d1 float8, d2 float8, d3 float8, d4 float8, d5 float8, d6 float8)`,
        [JSON.stringify(rows.slice(i, i + 500))],
      )
    }
  }
  // Cumulative [lo, hi) ranges over [0, 1) for picking with one random() per attribute.
  const ranges = (kind: string, items: { value: string | null; share: number; instrument?: string }[]) => {
    const total = items.reduce((s, i) => s + i.share, 0)
    let lo = 0
    return items.map((item, index) => {
      const hi = index === items.length - 1 ? 1.000001 : lo + item.share / total
      const row = { kind, value: item.value, instrument: item.instrument ?? null, lo, hi }
      lo = hi
      return row
    })
  }
  const weights = [
    ...ranges('section', SECTIONS.map((s) => ({ value: s.section, share: s.share, instrument: s.instrument }))),
    ...ranges('size', SIZE_CLASSES.map((s) => ({ value: s.size, share: s.share }))),
    ...ranges('region', regions.map((r) => ({ value: r.region, share: r.share }))),
  ]
  await sql.executeSql(`create table bench_dma_weights (kind text, value text, instrument text, lo float8, hi float8)`, [])
  await sql.executeSql(
    `insert into bench_dma_weights select * from json_to_recordset($1::json) as x(kind text, value text, instrument text, lo float8, hi float8)`,
    [JSON.stringify(weights)],
  )
}

export async function dropHelpers(sql: SqlExecutor) {
  await sql.executeSql('drop table if exists bench_dma_pool', [])
  await sql.executeSql('drop table if exists bench_dma_weights', [])
}

const SCORE_COLUMNS = 'answers, overall, band, d1, d2, d3, d4, d5, d6, result'

/**
 * Rows `from`..`to` (1-based) of the population: one latest validated assessment per (new) company,
 * and, for a third of them (the T1s), the company's earlier T0, validated and no longer latest.
 * `unitIds` are the antennas the assessments belong to (round robin).
 */
export async function insertPopulation(sql: SqlExecutor, from: number, to: number, unitIds: string[]) {
  await sql.executeSql(
    `with s as (
       select g, gen_random_uuid() as id, gen_random_uuid() as t0_id, gen_random_uuid() as company_id,
              random() as rs, random() as rz, random() as rr, random() as rp, random() as rt, random() as rm, random() as rd
         from generate_series($1::int, $2::int) g
     ), picked as (
       select s.*, sec.value as section, sec.instrument, sz.value as size_class, rg.value as region_code,
              ($3::uuid[])[1 + (s.g % cardinality($3::uuid[]))] as unit_id,
              (now() - make_interval(days => (10 + floor(s.rd * 700))::int)) as assessed_at
         from s
         join bench_dma_weights sec on sec.kind = 'section' and s.rs >= sec.lo and s.rs < sec.hi
         join bench_dma_weights sz on sz.kind = 'size' and s.rz >= sz.lo and s.rz < sz.hi
         join bench_dma_weights rg on rg.kind = 'region' and s.rr >= rg.lo and s.rr < rg.hi
     ), latest as (
       insert into assessments (id, series_id, version, company_id, unit_id, stage, mode, instrument_id, instrument_version, rules_version,
                                status, ${SCORE_COLUMNS}, ateco_section, size_class, region_code, is_latest,
                                submitted_at, validated_at, assessed_on, created_at, updated_at)
       select p.id, p.id, 1, p.company_id, p.unit_id, case when p.rt < 0.33 then 'T1' else 'T0' end,
              case when p.rm < 0.55 then 'assisted' else 'self' end, p.instrument, '2024', '2024-r1',
              'validated', ${SCORE_COLUMNS.split(', ').map((c) => `pool.${c}`).join(', ')}, p.section, p.size_class, p.region_code, true,
              p.assessed_at, p.assessed_at + interval '2 days', to_char(p.assessed_at, 'YYYY-MM-DD'), p.assessed_at, p.assessed_at
         from picked p join bench_dma_pool pool on pool.instrument = p.instrument and pool.k = floor(p.rp * ${POOL_SIZE})::int
       returning 1
     )
     -- (a data-modifying CTE runs once whether or not it is read)
     insert into assessments (id, series_id, version, company_id, unit_id, stage, mode, instrument_id, instrument_version, rules_version,
                              status, ${SCORE_COLUMNS}, ateco_section, size_class, region_code, is_latest,
                              submitted_at, validated_at, assessed_on, created_at, updated_at)
     select p.t0_id, p.t0_id, 1, p.company_id, p.unit_id, 'T0', 'assisted', p.instrument, '2024', '2024-r1',
            'validated', ${SCORE_COLUMNS.split(', ').map((c) => `pool.${c}`).join(', ')}, p.section, p.size_class, p.region_code, false,
            p.assessed_at - interval '300 days', p.assessed_at - interval '298 days', to_char(p.assessed_at - interval '300 days', 'YYYY-MM-DD'),
            p.assessed_at - interval '300 days', p.assessed_at - interval '300 days'
       from picked p
       join bench_dma_pool pool on pool.instrument = p.instrument and pool.k = (floor(p.rp * ${POOL_SIZE})::int + 1) % ${POOL_SIZE}
      where p.rt < 0.33`,
    [from, to, unitIds],
  )
}
