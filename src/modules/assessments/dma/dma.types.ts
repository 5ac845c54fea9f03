/**
 * Shapes of the DMA data: instruments (questionnaires) and rules versions (how answers become
 * points). Both are plain data, so an official wording or an official scoring table is a new file,
 * not a code change (ADR 0019). Isomorphic: no Node imports anywhere in dma/.
 */
import type {
  DmaBandId,
  DmaDimensionId,
  DmaDualColumn,
  DmaInstrumentId,
  DmaQuestionType,
  DmaTristateValue,
} from '../assessments.contract'

export interface LocalizedText {
  readonly en: string
  readonly it: string
}

export interface DmaDimension {
  readonly id: DmaDimensionId
  readonly name: LocalizedText
  /** Column header of the EDIH reporting tool's spreadsheet (dma.md "Export"). */
  readonly exportLabel: string
}

export interface DmaQuestion {
  /** `Q1`..`Q11` or `P1`..`P11`: the key of the answers object. */
  readonly id: string
  readonly dimension: DmaDimensionId
  readonly type: DmaQuestionType
  readonly text: LocalizedText
  /** Options (checkbox) or rows (matrices), numbered from 1 in this order. */
  readonly options: readonly LocalizedText[]
  /** Dual matrices only: the two column headers. */
  readonly columns?: { readonly [C in DmaDualColumn]: LocalizedText }
  /**
   * Options that exclude every other option (SME Q7 option 2, "Data is not collected digitally"):
   * the UI clears the others when one is picked; what an answer with both means is a rules switch.
   */
  readonly exclusiveOptions?: readonly number[]
}

export interface DmaInstrument {
  readonly id: DmaInstrumentId
  /** Version of the questionnaire wording, stored with every assessment. */
  readonly version: string
  readonly title: LocalizedText
  /** Where the English text comes from. */
  readonly source: string
  /**
   * The Italian text is Ponte's own translation until the official Italian questionnaire is loaded
   * (as a new instrument version): the UI must say so, with `notice`.
   */
  readonly italian: { readonly official: boolean; readonly notice: LocalizedText }
  readonly dimensions: readonly DmaDimension[]
  readonly questions: readonly DmaQuestion[]
}

interface BlockRuleBase {
  /** Stable id of the block within its rules version, shown in score explanations. */
  readonly id: string
  readonly question: string
  /** Relative weight in the dimension mean (the "plan vs already invested" switch lives here). */
  readonly weight: number
}

/** n(selected) / denominator · 10; for a dual matrix, n of one column. */
export interface CountBlockRule extends BlockRuleBase {
  readonly formula: 'count'
  readonly column?: DmaDualColumn
  readonly denominator: number
}

/** n(selected options not in `exclude`) / denominator · 10 (SME Q7 without its option 2). */
export interface CountExcludingBlockRule extends BlockRuleBase {
  readonly formula: 'countExcluding'
  readonly exclude: readonly number[]
  readonly denominator: number
}

/** Σ row values (0-5) / max · 10. */
export interface Sum05BlockRule extends BlockRuleBase {
  readonly formula: 'sum05'
  readonly max: number
}

/** Σ row values (no/partially/yes → the rules' `tristateValues`) / max · 10. */
export interface TristateBlockRule extends BlockRuleBase {
  readonly formula: 'tristate'
  readonly max: number
}

export type DmaBlockRule = CountBlockRule | CountExcludingBlockRule | Sum05BlockRule | TristateBlockRule

export interface DmaInstrumentRules {
  /** Instrument versions these blocks were written for. */
  readonly instrumentVersions: readonly string[]
  readonly dimensions: { readonly [D in DmaDimensionId]: readonly DmaBlockRule[] }
}

export interface DmaBand {
  readonly id: DmaBandId
  /** Inclusive integer bounds, applied to the score rounded per `switches.bandRounding`. */
  readonly min: number
  readonly max: number
  readonly label: LocalizedText
}

/**
 * The open points of the reference ("Known open points"), as explicit switches. A later rules
 * version changes them as data; the engine implements every value listed here.
 */
export interface DmaRulesSwitches {
  /**
   * An exclusive option (SME Q7 option 2) selected together with another option:
   * `error` → a validation error (2024-r1); `dropExclusive` → the exclusive option is ignored and
   * the others are scored.
   */
  readonly exclusiveOptionWithOthers: 'error' | 'dropExclusive'
  /**
   * A `null` row in a 0-5 or tri-state matrix: `error` → a validation error (2024-r1);
   * `lowest` → scored as 0 / "no". A wrong number of rows is always an error.
   */
  readonly unansweredRows: 'error' | 'lowest'
  /** How a non-integer score meets the integer band bounds: `half-up` (2024-r1), `floor`, `ceil`. */
  readonly bandRounding: 'half-up' | 'floor' | 'ceil'
}

export interface DmaRulesVersion {
  /** Stored with every assessment, e.g. `2024-r1`. */
  readonly id: string
  readonly description: LocalizedText
  readonly switches: DmaRulesSwitches
  readonly tristateValues: { readonly [V in DmaTristateValue]: number }
  /** Lowest first; contiguous integer ranges covering 0-100. */
  readonly bands: readonly DmaBand[]
  readonly instruments: { readonly [I in DmaInstrumentId]?: DmaInstrumentRules }
}
