/**
 * The scoring engine against hand-computed results (rules `2024-r1`, dma.md): the reference's
 * example, empty and full answers, the exclusive Q7 option, every band edge (on numbers and on real
 * answers, overall and per dimension) for both instruments, and the rules switches.
 * Expected values are written as the arithmetic of the rules, never produced by the engine.
 */
import { describe, expect, it } from 'vitest'
import { DmaScoreResult } from '../assessments.contract'
import { DMA_RULES_2024_R1 } from './dma-2024-r1.rules'
import { findDmaBand, roundDmaScoreForBand, scoreDmaAnswers } from './dma.score'
import type { DmaRulesVersion } from './dma.types'
import { DmaValidationError } from './dma.validate'
import { EU_DMA_PSO_2024 } from './eu-dma-pso-2024.instrument'
import { EU_DMA_SME_2024 } from './eu-dma-sme-2024.instrument'

const RULES: DmaRulesVersion = DMA_RULES_2024_R1
const SME = EU_DMA_SME_2024
const PSO = EU_DMA_PSO_2024

/** 1..n */
const upTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1)
const fives = (n: number) => Array.from({ length: n }, () => 5)
const zeros = (n: number) => Array.from({ length: n }, () => 0)
const yes5 = ['yes', 'yes', 'yes', 'yes', 'yes']

const FULL_SME = {
  Q1: { plan: upTo(10), already: upTo(10) },
  Q2: upTo(10),
  Q3: upTo(10),
  Q4: fives(7),
  Q5: upTo(7),
  Q6: upTo(8),
  Q7: [1, 3, 4, 5, 6, 7, 8],
  Q8: upTo(6),
  Q9: fives(5),
  Q10: upTo(10),
  Q11: yes5,
}

const FULL_PSO = {
  P1: upTo(10),
  P2: { plan: upTo(8), already: upTo(8) },
  P3: upTo(9),
  P4: fives(8),
  P5: upTo(7),
  P6: upTo(10),
  P7: upTo(9),
  P8: upTo(6),
  P9: { plan: upTo(16), already: upTo(16) },
  P10: upTo(9),
  P11: yes5,
}

describe('band rounding and lookup (2024-r1: nearest integer, halves up)', () => {
  it.each([
    [0, 0],
    [25, 25],
    [25.4999999, 25],
    [25.5, 26],
    [25.5000001, 26],
    [26, 26],
    [50.49, 50],
    [50.5, 51],
    [75.5, 76],
    [100, 100],
    // Binary noise around a true x.5 (e.g. 153/6 summed from float points) still rounds up.
    [25.499999999999996, 26],
    [50.50000000000001, 51],
  ])('half-up %d → %d', (score, rounded) => {
    expect(roundDmaScoreForBand(score, 'half-up')).toBe(rounded)
  })

  it.each([
    [0, 'basic'],
    [12.5, 'basic'],
    [25, 'basic'],
    [25.49, 'basic'],
    [25.4999999, 'basic'],
    [25.5, 'average'],
    [25.51, 'average'],
    [26, 'average'],
    [50, 'average'],
    [50.49, 'average'],
    [50.5, 'moderately_advanced'],
    [51, 'moderately_advanced'],
    [75, 'moderately_advanced'],
    [75.49, 'moderately_advanced'],
    [75.5, 'advanced'],
    [76, 'advanced'],
    [99.9, 'advanced'],
    [100, 'advanced'],
  ] as const)('%d → %s', (score, band) => {
    expect(findDmaBand(score, RULES)).toBe(band)
  })

  it('floor and ceil are there for later rules versions', () => {
    expect(roundDmaScoreForBand(25.9, 'floor')).toBe(25)
    expect(roundDmaScoreForBand(25.1, 'ceil')).toBe(26)
    expect(findDmaBand(25.9, { ...RULES, switches: { ...RULES.switches, bandRounding: 'floor' } })).toBe('basic')
    expect(findDmaBand(25.1, { ...RULES, switches: { ...RULES.switches, bandRounding: 'ceil' } })).toBe('average')
  })

  it('a score outside 0-100 is a programming error, not a band', () => {
    expect(() => findDmaBand(-1, RULES)).toThrow()
    expect(() => findDmaBand(100.6, RULES)).toThrow()
  })
})

describe('eu-dma-sme, rules 2024-r1', () => {
  it("scores the reference's example answers as computed by hand", () => {
    const result = scoreDmaAnswers(SME, RULES, {
      Q1: { plan: [1, 2, 6], already: [6, 8] },
      Q2: [1, 3, 5],
      Q3: [1, 2, 6, 10],
      Q4: [0, 0, 3, 0, 1, 0, 0],
      Q5: [3],
      Q6: [1, 2],
      Q7: [3, 5],
      Q8: [2, 5],
      Q9: [0, 0, 0, 0, 2],
      Q10: [10],
      Q11: ['no', 'partially', 'no', 'no', 'yes'],
    })
    const d1 = ((3 + 2 + 3) / 3) * 10 // 26.67
    const d2 = ((4 + (4 / 35) * 10) / 2) * 10 // 25.71
    const d3 = (((1 / 7) * 10 + (2 / 8) * 10) / 2) * 10 // 19.64
    const d4 = (((2 / 7) * 10 + (2 / 6) * 10) / 2) * 10 // 30.95
    const d5 = (2 / 25) * 10 * 10 // 8
    const d6 = ((1 + (1.5 / 5) * 10) / 2) * 10 // 20
    expect(result.instrument).toBe('eu-dma-sme')
    expect(result.instrumentVersion).toBe('2024')
    expect(result.rulesVersion).toBe('2024-r1')
    expect(result.dimensions.D1).toBeCloseTo(d1, 10)
    expect(result.dimensions.D2).toBeCloseTo(d2, 10)
    expect(result.dimensions.D3).toBeCloseTo(d3, 10)
    expect(result.dimensions.D4).toBeCloseTo(d4, 10)
    expect(result.dimensions.D5).toBeCloseTo(d5, 10)
    expect(result.dimensions.D6).toBeCloseTo(d6, 10)
    expect(result.overall).toBeCloseTo(5501 / 252, 10) // (d1 + … + d6) / 6 = 21.83
    expect(result.overall).toBeCloseTo((d1 + d2 + d3 + d4 + d5 + d6) / 6, 10)
    // 26.67 → 27, 25.71 → 26 (just over the edge), 19.64 → 20, 30.95 → 31, 8, 20; overall 21.83 → 22.
    expect(result.dimensionBands).toEqual({ D1: 'average', D2: 'average', D3: 'basic', D4: 'average', D5: 'basic', D6: 'basic' })
    expect(result.band).toBe('basic')
    expect(result.blocks.map((b) => [b.id, b.formula, b.dimension])).toEqual([
      ['Q1.plan', 'count', 'D1'],
      ['Q1.already', 'count', 'D1'],
      ['Q2', 'count', 'D1'],
      ['Q3', 'count', 'D2'],
      ['Q4', 'sum05', 'D2'],
      ['Q5', 'count', 'D3'],
      ['Q6', 'count', 'D3'],
      ['Q7', 'countExcluding', 'D4'],
      ['Q8', 'count', 'D4'],
      ['Q9', 'sum05', 'D5'],
      ['Q10', 'count', 'D6'],
      ['Q11', 'tristate', 'D6'],
    ])
    const byId = Object.fromEntries(result.blocks.map((b) => [b.id, b]))
    expect(byId['Q1.plan']).toMatchObject({ column: 'plan', inputs: { selected: 3, denominator: 10 }, points: 3 })
    expect(byId['Q4']?.inputs).toEqual({ sum: 4, max: 35 })
    expect(byId['Q7']?.inputs).toEqual({ selected: 2, excluded: [2], exclusiveSelected: false, denominator: 7 })
    expect(byId['Q11']).toMatchObject({ inputs: { sum: 1.5, max: 5 }, points: 3 })
    expect(DmaScoreResult.parse(result)).toEqual(result)
  })

  it('empty answers ({}) score 0 everywhere, band basic', () => {
    const result = scoreDmaAnswers(SME, RULES, {})
    expect(result.dimensions).toEqual({ D1: 0, D2: 0, D3: 0, D4: 0, D5: 0, D6: 0 })
    expect(result.overall).toBe(0)
    expect(result.band).toBe('basic')
    expect(Object.values(result.dimensionBands)).toEqual(['basic', 'basic', 'basic', 'basic', 'basic', 'basic'])
    expect(result.blocks.every((b) => b.points === 0)).toBe(true)
  })

  it('explicitly empty answers score the same as missing ones', () => {
    const result = scoreDmaAnswers(SME, RULES, {
      Q1: { plan: [], already: [] },
      Q2: [],
      Q4: zeros(7),
      Q9: zeros(5),
      Q11: ['no', 'no', 'no', 'no', 'no'],
    })
    expect(result.overall).toBe(0)
  })

  it('full answers (everything selected, every row at the top) score 100, band advanced', () => {
    const result = scoreDmaAnswers(SME, RULES, FULL_SME)
    expect(result.dimensions).toEqual({ D1: 100, D2: 100, D3: 100, D4: 100, D5: 100, D6: 100 })
    expect(result.overall).toBe(100)
    expect(result.band).toBe('advanced')
    expect(result.blocks.every((b) => b.points === 10)).toBe(true)
  })

  describe('Q7 option 2 ("Data is not collected digitally") is exclusive', () => {
    it('alone it gives 0 points', () => {
      const result = scoreDmaAnswers(SME, RULES, { Q7: [2], Q8: upTo(6) })
      const q7 = result.blocks.find((b) => b.id === 'Q7')
      expect(q7).toMatchObject({ points: 0, inputs: { selected: 0, exclusiveSelected: true, denominator: 7 } })
      expect(result.dimensions.D4).toBe(((0 + 10) / 2) * 10)
    })

    it('with any other option it is a validation error naming Q7 and option 2', () => {
      for (const answer of [[2, 3], [1, 2], [2, 3, 4, 5, 6, 7, 8]]) {
        const error = (() => {
          try {
            scoreDmaAnswers(SME, RULES, { Q7: answer })
          } catch (e) {
            return e
          }
          return null
        })()
        expect(error).toBeInstanceOf(DmaValidationError)
        expect((error as DmaValidationError).issues).toEqual([
          { code: 'exclusiveOptionWithOthers', question: 'Q7', option: 2, messageKey: 'assessments.validation.exclusiveOptionWithOthers' },
        ])
      }
    })

    it('the other seven options count out of 7', () => {
      const result = scoreDmaAnswers(SME, RULES, { Q7: [1, 3, 4] })
      expect(result.dimensions.D4).toBeCloseTo((((3 / 7) * 10 + 0) / 2) * 10, 12)
    })
  })

  describe('dimension band edges on real answers', () => {
    it.each([
      // D6 = (n(Q10) + 2·Σt(Q11)) · 5
      { name: 'D6 = 25 (basic)', answers: { Q10: upTo(5) }, dimension: 'D6', score: 25, band: 'basic' },
      { name: 'D6 = 30 (average)', answers: { Q10: upTo(6) }, dimension: 'D6', score: 30, band: 'average' },
      { name: 'D6 = 50 (average)', answers: { Q10: upTo(10) }, dimension: 'D6', score: 50, band: 'average' },
      { name: 'D6 = 55 (moderately advanced)', answers: { Q10: upTo(10), Q11: ['partially', 'no', 'no', 'no', 'no'] }, dimension: 'D6', score: 55, band: 'moderately_advanced' },
      { name: 'D6 = 75 (moderately advanced)', answers: { Q10: upTo(10), Q11: ['yes', 'yes', 'partially', 'no', 'no'] }, dimension: 'D6', score: 75, band: 'moderately_advanced' },
      { name: 'D6 = 80 (advanced)', answers: { Q10: upTo(10), Q11: ['yes', 'yes', 'yes', 'no', 'no'] }, dimension: 'D6', score: 80, band: 'advanced' },
      // D1 = (n(Q1.plan) + n(Q1.already) + n(Q2)) · 10/3
      { name: 'D1 = 23.33 (basic)', answers: { Q1: { plan: upTo(7), already: [] } }, dimension: 'D1', score: 70 / 3, band: 'basic' },
      { name: 'D1 = 26.67 (average)', answers: { Q1: { plan: upTo(8), already: [] } }, dimension: 'D1', score: 80 / 3, band: 'average' },
      { name: 'D1 = 53.33 (moderately advanced)', answers: { Q1: { plan: upTo(10), already: upTo(6) } }, dimension: 'D1', score: 160 / 3, band: 'moderately_advanced' },
      { name: 'D1 = 73.33 (moderately advanced)', answers: { Q1: { plan: upTo(10), already: upTo(10) }, Q2: [1, 2] }, dimension: 'D1', score: 220 / 3, band: 'moderately_advanced' },
      { name: 'D1 = 76.67 (advanced)', answers: { Q1: { plan: upTo(10), already: upTo(10) }, Q2: [1, 2, 3] }, dimension: 'D1', score: 230 / 3, band: 'advanced' },
      // D5 = 4 · Σv(Q9)
      { name: 'D5 = 24 (basic)', answers: { Q9: [5, 1, 0, 0, 0] }, dimension: 'D5', score: 24, band: 'basic' },
      { name: 'D5 = 28 (average)', answers: { Q9: [5, 2, 0, 0, 0] }, dimension: 'D5', score: 28, band: 'average' },
      { name: 'D5 = 52 (moderately advanced)', answers: { Q9: [5, 5, 3, 0, 0] }, dimension: 'D5', score: 52, band: 'moderately_advanced' },
      { name: 'D5 = 72 (moderately advanced)', answers: { Q9: [5, 5, 5, 3, 0] }, dimension: 'D5', score: 72, band: 'moderately_advanced' },
      { name: 'D5 = 76 (advanced)', answers: { Q9: [5, 5, 5, 4, 0] }, dimension: 'D5', score: 76, band: 'advanced' },
      // D3 = n(Q5)·50/7 + n(Q6)·6.25
      { name: 'D3 = 12.5 (basic, rounds to 13)', answers: { Q6: [1, 2] }, dimension: 'D3', score: 12.5, band: 'basic' },
      { name: 'D3 = 75 (moderately advanced)', answers: { Q5: upTo(7), Q6: upTo(4) }, dimension: 'D3', score: 75, band: 'moderately_advanced' },
      // D2 = 5·n(Q3) + Σv(Q4)·10/7: 25 + 10/7 = 26.43
      { name: 'D2 = 25 (basic)', answers: { Q3: upTo(5) }, dimension: 'D2', score: 25, band: 'basic' },
      { name: 'D2 = 26.43 (average)', answers: { Q3: upTo(5), Q4: [1, 0, 0, 0, 0, 0, 0] }, dimension: 'D2', score: 25 + 10 / 7, band: 'average' },
      // D4 = n(Q7 without 2)·50/7 + n(Q8)·50/6
      { name: 'D4 = 25 (basic)', answers: { Q8: upTo(3) }, dimension: 'D4', score: 25, band: 'basic' },
      { name: 'D4 = 50 (average)', answers: { Q7: [2], Q8: upTo(6) }, dimension: 'D4', score: 50, band: 'average' },
    ] as const)('$name', ({ answers, dimension, score, band }) => {
      const result = scoreDmaAnswers(SME, RULES, answers)
      expect(result.dimensions[dimension]).toBeCloseTo(score, 10)
      expect(result.dimensionBands[dimension]).toBe(band)
    })
  })

  describe('overall band edges on real answers', () => {
    it.each([
      // D1 50 (15 of 30 boxes) + D6 100 → 150/6
      { name: '25 → basic', answers: { Q1: { plan: upTo(10), already: upTo(5) }, Q10: upTo(10), Q11: yes5 }, overall: 25, band: 'basic' },
      // D5 52 + D6 100 → 152/6
      { name: '25.33 → basic', answers: { Q9: [5, 5, 3, 0, 0], Q10: upTo(10), Q11: yes5 }, overall: 152 / 6, band: 'basic' },
      // D5 68 + D6 85 → 153/6
      { name: '25.5 → average', answers: { Q9: [5, 5, 5, 2, 0], Q10: upTo(10), Q11: ['yes', 'yes', 'yes', 'partially', 'no'] }, overall: 25.5, band: 'average' },
      // D5 64 + D6 90 → 154/6
      { name: '25.67 → average', answers: { Q9: [5, 5, 5, 1, 0], Q10: upTo(10), Q11: ['yes', 'yes', 'yes', 'yes', 'no'] }, overall: 154 / 6, band: 'average' },
      // D1 100 + D2 100 + D6 100 → 300/6
      { name: '50 → average', answers: { Q1: FULL_SME.Q1, Q2: upTo(10), Q3: upTo(10), Q4: fives(7), Q10: upTo(10), Q11: yes5 }, overall: 50, band: 'average' },
      // D1 100 + D2 10 + D5 92 + D6 100 → 302/6
      { name: '50.33 → average', answers: { Q1: FULL_SME.Q1, Q2: upTo(10), Q3: [1, 2], Q9: [5, 5, 5, 5, 3], Q10: upTo(10), Q11: yes5 }, overall: 302 / 6, band: 'average' },
      // D1 100 + D2 15 + D5 88 + D6 100 → 303/6
      { name: '50.5 → moderately advanced', answers: { Q1: FULL_SME.Q1, Q2: upTo(10), Q3: [1, 2, 3], Q9: [5, 5, 5, 5, 2], Q10: upTo(10), Q11: yes5 }, overall: 50.5, band: 'moderately_advanced' },
      // D1, D2, D5, D6 100 + D3 50 → 450/6
      { name: '75 → moderately advanced', answers: { ...FULL_SME, Q5: [], Q7: [], Q8: [] }, overall: 75, band: 'moderately_advanced' },
      // D1 100 + D2 85 + D3 50 + D4 50 + D5 68 + D6 100 → 453/6
      { name: '75.5 → advanced', answers: { ...FULL_SME, Q3: upTo(7), Q5: [], Q7: [], Q9: [5, 5, 5, 2, 0] }, overall: 75.5, band: 'advanced' },
      // … with D5 64 → 449/6
      { name: '74.83 → moderately advanced', answers: { ...FULL_SME, Q3: upTo(7), Q5: [], Q7: [], Q9: [5, 5, 5, 1, 0] }, overall: 449 / 6, band: 'moderately_advanced' },
      // … with D5 72 → 457/6
      { name: '76.17 → advanced', answers: { ...FULL_SME, Q3: upTo(7), Q5: [], Q7: [], Q9: [5, 5, 5, 3, 0] }, overall: 457 / 6, band: 'advanced' },
    ] as const)('$name', ({ answers, overall, band }) => {
      const result = scoreDmaAnswers(SME, RULES, answers)
      expect(result.overall).toBeCloseTo(overall, 10)
      expect(result.band).toBe(band)
    })
  })
})

describe('eu-dma-pso, rules 2024-r1', () => {
  it('scores a worked example as computed by hand', () => {
    const result = scoreDmaAnswers(PSO, RULES, {
      P1: [1, 2, 3],
      P2: { plan: [1, 4], already: [4, 5, 7] },
      P3: [1, 2, 3, 7],
      P4: [0, 0, 3, 0, 4, 0, 0, 1],
      P5: [],
      P6: [1, 2, 8],
      P7: [3, 5],
      P8: [1, 5],
      P9: { plan: [1, 7, 13], already: [13] },
      P10: [2, 9],
      P11: ['yes', 'no', 'partially', 'no', 'no'],
    })
    const d1 = ((3 + (2 / 8) * 10 + (3 / 8) * 10) / 3) * 10 // 30.83
    const d2 = (((4 / 9) * 10 + (8 / 40) * 10) / 2) * 10 // 290/9 = 32.22
    const d3 = ((0 + 3) / 2) * 10 // 15
    const d4 = (((2 / 9) * 10 + (2 / 6) * 10) / 2) * 10 // 250/9 = 27.78
    const d5 = (((3 / 16) * 10 + (1 / 16) * 10) / 2) * 10 // 12.5
    const d6 = (((2 / 9) * 10 + (1.5 / 5) * 10) / 2) * 10 // 235/9 = 26.11
    expect(result.dimensions.D1).toBeCloseTo(d1, 10)
    expect(result.dimensions.D2).toBeCloseTo(290 / 9, 10)
    expect(result.dimensions.D2).toBeCloseTo(d2, 10)
    expect(result.dimensions.D3).toBeCloseTo(d3, 10)
    expect(result.dimensions.D4).toBeCloseTo(d4, 10)
    expect(result.dimensions.D5).toBeCloseTo(d5, 10)
    expect(result.dimensions.D6).toBeCloseTo(d6, 10)
    expect(result.overall).toBeCloseTo(1300 / 54, 10) // 24.07
    // 30.83 → 31, 32.22 → 32, 15, 27.78 → 28, 12.5 → 13, 26.11 → 26; overall 24.07 → 24.
    expect(result.dimensionBands).toEqual({ D1: 'average', D2: 'average', D3: 'basic', D4: 'average', D5: 'basic', D6: 'average' })
    expect(result.band).toBe('basic')
    expect(result.blocks.map((b) => b.id)).toEqual(['P1', 'P2.plan', 'P2.already', 'P3', 'P4', 'P5', 'P6', 'P7', 'P8', 'P9.plan', 'P9.already', 'P10', 'P11'])
    expect(result.blocks.find((b) => b.id === 'P9.already')).toMatchObject({ formula: 'count', column: 'already', inputs: { selected: 1, denominator: 16 }, points: 0.625 })
    expect(DmaScoreResult.parse(result)).toEqual(result)
  })

  it('empty answers ({}) score 0, band basic', () => {
    const result = scoreDmaAnswers(PSO, RULES, {})
    expect(result.dimensions).toEqual({ D1: 0, D2: 0, D3: 0, D4: 0, D5: 0, D6: 0 })
    expect(result.overall).toBe(0)
    expect(result.band).toBe('basic')
  })

  it('full answers score 100, band advanced', () => {
    const result = scoreDmaAnswers(PSO, RULES, FULL_PSO)
    expect(result.dimensions).toEqual({ D1: 100, D2: 100, D3: 100, D4: 100, D5: 100, D6: 100 })
    expect(result.overall).toBe(100)
    expect(result.band).toBe('advanced')
  })

  it('P7 option 2 is an ordinary option (no exclusive option in the PSO questionnaire)', () => {
    const result = scoreDmaAnswers(PSO, RULES, { P7: [2, 3] })
    expect(result.dimensions.D4).toBeCloseTo((((2 / 9) * 10 + 0) / 2) * 10, 12)
  })

  describe('dimension band edges on real answers', () => {
    it.each([
      // D5 = (n(P9.plan) + n(P9.already)) · 3.125
      { name: 'D5 = 25 (basic)', answers: { P9: { plan: upTo(8), already: [] } }, dimension: 'D5', score: 25, band: 'basic' },
      { name: 'D5 = 28.125 (average)', answers: { P9: { plan: upTo(8), already: [1] } }, dimension: 'D5', score: 28.125, band: 'average' },
      { name: 'D5 = 50 (average)', answers: { P9: { plan: upTo(16), already: [] } }, dimension: 'D5', score: 50, band: 'average' },
      { name: 'D5 = 53.125 (moderately advanced)', answers: { P9: { plan: upTo(16), already: [1] } }, dimension: 'D5', score: 53.125, band: 'moderately_advanced' },
      { name: 'D5 = 75 (moderately advanced)', answers: { P9: { plan: upTo(16), already: upTo(8) } }, dimension: 'D5', score: 75, band: 'moderately_advanced' },
      { name: 'D5 = 78.125 (advanced)', answers: { P9: { plan: upTo(16), already: upTo(9) } }, dimension: 'D5', score: 78.125, band: 'advanced' },
      // D2 = n(P3)·50/9 + Σv(P4)·1.25
      { name: 'D2 = 25 (basic)', answers: { P4: [5, 5, 5, 5, 0, 0, 0, 0] }, dimension: 'D2', score: 25, band: 'basic' },
      { name: 'D2 = 26.25 (average)', answers: { P4: [5, 5, 5, 5, 1, 0, 0, 0] }, dimension: 'D2', score: 26.25, band: 'average' },
      // D6 = n(P10)·50/9 + Σt(P11)·10
      { name: 'D6 = 75 (moderately advanced)', answers: { P10: upTo(9), P11: ['yes', 'yes', 'partially', 'no', 'no'] }, dimension: 'D6', score: 75, band: 'moderately_advanced' },
      { name: 'D6 = 80 (advanced)', answers: { P10: upTo(9), P11: ['yes', 'yes', 'yes', 'no', 'no'] }, dimension: 'D6', score: 80, band: 'advanced' },
      // D1 = n(P1)·10/3 + (n(P2.plan) + n(P2.already))·25/6
      { name: 'D1 = 25 (basic)', answers: { P2: { plan: upTo(6), already: [] } }, dimension: 'D1', score: 25, band: 'basic' },
      { name: 'D1 = 50 (average)', answers: { P2: { plan: upTo(8), already: upTo(4) } }, dimension: 'D1', score: 50, band: 'average' },
      { name: 'D1 = 54.17 (moderately advanced)', answers: { P2: { plan: upTo(8), already: upTo(5) } }, dimension: 'D1', score: 325 / 6, band: 'moderately_advanced' },
      // D3 = n(P5)·50/7 + n(P6)·5; D4 = n(P7)·50/9 + n(P8)·50/6
      { name: 'D3 = 75 (moderately advanced)', answers: { P5: upTo(7), P6: upTo(5) }, dimension: 'D3', score: 75, band: 'moderately_advanced' },
      { name: 'D4 = 75 (moderately advanced)', answers: { P7: upTo(9), P8: upTo(3) }, dimension: 'D4', score: 75, band: 'moderately_advanced' },
      { name: 'D4 = 83.33 (advanced)', answers: { P7: upTo(9), P8: upTo(4) }, dimension: 'D4', score: 50 + 200 / 6, band: 'advanced' },
    ] as const)('$name', ({ answers, dimension, score, band }) => {
      const result = scoreDmaAnswers(PSO, RULES, answers)
      expect(result.dimensions[dimension]).toBeCloseTo(score, 10)
      expect(result.dimensionBands[dimension]).toBe(band)
    })
  })

  describe('overall band edges on real answers', () => {
    const plan16 = { plan: upTo(16), already: [] as number[] }
    it.each([
      // D5 50 + D6 100 → 150/6
      { name: '25 → basic', answers: { P9: plan16, P10: upTo(9), P11: yes5 }, overall: 25, band: 'basic' },
      // + D2 2.5 → 152.5/6
      { name: '25.42 → basic', answers: { P4: [2, 0, 0, 0, 0, 0, 0, 0], P9: plan16, P10: upTo(9), P11: yes5 }, overall: 152.5 / 6, band: 'basic' },
      // D5 53.125 + D6 100 → 153.125/6
      { name: '25.52 → average', answers: { P9: { plan: upTo(16), already: [1] }, P10: upTo(9), P11: yes5 }, overall: 153.125 / 6, band: 'average' },
      // D1 + D5 + D6 100 → 300/6
      { name: '50 → average', answers: { P1: upTo(10), P2: FULL_PSO.P2, P9: FULL_PSO.P9, P10: upTo(9), P11: yes5 }, overall: 50, band: 'average' },
      // + D2 2.5 → 302.5/6
      { name: '50.42 → average', answers: { P1: upTo(10), P2: FULL_PSO.P2, P4: [2, 0, 0, 0, 0, 0, 0, 0], P9: FULL_PSO.P9, P10: upTo(9), P11: yes5 }, overall: 302.5 / 6, band: 'average' },
      // + D2 3.75 → 303.75/6
      { name: '50.63 → moderately advanced', answers: { P1: upTo(10), P2: FULL_PSO.P2, P4: [3, 0, 0, 0, 0, 0, 0, 0], P9: FULL_PSO.P9, P10: upTo(9), P11: yes5 }, overall: 303.75 / 6, band: 'moderately_advanced' },
      // D1, D4, D5, D6 100 + D3 50 → 450/6
      { name: '75 → moderately advanced', answers: { ...FULL_PSO, P3: [], P4: zeros(8), P5: [] }, overall: 75, band: 'moderately_advanced' },
      // + D2 2.5 → 452.5/6
      { name: '75.42 → moderately advanced', answers: { ...FULL_PSO, P3: [], P4: [2, 0, 0, 0, 0, 0, 0, 0], P5: [] }, overall: 452.5 / 6, band: 'moderately_advanced' },
      // + D2 3.75 → 453.75/6
      { name: '75.63 → advanced', answers: { ...FULL_PSO, P3: [], P4: [3, 0, 0, 0, 0, 0, 0, 0], P5: [] }, overall: 453.75 / 6, band: 'advanced' },
    ] as const)('$name', ({ answers, overall, band }) => {
      const result = scoreDmaAnswers(PSO, RULES, answers)
      expect(result.overall).toBeCloseTo(overall, 10)
      expect(result.band).toBe(band)
    })
  })
})

describe('rules switches: a later rules version changes data, not code', () => {
  const variant = (switches: Partial<DmaRulesVersion['switches']>): DmaRulesVersion => ({ ...RULES, id: 'test', switches: { ...RULES.switches, ...switches } })

  it('exclusiveOptionWithOthers = dropExclusive scores the other options', () => {
    const result = scoreDmaAnswers(SME, variant({ exclusiveOptionWithOthers: 'dropExclusive' }), { Q7: [2, 3] })
    expect(result.blocks.find((b) => b.id === 'Q7')).toMatchObject({ points: 10 / 7, inputs: { selected: 1, exclusiveSelected: false } })
    expect(result.rulesVersion).toBe('test')
  })

  it('unansweredRows = lowest scores a null row as 0 / "no"', () => {
    const rules = variant({ unansweredRows: 'lowest' })
    const result = scoreDmaAnswers(SME, rules, { Q9: [null, 5, null, null, null], Q11: [null, 'yes', null, null, null] })
    expect(result.dimensions.D5).toBe((5 / 25) * 10 * 10)
    expect(result.dimensions.D6).toBe(((0 + (1 / 5) * 10) / 2) * 10)
    expect(() => scoreDmaAnswers(SME, RULES, { Q9: [null, 5, null, null, null] })).toThrow(DmaValidationError)
  })

  it('block weights set the weight of "plan" against "already invested"', () => {
    const sme = RULES.instruments['eu-dma-sme']
    if (!sme) throw new Error('2024-r1 covers the SME instrument')
    const halfPlan: DmaRulesVersion = {
      ...RULES,
      instruments: {
        'eu-dma-sme': { ...sme, dimensions: { ...sme.dimensions, D1: sme.dimensions.D1.map((b) => (b.id === 'Q1.plan' ? { ...b, weight: 0.5 } : b)) } },
      },
    }
    const answers = { Q1: { plan: upTo(10), already: [] } }
    expect(scoreDmaAnswers(SME, RULES, answers).dimensions.D1).toBeCloseTo(((10 + 0 + 0) / 3) * 10, 12)
    expect(scoreDmaAnswers(SME, halfPlan, answers).dimensions.D1).toBeCloseTo(((0.5 * 10 + 0 + 0) / 2.5) * 10, 12)
  })

  it('refuses rules that do not cover the instrument', () => {
    const smeOnly: DmaRulesVersion = { ...RULES, instruments: { 'eu-dma-sme': RULES.instruments['eu-dma-sme'] } }
    expect(() => scoreDmaAnswers(PSO, smeOnly, {})).toThrow(/do not cover eu-dma-pso/)
  })
})
