import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, type TestDatabase } from '../../../../tests/support/test-database'
import type { Db } from '../../../server/db/client'
import { loadTerritoryReferenceData } from './territory.loader'
import { italianDay, matchComune } from './territory.service'

let tdb: TestDatabase
let db: Db
const TODAY = '2026-11-23'

beforeAll(async () => {
  tdb = await createTestDatabase()
  db = tdb.database.db
  await loadTerritoryReferenceData(db)
})
afterAll(async () => {
  await tdb.destroy()
})

describe('matchComune', () => {
  it('matches a name whatever its case, accents and apostrophes', async () => {
    expect((await matchComune(db, "FORLI'", TODAY))?.istatCode).toBe('040012')
    expect((await matchComune(db, 'citta di castello', TODAY))?.name).toBe('Città di Castello')
    expect((await matchComune(db, 'Sant’Agata de’ Goti', TODAY))?.provinceCode).toBe('BN')
  })

  it('matches an ISTAT code with or without its leading zeros', async () => {
    expect((await matchComune(db, '016024', TODAY))?.name).toBe('Bergamo')
    expect((await matchComune(db, '16024', TODAY))?.name).toBe('Bergamo')
    expect((await matchComune(db, '1272', TODAY))?.name).toBe('Torino')
  })

  it('answers null for a name that several comuni share, unless a province tells them apart', async () => {
    expect(await matchComune(db, 'Castro', TODAY)).toBeNull()
    expect((await matchComune(db, 'Castro', TODAY, { province: 'le' }))?.istatCode).toBe('075096')
    expect((await matchComune(db, 'Castro (BG)', TODAY))?.provinceName).toBe('Bergamo')
  })

  it('matches only comuni in force on the day', async () => {
    expect((await matchComune(db, 'Sovizzo', '2023-06-30'))?.istatCode).toBe('024103')
    expect((await matchComune(db, 'Sovizzo', TODAY))?.istatCode).toBe('024128')
    expect(await matchComune(db, 'Quero Vas', TODAY)).toBeNull()
    expect((await matchComune(db, 'Setteville', TODAY))?.latitude).toEqual(expect.any(Number))
  })

  it('answers null for unknown names, codes and empty cells', async () => {
    expect(await matchComune(db, 'Atlantide', TODAY)).toBeNull()
    expect(await matchComune(db, '999999', TODAY)).toBeNull()
    expect(await matchComune(db, '  ', TODAY)).toBeNull()
  })
})

describe('italianDay', () => {
  it('gives the date in Italy, which starts before UTC midnight', () => {
    expect(italianDay(new Date('2023-12-31T23:30:00Z'))).toBe('2024-01-01')
    expect(italianDay(new Date('2024-07-01T21:59:00Z'))).toBe('2024-07-01')
  })
})
