/**
 * HTTP of assessment exports (EDIH reporting tool, CSV/XLSX with raw answers) and of the import of
 * the EDIH spreadsheet shape: validate → call the service → respond (exports streamed). Mounted
 * above the record routes: `/assessments/export` and `/assessments/imports` are not `{id}`s.
 */
import { AppError } from '../../../shared/app-error'
import { createRouter, defineRoute, jsonResponse, z } from '../../../server/http/openapi'
import { fileDownload, spreadsheetResponse, uploadLimit } from '../../../server/http/files'
import { ctxOf } from '../../../server/http/middleware'
import {
  ASSESSMENT_IMPORT_MAX_BYTES,
  ASSESSMENT_STAGES,
  AssessmentExportQuery,
  AssessmentImportInput,
  AssessmentImportReport,
} from '../assessments.contract'
import { exportAssessments } from './assessments-export.service'
import { importAssessments } from './assessments-import.service'

const tags = ['Assessment exports and imports']

const ImportForm = z.object({
  file: z.custom<File>((v) => typeof File !== 'undefined' && v instanceof File).openapi({ type: 'string', format: 'binary' }),
  stage: z.enum(ASSESSMENT_STAGES).default('T0'),
  assessedOn: z.iso.date().optional(),
  dryRun: z.enum(['true', 'false']).default('true'),
  unitId: z.string().uuid().optional(),
})

const importUploadLimit = uploadLimit(ASSESSMENT_IMPORT_MAX_BYTES, 'errors.importTooLarge')

export const assessmentsTransferRoutes = createRouter()
  .openapi(
    defineRoute({
      method: 'get', path: '/assessments/export', tags,
      summary:
        'Assessments of the filtered list (same scope and filters as GET /assessments): `edih` = the EDIH reporting tool’s XLSX (validated by default), `csv`/`xlsx` = every assessment with metadata and raw answers (audited)',
      request: { query: AssessmentExportQuery },
      responses: { 200: spreadsheetResponse('The assessments') },
    }),
    async (c) => fileDownload(await exportAssessments(ctxOf(c), c.req.valid('query'))) as never,
  )
  .openapi(
    defineRoute({
      method: 'post', path: '/assessments/imports', tags,
      summary:
        'Import the EDIH reporting tool’s spreadsheet (multipart `file` or JSON with base64 `content`): rows matched to the caller’s companies by name or VAT; a dry run (default) reports, a real run creates validated `imported` assessments (all or nothing)',
      middleware: [importUploadLimit],
      request: {
        body: {
          required: false,
          description: 'The XLSX and the options',
          content: { 'multipart/form-data': { schema: ImportForm }, 'application/json': { schema: AssessmentImportInput } },
        },
      },
      responses: { 200: jsonResponse(AssessmentImportReport, 'What the import did (or would do), row by row') },
    }),
    async (c) => {
      const ctx = ctxOf(c)
      const type = c.req.header('content-type') ?? ''
      if (type.startsWith('multipart/form-data')) {
        const form = c.req.valid('form') as z.infer<typeof ImportForm>
        const bytes = new Uint8Array(await form.file.arrayBuffer())
        return c.json(
          await importAssessments(ctx, { fileName: form.file.name, bytes, stage: form.stage, assessedOn: form.assessedOn, dryRun: form.dryRun === 'true', unitId: form.unitId }),
          200,
        )
      }
      if (type.startsWith('application/json')) {
        const body = c.req.valid('json') as AssessmentImportInput
        const bytes = new Uint8Array(Buffer.from(body.content, 'base64'))
        return c.json(await importAssessments(ctx, { fileName: body.fileName, bytes, stage: body.stage, assessedOn: body.assessedOn, dryRun: body.dryRun, unitId: body.unitId }), 200)
      }
      throw new AppError('VALIDATION', 'errors.assessmentImportFormat')
    },
  )
