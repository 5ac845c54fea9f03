/**
 * Table tests of every named block formula: inputs and points computed by hand (n/denominator·10,
 * Σv/max·10, Σt/max·10), independent of the engine.
 */
import { describe, expect, it } from 'vitest'
import { DMA_RULES_2024_R1 } from './dma-2024-r1.rules'
import { scoreBlock, scoreCount, scoreCountExcluding, scoreSum05, scoreTristate } from './dma.formulas'
import type { CountBlockRule, CountExcludingBlockRule, Sum05BlockRule, TristateBlockRule } from './dma.types'
import type { DmaNormalizedAnswer } from './dma.validate'

const TRISTATE = { no: 0, partially: 0.5, yes: 1 }

describe('count: n(selected) / denominator · 10', () => {
  const block = (denominator: number, column?: 'plan' | 'already'): CountBlockRule => ({ id: 'X', formula: 'count', question: 'X', denominator, weight: 1, column })
  it.each([
    { selected: [], denominator: 10, points: 0 },
    { selected: [1, 3, 5], denominator: 10, points: 3 },
    { selected: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], denominator: 10, points: 10 },
    { selected: [1, 2, 3, 4, 5, 6, 7], denominator: 7, points: 10 },
    { selected: [3], denominator: 7, points: 10 / 7 },
    { selected: [1, 2, 3, 4, 5], denominator: 8, points: 6.25 },
    { selected: [2, 5], denominator: 6, points: 20 / 6 },
    { selected: [1, 2, 3, 4, 5, 6, 7, 8, 9], denominator: 9, points: 10 },
  ])('checkbox $selected of $denominator → $points', ({ selected, denominator, points }) => {
    const result = scoreCount(block(denominator), { type: 'checkbox', selected })
    expect(result.inputs).toEqual({ selected: selected.length, denominator })
    expect(result.points).toBeCloseTo(points, 12)
  })

  it.each([
    { column: 'plan' as const, selected: 3, points: 3 },
    { column: 'already' as const, selected: 2, points: 2 },
  ])('dual matrix column $column counts that column only', ({ column, selected, points }) => {
    const answer: DmaNormalizedAnswer = { type: 'dual', plan: [1, 2, 6], already: [6, 8] }
    expect(scoreCount(block(10, column), answer)).toEqual({ inputs: { selected, denominator: 10 }, points })
  })

  it('PSO P9: 16 rows per column', () => {
    const answer: DmaNormalizedAnswer = { type: 'dual', plan: [1, 2, 3, 4], already: [] }
    expect(scoreCount(block(16, 'plan'), answer).points).toBe(2.5)
    expect(scoreCount(block(16, 'already'), answer).points).toBe(0)
  })

  it('refuses an answer of the wrong type (a dual matrix without a column, a scale)', () => {
    expect(() => scoreCount(block(10), { type: 'dual', plan: [], already: [] })).toThrow(/cannot read a dual/)
    expect(() => scoreCount(block(10, 'plan'), { type: 'checkbox', selected: [] })).toThrow()
    expect(() => scoreCount(block(10), { type: 'scale05', values: [0] })).toThrow()
  })
})

describe('countExcluding: n(selected outside the excluded options) / denominator · 10 (SME Q7)', () => {
  const q7: CountExcludingBlockRule = { id: 'Q7', formula: 'countExcluding', question: 'Q7', exclude: [2], denominator: 7, weight: 1 }
  it.each([
    { selected: [], counted: 0, exclusive: false, points: 0 },
    { selected: [2], counted: 0, exclusive: true, points: 0 },
    { selected: [3, 5], counted: 2, exclusive: false, points: 20 / 7 },
    { selected: [1], counted: 1, exclusive: false, points: 10 / 7 },
    { selected: [1, 3, 4, 5, 6, 7, 8], counted: 7, exclusive: false, points: 10 },
    // Only reachable under a rules version whose switch keeps option 2 with others.
    { selected: [1, 2, 3], counted: 2, exclusive: true, points: 20 / 7 },
  ])('$selected → $counted counted, $points points', ({ selected, counted, exclusive, points }) => {
    const result = scoreCountExcluding(q7, { type: 'checkbox', selected })
    expect(result.inputs).toEqual({ selected: counted, excluded: [2], exclusiveSelected: exclusive, denominator: 7 })
    expect(result.points).toBeCloseTo(points, 12)
  })

  it('refuses anything but a checkbox', () => {
    expect(() => scoreCountExcluding(q7, { type: 'scale05', values: [] })).toThrow()
  })
})

describe('sum05: Σ row values / max · 10', () => {
  const block = (max: number): Sum05BlockRule => ({ id: 'S', formula: 'sum05', question: 'S', max, weight: 1 })
  it.each([
    { values: [0, 0, 0, 0, 0, 0, 0], max: 35, sum: 0, points: 0 },
    { values: [0, 0, 3, 0, 1, 0, 0], max: 35, sum: 4, points: 40 / 35 },
    { values: [5, 5, 5, 5, 5, 5, 5], max: 35, sum: 35, points: 10 },
    { values: [0, 0, 0, 0, 2], max: 25, sum: 2, points: 0.8 },
    { values: [1, 2, 3, 4, 5], max: 25, sum: 15, points: 6 },
    { values: [5, 5, 5, 5, 5, 5, 5, 5], max: 40, sum: 40, points: 10 },
    { values: [1, 0, 0, 0, 0, 0, 0, 0], max: 40, sum: 1, points: 0.25 },
  ])('$values of $max → $points', ({ values, max, sum, points }) => {
    const result = scoreSum05(block(max), { type: 'scale05', values })
    expect(result.inputs).toEqual({ sum, max })
    expect(result.points).toBeCloseTo(points, 12)
  })

  it('refuses anything but a 0-5 matrix', () => {
    expect(() => scoreSum05(block(25), { type: 'tristate', values: [] })).toThrow()
  })
})

describe('tristate: Σ (no 0, partially 0.5, yes 1) / max · 10', () => {
  const block: TristateBlockRule = { id: 'T', formula: 'tristate', question: 'T', max: 5, weight: 1 }
  it.each([
    { values: ['no', 'no', 'no', 'no', 'no'] as const, sum: 0, points: 0 },
    { values: ['no', 'partially', 'no', 'no', 'yes'] as const, sum: 1.5, points: 3 },
    { values: ['partially', 'partially', 'partially', 'partially', 'partially'] as const, sum: 2.5, points: 5 },
    { values: ['yes', 'yes', 'yes', 'yes', 'yes'] as const, sum: 5, points: 10 },
    { values: ['yes', 'yes', 'yes', 'partially', 'no'] as const, sum: 3.5, points: 7 },
  ])('$values → $points', ({ values, sum, points }) => {
    const result = scoreTristate(block, { type: 'tristate', values: [...values] }, TRISTATE)
    expect(result.inputs).toEqual({ sum, max: 5 })
    expect(result.points).toBeCloseTo(points, 12)
  })

  it('uses the values of the rules version', () => {
    const result = scoreTristate(block, { type: 'tristate', values: ['partially', 'no', 'no', 'no', 'no'] }, { no: 0, partially: 0.25, yes: 1 })
    expect(result.points).toBe(0.5)
  })

  it('refuses anything but a tri-state matrix', () => {
    expect(() => scoreTristate(block, { type: 'scale05', values: [] }, TRISTATE)).toThrow()
  })
})

describe('scoreBlock', () => {
  it('names the formula, the dimension and the column of each block', () => {
    const dual: DmaNormalizedAnswer = { type: 'dual', plan: [1], already: [] }
    expect(scoreBlock({ id: 'Q1.plan', formula: 'count', question: 'Q1', column: 'plan', denominator: 10, weight: 1 }, 'D1', dual, DMA_RULES_2024_R1)).toEqual({
      id: 'Q1.plan',
      dimension: 'D1',
      question: 'Q1',
      weight: 1,
      formula: 'count',
      column: 'plan',
      inputs: { selected: 1, denominator: 10 },
      points: 1,
    })
    const tri: DmaNormalizedAnswer = { type: 'tristate', values: ['yes', 'no', 'no', 'no', 'no'] }
    expect(scoreBlock({ id: 'Q11', formula: 'tristate', question: 'Q11', max: 5, weight: 1 }, 'D6', tri, DMA_RULES_2024_R1)).toMatchObject({
      formula: 'tristate',
      column: null,
      inputs: { sum: 1, max: 5 },
      points: 2,
    })
  })
})
