/**
 * Interactions: the timeline of a company or a contact. An interaction belongs to its company's
 * unit (or, without a company, to a unit the author writes to) and is scoped like the company
 * (identity.policy). Each one about a company is evidence of the company's journey, recorded
 * through the companies module's activity port; every change is audited; deletion is soft.
 */
import { and, desc, eq, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm'
import { AppError } from '../../../shared/app-error'
import type { Db } from '../../../server/db/client'
import type { RequestContext } from '../../../server/http/context'
import { cursorTime, decodeCursor, encodeCursor } from '../../../server/http/cursor'
import { getCompanyScope, recordCompanyActivity, removeCompanyActivity } from '../../companies'
import type { JourneyStage } from '../../companies/companies.contract'
import { canReadUnitData, canWriteUnitData, dataPathPrefixes, unitIdsUnder, type Actor } from '../../identity'
import { placementOf, placementsOf, requireActor, writablePlacement, type Placement } from './interaction-placement'
import type {
  Interaction,
  InteractionCreateInput,
  InteractionKind,
  InteractionListQuery,
  InteractionUpdateInput,
  ParticipantRef,
} from '../interactions.contract'
import { insertFollowUp, loadFollowUpViews } from './follow-ups.service'
import { findContactNames } from './interaction-contacts'
import { assertAssignee, checkParticipants, PeopleCache } from './interaction-people'
import { interactionParticipants, interactions, type InteractionRow } from './interactions.table'

/** The source type under which interactions report company activity. */
export const INTERACTION_SOURCE = 'interaction'

/**
 * Journey evidence per kind (issue 3): reaching out is 'contacted'; meeting the company (a meeting,
 * a visit, an event it took part in) is 'engaged'.
 */
export const KIND_STAGE: Record<InteractionKind, JourneyStage> = {
  call: 'contacted',
  email: 'contacted',
  note: 'contacted',
  document: 'contacted',
  meeting: 'engaged',
  visit: 'engaged',
  event: 'engaged',
}

async function getScopedInteraction(db: Db, actor: Actor, id: string) {
  const [row] = await db.select().from(interactions).where(and(eq(interactions.id, id), isNull(interactions.deletedAt)))
  if (!row) throw new AppError('NOT_FOUND', 'errors.notFound')
  const placement = await placementOf(db, row)
  if (!placement || !canReadUnitData(actor, placement.unitPath)) throw new AppError('NOT_FOUND', 'errors.notFound')
  return { row, placement }
}

/** The author may edit their own entry while they still read the unit; unit writers may edit any. */
function canChange(actor: Actor, row: InteractionRow, unitPath: string): boolean {
  return canWriteUnitData(actor, unitPath) || (row.authorId === actor.userId && canReadUnitData(actor, unitPath))
}

async function recordActivity(tx: Db, row: InteractionRow) {
  if (!row.companyId) return
  const stage = KIND_STAGE[row.kind as InteractionKind]
  // Entries written by later modules with their own kinds report their own activity.
  if (!stage) return
  await recordCompanyActivity(tx, {
    companyId: row.companyId, stage, sourceType: INTERACTION_SOURCE, sourceId: row.id, occurredAt: row.occurredAt,
    // The interactions tab is the entry's page (there is no page per interaction).
    summary: { key: `interactions.journey.${row.kind}`, params: { subject: row.subject }, href: null },
  })
}

async function replaceParticipants(tx: Db, interactionId: string, participants: readonly ParticipantRef[]) {
  await tx.delete(interactionParticipants).where(eq(interactionParticipants.interactionId, interactionId))
  if (participants.length > 0) {
    await tx.insert(interactionParticipants).values(participants.map((p) => ({ interactionId, participantType: p.type, participantId: p.id })))
  }
}

/** Rows → views, with names, participants and follow-ups loaded in a few queries per page. */
async function toInteractions(db: Db, actor: Actor, rows: InteractionRow[], placements: Map<string, Placement>): Promise<Interaction[]> {
  if (rows.length === 0) return []
  const ids = rows.map((r) => r.id)
  const people = new PeopleCache(db)
  const parts = await db.select().from(interactionParticipants).where(inArray(interactionParticipants.interactionId, ids))
  const contactNames = await findContactNames(db, actor, parts.filter((p) => p.participantType === 'contact').map((p) => p.participantId))
  const followUps = await loadFollowUpViews(db, actor, people, ids)
  const views: Interaction[] = []
  for (const row of rows) {
    const placement = placements.get(row.id)
    if (!placement) throw new Error(`interaction ${row.id} has no placement`)
    const participants = []
    for (const p of parts.filter((x) => x.interactionId === row.id)) {
      const name = p.participantType === 'user' ? await people.userName(p.participantId) : contactNames.get(p.participantId)
      // A contact the actor may not see (another unit's person) is left out rather than named.
      if (name !== undefined) participants.push({ type: p.participantType as ParticipantRef['type'], id: p.participantId, name })
    }
    const may = canChange(actor, row, placement.unitPath)
    views.push({
      id: row.id,
      unitId: row.unitId,
      companyId: row.companyId,
      companyName: placement.company?.name ?? null,
      kind: row.kind,
      occurredAt: row.occurredAt.toISOString(),
      subject: row.subject,
      body: row.body,
      source: row.source,
      author: row.authorId ? { id: row.authorId, name: await people.userName(row.authorId) } : null,
      participants,
      followUps: followUps.get(row.id) ?? [],
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      can: { update: may && row.source === 'manual', delete: may && row.source === 'manual' },
    })
  }
  return views
}

async function toInteraction(db: Db, actor: Actor, row: InteractionRow, placement: Placement): Promise<Interaction> {
  const [view] = await toInteractions(db, actor, [row], new Map([[row.id, placement]]))
  if (!view) throw new Error('interaction view missing')
  return view
}

/** What the audit trail keeps of an interaction. */
function auditable(row: InteractionRow, participants?: readonly ParticipantRef[]) {
  return { ...row, ...(participants ? { participants: participants.map((p) => `${p.type}:${p.id}`) } : {}) }
}

export async function createInteraction(ctx: RequestContext, input: InteractionCreateInput): Promise<Interaction> {
  const actor = requireActor(ctx)
  return ctx.db.transaction(async (tx) => {
    const placement = await writablePlacement(tx, actor, input)
    const people = new PeopleCache(tx)
    const participants = await checkParticipants(tx, actor, people, input.participants ?? [], placement.unitPath)
    if (input.followUp) await assertAssignee(people, input.followUp.assigneeId, placement.unitPath, 'followUp.assigneeId')
    const now = ctx.now()
    const [row] = await tx
      .insert(interactions)
      .values({
        unitId: placement.unitId,
        companyId: placement.company?.id ?? null,
        kind: input.kind,
        occurredAt: new Date(input.occurredAt),
        subject: input.subject,
        body: input.body ?? null,
        authorId: actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning()
    if (!row) throw new Error('interaction insert returned no row')
    await replaceParticipants(tx, row.id, participants)
    await recordActivity(tx, row)
    await ctx.deps.audit.record(tx, ctx, { action: 'create', entityType: 'interaction', entityId: row.id, unitId: row.unitId, after: auditable(row, participants) })
    if (input.followUp) await insertFollowUp(tx, ctx, actor, placement, { ...input.followUp, interactionId: row.id })
    return toInteraction(tx, actor, row, placement)
  })
}

export async function getInteraction(ctx: RequestContext, id: string): Promise<Interaction> {
  const actor = requireActor(ctx)
  const { row, placement } = await getScopedInteraction(ctx.db, actor, id)
  return toInteraction(ctx.db, actor, row, placement)
}

async function changeableInteraction(tx: Db, actor: Actor, id: string) {
  const found = await getScopedInteraction(tx, actor, id)
  if (!canChange(actor, found.row, found.placement.unitPath)) throw new AppError('FORBIDDEN', 'errors.forbidden')
  // Entries written by other modules (events, assessments…) change with their source record.
  if (found.row.source !== 'manual') throw new AppError('CONFLICT', 'errors.interactionFromSource')
  return found
}

export async function updateInteraction(ctx: RequestContext, id: string, input: InteractionUpdateInput): Promise<Interaction> {
  const actor = requireActor(ctx)
  return ctx.db.transaction(async (tx) => {
    const { row: before, placement } = await changeableInteraction(tx, actor, id)
    const beforeParticipants = await tx.select().from(interactionParticipants).where(eq(interactionParticipants.interactionId, id))
    const beforeRefs = beforeParticipants.map((p) => ({ type: p.participantType as ParticipantRef['type'], id: p.participantId }))
    let participants = beforeRefs
    if (input.participants) {
      participants = await checkParticipants(tx, actor, new PeopleCache(tx), input.participants, placement.unitPath)
      await replaceParticipants(tx, id, participants)
    }
    const [after] = await tx
      .update(interactions)
      .set({
        ...(input.kind !== undefined ? { kind: input.kind } : {}),
        ...(input.occurredAt !== undefined ? { occurredAt: new Date(input.occurredAt) } : {}),
        ...(input.subject !== undefined ? { subject: input.subject } : {}),
        ...(input.body !== undefined ? { body: input.body } : {}),
        updatedAt: ctx.now(),
      })
      .where(eq(interactions.id, id))
      .returning()
    if (!after) throw new Error('interaction update returned no row')
    await recordActivity(tx, after)
    await ctx.deps.audit.record(tx, ctx, {
      action: 'update', entityType: 'interaction', entityId: id, unitId: after.unitId,
      before: auditable(before, beforeRefs), after: auditable(after, participants),
    })
    return toInteraction(tx, actor, after, placement)
  })
}

/** Soft delete: the entry leaves every timeline and stops counting as company activity. */
export async function deleteInteraction(ctx: RequestContext, id: string): Promise<void> {
  const actor = requireActor(ctx)
  await ctx.db.transaction(async (tx) => {
    const { row: before } = await changeableInteraction(tx, actor, id)
    const [after] = await tx.update(interactions).set({ deletedAt: ctx.now(), updatedAt: ctx.now() }).where(eq(interactions.id, id)).returning()
    await removeCompanyActivity(tx, { sourceType: INTERACTION_SOURCE, sourceId: id })
    await ctx.deps.audit.record(tx, ctx, { action: 'delete', entityType: 'interaction', entityId: id, unitId: before.unitId, before: auditable(before), after: after ? auditable(after) : null })
  })
}

/**
 * A timeline, newest first: a company's (anyone who reads the company), a contact's (the entries
 * the actor may read that the contact took part in), or every entry the actor may read.
 */
export async function listInteractions(ctx: RequestContext, query: InteractionListQuery) {
  const actor = requireActor(ctx)
  const prefixes = dataPathPrefixes(actor)
  if (prefixes.length === 0) throw new AppError('FORBIDDEN', 'errors.forbidden')
  const conditions: SQL[] = [isNull(interactions.deletedAt)]
  if (query.companyId) {
    await getCompanyScope(ctx.db, actor, query.companyId)
    conditions.push(eq(interactions.companyId, query.companyId))
  } else {
    conditions.push(inArray(interactions.unitId, unitIdsUnder(ctx.db, prefixes)))
  }
  if (query.contactId) {
    conditions.push(
      sql`exists (select 1 from ${interactionParticipants} where ${interactionParticipants.interactionId} = ${interactions.id}
            and ${interactionParticipants.participantType} = 'contact' and ${interactionParticipants.participantId} = ${query.contactId})`,
    )
  }
  if (query.kind?.length) conditions.push(inArray(interactions.kind, query.kind))
  const cursor = decodeCursor(query.cursor)
  if (cursor) {
    const t = cursorTime(cursor)
    conditions.push(or(lt(interactions.occurredAt, t), and(eq(interactions.occurredAt, t), lt(interactions.id, cursor.id))) as SQL)
  }
  const rows = await ctx.db
    .select()
    .from(interactions)
    .where(and(...conditions))
    .orderBy(desc(interactions.occurredAt), desc(interactions.id))
    .limit(query.limit + 1)
  const page = rows.slice(0, query.limit)
  const all = await placementsOf(ctx.db, page)
  const placements = new Map<string, Placement>()
  const visible: InteractionRow[] = []
  for (const row of page) {
    const placement = all.get(row.id)
    // The unit filter above is on the stored unit; the company's current unit has the last word.
    if (!placement || !canReadUnitData(actor, placement.unitPath)) continue
    placements.set(row.id, placement)
    visible.push(row)
  }
  const last = page.at(-1)
  return {
    items: await toInteractions(ctx.db, actor, visible, placements),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ k: last.occurredAt.toISOString(), id: last.id }) : null,
  }
}
