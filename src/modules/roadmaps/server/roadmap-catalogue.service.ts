/**
 * The action catalogue in use and its admin edits (ADR 0025). Reading: any signed-in user (it is
 * network-wide reference data, no unit owns it). Editing: network admins only; every edit writes a
 * new version row with all actions, after the same checks the built-in catalogue passes in tests,
 * and is audited. The newest version is the one roadmaps are drafted from; with no rows, the
 * built-in version.
 */
import { count, desc, sql } from 'drizzle-orm'
import { AppError } from '../../../shared/app-error'
import type { Db } from '../../../server/db/client'
import type { RequestContext } from '../../../server/http/context'
import { findUserNames, isNetworkAdmin, type Actor } from '../../identity'
import type { RoadmapCatalogue, RoadmapCatalogueEditInput, RoadmapCatalogueVersionList } from '../roadmap-catalogue.contract'
import { checkActionCatalogue, DEFAULT_ACTION_CATALOGUE, type ActionCatalogue, type CatalogueAction } from '../roadmaps.reference'
import { roadmapCatalogueVersions } from './roadmap-catalogue.table'

type VersionRow = typeof roadmapCatalogueVersions.$inferSelect

function requireActor(ctx: RequestContext): Actor {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED', 'errors.unauthenticated')
  return ctx.actor
}

function requireAdmin(ctx: RequestContext): Actor {
  const actor = requireActor(ctx)
  if (!isNetworkAdmin(actor)) throw new AppError('FORBIDDEN', 'errors.forbidden')
  return actor
}

/** Newest first: by time, then by edit number (`2026-r1.10` after `2026-r1.9`, same clock tick). */
const NEWEST_FIRST = [desc(roadmapCatalogueVersions.createdAt), desc(sql`length(${roadmapCatalogueVersions.id})`), desc(roadmapCatalogueVersions.id)]

async function latestRow(db: Db): Promise<VersionRow | undefined> {
  const [row] = await db.select().from(roadmapCatalogueVersions).orderBy(...NEWEST_FIRST).limit(1)
  return row
}

function fromRow(row: VersionRow | undefined): ActionCatalogue {
  if (!row) return DEFAULT_ACTION_CATALOGUE
  // Guards, in-place defaults and the description are not edited: they come from the built-in version.
  return { ...DEFAULT_ACTION_CATALOGUE, id: row.id, actions: row.actions }
}

/** The catalogue roadmaps are drafted from now (for other server code: no actor check). */
export async function loadActionCatalogue(db: Db): Promise<ActionCatalogue> {
  return fromRow(await latestRow(db))
}

export async function getRoadmapCatalogue(ctx: RequestContext): Promise<RoadmapCatalogue> {
  requireActor(ctx)
  const row = await latestRow(ctx.db)
  const catalogue = fromRow(row)
  const names = row ? await findUserNames(ctx.db, [row.createdBy]) : new Map<string, string>()
  return {
    id: catalogue.id,
    source: row ? 'edited' : 'built-in',
    description: catalogue.description,
    inPlace: catalogue.inPlace,
    guards: catalogue.guards.map((g) => ({ ...g })),
    actions: catalogue.actions.map((a) => structuredClone(a) as RoadmapCatalogue['actions'][number]),
    note: row?.note ?? null,
    createdAt: row?.createdAt.toISOString() ?? null,
    createdByName: row ? (names.get(row.createdBy) ?? null) : null,
  }
}

export async function listRoadmapCatalogueVersions(ctx: RequestContext): Promise<RoadmapCatalogueVersionList> {
  requireActor(ctx)
  const rows = await ctx.db.select().from(roadmapCatalogueVersions).orderBy(...NEWEST_FIRST)
  const names = await findUserNames(ctx.db, [...new Set(rows.map((r) => r.createdBy))])
  return {
    items: [
      ...rows.map((r) => ({ id: r.id, basedOn: r.basedOn, source: 'edited' as const, actionId: r.actionId, note: r.note, createdAt: r.createdAt.toISOString(), createdByName: names.get(r.createdBy) ?? null })),
      { id: DEFAULT_ACTION_CATALOGUE.id, basedOn: null, source: 'built-in', actionId: null, note: null, createdAt: null, createdByName: null },
    ],
  }
}

/** Writes the next version with `actions`, after the catalogue checks; audited. */
async function publish(ctx: RequestContext, input: RoadmapCatalogueEditInput, change: (actions: CatalogueAction[]) => CatalogueAction[], auditAction: 'create' | 'update'): Promise<RoadmapCatalogue> {
  const actor = requireAdmin(ctx)
  await ctx.db.transaction(async (tx) => {
    const current = fromRow(await latestRow(tx))
    if (input.baseVersion !== current.id) {
      throw new AppError('CONFLICT', 'errors.roadmapCatalogueChanged', { version: current.id })
    }
    const actions = change(current.actions.map((a) => structuredClone(a) as CatalogueAction))
    const next: ActionCatalogue = { ...current, actions }
    const problems = checkActionCatalogue(next)
    if (problems.length > 0) {
      throw new AppError('VALIDATION', 'errors.roadmapCatalogueInvalid', { problems: problems.join('; ') }, problems.map((p) => ({ path: 'action', message: p })))
    }
    const [{ n } = { n: 0 }] = await tx.select({ n: count() }).from(roadmapCatalogueVersions)
    const id = `${DEFAULT_ACTION_CATALOGUE.id}.${Number(n) + 1}`
    // Two admins publishing at once compute the same id: the primary key refuses the second.
    const inserted = await tx
      .insert(roadmapCatalogueVersions)
      .values({ id, basedOn: current.id, actions, note: input.note, actionId: input.action.id, createdBy: actor.userId, createdAt: ctx.now() })
      .onConflictDoNothing()
      .returning()
    if (inserted.length === 0) throw new AppError('CONFLICT', 'errors.roadmapCatalogueChanged', { version: id })
    const before = current.actions.find((a) => a.id === input.action.id) ?? null
    await ctx.deps.audit.record(tx, ctx, { action: auditAction, entityType: 'roadmap_catalogue_action', entityId: input.action.id, before, after: { ...input.action, catalogueVersion: id, note: input.note } })
  })
  return getRoadmapCatalogue(ctx)
}

export async function updateCatalogueAction(ctx: RequestContext, actionId: string, input: RoadmapCatalogueEditInput): Promise<RoadmapCatalogue> {
  requireAdmin(ctx)
  if (input.action.id !== actionId) {
    throw new AppError('VALIDATION', 'errors.roadmapCatalogueIdChanged', {}, [{ path: 'action.id', message: 'errors.roadmapCatalogueIdChanged' }])
  }
  return publish(
    ctx,
    input,
    (actions) => {
      const index = actions.findIndex((a) => a.id === actionId)
      if (index < 0) throw new AppError('NOT_FOUND', 'errors.notFound')
      actions[index] = input.action as CatalogueAction
      return actions
    },
    'update',
  )
}

export async function createCatalogueAction(ctx: RequestContext, input: RoadmapCatalogueEditInput): Promise<RoadmapCatalogue> {
  return publish(
    ctx,
    input,
    (actions) => {
      if (actions.some((a) => a.id === input.action.id)) {
        throw new AppError('CONFLICT', 'errors.roadmapCatalogueActionExists', { id: input.action.id }, [{ path: 'action.id', message: 'errors.roadmapCatalogueActionExists' }])
      }
      return [...actions, input.action as CatalogueAction]
    },
    'create',
  )
}

