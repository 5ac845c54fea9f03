/**
 * API contract of duplicate detection, merges and company members (issue 3, "Duplicates" and
 * "Scoping": "a company member sees only their company"). Shared by server and web.
 */
import { z } from '@hono/zod-openapi'

const Id = z.string().uuid()
const IsoDateTime = z.string().datetime({ offset: true })

// ── Duplicates ──────────────────────────────────────────────────────────────────────────────────

/**
 * Why two companies may be the same firm:
 * - `taxId`: one's partita IVA is the other's codice fiscale, or both have the same codice fiscale
 *   (a ditta individuale registered once by partita IVA and once by codice fiscale);
 * - `name`: trigram-similar names in the same comune;
 * - `domain`: the same company e-mail, PEC or website domain (common providers ignored).
 */
export const DUPLICATE_RULES = ['taxId', 'name', 'domain'] as const
export type DuplicateRule = (typeof DUPLICATE_RULES)[number]

export const DuplicateReason = z
  .object({
    rule: z.enum(DUPLICATE_RULES),
    /** The shared identifier or domain; for `name`, the similarity in [0, 1] as a decimal string. */
    value: z.string(),
  })
  .openapi('DuplicateReason')
export type DuplicateReason = z.infer<typeof DuplicateReason>

/** What the review queue shows of each company of a pair. */
export const DuplicateCompany = z
  .object({
    id: Id,
    name: z.string(),
    vatNumber: z.string(),
    taxCode: z.string().nullable(),
    unitId: Id,
    unitName: z.string(),
    comuneName: z.string().nullable(),
    provinceCode: z.string().nullable(),
    address: z.string().nullable(),
    email: z.string().nullable(),
    pec: z.string().nullable(),
    website: z.string().nullable(),
    phone: z.string().nullable(),
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
    can: z.object({ update: z.boolean() }),
  })
  .openapi('DuplicateCompany')
export type DuplicateCompany = z.infer<typeof DuplicateCompany>

export const DuplicatePair = z
  .object({
    /** The two companies, ordered by id (the same order a dismissal is stored in). */
    companyA: DuplicateCompany,
    companyB: DuplicateCompany,
    reasons: z.array(DuplicateReason),
    /** Confidence in [0, 1]: the rules combined as independent evidence (1 − Π(1 − weight)). */
    score: z.number(),
    /** Both companies writable by the caller: they may merge or dismiss the pair. */
    canResolve: z.boolean(),
  })
  .openapi('DuplicatePair')
export type DuplicatePair = z.infer<typeof DuplicatePair>

export const DuplicateListQuery = z.object({
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
})
export type DuplicateListQuery = z.infer<typeof DuplicateListQuery>

export const DuplicatePairPage = z
  .object({
    items: z.array(DuplicatePair),
    nextCursor: z.string().nullable(),
    /**
     * Companies written by an import whose pairs the background refresh has not computed yet
     * (ADR 0029); with the first page only. 0 between imports.
     */
    pending: z.number().int().optional(),
  })
  .openapi('DuplicatePairPage')

export const CompanyDuplicateMatch = z
  .object({ company: DuplicateCompany, reasons: z.array(DuplicateReason), score: z.number() })
  .openapi('CompanyDuplicateMatch')
export type CompanyDuplicateMatch = z.infer<typeof CompanyDuplicateMatch>

export const CompanyDuplicateList = z.object({ items: z.array(CompanyDuplicateMatch) }).openapi('CompanyDuplicateList')

export const DuplicateDismissInput = z
  .object({ companyAId: Id, companyBId: Id })
  .openapi('DuplicateDismissInput')
export type DuplicateDismissInput = z.infer<typeof DuplicateDismissInput>

export const DuplicateDismissal = z
  .object({ companyAId: Id, companyBId: Id, dismissedAt: IsoDateTime })
  .openapi('DuplicateDismissal')

// ── Merges ──────────────────────────────────────────────────────────────────────────────────────

/**
 * Fields chosen one by one in a merge. Not listed: the partita IVA, which is the surviving record's
 * identity (unique in the network; the merged company keeps its own, archived, so the merge can be
 * undone): to keep the other partita IVA, make the other company the survivor.
 * `place` = address, comune and map point together; `ateco` = edition and code together;
 * `size` = the manual size override.
 */
export const MERGE_FIELDS = [
  'name',
  'taxCode',
  'legalForm',
  'isCooperative',
  'ateco',
  'employees',
  'turnover',
  'balanceSheetTotal',
  'foundingYear',
  'sizeOverride',
  'unit',
  'place',
  'website',
  'email',
  'pec',
  'phone',
  'description',
] as const
export type MergeField = (typeof MERGE_FIELDS)[number]

const Side = z.enum(['survivor', 'merged'])
export type MergeSide = z.infer<typeof Side>

export const MergeChoices = z
  .object({
    ...(Object.fromEntries(MERGE_FIELDS.map((f) => [f, Side.optional()])) as Record<MergeField, z.ZodOptional<typeof Side>>),
    /** The partita IVA always stays the survivor's (see MERGE_FIELDS). */
    vatNumber: z.literal('survivor', { error: 'errors.mergeVatNumberFixed' }).optional(),
    tags: z.enum(['survivor', 'merged', 'union']).optional(),
    notes: z.enum(['survivor', 'merged', 'concat']).optional(),
    /** Per custom field key; keys left out keep the survivor's value. */
    customFields: z.record(z.string(), Side).optional(),
  })
  .openapi('MergeChoices')
export type MergeChoices = z.infer<typeof MergeChoices>

export const MergeCreateInput = z
  .object({
    survivorId: Id,
    mergedId: Id,
    /** Left out = the survivor's value. */
    choices: MergeChoices.default({}),
  })
  .openapi('MergeCreateInput')
export type MergeCreateInput = z.infer<typeof MergeCreateInput>

export const MergeCompanyRef = z
  .object({ id: Id, name: z.string(), vatNumber: z.string() })
  .openapi('MergeCompanyRef')

export const CompanyMerge = z
  .object({
    id: Id,
    survivor: MergeCompanyRef,
    merged: MergeCompanyRef,
    choices: z.record(z.string(), z.string()),
    /** Per module that moved records: how many (when the module says). */
    moved: z.array(z.object({ name: z.string(), count: z.number().int().nullable() })),
    createdAt: IsoDateTime,
    createdByName: z.string().nullable(),
    undoneAt: IsoDateTime.nullable(),
    undoneByName: z.string().nullable(),
    /**
     * Whether the caller may undo it now: not undone, both companies writable, and neither company
     * changed since (an edit after the merge would be lost by restoring the snapshots).
     */
    canUndo: z.boolean(),
  })
  .openapi('CompanyMerge')
export type CompanyMerge = z.infer<typeof CompanyMerge>

export const MergeListQuery = z.object({
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
})

export const CompanyMergePage = z
  .object({ items: z.array(CompanyMerge), nextCursor: z.string().nullable() })
  .openapi('CompanyMergePage')

export const MergePreviewQuery = z.object({ survivorId: Id, mergedId: Id })

/** What a merge would move, shown on the merge screen before confirming. */
export const MergePreview = z
  .object({
    moves: z.array(z.object({ name: z.string(), count: z.number().int() })),
    /** Custom field keys of either company with their labels (Italian and English). */
    customFields: z.array(z.object({ key: z.string(), labelIt: z.string(), labelEn: z.string() })),
  })
  .openapi('MergePreview')
export type MergePreview = z.infer<typeof MergePreview>

// ── Company members ─────────────────────────────────────────────────────────────────────────────

export const CompanyMember = z
  .object({
    userId: Id,
    /** Null when the account is deactivated. */
    name: z.string().nullable(),
    email: z.string().nullable(),
    createdAt: IsoDateTime,
  })
  .openapi('CompanyMember')
export type CompanyMember = z.infer<typeof CompanyMember>

export const CompanyMemberList = z
  .object({ items: z.array(CompanyMember), can: z.object({ manage: z.boolean() }) })
  .openapi('CompanyMemberList')

export const CompanyMemberInput = z.object({ userId: Id }).openapi('CompanyMemberInput')
export type CompanyMemberInput = z.infer<typeof CompanyMemberInput>
