/**
 * Expert profiles: the expert edits their own (draft → submitted), staff of the expert's units
 * approve or reject it with a note; editing an approved profile submits it again, so what the pool
 * shows as approved is always what staff approved. Every write is audited (entity
 * `expert_profile`, id = the user id, unit = the expert's first unit).
 */
import { and, eq, gte, sql, type SQL } from 'drizzle-orm'
import { AppError } from '../../../shared/app-error'
import type { Db } from '../../../server/db/client'
import type { RequestContext } from '../../../server/http/context'
import { decodeCursor, encodeCursor, likePattern } from '../../../server/http/cursor'
import type { Actor } from '../../identity'
import { italianDay, matchComune } from '../../territory'
import {
  EXPERT_COMPETENCES,
  type ExpertKind,
  type ExpertListQuery,
  type ExpertPage,
  type ExpertProfile,
  type ExpertProfileStatus,
  type ExpertProfileValues,
  type ExpertTie,
  type ExpertTieKind,
} from '../experts.contract'
import { canReviewExpert, canSeeExpert, expertUnitsOf, expertVisibleTo, userBasics, type ExpertUnit } from './expert-directory'
import { expertCvFiles, expertProfiles, type ExpertProfileRow } from './experts.table'

export function requireActor(ctx: RequestContext): Actor {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED', 'errors.unauthenticated')
  return ctx.actor
}

/** The actor's own units as an expert; refused for users who are not experts anywhere. */
export async function requireExpert(db: Db, actor: Actor): Promise<ExpertUnit[]> {
  const units = actor.grants.some((g) => g.role === 'expert') ? await expertUnitsOf(db, actor.userId) : []
  if (units.length === 0) throw new AppError('FORBIDDEN', 'errors.expertRoleRequired')
  return units
}

const EMPTY: Omit<ExpertProfileRow, 'userId' | 'createdAt' | 'updatedAt'> = {
  status: 'draft',
  headline: '',
  bio: '',
  kind: 'consultant',
  programme: null,
  outOfWork: false,
  competences: [],
  sectors: [],
  provinces: [],
  homeComuneIstat: null,
  languages: ['it'],
  availabilityDaysPerMonth: 0,
  employerName: null,
  employerVatNumber: null,
  ties: [],
  submittedAt: null,
  reviewedBy: null,
  reviewedAt: null,
  reviewNote: null,
}

async function cvOf(db: Db, userId: string) {
  const [cv] = await db
    .select({ fileName: expertCvFiles.fileName, contentType: expertCvFiles.contentType, size: expertCvFiles.size, uploadedAt: expertCvFiles.uploadedAt })
    .from(expertCvFiles)
    .where(eq(expertCvFiles.userId, userId))
  return cv ? { ...cv, uploadedAt: cv.uploadedAt.toISOString() } : null
}

async function toProfile(ctx: RequestContext, db: Db, userId: string, row: ExpertProfileRow | undefined, units: ExpertUnit[]): Promise<ExpertProfile> {
  const actor = requireActor(ctx)
  const data = row ?? { ...EMPTY, userId, createdAt: null, updatedAt: null }
  const people = await userBasics(db, [userId, ...(data.reviewedBy ? [data.reviewedBy] : [])])
  const person = people.get(userId)
  const comune = data.homeComuneIstat ? await matchComune(db, data.homeComuneIstat, italianDay(ctx.now())) : null
  const reviewer = data.reviewedBy ? people.get(data.reviewedBy) : undefined
  return {
    userId,
    name: person?.name ?? '',
    email: person?.email ?? '',
    exists: Boolean(row),
    status: data.status as ExpertProfileStatus,
    headline: data.headline,
    bio: data.bio,
    kind: data.kind as ExpertKind,
    programme: data.programme,
    outOfWork: data.outOfWork,
    competences: data.competences,
    sectors: data.sectors,
    provinces: data.provinces,
    homeComune: comune ? { istatCode: comune.istatCode, name: comune.name, provinceCode: comune.provinceCode } : null,
    languages: data.languages,
    availabilityDaysPerMonth: data.availabilityDaysPerMonth,
    employerName: data.employerName,
    employerVatNumber: data.employerVatNumber,
    ties: data.ties.map((t) => ({ name: t.name, vatNumber: t.vatNumber, taxCode: t.taxCode ?? null, kind: t.kind as ExpertTieKind })),
    cv: await cvOf(db, userId),
    units: units.map((u) => ({ id: u.id, name: u.name })),
    submittedAt: data.submittedAt?.toISOString() ?? null,
    reviewedAt: data.reviewedAt?.toISOString() ?? null,
    reviewedBy: data.reviewedBy ? { id: data.reviewedBy, name: reviewer?.name ?? '' } : null,
    reviewNote: data.reviewNote,
    createdAt: data.createdAt?.toISOString() ?? null,
    updatedAt: data.updatedAt?.toISOString() ?? null,
    can: { edit: actor.userId === userId, review: actor.userId !== userId && canReviewExpert(actor, units) },
  }
}

async function loadRow(db: Db, userId: string, forUpdate = false): Promise<ExpertProfileRow | undefined> {
  const query = db.select().from(expertProfiles).where(eq(expertProfiles.userId, userId))
  const [row] = forUpdate ? await query.for('update') : await query
  return row
}

export async function getMyProfile(ctx: RequestContext): Promise<ExpertProfile> {
  const actor = requireActor(ctx)
  const units = await requireExpert(ctx.db, actor)
  return toProfile(ctx, ctx.db, actor.userId, await loadRow(ctx.db, actor.userId), units)
}

/**
 * Where an edit leaves the status: an approved profile goes back to staff (submitted) so approval
 * always covers what the pool shows; a rejected one becomes a draft again to be fixed and submitted.
 */
function statusAfterEdit(status: string): ExpertProfileStatus {
  if (status === 'approved') return 'submitted'
  if (status === 'rejected') return 'draft'
  return status as ExpertProfileStatus
}

/** Ties as stored: the employer is a field of its own, so an employer tie in the list is kept as given. */
function tiesOf(input: readonly ExpertTie[]) {
  return input.map((t) => ({ name: t.name, vatNumber: t.vatNumber ?? null, taxCode: t.taxCode ?? null, kind: t.kind }))
}

async function touch(ctx: RequestContext, tx: Db, actor: Actor, units: ExpertUnit[], changes: Partial<ExpertProfileRow>): Promise<ExpertProfileRow> {
  const before = await loadRow(tx, actor.userId, true)
  const now = ctx.now()
  const status = statusAfterEdit(before?.status ?? 'draft')
  const values = {
    ...changes,
    status,
    submittedAt: status === 'submitted' && before?.status === 'approved' ? now : (before?.submittedAt ?? null),
    updatedAt: now,
  }
  const [after] = before
    ? await tx.update(expertProfiles).set(values).where(eq(expertProfiles.userId, actor.userId)).returning()
    : await tx.insert(expertProfiles).values({ ...values, userId: actor.userId, createdAt: now }).returning()
  if (!after) throw new Error('expert profile write returned no row')
  await ctx.deps.audit.record(tx, ctx, { action: before ? 'update' : 'create', entityType: 'expert_profile', entityId: actor.userId, unitId: units[0]?.id ?? null, before: before ?? null, after })
  return after
}

export async function saveMyProfile(ctx: RequestContext, input: ExpertProfileValues): Promise<ExpertProfile> {
  const actor = requireActor(ctx)
  return ctx.db.transaction(async (tx) => {
    const units = await requireExpert(tx, actor)
    let homeComuneIstat: string | null = null
    if (input.homeComuneIstat) {
      const comune = await matchComune(tx, input.homeComuneIstat, italianDay(ctx.now()))
      if (!comune) throw new AppError('VALIDATION', 'errors.validation', {}, [{ path: 'homeComuneIstat', message: 'errors.comuneUnknown' }])
      homeComuneIstat = comune.istatCode
    }
    const after = await touch(ctx, tx, actor, units, {
      headline: input.headline,
      bio: input.bio,
      kind: input.kind,
      programme: input.programme,
      outOfWork: input.outOfWork,
      competences: input.competences,
      sectors: [...input.sectors].sort(),
      provinces: [...input.provinces].sort(),
      homeComuneIstat,
      languages: input.languages,
      availabilityDaysPerMonth: input.availabilityDaysPerMonth,
      employerName: input.employerName,
      employerVatNumber: input.employerVatNumber?.replace(/^IT/, '') ?? null,
      ties: tiesOf(input.ties),
    })
    return toProfile(ctx, tx, actor.userId, after, units)
  })
}

/** What a profile needs before staff can review it. */
function missingForSubmit(row: ExpertProfileRow | undefined): { path: string; message: string }[] {
  const missing: { path: string; message: string }[] = []
  if (!row?.headline) missing.push({ path: 'headline', message: 'errors.expertHeadlineRequired' })
  if (!row || row.competences.length === 0) missing.push({ path: 'competences', message: 'errors.expertCompetencesRequired' })
  if (!row || row.provinces.length === 0) missing.push({ path: 'provinces', message: 'errors.expertProvincesRequired' })
  if (!row || row.availabilityDaysPerMonth <= 0) missing.push({ path: 'availabilityDaysPerMonth', message: 'errors.expertAvailabilityRequired' })
  return missing
}

export async function submitMyProfile(ctx: RequestContext): Promise<ExpertProfile> {
  const actor = requireActor(ctx)
  return ctx.db.transaction(async (tx) => {
    const units = await requireExpert(tx, actor)
    const before = await loadRow(tx, actor.userId, true)
    const missing = missingForSubmit(before)
    if (!before || missing.length > 0) throw new AppError('VALIDATION', 'errors.expertProfileIncomplete', {}, missing)
    if (before.status === 'submitted' || before.status === 'approved') {
      throw new AppError('CONFLICT', 'errors.expertProfileAlreadySubmitted', { status: before.status })
    }
    const [after] = await tx
      .update(expertProfiles)
      .set({ status: 'submitted', submittedAt: ctx.now(), updatedAt: ctx.now() })
      .where(eq(expertProfiles.userId, actor.userId))
      .returning()
    if (!after) throw new Error('expert profile update returned no row')
    await ctx.deps.audit.record(tx, ctx, { action: 'update', entityType: 'expert_profile', entityId: actor.userId, unitId: units[0]?.id ?? null, before, after })
    return toProfile(ctx, tx, actor.userId, after, units)
  })
}

/** Marks an approved profile as changed (the CV is part of what staff approve). */
export async function touchForCv(ctx: RequestContext, tx: Db, actor: Actor, units: ExpertUnit[]) {
  await touch(ctx, tx, actor, units, {})
}

/** A profile the actor may read (staff who see the expert, or the expert themself); NOT_FOUND otherwise. */
export async function readableExpert(db: Db, actor: Actor, userId: string) {
  const units = await expertUnitsOf(db, userId)
  if (units.length === 0 || (actor.userId !== userId && !canSeeExpert(actor, units))) throw new AppError('NOT_FOUND', 'errors.notFound')
  return units
}

export async function getExpert(ctx: RequestContext, userId: string): Promise<ExpertProfile> {
  const actor = requireActor(ctx)
  const units = await readableExpert(ctx.db, actor, userId)
  const row = await loadRow(ctx.db, userId)
  if (!row) throw new AppError('NOT_FOUND', 'errors.notFound')
  return toProfile(ctx, ctx.db, userId, row, units)
}

export async function reviewExpert(ctx: RequestContext, userId: string, decision: 'approve' | 'reject', note: string | undefined): Promise<ExpertProfile> {
  const actor = requireActor(ctx)
  return ctx.db.transaction(async (tx) => {
    const units = await readableExpert(tx, actor, userId)
    if (actor.userId === userId) throw new AppError('FORBIDDEN', 'errors.expertSelfReview')
    if (!canReviewExpert(actor, units)) throw new AppError('FORBIDDEN', 'errors.forbidden')
    const before = await loadRow(tx, userId, true)
    if (!before) throw new AppError('NOT_FOUND', 'errors.notFound')
    // Approve what was submitted (or reconsider a rejection); reject a submission or withdraw an approval.
    const allowed = decision === 'approve' ? ['submitted', 'rejected'] : ['submitted', 'approved']
    if (!allowed.includes(before.status)) throw new AppError('CONFLICT', 'errors.expertReviewState', { status: before.status })
    if (decision === 'reject' && !note?.trim()) {
      throw new AppError('VALIDATION', 'errors.validation', {}, [{ path: 'note', message: 'errors.expertRejectNoteRequired' }])
    }
    const [after] = await tx
      .update(expertProfiles)
      .set({ status: decision === 'approve' ? 'approved' : 'rejected', reviewedBy: actor.userId, reviewedAt: ctx.now(), reviewNote: note?.trim() || null, updatedAt: ctx.now() })
      .where(eq(expertProfiles.userId, userId))
      .returning()
    if (!after) throw new Error('expert profile update returned no row')
    await ctx.deps.audit.record(tx, ctx, { action: 'update', entityType: 'expert_profile', entityId: userId, unitId: units[0]?.id ?? null, before, after })
    return toProfile(ctx, tx, userId, after, units)
  })
}

// Accents folded before lower(): under the C locale (some PostgreSQL installs) lower() leaves "À" as is.
const foldSql = (expr: SQL) =>
  sql`lower(translate(${expr}, 'ÀÁÂÄÈÉÊËÌÍÎÏÒÓÔÖÙÚÛÜàáâäèéêëìíîïòóôöùúûü', 'AAAAEEEEIIIIOOOOUUUUaaaaeeeeiiiioooouuuu'))`
const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()

/** The pool as staff see it: search, filters, keyset pages by name. */
export async function listExperts(ctx: RequestContext, query: ExpertListQuery): Promise<ExpertPage> {
  const actor = requireActor(ctx)
  const name = sql<string>`users.name`
  const conditions: SQL[] = [expertVisibleTo(actor)]
  if (query.status) conditions.push(eq(expertProfiles.status, query.status))
  if (query.competence) conditions.push(sql`${expertProfiles.competences} @> array[${query.competence}]::text[]`)
  if (query.sector) conditions.push(sql`${expertProfiles.sectors} @> array[${query.sector}]::text[]`)
  if (query.province) conditions.push(sql`${expertProfiles.provinces} @> array[${query.province}]::text[]`)
  if (query.minAvailability !== undefined) conditions.push(gte(expertProfiles.availabilityDaysPerMonth, query.minAvailability))
  if (query.q) {
    const q = fold(query.q)
    const pattern = likePattern(q)
    // Competence labels are reference data: match them here and search the keys.
    const keys = EXPERT_COMPETENCES.filter((c) => fold(c.it).includes(q) || fold(c.en).includes(q) || c.key.includes(q)).map((c) => c.key)
    const matches: SQL[] = [sql`${foldSql(name)} like ${pattern}`, sql`${foldSql(sql`${expertProfiles.headline}`)} like ${pattern}`]
    if (keys.length > 0) matches.push(sql`${expertProfiles.competences} && ${sql.param(keys)}::text[]`)
    conditions.push(sql`(${sql.join(matches, sql` or `)})`)
  }
  const cursor = decodeCursor(query.cursor)
  if (cursor) conditions.push(sql`(lower(${name}), ${expertProfiles.userId}) > (${cursor.k}, ${cursor.id})`)
  const rows = await ctx.db
    .select({ profile: expertProfiles, name, sortKey: sql<string>`lower(${name})`, homeComuneName: sql<string | null>`(select k.name from comuni k where k.istat_code = ${expertProfiles.homeComuneIstat} and k.valid_to is null limit 1)` })
    .from(expertProfiles)
    .innerJoin(sql`users`, sql`users.id = ${expertProfiles.userId}`)
    .where(and(...conditions))
    .orderBy(sql`lower(${name})`, expertProfiles.userId)
    .limit(query.limit + 1)
  const page = rows.slice(0, query.limit)
  const last = page.at(-1)
  return {
    items: page.map(({ profile: p, name: n, homeComuneName }) => ({
      userId: p.userId,
      name: n,
      status: p.status as ExpertProfileStatus,
      headline: p.headline,
      kind: p.kind as ExpertKind,
      programme: p.programme,
      outOfWork: p.outOfWork,
      competences: p.competences,
      sectors: p.sectors,
      provinces: p.provinces,
      homeComuneName,
      availabilityDaysPerMonth: p.availabilityDaysPerMonth,
      submittedAt: p.submittedAt?.toISOString() ?? null,
      updatedAt: p.updatedAt.toISOString(),
    })),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ k: last.sortKey, id: last.profile.userId }) : null,
  }
}
