/** HTTP only: stored roadmaps (list, generate, edit, versions, sign-off, T1) and the public sign-off link. */
import type { Context } from 'hono'
import { createRouter, defineRoute, ErrorBodySchema, jsonBody, jsonResponse, z } from '../../../server/http/openapi'
import type { AppEnv, RequestContext } from '../../../server/http/context'
import { ctxOf } from '../../../server/http/middleware'
import { publicLinkLimits, throughPublicLink } from '../../../server/http/public-link'
import {
  PublicRoadmap,
  Roadmap,
  RoadmapCreateInput,
  RoadmapDiff,
  RoadmapListQuery,
  RoadmapPage,
  RoadmapSaveInput,
  RoadmapSignInput,
  RoadmapSignoffSendInput,
  RoadmapT1Input,
} from '../roadmap-records.contract'
import { roadmapPdf } from './roadmap-report.pdf'
import {
  createRoadmap,
  diffRoadmapVersions,
  getPublicRoadmap,
  getRoadmap,
  listRoadmaps,
  saveRoadmap,
  sendRoadmapForSignoff,
  setRoadmapT1,
  signRoadmap,
} from './roadmap-records.service'

const tags = ['Roadmaps']
const IdParam = z.object({ id: z.string().uuid() })
const TokenParam = z.object({ token: z.string().min(1).max(200) })
const linkGone = jsonResponse(ErrorBodySchema, 'The link expired')
const tooMany = jsonResponse(ErrorBodySchema, 'Too many requests from this address (per IP, across instances)')

/** Roadmap sign-off links: a page read and one signature, so the limits are the default pair. */
export const SIGNOFF_LIMITS = publicLinkLimits('roadmap-signoff')
const throughLink = <T>(c: Context<AppEnv>, run: (ctx: RequestContext) => Promise<T>) => throughPublicLink(c, SIGNOFF_LIMITS, run)

export const roadmapRecordRoutes = createRouter()
  .openapi(
    defineRoute({
      method: 'get', path: '/roadmaps', tags,
      summary: 'Roadmaps the caller reads (their units’, the ones they are the expert of, their company’s), most recently changed first',
      request: { query: RoadmapListQuery },
      responses: { 200: jsonResponse(RoadmapPage, 'A page of roadmaps') },
    }),
    async (c) => c.json(await listRoadmaps(ctxOf(c), c.req.valid('query')), 200),
  )
  .openapi(
    defineRoute({
      method: 'post', path: '/roadmaps', tags,
      summary: 'Generate a roadmap from a validated assessment (staff of the unit, or the expert who assessed it): version 1, a draft',
      request: { body: jsonBody(RoadmapCreateInput) },
      responses: { 201: jsonResponse(Roadmap, 'Generated') },
    }),
    async (c) => c.json(await createRoadmap(ctxOf(c), c.req.valid('json')), 201),
  )
  .openapi(
    defineRoute({
      method: 'get', path: '/roadmaps/{id}', tags,
      summary: 'A roadmap: its current items, gaps, progress, T1 date, sign-off and versions',
      request: { params: IdParam },
      responses: { 200: jsonResponse(Roadmap, 'The roadmap') },
    }),
    async (c) => c.json(await getRoadmap(ctxOf(c), c.req.valid('param').id), 200),
  )
  .openapi(
    defineRoute({
      method: 'put', path: '/roadmaps/{id}', tags,
      summary: 'Save the edited list of items as a new version (409 when someone saved since `baseVersion`); a sent or signed roadmap goes back to draft',
      request: { params: IdParam, body: jsonBody(RoadmapSaveInput) },
      responses: { 200: jsonResponse(Roadmap, 'Saved') },
    }),
    async (c) => c.json(await saveRoadmap(ctxOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(
    defineRoute({
      method: 'get', path: '/roadmaps/{id}/diff', tags,
      summary: 'What changed between two versions, item by item',
      request: { params: IdParam, query: z.object({ from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1) }) },
      responses: { 200: jsonResponse(RoadmapDiff, 'The differences') },
    }),
    async (c) => {
      const { from, to } = c.req.valid('query')
      return c.json(await diffRoadmapVersions(ctxOf(c), c.req.valid('param').id, from, to), 200)
    },
  )
  .openapi(
    defineRoute({
      method: 'post', path: '/roadmaps/{id}/signoff', tags,
      summary: 'Send the current version to the company for sign-off: an email with a link (no account needed), valid 30 days',
      request: { params: IdParam, body: jsonBody(RoadmapSignoffSendInput) },
      responses: { 200: jsonResponse(Roadmap, 'Sent') },
    }),
    async (c) => c.json(await sendRoadmapForSignoff(ctxOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(
    defineRoute({
      method: 'put', path: '/roadmaps/{id}/t1', tags,
      summary: 'Set the re-assessment (T1) due date, or null to follow the date the items imply again',
      request: { params: IdParam, body: jsonBody(RoadmapT1Input) },
      responses: { 200: jsonResponse(Roadmap, 'Scheduled') },
    }),
    async (c) => c.json(await setRoadmapT1(ctxOf(c), c.req.valid('param').id, c.req.valid('json').dueOn), 200),
  )
  .openapi(
    defineRoute({
      method: 'get', path: '/roadmaps/{id}/report.pdf', tags,
      summary: 'The roadmap as a PDF (items by horizon with reasons, gaps, T1 date, sign-off), in the caller’s language or ?locale=it|en',
      request: { params: IdParam, query: z.object({ locale: z.enum(['it', 'en']).optional() }) },
      responses: { 200: { description: 'The PDF', content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } } } },
    }),
    async (c) => {
      const ctx = ctxOf(c)
      const { pdf, fileName } = await roadmapPdf(ctx, c.req.valid('param').id, c.req.valid('query').locale ?? ctx.locale)
      return c.body(new Uint8Array(pdf), 200, { 'content-type': 'application/pdf', 'content-disposition': `attachment; filename="${fileName}"` })
    },
  )
  .openapi(
    defineRoute({
      method: 'get', path: '/roadmap-signoff/{token}', tags, public: true,
      summary: 'The roadmap behind a sign-off link, read-only (410 when the link expired)',
      request: { params: TokenParam },
      responses: { 200: jsonResponse(PublicRoadmap, 'The roadmap to sign'), 410: linkGone, 429: tooMany },
    }),
    async (c) => c.json(await throughLink(c, (ctx) => getPublicRoadmap(ctx.db, c.req.valid('param').token, ctx.now())), 200),
  )
  .openapi(
    defineRoute({
      method: 'post', path: '/roadmap-signoff/{token}/sign', tags, public: true,
      summary: 'The company signs off the version it read (409 when the roadmap changed since it was sent)',
      request: { params: TokenParam, body: jsonBody(RoadmapSignInput) },
      responses: { 200: jsonResponse(PublicRoadmap, 'Signed'), 410: linkGone, 429: tooMany },
    }),
    async (c) => c.json(await throughLink(c, (ctx) => signRoadmap(ctx, c.req.valid('param').token, c.req.valid('json'))), 200),
  )
