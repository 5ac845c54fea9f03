/**
 * What would raise each dimension: every unselected option or box and every row below its top
 * value, with the points the dimension and the overall score would gain. Found by rescoring the
 * answers with that one change, so it holds for any rules version and formula. Feeds the results
 * page, the report's next steps and (later) roadmaps.
 */
import { DMA_DIMENSION_IDS, DMA_DUAL_COLUMNS, type DmaDimensionId, type DmaImprovement } from '../assessments.contract'
import { getDmaRules } from './dma.registry'
import { scoreNormalizedDmaAnswers } from './dma.score'
import type { DmaInstrument, DmaQuestion, DmaRulesVersion } from './dma.types'
import { DmaValidationError, validateDmaAnswers, type DmaNormalizedAnswer, type DmaNormalizedAnswers } from './dma.validate'

/** Gains below this are float noise, not a gain. */
const EPSILON = 1e-9

type Candidate = Pick<DmaImprovement, 'column' | 'item' | 'change' | 'from' | 'to'> & { answer: DmaNormalizedAnswer }

function candidates(question: DmaQuestion, answer: DmaNormalizedAnswer): Candidate[] {
  const items = question.options.map((_, index) => index + 1)
  switch (answer.type) {
    case 'checkbox': {
      // Picking an option clears an exclusive one (the UI does the same); exclusive options are
      // never a step up.
      const exclusive = question.exclusiveOptions ?? []
      const kept = answer.selected.filter((option) => !exclusive.includes(option))
      return items
        .filter((option) => !answer.selected.includes(option) && !exclusive.includes(option))
        .map((option) => ({
          column: null,
          item: option,
          change: 'select',
          from: null,
          to: null,
          answer: { type: 'checkbox', selected: [...kept, option].sort((a, b) => a - b) },
        }))
    }
    case 'dual':
      return DMA_DUAL_COLUMNS.flatMap((column) =>
        items
          .filter((row) => !answer[column].includes(row))
          .map((row) => ({ column, item: row, change: 'select' as const, from: null, to: null, answer: { ...answer, [column]: [...answer[column], row].sort((a, b) => a - b) } })),
      )
    case 'scale05':
      return items
        .filter((row) => (answer.values[row - 1] ?? 0) < 5)
        .map((row) => ({
          column: null,
          item: row,
          change: 'raise',
          from: answer.values[row - 1] ?? 0,
          to: 5,
          answer: { type: 'scale05', values: answer.values.map((value, index) => (index === row - 1 ? 5 : value)) },
        }))
    case 'tristate':
      return items
        .filter((row) => answer.values[row - 1] !== 'yes')
        .map((row) => ({
          column: null,
          item: row,
          change: 'raise',
          from: answer.values[row - 1] ?? 'no',
          to: 'yes',
          answer: { type: 'tristate', values: answer.values.map((value, index) => (index === row - 1 ? 'yes' : value)) },
        }))
  }
}

/**
 * Improvements per dimension, in questionnaire order (the caller sorts by gain if it wants).
 * Throws `DmaValidationError` on invalid answers. `rules` defaults to the current rules version.
 */
export function listDmaImprovements(
  instrument: DmaInstrument,
  answers: unknown,
  rules: DmaRulesVersion = getDmaRules(),
): Record<DmaDimensionId, DmaImprovement[]> {
  const validation = validateDmaAnswers(instrument, rules, answers)
  if (!validation.ok) throw new DmaValidationError(validation.issues)
  const current = scoreNormalizedDmaAnswers(instrument, rules, validation.answers)
  const result = Object.fromEntries(DMA_DIMENSION_IDS.map((d) => [d, [] as DmaImprovement[]])) as Record<DmaDimensionId, DmaImprovement[]>
  for (const question of instrument.questions) {
    const answer = validation.answers[question.id]
    if (!answer) throw new Error(`Normalised answers lack ${question.id}`)
    for (const { answer: changed, ...candidate } of candidates(question, answer)) {
      const next: DmaNormalizedAnswers = { ...validation.answers, [question.id]: changed }
      const scored = scoreNormalizedDmaAnswers(instrument, rules, next)
      const dimensionPoints = scored.dimensions[question.dimension] - current.dimensions[question.dimension]
      if (dimensionPoints <= EPSILON) continue
      result[question.dimension].push({ dimension: question.dimension, question: question.id, ...candidate, dimensionPoints, overallPoints: scored.overall - current.overall })
    }
  }
  return result
}
