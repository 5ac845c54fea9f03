/** HTTP only: validate → call the service → respond. */
import { createRouter, defineRoute, jsonBody, jsonResponse, z } from '../../../server/http/openapi'
import { ctxOf } from '../../../server/http/middleware'
import { Company, CompanyCreateInput, CompanyListQuery, CompanyPage, CompanyUpdateInput } from '../companies.contract'
import { createCompany, getCompany, listCompanies, setCompanyArchived, updateCompany } from './companies.service'

const tags = ['Companies']
const IdParam = z.object({ id: z.string().uuid() })

export const companiesRoutes = createRouter()
  .openapi(
    defineRoute({
      method: 'get', path: '/companies', tags,
      summary: 'Companies in the caller’s units: Italian full-text and fuzzy search, filters, keyset pages',
      request: { query: CompanyListQuery },
      responses: { 200: jsonResponse(CompanyPage, 'A page of companies') },
    }),
    async (c) => c.json(await listCompanies(ctxOf(c), c.req.valid('query')), 200),
  )
  .openapi(
    defineRoute({ method: 'get', path: '/companies/{id}', tags, summary: 'One company', request: { params: IdParam }, responses: { 200: jsonResponse(Company, 'Company') } }),
    async (c) => c.json(await getCompany(ctxOf(c), c.req.valid('param').id), 200),
  )
  .openapi(
    defineRoute({
      method: 'post', path: '/companies', tags, summary: 'Create a company (partita IVA unique in the network)',
      request: { body: jsonBody(CompanyCreateInput) }, responses: { 201: jsonResponse(Company, 'Created') },
    }),
    async (c) => c.json(await createCompany(ctxOf(c), c.req.valid('json')), 201),
  )
  .openapi(
    defineRoute({
      method: 'patch', path: '/companies/{id}', tags, summary: 'Edit a company',
      request: { params: IdParam, body: jsonBody(CompanyUpdateInput) }, responses: { 200: jsonResponse(Company, 'Updated') },
    }),
    async (c) => c.json(await updateCompany(ctxOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(
    defineRoute({ method: 'post', path: '/companies/{id}/archive', tags, summary: 'Archive a company', request: { params: IdParam }, responses: { 200: jsonResponse(Company, 'Archived') } }),
    async (c) => c.json(await setCompanyArchived(ctxOf(c), c.req.valid('param').id, true), 200),
  )
  .openapi(
    defineRoute({ method: 'post', path: '/companies/{id}/restore', tags, summary: 'Restore an archived company', request: { params: IdParam }, responses: { 200: jsonResponse(Company, 'Restored') } }),
    async (c) => c.json(await setCompanyArchived(ctxOf(c), c.req.valid('param').id, false), 200),
  )
