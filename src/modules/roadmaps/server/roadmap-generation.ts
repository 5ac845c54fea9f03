/**
 * From the pure engine's draft (`draftRoadmap`) to a stored roadmap's first version: each draft
 * item becomes an editable item with a stable id, what it should move as DMA item keys (`Q8.5`),
 * and its reasons as one explained line in both languages. Also the gaps a stored roadmap shows,
 * from the assessment's scores and the version's targets.
 */
import { randomUUID } from 'node:crypto'
import { AppError } from '../../../shared/app-error'
import { DMA_DIMENSION_IDS, type DmaDimensionId } from '../../assessments/assessments.contract'
import type { RoadmapRecordItem, RoadmapTargets } from '../roadmap-records.contract'
import { draftRoadmap, RoadmapInputError } from '../roadmaps.reference'
import type { ActionCatalogue, RoadmapDraftItem } from '../roadmaps.reference'

export interface DraftSource {
  instrumentId: 'eu-dma-sme' | 'eu-dma-pso'
  instrumentVersion: string
  rulesVersion: string
  answers: unknown
}

export interface StoredDraft {
  catalogueVersion: string
  items: RoadmapRecordItem[]
  targets: RoadmapTargets
  importance: RoadmapTargets
}

function toItem(item: RoadmapDraftItem): RoadmapRecordItem {
  const moves = new Map<DmaDimensionId, string[]>()
  for (const move of item.moves) moves.set(move.dimension, [...(moves.get(move.dimension) ?? []), ...move.items.map((n) => `${move.question}.${n}`)])
  const [first] = item.reasons
  const params: Record<string, string | number> = {}
  for (const [key, value] of Object.entries(first?.params ?? {})) params[key] = Array.isArray(value) ? value.join(', ') : typeof value === 'boolean' ? String(value) : value
  return {
    id: randomUUID(),
    actionId: item.actionId,
    title: { it: item.title.it, en: item.title.en },
    dimension: item.dimension,
    moves: [...moves].map(([dimension, items]) => ({ dimension, items })),
    reason: first
      ? { code: first.code, params, text: { it: item.reasons.map((r) => r.text.it).join(' '), en: item.reasons.map((r) => r.text.en).join(' ') } }
      : null,
    horizon: item.horizon,
    priority: item.priority,
    owner: null,
    startOn: null,
    dueOn: null,
    status: 'planned',
    note: null,
  }
}

/**
 * A roadmap a company can act on: the engine lists every action that would close a gap (dozens
 * for a company early on its way); the first version keeps the highest-priority ones, each with
 * the actions it needs first (prerequisites and guards), up to `max` items, in the engine's order.
 * The rest stay in the catalogue for "Aggiungi intervento".
 */
export const ROADMAP_FIRST_VERSION_MAX_ITEMS = 12

export function focusDraftItems(items: readonly RoadmapDraftItem[], max = ROADMAP_FIRST_VERSION_MAX_ITEMS): RoadmapDraftItem[] {
  if (items.length <= max) return [...items]
  const byAction = new Map(items.map((i) => [i.actionId, i]))
  const closure = (actionId: string, into: Set<string>) => {
    if (into.has(actionId)) return
    const item = byAction.get(actionId)
    if (!item) return
    into.add(actionId)
    for (const before of item.after) closure(before, into)
  }
  const chosen = new Set<string>()
  const ranked = [...items].sort((a, b) => b.priority - a.priority || a.order - b.order)
  for (const item of ranked) {
    const needed = new Set(chosen)
    closure(item.actionId, needed)
    // An item whose prerequisites would overflow the roadmap waits for a later version.
    if (needed.size <= max) for (const id of needed) chosen.add(id)
    if (chosen.size >= max) break
  }
  return items.filter((i) => chosen.has(i.actionId))
}

/** The first version of a roadmap for these answers; bad targets or ratings are a validation error. */
export function draftRoadmapItems(source: DraftSource, targets?: RoadmapTargets, importance?: RoadmapTargets, catalogue?: ActionCatalogue): StoredDraft {
  try {
    const draft = draftRoadmap({
      instrument: source.instrumentId,
      answers: source.answers,
      instrumentVersion: source.instrumentVersion,
      rulesVersion: source.rulesVersion,
      ...(targets ? { targets } : {}),
      ...(importance ? { importance } : {}),
      ...(catalogue ? { catalogue } : {}),
    })
    return {
      catalogueVersion: draft.catalogueVersion,
      items: focusDraftItems(draft.items).map(toItem),
      // At the top band there is no next band: the target is the score itself (no gap).
      targets: Object.fromEntries(draft.dimensions.map((d) => [d.dimension, d.target ?? Math.round(d.score * 10) / 10])),
      importance: Object.fromEntries(draft.dimensions.map((d) => [d.dimension, d.importance])),
    }
  } catch (error) {
    if (error instanceof RoadmapInputError) {
      throw new AppError('VALIDATION', 'errors.validation', {}, error.issues.map((issue) => ({ path: issue.field, message: `errors.roadmapInput${issue.code.charAt(0).toUpperCase()}${issue.code.slice(1)}` })))
    }
    throw error
  }
}

/** Per dimension: score, target, gap (never below 0) and importance, D1..D6. */
export function roadmapGaps(scores: Record<DmaDimensionId, number | null>, targets: RoadmapTargets, importance: RoadmapTargets) {
  return DMA_DIMENSION_IDS.flatMap((dimension) => {
    const score = scores[dimension]
    if (score === null) return []
    const target = targets[dimension] ?? score
    return [{ dimension, score, target, gap: Math.max(0, Math.round((target - score) * 10) / 10), importance: importance[dimension] ?? 3 }]
  })
}
