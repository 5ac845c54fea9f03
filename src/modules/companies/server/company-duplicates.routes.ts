/** HTTP only: duplicates review queue, merges (and their undo), company members. */
import { createRouter, defineRoute, jsonBody, jsonResponse, z } from '../../../server/http/openapi'
import { ctxOf } from '../../../server/http/middleware'
import {
  CompanyDuplicateList,
  CompanyMember,
  CompanyMemberInput,
  CompanyMemberList,
  CompanyMerge,
  CompanyMergePage,
  DuplicateDismissal,
  DuplicateDismissInput,
  DuplicateListQuery,
  DuplicatePairPage,
  MergeCreateInput,
  MergeListQuery,
  MergePreview,
  MergePreviewQuery,
} from '../company-duplicates.contract'
import { dismissDuplicatePair, listCompanyDuplicates, listDuplicatePairs } from './company-duplicates.service'
import { addCompanyMember, listCompanyMembers, removeCompanyMember } from './company-members.service'
import { listMerges, mergeCompanies, previewMerge, undoMerge } from './company-merges.service'

const tags = ['Companies']
const IdParam = z.object({ id: z.string().uuid() })

export const companyDuplicatesRoutes = createRouter()
  .openapi(
    defineRoute({
      method: 'get', path: '/companies/duplicates', tags,
      summary: 'Review queue: pairs of companies in the caller’s units that may be the same firm, most likely first',
      request: { query: DuplicateListQuery },
      responses: { 200: jsonResponse(DuplicatePairPage, 'A page of candidate pairs') },
    }),
    async (c) => c.json(await listDuplicatePairs(ctxOf(c), c.req.valid('query')), 200),
  )
  .openapi(
    defineRoute({
      method: 'post', path: '/companies/duplicates/dismiss', tags,
      summary: 'Mark a pair as "not duplicates": it is no longer proposed',
      request: { body: jsonBody(DuplicateDismissInput) },
      responses: { 200: jsonResponse(DuplicateDismissal, 'Dismissed') },
    }),
    async (c) => c.json(await dismissDuplicatePair(ctxOf(c), c.req.valid('json')), 200),
  )
  .openapi(
    defineRoute({
      method: 'get', path: '/companies/merges', tags,
      summary: 'Recent merges of companies in the caller’s units, newest first, with whether each can be undone',
      request: { query: MergeListQuery },
      responses: { 200: jsonResponse(CompanyMergePage, 'A page of merges') },
    }),
    async (c) => c.json(await listMerges(ctxOf(c), c.req.valid('query')), 200),
  )
  .openapi(
    defineRoute({
      method: 'get', path: '/companies/merges/preview', tags,
      summary: 'What merging one company into another would move, and the custom fields to choose',
      request: { query: MergePreviewQuery },
      responses: { 200: jsonResponse(MergePreview, 'Preview') },
    }),
    async (c) => c.json(await previewMerge(ctxOf(c), c.req.valid('query')), 200),
  )
  .openapi(
    defineRoute({
      method: 'post', path: '/companies/merges', tags,
      summary: 'Merge a company into another, field by field; its records move to the survivor',
      request: { body: jsonBody(MergeCreateInput) },
      responses: { 201: jsonResponse(CompanyMerge, 'Merged') },
    }),
    async (c) => c.json(await mergeCompanies(ctxOf(c), c.req.valid('json')), 201),
  )
  .openapi(
    defineRoute({
      method: 'post', path: '/companies/merges/{id}/undo', tags,
      summary: 'Undo a merge: both companies as they were, moved records back',
      request: { params: IdParam },
      responses: { 200: jsonResponse(CompanyMerge, 'Undone') },
    }),
    async (c) => c.json(await undoMerge(ctxOf(c), c.req.valid('param').id), 200),
  )
  .openapi(
    defineRoute({
      method: 'get', path: '/companies/{id}/duplicates', tags,
      summary: 'Possible duplicates of one company',
      request: { params: IdParam },
      responses: { 200: jsonResponse(CompanyDuplicateList, 'Possible duplicates') },
    }),
    async (c) => c.json(await listCompanyDuplicates(ctxOf(c), c.req.valid('param').id), 200),
  )
  .openapi(
    defineRoute({
      method: 'get', path: '/companies/{id}/members', tags,
      summary: 'Users who act for the company (role company_member)',
      request: { params: IdParam },
      responses: { 200: jsonResponse(CompanyMemberList, 'Members') },
    }),
    async (c) => c.json(await listCompanyMembers(ctxOf(c), c.req.valid('param').id), 200),
  )
  .openapi(
    defineRoute({
      method: 'post', path: '/companies/{id}/members', tags,
      summary: 'Link a user holding the company_member role to the company: they will see it (read-only)',
      request: { params: IdParam, body: jsonBody(CompanyMemberInput) },
      responses: { 201: jsonResponse(CompanyMember, 'Linked') },
    }),
    async (c) => c.json(await addCompanyMember(ctxOf(c), c.req.valid('param').id, c.req.valid('json')), 201),
  )
  .openapi(
    defineRoute({
      method: 'delete', path: '/companies/{id}/members/{userId}', tags,
      summary: 'Unlink a user from the company',
      request: { params: z.object({ id: z.string().uuid(), userId: z.string().uuid() }) },
      responses: { 204: { description: 'Unlinked' } },
    }),
    async (c) => {
      const { id, userId } = c.req.valid('param')
      await removeCompanyMember(ctxOf(c), id, userId)
      return c.body(null, 204)
    },
  )
