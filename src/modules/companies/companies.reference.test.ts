import { describe, expect, it } from 'vitest'
import { ATECO_2007_DIVISIONS, ATECO_2007_SECTIONS, atecoSectionOf } from './companies.reference'

describe('ATECO 2007 divisions', () => {
  it('lists the 88 divisions once each, every one inside its section range, titled in Italian and English', () => {
    expect(ATECO_2007_DIVISIONS).toHaveLength(88)
    expect(new Set(ATECO_2007_DIVISIONS.map((d) => d.code)).size).toBe(88)
    for (const division of ATECO_2007_DIVISIONS) {
      const section = ATECO_2007_SECTIONS.find((s) => s.code === division.section)
      expect(section, division.code).toBeDefined()
      const n = Number(division.code)
      expect(n >= (section?.divisions[0] ?? 0) && n <= (section?.divisions[1] ?? 0), division.code).toBe(true)
      expect(division.it.length).toBeGreaterThan(3)
      expect(division.en.length).toBeGreaterThan(3)
    }
    // Every division the sections' ranges name exists, except the numbers NACE leaves unused.
    const unused = ['04', '34', '40', '44', '48', '54', '57', '67', '76', '83', '89']
    for (let n = 1; n <= 99; n += 1) {
      const code = String(n).padStart(2, '0')
      if (unused.includes(code) || !atecoSectionOf(code)) continue
      expect(ATECO_2007_DIVISIONS.some((d) => d.code === code), code).toBe(true)
    }
    expect(ATECO_2007_DIVISIONS.find((d) => d.code === '25')).toMatchObject({ section: 'C', en: 'Manufacture of fabricated metal products, except machinery and equipment' })
  })
})
