/**
 * HTTP of the list's power features: custom field definitions, saved views, bulk actions. Fixed
 * paths under /companies: mounted above the record routes (companies.router.ts).
 */
import { createRouter, defineRoute, jsonBody, jsonResponse, z } from '../../../server/http/openapi'
import { ctxOf } from '../../../server/http/middleware'
import {
  CompanyBulkInput,
  CompanyBulkResult,
  CustomFieldCreateInput,
  CustomFieldDefinition,
  CustomFieldList,
  CustomFieldListQuery,
  CustomFieldUpdateInput,
  SavedView,
  SavedViewCreateInput,
  SavedViewList,
  SavedViewListQuery,
  SavedViewUpdateInput,
} from '../companies.contract'
import { bulkUpdateCompanies } from './companies-bulk.service'
import { createCustomField, listCustomFields, setCustomFieldArchived, updateCustomField } from './custom-fields.service'
import { createSavedView, deleteSavedView, listSavedViews, updateSavedView } from './saved-views.service'

const fieldTags = ['Companies: custom fields']
const viewTags = ['Companies: saved views']
const bulkTags = ['Companies']
const FieldParam = z.object({ fieldId: z.string().uuid() })
const ViewParam = z.object({ viewId: z.string().uuid() })
const noContent = { 204: { description: 'Done' } }

export const companyViewsRoutes = createRouter()
  // ── Custom fields ─────────────────────────────────────────────────────
  .openapi(
    defineRoute({
      method: 'get', path: '/companies/custom-fields', tags: fieldTags,
      summary: 'Custom fields of companies, in display order (everyone who works with companies)',
      request: { query: CustomFieldListQuery }, responses: { 200: jsonResponse(CustomFieldList, 'Definitions') },
    }),
    async (c) => c.json(await listCustomFields(ctxOf(c), c.req.valid('query').includeArchived === 'true'), 200),
  )
  .openapi(
    defineRoute({
      method: 'post', path: '/companies/custom-fields', tags: fieldTags, summary: 'Define a custom field (network admins)',
      request: { body: jsonBody(CustomFieldCreateInput) }, responses: { 201: jsonResponse(CustomFieldDefinition, 'Created') },
    }),
    async (c) => c.json(await createCustomField(ctxOf(c), c.req.valid('json')), 201),
  )
  .openapi(
    defineRoute({
      method: 'patch', path: '/companies/custom-fields/{fieldId}', tags: fieldTags,
      summary: 'Change labels, options or position of a custom field (network admins; key and type are fixed)',
      request: { params: FieldParam, body: jsonBody(CustomFieldUpdateInput) }, responses: { 200: jsonResponse(CustomFieldDefinition, 'Updated') },
    }),
    async (c) => c.json(await updateCustomField(ctxOf(c), c.req.valid('param').fieldId, c.req.valid('json')), 200),
  )
  .openapi(
    defineRoute({
      method: 'post', path: '/companies/custom-fields/{fieldId}/archive', tags: fieldTags,
      summary: 'Archive a custom field: hidden from forms, lists and filters; stored values are kept (network admins)',
      request: { params: FieldParam }, responses: { 200: jsonResponse(CustomFieldDefinition, 'Archived') },
    }),
    async (c) => c.json(await setCustomFieldArchived(ctxOf(c), c.req.valid('param').fieldId, true), 200),
  )
  .openapi(
    defineRoute({
      method: 'post', path: '/companies/custom-fields/{fieldId}/restore', tags: fieldTags, summary: 'Restore an archived custom field (network admins)',
      request: { params: FieldParam }, responses: { 200: jsonResponse(CustomFieldDefinition, 'Restored') },
    }),
    async (c) => c.json(await setCustomFieldArchived(ctxOf(c), c.req.valid('param').fieldId, false), 200),
  )
  // ── Saved views ───────────────────────────────────────────────────────
  .openapi(
    defineRoute({
      method: 'get', path: '/companies/views', tags: viewTags,
      summary: 'Saved views the caller sees: their own, and those shared with a unit whose data they read',
      request: { query: SavedViewListQuery }, responses: { 200: jsonResponse(SavedViewList, 'Views') },
    }),
    async (c) => c.json(await listSavedViews(ctxOf(c), c.req.valid('query').entity), 200),
  )
  .openapi(
    defineRoute({
      method: 'post', path: '/companies/views', tags: viewTags,
      summary: 'Save a view: personal, or shared with a unit the caller works in',
      request: { body: jsonBody(SavedViewCreateInput) }, responses: { 201: jsonResponse(SavedView, 'Created') },
    }),
    async (c) => c.json(await createSavedView(ctxOf(c), c.req.valid('json')), 201),
  )
  .openapi(
    defineRoute({
      method: 'patch', path: '/companies/views/{viewId}', tags: viewTags,
      summary: 'Rename, re-share or overwrite a view (its owner, or a manager of the unit it is shared with)',
      request: { params: ViewParam, body: jsonBody(SavedViewUpdateInput) }, responses: { 200: jsonResponse(SavedView, 'Updated') },
    }),
    async (c) => c.json(await updateSavedView(ctxOf(c), c.req.valid('param').viewId, c.req.valid('json')), 200),
  )
  .openapi(
    defineRoute({
      method: 'delete', path: '/companies/views/{viewId}', tags: viewTags,
      summary: 'Delete a view (its owner, or a manager of the unit it is shared with)',
      request: { params: ViewParam }, responses: noContent,
    }),
    async (c) => {
      await deleteSavedView(ctxOf(c), c.req.valid('param').viewId)
      return c.body(null, 204)
    },
  )
  // ── Bulk actions ──────────────────────────────────────────────────────
  .openapi(
    defineRoute({
      method: 'post', path: '/companies/bulk', tags: bulkTags,
      summary:
        'Add or remove a tag, or move to a unit, up to 1000 companies at once. All or nothing: if the caller may not change some of them, nothing changes (FORBIDDEN, details.count says how many).',
      request: { body: jsonBody(CompanyBulkInput) }, responses: { 200: jsonResponse(CompanyBulkResult, 'Applied') },
    }),
    async (c) => c.json(await bulkUpdateCompanies(ctxOf(c), c.req.valid('json')), 200),
  )
