/**
 * Export of a filtered company list (issue 3): the same scope and filters as the list
 * (`listConditions`), every matching row read in keyset pages and streamed out, headers in the
 * reader's language (the Italian ones are those the importer recognises, so a file exported and
 * edited in Excel imports back), the network's custom fields as extra columns.
 */
import { and, asc, eq, gt, inArray, or, type SQL } from 'drizzle-orm'
import { AppError } from '../../../shared/app-error'
import type { RequestContext } from '../../../server/http/context'
import { dataPathPrefixes, findUnit, type Actor } from '../../identity'
import { italianDay, matchComune } from '../../territory'
import type { CompanyImportField, ImportRowError } from '../company-import.contract'
import type { CompanyListQuery, CustomFieldDefinition } from '../companies.contract'
import { listConditions } from './companies.service'
import { companies, type CompanyRow } from './companies.table'
import { IMPORT_FIELD_LABELS } from './company-import.mapping'
import { isCompanyMemberSomewhere } from './company-member-scope'
import type { ExportValue } from './company-export.format'
import { csvStream, xlsxStream, type RowSource } from './company-export.writer'
import { listCustomFieldDefinitions } from './custom-fields.service'

export type ExportFormat = 'csv' | 'xlsx'

export interface ExportFile {
  fileName: string
  contentType: string
  body: ReadableStream<Uint8Array>
}

const PAGE = 1000

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
}

/** Legal forms by their Italian names: they are legal terms, and the importer reads them back. */
const LEGAL_FORM_NAMES: Record<string, string> = {
  srl: 'S.r.l.',
  srls: 'S.r.l.s.',
  spa: 'S.p.A.',
  sapa: 'S.a.p.A.',
  snc: 'S.n.c.',
  sas: 'S.a.s.',
  ditta_individuale: 'Ditta individuale',
  societa_cooperativa: 'Società cooperativa',
  cooperativa_sociale: 'Cooperativa sociale',
  consorzio: 'Consorzio',
  rete_impresa: "Rete d'impresa",
  associazione: 'Associazione',
  fondazione: 'Fondazione',
  ente_pubblico: 'Ente pubblico',
  altro: 'Altra forma',
}

const EXTRA_LABELS = {
  region: { it: 'Regione', en: 'Region' },
  unit: { it: 'Unità', en: 'Unit' },
  size: { it: 'Dimensione', en: 'Size' },
  stage: { it: 'Fase', en: 'Stage' },
  archived: { it: 'Archiviata', en: 'Archived' },
}
const SIZE_LABELS: Record<string, { it: string; en: string }> = {
  micro: { it: 'Micro', en: 'Micro' },
  small: { it: 'Piccola', en: 'Small' },
  medium: { it: 'Media', en: 'Medium' },
  large: { it: 'Grande', en: 'Large' },
}
const STAGE_LABELS: Record<string, { it: string; en: string }> = {
  contacted: { it: 'Contattata', en: 'Contacted' },
  engaged: { it: 'Coinvolta', en: 'Engaged' },
  assessed: { it: 'Valutata', en: 'Assessed' },
  roadmap: { it: 'Con roadmap', en: 'With roadmap' },
  supported: { it: 'Accompagnata', en: 'Supported' },
  reassessed: { it: 'Rivalutata', en: 'Reassessed' },
}

const FIELD_COLUMNS: readonly CompanyImportField[] = [
  'name', 'vatNumber', 'taxCode', 'legalForm', 'atecoCode', 'address', 'comune', 'province', 'employees', 'turnover',
  'balanceSheetTotal', 'foundingYear', 'email', 'pec', 'phone', 'website', 'tags', 'description', 'notes',
]

export type CompanyExportQuery = Omit<CompanyListQuery, 'cursor' | 'limit' | 'sort'> & { format: ExportFormat; ids?: string[] | undefined }

function requireActor(ctx: RequestContext): Actor {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED', 'errors.unauthenticated')
  return ctx.actor
}

function customValue(definition: CustomFieldDefinition, value: unknown, locale: 'it' | 'en'): ExportValue {
  if (value === null || value === undefined) return null
  const label = (v: unknown) => {
    const option = definition.options.find((o) => o.value === v)
    return option ? option[locale] : String(v)
  }
  if (definition.type === 'number' && typeof value === 'number') return value
  if (definition.type === 'date' && typeof value === 'string') {
    // dd/mm/yyyy, as Italian Excel shows and the importer reads.
    const [y, m, d] = value.split('-')
    return locale === 'it' ? `${d}/${m}/${y}` : value
  }
  if (definition.type === 'select') return label(value)
  if (Array.isArray(value)) return value.map(label).join(', ')
  return String(value)
}

/** Every company the list would show for `query` (or only `ids` among them), as a CSV or XLSX stream. */
export async function exportCompanies(ctx: RequestContext, query: CompanyExportQuery): Promise<ExportFile> {
  const actor = requireActor(ctx)
  if (dataPathPrefixes(actor).length === 0 && !isCompanyMemberSomewhere(actor)) throw new AppError('FORBIDDEN', 'errors.forbidden')
  const locale = ctx.locale
  const conditions = await listConditions(ctx, actor, { ...query, limit: PAGE })
  if (query.ids?.length) conditions.push(inArray(companies.id, query.ids))
  const definitions = await listCustomFieldDefinitions(ctx.db)
  const header = [
    ...FIELD_COLUMNS.map((f) => IMPORT_FIELD_LABELS[f][locale]),
    EXTRA_LABELS.region[locale],
    EXTRA_LABELS.unit[locale],
    EXTRA_LABELS.size[locale],
    EXTRA_LABELS.stage[locale],
    EXTRA_LABELS.archived[locale],
    ...definitions.map((d) => (locale === 'en' ? d.labelEn : d.labelIt)),
  ]
  const units = new Map<string, string>()
  const places = new Map<string, { name: string; regionName: string } | null>()
  const today = italianDay(ctx.now())

  async function toValues(row: CompanyRow): Promise<ExportValue[]> {
    if (!units.has(row.unitId)) units.set(row.unitId, (await findUnit(ctx.db, row.unitId))?.name ?? '')
    if (row.comuneIstat && !places.has(row.comuneIstat)) places.set(row.comuneIstat, await matchComune(ctx.db, row.comuneIstat, today))
    const place = row.comuneIstat ? places.get(row.comuneIstat) : null
    const size = row.sizeOverride ?? row.sizeDerived
    return [
      row.name,
      row.vatNumber,
      row.taxCode,
      row.legalForm ? (LEGAL_FORM_NAMES[row.legalForm] ?? row.legalForm) : null,
      row.atecoCode,
      row.address,
      place?.name ?? row.comuneIstat,
      row.provinceCode,
      row.employees,
      row.turnover,
      row.balanceSheetTotal,
      row.foundingYear,
      row.email,
      row.pec,
      row.phone,
      row.website,
      row.tags.length > 0 ? row.tags.join(', ') : null,
      row.description,
      row.notes,
      place?.regionName ?? null,
      units.get(row.unitId) ?? '',
      size ? (SIZE_LABELS[size]?.[locale] ?? size) : null,
      STAGE_LABELS[row.stage]?.[locale] ?? row.stage,
      row.archivedAt ? row.archivedAt.toISOString().slice(0, 10) : null,
      ...definitions.map((d) => customValue(d, row.customFields[d.key], locale)),
    ]
  }

  async function* rows(): RowSource {
    let after: { key: string; id: string } | null = null
    for (;;) {
      const page: SQL[] = after
        ? [or(gt(companies.nameKey, after.key), and(eq(companies.nameKey, after.key), gt(companies.id, after.id))) as SQL]
        : []
      const batch = await ctx.db
        .select()
        .from(companies)
        .where(and(...conditions, ...page))
        .orderBy(asc(companies.nameKey), asc(companies.id))
        .limit(PAGE)
      for (const row of batch) yield await toValues(row)
      const last = batch.at(-1)
      if (batch.length < PAGE || !last) return
      after = { key: last.nameKey, id: last.id }
    }
  }

  const stamp = italianDay(ctx.now())
  const base = locale === 'en' ? `companies-${stamp}` : `aziende-${stamp}`
  const sheetName = locale === 'en' ? 'Companies' : 'Aziende'
  return {
    fileName: `${base}.${query.format}`,
    contentType: CONTENT_TYPES[query.format],
    body: query.format === 'xlsx' ? xlsxStream(sheetName, header, rows()) : csvStream(header, rows(), locale),
  }
}

/** The report of an import (every error by row and column) as a CSV or XLSX file. */
export function importReportFile(
  report: { fileName: string; created: number; updated: number; unchanged: number; errors: readonly ImportRowError[] },
  format: ExportFormat,
  locale: 'it' | 'en',
): ExportFile {
  const header = locale === 'en' ? ['Row', 'Column', 'Code', 'Message'] : ['Riga', 'Colonna', 'Codice', 'Messaggio']
  const summary = locale === 'en'
    ? { created: 'Created', updated: 'Updated', unchanged: 'Unchanged', errors: 'Rows with errors' }
    : { created: 'Create', updated: 'Aggiornate', unchanged: 'Invariate', errors: 'Righe con errori' }
  const errorRows = new Set(report.errors.map((e) => e.row)).size
  async function* rows(): RowSource {
    // The counts first (no row number), then every error.
    yield [null, null, 'created', `${summary.created}: ${report.created}`]
    yield [null, null, 'updated', `${summary.updated}: ${report.updated}`]
    yield [null, null, 'unchanged', `${summary.unchanged}: ${report.unchanged}`]
    yield [null, null, 'errors', `${summary.errors}: ${errorRows}`]
    for (const e of report.errors) yield [e.row, e.column, e.code, e.message]
  }
  const base = `${report.fileName.replace(/\.(csv|xlsx)$/i, '')}-${locale === 'en' ? 'report' : 'esito'}`
  return {
    fileName: `${base}.${format}`,
    contentType: CONTENT_TYPES[format],
    body: format === 'xlsx' ? xlsxStream(locale === 'en' ? 'Errors' : 'Errori', header, rows()) : csvStream(header, rows(), locale),
  }
}
