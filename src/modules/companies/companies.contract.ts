/**
 * API contract of the companies module (the hub's CRM registry). Shared by server and web.
 * Italian identifiers are checked with `stdnum` (src/shared/italian-ids.ts).
 */
import { z } from '@hono/zod-openapi'
import { compactTaxCode, compactVatNumber, isValidTaxCode, isValidVatNumber } from '../../shared/italian-ids'
import {
  ATECO_CODE_PATTERN,
  ATECO_EDITIONS,
  ATECO_SECTION_CODES,
  COMPANY_SIZES,
  JOURNEY_STAGES,
  LEGAL_FORMS,
} from './companies.reference'
import { CustomFieldFilterParam, CustomFieldValues } from './companies-views.contract'

export * from './companies.reference'
export * from './company-import.contract'
export * from './companies-views.contract'
export * from './company-duplicates.contract'
export * from './company-journey.contract'

const Id = z.string().uuid()
const IsoDateTime = z.string().datetime({ offset: true })

/** Partita IVA: 11 digits with a valid check digit; spaces, dots and an IT prefix are tolerated. */
export const VatNumber = z
  .string()
  .trim()
  .transform(compactVatNumber)
  .pipe(z.string().regex(/^\d{11}$/, { error: 'errors.vatNumberFormat' }))
  .refine(isValidVatNumber, { error: 'errors.vatNumberChecksum' })
  .openapi({ example: '00743110157' })

export const TaxCode = z
  .string()
  .trim()
  .transform(compactTaxCode)
  .pipe(z.string().regex(/^(\d{11}|[A-Z0-9]{16})$/, { error: 'errors.taxCodeFormat' }))
  .refine(isValidTaxCode, { error: 'errors.taxCodeChecksum' })

const emptyToNull = <T extends z.ZodTypeAny>(schema: T) =>
  z.union([z.literal('').transform(() => null), schema.nullable()]).optional()

const Money = z.number().min(0).max(1e13)

const CompanyFields = {
  name: z.string().trim().min(1).max(200),
  unitId: Id,
  vatNumber: VatNumber,
  taxCode: emptyToNull(TaxCode),
  legalForm: z.enum(LEGAL_FORMS).nullable().optional(),
  isCooperative: z.boolean().optional(),
  atecoEdition: z.enum(ATECO_EDITIONS).default('2007'),
  atecoCode: emptyToNull(z.string().trim().regex(ATECO_CODE_PATTERN, { error: 'errors.atecoCodeFormat' })),
  employees: z.number().int().min(0).max(1_000_000).nullable().optional(),
  turnover: Money.nullable().optional(),
  balanceSheetTotal: Money.nullable().optional(),
  foundingYear: z.number().int().min(1800).max(2100).nullable().optional(),
  sizeOverride: z.enum(COMPANY_SIZES).nullable().optional(),
  website: emptyToNull(z.string().trim().max(300)),
  pec: emptyToNull(z.email()),
  email: emptyToNull(z.email()),
  phone: emptyToNull(z.string().trim().max(40)),
  address: emptyToNull(z.string().trim().max(300)),
  comuneIstat: emptyToNull(z.string().regex(/^\d{6}$/, { error: 'errors.comuneCode' })),
  latitude: z.number().min(35).max(48).nullable().optional(),
  longitude: z.number().min(6).max(19).nullable().optional(),
  tags: z.array(z.string().trim().min(1).max(40)).max(30).optional(),
  description: emptyToNull(z.string().trim().max(5000)),
  notes: emptyToNull(z.string().trim().max(20000)),
  /** Values of the network's custom fields; on update, only the keys given change (null clears one). */
  customFields: CustomFieldValues.optional(),
}

export const CompanyCreateInput = z.object(CompanyFields).openapi('CompanyCreateInput')
export type CompanyCreateInput = z.infer<typeof CompanyCreateInput>

// No defaults in an update: a PATCH that leaves a field out must leave it unchanged.
export const CompanyUpdateInput = z
  .object({ ...CompanyFields, atecoEdition: z.enum(ATECO_EDITIONS) })
  .partial()
  .openapi('CompanyUpdateInput')
export type CompanyUpdateInput = z.infer<typeof CompanyUpdateInput>

export const CompanyPlace = z
  .object({
    istatCode: z.string(),
    name: z.string(),
    provinceCode: z.string(),
    regionCode: z.string(),
    regionName: z.string(),
  })
  .openapi('CompanyPlace')

export const Company = z
  .object({
    id: Id,
    unitId: Id,
    unitName: z.string(),
    name: z.string(),
    vatNumber: z.string(),
    taxCode: z.string().nullable(),
    legalForm: z.enum(LEGAL_FORMS).nullable(),
    isCooperative: z.boolean(),
    atecoEdition: z.enum(ATECO_EDITIONS),
    atecoCode: z.string().nullable(),
    atecoSection: z.string().nullable(),
    employees: z.number().nullable(),
    turnover: z.number().nullable(),
    balanceSheetTotal: z.number().nullable(),
    foundingYear: z.number().nullable(),
    /** The override when set, else derived from the EU SME definition. */
    size: z.enum(COMPANY_SIZES).nullable(),
    sizeDerived: z.enum(COMPANY_SIZES).nullable(),
    sizeOverride: z.enum(COMPANY_SIZES).nullable(),
    website: z.string().nullable(),
    pec: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    address: z.string().nullable(),
    comune: CompanyPlace.nullable(),
    /** The given point, else the seat of the comune. */
    latitude: z.number().nullable(),
    longitude: z.number().nullable(),
    tags: z.array(z.string()),
    description: z.string().nullable(),
    notes: z.string().nullable(),
    stage: z.enum(JOURNEY_STAGES),
    customFields: z.record(z.string(), z.unknown()),
    archivedAt: IsoDateTime.nullable(),
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
    can: z.object({ update: z.boolean() }),
  })
  .openapi('Company')
export type Company = z.infer<typeof Company>

const csv = <T extends z.ZodType<string, string>>(item: T) =>
  z
    .string()
    .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(item))
    .optional()

export const COMPANY_SORTS = ['name', 'relevance', 'updated'] as const

export const CompanyListQuery = z.object({
  q: z.string().trim().max(200).optional(),
  unitId: Id.optional(),
  region: z.string().regex(/^\d{2}$/).optional(),
  province: z.string().regex(/^[A-Z]{2}$/).optional(),
  comune: z.string().regex(/^\d{6}$/).optional(),
  atecoSection: csv(z.enum(ATECO_SECTION_CODES)),
  size: csv(z.enum(COMPANY_SIZES)),
  cooperative: z.enum(['true', 'false']).optional(),
  stage: csv(z.enum(JOURNEY_STAGES)),
  tag: z.string().trim().max(40).optional(),
  /** Any of these tags (comma-separated). */
  tags: csv(z.string().max(40)),
  /** ATECO 2007 divisions, two digits each (comma-separated): `25,28`. */
  atecoDivision: csv(z.string().regex(/^\d{2}$/)),
  cf: CustomFieldFilterParam,
  /** "Contacted in period": any company activity on or after this day (YYYY-MM-DD, Italian day). */
  contactedFrom: z.iso.date().optional(),
  /** … and on or before this day (inclusive). */
  contactedTo: z.iso.date().optional(),
  includeArchived: z.enum(['true', 'false']).optional(),
  sort: z.enum(COMPANY_SORTS).optional(),
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
})
export type CompanyListQuery = z.infer<typeof CompanyListQuery>

export const CompanyPage = z
  .object({
    items: z.array(Company),
    nextCursor: z.string().nullable(),
    total: z.number().int(),
    /** True when `total` is an estimate (more matches than the exact-count cap, ADR 0016). */
    totalIsEstimate: z.boolean().optional(),
    /**
     * True when a text search has more matches than a list reads (ADR 0032): `total` is that number
     * (200), the items are the most relevant of those, and narrowing the search shows the rest.
     */
    totalIsLowerBound: z.boolean().optional(),
  })
  .openapi('CompanyPage')
