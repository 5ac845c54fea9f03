/**
 * Input and output of the roadmap generation engine (`draftRoadmap`, ADR 0025). The output is
 * plain JSON (no class instances, no Dates, no undefined): stored roadmaps, the API and the CLI
 * serialise it as is, and a stored draft can be explained without re-running the engine.
 */
import type { DmaBandId, DmaDimensionId, DmaDualColumn, DmaInstrumentId, DmaTristateValue } from '../../assessments/assessments.contract'
import type { ActionCatalogue, ActionEffort, ActionTag, EdihServiceType, FundingInstrumentId, LocalizedText, RoadmapHorizon } from './catalogue.types'

/** A 1-5 rating (business importance of a dimension, feasibility of an action). */
export type RoadmapRating = 1 | 2 | 3 | 4 | 5

export interface RoadmapDraftInput {
  instrument: DmaInstrumentId
  /** The answers in the DMA answer format (as the assessments engine takes them); validated here. */
  answers: unknown
  /** Questionnaire version of the answers; default: the current one. */
  instrumentVersion?: string
  /** Scoring rules version (its bands give the default targets); default: the current one. */
  rulesVersion?: string
  /** Target score 0-100 per dimension; default: the lower bound of the next band. */
  targets?: Partial<Record<DmaDimensionId, number>>
  /** Business importance of each dimension for this organisation, 1-5 (default 3). */
  importance?: Partial<Record<DmaDimensionId, number>>
  /**
   * Feasibility 1-5 (cost, skills, time; default 3): per action id (wins) or per dimension (applies
   * to the actions moving that dimension).
   */
  feasibility?: { actions?: Record<string, number>; dimensions?: Partial<Record<DmaDimensionId, number>> }
  /** Default: the built-in catalogue. */
  catalogue?: ActionCatalogue
}

export interface RoadmapDimensionSummary {
  dimension: DmaDimensionId
  name: LocalizedText
  /** Unrounded 0-100 score of the answers. */
  score: number
  band: DmaBandId
  /** null in the top band without a custom target: there is no next band to reach. */
  target: number | null
  targetSource: 'next-band' | 'custom' | 'top-band'
  /** max(0, target − score); 0 without a target. */
  gap: number
  /** gap / 100, in 0-1: the first factor of every priority in this dimension. */
  gapWeight: number
  importance: RoadmapRating
  /** Items of the roadmap whose main dimension this is. */
  itemCount: number
}

/** One question's items an item should move: only those not yet in place. */
export interface RoadmapMove {
  dimension: DmaDimensionId
  question: string
  /** Dual matrices: the box that counts as in place. */
  column: DmaDualColumn | null
  /** 0-5 matrices: the row value from which it counts as in place; tri-state: the value. */
  level: number | DmaTristateValue | null
  items: number[]
}

/** How an item's priority was computed (for the dimension where it is highest). */
export interface RoadmapPriorityBreakdown {
  dimension: DmaDimensionId
  gap: number
  gapWeight: number
  importance: RoadmapRating
  feasibility: RoadmapRating
  /** gapWeight × importance × feasibility, in 0-25 (0 when the item moves no dimension with a gap). */
  priority: number
}

/**
 * Why an item is in the roadmap or where it is. `params` hold what the UI needs to render it in
 * any language (i18n key `roadmaps.reasons.<code>`); `text` is the same rendered in it and en.
 * - `gap`: it moves items of a dimension below its target;
 * - `prerequisite`: listed actions of the roadmap need it first;
 * - `guardBefore`: a guard puts it before the listed actions (`pulledIn`: the guard added it);
 * - `guardAfter`: a guard puts the listed actions before it.
 */
export type RoadmapReason =
  | { code: 'gap'; params: { dimension: DmaDimensionId; score: number; target: number; gap: number; openItems: number }; text: LocalizedText }
  | { code: 'prerequisite'; params: { for: string[] }; text: LocalizedText }
  | { code: 'guardBefore'; params: { guard: string; for: string[]; pulledIn: boolean }; text: LocalizedText }
  | { code: 'guardAfter'; params: { guard: string; after: string[] }; text: LocalizedText }

export type RoadmapReasonCode = RoadmapReason['code']

export interface RoadmapDraftItem {
  /** 1-based position: prerequisites and guards first, then horizon, priority, catalogue order. */
  order: number
  actionId: string
  title: LocalizedText
  /** Main dimension: where the priority comes from (without any gap, the first dimension it moves, D1..D6). */
  dimension: DmaDimensionId
  /** Why it was included: the first applicable of gap, prerequisite, guard. */
  origin: 'gap' | 'prerequisite' | 'guard'
  horizon: RoadmapHorizon
  /** Own priority (see RoadmapPriorityBreakdown), rounded to 4 decimals. */
  priority: number
  priorityBreakdown: RoadmapPriorityBreakdown
  /** Actions of this roadmap that must come before it (prerequisites and guards), in roadmap order. */
  after: string[]
  moves: RoadmapMove[]
  reasons: RoadmapReason[]
  effort: ActionEffort
  cost: { min: number; max: number }
  serviceType: EdihServiceType
  funding: FundingInstrumentId[]
  tags: ActionTag[]
}

export interface RoadmapDraft {
  /** Version of the generation rules (this engine); bump when the algorithm changes meaning. */
  engineVersion: string
  instrument: DmaInstrumentId
  instrumentVersion: string
  rulesVersion: string
  catalogueVersion: string
  overall: { score: number; band: DmaBandId }
  /** D1..D6 in order. */
  dimensions: RoadmapDimensionSummary[]
  items: RoadmapDraftItem[]
}

/** Problems with the non-answer input (unknown instrument, rating out of range...). */
export interface RoadmapInputIssue {
  code: 'unknownInstrument' | 'unknownRulesVersion' | 'rulesDoNotCoverInstrument' | 'targetOutOfRange' | 'ratingOutOfRange' | 'unknownAction'
  field: string
  value: string
}
