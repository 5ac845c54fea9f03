/** Tables owned by the assessments module: DMA assessments, their self-assessment links and attachments. */
import { sql } from 'drizzle-orm'
import { boolean, customType, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' })
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' })

/**
 * One version of a digital maturity assessment of a company (or public body). Raw answers are kept
 * for ever with the instrument and rules versions they were scored with (dma.md); the scores are
 * stored beside them (columns, so the benchmark and dashboard queries use indexes) and recomputed by
 * `ponte dma rescore`. A validated version is locked: a correction is a new version of the same
 * series (`series_id` = the first version's id), and the old one becomes `superseded`.
 */
export const assessments = pgTable(
  'assessments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    seriesId: uuid('series_id').notNull(),
    version: integer('version').notNull().default(1),
    companyId: uuid('company_id').notNull(),
    /** Scoping unit: the company's unit when the assessment was created. */
    unitId: uuid('unit_id').notNull(),
    /** T0 | T1 | T2 */
    stage: text('stage').notNull(),
    /** self | assisted | imported */
    mode: text('mode').notNull(),
    instrumentId: text('instrument_id').notNull(),
    instrumentVersion: text('instrument_version').notNull(),
    rulesVersion: text('rules_version').notNull(),
    /** draft | submitted | validated | superseded */
    status: text('status').notNull().default('draft'),
    answers: jsonb('answers').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    /** Assisted mode: an evidence note per question id. */
    evidence: jsonb('evidence').$type<Record<string, string>>().notNull().default(sql`'{}'::jsonb`),
    /** Module 1 (customer data), prefilled from the company record. */
    customerData: jsonb('customer_data').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    assessorId: uuid('assessor_id'),
    programmeId: uuid('programme_id'),
    projectId: uuid('project_id'),
    /** The validated assessment a T1/T2 started from. */
    prefilledFromId: uuid('prefilled_from_id'),
    /** Scores (unrounded, 0-100) of the current answers under `rules_version`; null while never scored. */
    overall: doublePrecision('overall'),
    band: text('band'),
    d1: doublePrecision('d1'),
    d2: doublePrecision('d2'),
    d3: doublePrecision('d3'),
    d4: doublePrecision('d4'),
    d5: doublePrecision('d5'),
    d6: doublePrecision('d6'),
    /** The full score result (block points, formulas), so reports show how each score was reached. */
    result: jsonb('result').$type<Record<string, unknown>>(),
    /** Peer group of the company when validated (benchmark: ATECO section × size class × region). */
    atecoSection: text('ateco_section'),
    sizeClass: text('size_class'),
    regionCode: text('region_code'),
    /** The latest validated assessment of its company and instrument: the benchmark population. */
    isLatest: boolean('is_latest').notNull().default(false),
    submittedAt: ts('submitted_at'),
    /** Null when submitted through a self-assessment link. */
    submittedBy: uuid('submitted_by'),
    validatedAt: ts('validated_at'),
    validatedBy: uuid('validated_by'),
    /** When the assessment took place (the visit, or the submission of a self-assessment). */
    assessedOn: text('assessed_on'),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('assessments_company_idx').on(t.companyId, t.createdAt),
    index('assessments_unit_idx').on(t.unitId, t.status, t.createdAt),
    uniqueIndex('assessments_series_version_idx').on(t.seriesId, t.version),
    // At most one benchmark entry per company and instrument.
    uniqueIndex('assessments_latest_idx').on(t.companyId, t.instrumentId).where(sql`is_latest`),
  ],
)
export type AssessmentRow = typeof assessments.$inferSelect

/** A tokenised self-assessment link (no account needed): only the token's sha256 is stored. */
export const assessmentLinks = pgTable(
  'assessment_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    assessmentId: uuid('assessment_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    email: text('email').notNull(),
    locale: text('locale').notNull().default('it'),
    expiresAt: ts('expires_at').notNull(),
    revokedAt: ts('revoked_at'),
    lastOpenedAt: ts('last_opened_at'),
    createdBy: uuid('created_by').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('assessment_links_token_idx').on(t.tokenHash), index('assessment_links_assessment_idx').on(t.assessmentId)],
)

/** Files attached to an assisted assessment, optionally to one question. */
export const assessmentAttachments = pgTable(
  'assessment_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    assessmentId: uuid('assessment_id').notNull(),
    questionId: text('question_id'),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: uuid('uploaded_by').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('assessment_attachments_assessment_idx').on(t.assessmentId)],
)

/**
 * How many latest validated assessments hold each score, per peer group: the benchmark reads a
 * group's histogram (at most the number of distinct scores) instead of every member, so ranking a
 * company costs the same among 10k or 1M assessments, exactly. One row per instrument, group key
 * (`section|size|region` with `*` for a level's wildcard, e.g. `C|small|*`, `*|*|*`), metric
 * (`overall`, `D1`..`D6`, and `#` with value 0 for the group's size) and score value. Maintained
 * only by statement-level triggers on `assessments` (migration 0009): every write of any module or
 * instance keeps it exact in the same transaction.
 */
export const assessmentScoreCounts = pgTable(
  'assessment_score_counts',
  {
    instrumentId: text('instrument_id').notNull(),
    groupKey: text('group_key').notNull(),
    metric: text('metric').notNull(),
    value: doublePrecision('value').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.instrumentId, t.groupKey, t.metric, t.value] })],
)
