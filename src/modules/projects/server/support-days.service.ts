/**
 * The support-day ledger (issue 5; ADR 0026). Append-only: the expert logs entries, a correction is
 * a new entry pointing at the one it corrects (never an edit), the company confirms or disputes
 * each entry through an emailed link (no account; only the token's sha256 is stored), and staff
 * approve confirmed entries. The budget guard: inside one transaction the project row is locked
 * (`FOR UPDATE`), then the non-disputed entries are summed, then the entry is inserted, so two
 * concurrent entries can never both pass a budget only one of them fits.
 */
import { createHash, randomBytes } from 'node:crypto'
import { and, asc, eq, max, ne, sql } from 'drizzle-orm'
import { AppError } from '../../../shared/app-error'
import type { Db } from '../../../server/db/client'
import type { RequestContext } from '../../../server/http/context'
import { findCompanyScopes, recordCompanyActivity, removeCompanyActivity } from '../../companies'
import { italianDay } from '../../territory'
import {
  hoursToDays,
  SUPPORT_DAY_LINK_DAYS,
  type BurnDown,
  type ConfirmInput,
  type DisputeInput,
  type SendConfirmationInput,
  type SupportDayConfirmation,
  type SupportDayEntry,
  type SupportDayEntryInput,
} from '../projects.contract'
import { formatDays, getScopedProject, getWritableProject, num, requireActor, resolveRoadmapRefs, userNames, type ScopedProject } from './projects.service'
import { projects, supportDayEntries, type SupportDayEntryRow } from './projects.table'
import { supportDayConfirmationMail } from './projects.mails'

/** The source type under which support days report company activity. */
export const SUPPORT_DAY_SOURCE = 'support_day'

type Locale = 'it' | 'en'

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}

/** A tolerance for sums of numerics read back as decimals. */
const EPSILON = 1e-9

export async function toEntries(db: Db, rows: SupportDayEntryRow[]): Promise<SupportDayEntry[]> {
  const names = await userNames(db, rows.flatMap((r) => [r.loggedBy, r.approvedBy]))
  const corrections = new Map<string, number[]>()
  for (const r of rows) if (r.correctsEntryId) corrections.set(r.correctsEntryId, [...(corrections.get(r.correctsEntryId) ?? []), r.seq])
  return rows.map((r) => ({
    id: r.id,
    projectId: r.projectId,
    seq: r.seq,
    workedOn: r.workedOn,
    days: num(r.days),
    hours: r.hours === null ? null : num(r.hours),
    activity: r.activity,
    outcome: r.outcome,
    roadmapItems: r.roadmapItems,
    loggedBy: { id: r.loggedBy, name: names.get(r.loggedBy) ?? '' },
    correctsEntryId: r.correctsEntryId,
    correctedBy: corrections.get(r.id) ?? [],
    confirmationStatus: r.confirmationStatus as SupportDayEntry['confirmationStatus'],
    confirmationEmail: r.confirmationEmail,
    confirmationSentAt: r.confirmationSentAt?.toISOString() ?? null,
    confirmedAt: r.confirmedAt?.toISOString() ?? null,
    confirmerName: r.confirmerName,
    disputeNote: r.disputeNote,
    approvedBy: r.approvedBy ? { id: r.approvedBy, name: names.get(r.approvedBy) ?? '' } : null,
    approvedAt: r.approvedAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
  }))
}

/** What the audit trail keeps of an entry (never the token's hash). */
function auditable(row: SupportDayEntryRow) {
  const { confirmationTokenHash: _t, ...rest } = row
  return rest
}

export async function listEntries(ctx: RequestContext, projectId: string): Promise<{ items: SupportDayEntry[] }> {
  const actor = requireActor(ctx)
  await getScopedProject(ctx.db, actor, projectId)
  const rows = await ctx.db.select().from(supportDayEntries).where(eq(supportDayEntries.projectId, projectId)).orderBy(asc(supportDayEntries.seq))
  return { items: await toEntries(ctx.db, rows) }
}

function refuse(path: string, messageKey: string, details: Record<string, unknown> = {}): AppError {
  return new AppError('VALIDATION', 'errors.validation', details, [{ path, message: messageKey }])
}

/** The days an entry counts: entered in days, or hours at 8 h = 1 day. */
function durationOf(input: SupportDayEntryInput): { days: number; hours: number | null } {
  if (input.hours !== undefined) return { days: hoursToDays(input.hours), hours: input.hours }
  if (input.days === undefined) throw refuse('days', 'errors.supportDayDurationOne')
  return { days: Math.round(input.days * 1000) / 1000, hours: null }
}

/**
 * Logs an entry (or a correction) for the project's expert. Refused when the project is not active,
 * when the date is in the future or outside the project, or when it would take the non-disputed
 * total above the budget (the message names the remaining days in the caller's language).
 */
export async function logEntry(ctx: RequestContext, projectId: string, input: SupportDayEntryInput): Promise<SupportDayEntry> {
  const actor = requireActor(ctx)
  return ctx.db.transaction(async (tx) => {
    // 1. Lock the project row: every other ledger write of this project waits here until we commit.
    const scoped = await getScopedProject(tx, actor, projectId, { lock: true })
    const project = scoped.row
    if (!scoped.isExpert && !scoped.canWrite) throw new AppError('FORBIDDEN', 'errors.forbidden')
    const { days, hours } = durationOf(input)
    const correcting = input.correctsEntryId ? await correctedEntry(tx, projectId, input.correctsEntryId) : null
    const open = correcting ? project.status === 'active' || project.status === 'completed' : project.status === 'active'
    if (!open) throw new AppError('CONFLICT', 'errors.projectNotActive', { status: project.status })
    if (input.workedOn > italianDay(ctx.now())) throw refuse('workedOn', 'errors.supportDayInFuture')
    if (!correcting) {
      if (days <= 0) throw refuse('days', 'errors.supportDayNotPositive')
      if ((project.startsOn && input.workedOn < project.startsOn) || (project.endsOn && input.workedOn > project.endsOn)) {
        throw refuse('workedOn', 'errors.supportDayOutsideProject', { from: project.startsOn ?? '…', to: project.endsOn ?? '…' })
      }
    } else {
      if (days === 0) throw refuse('days', 'errors.supportDayCorrectionZero')
      if (correcting.net + days < -EPSILON) throw refuse('days', 'errors.supportDayCorrectionBelowZero', { net: formatDays(correcting.net, ctx.locale) })
    }
    // 2. Sum what counts against the budget (everything but disputed entries), under the lock.
    const [sum] = await tx
      .select({ logged: sql<string>`coalesce(sum(${supportDayEntries.days}), 0)` })
      .from(supportDayEntries)
      .where(and(eq(supportDayEntries.projectId, projectId), ne(supportDayEntries.confirmationStatus, 'disputed')))
    const [last] = await tx.select({ seq: max(supportDayEntries.seq) }).from(supportDayEntries).where(eq(supportDayEntries.projectId, projectId))
    const logged = num(sum?.logged)
    const budget = num(project.budgetDays)
    if (days > 0 && logged + days > budget + EPSILON) {
      const remaining = Math.max(0, num(budget - logged))
      throw new AppError('CONFLICT', 'errors.supportDayBudgetExceeded', {
        remaining: formatDays(remaining, ctx.locale),
        budget: formatDays(budget, ctx.locale),
        requested: formatDays(days, ctx.locale),
        remainingDays: remaining,
      })
    }
    // 3. Insert, still under the lock.
    const [row] = await tx
      .insert(supportDayEntries)
      .values({
        projectId,
        seq: (last?.seq ?? 0) + 1,
        workedOn: input.workedOn,
        days: days.toFixed(3),
        hours: hours === null ? null : hours.toFixed(2),
        activity: input.activity,
        outcome: input.outcome ?? null,
        roadmapItems: await resolveRoadmapRefs(tx, project.companyId, input.roadmapItems),
        loggedBy: actor.userId,
        correctsEntryId: correcting?.row.id ?? null,
        createdAt: ctx.now(),
      })
      .returning()
    if (!row) throw new Error('support day insert returned no row')
    // A correction is its own step of the evidence chain, told apart from a first entry in the audit log.
    await ctx.deps.audit.record(tx, ctx, { action: correcting ? 'correct' : 'create', entityType: 'support_day_entry', entityId: row.id, unitId: project.unitId, after: auditable(row) })
    await reportEntry(tx, project.companyId, row, project.title)
    const [entry] = await toEntries(tx, [row])
    if (!entry) throw new Error('entry view missing')
    return entry
  })
}

/** The entry a correction corrects, and its net days so far (itself plus its non-disputed corrections). */
async function correctedEntry(tx: Db, projectId: string, entryId: string): Promise<{ row: SupportDayEntryRow; net: number }> {
  const [row] = await tx.select().from(supportDayEntries).where(and(eq(supportDayEntries.id, entryId), eq(supportDayEntries.projectId, projectId)))
  if (!row) throw refuse('correctsEntryId', 'errors.supportDayCorrectionTarget')
  if (row.correctsEntryId) throw refuse('correctsEntryId', 'errors.supportDayCorrectionOfCorrection')
  if (row.confirmationStatus === 'disputed') throw refuse('correctsEntryId', 'errors.supportDayCorrectionOfDisputed')
  const [sum] = await tx
    .select({ days: sql<string>`coalesce(sum(${supportDayEntries.days}), 0)` })
    .from(supportDayEntries)
    .where(and(eq(supportDayEntries.correctsEntryId, entryId), ne(supportDayEntries.confirmationStatus, 'disputed')))
  return { row, net: num(num(row.days) + num(sum?.days)) }
}

async function reportEntry(tx: Db, companyId: string, row: SupportDayEntryRow, projectTitle: string) {
  await recordCompanyActivity(tx, {
    companyId,
    stage: 'supported',
    sourceType: SUPPORT_DAY_SOURCE,
    sourceId: row.id,
    occurredAt: new Date(`${row.workedOn}T12:00:00Z`),
    summary: { key: row.correctsEntryId ? 'projects.journey.correction' : 'projects.journey.supportDay', params: { days: num(row.days), project: projectTitle }, href: `/projects/${row.projectId}` },
  })
}

async function entryOf(tx: Db, scoped: ScopedProject, entryId: string): Promise<SupportDayEntryRow> {
  const [row] = await tx.select().from(supportDayEntries).where(and(eq(supportDayEntries.id, entryId), eq(supportDayEntries.projectId, scoped.row.id)))
  if (!row) throw new AppError('NOT_FOUND', 'errors.notFound')
  return row
}

/**
 * Emails the company a link to confirm or dispute one pending entry. Sending again replaces the
 * link (the old token stops working). The project's expert or staff send it.
 */
export async function sendConfirmation(ctx: RequestContext, projectId: string, entryId: string, input: SendConfirmationInput): Promise<SupportDayEntry> {
  const actor = requireActor(ctx)
  const token = randomBytes(32).toString('base64url')
  const sent = await ctx.db.transaction(async (tx) => {
    const scoped = await getScopedProject(tx, actor, projectId)
    if (!scoped.isExpert && !scoped.canWrite) throw new AppError('FORBIDDEN', 'errors.forbidden')
    const before = await entryOf(tx, scoped, entryId)
    if (before.confirmationStatus !== 'pending') throw new AppError('CONFLICT', 'errors.supportDayNotPending', { status: before.confirmationStatus })
    const locale: Locale = input.locale ?? 'it'
    const now = ctx.now()
    const [after] = await tx
      .update(supportDayEntries)
      .set({
        confirmationEmail: input.email,
        confirmationLocale: locale,
        confirmationTokenHash: sha256(token),
        confirmationSentAt: now,
        confirmationExpiresAt: new Date(now.getTime() + SUPPORT_DAY_LINK_DAYS * 86_400_000),
      })
      .where(eq(supportDayEntries.id, entryId))
      .returning()
    if (!after) throw new Error('entry update returned no row')
    await ctx.deps.audit.record(tx, ctx, { action: 'send_confirmation', entityType: 'support_day_entry', entityId: entryId, unitId: scoped.row.unitId, before: auditable(before), after: auditable(after) })
    const expertName = scoped.row.expertUserId ? ((await userNames(tx, [scoped.row.expertUserId])).get(scoped.row.expertUserId) ?? null) : null
    return { after, locale, companyName: scoped.company.name, projectTitle: scoped.row.title, expertName }
  })
  // Mail after commit: a rolled-back link never reaches anyone.
  const mail = supportDayConfirmationMail({
    locale: sent.locale,
    url: `${ctx.deps.publicUrl}/support-days/confirm/${token}`,
    companyName: sent.companyName,
    projectTitle: sent.projectTitle,
    expertName: sent.expertName,
    workedOn: sent.after.workedOn,
    days: formatDays(num(sent.after.days), sent.locale),
    activity: sent.after.activity,
    senderName: actor.name,
    expiresAt: sent.after.confirmationExpiresAt ?? ctx.now(),
  })
  await ctx.deps.mailer.send(ctx.db, { to: input.email, ...mail })
  const [entry] = await toEntries(ctx.db, [sent.after])
  if (!entry) throw new Error('entry view missing')
  return entry
}

/** Staff approve a confirmed entry (the company's sign-off is the evidence). */
export async function approveEntry(ctx: RequestContext, projectId: string, entryId: string): Promise<SupportDayEntry> {
  const actor = requireActor(ctx)
  return ctx.db.transaction(async (tx) => {
    const scoped = await getWritableProject(tx, actor, projectId)
    const before = await entryOf(tx, scoped, entryId)
    if (before.confirmationStatus !== 'confirmed') throw new AppError('CONFLICT', 'errors.supportDayNotConfirmed', { status: before.confirmationStatus })
    if (before.approvedAt) throw new AppError('CONFLICT', 'errors.supportDayAlreadyApproved')
    const [after] = await tx
      .update(supportDayEntries)
      .set({ approvedBy: actor.userId, approvedAt: ctx.now() })
      .where(and(eq(supportDayEntries.id, entryId), sql`${supportDayEntries.approvedAt} is null`))
      .returning()
    if (!after) throw new AppError('CONFLICT', 'errors.supportDayAlreadyApproved')
    await ctx.deps.audit.record(tx, ctx, { action: 'approve', entityType: 'support_day_entry', entityId: entryId, unitId: scoped.row.unitId, before: auditable(before), after: auditable(after) })
    const [entry] = await toEntries(tx, [after])
    if (!entry) throw new Error('entry view missing')
    return entry
  })
}

/** The entry behind a confirmation link; unknown → NOT_FOUND (counted as a miss), expired → GONE. */
async function resolveLink(db: Db, token: string, now: Date, lock = false): Promise<SupportDayEntryRow> {
  const query = db.select().from(supportDayEntries).where(eq(supportDayEntries.confirmationTokenHash, sha256(token)))
  const [row] = lock ? await query.for('update') : await query
  if (!row) throw new AppError('NOT_FOUND', 'errors.supportDayLinkUnknown')
  // Once answered the link stays readable (what was confirmed, and by whom); before, it expires.
  if (row.confirmationStatus === 'pending' && row.confirmationExpiresAt && row.confirmationExpiresAt <= now) throw new AppError('GONE', 'errors.supportDayLinkExpired')
  return row
}

async function toConfirmation(db: Db, row: SupportDayEntryRow): Promise<SupportDayConfirmation> {
  const [project] = await db.select().from(projects).where(eq(projects.id, row.projectId))
  if (!project) throw new AppError('NOT_FOUND', 'errors.supportDayLinkUnknown')
  const [company] = await findCompanyScopes(db, [project.companyId])
  const names = await userNames(db, [project.expertUserId])
  return {
    companyName: company?.name ?? '',
    projectTitle: project.title,
    expertName: project.expertUserId ? (names.get(project.expertUserId) ?? null) : null,
    seq: row.seq,
    workedOn: row.workedOn,
    days: num(row.days),
    hours: row.hours === null ? null : num(row.hours),
    activity: row.activity,
    outcome: row.outcome,
    isCorrection: Boolean(row.correctsEntryId),
    locale: (row.confirmationLocale ?? 'it') as Locale,
    status: row.confirmationStatus as SupportDayConfirmation['status'],
    confirmedAt: row.confirmedAt?.toISOString() ?? null,
    confirmerName: row.confirmerName,
    disputeNote: row.disputeNote,
    expiresAt: (row.confirmationExpiresAt ?? row.createdAt).toISOString(),
  }
}

export async function getConfirmation(ctx: RequestContext, token: string): Promise<SupportDayConfirmation> {
  return toConfirmation(ctx.db, await resolveLink(ctx.db, token, ctx.now()))
}

async function answer(ctx: RequestContext, token: string, status: 'confirmed' | 'disputed', name: string, note: string | null): Promise<SupportDayConfirmation> {
  return ctx.db.transaction(async (tx) => {
    const before = await resolveLink(tx, token, ctx.now(), true)
    if (before.confirmationStatus !== 'pending') throw new AppError('CONFLICT', 'errors.supportDayLinkAnswered', { status: before.confirmationStatus })
    const [after] = await tx
      .update(supportDayEntries)
      .set({ confirmationStatus: status, confirmedAt: ctx.now(), confirmerName: name, disputeNote: note })
      .where(eq(supportDayEntries.id, before.id))
      .returning()
    if (!after) throw new Error('entry update returned no row')
    const [project] = await tx.select().from(projects).where(eq(projects.id, after.projectId))
    if (!project) throw new Error('entry without project')
    await ctx.deps.audit.record(tx, ctx, {
      action: status === 'confirmed' ? 'confirm' : 'dispute', entityType: 'support_day_entry', entityId: after.id, unitId: project.unitId,
      before: auditable(before), after: { ...auditable(after), viaLink: true },
    })
    // A disputed day is no evidence of support (and no longer counts against the budget).
    if (status === 'disputed') await removeCompanyActivity(tx, { sourceType: SUPPORT_DAY_SOURCE, sourceId: after.id })
    return toConfirmation(tx, after)
  })
}

export function confirmEntry(ctx: RequestContext, token: string, input: ConfirmInput): Promise<SupportDayConfirmation> {
  return answer(ctx, token, 'confirmed', input.name, null)
}

export function disputeEntry(ctx: RequestContext, token: string, input: DisputeInput): Promise<SupportDayConfirmation> {
  return answer(ctx, token, 'disputed', input.name, input.note)
}

/**
 * The burn-down of a project: cumulative logged (not disputed), confirmed and approved days by the
 * date the work was done, and what remains of the budget.
 */
export async function projectBurnDown(ctx: RequestContext, projectId: string): Promise<BurnDown> {
  const actor = requireActor(ctx)
  const { row } = await getScopedProject(ctx.db, actor, projectId)
  const rows = await ctx.db.select().from(supportDayEntries).where(eq(supportDayEntries.projectId, projectId)).orderBy(asc(supportDayEntries.workedOn), asc(supportDayEntries.seq))
  return burnDownOf(num(row.budgetDays), rows)
}

/** Pure: the burn-down of a budget over entries sorted by `workedOn`. */
export function burnDownOf(budgetDays: number, rows: readonly Pick<SupportDayEntryRow, 'workedOn' | 'days' | 'confirmationStatus' | 'approvedAt'>[]): BurnDown {
  let logged = 0
  let confirmed = 0
  let approved = 0
  let disputed = 0
  const points: BurnDown['points'] = []
  for (const r of rows) {
    const days = num(r.days)
    if (r.confirmationStatus === 'disputed') disputed += days
    else logged += days
    if (r.confirmationStatus === 'confirmed') confirmed += days
    if (r.approvedAt) approved += days
    const point = { date: r.workedOn, logged: num(logged), confirmed: num(confirmed), approved: num(approved), remaining: num(budgetDays - logged) }
    if (points.at(-1)?.date === r.workedOn) points[points.length - 1] = point
    else points.push(point)
  }
  return {
    budgetDays,
    points,
    totals: { logged: num(logged), confirmed: num(confirmed), approved: num(approved), disputed: num(disputed), remaining: num(budgetDays - logged) },
  }
}
