import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildRootUnit, buildUnit, buildUser } from '../../../../tests/factories/identity.factory'
import { buildCompany, nextVatNumber } from '../../../../tests/factories/companies.factory'
import { createTestApp, signedInClient, type ApiClient, type TestApp } from '../../../../tests/support/test-app'
import type { UnitRow } from '../../identity/server/identity.table'
import type { CompanyDuplicateMatch, DuplicatePair } from '../company-duplicates.contract'
import type { CompanyRow } from './companies.table'
import { scoreOf } from './company-duplicates.service'

type Page = { items: DuplicatePair[]; nextCursor: string | null }

let t: TestApp
let bg: UnitRow
let bs: UnitRow
let staffBg: ApiClient
let staffBs: ApiClient
let hubStaff: ApiClient

const BERGAMO = { comuneIstat: '016024', provinceCode: 'BG', regionCode: '03' }
const BRESCIA = { comuneIstat: '017029', provinceCode: 'BS', regionCode: '03' }

beforeAll(async () => {
  t = await createTestApp()
  const db = t.deps.database.db
  const root = await buildRootUnit(db, { name: 'DIH Lombardia' })
  bg = await buildUnit(db, { parent: root, name: 'Antenna Bergamo', provinceCode: 'BG' })
  bs = await buildUnit(db, { parent: root, name: 'Antenna Brescia', provinceCode: 'BS' })
  staffBg = await signedInClient(t, (await buildUser(db, { grants: [{ unit: bg, role: 'unit_staff' }] })).email)
  staffBs = await signedInClient(t, (await buildUser(db, { grants: [{ unit: bs, role: 'unit_staff' }] })).email)
  hubStaff = await signedInClient(t, (await buildUser(db, { grants: [{ unit: root, role: 'unit_staff' }] })).email)
}, 120_000)
afterAll(async () => {
  await t.close()
})

const company = (overrides: Partial<CompanyRow> & { unit?: UnitRow }) => buildCompany(t.deps.database.db, { unit: bg, ...overrides })

/** Every pair of the queue, page after page. */
async function allPairs(client: ApiClient, limit = 50): Promise<DuplicatePair[]> {
  const out: DuplicatePair[] = []
  let cursor: string | null = null
  do {
    const res: { status: number; body: Page } = await client.get<Page>(`/api/companies/duplicates?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`)
    expect(res.status).toBe(200)
    out.push(...res.body.items)
    cursor = res.body.nextCursor
  } while (cursor)
  return out
}

const pairOf = (pairs: DuplicatePair[], x: CompanyRow, y: CompanyRow) =>
  pairs.find((p) => [p.companyA.id, p.companyB.id].sort().join() === [x.id, y.id].sort().join())

describe('duplicate detection', () => {
  it('pairs a ditta individuale registered once by partita IVA and once by codice fiscale', async () => {
    const vat = nextVatNumber()
    const byVat = await company({ name: 'Rossi Mario', vatNumber: vat })
    const byTaxCode = await company({ name: 'Officina di Mario Rossi', taxCode: vat })
    const pair = pairOf(await allPairs(staffBg), byVat, byTaxCode)
    expect(pair?.reasons).toEqual([{ rule: 'taxId', value: vat }])
    expect(pair?.score).toBe(0.9)
    expect(pair?.canResolve).toBe(true)
  })

  it('pairs two companies with the same codice fiscale', async () => {
    const a = await company({ name: 'Gamma Uno', taxCode: 'RSSMRA80A01A794L' })
    const b = await company({ name: 'Delta Due', taxCode: 'RSSMRA80A01A794L' })
    expect(pairOf(await allPairs(staffBg), a, b)?.reasons).toEqual([{ rule: 'taxId', value: 'RSSMRA80A01A794L' }])
  })

  it('pairs similar names in the same comune, ignoring the legal form, but not across comuni', async () => {
    const a = await company({ name: 'Meccanica Bergamasca S.r.l.', ...BERGAMO })
    const b = await company({ name: 'Mecanica Bergamasca Srl', ...BERGAMO })
    const elsewhere = await company({ name: 'Meccanica Bergamasca S.p.A.', ...BRESCIA })
    const pairs = await allPairs(staffBg)
    const pair = pairOf(pairs, a, b)
    expect(pair?.reasons.map((r) => r.rule)).toEqual(['name'])
    expect(Number(pair?.reasons[0]?.value)).toBeGreaterThanOrEqual(0.6)
    expect(pairOf(pairs, a, elsewhere)).toBeUndefined()
    expect(pairOf(pairs, b, elsewhere)).toBeUndefined()
  })

  it('does not pair different names in the same comune', async () => {
    const a = await company({ name: 'Tessitura Pesenti', ...BERGAMO })
    const b = await company({ name: 'Pastificio Ghezzi', ...BERGAMO })
    expect(pairOf(await allPairs(staffBg), a, b)).toBeUndefined()
  })

  it('pairs the same company domain across e-mail, PEC and website, but not common providers', async () => {
    const a = await company({ name: 'Alfa Utensili', email: 'info@alfa-utensili.it' })
    const b = await company({ name: 'Utensileria Beta', website: 'https://www.alfa-utensili.it/contatti', pec: 'beta@pec.it' })
    const c = await company({ name: 'Zeta Impianti', pec: 'amministrazione@pec.alfa-utensili.it' })
    const gmailA = await company({ name: 'Omega Uno', email: 'omega.uno@gmail.com', pec: 'omega@legalmail.it' })
    const gmailB = await company({ name: 'Sigma Due', email: 'sigma.due@gmail.com', pec: 'sigma@legalmail.it' })
    const pairs = await allPairs(staffBg)
    expect(pairOf(pairs, a, b)?.reasons).toEqual([{ rule: 'domain', value: 'alfa-utensili.it' }])
    expect(pairOf(pairs, a, c)?.reasons).toEqual([{ rule: 'domain', value: 'alfa-utensili.it' }])
    expect(pairOf(pairs, gmailA, gmailB)).toBeUndefined()
  })

  it('combines rules into one pair with a higher score, listed before weaker pairs', async () => {
    const vat = nextVatNumber()
    const a = await company({ name: 'Carpenteria Locatelli', vatNumber: vat, email: 'info@carplocatelli.it', ...BERGAMO })
    const b = await company({ name: 'Carpenteria Locatelli S.n.c.', taxCode: vat, website: 'carplocatelli.it', ...BERGAMO })
    const pairs = await allPairs(staffBg)
    const pair = pairOf(pairs, a, b)
    expect(pair?.reasons.map((r) => r.rule)).toEqual(['taxId', 'name', 'domain'])
    expect(pair?.score).toBe(scoreOf([{ rule: 'taxId', weight: 0.9 }, { rule: 'name', weight: 0.8 }, { rule: 'domain', weight: 0.4 }]))
    expect(pairs[0]?.score).toBe(pair?.score)
    const scores = pairs.map((p) => p.score)
    expect(scores).toEqual([...scores].sort((x, y) => y - x))
  })

  it('leaves archived and merged companies out', async () => {
    const vat = nextVatNumber()
    const a = await company({ name: 'Archiviata Srl', vatNumber: vat })
    const b = await company({ name: 'Viva Srl', taxCode: vat, archivedAt: new Date() })
    expect(pairOf(await allPairs(staffBg), a, b)).toBeUndefined()
  })

  it('pages through the queue without repeating a pair', async () => {
    const all = await allPairs(staffBg)
    const paged = await allPairs(staffBg, 2)
    expect(paged.map((p) => `${p.companyA.id}${p.companyB.id}`)).toEqual(all.map((p) => `${p.companyA.id}${p.companyB.id}`))
    expect(all.length).toBeGreaterThan(4)
  })

  it('rejects a malformed cursor as a validation error', async () => {
    expect((await staffBg.get('/api/companies/duplicates?cursor=nonsense')).status).toBe(400)
  })

  it('keeps each antenna’s pairs to itself; the hub sees pairs across antennas', async () => {
    const vat = nextVatNumber()
    const inBg = await company({ name: 'Ponte Bergamo', vatNumber: vat })
    const inBs = await company({ name: 'Ponte Brescia', taxCode: vat, unit: bs })
    const bgOnly = await company({ name: 'Solo Bg', taxCode: inBg.vatNumber })
    expect(pairOf(await allPairs(staffBg), inBg, inBs)).toBeUndefined()
    const bsPairs = await allPairs(staffBs)
    expect(pairOf(bsPairs, inBg, inBs)).toBeUndefined()
    expect(bsPairs.some((p) => p.companyA.unitId === bg.id || p.companyB.unitId === bg.id)).toBe(false)
    const hubPairs = await allPairs(hubStaff)
    expect(pairOf(hubPairs, inBg, inBs)?.reasons).toEqual([{ rule: 'taxId', value: vat }])
    expect(pairOf(hubPairs, inBg, bgOnly)).toBeDefined()
  })

  it('lists the possible duplicates of one company for its page', async () => {
    const a = await company({ name: 'Minuterie Gritti S.r.l.', email: 'info@minuteriegritti.it', ...BERGAMO })
    const b = await company({ name: 'Minuterie Griti', website: 'www.minuteriegritti.it', ...BERGAMO })
    const res = await staffBg.get<{ items: CompanyDuplicateMatch[] }>(`/api/companies/${a.id}/duplicates`)
    expect(res.status).toBe(200)
    expect(res.body.items.map((m) => m.company.id)).toEqual([b.id])
    expect(res.body.items[0]?.reasons.map((r) => r.rule)).toEqual(['name', 'domain'])
    const fromQueue = pairOf(await allPairs(staffBg), a, b)
    expect(res.body.items[0]?.score).toBe(fromQueue?.score)
    expect((await staffBs.get(`/api/companies/${a.id}/duplicates`)).status).toBe(404)
  })

  it('stops proposing a pair dismissed as "not duplicates", in either order', async () => {
    const vat = nextVatNumber()
    const a = await company({ name: 'Falso Allarme Uno', vatNumber: vat })
    const b = await company({ name: 'Falso Allarme Due', taxCode: vat })
    expect(pairOf(await allPairs(staffBg), a, b)).toBeDefined()
    const res = await staffBg.post<{ companyAId: string; companyBId: string }>('/api/companies/duplicates/dismiss', { companyAId: b.id, companyBId: a.id })
    expect(res.status).toBe(200)
    expect([res.body.companyAId, res.body.companyBId]).toEqual([a.id, b.id].sort())
    expect(pairOf(await allPairs(staffBg), a, b)).toBeUndefined()
    expect((await staffBg.get<{ items: CompanyDuplicateMatch[] }>(`/api/companies/${a.id}/duplicates`)).body.items).toEqual([])
    // Dismissing again changes nothing.
    expect((await staffBg.post('/api/companies/duplicates/dismiss', { companyAId: a.id, companyBId: b.id })).status).toBe(200)
  })

  it('refuses to dismiss a pair outside the caller’s antenna or of one company with itself', async () => {
    const a = await company({ name: 'Fuori Portata' })
    const b = await company({ name: 'Fuori Portata Due' })
    expect((await staffBs.post('/api/companies/duplicates/dismiss', { companyAId: a.id, companyBId: b.id })).status).toBe(404)
    expect((await staffBg.post('/api/companies/duplicates/dismiss', { companyAId: a.id, companyBId: a.id })).status).toBe(400)
  })

  it('keeps users without staff roles out of the queue', async () => {
    const viewer = await signedInClient(t, (await buildUser(t.deps.database.db, { grants: [{ unit: bg, role: 'viewer' }] })).email)
    expect((await viewer.get('/api/companies/duplicates')).status).toBe(403)
  })
})
