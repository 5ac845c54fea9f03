import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildRootUnit, buildUnit, buildUser } from '../../../../tests/factories/identity.factory'
import { ApiClient, createTestApp, signedInClient, type TestApp } from '../../../../tests/support/test-app'
import type { Comune, Province, Region } from '../territory.contract'

type Items<T> = { items: T[] }

let t: TestApp
let client: ApiClient

beforeAll(async () => {
  t = await createTestApp()
  t.clock.now = new Date('2026-11-23T10:00:00Z')
  const db = t.deps.database.db
  const antenna = await buildUnit(db, { parent: await buildRootUnit(db), name: 'Antenna Bergamo' })
  // The least privileged role: reference data is for every signed-in user.
  const viewer = await buildUser(db, { grants: [{ unit: antenna, role: 'viewer' }] })
  client = await signedInClient(t, viewer.email)
})
afterAll(async () => {
  await t.close()
})

const names = (res: { body: Items<Comune> }) => res.body.items.map((c) => c.name)

describe('GET /api/territory/comuni', () => {
  it('finds comuni by name whatever the accents and case', async () => {
    expect(names(await client.get<Items<Comune>>('/api/territory/comuni?q=citta%20di%20castello'))[0]).toBe('Città di Castello')
    expect(names(await client.get<Items<Comune>>('/api/territory/comuni?q=forli'))[0]).toBe('Forlì')
    expect(names(await client.get<Items<Comune>>('/api/territory/comuni?q=FORL%C3%8C'))[0]).toBe('Forlì')
  })

  it('puts names starting with the text before names only similar to it', async () => {
    const found = names(await client.get<Items<Comune>>('/api/territory/comuni?q=berg&limit=5'))
    expect(found[0]).toBe('Bergamo')
    expect(found.every((n) => n.toLowerCase().startsWith('berg'))).toBe(true)
    expect(names(await client.get<Items<Comune>>('/api/territory/comuni?q=bergamno'))).toContain('Bergamo')
  })

  it('finds a comune by ISTAT code, with or without leading zeros', async () => {
    expect(names(await client.get<Items<Comune>>('/api/territory/comuni?q=016024'))).toEqual(['Bergamo'])
    expect(names(await client.get<Items<Comune>>('/api/territory/comuni?q=16024'))).toEqual(['Bergamo'])
  })

  it('filters by province and region, and answers views with NUTS 2 codes', async () => {
    const res = await client.get<Items<Comune>>('/api/territory/comuni?q=castro&province=le')
    expect(res.body.items.map((c) => [c.name, c.provinceCode])).toEqual([['Castro', 'LE']])
    const bz = await client.get<Items<Comune>>('/api/territory/comuni?q=bolzano&region=04&limit=1')
    expect(bz.body.items[0]).toMatchObject({ istatCode: '021008', nuts2: 'ITH1', regionName: 'Trentino-Alto Adige/Südtirol', validTo: null })
  })

  it('lists the comuni in force on the given day, today by default', async () => {
    const sovizzo = (res: { body: Items<Comune> }) => res.body.items.filter((c) => c.name === 'Sovizzo').map((c) => [c.istatCode, c.validFrom, c.validTo])
    expect(sovizzo(await client.get<Items<Comune>>('/api/territory/comuni?q=sovizzo'))).toEqual([['024128', '2024-01-22', null]])
    expect(sovizzo(await client.get<Items<Comune>>('/api/territory/comuni?q=sovizzo&at=2020-01-01'))).toEqual([['024103', '2020-01-01', '2024-01-22']])
  })

  it('rejects a malformed day or limit with field errors', async () => {
    const res = await client.get<{ error: { code: string; fields: { path: string }[] } }>('/api/territory/comuni?at=2024-13-01&limit=500')
    expect(res.status).toBe(400)
    expect(res.body.error.fields.map((f) => f.path).sort()).toEqual(['at', 'limit'])
  })

  it('answers 401 without a session', async () => {
    expect((await new ApiClient(t.app).get('/api/territory/comuni?q=bergamo')).status).toBe(401)
  })
})

describe('GET /api/territory/comuni/{istatCode}', () => {
  it('answers the comune in force, leading zeros optional', async () => {
    const res = await client.get<Comune>('/api/territory/comuni/16024')
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ name: 'Bergamo', provinceCode: 'BG', regionCode: '03', nuts2: 'ITC4', cadastralCode: 'A794' })
  })

  it('answers the last version of a suppressed comune', async () => {
    const res = await client.get<Comune>('/api/territory/comuni/041032')
    expect(res.body).toMatchObject({ name: 'Monteciccardo', validFrom: '2020-01-01', validTo: '2020-07-01' })
  })

  it('answers 404 for a code that never existed', async () => {
    expect((await client.get('/api/territory/comuni/999999')).status).toBe(404)
  })
})

describe('GET /api/territory/regions and /provinces', () => {
  it('lists the 20 regions with their NUTS 2 codes', async () => {
    const res = await client.get<Items<Region>>('/api/territory/regions')
    expect(res.body.items).toHaveLength(20)
    expect(res.body.items.find((r) => r.code === '03')).toMatchObject({ name: 'Lombardia', nuts2: 'ITC4', ripartizione: 1 })
    expect(res.body.items.find((r) => r.code === '04')?.nuts2).toBeNull()
    expect(res.body.items.reduce((n, r) => n + r.comuniCount, 0)).toBe(7896)
    expect(res.body.items.reduce((n, r) => n + r.provincesCount, 0)).toBe(107)
  })

  it('lists the 107 provinces of the data, filtered by region on request', async () => {
    const all = await client.get<Items<Province>>('/api/territory/provinces')
    expect(all.body.items).toHaveLength(107)
    expect(all.body.items.find((p) => p.code === 'TN')).toMatchObject({ istatCode: '022', nuts2: 'ITH2' })
    const sardinia = await client.get<Items<Province>>('/api/territory/provinces?region=20')
    expect(sardinia.body.items.map((p) => p.code)).toEqual(['CA', 'NU', 'OR', 'SS', 'SU'])
  })

  it('counts Rimini with Montecopiolo and Sassofeltrio only from 17 June 2021', async () => {
    const rimini = async (at: string) => (await client.get<Items<Province>>(`/api/territory/provinces?at=${at}&region=08`)).body.items.find((p) => p.code === 'RN')?.comuniCount
    expect(await rimini('2021-06-16')).toBe(25)
    expect(await rimini('2021-06-17')).toBe(27)
  })
})
