/**
 * Evidence files of an assessment (issue 4: an assisted assessment has "an evidence note per
 * question and attachments"). Like the evidence notes they are the hub's working material: staff of
 * the company's unit and the assessor read them, company members do not. Files are added and
 * removed while the assessment is a draft (a validated assessment is locked with its evidence),
 * stored in the database with the assessment (one backup holds everything), and audited.
 */
import { and, asc, eq } from 'drizzle-orm'
import { AppError } from '../../../shared/app-error'
import type { RequestContext } from '../../../server/http/context'
import { loadActor } from '../../identity'
import { ASSESSMENT_ATTACHMENT_MAX_BYTES, ASSESSMENT_ATTACHMENT_TYPES, type AssessmentAttachment } from '../assessments.contract'
import { engineOf } from './assessments.scoring'
import { getFillableAssessment, getScopedAssessment, requireActor } from './assessments.service'
import { assessmentAttachments } from './assessments.table'

type AttachmentRow = typeof assessmentAttachments.$inferSelect

async function toAttachment(ctx: RequestContext, row: Omit<AttachmentRow, 'content'>): Promise<AssessmentAttachment> {
  const uploader = await loadActor(ctx.db, row.uploadedBy, 'session', ['read'])
  return {
    id: row.id,
    assessmentId: row.assessmentId,
    questionId: row.questionId,
    fileName: row.fileName,
    contentType: row.contentType,
    size: row.size,
    uploadedBy: uploader ? { id: uploader.userId, name: uploader.name } : null,
    createdAt: row.createdAt.toISOString(),
  }
}

async function readable(ctx: RequestContext, assessmentId: string) {
  const scoped = await getScopedAssessment(ctx.db, requireActor(ctx), assessmentId)
  if (!scoped.isStaff && !scoped.isAssessor) throw new AppError('NOT_FOUND', 'errors.notFound')
  return scoped
}

const COLUMNS = {
  id: assessmentAttachments.id,
  assessmentId: assessmentAttachments.assessmentId,
  questionId: assessmentAttachments.questionId,
  fileName: assessmentAttachments.fileName,
  contentType: assessmentAttachments.contentType,
  size: assessmentAttachments.size,
  uploadedBy: assessmentAttachments.uploadedBy,
  createdAt: assessmentAttachments.createdAt,
}

export async function listAttachments(ctx: RequestContext, assessmentId: string): Promise<{ items: AssessmentAttachment[] }> {
  await readable(ctx, assessmentId)
  const rows = await ctx.db
    .select(COLUMNS)
    .from(assessmentAttachments)
    .where(eq(assessmentAttachments.assessmentId, assessmentId))
    .orderBy(asc(assessmentAttachments.createdAt), asc(assessmentAttachments.id))
  return { items: await Promise.all(rows.map((r) => toAttachment(ctx, r))) }
}

export async function addAttachment(
  ctx: RequestContext,
  assessmentId: string,
  file: { fileName: string; contentType: string; bytes: Uint8Array; questionId?: string | null | undefined },
): Promise<AssessmentAttachment> {
  const actor = requireActor(ctx)
  const contentType = file.contentType.split(';')[0]?.trim().toLowerCase() ?? ''
  if (!(ASSESSMENT_ATTACHMENT_TYPES as readonly string[]).includes(contentType)) {
    throw new AppError('VALIDATION', 'errors.validation', {}, [{ path: 'file', message: 'errors.attachmentType' }])
  }
  if (file.bytes.length === 0) throw new AppError('VALIDATION', 'errors.validation', {}, [{ path: 'file', message: 'errors.attachmentEmpty' }])
  if (file.bytes.length > ASSESSMENT_ATTACHMENT_MAX_BYTES) {
    throw new AppError('VALIDATION', 'errors.attachmentTooLarge', { maxMb: ASSESSMENT_ATTACHMENT_MAX_BYTES / 1024 / 1024 })
  }
  return ctx.db.transaction(async (tx) => {
    const { row } = await getFillableAssessment(tx, actor, assessmentId)
    if (row.status !== 'draft') throw new AppError('CONFLICT', 'errors.assessmentLocked', { status: row.status })
    if (file.questionId && !engineOf(row.instrumentId, row.instrumentVersion, row.rulesVersion).instrument.questions.some((q) => q.id === file.questionId)) {
      throw new AppError('VALIDATION', 'errors.validation', {}, [{ path: 'questionId', message: 'errors.attachmentQuestion' }])
    }
    const [created] = await tx
      .insert(assessmentAttachments)
      .values({
        assessmentId,
        questionId: file.questionId ?? null,
        fileName: file.fileName.slice(0, 200),
        contentType,
        size: file.bytes.length,
        content: Buffer.from(file.bytes),
        uploadedBy: actor.userId,
        createdAt: ctx.now(),
      })
      .returning(COLUMNS)
    if (!created) throw new Error('attachment insert returned no row')
    await ctx.deps.audit.record(tx, ctx, { action: 'create', entityType: 'assessment_attachment', entityId: created.id, unitId: row.unitId, after: { ...created, assessmentId } })
    return toAttachment({ ...ctx, db: tx }, created)
  })
}

export async function getAttachmentFile(ctx: RequestContext, assessmentId: string, attachmentId: string) {
  await readable(ctx, assessmentId)
  const [file] = await ctx.db
    .select()
    .from(assessmentAttachments)
    .where(and(eq(assessmentAttachments.id, attachmentId), eq(assessmentAttachments.assessmentId, assessmentId)))
  if (!file) throw new AppError('NOT_FOUND', 'errors.notFound')
  return { fileName: file.fileName, contentType: file.contentType, content: Buffer.from(file.content) }
}

export async function deleteAttachment(ctx: RequestContext, assessmentId: string, attachmentId: string): Promise<void> {
  const actor = requireActor(ctx)
  await ctx.db.transaction(async (tx) => {
    const { row } = await getFillableAssessment(tx, actor, assessmentId)
    if (row.status !== 'draft') throw new AppError('CONFLICT', 'errors.assessmentLocked', { status: row.status })
    const [removed] = await tx
      .delete(assessmentAttachments)
      .where(and(eq(assessmentAttachments.id, attachmentId), eq(assessmentAttachments.assessmentId, assessmentId)))
      .returning(COLUMNS)
    if (!removed) throw new AppError('NOT_FOUND', 'errors.notFound')
    await ctx.deps.audit.record(tx, ctx, { action: 'delete', entityType: 'assessment_attachment', entityId: removed.id, unitId: row.unitId, before: removed })
  })
}
