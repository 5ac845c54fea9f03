/**
 * API contract of the experts module (registry layer): expert profiles, their review by staff and
 * the pool list. Shared by server (validation + OpenAPI) and web. The value lists and the matching
 * function live in `experts.reference.ts`.
 */
import { z } from '@hono/zod-openapi'
import {
  EXPERT_COMPETENCE_KEYS,
  EXPERT_KINDS,
  EXPERT_LANGUAGE_CODES,
  EXPERT_PROFILE_STATUSES,
  EXPERT_TIE_KINDS,
} from './experts.competences'

export * from './experts.competences'

/** ATECO 2007 sections, as companies use them. */
const ATECO_SECTION = z.string().regex(/^[A-U]$/)
/** Province abbreviation (sigla), e.g. BG. */
const PROVINCE = z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/)
const VAT = z
  .string()
  .trim()
  .toUpperCase()
  .transform((v) => v.replace(/\s+/g, ''))
  .pipe(z.string().regex(/^(IT)?\d{11}$/, { error: 'errors.vatNumberFormat' }))
const TAX_CODE = z
  .string()
  .trim()
  .toUpperCase()
  .transform((v) => v.replace(/\s+/g, ''))
  .pipe(z.string().regex(/^([A-Z0-9]{16}|\d{11})$/, { error: 'errors.taxCodeFormat' }))
const emptyToNull = <T extends z.ZodTypeAny>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : v), schema.nullable().optional())
const unique = <T extends z.ZodTypeAny>(item: T, max: number) => z.array(item).max(max).transform((list) => [...new Set(list)] as z.infer<T>[])

export const EXPERT_CV_MAX_BYTES = 5 * 1024 * 1024
export const EXPERT_CV_TYPES = [
  'application/pdf',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.oasis.opendocument.text',
] as const

export const ExpertTie = z
  .object({
    name: z.string().trim().min(1).max(200),
    vatNumber: emptyToNull(VAT).transform((v) => v ?? null),
    taxCode: emptyToNull(TAX_CODE).transform((v) => v ?? null),
    kind: z.enum(EXPERT_TIE_KINDS),
  })
  .openapi('ExpertTie')
export type ExpertTie = z.infer<typeof ExpertTie>

/** What the expert edits (PUT /experts/me): the whole profile at once. */
export const ExpertProfileInput = z
  .object({
    headline: z.string().trim().max(160).default(''),
    bio: z.string().trim().max(4000).default(''),
    kind: z.enum(EXPERT_KINDS).default('consultant'),
    /** Placement programme, e.g. "Sviluppo PMI". */
    programme: emptyToNull(z.string().trim().max(120)).transform((v) => v ?? null),
    /** An experienced manager temporarily out of work (placed by a programme). */
    outOfWork: z.boolean().default(false),
    competences: unique(z.enum(EXPERT_COMPETENCE_KEYS), 40).default([]),
    sectors: unique(ATECO_SECTION, 21).default([]),
    provinces: unique(PROVINCE, 110).default([]),
    homeComuneIstat: emptyToNull(z.string().regex(/^\d{6}$/)).transform((v) => v ?? null),
    languages: unique(z.enum(EXPERT_LANGUAGE_CODES), 14).default(['it']),
    availabilityDaysPerMonth: z.number().min(0).max(22).multipleOf(0.5).default(0),
    employerName: emptyToNull(z.string().trim().max(200)).transform((v) => v ?? null),
    employerVatNumber: emptyToNull(VAT).transform((v) => v ?? null),
    ties: z.array(ExpertTie).max(50).default([]),
  })
  .openapi('ExpertProfileInput')
export type ExpertProfileInput = z.input<typeof ExpertProfileInput>
export type ExpertProfileValues = z.output<typeof ExpertProfileInput>

export const ExpertCv = z
  .object({ fileName: z.string(), contentType: z.string(), size: z.number().int(), uploadedAt: z.string() })
  .openapi('ExpertCv')

export const ExpertProfile = z
  .object({
    userId: z.string(),
    name: z.string(),
    email: z.string(),
    /** False until the expert saves for the first time (GET /experts/me shows an empty draft). */
    exists: z.boolean(),
    status: z.enum(EXPERT_PROFILE_STATUSES),
    headline: z.string(),
    bio: z.string(),
    kind: z.enum(EXPERT_KINDS),
    programme: z.string().nullable(),
    outOfWork: z.boolean(),
    competences: z.array(z.string()),
    sectors: z.array(z.string()),
    provinces: z.array(z.string()),
    homeComune: z.object({ istatCode: z.string(), name: z.string(), provinceCode: z.string() }).nullable(),
    languages: z.array(z.string()),
    availabilityDaysPerMonth: z.number(),
    employerName: z.string().nullable(),
    employerVatNumber: z.string().nullable(),
    ties: z.array(ExpertTie),
    cv: ExpertCv.nullable(),
    /** Units where the user is an expert. */
    units: z.array(z.object({ id: z.string(), name: z.string() })),
    submittedAt: z.string().nullable(),
    reviewedAt: z.string().nullable(),
    reviewedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
    reviewNote: z.string().nullable(),
    createdAt: z.string().nullable(),
    updatedAt: z.string().nullable(),
    can: z.object({ edit: z.boolean(), review: z.boolean() }),
  })
  .openapi('ExpertProfile')
export type ExpertProfile = z.infer<typeof ExpertProfile>

export const ExpertSummary = z
  .object({
    userId: z.string(),
    name: z.string(),
    status: z.enum(EXPERT_PROFILE_STATUSES),
    headline: z.string(),
    kind: z.enum(EXPERT_KINDS),
    programme: z.string().nullable(),
    outOfWork: z.boolean(),
    competences: z.array(z.string()),
    sectors: z.array(z.string()),
    provinces: z.array(z.string()),
    homeComuneName: z.string().nullable(),
    availabilityDaysPerMonth: z.number(),
    submittedAt: z.string().nullable(),
    updatedAt: z.string(),
  })
  .openapi('ExpertSummary')
export type ExpertSummary = z.infer<typeof ExpertSummary>

export const ExpertListQuery = z
  .object({
    /** Name, headline or competence label (case- and accent-insensitive). */
    q: z.string().trim().max(100).optional(),
    status: z.enum(EXPERT_PROFILE_STATUSES).optional(),
    competence: z.enum(EXPERT_COMPETENCE_KEYS).optional(),
    sector: ATECO_SECTION.optional(),
    province: PROVINCE.optional(),
    /** At least this many days per month. */
    minAvailability: z.coerce.number().min(0).max(22).optional(),
    cursor: z.string().optional(),
    limit: z.coerce.number().int().min(1).max(100).default(25),
  })
  .openapi('ExpertListQuery')
export type ExpertListQuery = z.infer<typeof ExpertListQuery>

export const ExpertPage = z.object({ items: z.array(ExpertSummary), nextCursor: z.string().nullable() }).openapi('ExpertPage')
export type ExpertPage = z.infer<typeof ExpertPage>

export const ExpertReviewInput = z.object({ note: z.string().trim().max(2000).optional() }).openapi('ExpertReviewInput')
export type ExpertReviewInput = z.infer<typeof ExpertReviewInput>

export const ExpertCvUploadInput = z
  .object({ fileName: z.string().trim().min(1).max(200), contentType: z.string().max(200), content: z.string().max(Math.ceil((EXPERT_CV_MAX_BYTES * 4) / 3) + 8).openapi({ description: 'base64' }) })
  .openapi('ExpertCvUploadInput')
export type ExpertCvUploadInput = z.infer<typeof ExpertCvUploadInput>
