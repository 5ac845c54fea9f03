/** HTTP only: the company's journey timeline (every module's evidence, newest first). */
import { createRouter, defineRoute, jsonResponse, z } from '../../../server/http/openapi'
import { ctxOf } from '../../../server/http/middleware'
import { CompanyJourneyPage, CompanyJourneyQuery } from '../company-journey.contract'
import { listCompanyJourney } from './company-journey.service'

const tags = ['Companies']
const IdParam = z.object({ id: z.string().uuid() })

export const companyJourneyRoutes = createRouter().openapi(
  defineRoute({
    method: 'get', path: '/companies/{id}/journey', tags,
    summary: 'The company’s journey: interactions, assessments, roadmaps, projects and support days as reported by their modules, newest first',
    request: { params: IdParam, query: CompanyJourneyQuery },
    responses: { 200: jsonResponse(CompanyJourneyPage, 'A page of the journey') },
  }),
  async (c) => c.json(await listCompanyJourney(ctxOf(c), c.req.valid('param').id, c.req.valid('query')), 200),
)
