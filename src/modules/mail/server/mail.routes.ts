import { createRouter, defineRoute, jsonResponse, z } from '../../../server/http/openapi'
import { ctxOf } from '../../../server/http/middleware'
import { MailListQuery, MailMessage, MailPage } from '../mail.contract'
import { getMail, listMail } from './mail.service'

const tags = ['Outbox']

export const mailRoutes = createRouter()
  .openapi(
    defineRoute({
      method: 'get',
      path: '/outbox',
      tags,
      summary: 'List sent and outbox messages (network admins)',
      request: { query: MailListQuery },
      responses: { 200: jsonResponse(MailPage, 'A page of messages') },
    }),
    async (c) => c.json(await listMail(ctxOf(c), c.req.valid('query')), 200),
  )
  .openapi(
    defineRoute({
      method: 'get',
      path: '/outbox/{id}',
      tags,
      summary: 'Read one message (network admins)',
      request: { params: z.object({ id: z.string().uuid() }) },
      responses: { 200: jsonResponse(MailMessage, 'The message') },
    }),
    async (c) => c.json(await getMail(ctxOf(c), c.req.valid('param').id), 200),
  )
