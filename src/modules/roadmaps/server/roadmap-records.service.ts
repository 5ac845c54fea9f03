/**
 * Stored roadmaps (issue 5, "Roadmaps"): generated from a validated assessment, edited by the
 * company's expert and the unit's staff (every save a new version: a snapshot of all items, so any
 * two versions can be compared), signed off by the company through a link, followed item by item.
 *
 * Who does what: staff who read the company's unit read its roadmaps; staff who write it, and the
 * expert the roadmap names, edit them and send them for sign-off; an expert who assessed the company
 * may generate one from that assessment (and is named on it); the company's members read theirs.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto'
import { and, asc, desc, eq, inArray, lt, or, type SQL } from 'drizzle-orm'
import { AppError } from '../../../shared/app-error'
import type { Db } from '../../../server/db/client'
import type { RequestContext } from '../../../server/http/context'
import { cursorTime, decodeCursor, encodeCursor } from '../../../server/http/cursor'
import { findAssessmentScores, getAssessmentForRoadmap, type AssessmentScores } from '../../assessments'
import { DMA_DIMENSION_IDS, type DmaDimensionId, type DmaInstrumentId } from '../../assessments/assessments.contract'
import { companyIdsOfMember, findCompanyScopes, isMemberOfCompany, recordCompanyActivity, type CompanyScope } from '../../companies'
import { canReadUnitData, canWriteUnitData, dataPathPrefixes, findUserNames, rolesOn, unitIdsUnder, type Actor } from '../../identity'
import type {
  PublicRoadmap,
  Roadmap,
  RoadmapCreateInput,
  RoadmapDiff,
  RoadmapItemInput,
  RoadmapPage,
  RoadmapRecordItem,
  RoadmapSaveInput,
  RoadmapStatus,
} from '../roadmap-records.contract'
import { RoadmapSaveInput as RoadmapSaveSchema } from '../roadmap-records.contract'
import { loadActionCatalogue } from './roadmap-catalogue.service'
import { roadmapGaps, draftRoadmapItems } from './roadmap-generation'
import { roadmapSignoffMail } from './roadmaps.mails'
import { roadmaps, roadmapVersions, type RoadmapRow, type RoadmapVersionRow } from './roadmap-records.table'

export const ROADMAP_SOURCE = 'roadmap'
export const ROADMAP_SIGNOFF_DAYS = 30

function requireActor(ctx: RequestContext): Actor {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED', 'errors.unauthenticated')
  return ctx.actor
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}

interface ScopedRoadmap {
  row: RoadmapRow
  company: CompanyScope
  isStaff: boolean
  canEdit: boolean
}

/** The roadmap if the actor reads it (NOT_FOUND otherwise: missing and hidden look the same). */
async function scopedRoadmap(db: Db, actor: Actor, id: string): Promise<ScopedRoadmap> {
  const [row] = await db.select().from(roadmaps).where(eq(roadmaps.id, id))
  if (!row) throw new AppError('NOT_FOUND', 'errors.notFound')
  const [company] = await findCompanyScopes(db, [row.companyId])
  if (!company) throw new AppError('NOT_FOUND', 'errors.notFound')
  const isNamedExpert = row.expertUserId === actor.userId && rolesOn(actor, company.unitPath).has('expert')
  if (canReadUnitData(actor, company.unitPath)) {
    return { row, company, isStaff: true, canEdit: canWriteUnitData(actor, company.unitPath) || isNamedExpert }
  }
  if (isNamedExpert) return { row, company, isStaff: false, canEdit: true }
  if (row.status !== 'archived' && (await isMemberOfCompany(db, actor, row.companyId, company.unitPath))) return { row, company, isStaff: false, canEdit: false }
  throw new AppError('NOT_FOUND', 'errors.notFound')
}

async function editableRoadmap(db: Db, actor: Actor, id: string): Promise<ScopedRoadmap> {
  const scoped = await scopedRoadmap(db, actor, id)
  if (!scoped.canEdit) throw new AppError('FORBIDDEN', 'errors.forbidden')
  if (scoped.row.status === 'archived') throw new AppError('CONFLICT', 'errors.roadmapArchived')
  return scoped
}

async function latestVersion(db: Db, roadmapId: string, version: number): Promise<RoadmapVersionRow> {
  const [v] = await db.select().from(roadmapVersions).where(and(eq(roadmapVersions.roadmapId, roadmapId), eq(roadmapVersions.version, version)))
  if (!v) throw new Error(`roadmap ${roadmapId} has no version ${version}`)
  return v
}

/**
 * The re-assessment (T1) date the roadmap implies: when its quick wins and medium-term items are
 * due (an item without a due date counts from the roadmap's creation plus its horizon: 6 or 18
 * months); a roadmap of long-term items only, 12 months after creation.
 */
export function deriveT1DueOn(items: readonly RoadmapRecordItem[], createdAt: Date): string {
  const horizonMonths = { quick: 6, medium: 18 } as const
  let latest: string | null = null
  for (const item of items) {
    if (item.status === 'dropped' || item.horizon === 'long') continue
    const due = item.dueOn ?? isoDay(addMonths(createdAt, horizonMonths[item.horizon]))
    if (!latest || due > latest) latest = due
  }
  return latest ?? isoDay(addMonths(createdAt, 12))
}

function addMonths(date: Date, months: number): Date {
  const next = new Date(date)
  next.setUTCMonth(next.getUTCMonth() + months)
  return next
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10)
}

function progressOf(items: readonly RoadmapRecordItem[]) {
  return {
    total: items.length,
    done: items.filter((i) => i.status === 'done').length,
    inProgress: items.filter((i) => i.status === 'in_progress').length,
    dropped: items.filter((i) => i.status === 'dropped').length,
  }
}

async function toRoadmap(db: Db, scoped: ScopedRoadmap, assessment: AssessmentScores): Promise<Roadmap> {
  const { row } = scoped
  const versions = await db.select().from(roadmapVersions).where(eq(roadmapVersions.roadmapId, row.id)).orderBy(desc(roadmapVersions.version))
  const current = versions.find((v) => v.version === row.version)
  if (!current) throw new Error(`roadmap ${row.id} has no version ${row.version}`)
  const names = await findUserNames(db, [row.expertUserId, ...versions.map((v) => v.createdBy)])
  return {
    id: row.id,
    company: { id: scoped.company.id, name: scoped.company.name },
    unitId: row.unitId,
    assessment: { id: row.assessmentId, stage: assessment.stage, overall: assessment.overall, assessedOn: assessment.assessedOn },
    instrumentId: row.instrumentId as DmaInstrumentId,
    catalogueVersion: row.catalogueVersion,
    expert: row.expertUserId ? { id: row.expertUserId, name: names.get(row.expertUserId) ?? '' } : null,
    status: row.status as RoadmapStatus,
    version: row.version,
    items: current.items,
    gaps: roadmapGaps(assessment.dimensions, current.targets, current.importance),
    progress: progressOf(current.items),
    t1DueOn: row.t1DueOn,
    t1DueOnManual: row.t1DueOnSetBy !== null,
    signoff: {
      // The company's address is staff information, not shown to the company itself.
      email: scoped.isStaff || scoped.canEdit ? row.signoffEmail : null,
      sentAt: row.signoffSentAt?.toISOString() ?? null,
      expiresAt: row.signoffExpiresAt?.toISOString() ?? null,
      signedVersion: row.signedVersion,
      signedAt: row.signedAt?.toISOString() ?? null,
      signerName: row.signerName,
      signerRole: row.signerRole,
    },
    versions: versions.map((v) => ({
      version: v.version,
      kind: v.kind as 'generated' | 'edited' | 'regenerated',
      note: v.note,
      createdBy: v.createdBy ? { id: v.createdBy, name: names.get(v.createdBy) ?? '' } : null,
      createdAt: v.createdAt.toISOString(),
      itemCount: v.items.length,
    })),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    can: { edit: scoped.canEdit && row.status !== 'archived', sendForSignoff: scoped.canEdit && row.status !== 'archived' && current.items.length > 0 },
  }
}

async function assessmentOf(db: Db, row: RoadmapRow): Promise<AssessmentScores> {
  // Readers of the roadmap (a company member, the named expert) may not read the assessment itself.
  const scores = await findAssessmentScores(db, row.assessmentId)
  if (!scores) throw new Error(`roadmap ${row.id}: assessment ${row.assessmentId} is missing`)
  return scores
}

export async function getRoadmap(ctx: RequestContext, id: string): Promise<Roadmap> {
  const actor = requireActor(ctx)
  const scoped = await scopedRoadmap(ctx.db, actor, id)
  return toRoadmap(ctx.db, scoped, await assessmentOf(ctx.db, scoped.row))
}

/** Generates a roadmap from a validated assessment: version 1, a draft. */
export async function createRoadmap(ctx: RequestContext, input: RoadmapCreateInput): Promise<Roadmap> {
  const actor = requireActor(ctx)
  const created = await ctx.db.transaction(async (tx) => {
    const assessment = await getAssessmentForRoadmap(tx, actor, input.assessmentId)
    if (!assessment.canPlan) throw new AppError('FORBIDDEN', 'errors.forbidden')
    if (assessment.mode === 'imported') throw new AppError('CONFLICT', 'errors.roadmapImportedAssessment')
    const isExpert = !canWriteUnitData(actor, assessment.company.unitPath)
    const expertUserId = isExpert ? actor.userId : (input.expertUserId ?? assessment.assessorId ?? null)
    // The catalogue in force: network admins' latest edit, else the built-in version.
    const draft = draftRoadmapItems(assessment, input.targets, input.importance, await loadActionCatalogue(tx))
    const now = ctx.now()
    const [row] = await tx
      .insert(roadmaps)
      .values({
        companyId: assessment.companyId,
        unitId: assessment.company.unitId,
        assessmentId: assessment.id,
        instrumentId: assessment.instrumentId,
        catalogueVersion: draft.catalogueVersion,
        expertUserId,
        status: 'draft',
        version: 1,
        t1DueOn: deriveT1DueOn(draft.items, now),
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning()
    if (!row) throw new Error('roadmap insert returned no row')
    await tx.insert(roadmapVersions).values({
      roadmapId: row.id, version: 1, items: draft.items, targets: draft.targets, importance: draft.importance, kind: 'generated', createdBy: actor.userId, createdAt: now,
    })
    await ctx.deps.audit.record(tx, ctx, { action: 'create', entityType: 'roadmap', entityId: row.id, unitId: row.unitId, after: { ...row, items: draft.items.length } })
    return { row, assessment }
  })
  return toRoadmap(ctx.db, { row: created.row, company: created.assessment.company, isStaff: canReadUnitData(actor, created.assessment.company.unitPath), canEdit: true }, created.assessment)
}

export async function listRoadmaps(ctx: RequestContext, query: { companyId?: string | undefined; status?: RoadmapStatus | undefined; cursor?: string | undefined; limit: number }): Promise<RoadmapPage> {
  const actor = requireActor(ctx)
  const visible: SQL[] = []
  const prefixes = dataPathPrefixes(actor)
  if (prefixes.length > 0) visible.push(inArray(roadmaps.unitId, unitIdsUnder(ctx.db, prefixes)))
  visible.push(eq(roadmaps.expertUserId, actor.userId))
  visible.push(and(inArray(roadmaps.companyId, companyIdsOfMember(ctx.db, actor)), inArray(roadmaps.status, ['draft', 'awaiting_signoff', 'signed'])) as SQL)
  const conditions: SQL[] = [or(...visible) as SQL]
  if (query.companyId) conditions.push(eq(roadmaps.companyId, query.companyId))
  if (query.status) conditions.push(eq(roadmaps.status, query.status))
  const cursor = decodeCursor(query.cursor)
  if (cursor) {
    const t = cursorTime(cursor)
    conditions.push(or(lt(roadmaps.updatedAt, t), and(eq(roadmaps.updatedAt, t), lt(roadmaps.id, cursor.id))) as SQL)
  }
  const rows = await ctx.db.select().from(roadmaps).where(and(...conditions)).orderBy(desc(roadmaps.updatedAt), desc(roadmaps.id)).limit(query.limit + 1)
  const page = rows.slice(0, query.limit)
  const companies = new Map((await findCompanyScopes(ctx.db, page.map((r) => r.companyId))).map((c) => [c.id, c]))
  const versions = page.length === 0 ? [] : await ctx.db.select().from(roadmapVersions).where(or(...page.map((r) => and(eq(roadmapVersions.roadmapId, r.id), eq(roadmapVersions.version, r.version)))))
  const itemsOf = new Map(versions.map((v) => [v.roadmapId, v.items]))
  const items = page.flatMap((r) => {
    const company = companies.get(r.companyId)
    // The policy has the last word: an expert named on a roadmap of a unit they no longer serve sees nothing.
    if (!company) return []
    const staff = canReadUnitData(actor, company.unitPath)
    const expert = r.expertUserId === actor.userId && rolesOn(actor, company.unitPath).has('expert')
    const member = rolesOn(actor, company.unitPath).has('company_member')
    if (!staff && !expert && !member) return []
    return [{
      id: r.id,
      company: { id: company.id, name: company.name },
      instrumentId: r.instrumentId as DmaInstrumentId,
      status: r.status as RoadmapStatus,
      version: r.version,
      progress: progressOf(itemsOf.get(r.id) ?? []),
      t1DueOn: r.t1DueOn,
      signedAt: r.signedAt?.toISOString() ?? null,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    }]
  })
  const last = page.at(-1)
  return { items, nextCursor: rows.length > query.limit && last ? encodeCursor({ k: last.updatedAt.toISOString(), id: last.id }) : null }
}

function normaliseItems(inputs: readonly RoadmapItemInput[], previous: readonly RoadmapRecordItem[]): RoadmapRecordItem[] {
  const known = new Set(previous.map((i) => i.id))
  const seen = new Set<string>()
  return RoadmapSaveSchema.shape.items.parse(inputs).map((input, index) => {
    // An id the roadmap never had is not the caller's to choose: it becomes a new item.
    const id = input.id && known.has(input.id) && !seen.has(input.id) ? input.id : randomUUID()
    seen.add(id)
    const title = typeof input.title === 'string' ? { it: input.title, en: input.title } : input.title
    if (!title.it.trim() && !title.en.trim()) throw new AppError('VALIDATION', 'errors.validation', {}, [{ path: `items.${index}.title`, message: 'errors.required' }])
    return { ...input, id, title }
  })
}

/** Saves the editor's list as a new version; a save over a newer version is refused, not merged. */
export async function saveRoadmap(ctx: RequestContext, id: string, input: RoadmapSaveInput): Promise<Roadmap> {
  const actor = requireActor(ctx)
  const parsed = RoadmapSaveSchema.parse(input)
  const saved = await ctx.db.transaction(async (tx) => {
    const scoped = await editableRoadmap(tx, actor, id)
    // Serialises saves of one roadmap across instances: the version check below then holds.
    const [locked] = await tx.select().from(roadmaps).where(eq(roadmaps.id, id)).for('update')
    if (!locked) throw new AppError('NOT_FOUND', 'errors.notFound')
    if (locked.version !== parsed.baseVersion) throw new AppError('CONFLICT', 'errors.roadmapStale', { version: locked.version })
    const previous = await latestVersion(tx, id, locked.version)
    const items = normaliseItems(parsed.items, previous.items)
    const now = ctx.now()
    const version = locked.version + 1
    await tx.insert(roadmapVersions).values({
      roadmapId: id, version, items, targets: previous.targets, importance: previous.importance, kind: 'edited', note: parsed.note ?? null, createdBy: actor.userId, createdAt: now,
    })
    // A change after sending or signing needs a new sign-off; the signed version stays on record.
    const status: RoadmapStatus = 'draft'
    const [after] = await tx
      .update(roadmaps)
      .set({
        version, status, updatedAt: now,
        signoffTokenHash: null, signoffExpiresAt: null,
        ...(locked.t1DueOnSetBy ? {} : { t1DueOn: deriveT1DueOn(items, locked.createdAt) }),
      })
      .where(eq(roadmaps.id, id))
      .returning()
    if (!after) throw new Error('roadmap update returned no row')
    await ctx.deps.audit.record(tx, ctx, {
      action: 'update', entityType: 'roadmap', entityId: id, unitId: after.unitId,
      before: { version: locked.version, status: locked.status, items: previous.items }, after: { version, status, items },
    })
    return { ...scoped, row: after }
  })
  return toRoadmap(ctx.db, saved, await assessmentOf(ctx.db, saved.row))
}

const DIFF_FIELDS = ['title', 'dimension', 'horizon', 'priority', 'owner', 'startOn', 'dueOn', 'status', 'note', 'position'] as const

/** What changed from one version to another, item by item (matched by id; `position` is the order). */
export function diffItems(from: readonly RoadmapRecordItem[], to: readonly RoadmapRecordItem[]): Pick<RoadmapDiff, 'added' | 'removed' | 'changed'> {
  const before = new Map(from.map((item, position) => [item.id, { ...item, position: position + 1 }]))
  const after = new Map(to.map((item, position) => [item.id, { ...item, position: position + 1 }]))
  const changed: RoadmapDiff['changed'] = []
  for (const [itemId, next] of after) {
    const prev = before.get(itemId)
    if (!prev) continue
    const fields = DIFF_FIELDS.flatMap((field) =>
      JSON.stringify(prev[field]) === JSON.stringify(next[field]) ? [] : [{ field, before: prev[field], after: next[field] }],
    )
    if (fields.length > 0) changed.push({ id: itemId, title: next.title, fields })
  }
  return {
    added: to.filter((i) => !before.has(i.id)),
    removed: from.filter((i) => !after.has(i.id)),
    changed,
  }
}

export async function diffRoadmapVersions(ctx: RequestContext, id: string, from: number, to: number): Promise<RoadmapDiff> {
  const actor = requireActor(ctx)
  await scopedRoadmap(ctx.db, actor, id)
  const rows = await ctx.db.select().from(roadmapVersions).where(and(eq(roadmapVersions.roadmapId, id), inArray(roadmapVersions.version, [from, to]))).orderBy(asc(roadmapVersions.version))
  const a = rows.find((r) => r.version === from)
  const b = rows.find((r) => r.version === to)
  if (!a || !b) throw new AppError('NOT_FOUND', 'errors.roadmapVersionUnknown', { from, to })
  return { from, to, ...diffItems(a.items, b.items) }
}

export async function sendRoadmapForSignoff(ctx: RequestContext, id: string, input: { email: string; locale?: 'it' | 'en' | undefined; message?: string | undefined }): Promise<Roadmap> {
  const actor = requireActor(ctx)
  const token = randomBytes(32).toString('base64url')
  const sent = await ctx.db.transaction(async (tx) => {
    const scoped = await editableRoadmap(tx, actor, id)
    const [locked] = await tx.select().from(roadmaps).where(eq(roadmaps.id, id)).for('update')
    if (!locked) throw new AppError('NOT_FOUND', 'errors.notFound')
    const current = await latestVersion(tx, id, locked.version)
    if (current.items.length === 0) throw new AppError('CONFLICT', 'errors.roadmapEmpty')
    const now = ctx.now()
    const [after] = await tx
      .update(roadmaps)
      .set({
        status: 'awaiting_signoff', signoffTokenHash: sha256(token), signoffEmail: input.email, signoffLocale: input.locale ?? 'it',
        signoffSentAt: now, signoffExpiresAt: new Date(now.getTime() + ROADMAP_SIGNOFF_DAYS * 86_400_000), updatedAt: now,
      })
      .where(eq(roadmaps.id, id))
      .returning()
    if (!after) throw new Error('roadmap update returned no row')
    await ctx.deps.audit.record(tx, ctx, {
      action: 'update', entityType: 'roadmap_signoff', entityId: id, unitId: after.unitId,
      before: { status: locked.status }, after: { status: after.status, email: input.email, version: after.version },
    })
    return { ...scoped, row: after }
  })
  const mail = roadmapSignoffMail({
    locale: (sent.row.signoffLocale ?? 'it') as 'it' | 'en',
    url: `${ctx.deps.publicUrl}/roadmap-signoff/${token}`,
    companyName: sent.company.name,
    senderName: actor.name,
    message: input.message,
    expiresAt: sent.row.signoffExpiresAt ?? new Date(),
  })
  await ctx.deps.mailer.send(ctx.db, { to: input.email, ...mail })
  return toRoadmap(ctx.db, sent, await assessmentOf(ctx.db, sent.row))
}

export async function setRoadmapT1(ctx: RequestContext, id: string, dueOn: string | null): Promise<Roadmap> {
  const actor = requireActor(ctx)
  const saved = await ctx.db.transaction(async (tx) => {
    const scoped = await editableRoadmap(tx, actor, id)
    const current = await latestVersion(tx, id, scoped.row.version)
    // null: back to the date the items imply.
    const next = dueOn ?? deriveT1DueOn(current.items, scoped.row.createdAt)
    const [after] = await tx
      .update(roadmaps)
      .set({ t1DueOn: next, t1DueOnSetBy: dueOn ? actor.userId : null, updatedAt: ctx.now() })
      .where(eq(roadmaps.id, id))
      .returning()
    if (!after) throw new Error('roadmap update returned no row')
    await ctx.deps.audit.record(tx, ctx, { action: 'update', entityType: 'roadmap', entityId: id, unitId: after.unitId, before: { t1DueOn: scoped.row.t1DueOn }, after: { t1DueOn: next, manual: Boolean(dueOn) } })
    return { ...scoped, row: after }
  })
  return toRoadmap(ctx.db, saved, await assessmentOf(ctx.db, saved.row))
}

async function resolveSignoff(db: Db, token: string, now: Date): Promise<RoadmapRow> {
  const [row] = await db.select().from(roadmaps).where(eq(roadmaps.signoffTokenHash, sha256(token)))
  if (!row) throw new AppError('NOT_FOUND', 'errors.roadmapLinkUnknown')
  if (row.status === 'awaiting_signoff' && row.signoffExpiresAt && row.signoffExpiresAt <= now) throw new AppError('GONE', 'errors.roadmapLinkExpired')
  return row
}

async function toPublicRoadmap(db: Db, row: RoadmapRow): Promise<PublicRoadmap> {
  const [company] = await findCompanyScopes(db, [row.companyId])
  const version = await latestVersion(db, row.id, row.status === 'signed' && row.signedVersion ? row.signedVersion : row.version)
  const scores = await findAssessmentScores(db, row.assessmentId)
  const dimensions = scores?.dimensions ?? (Object.fromEntries(DMA_DIMENSION_IDS.map((d) => [d, null])) as Record<DmaDimensionId, number | null>)
  return {
    companyName: company?.name ?? '',
    instrumentId: row.instrumentId as DmaInstrumentId,
    version: version.version,
    items: version.items,
    gaps: roadmapGaps(dimensions, version.targets, version.importance),
    t1DueOn: row.t1DueOn,
    status: row.status === 'signed' ? 'signed' : row.status === 'awaiting_signoff' ? 'awaiting_signoff' : 'replaced',
    signedAt: row.signedAt?.toISOString() ?? null,
    signerName: row.signerName,
  }
}

export async function getPublicRoadmap(db: Db, token: string, now: Date): Promise<PublicRoadmap> {
  return toPublicRoadmap(db, await resolveSignoff(db, token, now))
}

/** The company signs the version it read; a roadmap changed meanwhile is refused (409). */
export async function signRoadmap(ctx: RequestContext, token: string, input: { name: string; role?: string | undefined; version: number }): Promise<PublicRoadmap> {
  const signed = await ctx.db.transaction(async (tx) => {
    const found = await resolveSignoff(tx, token, ctx.now())
    const [row] = await tx.select().from(roadmaps).where(eq(roadmaps.id, found.id)).for('update')
    if (!row) throw new AppError('NOT_FOUND', 'errors.roadmapLinkUnknown')
    if (row.status === 'signed') throw new AppError('CONFLICT', 'errors.roadmapAlreadySigned')
    if (row.status !== 'awaiting_signoff' || row.version !== input.version) throw new AppError('CONFLICT', 'errors.roadmapChangedSinceSent')
    const now = ctx.now()
    const [after] = await tx
      .update(roadmaps)
      .set({ status: 'signed', signedVersion: row.version, signedAt: now, signerName: input.name, signerRole: input.role ?? null, updatedAt: now })
      .where(eq(roadmaps.id, row.id))
      .returning()
    if (!after) throw new Error('roadmap update returned no row')
    const version = await latestVersion(tx, row.id, row.version)
    await ctx.deps.audit.record(tx, ctx, {
      action: 'update', entityType: 'roadmap_signoff', entityId: row.id, unitId: row.unitId,
      before: { status: row.status }, after: { status: 'signed', version: row.version, signerName: input.name, signerRole: input.role ?? null, signedAt: now.toISOString() },
    })
    await recordCompanyActivity(tx, {
      companyId: row.companyId, stage: 'roadmap', sourceType: ROADMAP_SOURCE, sourceId: row.id, occurredAt: now,
      summary: { key: 'roadmapRecords.journey.signed', params: { version: row.version, items: version.items.length, signer: input.name }, href: `/roadmaps/${row.id}` },
    })
    return after
  })
  return toPublicRoadmap(ctx.db, signed)
}

