import fs from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { and, count, eq, gt, isNull, lte, or } from 'drizzle-orm'
import { createTestDatabase, type TestDatabase } from '../../../../tests/support/test-database'
import type { Db } from '../../../server/db/client'
import { REGIONS } from '../territory.contract'
import { BASE_LIST_DATE, buildComuniVersions, COMUNI_DATASET, loadTerritoryReferenceData } from './territory.loader'
import { comuni, referenceDataVersions, type ComuneInsert } from './territory.table'

const read = (file: string) => fs.readFileSync(new URL(`../data/${file}`, import.meta.url), 'utf8')
const versions = buildComuniVersions(read('comuni-2020-istat-geonames.csv'), read('comuni-changes-since-2020.csv'))
const inForce = (at: string) => versions.filter((v) => v.validFrom <= at && (v.validTo == null || v.validTo > at))
const version = (code: string, at: string) => inForce(at).find((v) => v.istatCode === code)

describe('the comuni data', () => {
  it('has 7,904 comuni on 2020-01-01 and 7,896 in force since 22 January 2024', () => {
    expect(inForce(BASE_LIST_DATE)).toHaveLength(7904)
    expect(inForce('2024-01-21')).toHaveLength(7899)
    expect(inForce('2024-01-22')).toHaveLength(7896)
    expect(inForce('2026-11-23')).toHaveLength(7896)
  })

  it('never has two versions of one comune in force on the same day', () => {
    const days = ['2020-01-01', '2020-07-01', '2021-06-17', '2023-01-01', '2023-11-17', '2024-01-01', '2024-01-22', '2030-01-01']
    for (const day of days) {
      const codes = inForce(day).map((v) => v.istatCode)
      expect(new Set(codes).size, day).toBe(codes.length)
    }
  })

  it('ends a merged comune on the day its successor starts', () => {
    expect(version('024103', '2024-01-21')?.name).toBe('Sovizzo')
    expect(version('024103', '2024-01-22')).toBeUndefined()
    expect(version('024128', '2024-01-22')?.name).toBe('Sovizzo')
    expect(version('024128', '2024-01-21')).toBeUndefined()
  })

  it('gives a comune born from a merger the seat of its most populous predecessor', () => {
    const setteville = version('025075', '2025-01-01')
    const queroVas = version('025070', '2023-01-01')
    expect(setteville?.latitude).toBe(queroVas?.latitude)
    expect(setteville?.longitude).toBe(queroVas?.longitude)
    // 2011 census residents of Alano di Piave (2,926) and Quero Vas (3,338).
    expect(setteville?.population).toBe(6264)
  })

  it('gives the comuni merged just before 2020 the seat of a predecessor', () => {
    for (const code of ['022252', '022253', '022254', '075098']) {
      const row = version(code, BASE_LIST_DATE)
      expect(row?.latitude, code).toEqual(expect.any(Number))
      expect(row?.longitude, code).toEqual(expect.any(Number))
    }
  })

  it('has coordinates for every comune in force except Misiliscemi, carved out of Trapani', () => {
    const missing = inForce('2025-01-01').filter((v) => v.latitude == null).map((v) => v.name)
    expect(missing).toEqual(['Misiliscemi'])
  })

  it('moves Montecopiolo and Sassofeltrio to Rimini, Emilia-Romagna, on 17 June 2021', () => {
    expect(version('041033', '2021-06-16')).toMatchObject({ name: 'Montecopiolo', provinceCode: 'PU', regionName: 'Marche' })
    expect(version('099030', '2021-06-17')).toMatchObject({ name: 'Montecopiolo', provinceCode: 'RN', regionName: 'Emilia-Romagna', cadastralCode: 'F478' })
  })

  it('names the regions as the REGIONS list does', () => {
    const names = new Map(versions.map((v) => [v.regionCode, v.regionName]))
    expect(Object.fromEntries(names)).toEqual(Object.fromEntries(REGIONS.map((r) => [r.code, r.name])))
  })

  it('rejects a change file that ends a comune not in force', () => {
    const changes = 'change;date;istat;nome;sigla;istat_provincia;provincia;istat_regione;regione;ripartizione;catastale;pop_2011;lat;lon;note\nend;2021-01-01;999999;X;;;;;;;;;;;\n'
    expect(() => buildComuniVersions(read('comuni-2020-istat-geonames.csv'), changes)).toThrow(/999999/)
  })
})

describe('loadTerritoryReferenceData', () => {
  let tdb: TestDatabase
  let db: Db
  const countOn = async (at: string) => {
    const [row] = await db
      .select({ n: count() })
      .from(comuni)
      .where(and(lte(comuni.validFrom, at), or(isNull(comuni.validTo), gt(comuni.validTo, at))))
    return row?.n
  }

  beforeAll(async () => {
    tdb = await createTestDatabase()
    db = tdb.database.db
  })
  afterAll(async () => {
    await tdb.destroy()
  })

  it('loads every version of every comune and records the data version', async () => {
    const started = performance.now()
    const result = await loadTerritoryReferenceData(db)
    const ms = performance.now() - started
    expect(result).toMatchObject({ loaded: true, rows: versions.length })
    expect(ms).toBeLessThan(10_000) // ~1 s on PGlite; the bound only catches pathologies
    expect(await countOn('2020-01-01')).toBe(7904)
    expect(await countOn('2026-11-23')).toBe(7896)
    const [recorded] = await db.select().from(referenceDataVersions).where(eq(referenceDataVersions.dataset, COMUNI_DATASET))
    expect(recorded?.version).toBe(result.version)
  })

  it('does nothing when the data version is already loaded', async () => {
    const result = await loadTerritoryReferenceData(db)
    expect(result).toMatchObject({ loaded: false, rows: 0 })
    expect(await countOn('2026-11-23')).toBe(7896)
  })

  it('reloads after the data changed, updating rows and removing versions the data no longer has', async () => {
    const stray: ComuneInsert = { ...versions[0], istatCode: '999999', name: 'Nessuno', nameKey: 'nessuno', validFrom: '2022-01-01', validTo: null } as ComuneInsert
    await db.insert(comuni).values(stray)
    await db.update(comuni).set({ name: 'Bergamo vecchia' }).where(eq(comuni.istatCode, '016024'))
    await db.update(referenceDataVersions).set({ version: 'an-older-version' }).where(eq(referenceDataVersions.dataset, COMUNI_DATASET))

    const result = await loadTerritoryReferenceData(db)

    expect(result.loaded).toBe(true)
    expect(await db.select().from(comuni).where(eq(comuni.istatCode, '999999'))).toHaveLength(0)
    const [bergamo] = await db.select().from(comuni).where(eq(comuni.istatCode, '016024'))
    expect(bergamo?.name).toBe('Bergamo')
    expect(await countOn('2020-01-01')).toBe(7904)
    expect(await countOn('2026-11-23')).toBe(7896)
  })
})
