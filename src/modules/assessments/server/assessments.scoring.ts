/**
 * The engine applied to stored answers: validation issues, the score (of the valid questions only
 * while a draft is partly invalid), interpretation texts and improvements, and the score columns.
 */
import { DMA_DIMENSION_IDS, type AssessmentScores, type DmaAnswerIssue, type DmaDimensionId, type DmaInstrumentId, type DmaScoreResult } from '../assessments.contract'
import {
  findDmaInstrument,
  findDmaRules,
  formatDmaIssue,
  getDmaInterpretation,
  listDmaImprovements,
  scoreNormalizedDmaAnswers,
  validateDmaAnswers,
  type DmaInstrument,
  type DmaRulesVersion,
} from '../assessments.reference'
import { AppError } from '../../../shared/app-error'

export interface Evaluation {
  issues: DmaAnswerIssue[]
  /** Null when nothing could be scored (answers not an object). */
  result: DmaScoreResult | null
  /** True when every answer validated (the score is final). */
  complete: boolean
  /** The answers that were scored (the valid questions). */
  scored: Record<string, unknown>
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Instrument and rules of a stored row; unknown ones are a data error, not a user mistake. */
export function engineOf(instrumentId: string, instrumentVersion: string, rulesVersion: string): { instrument: DmaInstrument; rules: DmaRulesVersion } {
  const instrument = findDmaInstrument(instrumentId, instrumentVersion)
  const rules = findDmaRules(rulesVersion)
  if (!instrument || !rules) throw new Error(`Unknown DMA instrument ${instrumentId}@${instrumentVersion} or rules ${rulesVersion}`)
  return { instrument, rules }
}

/**
 * Validates and scores answers. A question with an issue is left out of the score (a draft is
 * scored on what validates, never on a malformed answer read as zero).
 */
export function evaluateAnswers(instrument: DmaInstrument, rules: DmaRulesVersion, answers: unknown): Evaluation {
  const validation = validateDmaAnswers(instrument, rules, answers)
  if (validation.ok) {
    return { issues: [], result: scoreNormalizedDmaAnswers(instrument, rules, validation.answers), complete: true, scored: answers as Record<string, unknown> }
  }
  if (!isPlainObject(answers)) return { issues: validation.issues, result: null, complete: false, scored: {} }
  const bad = new Set(validation.issues.map((i) => i.question))
  const kept = Object.fromEntries(Object.entries(answers).filter(([question]) => !bad.has(question)))
  const again = validateDmaAnswers(instrument, rules, kept)
  return { issues: validation.issues, result: again.ok ? scoreNormalizedDmaAnswers(instrument, rules, again.answers) : null, complete: false, scored: kept }
}

/** The score columns of a row (all null when nothing was scored). */
/** The inverse of `scoreColumns` for the dimensions: a stored row's d1…d6 by dimension id. */
export function dimensionScoresOf(row: Record<'d1' | 'd2' | 'd3' | 'd4' | 'd5' | 'd6', number | null>): Record<DmaDimensionId, number | null> {
  return { D1: row.d1, D2: row.d2, D3: row.d3, D4: row.d4, D5: row.d5, D6: row.d6 }
}

export function scoreColumns(result: DmaScoreResult | null) {
  const d = (id: DmaDimensionId) => result?.dimensions[id] ?? null
  return {
    overall: result?.overall ?? null,
    band: result?.band ?? null,
    d1: d('D1'),
    d2: d('D2'),
    d3: d('D3'),
    d4: d('D4'),
    d5: d('D5'),
    d6: d('D6'),
    result: result as unknown as Record<string, unknown> | null,
  }
}

/** The scores as the API shows them, with texts in `locale`. */
export function scoresView(instrument: DmaInstrument, rules: DmaRulesVersion, evaluation: Evaluation, locale: 'it' | 'en'): AssessmentScores | null {
  const result = evaluation.result
  if (!result) return null
  const id = instrument.id as DmaInstrumentId
  const dimensions = Object.fromEntries(DMA_DIMENSION_IDS.map((d) => [d, getDmaInterpretation(id, d, result.dimensionBands[d])[locale]])) as Record<DmaDimensionId, string>
  return {
    complete: evaluation.complete,
    rulesVersion: result.rulesVersion,
    overall: result.overall,
    band: result.band,
    dimensions: result.dimensions,
    dimensionBands: result.dimensionBands,
    blocks: result.blocks,
    interpretation: { overall: getDmaInterpretation(id, 'overall', result.band)[locale], dimensions },
    improvements: listDmaImprovements(instrument, evaluation.scored, rules),
  }
}

/** Invalid answers on submit: one field error per problem, naming the question, in the user's language. */
export function invalidAnswersError(issues: readonly DmaAnswerIssue[], locale: 'it' | 'en'): AppError {
  return new AppError(
    'VALIDATION',
    'errors.assessmentAnswersInvalid',
    { count: issues.length },
    issues.map((issue) => ({ path: issue.question ? `answers.${issue.question}` : 'answers', message: formatDmaIssue(issue, locale) })),
  )
}
