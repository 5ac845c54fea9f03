/** HTTP of company imports and exports: validate → call the service → respond (files streamed). */
import { AppError } from '../../../shared/app-error'
import { createRouter, defineRoute, jsonBody, jsonResponse, z } from '../../../server/http/openapi'
import { fileDownload, spreadsheetResponse, uploadLimit } from '../../../server/http/files'
import { ctxOf } from '../../../server/http/middleware'
import {
  CompanyImport,
  CompanyImportList,
  CompanyImportUpdateInput,
  CompanyImportUploadInput,
  CompanyListQuery,
  EXPORT_FORMATS,
  IMPORT_MAX_BYTES,
} from '../companies.contract'
import { exportCompanies, importReportFile } from './company-export.service'
import {
  getCompanyImport,
  getImportReport,
  listCompanyImports,
  startCompanyImport,
  undoCompanyImport,
  updateCompanyImport,
  uploadCompanyImport,
  startCompanyValidation,
} from './company-import.service'

const tags = ['Company imports and exports']
// `importId`, not `id`: under /companies, `{id}` names a company (route matrix, OpenAPI readers).
const IdParam = z.object({ importId: z.string().uuid() })
const FormatQuery = z.object({ format: z.enum(EXPORT_FORMATS).default('csv') })

const UploadForm = z.object({
  file: z.custom<File>((v) => typeof File !== 'undefined' && v instanceof File).openapi({ type: 'string', format: 'binary' }),
  unitId: z.string().uuid().optional(),
})

export const CompanyExportQuery = CompanyListQuery.omit({ cursor: true, limit: true, sort: true }).extend({
  format: z.enum(EXPORT_FORMATS).default('csv'),
  /** Only these companies (bulk "export selected"), still within the caller's scope and filters. */
  ids: z
    .string()
    .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(z.string().uuid()).max(1000))
    .optional(),
})

const importUploadLimit = uploadLimit(IMPORT_MAX_BYTES, 'errors.importTooLarge')

export const companyImportRoutes = createRouter()
  .openapi(
    defineRoute({
      method: 'get', path: '/companies/export', tags,
      summary: 'Every company of the filtered list (same scope and filters as the list) as CSV (Excel: semicolon, UTF-8 BOM) or XLSX',
      request: { query: CompanyExportQuery },
      responses: { 200: spreadsheetResponse('The companies') },
    }),
    async (c) => fileDownload(await exportCompanies(ctxOf(c), c.req.valid('query'))) as never,
  )
  .openapi(
    defineRoute({
      method: 'get', path: '/companies/imports', tags, summary: 'Recent imports of the caller’s units, newest first',
      responses: { 200: jsonResponse(CompanyImportList, 'Imports') },
    }),
    async (c) => c.json(await listCompanyImports(ctxOf(c)), 200),
  )
  .openapi(
    defineRoute({
      method: 'post', path: '/companies/imports', tags,
      summary: 'Upload a CSV or XLSX file (multipart `file`, or JSON with base64 `content`): detected options, suggested mapping, preview',
      middleware: [importUploadLimit],
      request: {
        body: {
          required: false,
          description: 'The file',
          content: { 'multipart/form-data': { schema: UploadForm }, 'application/json': { schema: CompanyImportUploadInput } },
        },
      },
      responses: { 201: jsonResponse(CompanyImport, 'Uploaded') },
    }),
    async (c) => {
      const ctx = ctxOf(c)
      const type = c.req.header('content-type') ?? ''
      if (type.startsWith('multipart/form-data')) {
        const form = c.req.valid('form') as z.infer<typeof UploadForm>
        const bytes = new Uint8Array(await form.file.arrayBuffer())
        return c.json(await uploadCompanyImport(ctx, { fileName: form.file.name, bytes, unitId: form.unitId }), 201)
      }
      if (type.startsWith('application/json')) {
        const body = c.req.valid('json') as CompanyImportUploadInput
        const bytes = new Uint8Array(Buffer.from(body.content, 'base64'))
        return c.json(await uploadCompanyImport(ctx, { fileName: body.fileName, bytes, unitId: body.unitId }), 201)
      }
      throw new AppError('VALIDATION', 'errors.importFormat')
    },
  )
  .openapi(
    defineRoute({ method: 'get', path: '/companies/imports/{importId}', tags, summary: 'One import: status, progress, counts, first errors', request: { params: IdParam }, responses: { 200: jsonResponse(CompanyImport, 'Import') } }),
    async (c) => c.json(await getCompanyImport(ctxOf(c), c.req.valid('param').importId), 200),
  )
  .openapi(
    defineRoute({
      method: 'patch', path: '/companies/imports/{importId}', tags, summary: 'Change the column mapping or the target unit (a new dry run is needed)',
      request: { params: IdParam, body: jsonBody(CompanyImportUpdateInput) }, responses: { 200: jsonResponse(CompanyImport, 'Updated') },
    }),
    async (c) => c.json(await updateCompanyImport(ctxOf(c), c.req.valid('param').importId, c.req.valid('json')), 200),
  )
  .openapi(
    defineRoute({
      method: 'post', path: '/companies/imports/{importId}/validate', tags,
      summary: 'Start the dry run in the background (every row checked, errors by row and column, nothing written); poll the import',
      request: { params: IdParam }, responses: { 202: jsonResponse(CompanyImport, 'Started') },
    }),
    async (c) => c.json(await startCompanyValidation(ctxOf(c), c.req.valid('param').importId), 202),
  )
  .openapi(
    defineRoute({
      method: 'post', path: '/companies/imports/{importId}/run', tags, summary: 'Start the import in the background (upsert by partita IVA); poll the import for progress',
      request: { params: IdParam }, responses: { 202: jsonResponse(CompanyImport, 'Started') },
    }),
    async (c) => c.json(await startCompanyImport(ctxOf(c), c.req.valid('param').importId), 202),
  )
  .openapi(
    defineRoute({
      method: 'post', path: '/companies/imports/{importId}/undo', tags, summary: 'Undo a finished import: delete what it created, restore what it updated (conflicts reported)',
      request: { params: IdParam }, responses: { 200: jsonResponse(CompanyImport, 'Undone') },
    }),
    async (c) => c.json(await undoCompanyImport(ctxOf(c), c.req.valid('param').importId), 200),
  )
  .openapi(
    defineRoute({
      method: 'get', path: '/companies/imports/{importId}/report', tags, summary: 'The report of the last dry run or import: counts and every error, CSV or XLSX',
      request: { params: IdParam, query: FormatQuery }, responses: { 200: spreadsheetResponse('The report') },
    }),
    async (c) => {
      const ctx = ctxOf(c)
      const { row, errors } = await getImportReport(ctx, c.req.valid('param').importId)
      return fileDownload(importReportFile({ fileName: row.fileName, created: row.created, updated: row.updated, unchanged: row.unchanged, errors }, c.req.valid('query').format, ctx.locale)) as never
    },
  )
