/**
 * Consistency of an action catalogue against the DMA instruments: every item reference exists,
 * prerequisites exist and form no cycle (together with the guards' ordering edges, which the
 * engine adds), texts exist in both languages, every dimension can be served. The tests run it on
 * the built-in catalogue; admin edits will run it before publishing a new version.
 */
import { DMA_DIMENSION_IDS, DMA_DUAL_COLUMNS, DMA_INSTRUMENT_IDS, type DmaDimensionId, type DmaInstrumentId } from '../../assessments/assessments.contract'
import { getDmaInstrument, type DmaInstrument } from '../../assessments/assessments.reference'
import { FUNDING_INSTRUMENTS } from './catalogue.labels'
import { ACTION_TAGS, EDIH_SERVICE_TYPES, ROADMAP_HORIZONS, type ActionCatalogue, type CatalogueAction } from './catalogue.types'

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/

function defaultInstruments(): readonly DmaInstrument[] {
  return DMA_INSTRUMENT_IDS.map((id) => getDmaInstrument(id))
}

/** The instruments an action applies to (it has item references for them), in instrument order. */
export function actionInstruments(action: CatalogueAction): DmaInstrumentId[] {
  return DMA_INSTRUMENT_IDS.filter((id) => (action.moves[id]?.length ?? 0) > 0)
}

/** Dimensions an action moves in an instrument, in dimension order (unknown questions ignored). */
export function actionDimensions(action: CatalogueAction, instrument: DmaInstrument): DmaDimensionId[] {
  const questions = new Map(instrument.questions.map((q) => [q.id, q.dimension]))
  const found = new Set((action.moves[instrument.id] ?? []).map((ref) => questions.get(ref.question)))
  return DMA_DIMENSION_IDS.filter((d) => found.has(d))
}

/** Number of actions per dimension, per instrument. */
export function catalogueCoverage(catalogue: ActionCatalogue, instruments: readonly DmaInstrument[] = defaultInstruments()): Record<string, Record<DmaDimensionId, number>> {
  const result: Record<string, Record<DmaDimensionId, number>> = {}
  for (const instrument of instruments) {
    const counts = Object.fromEntries(DMA_DIMENSION_IDS.map((d) => [d, 0])) as Record<DmaDimensionId, number>
    for (const action of catalogue.actions) for (const d of actionDimensions(action, instrument)) counts[d] += 1
    result[instrument.id] = counts
  }
  return result
}

/** The first cycle found in a graph (edges from → to), as a path, or null. */
function findCycle(nodes: readonly string[], edges: ReadonlyMap<string, readonly string[]>): string[] | null {
  const state = new Map<string, 'visiting' | 'done'>()
  const stack: string[] = []
  const visit = (node: string): string[] | null => {
    if (state.get(node) === 'done') return null
    if (state.get(node) === 'visiting') return [...stack.slice(stack.indexOf(node)), node]
    state.set(node, 'visiting')
    stack.push(node)
    for (const next of edges.get(node) ?? []) {
      const cycle = visit(next)
      if (cycle) return cycle
    }
    stack.pop()
    state.set(node, 'done')
    return null
  }
  for (const node of nodes) {
    const cycle = visit(node)
    if (cycle) return cycle
  }
  return null
}

function checkText(problems: string[], where: string, text: { it?: unknown; en?: unknown } | undefined): void {
  for (const locale of ['it', 'en'] as const) {
    const value = text?.[locale]
    if (typeof value !== 'string' || value.trim() === '') problems.push(`${where}: ${locale} text is empty`)
  }
}

/** Problems of a catalogue (empty when consistent). `instruments` default to the current versions. */
export function checkActionCatalogue(catalogue: ActionCatalogue, instruments: readonly DmaInstrument[] = defaultInstruments()): string[] {
  const problems: string[] = []
  if (!catalogue.id.trim()) problems.push('catalogue id is empty')
  checkText(problems, 'catalogue description', catalogue.description)
  if (!DMA_DUAL_COLUMNS.includes(catalogue.inPlace.dual)) problems.push(`inPlace.dual ${catalogue.inPlace.dual} is not a column`)
  if (!Number.isInteger(catalogue.inPlace.scale05) || catalogue.inPlace.scale05 < 1 || catalogue.inPlace.scale05 > 5) problems.push('inPlace.scale05 must be 1-5')
  if (!['partially', 'yes'].includes(catalogue.inPlace.tristate)) problems.push('inPlace.tristate must be partially or yes')

  const byId = new Map<string, CatalogueAction>()
  for (const action of catalogue.actions) {
    if (!SLUG.test(action.id)) problems.push(`${action.id}: id must be a lower-case slug`)
    if (byId.has(action.id)) problems.push(`${action.id}: id is used twice`)
    byId.set(action.id, action)
  }
  const fundingById = new Map(FUNDING_INSTRUMENTS.map((f) => [f.id, f]))
  const instrumentById = new Map(instruments.map((i) => [i.id, i]))

  for (const action of catalogue.actions) {
    const at = action.id
    checkText(problems, `${at} title`, action.title)
    checkText(problems, `${at} description`, action.description)
    const applies = actionInstruments(action)
    if (applies.length === 0) problems.push(`${at}: moves no item of any instrument`)
    for (const key of Object.keys(action.moves)) if (!(DMA_INSTRUMENT_IDS as readonly string[]).includes(key)) problems.push(`${at}: unknown instrument ${key}`)
    for (const instrumentId of applies) {
      const instrument = instrumentById.get(instrumentId)
      if (!instrument) continue
      const questions = new Map(instrument.questions.map((q) => [q.id, q]))
      const seen = new Set<string>()
      for (const ref of action.moves[instrumentId] ?? []) {
        const where = `${at} ${instrumentId} ${ref.question}`
        const question = questions.get(ref.question)
        if (!question) {
          problems.push(`${where}: no such question`)
          continue
        }
        if (ref.items.length === 0) problems.push(`${where}: no items`)
        if (ref.column !== undefined && question.type !== 'dual') problems.push(`${where}: column is only for dual matrices`)
        if (ref.column !== undefined && !DMA_DUAL_COLUMNS.includes(ref.column)) problems.push(`${where}: unknown column ${ref.column}`)
        if (ref.level !== undefined && (question.type !== 'scale05' || !Number.isInteger(ref.level) || ref.level < 1 || ref.level > 5)) {
          problems.push(`${where}: level is 1-5 and only for 0-5 matrices`)
        }
        const column = question.type === 'dual' ? (ref.column ?? catalogue.inPlace.dual) : ''
        for (const item of ref.items) {
          if (!Number.isInteger(item) || item < 1 || item > question.options.length) problems.push(`${where}: item ${item} is out of range 1-${question.options.length}`)
          if (question.exclusiveOptions?.includes(item)) problems.push(`${where}: option ${item} is exclusive and cannot be a step up`)
          const key = `${ref.question}.${column}.${item}`
          if (seen.has(key)) problems.push(`${where}: item ${item} is listed twice`)
          seen.add(key)
        }
      }
    }
    for (const prerequisite of action.prerequisites) {
      const target = byId.get(prerequisite)
      if (prerequisite === at) problems.push(`${at}: is its own prerequisite`)
      else if (!target) problems.push(`${at}: prerequisite ${prerequisite} does not exist`)
      else {
        const missing = applies.filter((i) => !actionInstruments(target).includes(i))
        if (missing.length > 0) problems.push(`${at}: prerequisite ${prerequisite} does not apply to ${missing.join(', ')}`)
      }
    }
    if (new Set(action.prerequisites).size !== action.prerequisites.length) problems.push(`${at}: a prerequisite is listed twice`)
    if (!ROADMAP_HORIZONS.includes(action.horizon)) problems.push(`${at}: unknown horizon ${action.horizon}`)
    if (!EDIH_SERVICE_TYPES.includes(action.serviceType)) problems.push(`${at}: unknown service type ${action.serviceType}`)
    const { level, personDays } = action.effort
    if (![1, 2, 3, 4, 5].includes(level)) problems.push(`${at}: effort level must be 1-5`)
    if (!(personDays.min >= 0 && personDays.max >= personDays.min)) problems.push(`${at}: person-days range is invalid`)
    if (!(action.cost.min >= 0 && action.cost.max >= action.cost.min)) problems.push(`${at}: cost range is invalid`)
    for (const funding of action.funding) {
      const known = fundingById.get(funding)
      if (!known) problems.push(`${at}: unknown funding ${funding}`)
      else if (!known.instruments.some((i) => applies.includes(i))) problems.push(`${at}: funding ${funding} serves none of its instruments`)
    }
    if (new Set(action.funding).size !== action.funding.length) problems.push(`${at}: a funding instrument is listed twice`)
    for (const tag of action.tags) if (!ACTION_TAGS.includes(tag)) problems.push(`${at}: unknown tag ${tag}`)
    if (new Set(action.tags).size !== action.tags.length) problems.push(`${at}: a tag is listed twice`)
  }

  const guardIds = new Set<string>()
  for (const guard of catalogue.guards) {
    if (guardIds.has(guard.id)) problems.push(`guard ${guard.id} is defined twice`)
    guardIds.add(guard.id)
    checkText(problems, `guard ${guard.id} name`, guard.name)
    if (!['before', 'alongside'].includes(guard.kind)) problems.push(`guard ${guard.id}: unknown kind ${guard.kind}`)
    for (const tag of [guard.trigger, guard.required]) if (!ACTION_TAGS.includes(tag)) problems.push(`guard ${guard.id}: unknown tag ${tag}`)
    for (const action of catalogue.actions) {
      if (action.tags.includes(guard.trigger) && action.tags.includes(guard.required)) problems.push(`${action.id}: tagged both ${guard.trigger} and ${guard.required} (guard ${guard.id})`)
    }
  }

  // Ordering edges the engine may add: prerequisite → action, and every guard's required → trigger.
  // Per instrument, since an action only meets the actions of its own instrument in a roadmap.
  for (const instrumentId of DMA_INSTRUMENT_IDS) {
    const members = catalogue.actions.filter((a) => actionInstruments(a).includes(instrumentId))
    const edges = new Map<string, string[]>(members.map((a) => [a.id, []]))
    for (const action of members) for (const p of action.prerequisites) if (byId.has(p)) edges.get(p)?.push(action.id)
    for (const guard of catalogue.guards) {
      for (const from of members.filter((a) => a.tags.includes(guard.required))) {
        for (const to of members.filter((a) => a.tags.includes(guard.trigger))) edges.get(from.id)?.push(to.id)
      }
    }
    const cycle = findCycle(
      members.map((a) => a.id),
      edges,
    )
    if (cycle) problems.push(`${instrumentId}: ordering cycle ${cycle.join(' → ')}`)
  }

  for (const [instrumentId, counts] of Object.entries(catalogueCoverage(catalogue, instruments))) {
    for (const d of DMA_DIMENSION_IDS) if (counts[d] === 0) problems.push(`${instrumentId} ${d}: no action improves it`)
  }
  return problems
}
