import { describe, expect, it } from 'vitest'
import { deriveJourneyStage, isJourneyStage } from './company-stage.calculation'

describe('deriveJourneyStage', () => {
  it.each([
    [[], 'contacted'],
    [['contacted'], 'contacted'],
    [['contacted', 'contacted'], 'contacted'],
    [['contacted', 'engaged'], 'engaged'],
    [['engaged', 'contacted'], 'engaged'],
    [['assessed'], 'assessed'],
    [['engaged', 'roadmap', 'assessed'], 'roadmap'],
    [['supported', 'contacted'], 'supported'],
    [['reassessed', 'supported', 'engaged'], 'reassessed'],
  ] as const)('%j → %s', (evidence, expected) => {
    expect(deriveJourneyStage(evidence)).toBe(expected)
  })

  it('refuses a stage that is not on the journey', () => {
    expect(() => deriveJourneyStage(['contacted', 'won'])).toThrow(/unknown journey stage/)
  })
})

describe('isJourneyStage', () => {
  it('knows the six stages and nothing else', () => {
    expect(isJourneyStage('roadmap')).toBe(true)
    expect(isJourneyStage('lead')).toBe(false)
  })
})
