/**
 * The journey stage of a company (issue 3, "Journey stage derived from activity"): contacted →
 * engaged → assessed → roadmap → supported → reassessed. The stage is the furthest stage for which
 * the company has any evidence (a `company_activity` row); a company with no activity yet is
 * 'contacted', the default of a registered company. A later stage implies the earlier ones, so
 * evidence is not required for every step (a company first met at a support day is 'supported').
 */
import { JOURNEY_STAGES, type JourneyStage } from '../companies.reference'

const RANK: ReadonlyMap<string, number> = new Map(JOURNEY_STAGES.map((stage, i) => [stage, i]))

export function isJourneyStage(value: string): value is JourneyStage {
  return RANK.has(value)
}

/** The furthest of the evidenced stages; unknown stage names are a programming error. */
export function deriveJourneyStage(evidence: readonly string[]): JourneyStage {
  let furthest = 0
  for (const stage of evidence) {
    const rank = RANK.get(stage)
    if (rank === undefined) throw new Error(`unknown journey stage "${stage}"`)
    if (rank > furthest) furthest = rank
  }
  // JOURNEY_STAGES is non-empty and `furthest` is one of its indexes.
  return JOURNEY_STAGES[furthest] as JourneyStage
}
