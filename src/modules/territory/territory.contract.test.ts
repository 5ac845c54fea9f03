import { describe, expect, it } from 'vitest'
import { normalizeComuneName, nuts2Of, REGIONS } from './territory.contract'

describe('normalizeComuneName', () => {
  it.each([
    ['Città di Castello', 'citta di castello'],
    ['FORLÌ', 'forli'],
    ["Forli'", 'forli'],
    ['Sant’Agata de’ Goti', 'sant agata de goti'],
    ["Reggio nell'Emilia", 'reggio nell emilia'],
    ['Castelbello-Ciardes', 'castelbello ciardes'],
    ['  Bolzano/Bozen ', 'bolzano bozen'],
    ['Vo’', 'vo'],
  ])('turns %s into %s', (name, key) => {
    expect(normalizeComuneName(name)).toBe(key)
  })
})

describe('nuts2Of', () => {
  it('gives the NUTS 2 code of the region', () => {
    expect(nuts2Of('03', '016')).toBe('ITC4')
    expect(nuts2Of('20', '092')).toBe('ITG2')
  })

  it('splits Trentino-Alto Adige into its autonomous provinces', () => {
    expect(nuts2Of('04', '021')).toBe('ITH1')
    expect(nuts2Of('04', '022')).toBe('ITH2')
  })

  it('knows no NUTS 2 code for an unknown region', () => {
    expect(nuts2Of('99', '999')).toBeNull()
  })
})

describe('REGIONS', () => {
  it('lists the 20 regions with distinct ISTAT and NUTS 2 codes', () => {
    expect(REGIONS).toHaveLength(20)
    expect(new Set(REGIONS.map((r) => r.code)).size).toBe(20)
    const nuts = REGIONS.flatMap((r) => (r.nuts2 ? [r.nuts2] : []))
    expect(new Set(nuts).size).toBe(19)
  })
})
