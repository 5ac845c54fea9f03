import { describe, expect, it } from 'vitest'
import { formatDate, formatDateTime, formatMoney, formatNumber } from './format'

// Intl separates amount and currency symbol with a no-break space.
const nbsp = '\u00a0'

describe('formatDate', () => {
  it('writes Italian dates day first with slashes', () => {
    expect(formatDate('2026-11-23T10:00:00Z', 'it')).toBe('23/11/2026')
  })

  it('writes English dates day first too', () => {
    expect(formatDate('2026-11-23T10:00:00Z', 'en')).toBe('23/11/2026')
  })
})

describe('formatDateTime', () => {
  it('adds the time in 24-hour form', () => {
    expect(formatDateTime('2026-11-23T15:04:00Z', 'it')).toBe('23/11/2026, 15:04')
  })
})

describe('formatNumber', () => {
  it('groups thousands with a dot in Italian even for four digits', () => {
    expect(formatNumber(1234.5, 'it')).toBe('1.234,5')
  })

  it('groups thousands with a comma in English', () => {
    expect(formatNumber(1234.5, 'en')).toBe('1,234.5')
  })
})

describe('formatMoney', () => {
  it('puts the euro sign after the amount in Italian', () => {
    expect(formatMoney(1234.56, 'it')).toBe(`1.234,56${nbsp}€`)
  })

  it('puts the euro sign before the amount in English', () => {
    expect(formatMoney(1234.56, 'en')).toBe('€1,234.56')
  })
})
