/**
 * The hub dashboard on a hand-built network whose expected figures are worked out below by hand:
 * counts of current versions, quartiles and histograms, T0 → T1 deltas (latest validated per stage,
 * same instrument), the period and unit filters, and scoping by antenna.
 */
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildRootUnit, buildUnit, buildUser } from '../../../../tests/factories/identity.factory'
import { buildCompany } from '../../../../tests/factories/companies.factory'
import { ApiClient, createTestApp, signedInClient, type TestApp } from '../../../../tests/support/test-app'
import type { CompanyRow } from '../../companies/server/companies.table'
import type { UnitRow } from '../../identity/server/identity.table'
import type { AssessmentDashboard } from '../assessments.contract'
import { assessments } from './assessments.table'

let t: TestApp
let bg: UnitRow
let dalmine: UnitRow
let bs: UnitRow
let staffBg: ApiClient
let staffBs: ApiClient
let admin: ApiClient
let viewerBg: ApiClient
let memberBg: ApiClient
const co: Record<'A' | 'B' | 'C' | 'D' | 'E' | 'F', CompanyRow> = {} as never
const ids: Record<string, string> = {}

const six = (v: number) => [v, v, v, v, v, v]

/** One stored assessment with the given scores (the scoring engine has its own tests). */
async function put(key: string, company: CompanyRow, unit: UnitRow, f: {
  stage: 'T0' | 'T1'
  mode?: 'self' | 'assisted' | 'imported'
  status?: 'draft' | 'submitted' | 'validated' | 'superseded'
  instrument?: 'eu-dma-sme' | 'eu-dma-pso'
  overall: number
  dims: number[]
  day: string | null
  validatedAt?: string
  createdAt?: string
  seriesId?: string
  version?: number
}) {
  const id = randomUUID()
  const status = f.status ?? 'validated'
  const [d1, d2, d3, d4, d5, d6] = f.dims
  await t.deps.database.db.insert(assessments).values({
    id,
    seriesId: f.seriesId ?? id,
    version: f.version ?? 1,
    companyId: company.id,
    unitId: unit.id,
    stage: f.stage,
    mode: f.mode ?? 'assisted',
    instrumentId: f.instrument ?? 'eu-dma-sme',
    instrumentVersion: '2024',
    rulesVersion: '2024-r1',
    status,
    overall: f.overall,
    band: 'average',
    d1, d2, d3, d4, d5, d6,
    assessedOn: f.day,
    validatedAt: status === 'validated' || status === 'superseded' ? new Date(f.validatedAt ?? `${f.day ?? '2026-01-01'}T12:00:00Z`) : null,
    createdAt: new Date(f.createdAt ?? `${f.day ?? '2026-01-01'}T09:00:00Z`),
  })
  ids[key] = id
  return id
}

beforeAll(async () => {
  t = await createTestApp()
  const db = t.deps.database.db
  const root = await buildRootUnit(db, { name: 'DIH Lombardia' })
  bg = await buildUnit(db, { parent: root, name: 'Antenna Bergamo' })
  dalmine = await buildUnit(db, { parent: bg, type: 'service_point', name: 'Sportello Dalmine' })
  bs = await buildUnit(db, { parent: root, name: 'Antenna Brescia' })
  staffBg = await signedInClient(t, (await buildUser(db, { grants: [{ unit: bg, role: 'unit_staff' }] })).email)
  staffBs = await signedInClient(t, (await buildUser(db, { grants: [{ unit: bs, role: 'unit_staff' }] })).email)
  admin = await signedInClient(t, (await buildUser(db, { grants: [{ unit: root, role: 'network_admin' }] })).email)
  viewerBg = await signedInClient(t, (await buildUser(db, { grants: [{ unit: bg, role: 'viewer' }] })).email)
  memberBg = await signedInClient(t, (await buildUser(db, { grants: [{ unit: bg, role: 'company_member' }] })).email)
  co.A = await buildCompany(db, { unit: bg, name: 'Alfa S.r.l.' })
  co.B = await buildCompany(db, { unit: dalmine, name: 'Beta S.p.A.' })
  co.C = await buildCompany(db, { unit: bg, name: 'Gamma S.n.c.' })
  co.D = await buildCompany(db, { unit: bs, name: 'Delta S.r.l.' })
  co.E = await buildCompany(db, { unit: bg, name: 'Comune di Epsilon' })
  co.F = await buildCompany(db, { unit: bg, name: 'Zeta S.r.l.' })

  // A: a T0 corrected once (v1 superseded, v2 current) and a T1.
  const seriesA = await put('A-T0-v1', co.A, bg, { stage: 'T0', status: 'superseded', overall: 10, dims: six(10), day: '2026-01-10', validatedAt: '2026-01-10T10:00:00Z' })
  await put('A-T0', co.A, bg, { stage: 'T0', overall: 40, dims: [30, 40, 50, 20, 60, 40], day: '2026-01-10', validatedAt: '2026-01-11T10:00:00Z', seriesId: seriesA, version: 2 })
  await put('A-T1', co.A, bg, { stage: 'T1', overall: 55, dims: [40, 50, 60, 30, 70, 80], day: '2026-06-15' })
  // B (a sportello below Bergamo): two validated T1s; the later-validated one counts for the delta.
  await put('B-T0', co.B, dalmine, { stage: 'T0', mode: 'self', overall: 60, dims: six(60), day: '2026-02-03' })
  await put('B-T1-old', co.B, dalmine, { stage: 'T1', mode: 'imported', overall: 90, dims: six(90), day: '2026-05-20' })
  await put('B-T1', co.B, dalmine, { stage: 'T1', mode: 'self', overall: 50, dims: six(50), day: '2026-07-01' })
  // C: a validated T0 and a T1 still in draft (no date: it counts on its creation day).
  await put('C-T0', co.C, bg, { stage: 'T0', overall: 20, dims: six(20), day: '2026-02-20' })
  await put('C-T1', co.C, bg, { stage: 'T1', mode: 'self', status: 'draft', overall: 5, dims: six(5), day: null, createdAt: '2026-03-01T10:00:00Z' })
  // D (Brescia): only the network admin and Brescia see it.
  await put('D-T0', co.D, bs, { stage: 'T0', overall: 80, dims: six(80), day: '2026-01-05' })
  await put('D-T1', co.D, bs, { stage: 'T1', overall: 100, dims: six(100), day: '2026-05-05' })
  // E: T0 and T1 on different questionnaires: no pair.
  await put('E-T0', co.E, bg, { stage: 'T0', instrument: 'eu-dma-pso', overall: 30, dims: six(30), day: '2026-01-20' })
  await put('E-T1', co.E, bg, { stage: 'T1', overall: 70, dims: six(70), day: '2026-04-02' })
  // F: submitted, not yet validated.
  await put('F-T0', co.F, bg, { stage: 'T0', mode: 'self', status: 'submitted', overall: 45, dims: six(45), day: '2026-04-10' })
}, 120_000)

afterAll(async () => {
  await t.close()
})

const dashboard = async (client: ApiClient, query = '') => {
  const res = await client.get<AssessmentDashboard>(`/api/assessments/dashboard${query}`)
  expect(res.status, JSON.stringify(res.body)).toBe(200)
  return res.body
}

describe('GET /assessments/dashboard', { timeout: 60_000 }, () => {
  it('counts current versions by stage, mode, status, unit and month (superseded excluded)', async () => {
    const { counts } = await dashboard(staffBg)
    // Bergamo and its sportello: A-T0, A-T1, B-T0, B-T1-old, B-T1, C-T0, C-T1, E-T0, E-T1, F-T0 (not A-T0-v1, not D).
    expect(counts.total).toBe(10)
    expect(counts.validated).toBe(8)
    expect(counts.byStage).toEqual([
      { stage: 'T0', count: 5, validated: 4 },
      { stage: 'T1', count: 5, validated: 4 },
      { stage: 'T2', count: 0, validated: 0 },
    ])
    expect(counts.byMode).toEqual([
      { mode: 'self', count: 4, validated: 2 },
      { mode: 'assisted', count: 5, validated: 5 },
      { mode: 'imported', count: 1, validated: 1 },
    ])
    expect(counts.byStatus).toEqual([
      { status: 'draft', count: 1 },
      { status: 'submitted', count: 1 },
      { status: 'validated', count: 8 },
    ])
    expect(counts.byUnit).toEqual([
      { unitId: bg.id, unitName: 'Antenna Bergamo', count: 7, validated: 5 },
      { unitId: dalmine.id, unitName: 'Sportello Dalmine', count: 3, validated: 3 },
    ])
    expect(counts.byMonth).toEqual([
      { month: '2026-01', count: 2, validated: 2 },
      { month: '2026-02', count: 2, validated: 2 },
      { month: '2026-03', count: 1, validated: 0 },
      { month: '2026-04', count: 2, validated: 1 },
      { month: '2026-05', count: 1, validated: 1 },
      { month: '2026-06', count: 1, validated: 1 },
      { month: '2026-07', count: 1, validated: 1 },
    ])
  })

  it('describes each score over the validated assessments: quartiles, mean, histogram', async () => {
    const { distribution } = await dashboard(staffBg)
    // Overall of the 8 validated: 20 30 40 50 55 60 70 90. percentile_cont interpolates at
    // p·(n−1): q1 at 1.75 → 30 + 0.75·10 = 37.5; median at 3.5 → 50 + 0.5·5 = 52.5; q3 at 5.25 → 60 + 0.25·10 = 62.5.
    const overall = distribution.find((d) => d.id === 'overall')
    expect(overall).toEqual({
      id: 'overall', n: 8, mean: 415 / 8, min: 20, q1: 37.5, median: 52.5, q3: 62.5, max: 90,
      //         0-10 10-20 20-30 30-40 40-50 50-60 60-70 70-80 80-90 90-100
      histogram: [0, 0, 1, 1, 1, 2, 1, 1, 0, 1],
    })
    // D1: 30 40 60 50 90 20 30 70 → sorted 20 30 30 40 50 60 70 90; median at 3.5 → 45; q1 at 1.75 → 30.
    const d1 = distribution.find((d) => d.id === 'D1')
    expect(d1).toMatchObject({ n: 8, mean: 390 / 8, min: 20, q1: 30, median: 45, max: 90 })
    expect(distribution.map((d) => d.id)).toEqual(['overall', 'D1', 'D2', 'D3', 'D4', 'D5', 'D6'])
  })

  it('pairs the latest validated T0 and T1 of each company and instrument, with the average and share improved', async () => {
    const { deltas } = await dashboard(staffBg)
    // A: 40 → 55 (+15; D6 40 → 80 = +40, the others +10). B: 60 → 50 (the T1 validated last), −10 each.
    // C has no validated T1; E's T0 and T1 are of different questionnaires.
    expect(deltas.companies).toBe(2)
    expect(deltas.improved).toBe(1)
    expect(deltas.improvedShare).toBe(0.5)
    expect(deltas.average).toEqual({ overall: 2.5, D1: 0, D2: 0, D3: 0, D4: 0, D5: 0, D6: 15 })
    expect(deltas.items.map((i) => [i.companyName, i.delta.overall])).toEqual([['Alfa S.r.l.', 15], ['Beta S.p.A.', -10]])
    expect(deltas.items[0]).toMatchObject({ companyId: co.A.id, instrument: 'eu-dma-sme', t0Id: ids['A-T0'], t1Id: ids['A-T1'], t0Overall: 40, t1Overall: 55, delta: { D1: 10, D6: 40 } })
    expect(deltas.items[1]).toMatchObject({ t1Id: ids['B-T1'], t1Overall: 50 })

    const second = await dashboard(staffBg, '?deltaLimit=1&deltaOffset=1')
    expect(second.deltas).toMatchObject({ companies: 2, limit: 1, offset: 1 })
    expect(second.deltas.items.map((i) => i.companyId)).toEqual([co.B.id])
    // Past the last page: no rows, the totals still there.
    const beyond = await dashboard(staffBg, '?deltaOffset=5')
    expect(beyond.deltas).toMatchObject({ companies: 2, improved: 1, items: [] })
    expect(beyond.deltas.average?.overall).toBe(2.5)
  })

  it('filters by period (the deltas by the T1 day), instrument and unit subtree', async () => {
    const period = await dashboard(staffBg, '?from=2026-02-01&to=2026-06-30')
    // B-T0, C-T0, C-T1 (created 1 March), E-T1, F-T0, B-T1-old, A-T1.
    expect(period.counts.total).toBe(7)
    expect(period.counts.byMonth.map((m) => m.month)).toEqual(['2026-02', '2026-03', '2026-04', '2026-05', '2026-06'])
    // B's T1 (1 July) is outside the period; A's (15 June) is inside, though its T0 is not.
    expect(period.deltas.items.map((i) => i.companyId)).toEqual([co.A.id])

    const pso = await dashboard(staffBg, '?instrumentId=eu-dma-pso')
    expect(pso.counts.total).toBe(1)
    expect(pso.deltas.companies).toBe(0)
    expect(pso.deltas.average).toBeNull()
    expect(pso.deltas.improvedShare).toBeNull()

    const sportello = await dashboard(staffBg, `?unitId=${dalmine.id}`)
    expect(sportello.counts.total).toBe(3)
    expect(sportello.counts.byUnit.map((u) => u.unitId)).toEqual([dalmine.id])
    expect(sportello.deltas.items.map((i) => i.companyId)).toEqual([co.B.id])
  })

  it('keeps each antenna to its own units; the network admin sees the whole network', async () => {
    const brescia = await dashboard(staffBs)
    expect(brescia.counts.total).toBe(2)
    expect(brescia.deltas.items.map((i) => [i.companyName, i.delta.overall])).toEqual([['Delta S.r.l.', 20]])
    expect(JSON.stringify(brescia)).not.toContain(co.A.id)

    const network = await dashboard(admin)
    expect(network.counts.total).toBe(12)
    expect(network.deltas.items.map((i) => i.companyName)).toEqual(['Delta S.r.l.', 'Alfa S.r.l.', 'Beta S.p.A.'])
    expect(network.deltas.average?.overall).toBeCloseTo(25 / 3, 10)

    // Another antenna's unit looks missing; roles without staff rights have no dashboard.
    expect((await staffBg.get(`/api/assessments/dashboard?unitId=${bs.id}`)).status).toBe(404)
    expect((await viewerBg.get('/api/assessments/dashboard')).status).toBe(403)
    expect((await memberBg.get('/api/assessments/dashboard')).status).toBe(403)
  })

  it('narrows the list of assessments to a unit and the units below it, as the dashboard does', async () => {
    const sportello = await staffBg.get<{ items: { companyId: string }[] }>(`/api/assessments?unitId=${dalmine.id}&limit=100`)
    expect(sportello.body.items.map((i) => i.companyId)).toEqual([co.B.id, co.B.id, co.B.id])
    const antenna = await staffBg.get<{ items: { companyId: string }[] }>(`/api/assessments?unitId=${bg.id}&limit=100`)
    // Superseded versions are listed too (the list shows every version); Brescia's are not.
    expect(antenna.body.items).toHaveLength(11)
    expect((await staffBg.get<{ items: unknown[] }>(`/api/assessments?unitId=${bs.id}`)).body.items).toEqual([])
  })

  it('rejects malformed filters as a validation error', async () => {
    expect((await staffBg.get('/api/assessments/dashboard?from=ieri')).status).toBe(400)
    expect((await staffBg.get('/api/assessments/dashboard?instrumentId=altro')).status).toBe(400)
  })
})
