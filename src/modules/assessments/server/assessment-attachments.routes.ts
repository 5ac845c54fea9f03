/** HTTP of an assessment's evidence files: validate → call the service → respond. */
import { AppError } from '../../../shared/app-error'
import { createRouter, defineRoute, jsonResponse, z } from '../../../server/http/openapi'
import { uploadLimit } from '../../../server/http/files'
import { ctxOf } from '../../../server/http/middleware'
import { ASSESSMENT_ATTACHMENT_MAX_BYTES, AssessmentAttachment, AssessmentAttachmentUploadInput, DmaQuestionId } from '../assessments.contract'
import { addAttachment, deleteAttachment, getAttachmentFile, listAttachments } from './assessment-attachments.service'

const tags = ['Assessments']
const IdParam = z.object({ id: z.string().uuid() })
const FileParams = z.object({ id: z.string().uuid(), attachmentId: z.string().uuid() })
const UploadForm = z.object({
  file: z.custom<File>((v) => typeof File !== 'undefined' && v instanceof File).openapi({ type: 'string', format: 'binary' }),
  questionId: DmaQuestionId.optional(),
})

const maxMb = ASSESSMENT_ATTACHMENT_MAX_BYTES / 1024 / 1024
const attachmentUploadLimit = uploadLimit(ASSESSMENT_ATTACHMENT_MAX_BYTES, 'errors.attachmentTooLarge')

export const assessmentAttachmentsRoutes = createRouter()
  .openapi(
    defineRoute({
      method: 'get', path: '/assessments/{id}/attachments', tags, summary: 'Evidence files of an assessment (staff and its assessor)',
      request: { params: IdParam }, responses: { 200: jsonResponse(z.object({ items: z.array(AssessmentAttachment) }), 'The files') },
    }),
    async (c) => c.json(await listAttachments(ctxOf(c), c.req.valid('param').id), 200),
  )
  .openapi(
    defineRoute({
      method: 'post', path: '/assessments/{id}/attachments', tags,
      summary: `Add an evidence file to a draft (multipart \`file\` + optional \`questionId\`, or JSON with base64 \`content\`; PDF, images, text, Office; at most ${maxMb} MB; audited)`,
      middleware: [attachmentUploadLimit],
      request: {
        params: IdParam,
        body: { required: false, description: 'The file', content: { 'multipart/form-data': { schema: UploadForm }, 'application/json': { schema: AssessmentAttachmentUploadInput } } },
      },
      responses: { 201: jsonResponse(AssessmentAttachment, 'Added') },
    }),
    async (c) => {
      const ctx = ctxOf(c)
      const id = c.req.valid('param').id
      const type = c.req.header('content-type') ?? ''
      if (type.startsWith('multipart/form-data')) {
        const form = c.req.valid('form') as z.infer<typeof UploadForm>
        return c.json(await addAttachment(ctx, id, { fileName: form.file.name, contentType: form.file.type, bytes: new Uint8Array(await form.file.arrayBuffer()), questionId: form.questionId }), 201)
      }
      if (type.startsWith('application/json')) {
        const body = c.req.valid('json') as AssessmentAttachmentUploadInput
        return c.json(await addAttachment(ctx, id, { fileName: body.fileName, contentType: body.contentType, bytes: new Uint8Array(Buffer.from(body.content, 'base64')), questionId: body.questionId }), 201)
      }
      throw new AppError('VALIDATION', 'errors.validation', {}, [{ path: 'file', message: 'errors.attachmentEmpty' }])
    },
  )
  .openapi(
    defineRoute({
      method: 'get', path: '/assessments/{id}/attachments/{attachmentId}', tags, summary: 'Download one evidence file',
      request: { params: FileParams },
      responses: { 200: { description: 'The file', content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } } } },
    }),
    async (c) => {
      const { id, attachmentId } = c.req.valid('param')
      const file = await getAttachmentFile(ctxOf(c), id, attachmentId)
      return c.body(new Uint8Array(file.content), 200, {
        'content-type': file.contentType,
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-store',
      })
    },
  )
  .openapi(
    defineRoute({
      method: 'delete', path: '/assessments/{id}/attachments/{attachmentId}', tags, summary: 'Remove an evidence file from a draft (audited)',
      request: { params: FileParams }, responses: { 204: { description: 'Removed' } },
    }),
    async (c) => {
      const { id, attachmentId } = c.req.valid('param')
      await deleteAttachment(ctxOf(c), id, attachmentId)
      return c.body(null, 204)
    },
  )
