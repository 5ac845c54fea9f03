/**
 * Import of the EDIH reporting tool's spreadsheet (issue 4 "Exports": assessments done elsewhere).
 * Each row of "My SMEs DMA Results" / "My PSOs DMA Results" becomes a validated assessment of the
 * company it names, `mode: 'imported'`, with no answers and the file's scores (the band computed
 * from the rules' band edges). A row is matched to a company the caller writes by exact name
 * (case and accents ignored), or by partita IVA / codice fiscale when an extra `VAT` / `Partita IVA`
 * column holds one (then it wins). Every row that cannot be imported is reported with its number,
 * column and reason.
 *
 * All or nothing: the real run writes only when no row has an error, so a corrected file can be
 * imported again without duplicating the rows that were fine. Small and synchronous (at most
 * ASSESSMENT_IMPORT_MAX_ROWS rows).
 */
import { randomUUID } from 'node:crypto'
import ExcelJS from 'exceljs'
import { AppError } from '../../../shared/app-error'
import type { RequestContext } from '../../../server/http/context'
import { findWritableCompanyMatches, getCompany, normalizeText, normalizeVatNumber, recordCompanyActivity, type CompanyMatchCandidate } from '../../companies'
import { canWriteUnitData, findUnit } from '../../identity'
import { italianDay } from '../../territory'
import {
  ASSESSMENT_IMPORT_MAX_ROWS,
  DMA_INSTRUMENT_IDS,
  EDIH_SCORE_COLUMN,
  EDIH_SHEETS,
  type AssessmentImportReport,
  type AssessmentImportRow,
  type AssessmentStage,
  type DmaDimensionId,
  type DmaInstrumentId,
} from '../assessments.contract'
import { DEFAULT_DMA_INSTRUMENT_VERSION, DEFAULT_DMA_RULES_VERSION, findDmaBand, getDmaInstrument, getDmaRules } from '../assessments.reference'
import { ASSESSMENT_SOURCE, assessmentJourneySummary, auditable, customerDataOf, refreshLatest, requireActor } from './assessments.service'
import { assessments } from './assessments.table'

/** Headers of the optional identifier column (any of these, case-insensitive). */
const VAT_HEADERS = ['vat', 'vat number', 'partita iva', 'p.iva', 'p. iva', 'piva', 'codice fiscale', 'tax code']

type RowError = AssessmentImportRow['errors'][number]
type Code = RowError['code']

const MESSAGES: Record<Code, { it: string; en: string }> = {
  nameMissing: { it: 'Il nome è vuoto.', en: 'The name is empty.' },
  scoreMissing: { it: 'Il punteggio "{column}" è vuoto.', en: 'The score "{column}" is empty.' },
  scoreNotNumber: { it: 'Il punteggio "{column}" non è un numero: "{value}".', en: 'The score "{column}" is not a number: "{value}".' },
  scoreOutOfRange: { it: 'Il punteggio "{column}" deve essere tra 0 e 100: {value}.', en: 'The score "{column}" must be between 0 and 100: {value}.' },
  noMatch: {
    it: 'Nessuna azienda tra quelle che puoi modificare si chiama "{value}".',
    en: 'No company you can edit is named "{value}".',
  },
  vatNoMatch: {
    it: 'Nessuna azienda tra quelle che puoi modificare ha partita IVA o codice fiscale "{value}".',
    en: 'No company you can edit has VAT number or tax code "{value}".',
  },
  ambiguous: {
    it: 'Più aziende si chiamano "{value}" (partite IVA {candidates}): aggiungi una colonna "Partita IVA".',
    en: 'Several companies are named "{value}" (VAT numbers {candidates}): add a "VAT" column.',
  },
  duplicateRow: {
    it: 'La stessa azienda compare già alla riga {value} di questo foglio.',
    en: 'The same company already appears in row {value} of this sheet.',
  },
}

function rowError(code: Code, column: string | null, locale: 'it' | 'en', params: Record<string, string | number> = {}): RowError {
  const message = MESSAGES[code][locale].replace(/\{(\w+)\}/g, (_, key: string) => String(key === 'column' ? (column ?? '') : (params[key] ?? '')))
  return { column, code, message }
}

type Cell = string | number | boolean | Date | null

function flatten(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('')
    if ('result' in value) return flatten((value.result ?? null) as ExcelJS.CellValue)
    if ('text' in value && typeof value.text === 'string') return value.text
  }
  return null
}

const text = (cell: Cell | undefined): string => (cell === null || cell === undefined ? '' : cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell).trim())

/** A 0-100 score: a number, or text with a decimal comma or point ("45,5", "45.5"). */
function readScore(cell: Cell | undefined): { value: number } | { problem: 'scoreMissing' | 'scoreNotNumber' | 'scoreOutOfRange'; shown: string } {
  const shown = text(cell)
  if (shown === '') return { problem: 'scoreMissing', shown }
  const value = typeof cell === 'number' ? cell : /^-?\d+([.,]\d+)?$/.test(shown) ? Number(shown.replace(',', '.')) : Number.NaN
  if (!Number.isFinite(value)) return { problem: 'scoreNotNumber', shown }
  if (value < 0 || value > 100) return { problem: 'scoreOutOfRange', shown }
  return { value }
}

interface ParsedRow {
  sheet: string
  instrument: DmaInstrumentId
  row: number
  name: string
  vatNumber: string | null
  overall: number | null
  dimensions: Record<DmaDimensionId, number | null>
  errors: RowError[]
}

/** The two EDIH sheets of the workbook, rows read and checked (scores, names); not yet matched. */
async function parseWorkbook(bytes: Uint8Array, locale: 'it' | 'en'): Promise<ParsedRow[]> {
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer)
  } catch {
    throw new AppError('VALIDATION', 'errors.assessmentImportUnreadable')
  }
  const found = DMA_INSTRUMENT_IDS.flatMap((instrument) => {
    const wanted = EDIH_SHEETS[instrument].sheet.toLowerCase()
    const sheet = workbook.worksheets.find((ws) => ws.name.trim().toLowerCase() === wanted)
    return sheet ? [{ instrument, sheet }] : []
  })
  if (found.length === 0) {
    throw new AppError('VALIDATION', 'errors.assessmentImportNoSheets', { sheets: DMA_INSTRUMENT_IDS.map((i) => `"${EDIH_SHEETS[i].sheet}"`).join(', ') })
  }
  const total = found.reduce((n, f) => n + Math.max(0, f.sheet.actualRowCount - 1), 0)
  if (total > ASSESSMENT_IMPORT_MAX_ROWS) throw new AppError('VALIDATION', 'errors.assessmentImportTooManyRows', { max: ASSESSMENT_IMPORT_MAX_ROWS, rows: total })

  const parsed: ParsedRow[] = []
  for (const { instrument, sheet } of found) {
    const definition = getDmaInstrument(instrument, DEFAULT_DMA_INSTRUMENT_VERSION[instrument])
    // row.values is 1-based and sparse: Array.from fills the holes.
    const headerCells = Array.from(sheet.getRow(1).values as ExcelJS.CellValue[], (v) => text(flatten(v ?? null)))
    const columnOf = (label: string) => headerCells.findIndex((h) => h.toLowerCase() === label.toLowerCase())
    const nameColumn = EDIH_SHEETS[instrument].nameColumn
    const required = [nameColumn, EDIH_SCORE_COLUMN, ...definition.dimensions.map((d) => d.exportLabel)]
    const missing = required.filter((label) => columnOf(label) < 0)
    if (missing.length > 0) {
      throw new AppError('VALIDATION', 'errors.assessmentImportMissingColumns', { sheet: sheet.name, columns: missing.map((m) => `"${m}"`).join(', ') })
    }
    const vatColumn = headerCells.findIndex((h) => VAT_HEADERS.includes(h.toLowerCase()))
    sheet.eachRow({ includeEmpty: false }, (row, number) => {
      if (number === 1) return
      const cells = Array.from(row.values as ExcelJS.CellValue[], (v) => flatten(v ?? null))
      if (cells.every((c) => text(c) === '')) return
      const errors: RowError[] = []
      const name = text(cells[columnOf(nameColumn)])
      if (!name) errors.push(rowError('nameMissing', nameColumn, locale))
      const score = (label: string): number | null => {
        const read = readScore(cells[columnOf(label)])
        if ('value' in read) return read.value
        errors.push(rowError(read.problem, label, locale, { value: read.shown }))
        return null
      }
      const overall = score(EDIH_SCORE_COLUMN)
      const dimensions = Object.fromEntries(definition.dimensions.map((d) => [d.id, score(d.exportLabel)])) as Record<DmaDimensionId, number | null>
      const vat = vatColumn >= 0 ? text(cells[vatColumn]) : ''
      parsed.push({ sheet: sheet.name, instrument, row: number, name, vatNumber: vat ? normalizeVatNumber(vat) : null, overall, dimensions, errors })
    })
  }
  return parsed
}

export interface AssessmentImportOptions {
  fileName: string
  bytes: Uint8Array
  stage: AssessmentStage
  assessedOn?: string | undefined
  dryRun: boolean
  unitId?: string | undefined
}

export async function importAssessments(ctx: RequestContext, options: AssessmentImportOptions): Promise<AssessmentImportReport> {
  const actor = requireActor(ctx)
  let unitPrefixes: string[] | undefined
  if (options.unitId) {
    const unit = await findUnit(ctx.db, options.unitId)
    if (!unit || !canWriteUnitData(actor, unit.path)) throw new AppError('FORBIDDEN', 'errors.forbidden')
    unitPrefixes = [unit.path]
  }
  const parsed = await parseWorkbook(options.bytes, ctx.locale)
  const candidates = await findWritableCompanyMatches(ctx.db, actor, {
    names: parsed.map((p) => p.name),
    vatNumbers: parsed.flatMap((p) => (p.vatNumber ? [p.vatNumber] : [])),
    ...(unitPrefixes ? { unitPrefixes } : {}),
  })
  const rules = getDmaRules(DEFAULT_DMA_RULES_VERSION)
  const seen = new Map<string, number>()
  const rows: AssessmentImportRow[] = parsed.map((p) => {
    const errors = [...p.errors]
    let company: CompanyMatchCandidate | null = null
    if (p.vatNumber) {
      company = candidates.find((c) => c.vatNumber === p.vatNumber || c.taxCode?.toUpperCase() === p.vatNumber) ?? null
      if (!company) errors.push(rowError('vatNoMatch', null, ctx.locale, { value: p.vatNumber }))
    } else if (p.name) {
      const key = normalizeText(p.name)
      const named = candidates.filter((c) => c.nameKey === key)
      if (named.length === 1) company = named[0] ?? null
      else if (named.length === 0) errors.push(rowError('noMatch', null, ctx.locale, { value: p.name }))
      else errors.push(rowError('ambiguous', null, ctx.locale, { value: p.name, candidates: named.map((c) => c.vatNumber).join(', ') }))
    }
    if (company) {
      const key = `${p.instrument}:${company.id}`
      const first = seen.get(key)
      if (first !== undefined) errors.push(rowError('duplicateRow', null, ctx.locale, { value: first }))
      else seen.set(key, p.row)
    }
    return {
      sheet: p.sheet,
      instrument: p.instrument,
      row: p.row,
      name: p.name,
      vatNumber: p.vatNumber,
      outcome: errors.length > 0 ? 'error' : 'create',
      company: company ? { id: company.id, name: company.name, vatNumber: company.vatNumber } : null,
      overall: p.overall,
      band: p.overall === null ? null : findDmaBand(p.overall, rules),
      dimensions: p.dimensions,
      assessmentId: null,
      errors,
    }
  })
  const errorRows = rows.filter((r) => r.outcome === 'error').length
  const assessedOn = options.assessedOn ?? italianDay(ctx.now())
  const report: AssessmentImportReport = {
    fileName: options.fileName,
    dryRun: options.dryRun,
    applied: false,
    stage: options.stage,
    assessedOn,
    total: rows.length,
    created: rows.length - errorRows,
    errorRows,
    rows,
  }
  if (options.dryRun || errorRows > 0 || rows.length === 0) {
    if (!options.dryRun && errorRows > 0) report.created = 0
    return report
  }

  await ctx.db.transaction(async (tx) => {
    const now = ctx.now()
    for (const r of rows) {
      if (!r.company || r.overall === null) continue
      const company = await getCompany({ ...ctx, db: tx }, r.company.id)
      const d = (id: DmaDimensionId) => r.dimensions[id] ?? null
      const id = randomUUID()
      const [row] = await tx
        .insert(assessments)
        .values({
          id,
          seriesId: id,
          version: 1,
          companyId: company.id,
          unitId: company.unitId,
          stage: options.stage,
          mode: 'imported',
          instrumentId: r.instrument,
          instrumentVersion: DEFAULT_DMA_INSTRUMENT_VERSION[r.instrument],
          rulesVersion: rules.id,
          status: 'validated',
          answers: {},
          customerData: customerDataOf(company),
          assessorId: null,
          assessedOn,
          overall: r.overall,
          band: r.band,
          d1: d('D1'), d2: d('D2'), d3: d('D3'), d4: d('D4'), d5: d('D5'), d6: d('D6'),
          result: null,
          // The peer group of today, as validation records it, for the benchmark.
          atecoSection: company.atecoSection,
          sizeClass: company.size,
          regionCode: company.comune?.regionCode ?? null,
          validatedAt: now,
          validatedBy: actor.userId,
          createdBy: actor.userId,
          createdAt: now,
          updatedAt: now,
        })
        .returning()
      if (!row) throw new Error('assessment insert returned no row')
      await ctx.deps.audit.record(tx, ctx, {
        action: 'import', entityType: 'assessment', entityId: row.id, unitId: row.unitId,
        after: { ...auditable(row), importedFrom: { fileName: options.fileName, sheet: r.sheet, row: r.row } },
      })
      await refreshLatest(tx, row.companyId, row.instrumentId)
      await recordCompanyActivity(tx, {
        companyId: row.companyId,
        stage: options.stage === 'T0' ? 'assessed' : 'reassessed',
        sourceType: ASSESSMENT_SOURCE,
        sourceId: row.seriesId,
        occurredAt: now,
        summary: assessmentJourneySummary(row),
      })
      r.assessmentId = row.id
    }
  })
  report.applied = true
  return report
}

