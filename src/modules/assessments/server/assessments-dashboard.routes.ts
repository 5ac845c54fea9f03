/** HTTP only: the hub dashboard of assessments (a fixed path, mounted before `/assessments/{id}`). */
import { createRouter, defineRoute, jsonResponse } from '../../../server/http/openapi'
import { ctxOf } from '../../../server/http/middleware'
import { AssessmentDashboard, AssessmentDashboardQuery } from '../assessments.contract'
import { assessmentsDashboard } from './assessments-dashboard.service'

const tags = ['Assessments']

export const assessmentsDashboardRoutes = createRouter().openapi(
  defineRoute({
    method: 'get', path: '/assessments/dashboard', tags,
    summary:
      'Hub dashboard (staff): counts by stage, mode, status, unit and month; distribution of each dimension and the overall score over validated assessments; T0 → T1 deltas per company (paged) and on average',
    request: { query: AssessmentDashboardQuery },
    responses: { 200: jsonResponse(AssessmentDashboard, 'The dashboard') },
  }),
  async (c) => c.json(await assessmentsDashboard(ctxOf(c), c.req.valid('query')), 200),
)
