import { describe, expect, it } from 'vitest'
import { EU_DMA_PSO_2024, EU_DMA_SME_2024, getDmaRules, scoreDmaAnswers, validateDmaAnswers } from '../assessments.reference'
import { demoDmaAnswers } from './assessments.seed'

function seeded(seed: number) {
  let a = seed
  return () => {
    a = (a * 1103515245 + 12345) % 2147483648
    return a / 2147483648
  }
}

describe('demo DMA answers', () => {
  it.each([EU_DMA_SME_2024, EU_DMA_PSO_2024])('are always valid for $id, and a higher maturity level scores higher on average', (instrument) => {
    const random = seeded(7)
    const mean = (level: number) => {
      let total = 0
      for (let i = 0; i < 60; i++) {
        const answers = demoDmaAnswers(instrument, level, random)
        expect(validateDmaAnswers(instrument, getDmaRules(), answers).ok).toBe(true)
        total += scoreDmaAnswers(instrument, getDmaRules(), answers).overall
      }
      return total / 60
    }
    const low = mean(0.15)
    const high = mean(0.75)
    expect(low).toBeLessThan(35)
    expect(high).toBeGreaterThan(55)
  })
})
