import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, type TestDatabase } from '../../../../tests/support/test-database'
import { benchmarkAssessment, groupKeyOf } from './assessment-benchmark'
import { eq } from 'drizzle-orm'
import { assessments, assessmentScoreCounts } from './assessments.table'

let tdb: TestDatabase
beforeAll(async () => {
  tdb = await createTestDatabase()
})
afterAll(async () => {
  await tdb.destroy()
})

function peer(overall: number, group: { atecoSection: string; sizeClass: string; regionCode: string }, latest = true, instrumentId = 'eu-dma-sme') {
  const id = randomUUID()
  return {
    id, seriesId: id, companyId: randomUUID(), unitId: randomUUID(), stage: 'T0', mode: 'assisted', instrumentId, instrumentVersion: '2024', rulesVersion: '2024-r1',
    status: 'validated', overall, d1: overall, d2: 100 - overall, d3: 50, d4: 50, d5: 50, d6: 50, band: 'average', isLatest: latest, ...group,
  }
}

const SMALL_C_LOMBARDY = { atecoSection: 'C', sizeClass: 'small', regionCode: '03' }
const SMALL_C_VENETO = { atecoSection: 'C', sizeClass: 'small', regionCode: '05' }

describe('benchmarkAssessment', () => {
  it('never shows a group under 10: falls back from section × size × region to section × size', async () => {
    const db = tdb.database.db
    // 9 in Lombardy (10, 20, …, 90), 3 in Veneto (15, 25, 35); noise that must not count: an older
    // assessment (not latest) and another instrument.
    await db.insert(assessments).values([
      ...[10, 20, 30, 40, 50, 60, 70, 80, 90].map((s) => peer(s, SMALL_C_LOMBARDY)),
      ...[15, 25, 35].map((s) => peer(s, SMALL_C_VENETO)),
      peer(5, SMALL_C_LOMBARDY, false),
      peer(5, SMALL_C_LOMBARDY, true, 'eu-dma-pso'),
    ])
    const result = await benchmarkAssessment(db, 'eu-dma-sme', SMALL_C_LOMBARDY, { overall: 40, dimensions: { D1: 40, D2: 60, D3: 50, D4: 50, D5: 50, D6: 50 } })
    expect(result).not.toBeNull()
    expect(result?.level).toBe('section_size')
    expect(result?.size).toBe(12)
    // Below 40: 10, 20, 30, 15, 25, 35 = 6; equal: one 40 → (6 + 0.5) / 12.
    expect(result?.overall).toBeCloseTo((100 * 6.5) / 12, 10)
    // D2 holds 100 − overall: 90, 80, …, 10 and 85, 75, 65. Below 60: 50, 40, 30, 20, 10 = 5; equal: 60 → 5.5 / 12.
    expect(result?.dimensions.D2).toBeCloseTo((100 * 5.5) / 12, 10)
    // All 12 hold D3 = 50: every tie counts half.
    expect(result?.dimensions.D3).toBeCloseTo(50, 10)
    // The spread of the 12 overall scores 10, 15, 20, 25, 30, 35, 40, 50, 60, 70, 80, 90
    // (continuous percentiles: position f × 11 between sorted values).
    const overall = result?.distribution.overall
    expect(overall?.median).toBeCloseTo((35 + 40) / 2, 10)
    expect(overall?.q1).toBeCloseTo(20 + 0.75 * 5, 10) // position 2.75: between 20 and 25
    expect(overall?.q3).toBeCloseTo(60 + 0.25 * 10, 10) // position 8.25: between 60 and 70
    expect(overall?.p10).toBeCloseTo(15 + 0.1 * 5, 10) // position 1.1: between 15 and 20
    expect(overall?.p90).toBeCloseTo(70 + 0.9 * 10, 10) // position 9.9: between 70 and 80
    expect(result?.distribution.D3).toEqual({ p10: 50, q1: 50, median: 50, q3: 50, p90: 50 })
  })

  it('shows the exact group once it reaches 10', async () => {
    await tdb.database.db.insert(assessments).values(peer(95, SMALL_C_LOMBARDY))
    const result = await benchmarkAssessment(tdb.database.db, 'eu-dma-sme', SMALL_C_LOMBARDY, { overall: 95, dimensions: { D1: 95, D2: 5, D3: 50, D4: 50, D5: 50, D6: 50 } })
    expect(result?.level).toBe('section_size_region')
    expect(result?.size).toBe(10)
    expect(result?.overall).toBeCloseTo(95, 10)
  })

  it('shows nothing when even the whole population is under 10', async () => {
    expect(await benchmarkAssessment(tdb.database.db, 'eu-dma-pso', { atecoSection: 'O', sizeClass: 'large', regionCode: '03' }, { overall: 50, dimensions: { D1: 0, D2: 0, D3: 0, D4: 0, D5: 0, D6: 0 } })).toBeNull()
  })
})

describe('the histograms behind the benchmark (assessment_score_counts)', () => {
  /** What the triggers should hold: recounted from the assessments themselves. */
  async function expected(db: TestDatabase['database']['db']) {
    const rows = await db.select().from(assessments)
    const counts = new Map<string, number>()
    for (const r of rows) {
      if (!r.isLatest || r.overall === null) continue
      const keys = [
        groupKeyOf({ atecoSection: r.atecoSection, sizeClass: r.sizeClass, regionCode: r.regionCode }),
        groupKeyOf({ atecoSection: r.atecoSection, sizeClass: r.sizeClass, regionCode: null }),
        groupKeyOf({ atecoSection: r.atecoSection, sizeClass: null, regionCode: null }),
        '*|*|*',
      ]
      const metrics: [string, number | null][] = [['#', 0], ['overall', r.overall], ['D1', r.d1], ['D2', r.d2], ['D3', r.d3], ['D4', r.d4], ['D5', r.d5], ['D6', r.d6]]
      for (const key of keys)
        for (const [metric, value] of metrics) {
          if (value === null) continue
          const id = `${r.instrumentId} ${key} ${metric} ${value}`
          counts.set(id, (counts.get(id) ?? 0) + 1)
        }
    }
    return counts
  }
  async function stored(db: TestDatabase['database']['db']) {
    const rows = await db.select().from(assessmentScoreCounts)
    // No counter is left at zero: a value leaving a group takes its row with it.
    return new Map(rows.map((r) => [`${r.instrumentId} ${r.groupKey} ${r.metric} ${r.value}`, r.n]))
  }

  it('stay exact through inserts, score changes, a latest moving to another row, and deletes, single and in bulk', async () => {
    const db = tdb.database.db
    const a = peer(33, SMALL_C_LOMBARDY)
    const b = peer(66, SMALL_C_VENETO, false)
    await db.insert(assessments).values([a, b])
    expect(await stored(db)).toEqual(await expected(db))
    // A rescore changes scores; then the latest moves from a to b (as refreshLatest does).
    await db.update(assessments).set({ overall: 35, d1: 35 }).where(eq(assessments.id, a.id))
    await db.update(assessments).set({ isLatest: false }).where(eq(assessments.id, a.id))
    await db.update(assessments).set({ isLatest: true }).where(eq(assessments.id, b.id))
    expect(await stored(db)).toEqual(await expected(db))
    // A bulk statement touching many rows, then deletes.
    await db.update(assessments).set({ d6: 12.5 })
    await db.delete(assessments).where(eq(assessments.id, b.id))
    expect(await stored(db)).toEqual(await expected(db))
    expect((await stored(db)).get(`eu-dma-sme C|small|03 # 0`)).toBe(10)
  })
})

