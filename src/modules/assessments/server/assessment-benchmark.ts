/**
 * Where a company sits among its peers (issue 4 "Benchmark"): the population is the latest
 * validated assessment of each company with the same instrument (`is_latest`); the peer group is
 * ATECO section × size class × region, falling back to section × size, then section, then every
 * company, until a group holds at least K_ANONYMITY assessments. A smaller group is never shown,
 * at any level. One statement per level, served by the partial index `assessments_benchmark_idx`.
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
}

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
  for (const { level, key } of levels(group)) {
    const where: SQL[] = [eq(assessments.isLatest, true), eq(assessments.instrumentId, instrumentId)]
    if (key.atecoSection) where.push(eq(assessments.atecoSection, key.atecoSection))
    if (key.sizeClass) where.push(eq(assessments.sizeClass, key.sizeClass))
    if (key.regionCode) where.push(eq(assessments.regionCode, key.regionCode))
    const rank = (column: (typeof COLUMNS)[DmaDimensionId] | typeof assessments.overall, value: number) =>
      sql<number>`(count(*) filter (where ${column} < ${value}) + 0.5 * count(*) filter (where ${column} = ${value}))::float8`
    const [row] = await db
      .select({
        n: sql<number>`count(*)::int`,
        overall: rank(assessments.overall, scores.overall),
        ...Object.fromEntries(DMA_DIMENSION_IDS.map((d) => [d, rank(COLUMNS[d], scores.dimensions[d])])),
      })
      .from(assessments)
      .where(and(...where))
    const n = Number(row?.n ?? 0)
    if (!row || n < K_ANONYMITY) continue
    const record = row as unknown as Record<string, number>
    return {
      level,
      group: key,
      size: n,
      overall: (100 * Number(record.overall)) / n,
      dimensions: Object.fromEntries(DMA_DIMENSION_IDS.map((d) => [d, (100 * Number(record[d])) / n])) as Record<DmaDimensionId, number>,
    }
  }
  return null
}
