/**
 * Where a company sits among its peers (issue 4 "Benchmark"): the population is the latest
 * validated assessment of each company with the same instrument (`is_latest`); the peer group is
 * ATECO section × size class × region, falling back to section × size, then section, then every
 * company, until a group holds at least K_ANONYMITY assessments. A smaller group is never shown,
 * at any level. Three statements whatever the level and the population: the sizes of every
 * level's group, then the chosen group's ranks and spread from its histograms
 * (`assessment_score_counts`, kept exact by triggers on `assessments`, migration 0009).
 */
import { and, eq, inArray, sql } from 'drizzle-orm'
import type { Db } from '../../../server/db/client'
import { DMA_DIMENSION_IDS, type DmaDimensionId } from '../assessments.contract'
import { assessmentScoreCounts } from './assessments.table'

/** "A group with fewer than 10 assessments is never shown (k-anonymity), at any level." */
export const K_ANONYMITY = 10

export type BenchmarkLevel = 'section_size_region' | 'section_size' | 'section' | 'all'

export interface PeerGroupKey {
  atecoSection: string | null
  sizeClass: string | null
  regionCode: string | null
}

export interface BenchmarkResult {
  level: BenchmarkLevel
  group: PeerGroupKey
  size: number
  /** Percentile rank (0-100): share of the group below the score, counting ties as half. */
  overall: number
  dimensions: Record<DmaDimensionId, number>
  /** The group's spread, for a box plot: overall and per dimension. */
  distribution: Record<'overall' | DmaDimensionId, BenchmarkSpread>
}

/**
 * Box-plot figures of a peer group. The whiskers are the 10th and 90th percentiles, not the minimum
 * and maximum: an extreme is one company's exact score, and k-anonymity means no figure shown may
 * be a single member's.
 */
export interface BenchmarkSpread {
  p10: number
  q1: number
  median: number
  q3: number
  p90: number
}

const SPREAD_FRACTIONS = [0.1, 0.25, 0.5, 0.75, 0.9] as const

export interface BenchmarkScores {
  overall: number
  dimensions: Record<DmaDimensionId, number>
}

function levels(group: PeerGroupKey): { level: BenchmarkLevel; key: PeerGroupKey }[] {
  const candidates: { level: BenchmarkLevel; key: PeerGroupKey }[] = []
  if (group.atecoSection && group.sizeClass && group.regionCode) candidates.push({ level: 'section_size_region', key: group })
  if (group.atecoSection && group.sizeClass) candidates.push({ level: 'section_size', key: { ...group, regionCode: null } })
  if (group.atecoSection) candidates.push({ level: 'section', key: { atecoSection: group.atecoSection, sizeClass: null, regionCode: null } })
  candidates.push({ level: 'all', key: { atecoSection: null, sizeClass: null, regionCode: null } })
  return candidates
}

/** The counters' key of a peer group: `C|small|03`, `C|small|*`, `C|*|*`, `*|*|*`. */
export function groupKeyOf(key: PeerGroupKey): string {
  return `${key.atecoSection ?? '*'}|${key.sizeClass ?? '*'}|${key.regionCode ?? '*'}`
}

const METRICS = ['overall', ...DMA_DIMENSION_IDS] as const
type Metric = (typeof METRICS)[number]

/**
 * Percentile ranks of `scores` in the smallest peer group of at least K_ANONYMITY; null when none.
 * Reads the groups' histograms (`assessment_score_counts`, kept exact by triggers), never the
 * members: the cost follows the number of distinct scores in the group, not its size.
 */
export async function benchmarkAssessment(db: Db, instrumentId: string, group: PeerGroupKey, scores: BenchmarkScores): Promise<BenchmarkResult | null> {
  const candidates = levels(group).map((candidate) => ({ ...candidate, groupKey: groupKeyOf(candidate.key) }))
  const sizes = await db
    .select({ groupKey: assessmentScoreCounts.groupKey, n: assessmentScoreCounts.n })
    .from(assessmentScoreCounts)
    .where(
      and(
        eq(assessmentScoreCounts.instrumentId, instrumentId),
        eq(assessmentScoreCounts.metric, '#'),
        inArray(
          assessmentScoreCounts.groupKey,
          candidates.map((c) => c.groupKey),
        ),
      ),
    )
  const sizeOf = new Map(sizes.map((s) => [s.groupKey, s.n]))
  for (const chosen of candidates) {
    if ((sizeOf.get(chosen.groupKey) ?? 0) < K_ANONYMITY) continue
    const result = await rankInGroup(db, instrumentId, chosen, scores)
    // Rows may change between statements: a group under K is never shown, the next level is.
    if (result) return result
  }
  return null
}

async function rankInGroup(db: Db, instrumentId: string, chosen: { level: BenchmarkLevel; key: PeerGroupKey; groupKey: string }, scores: BenchmarkScores): Promise<BenchmarkResult | null> {
  const valueOf = (metric: Metric) => (metric === 'overall' ? scores.overall : scores.dimensions[metric])
  const targets = sql.join(
    METRICS.map((metric) => sql`(${metric}, ${valueOf(metric)}::float8)`),
    sql`, `,
  )
  // Ranks: the counts below and equal to the company's score, per metric.
  const ranks = (await db.execute(sql`
    select c.metric, c.total, coalesce(c.below, 0)::float8 as below, coalesce(c.equal, 0)::float8 as equal
    from (
      select s.metric, sum(s.n)::int as total, sum(s.n) filter (where s.value < t.x) as below, sum(s.n) filter (where s.value = t.x) as equal
      from ${assessmentScoreCounts} s
      join (values ${targets}) as t(metric, x) on t.metric = s.metric
      where s.instrument_id = ${instrumentId} and s.group_key = ${chosen.groupKey} and s.n > 0
      group by s.metric
    ) c`)) as unknown as { rows: { metric: Metric; total: number; below: number; equal: number }[] }
  // The spread: only the histogram rows that hold the 10th … 90th percentile positions (continuous
  // percentiles interpolate between the values at floor and ceil of f × (n − 1), as percentile_cont).
  const fractions = sql.raw(`array[${SPREAD_FRACTIONS.join(',')}]::float8[]`)
  const boundaries = (await db.execute(sql`
    select h.metric, h.value, h.below::int as below, h.n, h.total::int as total from (
      select s.metric, s.value, s.n,
        sum(s.n) over (partition by s.metric order by s.value) - s.n as below,
        sum(s.n) over (partition by s.metric) as total
      from ${assessmentScoreCounts} s
      where s.instrument_id = ${instrumentId} and s.group_key = ${chosen.groupKey} and s.metric <> '#' and s.n > 0
    ) h
    where exists (
      select 1 from unnest(${fractions}) f
      where floor(f * (h.total - 1)) between h.below and h.below + h.n - 1
         or ceil(f * (h.total - 1)) between h.below and h.below + h.n - 1
    )`)) as unknown as { rows: { metric: Metric; value: number; below: number; n: number; total: number }[] }
  const rankOf = new Map(ranks.rows.map((r) => [r.metric, r]))
  const overall = rankOf.get('overall')
  const n = Number(overall?.total ?? 0)
  if (n < K_ANONYMITY) return null
  const percentile = (metric: Metric) => {
    const r = rankOf.get(metric)
    return r ? (100 * (Number(r.below) + 0.5 * Number(r.equal))) / Number(r.total) : 0
  }
  const spreadOf = (metric: Metric): BenchmarkSpread => {
    const rows = boundaries.rows.filter((r) => r.metric === metric).map((r) => ({ value: Number(r.value), below: Number(r.below), n: Number(r.n), total: Number(r.total) }))
    const at = (position: number) => rows.find((r) => position >= r.below && position < r.below + r.n)?.value ?? 0
    const quantile = (f: number) => {
      const total = rows[0]?.total ?? 0
      if (total === 0) return 0
      const position = f * (total - 1)
      const lo = Math.floor(position)
      const hi = Math.ceil(position)
      return at(lo) + (position - lo) * (at(hi) - at(lo))
    }
    const [p10, q1, median, q3, p90] = SPREAD_FRACTIONS.map(quantile) as [number, number, number, number, number]
    return { p10, q1, median, q3, p90 }
  }
  return {
    level: chosen.level,
    group: chosen.key,
    size: n,
    overall: percentile('overall'),
    dimensions: Object.fromEntries(DMA_DIMENSION_IDS.map((d) => [d, percentile(d)])) as Record<DmaDimensionId, number>,
    distribution: {
      overall: spreadOf('overall'),
      ...(Object.fromEntries(DMA_DIMENSION_IDS.map((d) => [d, spreadOf(d)])) as Record<DmaDimensionId, BenchmarkSpread>),
    },
  }
}

