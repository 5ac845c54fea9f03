/** HTTP of the expert pool: validate → call the service → respond. `/experts/me…` before `/experts/{userId}…`. */
import { AppError } from '../../../shared/app-error'
import { createRouter, defineRoute, jsonBody, jsonResponse, z } from '../../../server/http/openapi'
import { uploadLimit } from '../../../server/http/files'
import { ctxOf } from '../../../server/http/middleware'
import { EXPERT_CV_MAX_BYTES, ExpertCv, ExpertCvUploadInput, ExpertListQuery, ExpertPage, ExpertProfile, ExpertProfileInput, ExpertReviewInput } from '../experts.contract'
import { deleteMyCv, getExpertCv, uploadMyCv } from './expert-cv.service'
import { getExpert, getMyProfile, listExperts, requireActor, reviewExpert, saveMyProfile, submitMyProfile } from './experts.service'

const tags = ['Experts']
const UserParam = z.object({ userId: z.string().uuid() })
const UploadForm = z.object({
  file: z.custom<File>((v) => typeof File !== 'undefined' && v instanceof File).openapi({ type: 'string', format: 'binary' }),
})
const maxMb = EXPERT_CV_MAX_BYTES / 1024 / 1024
const cvUploadLimit = uploadLimit(EXPERT_CV_MAX_BYTES, 'errors.expertCvTooLarge')
const fileResponse = { description: 'The file', content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } } }

function sendFile(c: { body: (data: Uint8Array, status: 200, headers: Record<string, string>) => Response }, file: { fileName: string; contentType: string; content: Buffer }) {
  return c.body(new Uint8Array(file.content), 200, {
    'content-type': file.contentType,
    'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
  })
}

export const expertsRoutes = createRouter()
  .openapi(
    defineRoute({ method: 'get', path: '/experts/me', tags, summary: 'My expert profile (an empty draft before the first save; experts only)', responses: { 200: jsonResponse(ExpertProfile, 'The profile') } }),
    async (c) => c.json(await getMyProfile(ctxOf(c)), 200),
  )
  .openapi(
    defineRoute({
      method: 'put', path: '/experts/me', tags, summary: 'Save my expert profile (an approved profile goes back to review; audited)',
      request: { body: jsonBody(ExpertProfileInput) }, responses: { 200: jsonResponse(ExpertProfile, 'Saved') },
    }),
    async (c) => c.json(await saveMyProfile(ctxOf(c), c.req.valid('json')), 200),
  )
  .openapi(
    defineRoute({ method: 'post', path: '/experts/me/submit', tags, summary: 'Submit my profile for approval', responses: { 200: jsonResponse(ExpertProfile, 'Submitted') } }),
    async (c) => c.json(await submitMyProfile(ctxOf(c)), 200),
  )
  .openapi(
    defineRoute({
      method: 'post', path: '/experts/me/cv', tags,
      summary: `Upload or replace my CV (multipart \`file\` or JSON with base64 \`content\`; PDF, Word, ODT; at most ${maxMb} MB; audited)`,
      middleware: [cvUploadLimit],
      request: { body: { required: false, description: 'The file', content: { 'multipart/form-data': { schema: UploadForm }, 'application/json': { schema: ExpertCvUploadInput } } } },
      responses: { 201: jsonResponse(ExpertCv, 'Stored') },
    }),
    async (c) => {
      const ctx = ctxOf(c)
      const type = c.req.header('content-type') ?? ''
      if (type.startsWith('multipart/form-data')) {
        const form = c.req.valid('form') as z.infer<typeof UploadForm>
        return c.json(await uploadMyCv(ctx, { fileName: form.file.name, contentType: form.file.type, bytes: new Uint8Array(await form.file.arrayBuffer()) }), 201)
      }
      if (type.startsWith('application/json')) {
        const body = c.req.valid('json') as ExpertCvUploadInput
        return c.json(await uploadMyCv(ctx, { fileName: body.fileName, contentType: body.contentType, bytes: new Uint8Array(Buffer.from(body.content, 'base64')) }), 201)
      }
      throw new AppError('VALIDATION', 'errors.validation', {}, [{ path: 'file', message: 'errors.attachmentEmpty' }])
    },
  )
  .openapi(
    defineRoute({ method: 'get', path: '/experts/me/cv', tags, summary: 'Download my CV', responses: { 200: fileResponse } }),
    async (c) => {
      const ctx = ctxOf(c)
      return sendFile(c, await getExpertCv(ctx, requireActor(ctx).userId))
    },
  )
  .openapi(
    defineRoute({ method: 'delete', path: '/experts/me/cv', tags, summary: 'Remove my CV (audited)', responses: { 204: { description: 'Removed' } } }),
    async (c) => {
      await deleteMyCv(ctxOf(c))
      return c.body(null, 204)
    },
  )
  .openapi(
    defineRoute({
      method: 'get', path: '/experts', tags, summary: 'The expert pool the caller sees: search (name, competence), filters, keyset pages by name',
      request: { query: ExpertListQuery }, responses: { 200: jsonResponse(ExpertPage, 'A page of experts') },
    }),
    async (c) => c.json(await listExperts(ctxOf(c), c.req.valid('query')), 200),
  )
  .openapi(
    defineRoute({ method: 'get', path: '/experts/{userId}', tags, summary: 'One expert profile', request: { params: UserParam }, responses: { 200: jsonResponse(ExpertProfile, 'The profile') } }),
    async (c) => c.json(await getExpert(ctxOf(c), c.req.valid('param').userId), 200),
  )
  .openapi(
    defineRoute({ method: 'get', path: '/experts/{userId}/cv', tags, summary: 'Download an expert’s CV', request: { params: UserParam }, responses: { 200: fileResponse } }),
    async (c) => sendFile(c, await getExpertCv(ctxOf(c), c.req.valid('param').userId)),
  )
  .openapi(
    defineRoute({
      method: 'post', path: '/experts/{userId}/approve', tags, summary: 'Approve a submitted profile (staff of the expert’s unit; audited)',
      request: { params: UserParam, body: jsonBody(ExpertReviewInput) }, responses: { 200: jsonResponse(ExpertProfile, 'Approved') },
    }),
    async (c) => c.json(await reviewExpert(ctxOf(c), c.req.valid('param').userId, 'approve', c.req.valid('json').note), 200),
  )
  .openapi(
    defineRoute({
      method: 'post', path: '/experts/{userId}/reject', tags, summary: 'Reject a profile with a note (staff of the expert’s unit; audited)',
      request: { params: UserParam, body: jsonBody(ExpertReviewInput) }, responses: { 200: jsonResponse(ExpertProfile, 'Rejected') },
    }),
    async (c) => c.json(await reviewExpert(ctxOf(c), c.req.valid('param').userId, 'reject', c.req.valid('json').note), 200),
  )
