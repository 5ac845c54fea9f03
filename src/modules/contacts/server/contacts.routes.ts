/** HTTP only: validate → call the service → respond. Fixed paths come before `/contacts/{id}`. */
import { createRouter, defineRoute, jsonBody, jsonResponse, z } from '../../../server/http/openapi'
import { ctxOf } from '../../../server/http/middleware'
import {
  ConsentHistory,
  ConsentRecordInput,
  Contact,
  ContactCompanyLinkInput,
  ContactCreateInput,
  ContactExportQuery,
  ContactLinkUpdateInput,
  ContactListQuery,
  ContactPage,
  ContactUpdateInput,
  GdprExport,
  GdprExportQuery,
} from '../contacts.contract'
import { contactsCsv } from './contacts-csv'
import { eraseContact, exportContactData, renderGdprPdf } from './contacts-gdpr'
import {
  addCompanyLink,
  createContact,
  getContact,
  listConsentHistory,
  listContacts,
  listContactsForExport,
  recordConsent,
  removeCompanyLink,
  setContactArchived,
  updateCompanyLink,
  updateContact,
} from './contacts.service'

const tags = ['Contacts']
const IdParam = z.object({ id: z.string().uuid() })
const LinkParams = z.object({ id: z.string().uuid(), companyId: z.string().uuid() })

/** A file name part from a person's name: ASCII letters and digits only. */
function fileSlug(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase() || 'contatto'
}

export const contactsRoutes = createRouter()
  .openapi(
    defineRoute({
      method: 'get', path: '/contacts', tags,
      summary: 'Contacts in the caller’s units: search, company and consent (segment) filters, keyset pages',
      request: { query: ContactListQuery },
      responses: { 200: jsonResponse(ContactPage, 'A page of contacts') },
    }),
    async (c) => c.json(await listContacts(ctxOf(c), c.req.valid('query')), 200),
  )
  .openapi(
    defineRoute({
      method: 'get', path: '/contacts/export', tags,
      summary: 'The filtered contacts (e.g. a consent segment) as CSV for Excel (semicolon, UTF-8 BOM)',
      request: { query: ContactExportQuery },
      responses: { 200: { description: 'CSV file', content: { 'text/csv': { schema: z.string() } } } },
    }),
    async (c) => {
      const ctx = ctxOf(c)
      const csv = contactsCsv(await listContactsForExport(ctx, c.req.valid('query')), ctx.locale)
      const day = ctx.now().toISOString().slice(0, 10)
      return c.body(csv, 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="contatti-${day}.csv"`,
      })
    },
  )
  .openapi(
    defineRoute({
      method: 'post', path: '/contacts', tags, summary: 'Create a contact, optionally linked to a company',
      request: { body: jsonBody(ContactCreateInput) }, responses: { 201: jsonResponse(Contact, 'Created') },
    }),
    async (c) => c.json(await createContact(ctxOf(c), c.req.valid('json')), 201),
  )
  .openapi(
    defineRoute({ method: 'get', path: '/contacts/{id}', tags, summary: 'One contact, with companies and current consents', request: { params: IdParam }, responses: { 200: jsonResponse(Contact, 'Contact') } }),
    async (c) => c.json(await getContact(ctxOf(c), c.req.valid('param').id), 200),
  )
  .openapi(
    defineRoute({
      method: 'patch', path: '/contacts/{id}', tags, summary: 'Edit a contact (not once erased)',
      request: { params: IdParam, body: jsonBody(ContactUpdateInput) }, responses: { 200: jsonResponse(Contact, 'Updated') },
    }),
    async (c) => c.json(await updateContact(ctxOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(
    defineRoute({ method: 'post', path: '/contacts/{id}/archive', tags, summary: 'Archive a contact', request: { params: IdParam }, responses: { 200: jsonResponse(Contact, 'Archived') } }),
    async (c) => c.json(await setContactArchived(ctxOf(c), c.req.valid('param').id, true), 200),
  )
  .openapi(
    defineRoute({ method: 'post', path: '/contacts/{id}/restore', tags, summary: 'Restore an archived contact', request: { params: IdParam }, responses: { 200: jsonResponse(Contact, 'Restored') } }),
    async (c) => c.json(await setContactArchived(ctxOf(c), c.req.valid('param').id, false), 200),
  )
  .openapi(
    defineRoute({
      method: 'post', path: '/contacts/{id}/companies', tags, summary: 'Link the contact to a company with a role',
      request: { params: IdParam, body: jsonBody(ContactCompanyLinkInput) }, responses: { 200: jsonResponse(Contact, 'Linked') },
    }),
    async (c) => c.json(await addCompanyLink(ctxOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(
    defineRoute({
      method: 'patch', path: '/contacts/{id}/companies/{companyId}', tags, summary: 'Change the contact’s role in a company',
      request: { params: LinkParams, body: jsonBody(ContactLinkUpdateInput) }, responses: { 200: jsonResponse(Contact, 'Updated') },
    }),
    async (c) => {
      const { id, companyId } = c.req.valid('param')
      return c.json(await updateCompanyLink(ctxOf(c), id, companyId, c.req.valid('json')), 200)
    },
  )
  .openapi(
    defineRoute({
      method: 'delete', path: '/contacts/{id}/companies/{companyId}', tags, summary: 'Unlink the contact from a company',
      request: { params: LinkParams }, responses: { 200: jsonResponse(Contact, 'Unlinked') },
    }),
    async (c) => {
      const { id, companyId } = c.req.valid('param')
      return c.json(await removeCompanyLink(ctxOf(c), id, companyId), 200)
    },
  )
  .openapi(
    defineRoute({ method: 'get', path: '/contacts/{id}/consents', tags, summary: 'Consent history, newest first', request: { params: IdParam }, responses: { 200: jsonResponse(ConsentHistory, 'Consent events') } }),
    async (c) => c.json(await listConsentHistory(ctxOf(c), c.req.valid('param').id), 200),
  )
  .openapi(
    defineRoute({
      method: 'post', path: '/contacts/{id}/consents', tags, summary: 'Record a consent given or withdrawn for a purpose (append-only)',
      request: { params: IdParam, body: jsonBody(ConsentRecordInput) }, responses: { 200: jsonResponse(Contact, 'Recorded') },
    }),
    async (c) => c.json(await recordConsent(ctxOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(
    defineRoute({
      method: 'get', path: '/contacts/{id}/export', tags, summary: 'GDPR data-subject export: everything held about the person, JSON or PDF (audited)',
      request: { params: IdParam, query: GdprExportQuery },
      responses: {
        200: {
          description: 'The export',
          content: { 'application/json': { schema: GdprExport }, 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } },
        },
      },
    }),
    async (c) => {
      const ctx = ctxOf(c)
      const { format } = c.req.valid('query')
      const data = await exportContactData(ctx, c.req.valid('param').id, format)
      const name = `dati-personali-${fileSlug(`${data.contact.firstName} ${data.contact.lastName}`)}`
      if (format === 'pdf') {
        const pdf = await renderGdprPdf(data, ctx.locale)
        return c.body(new Uint8Array(pdf), 200, { 'content-type': 'application/pdf', 'content-disposition': `attachment; filename="${name}.pdf"` })
      }
      c.header('content-disposition', `attachment; filename="${name}.json"`)
      return c.json(data, 200)
    },
  )
  .openapi(
    defineRoute({
      method: 'post', path: '/contacts/{id}/erase', tags,
      summary: 'GDPR erasure: anonymise the person, keep company links and aggregates, scrub the audit trail',
      request: { params: IdParam }, responses: { 200: jsonResponse(Contact, 'Erased') },
    }),
    async (c) => c.json(await eraseContact(ctxOf(c), c.req.valid('param').id), 200),
  )
