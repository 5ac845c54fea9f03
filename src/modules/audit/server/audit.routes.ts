import { createRouter, defineRoute, jsonResponse } from '../../../server/http/openapi'
import { ctxOf } from '../../../server/http/middleware'
import { AuditListQuery, AuditPage } from '../audit.contract'
import { listAudit } from './audit.service'

export const auditRoutes = createRouter().openapi(
  defineRoute({
    method: 'get',
    path: '/audit',
    tags: ['Audit'],
    summary: 'Browse the audit log, per entity or per user',
    request: { query: AuditListQuery },
    responses: { 200: jsonResponse(AuditPage, 'A page of audit entries, newest first') },
  }),
  async (c) => c.json(await listAudit(ctxOf(c), c.req.valid('query')), 200),
)
