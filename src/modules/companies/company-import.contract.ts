/**
 * API contract of company imports and exports (CSV/XLSX as Italian users produce them). Re-exported
 * by companies.contract.ts, so the web reads it through the module's contract.
 */
import { z } from '@hono/zod-openapi'

/** Columns an import can fill; `custom.<key>` targets a custom field of the network. */
export const COMPANY_IMPORT_FIELDS = [
  'name',
  'vatNumber',
  'taxCode',
  'legalForm',
  'atecoCode',
  'address',
  'comune',
  'province',
  'employees',
  'turnover',
  'balanceSheetTotal',
  'foundingYear',
  'email',
  'pec',
  'phone',
  'website',
  'tags',
  'description',
  'notes',
] as const
export type CompanyImportField = (typeof COMPANY_IMPORT_FIELDS)[number]

/** Without these a row cannot become a company. */
export const REQUIRED_IMPORT_FIELDS: readonly CompanyImportField[] = ['name', 'vatNumber']

export const CUSTOM_FIELD_PREFIX = 'custom.'

export const IMPORT_STATUSES = ['uploaded', 'validating', 'validated', 'importing', 'done', 'failed', 'undone'] as const
export type ImportStatus = (typeof IMPORT_STATUSES)[number]

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const

/** Upload limit: a 100,000-row file is ~15 MB as CSV, less as XLSX. */
export const IMPORT_MAX_BYTES = 30 * 1024 * 1024

export const ImportRowError = z
  .object({
    /** As a spreadsheet numbers it: the header is row 1, the first data row is 2. */
    row: z.number().int(),
    /** The column's header as written in the file; null for a problem of the whole row. */
    column: z.string().nullable(),
    code: z.string(),
    message: z.string(),
  })
  .openapi('ImportRowError')
export type ImportRowError = z.infer<typeof ImportRowError>

export const ImportTargetField = z
  .object({ key: z.string(), label: z.string(), required: z.boolean() })
  .openapi('ImportTargetField')

export const CompanyImport = z
  .object({
    id: z.string().uuid(),
    unitId: z.string().uuid(),
    unitName: z.string(),
    fileName: z.string(),
    fileFormat: z.enum(['csv', 'xlsx']),
    status: z.enum(IMPORT_STATUSES),
    /** What the parser found: encoding and delimiter (CSV), sheet (XLSX). */
    options: z.object({ encoding: z.string().nullable(), delimiter: z.string().nullable(), sheet: z.string().nullable() }),
    headers: z.array(z.string()),
    /** Column index → target field (a COMPANY_IMPORT_FIELDS key or `custom.<key>`). */
    mapping: z.record(z.string(), z.string()),
    /** The first rows as text, for the mapping step. */
    preview: z.array(z.array(z.string())),
    fields: z.array(ImportTargetField),
    totalRows: z.number().int(),
    processedRows: z.number().int(),
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    errorCount: z.number().int(),
    /** The first errors (the report holds all of them). */
    errors: z.array(ImportRowError),
    /** Whether the counts and errors are those of a dry run (nothing written). */
    dryRun: z.boolean(),
    failure: z.string().nullable(),
    undo: z
      .object({ deleted: z.number().int(), archived: z.number().int(), restored: z.number().int(), conflicts: z.array(z.object({ row: z.number().int(), companyId: z.string(), name: z.string(), reason: z.string() })) })
      .nullable(),
    createdByName: z.string().nullable(),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    undoneAt: z.string().nullable(),
    can: z.object({ run: z.boolean(), undo: z.boolean() }),
  })
  .openapi('CompanyImport')
export type CompanyImport = z.infer<typeof CompanyImport>

export const CompanyImportList = z.object({ items: z.array(CompanyImport.omit({ preview: true, errors: true, fields: true })) }).openapi('CompanyImportList')
export type CompanyImportList = z.infer<typeof CompanyImportList>

export const CompanyImportUpdateInput = z
  .object({
    mapping: z.record(z.string().regex(/^\d{1,3}$/), z.string().max(80)).optional(),
    unitId: z.string().uuid().optional(),
  })
  .openapi('CompanyImportUpdateInput')
export type CompanyImportUpdateInput = z.infer<typeof CompanyImportUpdateInput>

/** Upload as JSON (API clients); the web app sends multipart/form-data with `file` and `unitId`. */
export const CompanyImportUploadInput = z
  .object({
    fileName: z.string().trim().min(1).max(255),
    /** The file, base64-encoded. */
    content: z.string().min(1),
    unitId: z.string().uuid().optional(),
  })
  .openapi('CompanyImportUploadInput')
export type CompanyImportUploadInput = z.infer<typeof CompanyImportUploadInput>
