import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hashPassword } from '../../identity'
import { buildRootUnit, buildUnit, buildUser } from '../../../../tests/factories/identity.factory'
import { createTestDatabase, type TestDatabase } from '../../../../tests/support/test-database'
import { EXPERT_COMPETENCE_KEYS, rankExperts } from '../experts.reference'
import { listMatchCandidates } from './expert-candidates'
import { DEMO_EXPERTS, seedDemoExperts } from './experts.seed'
import { expertProfiles } from './experts.table'
import type { UnitRow } from '../../identity/server/identity.table'

let testDb: TestDatabase

beforeAll(async () => {
  testDb = await createTestDatabase({ contents: 'app' })
}, 60_000)
afterAll(async () => {
  await testDb.destroy()
})

describe('seedDemoExperts', () => {
  it('gives the demo network a pool of approved experts that matching can rank', async () => {
    const db = testDb.database.db
    const root = await buildRootUnit(db)
    const unitIds = new Map<string, UnitRow>([['hub', root]])
    for (const key of ['mi', 'bg', 'bs', 'co', 'cr', 'lc', 'mn', 'va', 'am']) unitIds.set(key, await buildUnit(db, { parent: root }))
    const userIds = new Map<string, string>()
    const grant = (key: string) => ({ unit: unitIds.get(key) ?? root, role: 'expert' as const })
    userIds.set('esperto.digitale@ponte.demo', (await buildUser(db, { email: 'esperto.digitale@ponte.demo', name: 'Giorgio Valsecchi', grants: [grant('bg')] })).id)
    userIds.set('esperta.cyber@ponte.demo', (await buildUser(db, { email: 'esperta.cyber@ponte.demo', name: 'Laura Crippa', grants: [grant('mi')] })).id)
    userIds.set('manager.sviluppopmi@ponte.demo', (await buildUser(db, { email: 'manager.sviluppopmi@ponte.demo', name: 'Franco Tagliabue', grants: [grant('hub')] })).id)

    const result = await seedDemoExperts(db, { unitIds, userIds, passwordHash: await hashPassword('ponte-demo'), now: new Date('2026-06-01T08:00:00Z') })
    expect(result.profiles).toBe(DEMO_EXPERTS.length)
    expect(result.userIds.get('esperto.digitale@ponte.demo')).toBe(userIds.get('esperto.digitale@ponte.demo'))

    const rows = await db.select().from(expertProfiles)
    expect(rows.filter((r) => r.status === 'approved')).toHaveLength(12)
    expect(rows.filter((r) => r.programme === 'Sviluppo PMI' && r.outOfWork).length).toBeGreaterThanOrEqual(2)
    for (const r of rows) for (const c of r.competences) expect(EXPERT_COMPETENCE_KEYS).toContain(c)

    const candidates = await listMatchCandidates(db, null, { at: new Date('2026-06-01T08:00:00Z') })
    expect(candidates).toHaveLength(12)
    expect(candidates.every((c) => c.location !== null)).toBe(true)

    // A Bergamo manufacturer with gaps in readiness and data: Giorgio has it as a client (conflict).
    const ranked = rankExperts(
      { companyId: 'x', name: 'Meccanica Bergamasca S.r.l.', vatNumber: null, taxCode: null, atecoSection: 'C', provinceCode: 'BG', location: { lat: 45.698, lon: 9.677 }, gaps: { D2: 25, D4: 15, D5: 10 } },
      candidates.map((c) => ({ ...c, committedDaysPerMonth: 0, ratings: [] })),
    )
    expect(ranked.at(-1)?.excluded?.code).toBe('conflict.tieName')
    expect(ranked.at(-1)?.userId).toBe(userIds.get('esperto.digitale@ponte.demo'))
    expect(ranked[0]?.score).toBeGreaterThan(ranked[10]?.score ?? 100)
  })
})
