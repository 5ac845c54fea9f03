/**
 * Assessments imported from elsewhere (`mode: 'imported'`) carry the scores of the file and no
 * answers: their score result is rebuilt from the stored columns (no blocks to explain, no
 * improvements to suggest), never recomputed from the empty answers (which would score zero).
 */
import { DMA_DIMENSION_IDS, type DmaBandId, type DmaDimensionId, type DmaInstrumentId, type DmaScoreResult } from '../assessments.contract'
import { findDmaBand, type DmaRulesVersion } from '../assessments.reference'
import type { Evaluation } from './assessments.scoring'
import type { AssessmentRow } from './assessments.table'

export function isImported(row: Pick<AssessmentRow, 'mode'>): boolean {
  return row.mode === 'imported'
}

/** The stored scores of an imported row as a score result (null when it holds none). */
export function importedScoreResult(row: AssessmentRow, rules: DmaRulesVersion): DmaScoreResult | null {
  if (row.overall === null) return null
  const columns: Record<DmaDimensionId, number | null> = { D1: row.d1, D2: row.d2, D3: row.d3, D4: row.d4, D5: row.d5, D6: row.d6 }
  const dimensions = Object.fromEntries(DMA_DIMENSION_IDS.map((d) => [d, columns[d] ?? 0])) as Record<DmaDimensionId, number>
  return {
    instrument: row.instrumentId as DmaInstrumentId,
    instrumentVersion: row.instrumentVersion,
    rulesVersion: row.rulesVersion,
    dimensions,
    overall: row.overall,
    band: (row.band as DmaBandId | null) ?? findDmaBand(row.overall, rules),
    dimensionBands: Object.fromEntries(DMA_DIMENSION_IDS.map((d) => [d, findDmaBand(dimensions[d], rules)])) as Record<DmaDimensionId, DmaBandId>,
    blocks: [],
  }
}

/** The evaluation of an imported row: complete, no issues, nothing scored from answers. */
export function importedEvaluation(row: AssessmentRow, rules: DmaRulesVersion): Evaluation {
  return { issues: [], result: importedScoreResult(row, rules), complete: true, scored: {} }
}

/** No answers, nothing to suggest: an imported assessment lists no improvements. */
export function withoutImprovements<T extends { improvements: Record<string, unknown[]> } | null>(scores: T): T {
  if (!scores) return scores
  return { ...scores, improvements: Object.fromEntries(DMA_DIMENSION_IDS.map((d) => [d, []])) }
}
