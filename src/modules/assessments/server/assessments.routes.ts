/** HTTP only: validate → call the service → respond. */
import { createRouter, defineRoute, ErrorBodySchema, jsonBody, jsonResponse, z } from '../../../server/http/openapi'
import type { Context } from 'hono'
import type { AppEnv, RequestContext } from '../../../server/http/context'
import { ctxOf } from '../../../server/http/middleware'
import { publicLinkLimits, throughPublicLink } from '../../../server/http/public-link'
import {
  Assessment,
  AssessmentCreateInput,
  AssessmentLink,
  AssessmentBenchmarkResponse,
  AssessmentCustomerDataApplyInput,
  AssessmentCustomerDataComparison,
  AssessmentReportSendInput,
  AssessmentReportSent,
  AssessmentLinkCreateInput,
  AssessmentListQuery,
  AssessmentPage,
  AssessmentUpdateInput,
  SelfAssessment,
  SelfAssessmentSaveInput,
} from '../assessments.contract'
import {
  createAssessmentLink,
  getSelfAssessment,
  listAssessmentLinks,
  revokeAssessmentLink,
  saveSelfAssessment,
  submitSelfAssessment,
} from './assessment-links.service'
import { getAssessmentBenchmark } from './assessment-benchmark.service'
import { applyCustomerData, compareCustomerData } from './assessment-customer-data.service'
import { assessmentReportPdf, sendAssessmentReport } from './assessment-report.service'
import {
  correctAssessment,
  createAssessment,
  deleteAssessment,
  getAssessment,
  listAssessments,
  submitAssessment,
  updateAssessment,
  validateAssessment,
} from './assessments.service'

const tags = ['Assessments']
const IdParam = z.object({ id: z.string().uuid() })
const LinkParams = z.object({ id: z.string().uuid(), linkId: z.string().uuid() })
const TokenParam = z.object({ token: z.string().min(1).max(200) })
const linkGone = jsonResponse(ErrorBodySchema, 'The link expired or was revoked')
const tooMany = jsonResponse(ErrorBodySchema, 'Too many requests from this address (per IP, across instances)')

/** Self-assessment links: autosave is chatty, so the overall limit is generous (ADR 0022). */
export const LINK_LIMITS = publicLinkLimits('assessment-link')
export const LINK_MISSES = LINK_LIMITS.misses

const throughLink = <T>(c: Context<AppEnv>, run: (ctx: RequestContext) => Promise<T>) => throughPublicLink(c, LINK_LIMITS, run)

export const assessmentsRoutes = createRouter()
  .openapi(
    defineRoute({
      method: 'get', path: '/assessments/{id}/report.pdf', tags,
      summary: 'The PDF report of a validated assessment (scores, radar, benchmark, interpretation, next steps), in the caller’s language or ?locale=it|en (audited)',
      request: { params: IdParam, query: z.object({ locale: z.enum(['it', 'en']).optional() }) },
      responses: { 200: { description: 'The report', content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } } } },
    }),
    async (c) => {
      const ctx = ctxOf(c)
      const { pdf, fileName } = await assessmentReportPdf(ctx, c.req.valid('param').id, c.req.valid('query').locale ?? ctx.locale)
      return c.body(new Uint8Array(pdf), 200, { 'content-type': 'application/pdf', 'content-disposition': `attachment; filename="${fileName}"` })
    },
  )
  .openapi(
    defineRoute({
      method: 'post', path: '/assessments/{id}/report/send', tags,
      summary: 'Email the PDF report of a validated assessment as an attachment (staff of the company’s unit; audited with the address)',
      request: { params: IdParam, body: jsonBody(AssessmentReportSendInput) },
      responses: { 200: jsonResponse(AssessmentReportSent, 'The report was stored in the outbox and handed to SMTP when configured') },
    }),
    async (c) => c.json(await sendAssessmentReport(ctxOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(
    defineRoute({
      method: 'get', path: '/assessments/{id}/customer-data', tags,
      summary: 'Module 1 (customer data) of the assessment beside the company record, field by field (staff)',
      request: { params: IdParam },
      responses: { 200: jsonResponse(AssessmentCustomerDataComparison, 'The comparison') },
    }),
    async (c) => c.json(await compareCustomerData(ctxOf(c), c.req.valid('param').id), 200),
  )
  .openapi(
    defineRoute({
      method: 'post', path: '/assessments/{id}/customer-data/apply', tags,
      summary: 'Write the chosen Module 1 fields back to the company record (staff consent; validated and audited like a company edit)',
      request: { params: IdParam, body: jsonBody(AssessmentCustomerDataApplyInput) },
      responses: { 200: jsonResponse(AssessmentCustomerDataComparison, 'The comparison after the write') },
    }),
    async (c) => c.json(await applyCustomerData(ctxOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(
    defineRoute({
      method: 'get', path: '/assessments/{id}/benchmark', tags,
      summary: 'Where a validated assessment sits among its peers (ATECO section × size × region, falling back to broader groups): percentile ranks and the group’s spread; nothing from a group under 10',
      request: { params: IdParam },
      responses: { 200: jsonResponse(AssessmentBenchmarkResponse, 'The benchmark, or why there is none') },
    }),
    async (c) => c.json(await getAssessmentBenchmark(ctxOf(c), c.req.valid('param').id), 200),
  )
  .openapi(
    defineRoute({
      method: 'get', path: '/assessments', tags,
      summary: 'Assessments the caller reads, newest first: of one company (companyId: every version and stage) or of the caller’s units; filters, keyset pages',
      request: { query: AssessmentListQuery },
      responses: { 200: jsonResponse(AssessmentPage, 'A page of assessments') },
    }),
    async (c) => c.json(await listAssessments(ctxOf(c), c.req.valid('query')), 200),
  )
  .openapi(
    defineRoute({
      method: 'post', path: '/assessments', tags,
      summary: 'Start a DMA assessment of a company (draft; a T1/T2 starts from the latest validated T0; Module 1 prefilled from the company)',
      request: { body: jsonBody(AssessmentCreateInput) },
      responses: { 201: jsonResponse(Assessment, 'Created') },
    }),
    async (c) => c.json(await createAssessment(ctxOf(c), c.req.valid('json')), 201),
  )
  .openapi(
    defineRoute({
      method: 'get', path: '/assessments/{id}', tags, summary: 'One assessment: answers, issues, scores with bands, interpretation, improvements',
      request: { params: IdParam }, responses: { 200: jsonResponse(Assessment, 'Assessment') },
    }),
    async (c) => c.json(await getAssessment(ctxOf(c), c.req.valid('param').id), 200),
  )
  .openapi(
    defineRoute({
      method: 'patch', path: '/assessments/{id}', tags,
      summary: 'Save a draft (autosave): answers are stored as sent and their problems returned as `issues`',
      request: { params: IdParam, body: jsonBody(AssessmentUpdateInput) }, responses: { 200: jsonResponse(Assessment, 'Saved') },
    }),
    async (c) => c.json(await updateAssessment(ctxOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(
    defineRoute({
      method: 'delete', path: '/assessments/{id}', tags, summary: 'Delete a draft assessment',
      request: { params: IdParam }, responses: { 204: { description: 'Deleted' } },
    }),
    async (c) => {
      await deleteAssessment(ctxOf(c), c.req.valid('param').id)
      return c.body(null, 204)
    },
  )
  .openapi(
    defineRoute({
      method: 'post', path: '/assessments/{id}/submit', tags, summary: 'Submit a draft (the answers must be valid: each problem is named)',
      request: { params: IdParam }, responses: { 200: jsonResponse(Assessment, 'Submitted') },
    }),
    async (c) => c.json(await submitAssessment(ctxOf(c), c.req.valid('param').id), 200),
  )
  .openapi(
    defineRoute({
      method: 'post', path: '/assessments/{id}/validate', tags,
      summary: 'Validate a submitted assessment: locks it, stores scores and peer group, updates the company’s journey stage',
      request: { params: IdParam }, responses: { 200: jsonResponse(Assessment, 'Validated') },
    }),
    async (c) => c.json(await validateAssessment(ctxOf(c), c.req.valid('param').id), 200),
  )
  .openapi(
    defineRoute({
      method: 'post', path: '/assessments/{id}/correct', tags,
      summary: 'Correct a validated assessment: a new draft version with the same answers (the old one is superseded when it is validated)',
      request: { params: IdParam }, responses: { 201: jsonResponse(Assessment, 'Correction started') },
    }),
    async (c) => c.json(await correctAssessment(ctxOf(c), c.req.valid('param').id), 201),
  )
  .openapi(
    defineRoute({
      method: 'get', path: '/assessments/{id}/links', tags, summary: 'Self-assessment links of an assessment',
      request: { params: IdParam }, responses: { 200: jsonResponse(z.object({ items: z.array(AssessmentLink) }), 'Links') },
    }),
    async (c) => c.json(await listAssessmentLinks(ctxOf(c), c.req.valid('param').id), 200),
  )
  .openapi(
    defineRoute({
      method: 'post', path: '/assessments/{id}/links', tags,
      summary: 'Email a self-assessment link (no account needed; expires in 14 days) for a draft self-assessment',
      request: { params: IdParam, body: jsonBody(AssessmentLinkCreateInput) }, responses: { 201: jsonResponse(AssessmentLink, 'Sent') },
    }),
    async (c) => c.json(await createAssessmentLink(ctxOf(c), c.req.valid('param').id, c.req.valid('json')), 201),
  )
  .openapi(
    defineRoute({
      method: 'post', path: '/assessments/{id}/links/{linkId}/revoke', tags, summary: 'Revoke a self-assessment link',
      request: { params: LinkParams }, responses: { 200: jsonResponse(AssessmentLink, 'Revoked') },
    }),
    async (c) => {
      const { id, linkId } = c.req.valid('param')
      return c.json(await revokeAssessmentLink(ctxOf(c), id, linkId), 200)
    },
  )
  .openapi(
    defineRoute({
      method: 'get', path: '/assessment-links/{token}', tags, public: true,
      summary: 'The questionnaire behind a self-assessment link (410 when expired or revoked)',
      request: { params: TokenParam }, responses: { 200: jsonResponse(SelfAssessment, 'Questionnaire state'), 410: linkGone, 429: tooMany },
    }),
    async (c) => c.json(await throughLink(c, (ctx) => getSelfAssessment(ctx, c.req.valid('param').token)), 200),
  )
  .openapi(
    defineRoute({
      method: 'patch', path: '/assessment-links/{token}', tags, public: true,
      summary: 'Autosave the answers through a self-assessment link (while not submitted)',
      request: { params: TokenParam, body: jsonBody(SelfAssessmentSaveInput) }, responses: { 200: jsonResponse(SelfAssessment, 'Saved'), 410: linkGone, 429: tooMany },
    }),
    async (c) => c.json(await throughLink(c, (ctx) => saveSelfAssessment(ctx, c.req.valid('param').token, c.req.valid('json').answers)), 200),
  )
  .openapi(
    defineRoute({
      method: 'post', path: '/assessment-links/{token}/submit', tags, public: true,
      summary: 'Submit a self-assessment through its link (the answers must be valid); the link becomes read-only',
      request: { params: TokenParam }, responses: { 200: jsonResponse(SelfAssessment, 'Submitted'), 410: linkGone, 429: tooMany },
    }),
    async (c) => c.json(await throughLink(c, (ctx) => submitSelfAssessment(ctx, c.req.valid('param').token)), 200),
  )
