/**
 * Self-assessment links (issue 4): staff send a tokenised, expiring link by email; whoever holds it
 * fills the draft without an account (autosaved, resumable on another device) and submits it.
 * Only the token's sha256 is stored, like API tokens. After submission the link still reads the
 * answers but changes nothing.
 */
import { createHash, randomBytes } from 'node:crypto'
import { desc, eq } from 'drizzle-orm'
import { AppError } from '../../../shared/app-error'
import type { Db } from '../../../server/db/client'
import type { RequestContext } from '../../../server/http/context'
import { findCompanyScopes } from '../../companies'
import type { AssessmentLink, AssessmentLinkCreateInput, DmaInstrumentId, SelfAssessment } from '../assessments.contract'
import { evaluateAnswers, engineOf, scoreColumns } from './assessments.scoring'
import { auditable, getScopedAssessment, getWritableAssessment, requireActor, submitRow } from './assessments.service'
import { assessmentLinks, assessments, type AssessmentRow } from './assessments.table'
import { assessmentLinkMail } from './assessments.mails'

export const ASSESSMENT_LINK_DAYS = 14

type LinkRow = typeof assessmentLinks.$inferSelect
type LinkLocale = 'it' | 'en'

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}

function linkStatus(link: LinkRow, assessmentStatus: string, now: Date): AssessmentLink['status'] {
  if (link.revokedAt) return 'revoked'
  if (assessmentStatus !== 'draft') return 'submitted'
  if (link.expiresAt <= now) return 'expired'
  return 'active'
}

function toLink(link: LinkRow, assessmentStatus: string, now: Date): AssessmentLink {
  return {
    id: link.id,
    assessmentId: link.assessmentId,
    email: link.email,
    locale: link.locale as LinkLocale,
    status: linkStatus(link, assessmentStatus, now),
    expiresAt: link.expiresAt.toISOString(),
    revokedAt: link.revokedAt?.toISOString() ?? null,
    lastOpenedAt: link.lastOpenedAt?.toISOString() ?? null,
    createdAt: link.createdAt.toISOString(),
  }
}

/** Sends a link for a draft self-assessment; the token travels only in the mail. */
export async function createAssessmentLink(ctx: RequestContext, assessmentId: string, input: AssessmentLinkCreateInput): Promise<AssessmentLink> {
  const actor = requireActor(ctx)
  const token = randomBytes(32).toString('base64url')
  const created = await ctx.db.transaction(async (tx) => {
    const { row, company } = await getWritableAssessment(tx, actor, assessmentId)
    if (row.status !== 'draft') throw new AppError('CONFLICT', 'errors.assessmentNotDraft', { status: row.status })
    if (row.mode !== 'self') throw new AppError('CONFLICT', 'errors.assessmentLinkNotSelf')
    const [link] = await tx
      .insert(assessmentLinks)
      .values({
        assessmentId,
        tokenHash: sha256(token),
        email: input.email,
        locale: input.locale ?? 'it',
        expiresAt: new Date(ctx.now().getTime() + ASSESSMENT_LINK_DAYS * 86_400_000),
        createdBy: actor.userId,
        createdAt: ctx.now(),
      })
      .returning()
    if (!link) throw new Error('assessment link insert returned no row')
    await ctx.deps.audit.record(tx, ctx, { action: 'create', entityType: 'assessment_link', entityId: link.id, unitId: row.unitId, after: link })
    return { link, row, companyName: company.name }
  })
  // Mail after commit: a rolled-back link never reaches anyone.
  const mail = assessmentLinkMail({
    locale: created.link.locale as LinkLocale,
    url: `${ctx.deps.publicUrl}/self-assessment/${token}`,
    companyName: created.companyName,
    instrument: created.row.instrumentId as DmaInstrumentId,
    senderName: actor.name,
    expiresAt: created.link.expiresAt,
  })
  await ctx.deps.mailer.send(ctx.db, { to: created.link.email, ...mail })
  return toLink(created.link, created.row.status, ctx.now())
}

export async function listAssessmentLinks(ctx: RequestContext, assessmentId: string): Promise<{ items: AssessmentLink[] }> {
  const actor = requireActor(ctx)
  const { row, isStaff } = await getScopedAssessment(ctx.db, actor, assessmentId)
  if (!isStaff) throw new AppError('FORBIDDEN', 'errors.forbidden')
  const links = await ctx.db.select().from(assessmentLinks).where(eq(assessmentLinks.assessmentId, assessmentId)).orderBy(desc(assessmentLinks.createdAt), desc(assessmentLinks.id))
  return { items: links.map((link) => toLink(link, row.status, ctx.now())) }
}

export async function revokeAssessmentLink(ctx: RequestContext, assessmentId: string, linkId: string): Promise<AssessmentLink> {
  const actor = requireActor(ctx)
  return ctx.db.transaction(async (tx) => {
    const { row } = await getWritableAssessment(tx, actor, assessmentId)
    const [before] = await tx.select().from(assessmentLinks).where(eq(assessmentLinks.id, linkId))
    if (!before || before.assessmentId !== assessmentId) throw new AppError('NOT_FOUND', 'errors.notFound')
    if (before.revokedAt) return toLink(before, row.status, ctx.now())
    const [after] = await tx.update(assessmentLinks).set({ revokedAt: ctx.now() }).where(eq(assessmentLinks.id, linkId)).returning()
    if (!after) throw new Error('assessment link update returned no row')
    await ctx.deps.audit.record(tx, ctx, { action: 'revoke', entityType: 'assessment_link', entityId: linkId, unitId: row.unitId, before, after })
    return toLink(after, row.status, ctx.now())
  })
}

/** The link and its assessment; an unknown, revoked or expired token is a clear error. */
async function resolveLink(db: Db, token: string, now: Date): Promise<{ link: LinkRow; row: AssessmentRow }> {
  const [link] = await db.select().from(assessmentLinks).where(eq(assessmentLinks.tokenHash, sha256(token)))
  if (!link) throw new AppError('NOT_FOUND', 'errors.assessmentLinkUnknown')
  if (link.revokedAt) throw new AppError('GONE', 'errors.assessmentLinkRevoked')
  if (link.expiresAt <= now) throw new AppError('GONE', 'errors.assessmentLinkExpired')
  const [row] = await db.select().from(assessments).where(eq(assessments.id, link.assessmentId))
  if (!row) throw new AppError('NOT_FOUND', 'errors.assessmentLinkUnknown')
  return { link, row }
}

async function toSelfAssessment(db: Db, link: LinkRow, row: AssessmentRow): Promise<SelfAssessment> {
  const [company] = await findCompanyScopes(db, [row.companyId])
  const { instrument, rules } = engineOf(row.instrumentId, row.instrumentVersion, row.rulesVersion)
  return {
    companyName: company?.name ?? '',
    stage: row.stage as SelfAssessment['stage'],
    instrument: row.instrumentId as DmaInstrumentId,
    instrumentVersion: row.instrumentVersion,
    locale: link.locale as LinkLocale,
    status: row.status as SelfAssessment['status'],
    readOnly: row.status !== 'draft',
    answers: row.answers,
    issues: evaluateAnswers(instrument, rules, row.answers).issues,
    expiresAt: link.expiresAt.toISOString(),
  }
}

export async function getSelfAssessment(ctx: RequestContext, token: string): Promise<SelfAssessment> {
  const { link, row } = await resolveLink(ctx.db, token, ctx.now())
  const [opened] = await ctx.db.update(assessmentLinks).set({ lastOpenedAt: ctx.now() }).where(eq(assessmentLinks.id, link.id)).returning()
  return toSelfAssessment(ctx.db, opened ?? link, row)
}

/** Autosave through a link: the draft's answers as sent (partly invalid answers are kept and reported). */
export async function saveSelfAssessment(ctx: RequestContext, token: string, answers: Record<string, unknown>): Promise<SelfAssessment> {
  return ctx.db.transaction(async (tx) => {
    const { link, row: before } = await resolveLink(tx, token, ctx.now())
    if (before.status !== 'draft') throw new AppError('CONFLICT', 'errors.assessmentLinkReadOnly')
    const { instrument, rules } = engineOf(before.instrumentId, before.instrumentVersion, before.rulesVersion)
    const [after] = await tx
      .update(assessments)
      .set({ answers, ...scoreColumns(evaluateAnswers(instrument, rules, answers).result), updatedAt: ctx.now() })
      .where(eq(assessments.id, before.id))
      .returning()
    if (!after) throw new Error('assessment update returned no row')
    await tx.update(assessmentLinks).set({ lastOpenedAt: ctx.now() }).where(eq(assessmentLinks.id, link.id))
    await ctx.deps.audit.record(tx, ctx, {
      action: 'update', entityType: 'assessment', entityId: before.id, unitId: after.unitId,
      before: auditable(before), after: { ...auditable(after), viaLink: link.id },
    })
    return toSelfAssessment(tx, link, after)
  })
}

export async function submitSelfAssessment(ctx: RequestContext, token: string): Promise<SelfAssessment> {
  return ctx.db.transaction(async (tx) => {
    const { link, row } = await resolveLink(tx, token, ctx.now())
    if (row.status !== 'draft') throw new AppError('CONFLICT', 'errors.assessmentLinkReadOnly')
    const after = await submitRow(ctx, tx, row, null)
    return toSelfAssessment(tx, link, after)
  })
}
