/**
 * Custom fields of companies: a network admin defines them (key, labels, type, options); values live
 * in companies.custom_fields, keyed by definition key. Everyone who works with companies reads the
 * definitions (forms, lists, filters, imports and exports need them).
 */
import { and, asc, eq, isNull, or, sql, type SQL } from 'drizzle-orm'
import { AppError, type FieldError } from '../../../shared/app-error'
import type { Db } from '../../../server/db/client'
import type { RequestContext } from '../../../server/http/context'
import { dataPathPrefixes, isNetworkAdmin, type Actor } from '../../identity'
import type {
  CustomFieldCreateInput,
  CustomFieldDefinition,
  CustomFieldFilter,
  CustomFieldType,
  CustomFieldUpdateInput,
} from '../companies.contract'
import { companies, customFieldDefinitions } from './companies.table'
import { isCompanyMemberSomewhere } from './company-member-scope'

type DefinitionRow = typeof customFieldDefinitions.$inferSelect

function requireActor(ctx: RequestContext): Actor {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED', 'errors.unauthenticated')
  return ctx.actor
}

function requireAdmin(ctx: RequestContext): Actor {
  const actor = requireActor(ctx)
  if (!isNetworkAdmin(actor)) throw new AppError('FORBIDDEN', 'errors.forbidden')
  return actor
}

export function toDefinition(row: DefinitionRow): CustomFieldDefinition {
  return {
    id: row.id,
    key: row.key,
    labelIt: row.labelIt,
    labelEn: row.labelEn,
    type: row.type as CustomFieldType,
    options: row.options,
    position: row.position,
    archivedAt: row.archivedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }
}

/**
 * The definitions, in display order (position, then key). For other features of the module
 * (import maps columns to them, export writes them as columns): no scoping, definitions are
 * network-wide and hold no company data.
 */
export async function listCustomFieldDefinitions(db: Db, options: { includeArchived?: boolean } = {}): Promise<CustomFieldDefinition[]> {
  const rows = await db
    .select()
    .from(customFieldDefinitions)
    .where(options.includeArchived ? undefined : isNull(customFieldDefinitions.archivedAt))
    .orderBy(asc(customFieldDefinitions.position), asc(customFieldDefinitions.key))
  return rows.map(toDefinition)
}

export async function listCustomFields(ctx: RequestContext, includeArchived: boolean) {
  const actor = requireActor(ctx)
  // Whoever reads companies reads the definitions: staff, network admins, and company members
  // (their company's page shows its custom field values).
  if (dataPathPrefixes(actor).length === 0 && !isNetworkAdmin(actor) && !isCompanyMemberSomewhere(actor)) {
    throw new AppError('FORBIDDEN', 'errors.forbidden')
  }
  return { items: await listCustomFieldDefinitions(ctx.db, { includeArchived }) }
}

/** Options only make sense for select types; they are required there. */
function checkOptions(type: CustomFieldType, options: DefinitionRow['options'] | undefined): FieldError[] {
  const isSelect = type === 'select' || type === 'multi_select'
  if (isSelect && (!options || options.length === 0)) return [{ path: 'options', message: 'errors.customFieldOptionsRequired' }]
  if (!isSelect && options && options.length > 0) return [{ path: 'options', message: 'errors.customFieldOptionsNotAllowed' }]
  return []
}

export async function createCustomField(ctx: RequestContext, input: CustomFieldCreateInput): Promise<CustomFieldDefinition> {
  requireAdmin(ctx)
  const fields = checkOptions(input.type, input.options)
  if (fields.length > 0) throw new AppError('VALIDATION', 'errors.validation', {}, fields)
  return ctx.db.transaction(async (tx) => {
    const [clash] = await tx.select({ id: customFieldDefinitions.id }).from(customFieldDefinitions).where(eq(customFieldDefinitions.key, input.key))
    if (clash) throw new AppError('CONFLICT', 'errors.customFieldKeyTaken', { key: input.key }, [{ path: 'key', message: 'errors.customFieldKeyTaken' }])
    const position =
      input.position ??
      Number((await tx.select({ n: sql<number>`coalesce(max(${customFieldDefinitions.position}), -1) + 1` }).from(customFieldDefinitions))[0]?.n ?? 0)
    const [row] = await tx
      .insert(customFieldDefinitions)
      .values({ key: input.key, labelIt: input.labelIt, labelEn: input.labelEn, type: input.type, options: input.options ?? [], position })
      .returning()
    if (!row) throw new Error('custom field insert returned no row')
    await ctx.deps.audit.record(tx, ctx, { action: 'create', entityType: 'custom_field', entityId: row.id, after: row })
    return toDefinition(row)
  })
}

async function getRow(db: Db, id: string) {
  const [row] = await db.select().from(customFieldDefinitions).where(eq(customFieldDefinitions.id, id))
  if (!row) throw new AppError('NOT_FOUND', 'errors.notFound')
  return row
}

export async function updateCustomField(ctx: RequestContext, id: string, input: CustomFieldUpdateInput): Promise<CustomFieldDefinition> {
  requireAdmin(ctx)
  return ctx.db.transaction(async (tx) => {
    const before = await getRow(tx, id)
    const type = before.type as CustomFieldType
    if (input.options !== undefined) {
      const fields = checkOptions(type, input.options)
      if (fields.length > 0) throw new AppError('VALIDATION', 'errors.validation', {}, fields)
      // An option still in use cannot go: companies would hold a value no one can read or choose.
      const kept = new Set(input.options.map((o) => o.value))
      const removed = before.options.map((o) => o.value).filter((v) => !kept.has(v))
      for (const value of removed) {
        const [used] = await tx
          .select({ n: sql<number>`count(*)::int` })
          .from(companies)
          .where(valueCondition(before.key, type, value))
        if (used && used.n > 0) {
          throw new AppError('CONFLICT', 'errors.customFieldOptionInUse', { value, count: used.n }, [{ path: 'options', message: 'errors.customFieldOptionInUse' }])
        }
      }
    }
    const [after] = await tx
      .update(customFieldDefinitions)
      .set({ ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)), updatedAt: ctx.now() })
      .where(eq(customFieldDefinitions.id, id))
      .returning()
    if (!after) throw new Error('custom field update returned no row')
    await ctx.deps.audit.record(tx, ctx, { action: 'update', entityType: 'custom_field', entityId: id, before, after })
    return toDefinition(after)
  })
}

/** Archived fields disappear from forms, lists and filters; their values stay on the companies. */
export async function setCustomFieldArchived(ctx: RequestContext, id: string, archived: boolean): Promise<CustomFieldDefinition> {
  requireAdmin(ctx)
  return ctx.db.transaction(async (tx) => {
    const before = await getRow(tx, id)
    if (Boolean(before.archivedAt) === archived) {
      throw new AppError('CONFLICT', archived ? 'errors.customFieldArchived' : 'errors.customFieldNotArchived')
    }
    const [after] = await tx
      .update(customFieldDefinitions)
      .set({ archivedAt: archived ? ctx.now() : null, updatedAt: ctx.now() })
      .where(eq(customFieldDefinitions.id, id))
      .returning()
    if (!after) throw new Error('custom field update returned no row')
    await ctx.deps.audit.record(tx, ctx, { action: archived ? 'archive' : 'restore', entityType: 'custom_field', entityId: id, before, after })
    return toDefinition(after)
  })
}

// ── Values ──────────────────────────────────────────────────────────────────────────────────────

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false
  const date = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value
}

/**
 * One value checked against its definition: the stored form, or a field error. Empty text, an empty
 * list and null all mean "no value" (undefined).
 */
export function checkCustomFieldValue(
  definition: Pick<CustomFieldDefinition, 'key' | 'type' | 'options'>,
  value: unknown,
): { value: unknown } | { error: string } {
  if (value === null || value === undefined) return { value: undefined }
  const allowed = new Set(definition.options.map((o) => o.value))
  switch (definition.type) {
    case 'text':
      if (typeof value !== 'string') return { error: 'errors.customFieldText' }
      return { value: value.trim() === '' ? undefined : value.trim() }
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return { error: 'errors.customFieldNumber' }
      return { value }
    case 'date':
      if (typeof value !== 'string' || !isIsoDate(value)) return { error: 'errors.customFieldDate' }
      return { value }
    case 'select':
      if (typeof value !== 'string') return { error: 'errors.customFieldOption' }
      if (value === '') return { value: undefined }
      return allowed.has(value) ? { value } : { error: 'errors.customFieldOption' }
    case 'multi_select': {
      if (!Array.isArray(value) || !value.every((v): v is string => typeof v === 'string')) return { error: 'errors.customFieldOptions' }
      if (!value.every((v) => allowed.has(v))) return { error: 'errors.customFieldOptions' }
      const unique = [...new Set(value)]
      return { value: unique.length === 0 ? undefined : unique }
    }
  }
}

/**
 * The custom field values a company will hold after a create (`current` empty) or an update
 * (`current` = stored values; only the given keys change). Unknown or archived keys, wrong types
 * and options that do not exist fail as VALIDATION with one field error per problem
 * (`customFields.<key>`). Values of archived fields already stored are kept as they are.
 */
export async function resolveCustomFieldValues(
  db: Db,
  given: Record<string, unknown> | undefined,
  current: Record<string, unknown> = {},
): Promise<Record<string, unknown>> {
  if (!given || Object.keys(given).length === 0) return current
  const definitions = new Map((await listCustomFieldDefinitions(db, { includeArchived: true })).map((d) => [d.key, d]))
  const next: Record<string, unknown> = { ...current }
  const errors: FieldError[] = []
  for (const [key, raw] of Object.entries(given)) {
    const definition = definitions.get(key)
    // A form sends back what it was given: an archived field's stored value, unchanged, is no write.
    if (definition?.archivedAt && JSON.stringify(raw ?? null) === JSON.stringify(current[key] ?? null)) continue
    if (!definition || definition.archivedAt) {
      errors.push({ path: `customFields.${key}`, message: 'errors.customFieldUnknown' })
      continue
    }
    const checked = checkCustomFieldValue(definition, raw)
    if ('error' in checked) errors.push({ path: `customFields.${key}`, message: checked.error })
    else if (checked.value === undefined) delete next[key]
    else next[key] = checked.value
  }
  if (errors.length > 0) throw new AppError('VALIDATION', 'errors.validation', {}, errors)
  return next
}

// ── Filters ─────────────────────────────────────────────────────────────────────────────────────

/** Companies whose field holds this option (select: equal; multi_select: among its options). Uses the GIN index. */
function valueCondition(key: string, type: CustomFieldType, value: string): SQL {
  const probe = type === 'multi_select' ? { [key]: [value] } : { [key]: value }
  return sql`${companies.customFields} @> ${JSON.stringify(probe)}::jsonb`
}

/**
 * SQL conditions for the list's `cf` filter, checked against the definitions: an unknown key or a
 * value of the wrong shape for the field's type is a VALIDATION error on `cf.<key>`.
 */
export async function customFieldConditions(db: Db, filter: CustomFieldFilter | undefined): Promise<SQL[]> {
  if (!filter || Object.keys(filter).length === 0) return []
  const definitions = new Map((await listCustomFieldDefinitions(db, { includeArchived: true })).map((d) => [d.key, d]))
  const conditions: SQL[] = []
  const errors: FieldError[] = []
  for (const [key, value] of Object.entries(filter)) {
    const definition = definitions.get(key)
    const bad = () => errors.push({ path: `cf.${key}`, message: definition ? 'errors.customFieldFilter' : 'errors.customFieldUnknown' })
    if (!definition) {
      bad()
      continue
    }
    const type = definition.type
    const text = sql`(${companies.customFields} ->> ${key})`
    if (type === 'text' && typeof value === 'string') {
      conditions.push(sql`lower(${text}) = lower(${value.trim()})`)
    } else if ((type === 'select' || type === 'multi_select') && (typeof value === 'string' || Array.isArray(value))) {
      const values = typeof value === 'string' ? [value] : value
      conditions.push(or(...values.map((v) => valueCondition(key, type, v))) as SQL)
    } else if (type === 'number' && typeof value === 'object' && !Array.isArray(value) && ('min' in value || 'max' in value)) {
      const range = value as { min?: number; max?: number }
      // Only numbers were ever stored under a number field; the type check keeps the cast safe anyway.
      const number = sql`(case when jsonb_typeof(${companies.customFields} -> ${key}) = 'number' then ${text}::numeric end)`
      if (range.min !== undefined) conditions.push(sql`${number} >= ${range.min}`)
      if (range.max !== undefined) conditions.push(sql`${number} <= ${range.max}`)
    } else if (type === 'date' && typeof value === 'object' && !Array.isArray(value) && ('from' in value || 'to' in value)) {
      const range = value as { from?: string; to?: string }
      if ((range.from && !isIsoDate(range.from)) || (range.to && !isIsoDate(range.to))) {
        bad()
        continue
      }
      // ISO dates compare as text.
      if (range.from) conditions.push(sql`${text} >= ${range.from}`)
      if (range.to) conditions.push(sql`${text} <= ${range.to}`)
    } else {
      bad()
    }
  }
  if (errors.length > 0) throw new AppError('VALIDATION', 'errors.validation', {}, errors)
  return conditions.length > 0 ? [and(...conditions) as SQL] : []
}
