/**
 * The roadmap generation engine: a pure, deterministic function from DMA answers (plus targets,
 * importance and feasibility) to an ordered, explained list of catalogue actions. ADR 0025 gives
 * the rules; in short:
 * 1. per dimension, gap = max(0, target − score); the target defaults to the lower bound of the
 *    next band of the rules version (none in the top band: gap 0);
 * 2. an action is "open" when at least one of its items is not in place; only open actions are
 *    ever suggested; an open action is a candidate when it moves a dimension with a gap;
 * 3. priority = gapWeight × importance × feasibility, gapWeight = gap / 100 (so 0-25), taken for
 *    the dimension where it is highest among those the action moves;
 * 4. open prerequisites of included actions are pulled in (transitively); guards of the catalogue
 *    pull in or order actions by tag (security before data expansion, skills alongside
 *    technology, strategy before large investments); repeated until nothing changes;
 * 5. order: topological along prerequisite and guard edges; among the actions free to go next,
 *    shorter horizon first, then higher effective priority (own or of anything waiting on it),
 *    then catalogue order. Same input, same output.
 */
import { DMA_DIMENSION_IDS, type DmaDimensionId, type DmaTristateValue } from '../../assessments/assessments.contract'
import {
  DmaValidationError,
  findDmaBand,
  findDmaInstrument,
  findDmaInstrumentRules,
  findDmaRules,
  scoreNormalizedDmaAnswers,
  validateDmaAnswers,
  type DmaInstrument,
  type DmaNormalizedAnswer,
} from '../../assessments/assessments.reference'
import { ACTION_CATALOGUE_2026_R1 } from './catalogue-2026-r1'
import type { ActionCatalogue, ActionItemRef, CatalogueAction, RoadmapGuard } from './catalogue.types'
import { renderReasonText } from './roadmap.reasons'
import type {
  RoadmapDimensionSummary,
  RoadmapDraft,
  RoadmapDraftInput,
  RoadmapDraftItem,
  RoadmapInputIssue,
  RoadmapMove,
  RoadmapPriorityBreakdown,
  RoadmapRating,
  RoadmapReason,
} from './roadmap.types'

export const ROADMAP_ENGINE_VERSION = '2026-1'
export const DEFAULT_ACTION_CATALOGUE: ActionCatalogue = ACTION_CATALOGUE_2026_R1
const DEFAULT_RATING: RoadmapRating = 3
const HORIZON_RANK = { quick: 0, medium: 1, long: 2 } as const
const TRISTATE_RANK: Record<DmaTristateValue, number> = { no: 0, partially: 1, yes: 2 }

/** Thrown on input other than the answers that cannot be used (answers throw DmaValidationError). */
export class RoadmapInputError extends Error {
  constructor(readonly issues: RoadmapInputIssue[]) {
    super(`Invalid roadmap input: ${issues.map((i) => `${i.field} ${i.code}`).join(', ')}`)
    this.name = 'RoadmapInputError'
  }
}

/** Float noise off (scores are sums of fractions), then 4 decimals for output. */
const snap = (value: number) => Math.round(value * 1e9) / 1e9
const round4 = (value: number) => Math.round(value * 1e4) / 1e4

function rating(value: number | undefined, field: string, issues: RoadmapInputIssue[]): RoadmapRating {
  if (value === undefined) return DEFAULT_RATING
  if (!Number.isInteger(value) || value < 1 || value > 5) {
    issues.push({ code: 'ratingOutOfRange', field, value: String(value) })
    return DEFAULT_RATING
  }
  return value as RoadmapRating
}

/** Items of one reference that are not in place (the whole point: never suggest what is there). */
function openItems(ref: ActionItemRef, answer: DmaNormalizedAnswer, catalogue: ActionCatalogue): number[] {
  switch (answer.type) {
    case 'checkbox':
      return ref.items.filter((item) => !answer.selected.includes(item))
    case 'dual': {
      const ticked = answer[ref.column ?? catalogue.inPlace.dual]
      return ref.items.filter((row) => !ticked.includes(row))
    }
    case 'scale05': {
      const level = ref.level ?? catalogue.inPlace.scale05
      return ref.items.filter((row) => (answer.values[row - 1] ?? 0) < level)
    }
    case 'tristate': {
      const needed = TRISTATE_RANK[catalogue.inPlace.tristate]
      return ref.items.filter((row) => TRISTATE_RANK[answer.values[row - 1] ?? 'no'] < needed)
    }
  }
}

function refLevel(ref: ActionItemRef, answer: DmaNormalizedAnswer, catalogue: ActionCatalogue): RoadmapMove['level'] {
  if (answer.type === 'scale05') return ref.level ?? catalogue.inPlace.scale05
  if (answer.type === 'tristate') return catalogue.inPlace.tristate
  return null
}

interface ActionState {
  action: CatalogueAction
  index: number
  /** Open items per question, in the action's reference order. */
  moves: RoadmapMove[]
  breakdown: RoadmapPriorityBreakdown
}

/** Stable "a before b" edge set keyed by target. */
class Edges {
  private readonly into = new Map<string, Set<string>>()
  add(from: string, to: string): void {
    const set = this.into.get(to) ?? new Set<string>()
    set.add(from)
    this.into.set(to, set)
  }
  before(to: string): ReadonlySet<string> {
    return this.into.get(to) ?? new Set()
  }
}

function resolveInstrument(input: RoadmapDraftInput, issues: RoadmapInputIssue[]): { instrument: DmaInstrument; rules: NonNullable<ReturnType<typeof findDmaRules>> } {
  const instrument = findDmaInstrument(input.instrument, input.instrumentVersion)
  const rules = findDmaRules(input.rulesVersion)
  if (!instrument) issues.push({ code: 'unknownInstrument', field: 'instrument', value: `${input.instrument}${input.instrumentVersion ? `@${input.instrumentVersion}` : ''}` })
  if (!rules) issues.push({ code: 'unknownRulesVersion', field: 'rulesVersion', value: String(input.rulesVersion) })
  if (instrument && rules && !findDmaInstrumentRules(rules, instrument)) issues.push({ code: 'rulesDoNotCoverInstrument', field: 'rulesVersion', value: rules.id })
  if (!instrument || !rules || issues.length > 0) throw new RoadmapInputError(issues)
  return { instrument, rules }
}

/**
 * Drafts a roadmap. Throws `DmaValidationError` on invalid answers and `RoadmapInputError` on any
 * other unusable input (unknown instrument or rules, target outside 0-100, rating outside 1-5,
 * feasibility for an unknown action).
 */
export function draftRoadmap(input: RoadmapDraftInput): RoadmapDraft {
  const issues: RoadmapInputIssue[] = []
  const { instrument, rules } = resolveInstrument(input, issues)
  const catalogue = input.catalogue ?? DEFAULT_ACTION_CATALOGUE

  const importance = {} as Record<DmaDimensionId, RoadmapRating>
  const dimensionFeasibility = {} as Record<DmaDimensionId, RoadmapRating>
  for (const d of DMA_DIMENSION_IDS) {
    importance[d] = rating(input.importance?.[d], `importance.${d}`, issues)
    dimensionFeasibility[d] = rating(input.feasibility?.dimensions?.[d], `feasibility.dimensions.${d}`, issues)
    const target = input.targets?.[d]
    if (target !== undefined && !(Number.isFinite(target) && target >= 0 && target <= 100)) issues.push({ code: 'targetOutOfRange', field: `targets.${d}`, value: String(target) })
  }
  const actionIds = new Set(catalogue.actions.map((a) => a.id))
  const actionFeasibility = new Map<string, RoadmapRating>()
  for (const [id, value] of Object.entries(input.feasibility?.actions ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (!actionIds.has(id)) issues.push({ code: 'unknownAction', field: `feasibility.actions.${id}`, value: id })
    else actionFeasibility.set(id, rating(value, `feasibility.actions.${id}`, issues))
  }
  if (issues.length > 0) throw new RoadmapInputError(issues)

  const validation = validateDmaAnswers(instrument, rules, input.answers)
  if (!validation.ok) throw new DmaValidationError(validation.issues)
  const answers = validation.answers
  const score = scoreNormalizedDmaAnswers(instrument, rules, answers)

  // 1. Gaps and targets.
  const summaries = DMA_DIMENSION_IDS.map((d): RoadmapDimensionSummary => {
    const value = score.dimensions[d]
    const band = findDmaBand(value, rules)
    const next = rules.bands[rules.bands.findIndex((b) => b.id === band) + 1]
    const custom = input.targets?.[d]
    const target = custom ?? next?.min ?? null
    const gap = target === null ? 0 : Math.max(0, snap(target - value))
    const name = instrument.dimensions.find((x) => x.id === d)?.name ?? { it: d, en: d }
    return {
      dimension: d,
      name: { it: name.it, en: name.en },
      score: value,
      band,
      target,
      targetSource: custom !== undefined ? 'custom' : next ? 'next-band' : 'top-band',
      gap,
      gapWeight: gap / 100,
      importance: importance[d],
      itemCount: 0,
    }
  })
  const summaryOf = new Map(summaries.map((s) => [s.dimension, s]))

  // 2. Open actions of this instrument, with their priority.
  const questionDimension = new Map(instrument.questions.map((q) => [q.id, q.dimension]))
  const open = new Map<string, ActionState>()
  catalogue.actions.forEach((action, index) => {
    const moves: RoadmapMove[] = []
    for (const ref of action.moves[instrument.id] ?? []) {
      const answer = answers[ref.question]
      const dimension = questionDimension.get(ref.question)
      if (!answer || !dimension) continue
      const items = openItems(ref, answer, catalogue)
      if (items.length > 0) moves.push({ dimension, question: ref.question, column: answer.type === 'dual' ? (ref.column ?? catalogue.inPlace.dual) : null, level: refLevel(ref, answer, catalogue), items })
    }
    if (moves.length === 0) return
    let best: RoadmapPriorityBreakdown | null = null
    for (const d of DMA_DIMENSION_IDS) {
      if (!moves.some((m) => m.dimension === d)) continue
      const summary = summaryOf.get(d)
      if (!summary) continue
      const feasibility = actionFeasibility.get(action.id) ?? dimensionFeasibility[d]
      const priority = summary.gapWeight * summary.importance * feasibility
      const candidate = { dimension: d, gap: summary.gap, gapWeight: summary.gapWeight, importance: summary.importance, feasibility, priority }
      if (!best || priority > best.priority) best = candidate
    }
    if (best) open.set(action.id, { action, index, moves, breakdown: best })
  })

  // 3. Closure: candidates, then prerequisites and guards until nothing changes.
  const included = new Map<string, 'gap' | 'prerequisite' | 'guard'>()
  for (const [id, state] of open) if (state.breakdown.gap > 0) included.set(id, 'gap')
  const edges = new Edges()
  const prerequisiteFor = new Map<string, Set<string>>()
  /** guard id → required action id → trigger action ids. */
  const guardLinks = new Map<string, Map<string, Set<string>>>()
  const alongsideChoice = new Map<string, string>()
  const byCatalogueOrder = (a: string, b: string) => (open.get(a)?.index ?? 0) - (open.get(b)?.index ?? 0)
  const byPriority = (a: string, b: string) => (open.get(b)?.breakdown.priority ?? 0) - (open.get(a)?.breakdown.priority ?? 0) || byCatalogueOrder(a, b)
  const link = (guard: RoadmapGuard, required: string, trigger: string) => {
    const perGuard = guardLinks.get(guard.id) ?? new Map<string, Set<string>>()
    const set = perGuard.get(required) ?? new Set<string>()
    set.add(trigger)
    perGuard.set(required, set)
    guardLinks.set(guard.id, perGuard)
    edges.add(required, trigger)
  }

  for (let changed = true, rounds = 0; changed; rounds += 1) {
    if (rounds > catalogue.actions.length + 1) throw new Error('Roadmap closure does not converge')
    changed = false
    const current = [...included.keys()].sort(byCatalogueOrder)
    for (const id of current) {
      for (const prerequisite of open.get(id)?.action.prerequisites ?? []) {
        // A prerequisite in place (or not applicable) is simply satisfied.
        if (!open.has(prerequisite)) continue
        edges.add(prerequisite, id)
        const set = prerequisiteFor.get(prerequisite) ?? new Set<string>()
        set.add(id)
        prerequisiteFor.set(prerequisite, set)
        if (!included.has(prerequisite)) {
          included.set(prerequisite, 'prerequisite')
          changed = true
        }
      }
    }
    for (const guard of catalogue.guards) {
      const triggers = [...included.keys()].filter((id) => open.get(id)?.action.tags.includes(guard.trigger)).sort(byCatalogueOrder)
      if (triggers.length === 0) continue
      const requiredOpen = [...open.keys()].filter((id) => open.get(id)?.action.tags.includes(guard.required))
      let required: string[]
      if (guard.kind === 'before') required = requiredOpen.sort(byCatalogueOrder)
      else {
        // One companion, chosen once: the best one already included, else the best open one.
        let choice = alongsideChoice.get(guard.id)
        if (!choice) {
          const present = requiredOpen.filter((id) => included.has(id)).sort(byPriority)
          choice = present[0] ?? requiredOpen.sort(byPriority)[0]
          if (choice) alongsideChoice.set(guard.id, choice)
        }
        required = choice ? [choice] : []
      }
      for (const r of required) {
        for (const t of triggers) link(guard, r, t)
        if (!included.has(r)) {
          included.set(r, 'guard')
          changed = true
        }
      }
    }
  }

  // 4. Order: Kahn's algorithm over the included actions.
  const ids = [...included.keys()]
  const dependants = new Map<string, string[]>(ids.map((id) => [id, []]))
  for (const id of ids) for (const from of edges.before(id)) if (included.has(from)) dependants.get(from)?.push(id)
  const effective = new Map<string, number>()
  const effectiveOf = (id: string, seen: Set<string>): number => {
    const known = effective.get(id)
    if (known !== undefined) return known
    if (seen.has(id)) throw new Error(`Ordering cycle through ${id}: the catalogue fails checkActionCatalogue`)
    seen.add(id)
    const value = Math.max(open.get(id)?.breakdown.priority ?? 0, ...(dependants.get(id) ?? []).map((d) => effectiveOf(d, seen)))
    seen.delete(id)
    effective.set(id, value)
    return value
  }
  for (const id of ids) effectiveOf(id, new Set())
  const waiting = new Map(ids.map((id) => [id, [...edges.before(id)].filter((from) => included.has(from)).length]))
  const rank = (id: string) => {
    const state = open.get(id)
    return { horizon: state ? HORIZON_RANK[state.action.horizon] : 0, priority: effective.get(id) ?? 0, index: state?.index ?? 0 }
  }
  const compare = (a: string, b: string) => {
    const x = rank(a)
    const y = rank(b)
    return x.horizon - y.horizon || y.priority - x.priority || x.index - y.index
  }
  const ordered: string[] = []
  const ready = ids.filter((id) => waiting.get(id) === 0)
  while (ready.length > 0) {
    ready.sort(compare)
    const next = ready.shift() as string
    ordered.push(next)
    for (const d of dependants.get(next) ?? []) {
      const left = (waiting.get(d) ?? 0) - 1
      waiting.set(d, left)
      if (left === 0) ready.push(d)
    }
  }
  if (ordered.length !== ids.length) throw new Error('Ordering cycle: the catalogue fails checkActionCatalogue')
  const position = new Map(ordered.map((id, i) => [id, i]))
  const inOrder = (set: Iterable<string>) => [...set].filter((id) => position.has(id)).sort((a, b) => (position.get(a) ?? 0) - (position.get(b) ?? 0))

  // 5. Items with their reasons.
  const titleOf = (id: string) => open.get(id)?.action.title ?? { it: id, en: id }
  const guardById = new Map(catalogue.guards.map((g) => [g.id, g]))
  const items = ordered.map((id, i): RoadmapDraftItem => {
    const state = open.get(id) as ActionState
    const { action, breakdown, moves } = state
    const reasons: RoadmapReason[] = []
    const summary = summaryOf.get(breakdown.dimension)
    if (breakdown.gap > 0 && summary && summary.target !== null) {
      const params = { dimension: breakdown.dimension, score: round4(summary.score), target: summary.target, gap: round4(summary.gap), openItems: moves.filter((m) => m.dimension === breakdown.dimension).reduce((n, m) => n + m.items.length, 0) }
      reasons.push({ code: 'gap', params, text: renderReasonText({ code: 'gap', params }, { dimensionName: summary.name, titleOf }) })
    }
    const needers = prerequisiteFor.get(id)
    if (needers && needers.size > 0) {
      const params = { for: inOrder(needers) }
      reasons.push({ code: 'prerequisite', params, text: renderReasonText({ code: 'prerequisite', params }, { titleOf }) })
    }
    for (const [guardId, perGuard] of guardLinks) {
      const guard = guardById.get(guardId) as RoadmapGuard
      const triggers = perGuard.get(id)
      if (triggers) {
        const params = { guard: guardId, for: inOrder(triggers), pulledIn: included.get(id) === 'guard' }
        reasons.push({ code: 'guardBefore', params, text: renderReasonText({ code: 'guardBefore', params }, { titleOf, guardName: guard.name }) })
      }
      const before = [...perGuard].filter(([, set]) => set.has(id)).map(([required]) => required)
      if (before.length > 0) {
        const params = { guard: guardId, after: inOrder(before) }
        reasons.push({ code: 'guardAfter', params, text: renderReasonText({ code: 'guardAfter', params }, { titleOf, guardName: guard.name }) })
      }
    }
    const dimension = breakdown.dimension
    const mainSummary = summaryOf.get(dimension)
    if (mainSummary) mainSummary.itemCount += 1
    return {
      order: i + 1,
      actionId: id,
      title: { it: action.title.it, en: action.title.en },
      dimension,
      origin: included.get(id) ?? 'gap',
      horizon: action.horizon,
      priority: round4(breakdown.priority),
      priorityBreakdown: { ...breakdown, gap: round4(breakdown.gap), gapWeight: round4(breakdown.gapWeight), priority: round4(breakdown.priority) },
      after: inOrder(edges.before(id)),
      moves: moves.map((m) => ({ ...m, items: [...m.items] })),
      reasons,
      effort: { level: action.effort.level, personDays: { ...action.effort.personDays } },
      cost: { ...action.cost },
      serviceType: action.serviceType,
      funding: [...action.funding],
      tags: [...action.tags],
    }
  })

  return {
    engineVersion: ROADMAP_ENGINE_VERSION,
    instrument: instrument.id,
    instrumentVersion: instrument.version,
    rulesVersion: rules.id,
    catalogueVersion: catalogue.id,
    overall: { score: score.overall, band: score.band },
    dimensions: summaries,
    items,
  }
}
