/**
 * The DMA scoring engine: a pure function (instrument, rules version, answers) → dimension scores,
 * overall score, bands and the points of every block. Scores are unrounded; only the band lookup
 * rounds (rules switch `bandRounding`).
 */
import { DMA_DIMENSION_IDS, type DmaBandId, type DmaBlockScore, type DmaDimensionId, type DmaScoreResult } from '../assessments.contract'
import { scoreBlock } from './dma.formulas'
import { findDmaInstrumentRules } from './dma.registry'
import type { DmaInstrument, DmaRulesSwitches, DmaRulesVersion } from './dma.types'
import { DmaValidationError, validateDmaAnswers, type DmaNormalizedAnswers } from './dma.validate'

/**
 * Sums of float points carry binary noise (a true 25.5 may come out as 25.499999999999996), so the
 * score is snapped to 9 decimals before rounding: far below any difference one answer can make.
 */
function snap(score: number): number {
  return Math.round(score * 1e9) / 1e9
}

/** The integer a score is compared with the band bounds as. */
export function roundDmaScoreForBand(score: number, mode: DmaRulesSwitches['bandRounding']): number {
  const value = snap(score)
  switch (mode) {
    case 'half-up':
      return Math.floor(value + 0.5)
    case 'floor':
      return Math.floor(value)
    case 'ceil':
      return Math.ceil(value)
  }
}

/** The band of a 0-100 score (overall or dimension: same cut-offs). */
export function findDmaBand(score: number, rules: DmaRulesVersion): DmaBandId {
  const rounded = roundDmaScoreForBand(score, rules.switches.bandRounding)
  const band = rules.bands.find((b) => rounded >= b.min && rounded <= b.max)
  // Scores are 0-100 by construction and checkDmaRules makes the bands cover 0-100.
  if (!band) throw new Error(`Score ${score} is outside every band of rules ${rules.id}`)
  return band.id
}

/** Scores answers that `validateDmaAnswers` has normalised. */
export function scoreNormalizedDmaAnswers(instrument: DmaInstrument, rules: DmaRulesVersion, answers: DmaNormalizedAnswers): DmaScoreResult {
  const table = findDmaInstrumentRules(rules, instrument)
  if (!table) throw new Error(`Rules ${rules.id} do not cover ${instrument.id}@${instrument.version}`)
  const blocks: DmaBlockScore[] = []
  const dimensions = {} as Record<DmaDimensionId, number>
  const dimensionBands = {} as Record<DmaDimensionId, DmaBandId>
  for (const dimension of DMA_DIMENSION_IDS) {
    let weighted = 0
    let weights = 0
    for (const block of table.dimensions[dimension]) {
      const answer = answers[block.question]
      if (!answer) throw new Error(`Normalised answers lack ${block.question}`)
      const scored = scoreBlock(block, dimension, answer, rules)
      blocks.push(scored)
      weighted += scored.points * scored.weight
      weights += scored.weight
    }
    // Mean of 0-10 blocks × 10 → 0-100.
    dimensions[dimension] = (weighted / weights) * 10
    dimensionBands[dimension] = findDmaBand(dimensions[dimension], rules)
  }
  const overall = DMA_DIMENSION_IDS.reduce((total, d) => total + dimensions[d], 0) / DMA_DIMENSION_IDS.length
  return {
    instrument: instrument.id,
    instrumentVersion: instrument.version,
    rulesVersion: rules.id,
    dimensions,
    overall,
    band: findDmaBand(overall, rules),
    dimensionBands,
    blocks,
  }
}

/**
 * Validates and scores one assessment's answers (parsed JSON). Throws `DmaValidationError` with
 * every issue when the answers are invalid: they are never scored as zero.
 */
export function scoreDmaAnswers(instrument: DmaInstrument, rules: DmaRulesVersion, answers: unknown): DmaScoreResult {
  const validation = validateDmaAnswers(instrument, rules, answers)
  if (!validation.ok) throw new DmaValidationError(validation.issues)
  return scoreNormalizedDmaAnswers(instrument, rules, validation.answers)
}
