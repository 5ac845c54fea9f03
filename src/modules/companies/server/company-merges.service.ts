/**
 * Merging two companies that are the same firm (issue 3, "a merge screen that chooses field by
 * field and moves contacts, interactions and all later records; merges are audited and can be
 * undone").
 *
 * Rules:
 * - The caller must be able to change both companies; neither may be archived or already merged.
 * - The survivor takes, field by field, its own value or the merged company's (MERGE_FIELDS), goes
 *   through the same derived columns as an edit (size, ATECO section, place, search keys), and
 *   keeps its partita IVA: partita IVA is unique in the network and the merged company keeps its
 *   own on its archived row (`merged_into_id` = survivor), which is what lets the merge be undone.
 *   To keep the other partita IVA, the other company is made the survivor.
 * - Every module that points at companies moves its records through its mover
 *   (`ctx.deps.companyReferences`); company members move here. `company_merges.moved` keeps, per
 *   mover, `{ token, count }`: the mover's own undo token and how many records it moved.
 * - Undo restores both companies to their snapshots and calls each mover's undo, in one
 *   transaction; it is refused when either company changed after the merge (its `updated_at`
 *   differs from the merge's time), since restoring the snapshot would silently drop that change.
 */
import { and, desc, eq, inArray, lt, or, sql, type SQL } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import { AppError } from '../../../shared/app-error'
import type { Db } from '../../../server/db/client'
import type { RequestContext } from '../../../server/http/context'
import { cursorTime, decodeCursor, encodeCursor } from '../../../server/http/cursor'
import { canWriteUnitData, dataPathPrefixes, findUnit, loadActor, unitIdsUnder, type Actor } from '../../identity'
import type { CompanyMerge, MergeChoices, MergeCreateInput, MergePreview } from '../company-duplicates.contract'
import { MERGE_FIELDS } from '../company-duplicates.contract'
import { auditable, derivedColumns, getScopedRow, placeOf, writableUnit } from './companies.service'
import { companies, companyMembers, companyMerges, type CompanyRow } from './companies.table'
import { listCustomFieldDefinitions } from './custom-fields.service'

type MergeRow = typeof companyMerges.$inferSelect
type Snapshot = Record<string, unknown>

const MEMBERS_MOVER = 'company_members'

function requireStaff(ctx: RequestContext): Actor {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED', 'errors.unauthenticated')
  if (dataPathPrefixes(ctx.actor).length === 0) throw new AppError('FORBIDDEN', 'errors.forbidden')
  return ctx.actor
}

/** The whole row as JSON (dates as ISO strings), minus the generated search vectors. */
function snapshotOf(row: CompanyRow): Snapshot {
  const { searchVector: _v, nameVector: _n, ...rest } = row
  return JSON.parse(JSON.stringify(rest)) as Snapshot
}

/** The columns to write back from a snapshot. */
function rowFromSnapshot(snapshot: Snapshot) {
  const { id: _id, searchVector: _v, nameVector: _n, ...rest } = snapshot
  const date = (v: unknown) => (typeof v === 'string' ? new Date(v) : null)
  return {
    ...(rest as Omit<CompanyRow, 'id' | 'searchVector' | 'nameVector'>),
    archivedAt: date(rest.archivedAt),
    createdAt: date(rest.createdAt) ?? new Date(0),
    updatedAt: date(rest.updatedAt) ?? new Date(0),
  }
}

/** Both companies, readable and writable by the actor, in a state that can be merged. */
async function loadPair(tx: Db, actor: Actor, survivorId: string, mergedId: string) {
  const survivor = await getScopedRow(tx, actor, survivorId)
  const merged = await getScopedRow(tx, actor, mergedId)
  if (!canWriteUnitData(actor, survivor.unit.path) || !canWriteUnitData(actor, merged.unit.path)) {
    throw new AppError('FORBIDDEN', 'errors.forbidden')
  }
  if (survivor.row.id === merged.row.id) {
    throw new AppError('VALIDATION', 'errors.mergeSameCompany', {}, [{ path: 'mergedId', message: 'errors.mergeSameCompany' }])
  }
  for (const side of [survivor, merged]) {
    if (side.row.archivedAt || side.row.mergedIntoId) {
      throw new AppError('CONFLICT', 'errors.mergeCompanyInactive', { name: side.row.name })
    }
  }
  return { survivor, merged }
}

/** The survivor's new field values, from the choices (left out = the survivor's own). */
export function chooseFields(survivor: CompanyRow, merged: CompanyRow, choices: MergeChoices) {
  const pick = <K extends keyof CompanyRow>(field: (typeof MERGE_FIELDS)[number], ...keys: K[]) => {
    const from = choices[field] === 'merged' ? merged : survivor
    return Object.fromEntries(keys.map((k) => [k, from[k]])) as Pick<CompanyRow, K>
  }
  const tags =
    choices.tags === 'merged' ? merged.tags : choices.tags === 'union' ? [...new Set([...survivor.tags, ...merged.tags])] : survivor.tags
  const notes =
    choices.notes === 'merged'
      ? merged.notes
      : choices.notes === 'concat'
        ? [survivor.notes, merged.notes].filter((n): n is string => Boolean(n && n.trim())).join('\n\n') || null
        : survivor.notes
  const customFields: Record<string, unknown> = { ...survivor.customFields }
  for (const [key, side] of Object.entries(choices.customFields ?? {})) {
    if (side !== 'merged') continue
    if (merged.customFields[key] === undefined) delete customFields[key]
    else customFields[key] = merged.customFields[key]
  }
  return {
    ...pick('name', 'name'),
    ...pick('taxCode', 'taxCode'),
    ...pick('legalForm', 'legalForm'),
    ...pick('isCooperative', 'isCooperative'),
    ...pick('ateco', 'atecoEdition', 'atecoCode'),
    ...pick('employees', 'employees'),
    ...pick('turnover', 'turnover'),
    ...pick('balanceSheetTotal', 'balanceSheetTotal'),
    ...pick('foundingYear', 'foundingYear'),
    ...pick('sizeOverride', 'sizeOverride'),
    ...pick('unit', 'unitId'),
    ...pick('place', 'address', 'comuneIstat', 'latitude', 'longitude'),
    ...pick('website', 'website'),
    ...pick('email', 'email'),
    ...pick('pec', 'pec'),
    ...pick('phone', 'phone'),
    ...pick('description', 'description'),
    vatNumber: survivor.vatNumber,
    tags,
    notes,
    customFields,
  }
}

/** The choices as stored and shown: every field with its side. */
function flatChoices(choices: MergeChoices): Record<string, string> {
  const out: Record<string, string> = {}
  for (const field of MERGE_FIELDS) out[field] = choices[field] ?? 'survivor'
  out.vatNumber = 'survivor'
  out.tags = choices.tags ?? 'survivor'
  out.notes = choices.notes ?? 'survivor'
  for (const [key, side] of Object.entries(choices.customFields ?? {})) out[`customFields.${key}`] = side
  return out
}

interface MembersToken {
  from: string
  to: string
  /** Members of `from` now linked to `to`. */
  moved: string[]
  /** Members of `from` already linked to `to` (their `from` link was dropped). */
  dropped: string[]
}

async function moveMembers(tx: Db, from: string, to: string, actorId: string): Promise<MembersToken> {
  const members = await tx.select().from(companyMembers).where(eq(companyMembers.companyId, from))
  const existing = new Set(
    (await tx.select({ userId: companyMembers.userId }).from(companyMembers).where(eq(companyMembers.companyId, to))).map((m) => m.userId),
  )
  const moved = members.filter((m) => !existing.has(m.userId)).map((m) => m.userId)
  const dropped = members.filter((m) => existing.has(m.userId)).map((m) => m.userId)
  if (members.length > 0) await tx.delete(companyMembers).where(eq(companyMembers.companyId, from))
  if (moved.length > 0) await tx.insert(companyMembers).values(moved.map((userId) => ({ companyId: to, userId, createdBy: actorId })))
  return { from, to, moved, dropped }
}

async function undoMoveMembers(tx: Db, token: MembersToken, actorId: string) {
  if (token.moved.length > 0) {
    await tx.delete(companyMembers).where(and(eq(companyMembers.companyId, token.to), inArray(companyMembers.userId, token.moved)))
  }
  const back = [...token.moved, ...token.dropped]
  if (back.length > 0) {
    await tx.insert(companyMembers).values(back.map((userId) => ({ companyId: token.from, userId, createdBy: actorId }))).onConflictDoNothing()
  }
}

/** Merges `mergedId` into `survivorId` (see the rules at the top of this file). */
export async function mergeCompanies(ctx: RequestContext, input: MergeCreateInput): Promise<CompanyMerge> {
  const actor = requireStaff(ctx)
  return ctx.db.transaction(async (tx) => {
    const { survivor, merged } = await loadPair(tx, actor, input.survivorId, input.mergedId)
    const now = ctx.now()
    const fields = chooseFields(survivor.row, merged.row, input.choices)
    const unit = fields.unitId === survivor.row.unitId ? survivor.unit : await writableUnit(tx, actor, fields.unitId)
    const place = await placeOf(ctx, tx, fields.comuneIstat)
    const [survivorAfter] = await tx
      .update(companies)
      .set({ ...fields, ...derivedColumns(fields, place), updatedAt: now })
      .where(eq(companies.id, survivor.row.id))
      .returning()
    if (!survivorAfter) throw new Error('survivor update returned no row')
    const [mergedAfter] = await tx
      .update(companies)
      .set({ archivedAt: now, mergedIntoId: survivor.row.id, updatedAt: now })
      .where(eq(companies.id, merged.row.id))
      .returning()
    if (!mergedAfter) throw new Error('merged update returned no row')

    const moved: Record<string, { token: unknown; count: number | null }> = {}
    const membersToken = await moveMembers(tx, merged.row.id, survivor.row.id, actor.userId)
    moved[MEMBERS_MOVER] = { token: membersToken, count: membersToken.moved.length + membersToken.dropped.length }
    for (const mover of ctx.deps.companyReferences) {
      if (mover.name in moved) throw new Error(`two company reference movers are named ${mover.name}`)
      const count = mover.count ? await mover.count(tx, merged.row.id) : null
      moved[mover.name] = { token: await mover.move(tx, merged.row.id, survivor.row.id), count }
    }

    const [merge] = await tx
      .insert(companyMerges)
      .values({
        survivorId: survivor.row.id,
        mergedId: merged.row.id,
        choices: flatChoices(input.choices),
        survivorBefore: snapshotOf(survivor.row),
        mergedBefore: snapshotOf(merged.row),
        moved,
        createdBy: actor.userId,
        createdAt: now,
      })
      .returning()
    if (!merge) throw new Error('merge insert returned no row')
    // Movers may have recomputed derived columns (the journey stage): audit what is stored now.
    const [survivorFinal] = await tx.select().from(companies).where(eq(companies.id, survivor.row.id))
    const [mergedFinal] = await tx.select().from(companies).where(eq(companies.id, merged.row.id))
    await ctx.deps.audit.record(tx, ctx, {
      action: 'merge', entityType: 'company', entityId: survivor.row.id, unitId: unit.id,
      before: auditable(survivor.row), after: { ...auditable(survivorFinal ?? survivorAfter), mergeId: merge.id, absorbedCompanyId: merged.row.id },
    })
    await ctx.deps.audit.record(tx, ctx, {
      action: 'merge', entityType: 'company', entityId: merged.row.id, unitId: merged.row.unitId,
      before: auditable(merged.row), after: { ...auditable(mergedFinal ?? mergedAfter), mergeId: merge.id },
    })
    return toMergeView(merge, survivorFinal ?? survivorAfter, mergedFinal ?? mergedAfter, actor, { createdByName: actor.name, undoneByName: null })
  })
}

/** Why a merge cannot be undone now, or null when it can. */
function undoBlocker(merge: MergeRow, survivor: CompanyRow, merged: CompanyRow): string | null {
  if (merge.undoneAt) return 'errors.mergeAlreadyUndone'
  const at = merge.createdAt.getTime()
  if (survivor.updatedAt.getTime() !== at || merged.updatedAt.getTime() !== at || merged.mergedIntoId !== survivor.id) {
    return 'errors.mergeUndoChanged'
  }
  return null
}

function toMergeView(
  merge: MergeRow,
  survivor: CompanyRow,
  merged: CompanyRow,
  actor: Actor,
  names: { createdByName: string | null; undoneByName: string | null },
  canWrite = true,
): CompanyMerge {
  const moved = Object.entries(merge.moved as Record<string, { count?: number | null }>).map(([name, entry]) => ({
    name,
    count: typeof entry?.count === 'number' ? entry.count : null,
  }))
  return {
    id: merge.id,
    survivor: { id: survivor.id, name: survivor.name, vatNumber: survivor.vatNumber },
    merged: { id: merged.id, name: merged.name, vatNumber: merged.vatNumber },
    choices: merge.choices,
    moved,
    createdAt: merge.createdAt.toISOString(),
    createdByName: names.createdByName,
    undoneAt: merge.undoneAt?.toISOString() ?? null,
    undoneByName: names.undoneByName,
    canUndo: canWrite && undoBlocker(merge, survivor, merged) === null && dataPathPrefixes(actor).length > 0,
  }
}

/** Undoes a merge: both companies as they were, every moved record back (see the file's rules). */
export async function undoMerge(ctx: RequestContext, mergeId: string): Promise<CompanyMerge> {
  const actor = requireStaff(ctx)
  return ctx.db.transaction(async (tx) => {
    const [merge] = await tx.select().from(companyMerges).where(eq(companyMerges.id, mergeId))
    if (!merge) throw new AppError('NOT_FOUND', 'errors.notFound')
    const survivor = await getScopedRow(tx, actor, merge.survivorId)
    const merged = await getScopedRow(tx, actor, merge.mergedId)
    if (!canWriteUnitData(actor, survivor.unit.path) || !canWriteUnitData(actor, merged.unit.path)) {
      throw new AppError('FORBIDDEN', 'errors.forbidden')
    }
    const blocker = undoBlocker(merge, survivor.row, merged.row)
    if (blocker) throw new AppError('CONFLICT', blocker, { survivor: survivor.row.name, merged: merged.row.name })

    const [survivorAfter] = await tx.update(companies).set(rowFromSnapshot(merge.survivorBefore)).where(eq(companies.id, merge.survivorId)).returning()
    const [mergedAfter] = await tx.update(companies).set(rowFromSnapshot(merge.mergedBefore)).where(eq(companies.id, merge.mergedId)).returning()
    if (!survivorAfter || !mergedAfter) throw new Error('merge undo: company update returned no row')

    const moved = merge.moved as Record<string, { token: unknown }>
    // Reverse order: a later mover may depend on what an earlier one moved.
    for (const mover of [...ctx.deps.companyReferences].reverse()) {
      const entry = moved[mover.name]
      if (entry) await mover.undo(tx, entry.token)
    }
    const members = moved[MEMBERS_MOVER]
    if (members) await undoMoveMembers(tx, members.token as MembersToken, actor.userId)

    const now = ctx.now()
    const [undone] = await tx
      .update(companyMerges)
      .set({ undoneAt: now, undoneBy: actor.userId })
      .where(eq(companyMerges.id, merge.id))
      .returning()
    if (!undone) throw new Error('merge undo: merge update returned no row')
    const [survivorFinal] = await tx.select().from(companies).where(eq(companies.id, merge.survivorId))
    const [mergedFinal] = await tx.select().from(companies).where(eq(companies.id, merge.mergedId))
    await ctx.deps.audit.record(tx, ctx, {
      action: 'unmerge', entityType: 'company', entityId: merge.survivorId, unitId: survivorAfter.unitId,
      before: auditable(survivor.row), after: { ...auditable(survivorFinal ?? survivorAfter), mergeId: merge.id },
    })
    await ctx.deps.audit.record(tx, ctx, {
      action: 'unmerge', entityType: 'company', entityId: merge.mergedId, unitId: mergedAfter.unitId,
      before: auditable(merged.row), after: { ...auditable(mergedFinal ?? mergedAfter), mergeId: merge.id },
    })
    const createdByName = merge.createdBy === actor.userId ? actor.name : await userName(tx, merge.createdBy)
    return toMergeView(undone, survivorFinal ?? survivorAfter, mergedFinal ?? mergedAfter, actor, { createdByName, undoneByName: actor.name })
  })
}

async function userName(db: Db, userId: string | null, cache = new Map<string, string | null>()): Promise<string | null> {
  if (!userId) return null
  if (!cache.has(userId)) cache.set(userId, (await loadActor(db, userId, 'session', []))?.name ?? null)
  return cache.get(userId) ?? null
}

/** Recent merges whose two companies the caller reads, newest first, with whether each can be undone. */
export async function listMerges(ctx: RequestContext, query: { cursor?: string; limit: number }) {
  const actor = requireStaff(ctx)
  const survivor = alias(companies, 'survivor')
  const merged = alias(companies, 'merged')
  const scope = unitIdsUnder(ctx.db, dataPathPrefixes(actor))
  const cursor = decodeCursor(query.cursor)
  const page: SQL[] = []
  if (cursor) {
    const t = cursorTime(cursor)
    page.push(or(lt(companyMerges.createdAt, t), and(eq(companyMerges.createdAt, t), sql`${companyMerges.id} > ${cursor.id}`)) as SQL)
  }
  const rows = await ctx.db
    .select({ merge: companyMerges, survivor, merged })
    .from(companyMerges)
    .innerJoin(survivor, eq(survivor.id, companyMerges.survivorId))
    .innerJoin(merged, eq(merged.id, companyMerges.mergedId))
    .where(and(inArray(survivor.unitId, scope), inArray(merged.unitId, scope), ...page))
    .orderBy(desc(companyMerges.createdAt), companyMerges.id)
    .limit(query.limit + 1)
  const items = rows.slice(0, query.limit)
  const names = new Map<string, string | null>()
  const paths = new Map<string, string | null>()
  const pathOf = async (unitId: string) => {
    if (!paths.has(unitId)) {
      paths.set(unitId, (await findUnit(ctx.db, unitId))?.path ?? null)
    }
    return paths.get(unitId) ?? null
  }
  const views: CompanyMerge[] = []
  for (const r of items) {
    const sp = await pathOf(r.survivor.unitId)
    const mp = await pathOf(r.merged.unitId)
    const canWrite = Boolean(sp && mp && canWriteUnitData(actor, sp) && canWriteUnitData(actor, mp))
    views.push(
      toMergeView(
        r.merge, r.survivor, r.merged, actor,
        { createdByName: await userName(ctx.db, r.merge.createdBy, names), undoneByName: await userName(ctx.db, r.merge.undoneBy, names) },
        canWrite,
      ),
    )
  }
  const last = items.at(-1)
  return {
    items: views,
    nextCursor: rows.length > query.limit && last ? encodeCursor({ k: last.merge.createdAt.toISOString(), id: last.merge.id }) : null,
  }
}

/** What merging would move (per module that can count) and the custom fields the screen offers. */
export async function previewMerge(ctx: RequestContext, query: { survivorId: string; mergedId: string }): Promise<MergePreview> {
  const actor = requireStaff(ctx)
  const survivor = await getScopedRow(ctx.db, actor, query.survivorId)
  const merged = await getScopedRow(ctx.db, actor, query.mergedId)
  const [members] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(companyMembers)
    .where(eq(companyMembers.companyId, merged.row.id))
  const moves = [{ name: MEMBERS_MOVER, count: Number(members?.n ?? 0) }]
  for (const mover of ctx.deps.companyReferences) {
    if (mover.count) moves.push({ name: mover.name, count: await mover.count(ctx.db, merged.row.id) })
  }
  const keys = new Set([...Object.keys(survivor.row.customFields), ...Object.keys(merged.row.customFields)])
  const definitions = new Map((await listCustomFieldDefinitions(ctx.db, { includeArchived: true })).map((d) => [d.key, d]))
  const customFields = [...keys].sort().map((key) => {
    const d = definitions.get(key)
    return { key, labelIt: d?.labelIt ?? key, labelEn: d?.labelEn ?? key }
  })
  return { moves, customFields }
}
