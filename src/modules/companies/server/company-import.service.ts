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
 *
 * Speed (issue 3: 100,000 rows ≤ 4× PostgreSQL COPY; ADR 0020): per batch of 1,000 rows, one
 * statement reads the companies the rows may update, one inserts the new companies with their undo
 * log, one updates the changed ones with theirs, one saves the progress (company-import.write.ts);
 * comuni are matched in memory (all those in force, loaded once per pass). Nothing runs per row
 * but zod and the conversions, and batch N is written while batch N+1 is planned.
 *
 * Runs (dry run, import) hold a claim with a heartbeat, so a run whose process died is taken over
 * by any instance and resumed: see "Runs" below.
 */
import { randomUUID } from 'node:crypto'
import { gunzipSync, gzipSync } from 'node:zlib'
import { and, desc, eq, getTableColumns, inArray, isNull, lt, or, sql } from 'drizzle-orm'
import { AppError } from '../../../shared/app-error'
import type { Db } from '../../../server/db/client'
import { systemContext, type RequestContext } from '../../../server/http/context'
import type { AppDeps } from '../../../server/deps'
import { canReadUnitData, canWriteUnitData, dataPathPrefixes, findUnit, loadActor, unitIdsUnder, type Actor } from '../../identity'
import { italianDay, loadComuneMatcher, type ComuneMatcher } from '../../territory'
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
import { companies, companyImportChanges, companyImports, companyMembers, type CompanyRow } from './companies.table'
import { IMPORT_FIELD_LABELS, suggestMapping } from './company-import.mapping'
import { cellText, readSpreadsheet, UnreadableFileError, type ParsedSheet } from './company-import.parse'
import { convertRow, errorFactory, issuesToErrors, vatKey, type ConvertedRow, type MappedColumn, type RowValues } from './company-import.rows'
import { insertImportedCompanies, updateCompaniesInBatch, type CreateRecord } from './company-import.write'
import { COMPANY_DUPLICATES_QUEUE, deferDuplicateRefresh, flushPendingDuplicates, hasPendingDuplicates } from './company-duplicates.service'
import { listCustomFieldDefinitions } from './custom-fields.service'

/**
 * An import without its file: the file (up to 30 MB) is read only by the run that parses it.
 * Returning it from every claim and progress update cost seconds per call on PGlite.
 */
const { file: _file, ...IMPORT_COLUMNS } = getTableColumns(companyImports)
type ImportRow = Omit<typeof companyImports.$inferSelect, 'file'>

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
  return toView(ctx, (await storeUpload(ctx, actor, input)).row, actor)
}

async function storeUpload(ctx: RequestContext, actor: Actor, input: { fileName: string; bytes: Uint8Array; unitId?: string | undefined }) {
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
        file: packFile(sheet.format, input.bytes),
        options: options as unknown as Record<string, unknown>,
        mapping,
        status: 'uploaded',
        totalRows: sheet.rows.length,
        createdAt: ctx.now(),
      })
      .returning(IMPORT_COLUMNS)
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
  return { row, sheet }
}

/** The import if the actor reads its unit; NOT_FOUND otherwise (missing and hidden look the same). */
async function getScopedImport(db: Db, actor: Actor, id: string, options: { write?: boolean } = {}) {
  const [row] = await db.select(IMPORT_COLUMNS).from(companyImports).where(eq(companyImports.id, id))
  if (!row) throw new AppError('NOT_FOUND', 'errors.notFound')
  const unit = await findUnit(db, row.unitId)
  if (!unit || !canReadUnitData(actor, unit.path)) throw new AppError('NOT_FOUND', 'errors.notFound')
  if (options.write && !canWriteUnitData(actor, unit.path)) throw new AppError('FORBIDDEN', 'errors.forbidden')
  return row
}

export async function getCompanyImport(ctx: RequestContext, id: string): Promise<CompanyImport> {
  const actor = requireActor(ctx)
  let row = await getScopedImport(ctx.db, actor, id)
  // Whoever watches a run that stopped beating (the web app polls it) gets it going again.
  if (isStale(row, ctx.now()) && (await recoverStaleCompanyImports(ctx.deps, ctx.now(), [row.id])) > 0) row = await getScopedImport(ctx.db, actor, id)
  return toView(ctx, row, actor)
}

/** The last 50 imports of the units the actor reads, newest first. */
export async function listCompanyImports(ctx: RequestContext) {
  const actor = requireActor(ctx)
  const prefixes = dataPathPrefixes(actor)
  if (prefixes.length === 0) throw new AppError('FORBIDDEN', 'errors.forbidden')
  const list = () =>
    ctx.db
      .select(IMPORT_COLUMNS)
      .from(companyImports)
      .where(inArray(companyImports.unitId, unitIdsUnder(ctx.db, prefixes)))
      .orderBy(desc(companyImports.createdAt), desc(companyImports.id))
      .limit(50)
  let rows = await list()
  const stale = rows.filter((r) => isStale(r, ctx.now())).map((r) => r.id)
  if (stale.length > 0 && (await recoverStaleCompanyImports(ctx.deps, ctx.now(), stale)) > 0) rows = await list()
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
      .returning(IMPORT_COLUMNS)
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
  comuni: ComuneMatcher | null
  unitPaths: Map<string, string | null>
}

function mappedColumns(row: ImportRow, headers: readonly string[]): MappedColumn[] {
  return Object.entries(row.mapping ?? {})
    .map(([index, target]) => ({ index: Number(index), target, header: headers[Number(index)] ?? `#${Number(index) + 1}` }))
    .filter((c) => Number.isInteger(c.index))
}

/** The comuni in force, loaded once per pass when the first row names one. */
async function comuneMatcherOf(ctx: RequestContext, state: PassState): Promise<ComuneMatcher> {
  state.comuni ??= await loadComuneMatcher(ctx.db, italianDay(ctx.now()))
  return state.comuni
}

function placeOf(matcher: ComuneMatcher, comune: string | null, province: string | null = null): Place | null {
  if (!comune) return null
  // A two-letter Provincia (BG) picks among homonyms; a written-out one is ignored.
  const sigla = province && /^[A-Za-z]{2}$/.test(province.trim()) ? province.trim().toUpperCase() : undefined
  return matcher.match(comune, sigla)
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

/** Partite IVA are digits only: safe as an array literal, one parameter for the whole batch. */
const digitsArray = (values: readonly string[]) => `{${values.join(',')}}`

/**
 * The company a merged-away company ended in (merges can chain): the partita IVA of a merged
 * company must not be updated, and the row's error names where its data lives now.
 */
async function mergeSurvivors(db: Db, merged: readonly CompanyRow[]): Promise<Map<string, { name: string; vatNumber: string; unitId: string }>> {
  const survivors = new Map<string, { name: string; vatNumber: string; unitId: string }>()
  let pending = new Map(merged.filter((m) => m.mergedIntoId).map((m) => [m.id, m.mergedIntoId as string]))
  for (let depth = 0; pending.size > 0 && depth < 10; depth++) {
    const rows = await db
      .select({ id: companies.id, name: companies.name, vatNumber: companies.vatNumber, unitId: companies.unitId, mergedIntoId: companies.mergedIntoId })
      .from(companies)
      .where(inArray(companies.id, [...new Set(pending.values())]))
    const byId = new Map(rows.map((r) => [r.id, r]))
    const next = new Map<string, string>()
    for (const [origin, target] of pending) {
      const row = byId.get(target)
      if (!row) continue
      if (row.mergedIntoId) next.set(origin, row.mergedIntoId)
      else survivors.set(origin, { name: row.name, vatNumber: row.vatNumber, unitId: row.unitId })
    }
    pending = next
  }
  return survivors
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
  // One statement per batch for the companies it may update, one for the comuni it names.
  const vats = [...new Set(converted.map((c) => vatKey(c.values)).filter((v): v is string => v !== null))]
  const existing = new Map<string, CompanyRow>()
  if (vats.length > 0) {
    const rows = await ctx.db.select().from(companies).where(sql`${companies.vatNumber} = any(${digitsArray(vats)}::text[])`)
    for (const row of rows) existing.set(row.vatNumber, row)
  }
  const survivors = await mergeSurvivors(ctx.db, [...existing.values()])
  const matcher = await comuneMatcherOf(ctx, state)
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
      place = placeOf(matcher, c.comune, c.province)
      if (!place) errors.push(error(c.row, columnOf('comune'), 'errors.importComuneUnknown', { value: c.comune }))
    }
    const current = vat ? existing.get(vat) : undefined
    if (current) {
      const path = await unitPathOf(ctx.db, state, current.unitId)
      if (!path || !canWriteUnitData(actor, path)) errors.push(error(c.row, columnOf('vatNumber'), 'errors.importVatNotWritable', { vatNumber: vat }))
      else if (current.mergedIntoId) {
        // Merged away: its data lives in the survivor, which has its own partita IVA. Updating the
        // archived record would change nothing anyone sees, and updating the survivor from a row
        // keyed by another partita IVA would be a guess: the row is an error naming the survivor
        // (when the user may see it).
        const survivor = survivors.get(current.id)
        const survivorPath = survivor ? await unitPathOf(ctx.db, state, survivor.unitId) : null
        errors.push(
          survivor && survivorPath && canReadUnitData(actor, survivorPath)
            ? error(c.row, columnOf('vatNumber'), 'errors.importVatMerged', { vatNumber: vat, name: survivor.name, survivorVat: survivor.vatNumber })
            : error(c.row, columnOf('vatNumber'), 'errors.importVatNotWritable', { vatNumber: vat }),
        )
      }
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
      const update = planUpdate(matcher, current, parsed.data, place)
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
function planUpdate(matcher: ComuneMatcher, current: CompanyRow, input: ReturnType<typeof CompanyUpdateInput.parse>, place: Place | null) {
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
  const mergedPlace = set.comuneIstat ? place : placeOf(matcher, current.comuneIstat)
  beforeValues.updatedAt = current.updatedAt.toISOString()
  return { before: current, set: { ...(set as Partial<CompanyRow>), ...derivedColumns(merged, mergedPlace) }, beforeValues }
}

/** The row of a new company, as createCompany builds it. */
function createRecord(imp: ImportRow, create: Plan['create'][number]): CreateRecord {
  const { values: v, place } = create
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
  return { rowNumber: create.row, ...fields, ...derivedColumns(fields, place), unitId: imp.unitId }
}

interface PassResult {
  created: number
  updated: number
  unchanged: number
  errors: ImportRowError[]
}

/**
 * Writes one batch in one transaction: the new companies and the changed ones (one statement each,
 * undo log included) and the progress, which also proves the run still holds its claim: a run
 * taken over by another instance rolls its batch back instead of writing twice.
 */
async function applyBatch(ctx: RequestContext, imp: ImportRow, claimId: string, plan: Plan, progress: PassResult, processedRows: number) {
  const now = ctx.now()
  return ctx.db.transaction(async (tx) => {
    // The duplicates queue is refreshed once, for every company of the import, at its end.
    await deferDuplicateRefresh(tx)
    const lostRows = await insertImportedCompanies(tx, imp.id, plan.create.map((c) => createRecord(imp, c)), now)
    await updateCompaniesInBatch(
      tx,
      plan.update.map((u) => ({ id: u.before.id, set: u.set, updatedAt: now })),
      { importId: imp.id, rows: plan.update.map((u) => ({ rowNumber: u.row, before: u.beforeValues })) },
    )
    const error = errorFactory(ctx.locale)
    const lost = lostRows.map((r) => error(r.rowNumber, null, 'errors.vatNumberTaken', { vatNumber: r.vatNumber }))
    const created = plan.create.length - lost.length
    await saveProgress(tx, imp.id, claimId, now, {
      processedRows,
      created: progress.created + created,
      updated: progress.updated + plan.update.length,
      unchanged: progress.unchanged + plan.unchanged,
      errorCount: progress.errors.length + plan.errors.length + lost.length,
    })
    return { created, lost }
  })
}

/** Progress and heartbeat of a run; throws ClaimLostError when another run owns the import now. */
async function saveProgress(db: Db, id: string, claimId: string, now: Date, progress: Pick<ImportRow, 'processedRows' | 'created' | 'updated' | 'unchanged' | 'errorCount'>) {
  const [saved] = await db
    .update(companyImports)
    .set({ ...progress, heartbeatAt: now })
    .where(and(eq(companyImports.id, id), eq(companyImports.claimId, claimId)))
    .returning({ id: companyImports.id })
  if (!saved) throw new ClaimLostError()
}

/**
 * One pass over the stored file, batch by batch: validation always, writes when `write`. Progress
 * (processed rows and counts) is saved with each batch, so any instance can report it, and a run
 * taken over after a crash resumes after the last committed batch: the batches before it are only
 * checked again, for their errors (the report lists them; their counts are already saved).
 */
/**
 * A CSV is stored gzipped (fast level): a 100,000-row file is 19 MB of text, ~4 MB gzipped, and
 * handing 19 MB of bytea to the database (hex on the wire, then TOAST compression) took seconds on
 * PostgreSQL and ~10 s on PGlite. An XLSX is a ZIP already and is stored as it is. Reading tells
 * them apart by their first bytes (gzip 1f 8b; a CSV never starts so), so files stored before
 * this read as they are.
 */
function packFile(format: 'csv' | 'xlsx', bytes: Uint8Array): Buffer {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  return format === 'csv' ? gzipSync(buffer, { level: 1 }) : buffer
}

async function storedFile(db: Db, id: string): Promise<Uint8Array> {
  const [row] = await db.select({ file: companyImports.file }).from(companyImports).where(eq(companyImports.id, id))
  if (!row?.file) throw new AppError('CONFLICT', 'errors.importNotEditable')
  return row.file[0] === 0x1f && row.file[1] === 0x8b ? gunzipSync(row.file) : row.file
}

async function runPass(ctx: RequestContext, actor: Actor, imp: ImportRow, claimId: string, write: boolean, parsed?: ParsedSheet): Promise<PassResult> {
  const sheet = parsed ?? (await parseStored(imp.fileName, await storedFile(ctx.db, imp.id)))
  const columns = mappedColumns(imp, optionsOf(imp).headers)
  const targetPath = await findUnit(ctx.db, imp.unitId)
  if (!targetPath || !canWriteUnitData(actor, targetPath.path)) throw new AppError('FORBIDDEN', 'errors.forbidden')
  const definitions = new Map<string, CustomFieldDefinition>((await listCustomFieldDefinitions(ctx.db)).map((d) => [d.key, d]))
  const error = errorFactory(ctx.locale)
  const state: PassState = { seenVat: new Map(), comuni: null, unitPaths: new Map() }
  const resumeAt = write ? imp.processedRows : 0
  const result: PassResult = write ? { created: imp.created, updated: imp.updated, unchanged: imp.unchanged, errors: [] } : { created: 0, updated: 0, unchanged: 0, errors: [] }
  const missing = REQUIRED_IMPORT_FIELDS.filter((f) => !columns.some((c) => c.target === f))
  if (missing.includes('vatNumber')) {
    // Without a partita IVA column nothing can be matched or created: one error for the file.
    result.errors.push(error(1, null, 'errors.importRequired', { field: IMPORT_FIELD_LABELS.vatNumber[ctx.locale] }))
    return result
  }
  // Batch N is written while batch N+1 is planned: on PostgreSQL the database's work (indexes,
  // full-text vectors) and Node's (conversions, zod) overlap. Plans stay in file order (the
  // duplicate check needs every earlier row, and a partita IVA seen in batch N is an error in
  // N+1, so N+1 never depends on N's writes), and so do writes and their counts. On PGlite, which
  // runs in this thread and holds other queries until a transaction ends, it is simply sequential.
  let writing: Promise<void> = Promise.resolve()
  for (let start = 0; start < sheet.rows.length; start += IMPORT_BATCH_SIZE) {
    const batch = sheet.rows.slice(start, start + IMPORT_BATCH_SIZE)
    const converted = batch.map((r) => convertRow(r, columns, definitions, error))
    let plan: Plan
    try {
      plan = await planBatch(ctx, actor, state, imp, converted, columns)
    } catch (failure) {
      // Let the batch being written finish first: the run's failure is recorded after it.
      await writing.catch(() => undefined)
      throw failure
    }
    await writing
    const processedRows = start + batch.length
    if (processedRows <= resumeAt) {
      // Written by the run this one took over: only its errors are wanted again.
      result.errors.push(...plan.errors)
      continue
    }
    if (!write) {
      result.created += plan.create.length
      result.updated += plan.update.length
      result.unchanged += plan.unchanged
      result.errors.push(...plan.errors)
      await saveProgress(ctx.db, imp.id, claimId, ctx.now(), { processedRows, created: result.created, updated: result.updated, unchanged: result.unchanged, errorCount: result.errors.length })
      continue
    }
    writing = applyBatch(ctx, imp, claimId, plan, result, processedRows).then((applied) => {
      result.created += applied.created
      result.updated += plan.update.length
      result.unchanged += plan.unchanged
      result.errors.push(...plan.errors, ...applied.lost)
    })
    // Awaited at the next batch (or below): meanwhile a failure must not count as unhandled.
    writing.catch(() => undefined)
  }
  await writing
  result.errors.sort((a, b) => a.row - b.row)
  return result
}

/** The end of a run: counts, errors, status; releases the claim (throws ClaimLostError if it was taken over). */
async function saveResult(db: Db, now: Date, imp: ImportRow, claimId: string, status: ImportStatus, result: PassResult, dryRun: boolean) {
  const [row] = await db
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
      finishedAt: dryRun ? null : now,
      claimId: null,
      heartbeatAt: now,
    })
    .where(and(eq(companyImports.id, imp.id), eq(companyImports.claimId, claimId)))
    .returning(IMPORT_COLUMNS)
  if (!row) throw new ClaimLostError()
  return row
}

// ── Runs: claims, heartbeats and recovery ────────────────────────────────────────────────────────
//
// A dry run or an import is a run: claiming it (uploaded/validated → validating/importing) takes a
// fresh claim id; every batch commits its progress only while the import still carries that id, and
// refreshes `heartbeat_at`. A run that stops beating (its process crashed or was restarted: jobs are
// not retried, and an in-process job dies with its process) is taken over by whichever instance
// notices first — when someone looks at the import, and every few minutes from the job scheduler —
// with a new claim id, atomically, so exactly one instance wins; it goes on as the user who started
// the run. A dry run starts again (it wrote nothing); an import resumes after its last committed
// batch. Should the old run be merely slow rather than dead, its next batch finds the claim gone and
// rolls back: a batch is written once whatever happens.

/** A run silent for this long is presumed dead (a batch takes seconds, even on a busy PGlite). */
export const STALE_RUN_MS = 5 * 60_000

const RUNNING: readonly string[] = ['validating', 'importing']

/** The run no longer owns the import: another instance took it over. */
class ClaimLostError extends Error {
  constructor() {
    super('company import: claim taken over by another run')
  }
}

const ZERO_COUNTS = { processedRows: 0, created: 0, updated: 0, unchanged: 0, errorCount: 0, errors: [] as unknown[] }

function isStale(row: ImportRow, now: Date): boolean {
  return RUNNING.includes(row.status) && (!row.heartbeatAt || now.getTime() - row.heartbeatAt.getTime() > STALE_RUN_MS)
}

/** uploaded/validated → validating or importing, atomically (a second click does nothing). */
async function claimRun(ctx: RequestContext, actor: Actor, id: string, kind: 'validation' | 'import'): Promise<ImportRow & { claimId: string }> {
  const now = ctx.now()
  const status = kind === 'import' ? { status: 'importing', startedAt: now, finishedAt: null, failure: null } : { status: 'validating' }
  const [claimed] = await ctx.db
    .update(companyImports)
    .set({ ...ZERO_COUNTS, ...status, claimId: randomUUID(), heartbeatAt: now, runBy: actor.userId, runLocale: ctx.locale })
    .where(and(eq(companyImports.id, id), inArray(companyImports.status, [...EDITABLE])))
    .returning(IMPORT_COLUMNS)
  if (!claimed?.claimId) throw new AppError('CONFLICT', 'errors.importNotEditable')
  return claimed as ImportRow & { claimId: string }
}

/** The dry run of a claimed import: every row checked, counts of what would happen, nothing written. */
async function runValidation(ctx: RequestContext, actor: Actor, imp: ImportRow, claimId: string, sheet?: ParsedSheet): Promise<ImportRow> {
  try {
    return await saveResult(ctx.db, ctx.now(), imp, claimId, 'validated', await runPass(ctx, actor, imp, claimId, false, sheet), true)
  } catch (error) {
    // Nothing was written: the import goes back to its mapping step (unless another run owns it).
    if (!(error instanceof ClaimLostError)) {
      await ctx.db
        .update(companyImports)
        .set({ status: 'uploaded', claimId: null })
        .where(and(eq(companyImports.id, imp.id), eq(companyImports.claimId, claimId)))
    }
    throw error
  }
}

/** The import of a claimed import: marks it done (or failed) and audits it. */
async function runImport(ctx: RequestContext, actor: Actor, imp: ImportRow, claimId: string, sheet?: ParsedSheet): Promise<ImportRow> {
  try {
    const result = await runPass(ctx, actor, imp, claimId, true, sheet)
    const done = await ctx.db.transaction(async (tx) => {
      const row = await saveResult(tx, ctx.now(), imp, claimId, 'done', result, false)
      await ctx.deps.audit.record(tx, ctx, {
        action: 'import',
        entityType: 'company_import',
        entityId: imp.id,
        unitId: imp.unitId,
        after: { fileName: imp.fileName, totalRows: imp.totalRows, created: result.created, updated: result.updated, unchanged: result.unchanged, errors: result.errors.length },
      })
      return row
    })
    // The batches deferred the duplicates queue: one set-based refresh of the import's companies
    // (ADR 0029), as a job once the import is done (the companies are listed and searchable at once;
    // their pairs follow). Should the job be lost, the recovery schedule flushes what is pending.
    await ctx.deps.jobs
      .send(COMPANY_DUPLICATES_QUEUE, { importId: imp.id })
      .catch((sendError: unknown) => ctx.deps.logger.error({ err: sendError, importId: imp.id }, 'duplicates flush not queued'))
    return done
  } catch (error) {
    if (!(error instanceof ClaimLostError)) {
      const failure = error instanceof AppError ? error.messageKey : 'errors.internal'
      await ctx.db
        .update(companyImports)
        .set({ status: 'failed', failure, finishedAt: ctx.now(), claimId: null })
        .where(and(eq(companyImports.id, imp.id), eq(companyImports.claimId, claimId)))
      // The batches written before the failure stay: their companies join the duplicates queue now
      // (should this fail too, the recovery schedule does it).
      await flushPendingDuplicates(ctx.db).catch((flushError: unknown) => ctx.deps.logger.error({ err: flushError, importId: imp.id }, 'duplicates flush after a failed import'))
    }
    throw error
  }
}

/** The dry run, inline (CLI, tests, scripts). */
export async function validateCompanyImport(ctx: RequestContext, id: string): Promise<CompanyImport> {
  const actor = requireActor(ctx)
  await getScopedImport(ctx.db, actor, id, { write: true })
  const claimed = await claimRun(ctx, actor, id, 'validation')
  return toView(ctx, await runValidation(ctx, actor, claimed, claimed.claimId), actor)
}

export const COMPANY_IMPORT_QUEUE = 'company-import'

/** Data of the background job: which import and run, and who started it (their scope and language apply). */
export interface CompanyImportJob {
  importId: string
  /** The claim the job runs under; a job whose claim was taken over does nothing. */
  claimId?: string
  userId: string
  locale: 'it' | 'en'
  /** A dry run rather than the import. */
  dryRun?: boolean
}

async function sendRun(ctx: RequestContext, row: ImportRow & { claimId: string }, actor: Actor, dryRun: boolean) {
  const job: CompanyImportJob = { importId: row.id, claimId: row.claimId, userId: actor.userId, locale: ctx.locale, dryRun }
  await ctx.deps.jobs.send(COMPANY_IMPORT_QUEUE, job as unknown as Record<string, unknown>)
}

/** The dry run in the background (a 100,000-row file takes a while): the web app polls the import. */
export async function startCompanyValidation(ctx: RequestContext, id: string): Promise<CompanyImport> {
  const actor = requireActor(ctx)
  await getScopedImport(ctx.db, actor, id, { write: true })
  const claimed = await claimRun(ctx, actor, id, 'validation')
  await sendRun(ctx, claimed, actor, true)
  return toView(ctx, claimed, actor)
}

/** Claims the import (uploaded/validated → importing) and queues the work; returns at once. */
export async function startCompanyImport(ctx: RequestContext, id: string): Promise<CompanyImport> {
  const actor = requireActor(ctx)
  await getScopedImport(ctx.db, actor, id, { write: true })
  const claimed = await claimRun(ctx, actor, id, 'import')
  await sendRun(ctx, claimed, actor, false)
  return toView(ctx, claimed, actor)
}

/** The pg-boss job (or in-process job) of a run: acts as the user who started it. */
export async function runCompanyImportJob(deps: AppDeps, data: Record<string, unknown>): Promise<void> {
  const job = data as unknown as CompanyImportJob
  const db = deps.database.db
  const [imp] = await db.select(IMPORT_COLUMNS).from(companyImports).where(eq(companyImports.id, job.importId))
  // Finished, or taken over by a newer run: nothing to do. (A job queued before claims existed has none.)
  if (!imp || imp.status !== (job.dryRun ? 'validating' : 'importing') || (job.claimId ?? null) !== imp.claimId) return
  let claimId = imp.claimId
  if (!claimId) {
    claimId = randomUUID()
    const [claimed] = await db.update(companyImports).set({ claimId, heartbeatAt: deps.clock() }).where(and(eq(companyImports.id, imp.id), isNull(companyImports.claimId))).returning({ id: companyImports.id })
    if (!claimed) return
  }
  const actor = await loadActor(db, job.userId, 'session', ['read', 'write'])
  const ctx: RequestContext = { ...systemContext(deps, actor), locale: job.locale === 'en' ? 'en' : 'it' }
  if (!actor) {
    await db
      .update(companyImports)
      .set(job.dryRun ? { status: 'uploaded', claimId: null } : { status: 'failed', failure: 'errors.forbidden', finishedAt: ctx.now(), claimId: null })
      .where(and(eq(companyImports.id, imp.id), eq(companyImports.claimId, claimId)))
    return
  }
  try {
    if (job.dryRun) await runValidation(ctx, actor, imp, claimId)
    else await runImport(ctx, actor, imp, claimId)
  } catch (error) {
    if (error instanceof ClaimLostError) {
      deps.logger.info({ importId: imp.id }, 'company import taken over by another run')
      return
    }
    throw error
  }
}

/**
 * Takes over the runs that stopped beating (all of them, or those of `ids`) and queues them again:
 * a dry run from the start, an import from its last committed batch. Safe on any number of
 * instances at once: each takeover is one conditional update on the claim it saw.
 */
export async function recoverStaleCompanyImports(deps: Pick<AppDeps, 'database' | 'jobs' | 'logger'>, now: Date, ids?: readonly string[]): Promise<number> {
  const db = deps.database.db
  const cutoff = new Date(now.getTime() - STALE_RUN_MS)
  const stale = await db
    .select({ id: companyImports.id, status: companyImports.status, claimId: companyImports.claimId, runBy: companyImports.runBy, runLocale: companyImports.runLocale, createdBy: companyImports.createdBy })
    .from(companyImports)
    .where(
      and(
        inArray(companyImports.status, [...RUNNING]),
        or(isNull(companyImports.heartbeatAt), lt(companyImports.heartbeatAt, cutoff)),
        ids ? inArray(companyImports.id, [...ids]) : undefined,
      ),
    )
  let recovered = 0
  for (const run of stale) {
    const claimId = randomUUID()
    const dryRun = run.status === 'validating'
    const [claimed] = await db
      .update(companyImports)
      .set({ ...(dryRun ? ZERO_COUNTS : {}), claimId, heartbeatAt: now })
      .where(
        and(
          eq(companyImports.id, run.id),
          eq(companyImports.status, run.status),
          run.claimId ? eq(companyImports.claimId, run.claimId) : isNull(companyImports.claimId),
          or(isNull(companyImports.heartbeatAt), lt(companyImports.heartbeatAt, cutoff)),
        ),
      )
      .returning({ id: companyImports.id })
    if (!claimed) continue
    const job: CompanyImportJob = { importId: run.id, claimId, userId: run.runBy ?? run.createdBy, locale: run.runLocale === 'en' ? 'en' : 'it', dryRun }
    await deps.jobs.send(COMPANY_IMPORT_QUEUE, job as unknown as Record<string, unknown>)
    deps.logger.warn({ importId: run.id, status: run.status }, 'company import run had stopped: taken over')
    recovered++
  }
  // Companies an import left pending for the duplicates queue when its run died between a batch
  // and its end (and no run is left to finish the job: a resumed run flushes at its own end).
  if (!ids && recovered === 0 && (await hasPendingDuplicates(db))) {
    const [running] = await db.select({ id: companyImports.id }).from(companyImports).where(eq(companyImports.status, 'importing')).limit(1)
    if (!running) await flushPendingDuplicates(db)
  }
  return recovered
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
 * since — activity, an edit, a company member, a merge, or records of the modules above companies
 * (contacts linked to it, interactions…, asked through the merge movers' `referencing`) — those
 * are archived instead, keeping what points at them, and listed; companies it updated get their
 * previous values back, unless they were changed since (a conflict, listed, left as they are).
 */
export async function undoCompanyImport(ctx: RequestContext, id: string): Promise<CompanyImport> {
  const actor = requireActor(ctx)
  const imp = await getScopedImport(ctx.db, actor, id, { write: true })
  if (imp.status !== 'done') throw new AppError('CONFLICT', 'errors.importNotUndoable')
  const finishedAt = imp.finishedAt ?? ctx.now()
  const undo = { deleted: 0, archived: 0, restored: 0, conflicts: [] as NonNullable<CompanyImport['undo']>['conflicts'] }
  const reason = (key: string) => errorFactory(ctx.locale)(0, null, key).message
  const row = await ctx.db.transaction(async (tx) => {
    const [claimed] = await tx.update(companyImports).set({ status: 'undone', undoneAt: ctx.now(), undoneBy: actor.userId }).where(and(eq(companyImports.id, id), eq(companyImports.status, 'done'))).returning(IMPORT_COLUMNS)
    if (!claimed) throw new AppError('CONFLICT', 'errors.importNotUndoable')
    // Deletes, archives and restores in batches: the duplicates queue is refreshed once, below.
    await deferDuplicateRefresh(tx, { takeTurn: true })
    const changes = await tx.select().from(companyImportChanges).where(eq(companyImportChanges.importId, id))
    let matcher: ComuneMatcher | null = null
    for (let start = 0; start < changes.length; start += IMPORT_BATCH_SIZE) {
      const batch = changes.slice(start, start + IMPORT_BATCH_SIZE)
      const ids = batch.map((c) => c.companyId)
      const current = new Map((await tx.select().from(companies).where(inArray(companies.id, ids))).map((r) => [r.id, r]))
      const createdIds = batch.filter((c) => c.action === 'created').map((c) => c.companyId)
      const used = new Set<string>()
      if (createdIds.length > 0) {
        for (const r of await tx.selectDistinct({ id: companyMembers.companyId }).from(companyMembers).where(inArray(companyMembers.companyId, createdIds))) used.add(r.id)
        for (const r of await tx.selectDistinct({ id: companies.mergedIntoId }).from(companies).where(inArray(companies.mergedIntoId, createdIds))) if (r.id) used.add(r.id)
        for (const mover of ctx.deps.companyReferences) {
          if (mover.referencing) for (const companyId of await mover.referencing(tx, createdIds)) used.add(companyId)
          else if (mover.count) for (const companyId of createdIds) if ((await mover.count(tx, companyId)) > 0) used.add(companyId)
        }
      }
      const toDelete: string[] = []
      const toArchive: string[] = []
      const toRestore: { company: CompanyRow; values: Record<string, unknown>; updatedAt: Date }[] = []
      for (const change of batch) {
        const company = current.get(change.companyId)
        if (!company) continue
        const changedSince = company.updatedAt.getTime() > finishedAt.getTime() || company.mergedIntoId !== null
        if (change.action === 'created') {
          if (used.has(company.id) || changedSince) {
            toArchive.push(company.id)
            undo.conflicts.push({ row: change.rowNumber, companyId: company.id, name: company.name, reason: reason('errors.importUndoArchived') })
          } else toDelete.push(company.id)
        } else if (changedSince) {
          undo.conflicts.push({ row: change.rowNumber, companyId: company.id, name: company.name, reason: reason('errors.importUndoConflict') })
        } else {
          const { updatedAt, ...values } = (change.before ?? {}) as Record<string, unknown>
          toRestore.push({ company, values, updatedAt: typeof updatedAt === 'string' ? new Date(updatedAt) : ctx.now() })
        }
      }
      if (toRestore.length > 0) {
        const places = (matcher ??= await loadComuneMatcher(tx, italianDay(ctx.now())))
        const restoredRows = toRestore.map((r) => ({ ...r, restored: { ...r.company, ...r.values } as CompanyRow }))
        await updateCompaniesInBatch(
          tx,
          restoredRows.map((r) => ({
            id: r.company.id,
            set: { ...(r.values as Partial<CompanyRow>), ...derivedColumns(r.restored, placeOf(places, r.restored.comuneIstat)) },
            updatedAt: r.updatedAt,
          })),
        )
        undo.restored += toRestore.length
      }
      if (toDelete.length > 0) await tx.delete(companies).where(inArray(companies.id, toDelete))
      if (toArchive.length > 0) {
        await tx.update(companies).set({ archivedAt: ctx.now() }).where(and(inArray(companies.id, toArchive), sql`${companies.archivedAt} is null`))
      }
      undo.deleted += toDelete.length
      undo.archived += toArchive.length
    }
    await flushPendingDuplicates(tx)
    const [saved] = await tx
      .update(companyImports)
      .set({ options: { ...optionsOf(claimed), undo } as unknown as Record<string, unknown> })
      .where(eq(companyImports.id, id))
      .returning(IMPORT_COLUMNS)
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
 * `npm run bench:crm` use. The file read at upload is used for the run too (the web wizard, whose
 * steps are separate requests maybe on other instances, reads the stored file again). Row errors
 * are in the report; an unreadable file throws AppError.
 */
export async function importCompanyFile(
  ctx: RequestContext,
  input: { fileName: string; bytes: Uint8Array; unitId?: string | undefined; dryRun?: boolean; mapping?: Record<string, string> },
): Promise<ImportReport> {
  const actor = requireActor(ctx)
  const uploaded = await storeUpload(ctx, actor, { fileName: input.fileName, bytes: input.bytes, unitId: input.unitId })
  if (input.mapping) await updateCompanyImport(ctx, uploaded.row.id, { mapping: input.mapping })
  const claimed = await claimRun(ctx, actor, uploaded.row.id, input.dryRun ? 'validation' : 'import')
  const row = input.dryRun
    ? await runValidation(ctx, actor, claimed, claimed.claimId, uploaded.sheet)
    : await runImport(ctx, actor, claimed, claimed.claimId, uploaded.sheet)
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
