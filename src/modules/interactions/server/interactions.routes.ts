/** HTTP only: validate → call the service → respond. */
import { createRouter, defineRoute, jsonBody, jsonResponse, z } from '../../../server/http/openapi'
import { ctxOf } from '../../../server/http/middleware'
import {
  FollowUp,
  FollowUpCreateInput,
  FollowUpListQuery,
  FollowUpPage,
  FollowUpUpdateInput,
  Interaction,
  InteractionCreateInput,
  InteractionListQuery,
  InteractionPage,
  InteractionUpdateInput,
} from '../interactions.contract'
import { createFollowUp, listFollowUps, setFollowUpStatus, updateFollowUp } from './follow-ups.service'
import { createInteraction, deleteInteraction, getInteraction, listInteractions, updateInteraction } from './interactions.service'

const tags = ['Interactions']
const IdParam = z.object({ id: z.string().uuid() })

export const interactionsRoutes = createRouter()
  .openapi(
    defineRoute({
      method: 'get', path: '/interactions', tags,
      summary: 'A timeline, newest first: of a company (companyId), of a contact (contactId), or everything the caller reads',
      request: { query: InteractionListQuery },
      responses: { 200: jsonResponse(InteractionPage, 'A page of interactions') },
    }),
    async (c) => c.json(await listInteractions(ctxOf(c), c.req.valid('query')), 200),
  )
  .openapi(
    defineRoute({
      method: 'post', path: '/interactions', tags,
      summary: 'Record an interaction (and optionally a follow-up); updates the company’s journey stage',
      request: { body: jsonBody(InteractionCreateInput) },
      responses: { 201: jsonResponse(Interaction, 'Recorded') },
    }),
    async (c) => c.json(await createInteraction(ctxOf(c), c.req.valid('json')), 201),
  )
  .openapi(
    defineRoute({ method: 'get', path: '/interactions/{id}', tags, summary: 'One interaction', request: { params: IdParam }, responses: { 200: jsonResponse(Interaction, 'Interaction') } }),
    async (c) => c.json(await getInteraction(ctxOf(c), c.req.valid('param').id), 200),
  )
  .openapi(
    defineRoute({
      method: 'patch', path: '/interactions/{id}', tags, summary: 'Edit an interaction (its author or the unit’s staff)',
      request: { params: IdParam, body: jsonBody(InteractionUpdateInput) },
      responses: { 200: jsonResponse(Interaction, 'Updated') },
    }),
    async (c) => c.json(await updateInteraction(ctxOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(
    defineRoute({
      method: 'delete', path: '/interactions/{id}', tags, summary: 'Delete an interaction (soft; it stops counting as company activity)',
      request: { params: IdParam }, responses: { 204: { description: 'Deleted' } },
    }),
    async (c) => {
      await deleteInteraction(ctxOf(c), c.req.valid('param').id)
      return c.body(null, 204)
    },
  )
  .openapi(
    defineRoute({
      method: 'get', path: '/follow-ups', tags,
      summary: 'Follow-ups by due date (overdue first); assignee=me&status=open is “my follow-ups”',
      request: { query: FollowUpListQuery },
      responses: { 200: jsonResponse(FollowUpPage, 'A page of follow-ups') },
    }),
    async (c) => c.json(await listFollowUps(ctxOf(c), c.req.valid('query')), 200),
  )
  .openapi(
    defineRoute({
      method: 'post', path: '/follow-ups', tags, summary: 'Create a follow-up on a company',
      request: { body: jsonBody(FollowUpCreateInput) }, responses: { 201: jsonResponse(FollowUp, 'Created') },
    }),
    async (c) => c.json(await createFollowUp(ctxOf(c), c.req.valid('json')), 201),
  )
  .openapi(
    defineRoute({
      method: 'patch', path: '/follow-ups/{id}', tags, summary: 'Change a follow-up’s title, due date or assignee',
      request: { params: IdParam, body: jsonBody(FollowUpUpdateInput) }, responses: { 200: jsonResponse(FollowUp, 'Updated') },
    }),
    async (c) => c.json(await updateFollowUp(ctxOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(
    defineRoute({ method: 'post', path: '/follow-ups/{id}/complete', tags, summary: 'Mark a follow-up done', request: { params: IdParam }, responses: { 200: jsonResponse(FollowUp, 'Done') } }),
    async (c) => c.json(await setFollowUpStatus(ctxOf(c), c.req.valid('param').id, 'done'), 200),
  )
  .openapi(
    defineRoute({ method: 'post', path: '/follow-ups/{id}/reopen', tags, summary: 'Reopen a follow-up', request: { params: IdParam }, responses: { 200: jsonResponse(FollowUp, 'Open again') } }),
    async (c) => c.json(await setFollowUpStatus(ctxOf(c), c.req.valid('param').id, 'open'), 200),
  )
