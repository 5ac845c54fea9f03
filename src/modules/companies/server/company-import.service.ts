/**
 * Imports of companies from CSV/XLSX files (issue 3, "Import and export"): upload (the file is kept
 * in company_imports, so any instance can run it), mapping, dry run, import (upsert by partita
 * IVA, in batches, in the background), report, undo. Scoped by identity's policy like every
 * companies query: the target unit must be writable, and a row whose partita IVA belongs to a
 * company the user cannot change is an error, never an update.
 *
 * Audit: one entry per import and one per undo (action `import` / `undo`, with the counts). The
 * per-company record of what an import did is company_import_changes (created / updated + before),
 * which is what undo reads: at 100,000 rows a per-company audit entry through the one-row audit
 * port would double the time of an import.
 */
import { and, desc, eq, inArray, sql } from 'drizzle-orm'
import { AppError } from '../../../shared/app-error'
import type { Db } from '../../../server/db/client'
import { systemContext, type RequestContext } from '../../../server/http/context'
import type { AppDeps } from '../../../server/deps'
import { canReadUnitData, canWriteUnitData, dataPathPrefixes, findUnit, loadActor, unitIdsUnder, type Actor } from '../../identity'
import { italianDay, matchComune } from '../../territory'
import {
  COMPANY_IMPORT_FIELDS,
  CUSTOM_FIELD_PREFIX,
  IMPORT_MAX_BYTES,
  REQUIRED_IMPORT_FIELDS,
  type CompanyImport,
  type CompanyImportField,
  type CompanyImportUpdateInput,
  type ImportRowError,
  type ImportStatus,
} from '../company-import.contract'
import {
  COOPERATIVE_FORMS,
  CompanyCreateInput,
  CompanyUpdateInput,
  type CustomFieldDefinition,
  type LegalForm,
} from '../companies.contract'
import { derivedColumns, type Place } from './companies.service'
import { companies, companyActivity, companyImportChanges, companyImports, companyMembers, type CompanyRow } from './companies.table'
import { IMPORT_FIELD_LABELS, suggestMapping } from './company-import.mapping'
import { cellText, readSpreadsheet, UnreadableFileError, type ParsedSheet } from './company-import.parse'
import { convertRow, errorFactory, issuesToErrors, vatKey, type ConvertedRow, type MappedColumn, type RowValues } from './company-import.rows'
import { listCustomFieldDefinitions } from './custom-fields.service'

type ImportRow = typeof companyImports.$inferSelect

/** Rows per transaction: big enough for multi-row statements, small enough to keep memory flat. */
export const IMPORT_BATCH_SIZE = 1000
const PREVIEW_ROWS = 10
/** Errors carried in the import view (the report file holds all of them). */
const VIEW_ERRORS = 500

interface StoredOptions {
  encoding: string | null
  delimiter: string | null
  sheet: string | null
  headers: string[]
  preview: string[][]
  /** Counts and errors come from a dry run (nothing written). */
  dryRun?: boolean
  undo?: CompanyImport['undo']
  /** Kept with the import: the identity module owns users, this list only shows who uploaded. */
  createdByName?: string
}

export interface ImportReport {
  importId: string
  status: ImportStatus
  totalRows: number
  created: number
  updated: number
  unchanged: number
  errors: ImportRowError[]
}

function requireActor(ctx: RequestContext): Actor {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED', 'errors.unauthenticated')
  return ctx.actor
}

function optionsOf(row: ImportRow): StoredOptions {
  const o = row.options as Partial<StoredOptions>
  return { ...o, encoding: o.encoding ?? null, delimiter: o.delimiter ?? null, sheet: o.sheet ?? null, headers: o.headers ?? [], preview: o.preview ?? [], dryRun: o.dryRun ?? false, undo: o.undo ?? null }
}

async function targetFields(db: Db, locale: 'it' | 'en') {
  const definitions = await listCustomFieldDefinitions(db)
  return {
    definitions,
    fields: [
      ...COMPANY_IMPORT_FIELDS.map((key) => ({ key, label: IMPORT_FIELD_LABELS[key][locale], required: REQUIRED_IMPORT_FIELDS.includes(key) })),
      ...definitions.map((d) => ({ key: `${CUSTOM_FIELD_PREFIX}${d.key}`, label: locale === 'en' ? d.labelEn : d.labelIt, required: false })),
    ],
  }
}

async function toView(ctx: RequestContext, row: ImportRow, actor: Actor, withDetails = true): Promise<CompanyImport> {
  const unit = await findUnit(ctx.db, row.unitId)
  const options = optionsOf(row)
  const canWrite = unit ? canWriteUnitData(actor, unit.path) : false
  const errors = (row.errors as ImportRowError[]).slice(0, withDetails ? VIEW_ERRORS : 0)
  return {
    id: row.id,
    unitId: row.unitId,
    unitName: unit?.name ?? '',
    fileName: row.fileName,
    fileFormat: row.fileFormat as 'csv' | 'xlsx',
    status: row.status as ImportStatus,
    options: { encoding: options.encoding, delimiter: options.delimiter, sheet: options.sheet },
    headers: options.headers,
    mapping: row.mapping ?? {},
    preview: withDetails ? options.preview : [],
    fields: withDetails ? (await targetFields(ctx.db, ctx.locale)).fields : [],
    totalRows: row.totalRows,
    processedRows: row.processedRows,
    created: row.created,
    updated: row.updated,
    unchanged: row.unchanged,
    errorCount: row.errorCount,
    errors,
    dryRun: options.dryRun ?? false,
    failure: row.failure,
    undo: options.undo ?? null,
    createdByName: options.createdByName ?? null,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
    undoneAt: row.undoneAt?.toISOString() ?? null,
    can: { run: canWrite && (row.status === 'uploaded' || row.status === 'validated'), undo: canWrite && row.status === 'done' },
  }
}

/** The unit the import goes to: the one asked for, else the first unit where the actor writes data. */
async function importUnit(db: Db, actor: Actor, unitId: string | undefined) {
  const id = unitId ?? actor.grants.find((g) => canWriteUnitData(actor, g.path))?.unitId
  if (!id) throw new AppError('FORBIDDEN', 'errors.forbidden')
  const unit = await findUnit(db, id)
  if (!unit || !canReadUnitData(actor, unit.path)) throw new AppError('NOT_FOUND', 'errors.notFound')
  if (!canWriteUnitData(actor, unit.path)) throw new AppError('FORBIDDEN', 'errors.forbidden')
  if (unit.archivedAt) throw new AppError('CONFLICT', 'errors.unitArchived')
  return unit
}

async function parseStored(fileName: string, bytes: Uint8Array): Promise<ParsedSheet> {
  try {
    return await readSpreadsheet(fileName, bytes)
  } catch (error) {
    if (error instanceof UnreadableFileError) {
      const key = error.reason === 'format' ? 'errors.importFormat' : error.reason === 'empty' ? 'errors.importEmpty' : 'errors.importUnreadable'
      throw new AppError('VALIDATION', key, { fileName })
    }
    throw error
  }
}

/** Stores the file, reads its header, suggests a mapping: the first step of the wizard. */
export async function uploadCompanyImport(
  ctx: RequestContext,
  input: { fileName: string; bytes: Uint8Array; unitId?: string | undefined },
): Promise<CompanyImport> {
  const actor = requireActor(ctx)
  if (input.bytes.byteLength > IMPORT_MAX_BYTES) {
    throw new AppError('VALIDATION', 'errors.importTooLarge', { maxMb: Math.round(IMPORT_MAX_BYTES / 1024 / 1024) })
  }
  const unit = await importUnit(ctx.db, actor, input.unitId)
  const sheet = await parseStored(input.fileName, input.bytes)
  const { definitions } = await targetFields(ctx.db, ctx.locale)
  const mapping = suggestMapping(sheet.headers, definitions)
  const options: StoredOptions = {
    ...sheet.options,
    createdByName: actor.name,
    headers: sheet.headers,
    preview: sheet.rows.slice(0, PREVIEW_ROWS).map((r) => sheet.headers.map((_, i) => cellText(r.cells[i]))),
  }
  const row = await ctx.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(companyImports)
      .values({
        unitId: unit.id,
        createdBy: actor.userId,
        fileName: input.fileName,
        fileFormat: sheet.format,
        file: Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength),
        options: options as unknown as Record<string, unknown>,
        mapping,
        status: 'uploaded',
        totalRows: sheet.rows.length,
        createdAt: ctx.now(),
      })
      .returning()
    if (!created) throw new Error('import insert returned no row')
    await ctx.deps.audit.record(tx, ctx, {
      action: 'create',
      entityType: 'company_import',
      entityId: created.id,
      unitId: unit.id,
      after: { fileName: created.fileName, totalRows: created.totalRows, mapping },
    })
    return created
  })
  return toView(ctx, row, actor)
}

/** The import if the actor reads its unit; NOT_FOUND otherwise (missing and hidden look the same). */
async function getScopedImport(db: Db, actor: Actor, id: string, options: { write?: boolean } = {}) {
  const [row] = await db.select().from(companyImports).where(eq(companyImports.id, id))
  if (!row) throw new AppError('NOT_FOUND', 'errors.notFound')
  const unit = await findUnit(db, row.unitId)
  if (!unit || !canReadUnitData(actor, unit.path)) throw new AppError('NOT_FOUND', 'errors.notFound')
  if (options.write && !canWriteUnitData(actor, unit.path)) throw new AppError('FORBIDDEN', 'errors.forbidden')
  return row
}

export async function getCompanyImport(ctx: RequestContext, id: string): Promise<CompanyImport> {
  const actor = requireActor(ctx)
  return toView(ctx, await getScopedImport(ctx.db, actor, id), actor)
}

/** The last 50 imports of the units the actor reads, newest first. */
export async function listCompanyImports(ctx: RequestContext) {
  const actor = requireActor(ctx)
  const prefixes = dataPathPrefixes(actor)
  if (prefixes.length === 0) throw new AppError('FORBIDDEN', 'errors.forbidden')
  const rows = await ctx.db
    .select()
    .from(companyImports)
    .where(inArray(companyImports.unitId, unitIdsUnder(ctx.db, prefixes)))
    .orderBy(desc(companyImports.createdAt), desc(companyImports.id))
    .limit(50)
  const items = []
  for (const row of rows) {
    const { preview: _p, errors: _e, fields: _f, ...rest } = await toView(ctx, row, actor, false)
    items.push(rest)
  }
  return { items }
}

const EDITABLE: ReadonlySet<string> = new Set(['uploaded', 'validated'])

/** Changes the mapping and/or the target unit; a new mapping needs a new dry run. */
export async function updateCompanyImport(ctx: RequestContext, id: string, input: CompanyImportUpdateInput): Promise<CompanyImport> {
  const actor = requireActor(ctx)
  const before = await getScopedImport(ctx.db, actor, id, { write: true })
  if (!EDITABLE.has(before.status)) throw new AppError('CONFLICT', 'errors.importNotEditable')
  const changes: Partial<ImportRow> = {}
  if (input.unitId && input.unitId !== before.unitId) changes.unitId = (await importUnit(ctx.db, actor, input.unitId)).id
  if (input.mapping) {
    const headers = optionsOf(before).headers
    const { fields } = await targetFields(ctx.db, ctx.locale)
    const allowed = new Set(fields.map((f) => f.key))
    const seen = new Set<string>()
    const mapping: Record<string, string> = {}
    for (const [column, target] of Object.entries(input.mapping)) {
      if (!target) continue
      if (Number(column) >= headers.length || !allowed.has(target) || seen.has(target)) {
        throw new AppError('VALIDATION', 'errors.importMapping', {}, [{ path: `mapping.${column}`, message: 'errors.importMapping' }])
      }
      seen.add(target)
      mapping[column] = target
    }
    changes.mapping = mapping
  }
  const [after] = await ctx.db.transaction(async (tx) => {
    const updated = await tx
      .update(companyImports)
      .set({ ...changes, status: 'uploaded', errors: [], errorCount: 0, created: 0, updated: 0, unchanged: 0, processedRows: 0 })
      .where(eq(companyImports.id, id))
      .returning()
    await ctx.deps.audit.record(tx, ctx, {
      action: 'update',
      entityType: 'company_import',
      entityId: id,
      unitId: updated[0]?.unitId ?? before.unitId,
      before: { unitId: before.unitId, mapping: before.mapping },
      after: { unitId: updated[0]?.unitId, mapping: updated[0]?.mapping },
    })
    return updated
  })
  if (!after) throw new Error('import update returned no row')
  return toView(ctx, after, actor)
}

// ── The work: dry run and import share one pass over the file ────────────────────────────────────

interface Plan {
  create: { row: number; values: ReturnType<typeof CompanyCreateInput.parse>; place: Place | null }[]
  update: { row: number; before: CompanyRow; set: Partial<CompanyRow>; beforeValues: Record<string, unknown> }[]
  unchanged: number
  errors: ImportRowError[]
}

interface PassState {
  /** Partita IVA → the first row that carried it. */
  seenVat: Map<string, number>
  places: Map<string, Place | null>
  unitPaths: Map<string, string | null>
}

function mappedColumns(row: ImportRow, headers: readonly string[]): MappedColumn[] {
  return Object.entries(row.mapping ?? {})
    .map(([index, target]) => ({ index: Number(index), target, header: headers[Number(index)] ?? `#${Number(index) + 1}` }))
    .filter((c) => Number.isInteger(c.index))
}

async function placeFor(ctx: RequestContext, state: PassState, comune: string, province: string | null): Promise<Place | null> {
  // A two-letter Provincia (BG) picks among homonyms; a written-out one is ignored.
  const sigla = province && /^[A-Za-z]{2}$/.test(province.trim()) ? province.trim().toUpperCase() : undefined
  const key = `${comune.toLowerCase()}|${sigla ?? ''}`
  if (!state.places.has(key)) {
    const at = italianDay(ctx.now())
    const found = (await matchComune(ctx.db, comune, at, sigla ? { province: sigla } : {})) ?? null
    state.places.set(key, found)
  }
  return state.places.get(key) ?? null
}

async function placeOfIstat(ctx: RequestContext, state: PassState, istat: string | null): Promise<Place | null> {
  if (!istat) return null
  return placeFor(ctx, state, istat, null)
}

async function unitPathOf(db: Db, state: PassState, unitId: string): Promise<string | null> {
  if (!state.unitPaths.has(unitId)) state.unitPaths.set(unitId, (await findUnit(db, unitId))?.path ?? null)
  return state.unitPaths.get(unitId) ?? null
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (a === null || a === undefined || b === null || b === undefined) return false
  if (typeof a === 'number' || typeof b === 'number') return Number(a) === Number(b)
  return JSON.stringify(a) === JSON.stringify(b)
}

/** Validates one batch of rows and decides, for each valid row, create / update / unchanged. */
async function planBatch(
  ctx: RequestContext,
  actor: Actor,
  state: PassState,
  imp: ImportRow,
  converted: ConvertedRow[],
  columns: readonly MappedColumn[],
): Promise<Plan> {
  const plan: Plan = { create: [], update: [], unchanged: 0, errors: [] }
  const error = errorFactory(ctx.locale)
  const columnOf = (field: string) => columns.find((c) => c.target === field)?.header ?? null
  const vats = [...new Set(converted.map((c) => vatKey(c.values)).filter((v): v is string => v !== null))]
  const existing = new Map<string, CompanyRow>()
  if (vats.length > 0) {
    for (const row of await ctx.db.select().from(companies).where(inArray(companies.vatNumber, vats))) existing.set(row.vatNumber, row)
  }
  for (const c of converted) {
    const errors = [...c.errors]
    const vat = vatKey(c.values)
    if (vat) {
      const first = state.seenVat.get(vat)
      if (first !== undefined) errors.push(error(c.row, columnOf('vatNumber'), 'errors.importDuplicateRow', { row: first }))
      else state.seenVat.set(vat, c.row)
    }
    let place: Place | null = null
    if (c.comune !== null) {
      place = await placeFor(ctx, state, c.comune, c.province)
      if (!place) errors.push(error(c.row, columnOf('comune'), 'errors.importComuneUnknown', { value: c.comune }))
    }
    const current = vat ? existing.get(vat) : undefined
    if (current) {
      const path = await unitPathOf(ctx.db, state, current.unitId)
      if (!path || !canWriteUnitData(actor, path)) errors.push(error(c.row, columnOf('vatNumber'), 'errors.importVatNotWritable', { vatNumber: vat }))
    }
    const input: Record<string, unknown> = { ...c.values }
    if (place) input.comuneIstat = place.istatCode
    if (current) {
      const parsed = CompanyUpdateInput.safeParse(input)
      if (!parsed.success) errors.push(...issuesToErrors(c.row, parsed.error.issues, columnOf, ctx.locale))
      if (errors.length > 0 || !parsed.success) {
        plan.errors.push(...errors)
        continue
      }
      const update = await planUpdate(ctx, state, current, parsed.data, place)
      if (update) plan.update.push({ row: c.row, ...update })
      else plan.unchanged++
    } else {
      for (const field of REQUIRED_IMPORT_FIELDS) {
        if (c.values[field as keyof RowValues] === undefined && !errors.some((e) => e.column === columnOf(field) && e.row === c.row)) {
          errors.push(error(c.row, columnOf(field), 'errors.importRequired', { field: IMPORT_FIELD_LABELS[field][ctx.locale] }))
        }
      }
      const parsed = errors.length > 0 ? null : CompanyCreateInput.safeParse({ ...input, unitId: imp.unitId })
      if (parsed && !parsed.success) errors.push(...issuesToErrors(c.row, parsed.error.issues, columnOf, ctx.locale))
      if (errors.length > 0 || !parsed?.success) {
        plan.errors.push(...errors)
        continue
      }
      plan.create.push({ row: c.row, values: parsed.data, place })
    }
  }
  return plan
}

/** The columns an update changes (only fields the row fills, only when they differ), or null. */
async function planUpdate(ctx: RequestContext, state: PassState, current: CompanyRow, input: ReturnType<typeof CompanyUpdateInput.parse>, place: Place | null) {
  const set: Record<string, unknown> = {}
  const beforeValues: Record<string, unknown> = {}
  const change = (field: keyof CompanyRow, value: unknown) => {
    if (value === undefined || sameValue(current[field], value)) return
    set[field] = value
    beforeValues[field] = current[field]
  }
  for (const field of ['name', 'taxCode', 'legalForm', 'atecoCode', 'employees', 'turnover', 'balanceSheetTotal', 'foundingYear', 'website', 'pec', 'email', 'phone', 'address', 'description', 'notes'] as const) {
    change(field, input[field])
  }
  if (set.legalForm) change('isCooperative', COOPERATIVE_FORMS.has(set.legalForm as LegalForm))
  if (input.comuneIstat) change('comuneIstat', input.comuneIstat)
  if (input.tags?.length) {
    const merged = [...new Set([...current.tags, ...input.tags])]
    if (merged.length !== current.tags.length) change('tags', merged)
  }
  if (input.customFields && Object.keys(input.customFields).length > 0) change('customFields', { ...current.customFields, ...input.customFields })
  if (Object.keys(set).length === 0) return null
  const merged = { ...current, ...set } as CompanyRow
  const mergedPlace = set.comuneIstat ? place : await placeOfIstat(ctx, state, current.comuneIstat)
  beforeValues.updatedAt = current.updatedAt.toISOString()
  return { before: current, set: { ...(set as Partial<CompanyRow>), ...derivedColumns(merged, mergedPlace) }, beforeValues }
}

/** Writes one batch: multi-row insert of the new companies, one update per changed company, the undo log, progress. */
async function applyBatch(ctx: RequestContext, imp: ImportRow, plan: Plan): Promise<{ created: number; lost: ImportRowError[] }> {
  const now = ctx.now()
  return ctx.db.transaction(async (tx) => {
    const changes: (typeof companyImportChanges.$inferInsert)[] = []
    const lost: ImportRowError[] = []
    let created = 0
    if (plan.create.length > 0) {
      const rows = plan.create.map(({ values: v, place }) => {
        const legalForm = (v.legalForm ?? null) as LegalForm | null
        const fields = {
          name: v.name,
          vatNumber: v.vatNumber,
          taxCode: v.taxCode ?? null,
          legalForm,
          isCooperative: legalForm ? COOPERATIVE_FORMS.has(legalForm) : false,
          atecoEdition: v.atecoEdition,
          atecoCode: v.atecoCode ?? null,
          employees: v.employees ?? null,
          turnover: v.turnover ?? null,
          balanceSheetTotal: v.balanceSheetTotal ?? null,
          foundingYear: v.foundingYear ?? null,
          website: v.website ?? null,
          pec: v.pec ?? null,
          email: v.email ?? null,
          phone: v.phone ?? null,
          address: v.address ?? null,
          comuneIstat: place?.istatCode ?? null,
          tags: [...new Set(v.tags ?? [])],
          description: v.description ?? null,
          notes: v.notes ?? null,
          customFields: (v.customFields ?? {}) as Record<string, unknown>,
        }
        return { ...fields, ...derivedColumns(fields, place), unitId: imp.unitId, createdAt: now, updatedAt: now }
      })
      // A company created meanwhile by someone else with the same partita IVA: not duplicated.
      const inserted = await tx
        .insert(companies)
        .values(rows)
        .onConflictDoNothing({ target: companies.vatNumber })
        .returning({ id: companies.id, vatNumber: companies.vatNumber })
      const idByVat = new Map(inserted.map((r) => [r.vatNumber, r.id]))
      for (const c of plan.create) {
        const id = idByVat.get(c.values.vatNumber)
        if (id) changes.push({ importId: imp.id, companyId: id, rowNumber: c.row, action: 'created', before: null })
        else lost.push(errorFactory(ctx.locale)(c.row, null, 'errors.vatNumberTaken', { vatNumber: c.values.vatNumber }))
      }
      created = inserted.length
    }
    for (const u of plan.update) {
      await tx
        .update(companies)
        .set({ ...u.set, updatedAt: now })
        .where(eq(companies.id, u.before.id))
      changes.push({ importId: imp.id, companyId: u.before.id, rowNumber: u.row, action: 'updated', before: u.beforeValues })
    }
    if (changes.length > 0) await tx.insert(companyImportChanges).values(changes)
    return { created, lost }
  })
}

interface PassResult {
  created: number
  updated: number
  unchanged: number
  errors: ImportRowError[]
}

/**
 * One pass over the stored file, batch by batch: validation always, writes when `write`.
 * Progress (processed rows and counts) is saved after each batch, so any instance can report it.
 */
async function runPass(ctx: RequestContext, actor: Actor, imp: ImportRow, write: boolean): Promise<PassResult> {
  if (!imp.file) throw new AppError('CONFLICT', 'errors.importNotEditable')
  const sheet = await parseStored(imp.fileName, imp.file)
  const columns = mappedColumns(imp, optionsOf(imp).headers)
  const targetPath = await findUnit(ctx.db, imp.unitId)
  if (!targetPath || !canWriteUnitData(actor, targetPath.path)) throw new AppError('FORBIDDEN', 'errors.forbidden')
  const definitions = new Map<string, CustomFieldDefinition>((await listCustomFieldDefinitions(ctx.db)).map((d) => [d.key, d]))
  const error = errorFactory(ctx.locale)
  const state: PassState = { seenVat: new Map(), places: new Map(), unitPaths: new Map() }
  const result: PassResult = { created: 0, updated: 0, unchanged: 0, errors: [] }
  const missing = REQUIRED_IMPORT_FIELDS.filter((f) => !columns.some((c) => c.target === f))
  if (missing.includes('vatNumber')) {
    // Without a partita IVA column nothing can be matched or created: one error for the file.
    result.errors.push(error(1, null, 'errors.importRequired', { field: IMPORT_FIELD_LABELS.vatNumber[ctx.locale] }))
    return result
  }
  for (let start = 0; start < sheet.rows.length; start += IMPORT_BATCH_SIZE) {
    const batch = sheet.rows.slice(start, start + IMPORT_BATCH_SIZE)
    const converted = batch.map((r) => convertRow(r, columns, definitions, error))
    const plan = await planBatch(ctx, actor, state, imp, converted, columns)
    let created = plan.create.length
    if (write) {
      const applied = await applyBatch(ctx, imp, plan)
      created = applied.created
      plan.errors.push(...applied.lost)
    }
    result.created += created
    result.updated += plan.update.length
    result.unchanged += plan.unchanged
    result.errors.push(...plan.errors)
    await ctx.db
      .update(companyImports)
      .set({
        processedRows: start + batch.length,
        created: result.created,
        updated: result.updated,
        unchanged: result.unchanged,
        errorCount: result.errors.length,
      })
      .where(eq(companyImports.id, imp.id))
  }
  result.errors.sort((a, b) => a.row - b.row)
  return result
}

async function saveResult(ctx: RequestContext, imp: ImportRow, status: ImportStatus, result: PassResult, dryRun: boolean) {
  const [row] = await ctx.db
    .update(companyImports)
    .set({
      status,
      processedRows: imp.totalRows,
      created: result.created,
      updated: result.updated,
      unchanged: result.unchanged,
      errorCount: result.errors.length,
      errors: result.errors,
      options: { ...optionsOf(imp), dryRun } as unknown as Record<string, unknown>,
      finishedAt: dryRun ? null : ctx.now(),
    })
    .where(eq(companyImports.id, imp.id))
    .returning()
  if (!row) throw new Error('import update returned no row')
  return row
}

/** uploaded/validated → validating, atomically (a second click does nothing). */
async function claimValidation(ctx: RequestContext, id: string): Promise<ImportRow> {
  const [claimed] = await ctx.db
    .update(companyImports)
    .set({ status: 'validating', processedRows: 0, created: 0, updated: 0, unchanged: 0, errorCount: 0, errors: [] })
    .where(and(eq(companyImports.id, id), inArray(companyImports.status, [...EDITABLE])))
    .returning()
  if (!claimed) throw new AppError('CONFLICT', 'errors.importNotEditable')
  return claimed
}

/** The dry run of a claimed import: every row checked, counts of what would happen, nothing written. */
export async function executeCompanyValidation(ctx: RequestContext, id: string): Promise<ImportRow> {
  const actor = requireActor(ctx)
  const [imp] = await ctx.db.select().from(companyImports).where(eq(companyImports.id, id))
  if (!imp || imp.status !== 'validating') throw new AppError('CONFLICT', 'errors.importNotEditable')
  try {
    return await saveResult(ctx, imp, 'validated', await runPass(ctx, actor, imp, false), true)
  } catch (error) {
    // Nothing was written: the import goes back to its mapping step.
    await ctx.db.update(companyImports).set({ status: 'uploaded' }).where(eq(companyImports.id, id))
    throw error
  }
}

/** The dry run, inline (CLI, tests, scripts). */
export async function validateCompanyImport(ctx: RequestContext, id: string): Promise<CompanyImport> {
  const actor = requireActor(ctx)
  await getScopedImport(ctx.db, actor, id, { write: true })
  await claimValidation(ctx, id)
  return toView(ctx, await executeCompanyValidation(ctx, id), actor)
}

/** The dry run in the background (a 100,000-row file takes a while): the web app polls the import. */
export async function startCompanyValidation(ctx: RequestContext, id: string): Promise<CompanyImport> {
  const actor = requireActor(ctx)
  await getScopedImport(ctx.db, actor, id, { write: true })
  const claimed = await claimValidation(ctx, id)
  const job: CompanyImportJob = { importId: id, userId: actor.userId, locale: ctx.locale, dryRun: true }
  await ctx.deps.jobs.send(COMPANY_IMPORT_QUEUE, job as unknown as Record<string, unknown>)
  return toView(ctx, claimed, actor)
}

export const COMPANY_IMPORT_QUEUE = 'company-import'

/** Data of the background job: which import, and who started it (their scope and language apply). */
export interface CompanyImportJob {
  importId: string
  userId: string
  locale: 'it' | 'en'
  /** A dry run rather than the import. */
  dryRun?: boolean
}

/**
 * Claims the import (uploaded/validated → importing, atomically: a second click does nothing)
 * and queues the work; returns at once. The job calls `executeCompanyImport`.
 */
export async function startCompanyImport(ctx: RequestContext, id: string): Promise<CompanyImport> {
  const actor = requireActor(ctx)
  await getScopedImport(ctx.db, actor, id, { write: true })
  const [claimed] = await ctx.db
    .update(companyImports)
    .set({ status: 'importing', processedRows: 0, created: 0, updated: 0, unchanged: 0, errorCount: 0, errors: [], startedAt: ctx.now(), finishedAt: null, failure: null })
    .where(and(eq(companyImports.id, id), inArray(companyImports.status, ['uploaded', 'validated'])))
    .returning()
  if (!claimed) throw new AppError('CONFLICT', 'errors.importNotEditable')
  const job: CompanyImportJob = { importId: id, userId: actor.userId, locale: ctx.locale }
  await ctx.deps.jobs.send(COMPANY_IMPORT_QUEUE, job as unknown as Record<string, unknown>)
  return toView(ctx, claimed, actor)
}

/**
 * The import itself, for an import already claimed by `startCompanyImport`: the pg-boss job runs
 * it; tests and the CLI call it directly. Marks the import done (or failed) and audits it.
 */
export async function executeCompanyImport(ctx: RequestContext, id: string): Promise<ImportRow> {
  const actor = requireActor(ctx)
  const [imp] = await ctx.db.select().from(companyImports).where(eq(companyImports.id, id))
  if (!imp || imp.status !== 'importing') throw new AppError('CONFLICT', 'errors.importNotEditable')
  try {
    const result = await runPass(ctx, actor, imp, true)
    return await ctx.db.transaction(async (tx) => {
      const txCtx = { ...ctx, db: tx }
      const row = await saveResult(txCtx, imp, 'done', result, false)
      await ctx.deps.audit.record(tx, ctx, {
        action: 'import',
        entityType: 'company_import',
        entityId: id,
        unitId: imp.unitId,
        after: { fileName: imp.fileName, totalRows: imp.totalRows, created: result.created, updated: result.updated, unchanged: result.unchanged, errors: result.errors.length },
      })
      return row
    })
  } catch (error) {
    const failure = error instanceof AppError ? error.messageKey : 'errors.internal'
    await ctx.db.update(companyImports).set({ status: 'failed', failure, finishedAt: ctx.now() }).where(eq(companyImports.id, id))
    throw error
  }
}

/** The pg-boss job (or in-process job) of an import: acts as the user who started it. */
export async function runCompanyImportJob(deps: AppDeps, data: Record<string, unknown>): Promise<void> {
  const job = data as unknown as CompanyImportJob
  const actor = await loadActor(deps.database.db, job.userId, 'session', ['read', 'write'])
  const ctx: RequestContext = { ...systemContext(deps, actor), locale: job.locale === 'en' ? 'en' : 'it' }
  if (!actor) {
    await ctx.db
      .update(companyImports)
      .set(job.dryRun ? { status: 'uploaded' } : { status: 'failed', failure: 'errors.forbidden', finishedAt: ctx.now() })
      .where(eq(companyImports.id, job.importId))
    return
  }
  if (job.dryRun) await executeCompanyValidation(ctx, job.importId)
  else await executeCompanyImport(ctx, job.importId)
}

/** The report: counts and all the errors (row, column, code, message). */
export async function getImportReport(ctx: RequestContext, id: string): Promise<{ row: ImportRow; errors: ImportRowError[] }> {
  const actor = requireActor(ctx)
  const row = await getScopedImport(ctx.db, actor, id)
  return { row, errors: row.errors as ImportRowError[] }
}

// ── Undo ─────────────────────────────────────────────────────────────────────────────────────────

/**
 * Undoes a finished import: companies it created are deleted, unless something happened to them
 * since (activity, an edit, a company member, a merge) — those are archived and listed; companies
 * it updated get their previous values back, unless they were changed since (a conflict, listed,
 * left as they are).
 */
export async function undoCompanyImport(ctx: RequestContext, id: string): Promise<CompanyImport> {
  const actor = requireActor(ctx)
  const imp = await getScopedImport(ctx.db, actor, id, { write: true })
  if (imp.status !== 'done') throw new AppError('CONFLICT', 'errors.importNotUndoable')
  const finishedAt = imp.finishedAt ?? ctx.now()
  const undo = { deleted: 0, archived: 0, restored: 0, conflicts: [] as NonNullable<CompanyImport['undo']>['conflicts'] }
  const reason = (key: string) => errorFactory(ctx.locale)(0, null, key).message
  const row = await ctx.db.transaction(async (tx) => {
    const [claimed] = await tx.update(companyImports).set({ status: 'undone', undoneAt: ctx.now(), undoneBy: actor.userId }).where(and(eq(companyImports.id, id), eq(companyImports.status, 'done'))).returning()
    if (!claimed) throw new AppError('CONFLICT', 'errors.importNotUndoable')
    const changes = await tx.select().from(companyImportChanges).where(eq(companyImportChanges.importId, id))
    for (let start = 0; start < changes.length; start += IMPORT_BATCH_SIZE) {
      const batch = changes.slice(start, start + IMPORT_BATCH_SIZE)
      const ids = batch.map((c) => c.companyId)
      const current = new Map((await tx.select().from(companies).where(inArray(companies.id, ids))).map((r) => [r.id, r]))
      const active = new Set(
        [
          ...(await tx.selectDistinct({ id: companyActivity.companyId }).from(companyActivity).where(inArray(companyActivity.companyId, ids))),
          ...(await tx.selectDistinct({ id: companyMembers.companyId }).from(companyMembers).where(inArray(companyMembers.companyId, ids))),
          ...(await tx.selectDistinct({ id: companies.mergedIntoId }).from(companies).where(inArray(companies.mergedIntoId, ids))),
        ].map((r) => r.id),
      )
      const toDelete: string[] = []
      const toArchive: string[] = []
      for (const change of batch) {
        const company = current.get(change.companyId)
        if (!company) continue
        const changedSince = company.updatedAt.getTime() > finishedAt.getTime() || company.mergedIntoId !== null
        if (change.action === 'created') {
          if (active.has(company.id) || changedSince) {
            toArchive.push(company.id)
            undo.conflicts.push({ row: change.rowNumber, companyId: company.id, name: company.name, reason: reason('errors.importUndoArchived') })
          } else toDelete.push(company.id)
        } else if (changedSince) {
          undo.conflicts.push({ row: change.rowNumber, companyId: company.id, name: company.name, reason: reason('errors.importUndoConflict') })
        } else {
          const { updatedAt, ...values } = (change.before ?? {}) as Record<string, unknown>
          const restored = { ...company, ...values } as CompanyRow
          const place = restored.comuneIstat ? await matchComune(tx, restored.comuneIstat, italianDay(ctx.now())) : null
          await tx
            .update(companies)
            .set({ ...(values as Partial<CompanyRow>), ...derivedColumns(restored, place), updatedAt: typeof updatedAt === 'string' ? new Date(updatedAt) : ctx.now() })
            .where(eq(companies.id, company.id))
          undo.restored++
        }
      }
      if (toDelete.length > 0) await tx.delete(companies).where(inArray(companies.id, toDelete))
      if (toArchive.length > 0) {
        await tx.update(companies).set({ archivedAt: ctx.now() }).where(and(inArray(companies.id, toArchive), sql`${companies.archivedAt} is null`))
      }
      undo.deleted += toDelete.length
      undo.archived += toArchive.length
    }
    const [saved] = await tx
      .update(companyImports)
      .set({ options: { ...optionsOf(claimed), undo } as unknown as Record<string, unknown> })
      .where(eq(companyImports.id, id))
      .returning()
    await ctx.deps.audit.record(tx, ctx, {
      action: 'undo',
      entityType: 'company_import',
      entityId: id,
      unitId: imp.unitId,
      before: { status: 'done', created: imp.created, updated: imp.updated },
      after: { status: 'undone', deleted: undo.deleted, archived: undo.archived, restored: undo.restored, conflicts: undo.conflicts.length },
    })
    return saved
  })
  if (!row) throw new Error('import undo returned no row')
  return toView(ctx, row, actor)
}

// ── One call for scripts: the CLI and the benchmark ──────────────────────────────────────────────

/**
 * Upload + (mapping) + dry run or import, inline, in one call: what `ponte companies import` and
 * `npm run bench:crm` use. Row errors are in the report; an unreadable file throws AppError.
 */
export async function importCompanyFile(
  ctx: RequestContext,
  input: { fileName: string; bytes: Uint8Array; unitId?: string | undefined; dryRun?: boolean; mapping?: Record<string, string> },
): Promise<ImportReport> {
  let view = await uploadCompanyImport(ctx, { fileName: input.fileName, bytes: input.bytes, unitId: input.unitId })
  if (input.mapping) view = await updateCompanyImport(ctx, view.id, { mapping: input.mapping })
  let row: ImportRow
  if (input.dryRun) {
    await validateCompanyImport(ctx, view.id)
    ;[row] = (await ctx.db.select().from(companyImports).where(eq(companyImports.id, view.id))) as [ImportRow]
  } else {
    await ctx.db.update(companyImports).set({ status: 'importing', startedAt: ctx.now() }).where(eq(companyImports.id, view.id))
    row = await executeCompanyImport(ctx, view.id)
  }
  return {
    importId: row.id,
    status: row.status as ImportStatus,
    totalRows: row.totalRows,
    created: row.created,
    updated: row.updated,
    unchanged: row.unchanged,
    errors: row.errors as ImportRowError[],
  }
}

export type { CompanyImportField }
