/**
 * Improvements: the unselected options and low rows that would raise each dimension, with gains
 * computed by hand from the 2024-r1 blocks (a block gains Δn/denominator·10 points; the dimension
 * gains that / number of blocks · 10; the overall score a sixth of it).
 */
import { describe, expect, it } from 'vitest'
import { DmaImprovement } from '../assessments.contract'
import { DMA_RULES_2024_R1 } from './dma-2024-r1.rules'
import { listDmaImprovements } from './dma.improvements'
import { DmaValidationError } from './dma.validate'
import { EU_DMA_PSO_2024 } from './eu-dma-pso-2024.instrument'
import { EU_DMA_SME_2024 } from './eu-dma-sme-2024.instrument'

const SME = EU_DMA_SME_2024
const PSO = EU_DMA_PSO_2024

describe('listDmaImprovements', () => {
  it('from empty SME answers, lists every option and row with its gain', () => {
    const result = listDmaImprovements(SME, {}, DMA_RULES_2024_R1)
    expect(Object.fromEntries(Object.entries(result).map(([d, items]) => [d, items.length]))).toEqual({ D1: 30, D2: 17, D3: 15, D4: 13, D5: 5, D6: 15 })
    const first = result.D1[0]
    expect(first).toEqual({ dimension: 'D1', question: 'Q1', column: 'plan', item: 1, change: 'select', from: null, to: null, dimensionPoints: expect.any(Number), overallPoints: expect.any(Number) })
    // One box of Q1: its block gains 1/10·10 = 1 point, D1 (3 blocks) 1/3·10, overall a sixth of that.
    expect(first?.dimensionPoints).toBeCloseTo(10 / 3, 10)
    expect(first?.overallPoints).toBeCloseTo(10 / 3 / 6, 10)
    expect(result.D1.filter((i) => i.question === 'Q1' && i.column === 'already')).toHaveLength(10)
    // Q4 row 0 → 5: the block gains 5/35·10, D2 (2 blocks) half of it × 10.
    const q4 = result.D2.find((i) => i.question === 'Q4' && i.item === 1)
    expect(q4).toMatchObject({ change: 'raise', from: 0, to: 5, column: null })
    expect(q4?.dimensionPoints).toBeCloseTo(50 / 7, 10)
    // Q9 row 0 → 5: 5/25·10 = 2 points, the only block of D5.
    expect(result.D5.every((i) => Math.abs(i.dimensionPoints - 20) < 1e-9)).toBe(true)
    // Q11 row no → yes: 1/5·10 = 2 points, D6 has 2 blocks.
    expect(result.D6.find((i) => i.question === 'Q11')).toMatchObject({ item: 1, change: 'raise', from: 'no', to: 'yes' })
    expect(result.D6.find((i) => i.question === 'Q11')?.dimensionPoints).toBeCloseTo(10, 10)
    // Q7: the seven options other than 2, each 1/7·10 points in a 2-block dimension.
    expect(result.D4.filter((i) => i.question === 'Q7').map((i) => i.item)).toEqual([1, 3, 4, 5, 6, 7, 8])
    expect(result.D4.find((i) => i.question === 'Q7')?.dimensionPoints).toBeCloseTo(50 / 7, 10)
    for (const items of Object.values(result)) for (const item of items) expect(DmaImprovement.parse(item)).toEqual(item)
  })

  it('lists only what is missing, with the gain from the current value', () => {
    const result = listDmaImprovements(SME, { Q4: [0, 0, 3, 0, 1, 0, 0], Q7: [2], Q11: ['no', 'partially', 'no', 'no', 'yes'] })
    const q4row3 = result.D2.find((i) => i.question === 'Q4' && i.item === 3)
    expect(q4row3).toMatchObject({ from: 3, to: 5 })
    expect(q4row3?.dimensionPoints).toBeCloseTo(((2 / 35) * 10 * 10) / 2, 10)
    expect(result.D6.filter((i) => i.question === 'Q11').map((i) => [i.item, i.from])).toEqual([
      [1, 'no'],
      [2, 'partially'],
      [3, 'no'],
      [4, 'no'],
    ])
    expect(result.D6.find((i) => i.question === 'Q11' && i.item === 2)?.dimensionPoints).toBeCloseTo(5, 10)
    // With option 2 picked, any other option replaces it (as in the UI) and counts from zero.
    expect(result.D4.filter((i) => i.question === 'Q7').map((i) => i.item)).toEqual([1, 3, 4, 5, 6, 7, 8])
    expect(result.D4.find((i) => i.question === 'Q7')?.dimensionPoints).toBeCloseTo(50 / 7, 10)
  })

  it('PSO: each box of P9 is worth 1/16·10 points in a 2-block dimension', () => {
    const result = listDmaImprovements(PSO, { P9: { plan: [1], already: [] } })
    expect(result.D5).toHaveLength(31)
    expect(result.D5.every((i) => Math.abs(i.dimensionPoints - 3.125) < 1e-9)).toBe(true)
    expect(result.D5.some((i) => i.column === 'plan' && i.item === 1)).toBe(false)
  })

  it('full answers leave nothing to improve', () => {
    const upTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1)
    const result = listDmaImprovements(PSO, {
      P1: upTo(10),
      P2: { plan: upTo(8), already: upTo(8) },
      P3: upTo(9),
      P4: [5, 5, 5, 5, 5, 5, 5, 5],
      P5: upTo(7),
      P6: upTo(10),
      P7: upTo(9),
      P8: upTo(6),
      P9: { plan: upTo(16), already: upTo(16) },
      P10: upTo(9),
      P11: ['yes', 'yes', 'yes', 'yes', 'yes'],
    })
    expect(Object.values(result).flat()).toEqual([])
  })

  it('refuses invalid answers', () => {
    expect(() => listDmaImprovements(SME, { Q7: [2, 3] })).toThrow(DmaValidationError)
  })
})
