import { describe, expect, it } from 'vitest'
import { deriveCompanySize, normalizeText } from './companies.calculation'

describe('deriveCompanySize (EU SME definition)', () => {
  it.each([
    [9, 1_900_000, null, 'micro'],
    [9, 2_000_000, null, 'micro'],
    [9, 2_000_001, null, 'small'],
    [9, 5_000_000, 1_500_000, 'micro'],
    [10, 100_000, null, 'small'],
    [49, 10_000_000, null, 'small'],
    [49, 12_000_000, 9_000_000, 'small'],
    [49, 12_000_000, 11_000_000, 'medium'],
    [50, 1_000_000, null, 'medium'],
    [249, 50_000_000, null, 'medium'],
    [249, 60_000_000, 43_000_000, 'medium'],
    [249, 60_000_000, 44_000_000, 'large'],
    [250, 1_000, null, 'large'],
    [3, null, null, 'micro'],
  ] as const)('%i staff, turnover %s, balance %s → %s', (employees, turnover, balance, expected) => {
    expect(deriveCompanySize({ employees, turnover, balanceSheetTotal: balance })).toBe(expected)
  })

  it('gives no size without a headcount', () => {
    expect(deriveCompanySize({ employees: null, turnover: 1_000_000, balanceSheetTotal: null })).toBeNull()
  })
})

describe('normalizeText', () => {
  it('drops accents and case and squeezes spaces', () => {
    expect(normalizeText('  Forlì   Città di CASTELLO ')).toBe('forli citta di castello')
  })
})
