/**
 * Exports of assessments (issue 4 "Exports"), with the scope and filters of `GET /assessments`:
 *
 * - `edih`: the EDIH reporting tool's spreadsheet (dma.md "Export compatible with the EDIH
 *   reporting tool"): sheet "My SMEs DMA Results" for `eu-dma-sme`, "My PSOs DMA Results" for
 *   `eu-dma-pso`, both always present, validated assessments by default. Scores are written as
 *   unrounded numbers: dma.md says "store and export the unrounded value" (only the band lookup
 *   rounds). "EDIH Name" is the name of the network, i.e. the root unit of the assessment's unit.
 * - `csv` / `xlsx`: every assessment the caller reads (all statuses unless filtered) with its
 *   metadata and the raw answers, one column per question id holding the answer's JSON as stored
 *   (so a file exported and edited keeps answers re-importable byte for byte).
 *
 * Rows are read in keyset pages and streamed (the companies module's writers: Excel-friendly CSV,
 * formula injection neutralised). Every export is audited.
 */
import { randomUUID } from 'node:crypto'
import { PassThrough, Readable } from 'node:stream'
import ExcelJS from 'exceljs'
import { and, desc, eq, inArray, lt, or, type SQL } from 'drizzle-orm'
import { AppError } from '../../../shared/app-error'
import type { RequestContext } from '../../../server/http/context'
import {
  companyIdsOfMember,
  csvStream,
  findCompanyScopes,
  findCompanyTaxIds,
  isCompanyMemberSomewhere,
  xlsxCell,
  xlsxStream,
  type ExportFile,
  type ExportValue,
  type RowSource,
} from '../../companies'
import { canReadUnitData, dataPathPrefixes, findUnit, loadActor, unitIdsUnder, type Actor } from '../../identity'
import { italianDay } from '../../territory'
import {
  DMA_DIMENSION_IDS,
  DMA_INSTRUMENT_IDS,
  EDIH_NAME_COLUMN,
  EDIH_SCORE_COLUMN,
  EDIH_SHEETS,
  type AssessmentExportQuery,
  type DmaInstrumentId,
} from '../assessments.contract'
import { DEFAULT_DMA_INSTRUMENT_VERSION, getDmaInstrument } from '../assessments.reference'
import { requireActor } from './assessments.service'
import { assessments, type AssessmentRow } from './assessments.table'

const PAGE = 500

const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const

/**
 * The conditions of `listAssessments` without the cursor: the rows stored under the caller's units
 * (or of one company whose current unit the caller reads), plus a member's validated ones.
 */
async function scopeConditions(ctx: RequestContext, actor: Actor, query: Omit<AssessmentExportQuery, 'format'>): Promise<SQL[]> {
  const prefixes = dataPathPrefixes(actor)
  const member = isCompanyMemberSomewhere(actor)
  if (prefixes.length === 0 && !member) throw new AppError('FORBIDDEN', 'errors.forbidden')
  const conditions: SQL[] = []
  let readsCompany = false
  if (query.companyId) {
    conditions.push(eq(assessments.companyId, query.companyId))
    const [company] = await findCompanyScopes(ctx.db, [query.companyId])
    readsCompany = Boolean(company && canReadUnitData(actor, company.unitPath))
  }
  if (!readsCompany) {
    const memberScope = member ? and(inArray(assessments.companyId, companyIdsOfMember(ctx.db, actor)), eq(assessments.status, 'validated')) : undefined
    const scopes = [prefixes.length > 0 ? inArray(assessments.unitId, unitIdsUnder(ctx.db, prefixes)) : undefined, memberScope].filter((s): s is SQL => Boolean(s))
    conditions.push(or(...scopes) as SQL)
  }
  if (query.status?.length) conditions.push(inArray(assessments.status, query.status))
  if (query.stage?.length) conditions.push(inArray(assessments.stage, query.stage))
  if (query.mode?.length) conditions.push(inArray(assessments.mode, query.mode))
  if (query.instrument?.length) conditions.push(inArray(assessments.instrumentId, query.instrument))
  // As the list: this unit and the units below it (a materialised path holds every ancestor's id).
  if (query.unitId) conditions.push(inArray(assessments.unitId, unitIdsUnder(ctx.db, [`%/${query.unitId}/`])))
  return conditions
}

interface VisibleRow {
  row: AssessmentRow
  companyName: string
  unitPath: string
}

/**
 * Every row matching `conditions` that the caller reads, newest first, in keyset pages. As in the
 * list, the company's current unit has the last word on visibility.
 */
async function* visibleRows(ctx: RequestContext, actor: Actor, conditions: SQL[]): AsyncGenerator<VisibleRow[]> {
  const memberOf = isCompanyMemberSomewhere(actor) ? new Set((await companyIdsOfMember(ctx.db, actor)).map((m) => m.id)) : new Set<string>()
  let after: { createdAt: Date; id: string } | null = null
  for (;;) {
    const page: SQL[] = after
      ? [or(lt(assessments.createdAt, after.createdAt), and(eq(assessments.createdAt, after.createdAt), lt(assessments.id, after.id))) as SQL]
      : []
    const rows = await ctx.db
      .select()
      .from(assessments)
      .where(and(...conditions, ...page))
      .orderBy(desc(assessments.createdAt), desc(assessments.id))
      .limit(PAGE)
    const companies = new Map((await findCompanyScopes(ctx.db, rows.map((r) => r.companyId))).map((c) => [c.id, c]))
    const visible: VisibleRow[] = []
    for (const row of rows) {
      const company = companies.get(row.companyId)
      if (!company) continue
      if (canReadUnitData(actor, company.unitPath) || (row.status === 'validated' && memberOf.has(row.companyId))) {
        visible.push({ row, companyName: company.name, unitPath: company.unitPath })
      }
    }
    if (visible.length > 0) yield visible
    const last = rows.at(-1)
    if (rows.length < PAGE || !last) return
    after = { createdAt: last.createdAt, id: last.id }
  }
}

/** Names of units by id, looked up once each (a network has a handful). */
function unitNames(ctx: RequestContext) {
  const cache = new Map<string, string>()
  return async (unitId: string): Promise<string> => {
    let name = cache.get(unitId)
    if (name === undefined) {
      name = (await findUnit(ctx.db, unitId))?.name ?? ''
      cache.set(unitId, name)
    }
    return name
  }
}

/** The root of a materialised path `/<root>/<child>/…/`. */
function rootIdOf(path: string): string {
  return path.split('/').filter(Boolean)[0] ?? ''
}

/** Header of an EDIH sheet, from the instrument's export labels. */
export function edihHeader(instrument: DmaInstrumentId): string[] {
  const definition = getDmaInstrument(instrument, DEFAULT_DMA_INSTRUMENT_VERSION[instrument])
  return [EDIH_SHEETS[instrument].nameColumn, EDIH_SCORE_COLUMN, ...definition.dimensions.map((d) => d.exportLabel), EDIH_NAME_COLUMN]
}

/** Both sheets of the EDIH workbook, written one after the other into a streaming XLSX. */
function edihWorkbook(sheets: { name: string; header: string[]; rows: RowSource }[]): ReadableStream<Uint8Array> {
  const out = new PassThrough()
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false })
  void (async () => {
    for (const { name, header, rows } of sheets) {
      const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] })
      const head = sheet.addRow(header)
      head.font = { bold: true }
      head.commit()
      for await (const row of rows) sheet.addRow(row.map(xlsxCell)).commit()
      sheet.commit()
    }
    await workbook.commit()
  })().catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))))
  return Readable.toWeb(out) as ReadableStream<Uint8Array>
}

const META_LABELS = {
  it: [
    'ID', 'Serie', 'Versione', 'Azienda', 'Partita IVA', 'Codice fiscale', 'Unità', 'Fase', 'Modalità', 'Stato',
    'Questionario', 'Versione questionario', 'Versione regole', 'Valutatore', 'Data valutazione', 'Inviata il', 'Convalidata il',
    'Creata il', 'Punteggio complessivo', 'Livello',
  ],
  en: [
    'ID', 'Series', 'Version', 'Company', 'VAT number', 'Tax code', 'Unit', 'Stage', 'Mode', 'Status',
    'Instrument', 'Instrument version', 'Rules version', 'Assessor', 'Assessed on', 'Submitted at', 'Validated at',
    'Created at', 'Overall score', 'Band',
  ],
} as const

/** Question ids of every instrument version in use, SME first, in questionnaire order. */
export function answerColumns(): string[] {
  const ids: string[] = []
  for (const instrument of DMA_INSTRUMENT_IDS) {
    for (const q of getDmaInstrument(instrument, DEFAULT_DMA_INSTRUMENT_VERSION[instrument]).questions) if (!ids.includes(q.id)) ids.push(q.id)
  }
  return ids
}

export async function exportAssessments(ctx: RequestContext, query: AssessmentExportQuery): Promise<ExportFile> {
  const actor = requireActor(ctx)
  const { format, ...filters } = query
  // The EDIH reporting tool takes validated results; other statuses only when asked for.
  const effective = format === 'edih' && !filters.status?.length ? { ...filters, status: ['validated' as const] } : filters
  const conditions = await scopeConditions(ctx, actor, effective)
  const stamp = italianDay(ctx.now())
  await ctx.deps.audit.record(ctx.db, ctx, {
    action: 'report', entityType: 'assessment_export', entityId: ctx.requestId ?? randomUUID(), unitId: null,
    after: { format, filters: effective },
  })
  const unitName = unitNames(ctx)

  if (format === 'edih') {
    const sheetOf = (instrument: DmaInstrumentId) => {
      async function* rows(): RowSource {
        for await (const page of visibleRows(ctx, actor, [...conditions, eq(assessments.instrumentId, instrument)])) {
          for (const { row, companyName, unitPath } of page) {
            // Drafts never scored have nothing to report.
            if (row.overall === null) continue
            yield [companyName, row.overall, row.d1, row.d2, row.d3, row.d4, row.d5, row.d6, await unitName(rootIdOf(unitPath))]
          }
        }
      }
      return { name: EDIH_SHEETS[instrument].sheet, header: edihHeader(instrument), rows: rows() }
    }
    return {
      fileName: `${ctx.locale === 'en' ? 'dma-assessments-edih' : 'valutazioni-dma-edih'}-${stamp}.xlsx`,
      contentType: CONTENT_TYPES.xlsx,
      body: edihWorkbook(DMA_INSTRUMENT_IDS.map(sheetOf)),
    }
  }

  const locale = ctx.locale
  const questions = answerColumns()
  const header = [...META_LABELS[locale], ...DMA_DIMENSION_IDS, ...questions]
  const assessorNames = new Map<string, string>()
  async function assessorName(id: string | null): Promise<string | null> {
    if (!id) return null
    if (!assessorNames.has(id)) assessorNames.set(id, (await loadActor(ctx.db, id, 'session', ['read']))?.name ?? '')
    return assessorNames.get(id) ?? null
  }
  async function* rows(): RowSource {
    for await (const page of visibleRows(ctx, actor, conditions)) {
      const taxIds = await findCompanyTaxIds(ctx.db, page.map((p) => p.row.companyId))
      for (const { row, companyName } of page) {
        const ids = taxIds.get(row.companyId)
        const values: ExportValue[] = [
          row.id, row.seriesId, row.version, companyName, ids?.vatNumber ?? null, ids?.taxCode ?? null, await unitName(row.unitId),
          row.stage, row.mode, row.status, row.instrumentId, row.instrumentVersion, row.rulesVersion, await assessorName(row.assessorId),
          row.assessedOn, row.submittedAt?.toISOString() ?? null, row.validatedAt?.toISOString() ?? null, row.createdAt.toISOString(),
          row.overall, row.band, row.d1, row.d2, row.d3, row.d4, row.d5, row.d6,
          // The answer exactly as stored: JSON text (an array or object, never a formula).
          ...questions.map((q) => (row.answers[q] === undefined ? null : JSON.stringify(row.answers[q]))),
        ]
        yield values
      }
    }
  }
  const base = `${locale === 'en' ? 'dma-assessments' : 'valutazioni-dma'}-${stamp}`
  return {
    fileName: `${base}.${format}`,
    contentType: CONTENT_TYPES[format],
    body: format === 'xlsx' ? xlsxStream(locale === 'en' ? 'Assessments' : 'Valutazioni', header, rows()) : csvStream(header, rows(), locale),
  }
}
