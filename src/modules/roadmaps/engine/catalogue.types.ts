/**
 * Shapes of the action catalogue: the concrete actions a roadmap is drafted from, each mapped to
 * the DMA items it moves, per instrument. A catalogue is versioned data (ADR 0025): editing it
 * makes a new version, and a drafted roadmap names the version it came from. Isomorphic: no Node
 * imports anywhere in engine/.
 */
import type { DmaDimensionId, DmaDualColumn, DmaInstrumentId } from '../../assessments/assessments.contract'
import type { LocalizedText } from '../../assessments/assessments.reference'

export type { LocalizedText }

/** Quick win (0-6 months), medium (6-18), long (18-36). */
export const ROADMAP_HORIZONS = ['quick', 'medium', 'long'] as const
export type RoadmapHorizon = (typeof ROADMAP_HORIZONS)[number]

/** The four EDIH service families (EDIH programme): what kind of help the hub gives for an action. */
export const EDIH_SERVICE_TYPES = ['test-before-invest', 'skills-training', 'investment-support', 'ecosystem-networking'] as const
export type EdihServiceType = (typeof EDIH_SERVICE_TYPES)[number]

/**
 * Tags the generation guards read (engine `roadmap.guards.ts`), plus a few for filtering.
 * - `security-baseline`: the minimum protection data expansion must wait for (policy, client data
 *   protection, off-site backup); `security`: any security action.
 * - `data-expansion`: collects, integrates or exposes more data (CRM, e-commerce, IoT, APIs...).
 * - `skills` / `technology`: a technology adoption is accompanied by a skills action.
 * - `strategy`: the strategic groundwork (needs, budget, management) large investments wait for.
 * - `large-investment`: typically above ~20k EUR or long horizon.
 * - `planning`, `green`, `customer`: descriptive only.
 */
export const ACTION_TAGS = ['security', 'security-baseline', 'data-expansion', 'skills', 'technology', 'strategy', 'large-investment', 'planning', 'green', 'customer'] as const
export type ActionTag = (typeof ACTION_TAGS)[number]

/** Italian funding instruments an action may be financed with (see `funding.ts` for the labels). */
export const FUNDING_INSTRUMENT_IDS = [
  'transizione-5-0',
  'voucher-digitali-pid',
  'nuova-sabatini',
  'fondo-nuove-competenze',
  'fondi-interprofessionali',
  'pnrr-pa-digitale',
  'bandi-regionali',
] as const
export type FundingInstrumentId = (typeof FUNDING_INSTRUMENT_IDS)[number]

export interface FundingInstrument {
  readonly id: FundingInstrumentId
  readonly name: LocalizedText
  readonly description: LocalizedText
  /** Who can use it: companies (SME instrument) and/or public sector organisations (PSO). */
  readonly instruments: readonly DmaInstrumentId[]
}

/**
 * DMA items an action moves, in one question. `items` are option numbers (checkbox) or row
 * numbers (matrices), from 1 as in the answer format. An item is "in place" when:
 * - checkbox: the option is selected;
 * - dual matrix: the row is ticked in `column` (default: the catalogue's `inPlace.dual`);
 * - 0-5 matrix: the row value is ≥ `level` (default: the catalogue's `inPlace.scale05`);
 * - tri-state matrix: the row is at least the catalogue's `inPlace.tristate`.
 */
export interface ActionItemRef {
  readonly question: string
  readonly items: readonly number[]
  /** Dual matrices only. */
  readonly column?: DmaDualColumn
  /** 0-5 matrices only, 1-5. */
  readonly level?: number
}

/** Effort on a 1-5 scale (label in `EFFORT_LABELS`) with an indicative range of person-days. */
export interface ActionEffort {
  readonly level: 1 | 2 | 3 | 4 | 5
  readonly personDays: { readonly min: number; readonly max: number }
}

export interface CatalogueAction {
  /** Stable slug: roadmaps store it, so it never changes meaning once published. */
  readonly id: string
  readonly title: LocalizedText
  readonly description: LocalizedText
  /** Items moved, per instrument; an action with no entry for an instrument does not apply to it. */
  readonly moves: { readonly [I in DmaInstrumentId]?: readonly ActionItemRef[] }
  /** Actions that must be in place (or come earlier in the roadmap) first. */
  readonly prerequisites: readonly string[]
  readonly horizon: RoadmapHorizon
  readonly effort: ActionEffort
  /** Indicative total cost in EUR (external spend, licences and equipment), not a quote. */
  readonly cost: { readonly min: number; readonly max: number }
  readonly serviceType: EdihServiceType
  readonly funding: readonly FundingInstrumentId[]
  readonly tags: readonly ActionTag[]
}

/** When an item counts as in place, for refs that do not say (see `ActionItemRef`). */
export interface InPlaceDefaults {
  readonly dual: DmaDualColumn
  readonly scale05: number
  readonly tristate: 'partially' | 'yes'
}

/**
 * A cross-dimension guard (issue 5): when the roadmap holds an action tagged `trigger`,
 * - `before`: every open action tagged `required` is pulled in and ordered before it;
 * - `alongside`: at least one action tagged `required` (the best already in the roadmap, else the
 *   best open one) is ordered before it, so the two run together.
 * Actions whose `required` items are all in place satisfy the guard by themselves.
 */
export interface RoadmapGuard {
  readonly id: string
  readonly kind: 'before' | 'alongside'
  readonly trigger: ActionTag
  readonly required: ActionTag
  readonly name: LocalizedText
}

export interface ActionCatalogue {
  /** e.g. `2026-r1`; stored with every drafted roadmap. */
  readonly id: string
  readonly description: LocalizedText
  readonly inPlace: InPlaceDefaults
  readonly guards: readonly RoadmapGuard[]
  readonly actions: readonly CatalogueAction[]
}

/** The dimension an item ref belongs to is its question's; exported for views. */
export type ActionDimensions = { readonly [I in DmaInstrumentId]?: readonly DmaDimensionId[] }
