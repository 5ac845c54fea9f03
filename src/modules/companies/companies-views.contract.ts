/**
 * API contract of the companies list's power features: custom fields that a network admin defines,
 * saved views (personal or shared with a unit) and bulk actions. Re-exported by companies.contract.ts,
 * which is what the web imports.
 */
import { z } from '@hono/zod-openapi'

const Id = z.string().uuid()
const IsoDateTime = z.string().datetime({ offset: true })

// ── Custom fields ───────────────────────────────────────────────────────────────────────────────

export const CUSTOM_FIELD_TYPES = ['text', 'number', 'date', 'select', 'multi_select'] as const
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number]

/** Keys are stable: they name the value in companies.custom_fields and the column in imports/exports. */
export const CUSTOM_FIELD_KEY_PATTERN = /^[a-z][a-z0-9_]{0,39}$/

export const CustomFieldOption = z
  .object({
    value: z.string().trim().min(1).max(60),
    it: z.string().trim().min(1).max(100),
    en: z.string().trim().min(1).max(100),
  })
  .openapi('CustomFieldOption')
export type CustomFieldOption = z.infer<typeof CustomFieldOption>

const options = z
  .array(CustomFieldOption)
  .max(100)
  .refine((list) => new Set(list.map((o) => o.value)).size === list.length, { error: 'errors.customFieldOptionDuplicate' })

export const CustomFieldCreateInput = z
  .object({
    key: z.string().trim().regex(CUSTOM_FIELD_KEY_PATTERN, { error: 'errors.customFieldKeyFormat' }),
    labelIt: z.string().trim().min(1).max(100),
    labelEn: z.string().trim().min(1).max(100),
    type: z.enum(CUSTOM_FIELD_TYPES),
    options: options.optional(),
    position: z.number().int().min(0).max(10_000).optional(),
  })
  .openapi('CustomFieldCreateInput')
export type CustomFieldCreateInput = z.infer<typeof CustomFieldCreateInput>

/** The key and the type never change: values already stored depend on them. */
export const CustomFieldUpdateInput = z
  .object({
    labelIt: z.string().trim().min(1).max(100),
    labelEn: z.string().trim().min(1).max(100),
    options: options,
    position: z.number().int().min(0).max(10_000),
  })
  .partial()
  .openapi('CustomFieldUpdateInput')
export type CustomFieldUpdateInput = z.infer<typeof CustomFieldUpdateInput>

export const CustomFieldDefinition = z
  .object({
    id: Id,
    key: z.string(),
    labelIt: z.string(),
    labelEn: z.string(),
    type: z.enum(CUSTOM_FIELD_TYPES),
    options: z.array(CustomFieldOption),
    position: z.number().int(),
    archivedAt: IsoDateTime.nullable(),
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
  })
  .openapi('CustomFieldDefinition')
export type CustomFieldDefinition = z.infer<typeof CustomFieldDefinition>

export const CustomFieldList = z.object({ items: z.array(CustomFieldDefinition) }).openapi('CustomFieldList')

export const CustomFieldListQuery = z.object({ includeArchived: z.enum(['true', 'false']).optional() })

/**
 * Values on a company, keyed by definition key: text → string, number → number, date →
 * `YYYY-MM-DD`, select → option value, multi_select → option values. `null` clears a value.
 * Checked against the definitions by the service (unknown key, wrong type, option not allowed).
 */
export const CustomFieldValues = z
  .record(z.string().max(40), z.union([z.string().max(2000), z.number(), z.array(z.string().max(60)).max(100), z.null()]))
  .openapi('CustomFieldValues', { example: { settore_cliente: 'automotive', certificazioni: ['iso9001'], addetti_it: 3 } })
export type CustomFieldValues = z.infer<typeof CustomFieldValues>

/**
 * A filter on custom fields, as the list's `cf` query parameter carries it (compact JSON):
 * `{"<key>": value}` where value is a string (text: equal ignoring case; select: that option;
 * multi_select: has that option), a list of strings (select / multi_select: any of them),
 * `{"min": n, "max": n}` (number) or `{"from": "YYYY-MM-DD", "to": "YYYY-MM-DD"}` (date).
 */
export const CustomFieldFilterValue = z.union([
  z.string().min(1).max(200),
  z.array(z.string().min(1).max(60)).min(1).max(50),
  z.object({ min: z.number().optional(), max: z.number().optional() }).strict(),
  z.object({ from: z.string().optional(), to: z.string().optional() }).strict(),
])
export const CustomFieldFilter = z.record(z.string().max(40), CustomFieldFilterValue)
export type CustomFieldFilter = z.infer<typeof CustomFieldFilter>

/** `cf` as sent in the URL: JSON text, parsed and shape-checked here, checked against the definitions by the service. */
export const CustomFieldFilterParam = z
  .string()
  .max(2000)
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown
    } catch {
      ctx.addIssue({ code: 'custom', message: 'errors.customFieldFilter' })
      return z.NEVER
    }
  })
  .pipe(CustomFieldFilter)
  .optional()
  .openapi({
    type: 'string',
    description:
      'Custom field filter, compact JSON: {"<key>": "value" | ["v1","v2"] | {"min":n,"max":n} | {"from":"YYYY-MM-DD","to":"YYYY-MM-DD"}}',
    example: '{"settore_cliente":["automotive","aerospazio"]}',
  })

// ── Saved views ─────────────────────────────────────────────────────────────────────────────────

export const SAVED_VIEW_ENTITIES = ['companies'] as const

/**
 * What a view stores: the list's filters as the page's URL holds them (q, sort and every filter),
 * and the columns shown. Filters are kept as given so that filters added later still round-trip;
 * the page reads them through its own URL validation, which drops what it does not know.
 */
export const SavedViewQuery = z
  .object({
    filters: z.record(z.string().max(40), z.unknown()).refine((f) => JSON.stringify(f).length <= 4000, { error: 'errors.savedViewTooLarge' }),
    columns: z.array(z.string().max(60)).max(60).optional(),
  })
  .openapi('SavedViewQuery')
export type SavedViewQuery = z.infer<typeof SavedViewQuery>

export const SavedViewCreateInput = z
  .object({
    name: z.string().trim().min(1).max(100),
    entity: z.enum(SAVED_VIEW_ENTITIES).default('companies'),
    /** null: personal (the owner only); a unit: everyone who reads that unit's data. */
    sharedUnitId: Id.nullable().optional(),
    query: SavedViewQuery,
  })
  .openapi('SavedViewCreateInput')
export type SavedViewCreateInput = z.infer<typeof SavedViewCreateInput>

export const SavedViewUpdateInput = z
  .object({
    name: z.string().trim().min(1).max(100),
    sharedUnitId: Id.nullable(),
    query: SavedViewQuery,
  })
  .partial()
  .openapi('SavedViewUpdateInput')
export type SavedViewUpdateInput = z.infer<typeof SavedViewUpdateInput>

export const SavedView = z
  .object({
    id: Id,
    name: z.string(),
    entity: z.enum(SAVED_VIEW_ENTITIES),
    sharedUnitId: Id.nullable(),
    sharedUnitName: z.string().nullable(),
    query: SavedViewQuery,
    /** The caller created it. */
    isOwner: z.boolean(),
    can: z.object({ update: z.boolean(), delete: z.boolean() }),
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
  })
  .openapi('SavedView')
export type SavedView = z.infer<typeof SavedView>

export const SavedViewList = z.object({ items: z.array(SavedView) }).openapi('SavedViewList')
export const SavedViewListQuery = z.object({ entity: z.enum(SAVED_VIEW_ENTITIES).default('companies') })

// ── Bulk actions ────────────────────────────────────────────────────────────────────────────────

export const BULK_ACTIONS = ['addTag', 'removeTag', 'assignUnit'] as const
export type BulkAction = (typeof BULK_ACTIONS)[number]
export const BULK_MAX_IDS = 1000

/**
 * All or nothing: every company must be writable by the caller, else nothing changes and the error
 * says how many are not (`errors.bulkNotAllowed`, details.count). One transaction; one audit entry
 * per company that actually changed.
 */
export const CompanyBulkInput = z
  .object({
    ids: z.array(Id).min(1).max(BULK_MAX_IDS),
    action: z.enum(BULK_ACTIONS),
    tag: z.string().trim().min(1).max(40).optional(),
    unitId: Id.optional(),
  })
  .superRefine((input, ctx) => {
    if ((input.action === 'addTag' || input.action === 'removeTag') && !input.tag) {
      ctx.addIssue({ code: 'custom', path: ['tag'], message: 'errors.required' })
    }
    if (input.action === 'assignUnit' && !input.unitId) {
      ctx.addIssue({ code: 'custom', path: ['unitId'], message: 'errors.required' })
    }
  })
  .openapi('CompanyBulkInput')
export type CompanyBulkInput = z.infer<typeof CompanyBulkInput>

export const CompanyBulkResult = z
  .object({
    /** Companies changed (and audited). */
    updated: z.number().int(),
    /** Companies that already were as asked (tag already there, already in that unit). */
    unchanged: z.number().int(),
  })
  .openapi('CompanyBulkResult')
export type CompanyBulkResult = z.infer<typeof CompanyBulkResult>
