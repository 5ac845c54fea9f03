/**
 * Where a company sits among its peers (issue 4 "Benchmark"): the population is the latest
 * validated assessment of each company with the same instrument (`is_latest`); the peer group is
 * ATECO section × size class × region, falling back to section × size, then section, then every
 * company, until a group holds at least K_ANONYMITY assessments. A smaller group is never shown,
 * at any level. Two statements whatever the level: a probe of every level that reads at most
 * K_ANONYMITY index entries each, then one pass over the chosen group, an index-only scan of the
 * partial index `assessments_benchmark_idx` (its keys hold the group and all seven scores).
 */
import { and, eq, sql, type SQL } from 'drizzle-orm'
import type { Db } from '../../../server/db/client'
import { DMA_DIMENSION_IDS, type DmaDimensionId } from '../assessments.contract'
import { assessments } from './assessments.table'

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

const COLUMNS = { D1: assessments.d1, D2: assessments.d2, D3: assessments.d3, D4: assessments.d4, D5: assessments.d5, D6: assessments.d6 } as const

function levels(group: PeerGroupKey): { level: BenchmarkLevel; key: PeerGroupKey }[] {
  const candidates: { level: BenchmarkLevel; key: PeerGroupKey }[] = []
  if (group.atecoSection && group.sizeClass && group.regionCode) candidates.push({ level: 'section_size_region', key: group })
  if (group.atecoSection && group.sizeClass) candidates.push({ level: 'section_size', key: { ...group, regionCode: null } })
  if (group.atecoSection) candidates.push({ level: 'section', key: { atecoSection: group.atecoSection, sizeClass: null, regionCode: null } })
  candidates.push({ level: 'all', key: { atecoSection: null, sizeClass: null, regionCode: null } })
  return candidates
}

/** Percentile ranks of `scores` in the smallest peer group of at least K_ANONYMITY; null when none. */
export async function benchmarkAssessment(db: Db, instrumentId: string, group: PeerGroupKey, scores: BenchmarkScores): Promise<BenchmarkResult | null> {
  const candidates = levels(group).map((candidate) => ({ ...candidate, where: peersOf(instrumentId, candidate.key) }))
  // Which levels hold at least K: each probe reads at most K index entries, so choosing the level
  // costs the same whatever the population (a count(*) per level would read each group whole).
  const [probe] = await db
    .select(
      Object.fromEntries(
        candidates.map((c, i) => [`l${i}`, sql<number>`(select count(*)::int from (${db.select({ one: sql`1` }).from(assessments).where(and(...c.where)).limit(K_ANONYMITY)}) as probe)`]),
      ),
    )
    .from(sql`(select 1) as one`)
  const qualifying = candidates.filter((_, i) => Number((probe as Record<string, unknown> | undefined)?.[`l${i}`] ?? 0) >= K_ANONYMITY)
  for (const chosen of qualifying) {
    const result = await rankInGroup(db, chosen, scores)
    // Rows may change between the two statements: a group under K is never shown, the next level is.
    if (result) return result
  }
  return null
}

async function rankInGroup(db: Db, chosen: { level: BenchmarkLevel; key: PeerGroupKey; where: SQL[] }, scores: BenchmarkScores): Promise<BenchmarkResult | null> {
  // One pass over the chosen group (an index-only scan of `assessments_benchmark_idx`, which holds
  // every score): its size, the ranks of the seven scores and the group's spread.
  const rank = (column: (typeof COLUMNS)[DmaDimensionId] | typeof assessments.overall, value: number) =>
    sql<number>`(count(*) filter (where ${column} < ${value}) + 0.5 * count(*) filter (where ${column} = ${value}))::float8`
  const fractions = sql.raw(`array[${SPREAD_FRACTIONS.join(',')}]::float8[]`)
  const spread = (column: (typeof COLUMNS)[DmaDimensionId] | typeof assessments.overall) =>
    sql<number[]>`percentile_cont(${fractions}) within group (order by ${column})`
  const [row] = await db
    .select({
      n: sql<number>`count(*)::int`,
      overall: rank(assessments.overall, scores.overall),
      ...Object.fromEntries(DMA_DIMENSION_IDS.map((d) => [d, rank(COLUMNS[d], scores.dimensions[d])])),
      spreadOverall: spread(assessments.overall),
      ...Object.fromEntries(DMA_DIMENSION_IDS.map((d) => [`spread${d}`, spread(COLUMNS[d])])),
    })
    .from(assessments)
    .where(and(...chosen.where))
  const record = (row ?? {}) as unknown as Record<string, unknown>
  const n = Number(record.n ?? 0)
  if (n < K_ANONYMITY) return null
  return {
    level: chosen.level,
    group: chosen.key,
    size: n,
    overall: (100 * Number(record.overall)) / n,
    dimensions: Object.fromEntries(DMA_DIMENSION_IDS.map((d) => [d, (100 * Number(record[d])) / n])) as Record<DmaDimensionId, number>,
    distribution: {
      overall: toSpread(record.spreadOverall),
      ...(Object.fromEntries(DMA_DIMENSION_IDS.map((d) => [d, toSpread(record[`spread${d}`])])) as Record<DmaDimensionId, BenchmarkSpread>),
    },
  }
}

function peersOf(instrumentId: string, key: PeerGroupKey): SQL[] {
  // `is_latest` as a bare predicate (not `= $1`): it matches the partial index's WHERE even in a generic plan.
  const where: SQL[] = [sql`${assessments.isLatest}`, eq(assessments.instrumentId, instrumentId)]
  if (key.atecoSection) where.push(eq(assessments.atecoSection, key.atecoSection))
  if (key.sizeClass) where.push(eq(assessments.sizeClass, key.sizeClass))
  if (key.regionCode) where.push(eq(assessments.regionCode, key.regionCode))
  return where
}

function toSpread(value: unknown): BenchmarkSpread {
  // node-postgres returns float8[] parsed; PGlite too; a string literal "{…}" is parsed defensively.
  const list = Array.isArray(value) ? value.map(Number) : String(value ?? '').replace(/[{}]/g, '').split(',').map(Number)
  const [p10 = 0, q1 = 0, median = 0, q3 = 0, p90 = 0] = list
  return { p10, q1, median, q3, p90 }
}
