/**
 * The expert's CV: one file per expert, replaced by a new upload, stored in the database like
 * assessment evidence (one backup holds everything). The expert manages it; staff who see the
 * expert download it. A change to the CV of an approved profile sends the profile back to review.
 */
import { eq } from 'drizzle-orm'
import { AppError } from '../../../shared/app-error'
import type { RequestContext } from '../../../server/http/context'
import { EXPERT_CV_MAX_BYTES, EXPERT_CV_TYPES } from '../experts.contract'
import { expertCvFiles } from './experts.table'
import { readableExpert, requireActor, requireExpert, touchForCv } from './experts.service'

const META = { userId: expertCvFiles.userId, fileName: expertCvFiles.fileName, contentType: expertCvFiles.contentType, size: expertCvFiles.size, uploadedAt: expertCvFiles.uploadedAt }

export async function uploadMyCv(ctx: RequestContext, file: { fileName: string; contentType: string; bytes: Uint8Array }) {
  const actor = requireActor(ctx)
  const contentType = file.contentType.split(';')[0]?.trim().toLowerCase() ?? ''
  if (!(EXPERT_CV_TYPES as readonly string[]).includes(contentType)) {
    throw new AppError('VALIDATION', 'errors.validation', {}, [{ path: 'file', message: 'errors.expertCvType' }])
  }
  if (file.bytes.length === 0) throw new AppError('VALIDATION', 'errors.validation', {}, [{ path: 'file', message: 'errors.attachmentEmpty' }])
  if (file.bytes.length > EXPERT_CV_MAX_BYTES) throw new AppError('VALIDATION', 'errors.expertCvTooLarge', { maxMb: EXPERT_CV_MAX_BYTES / 1024 / 1024 })
  return ctx.db.transaction(async (tx) => {
    const units = await requireExpert(tx, actor)
    const [before] = await tx.select(META).from(expertCvFiles).where(eq(expertCvFiles.userId, actor.userId))
    const values = { fileName: file.fileName.slice(0, 200), contentType, size: file.bytes.length, content: Buffer.from(file.bytes), uploadedAt: ctx.now() }
    const [after] = await tx
      .insert(expertCvFiles)
      .values({ userId: actor.userId, ...values })
      .onConflictDoUpdate({ target: expertCvFiles.userId, set: values })
      .returning(META)
    if (!after) throw new Error('cv write returned no row')
    await ctx.deps.audit.record(tx, ctx, { action: before ? 'update' : 'create', entityType: 'expert_cv', entityId: actor.userId, unitId: units[0]?.id ?? null, before: before ?? null, after })
    await touchForCv(ctx, tx, actor, units)
    return { fileName: after.fileName, contentType: after.contentType, size: after.size, uploadedAt: after.uploadedAt.toISOString() }
  })
}

export async function deleteMyCv(ctx: RequestContext): Promise<void> {
  const actor = requireActor(ctx)
  await ctx.db.transaction(async (tx) => {
    const units = await requireExpert(tx, actor)
    const [removed] = await tx.delete(expertCvFiles).where(eq(expertCvFiles.userId, actor.userId)).returning(META)
    if (!removed) throw new AppError('NOT_FOUND', 'errors.notFound')
    await ctx.deps.audit.record(tx, ctx, { action: 'delete', entityType: 'expert_cv', entityId: actor.userId, unitId: units[0]?.id ?? null, before: removed })
    await touchForCv(ctx, tx, actor, units)
  })
}

/** The CV of an expert: the expert themself, or staff who see them. */
export async function getExpertCv(ctx: RequestContext, userId: string) {
  const actor = requireActor(ctx)
  if (actor.userId === userId) await requireExpert(ctx.db, actor)
  else await readableExpert(ctx.db, actor, userId)
  const [file] = await ctx.db.select().from(expertCvFiles).where(eq(expertCvFiles.userId, userId))
  if (!file) throw new AppError('NOT_FOUND', 'errors.notFound')
  return { fileName: file.fileName, contentType: file.contentType, content: Buffer.from(file.content) }
}
