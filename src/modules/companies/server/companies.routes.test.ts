import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildRootUnit, buildUnit, buildUser } from '../../../../tests/factories/identity.factory'
import { nextVatNumber } from '../../../../tests/factories/companies.factory'
import { createTestApp, signedInClient, type ApiClient, type TestApp } from '../../../../tests/support/test-app'
import type { UnitRow } from '../../identity/server/identity.table'
import type { Company } from '../companies.contract'

type ErrorBody = { error: { code: string; message: string; fields: { path: string; message: string }[] } }
type Page = { items: Company[]; nextCursor: string | null; total: number }

let t: TestApp
let bg: UnitRow
let bs: UnitRow
let staffBg: ApiClient
let staffBs: ApiClient
let hubStaff: ApiClient

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

const create = (client: ApiClient, body: Record<string, unknown>) =>
  client.post<Company>('/api/companies', { unitId: bg.id, vatNumber: nextVatNumber(), name: 'Azienda', ...body })

describe('companies', () => {
  it('creates a company with its place, size and ATECO section derived', async () => {
    const res = await create(staffBg, {
      name: 'Mecanica Bergamasca S.r.l.',
      vatNumber: 'IT 00743110157',
      legalForm: 'srl',
      atecoCode: '25.62.00',
      employees: 12,
      turnover: 1_800_000.5,
      comuneIstat: '016024',
      tags: ['newsletter', 'newsletter'],
    })
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({
      vatNumber: '00743110157',
      atecoSection: 'C',
      size: 'small',
      sizeDerived: 'small',
      turnover: 1_800_000.5,
      comune: { name: 'Bergamo', provinceCode: 'BG', regionCode: '03' },
      tags: ['newsletter'],
      stage: 'contacted',
      unitName: 'Antenna Bergamo',
    })
    expect(res.body.latitude).toBeCloseTo(45.69, 1)
  })

  it('explains a wrong partita IVA check digit in Italian, on the field', async () => {
    const res = await create(staffBg, { vatNumber: '00743110158' })
    expect(res.status).toBe(400)
    const field = (res.body as unknown as ErrorBody).error.fields.find((f) => f.path === 'vatNumber')
    expect(field?.message).toMatch(/cifra di controllo/)
  })

  it('refuses a second company with the same partita IVA anywhere in the network', async () => {
    const vatNumber = nextVatNumber()
    expect((await create(staffBg, { vatNumber })).status).toBe(201)
    const res = await create(staffBs, { unitId: bs.id, vatNumber })
    expect(res.status).toBe(409)
    expect((res.body as unknown as ErrorBody).error.fields[0]).toMatchObject({ path: 'vatNumber' })
  })

  it('refuses an unknown comune code on the field', async () => {
    const res = await create(staffBg, { comuneIstat: '999999' })
    expect(res.status).toBe(400)
    expect((res.body as unknown as ErrorBody).error.fields[0]?.path).toBe('comuneIstat')
  })

  it('keeps each antenna’s companies to itself and shows all of them to the hub', async () => {
    const mine = (await create(staffBg, { name: 'Solo Bergamo SpA' })).body
    expect((await staffBs.get(`/api/companies/${mine.id}`)).status).toBe(404)
    expect((await staffBs.patch(`/api/companies/${mine.id}`, { name: 'x' })).status).toBe(404)
    expect((await create(staffBs, { unitId: bg.id })).status).toBe(404)
    const seenByBs = await staffBs.get<Page>('/api/companies?q=solo bergamo')
    expect(seenByBs.body.items).toHaveLength(0)
    const seenByHub = await hubStaff.get<Page>('/api/companies?q=solo bergamo')
    expect(seenByHub.body.items.map((c) => c.id)).toContain(mine.id)
  })

  it('finds "meccanica bergamo" in "Mecanica Bergamasca" (fuzzy) and in companies located in Bergamo', async () => {
    await create(staffBg, { name: 'Tessitura Rota', comuneIstat: '016024' })
    const res = await staffBg.get<Page>('/api/companies?q=meccanica bergamo')
    expect(res.body.items[0]?.name).toBe('Mecanica Bergamasca S.r.l.')
    const accents = await staffBg.get<Page>('/api/companies?q=MECANICA')
    expect(accents.body.items.map((c) => c.name)).toContain('Mecanica Bergamasca S.r.l.')
    const byVat = await staffBg.get<Page>('/api/companies?q=0074311')
    expect(byVat.body.items.map((c) => c.vatNumber)).toEqual(['00743110157'])
  })

  it('filters by province, ATECO section, size and cooperative flag', async () => {
    await create(staffBg, { name: 'Coop Sociale Alfa', legalForm: 'cooperativa_sociale', atecoCode: '88.10.00', employees: 60, comuneIstat: '016024' })
    const coops = await staffBg.get<Page>('/api/companies?cooperative=true')
    expect(coops.body.items.map((c) => c.name)).toEqual(['Coop Sociale Alfa'])
    expect(coops.body.items[0]?.isCooperative).toBe(true)
    const q = await staffBg.get<Page>('/api/companies?atecoSection=Q&size=medium&province=BG')
    expect(q.body.items.map((c) => c.name)).toEqual(['Coop Sociale Alfa'])
    const none = await staffBg.get<Page>('/api/companies?atecoSection=Q&size=micro')
    expect(none.body.total).toBe(0)
  })

  it('pages by name with a keyset cursor and reports the total', async () => {
    for (let i = 0; i < 7; i++) await create(staffBg, { name: `Pagina ${i}` })
    const seen: string[] = []
    let cursor: string | null = null
    let total: number
    do {
      const res: { body: Page } = await staffBg.get<Page>(`/api/companies?limit=3${cursor ? `&cursor=${cursor}` : ''}`)
      seen.push(...res.body.items.map((c) => c.id))
      total = res.body.total
      cursor = res.body.nextCursor
    } while (cursor)
    expect(seen).toHaveLength(total)
    expect(new Set(seen).size).toBe(total)
  })

  it('lets a manual size override win over the derived one, and audits the edit', async () => {
    const c = (await create(staffBg, { employees: 5 })).body
    expect(c.size).toBe('micro')
    const res = await staffBg.patch<Company>(`/api/companies/${c.id}`, { sizeOverride: 'small', employees: 7 })
    expect(res.body).toMatchObject({ size: 'small', sizeDerived: 'micro', sizeOverride: 'small', employees: 7 })
    const root = await buildRootUnit(t.deps.database.db)
    const admin = await signedInClient(t, (await buildUser(t.deps.database.db, { grants: [{ unit: root, role: 'network_admin' }] })).email)
    const audit = await admin.get<{ items: { action: string; changedFields: string[] }[] }>(`/api/audit?entityType=company&entityId=${c.id}`)
    expect(audit.body.items.map((e) => e.action)).toEqual(['update', 'create'])
    expect(audit.body.items[0]?.changedFields).toEqual(expect.arrayContaining(['employees', 'sizeOverride']))
  })

  it('archives and restores a company; archived ones leave the default list', async () => {
    const c = (await create(staffBg, { name: 'Da Archiviare' })).body
    expect((await staffBg.post<Company>(`/api/companies/${c.id}/archive`)).body.archivedAt).not.toBeNull()
    expect((await staffBg.get<Page>('/api/companies?q=da archiviare')).body.items).toHaveLength(0)
    expect((await staffBg.get<Page>('/api/companies?q=da archiviare&includeArchived=true')).body.items).toHaveLength(1)
    expect((await staffBg.post(`/api/companies/${c.id}/archive`)).status).toBe(409)
    expect((await staffBg.post<Company>(`/api/companies/${c.id}/restore`)).body.archivedAt).toBeNull()
  })

  it('keeps viewers and experts out of company data', async () => {
    const viewer = await signedInClient(t, (await buildUser(t.deps.database.db, { grants: [{ unit: bg, role: 'viewer' }] })).email)
    expect((await viewer.get('/api/companies')).status).toBe(403)
  })
})
