/**
 * Stored roadmaps (issue 5, "Roadmaps"): a roadmap of one company, generated from one validated
 * assessment and then edited by experts and staff. Every save is a new version holding the whole
 * list of items (a snapshot), so any two versions can be compared and none is ever lost; the
 * company signs a version off through a link (only the token's sha256 is stored).
 */
import { sql } from 'drizzle-orm'
import { check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import type { RoadmapRecordItem, RoadmapTargets } from '../roadmap-records.contract'

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' })

export const roadmaps = pgTable(
  'roadmaps',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id').notNull(),
    /** Scoping unit: the company's unit when the roadmap was created. */
    unitId: uuid('unit_id').notNull(),
    /** The validated assessment it was generated from, and that assessment's instrument. */
    assessmentId: uuid('assessment_id').notNull(),
    instrumentId: text('instrument_id').notNull(),
    /** The action catalogue version the generated items come from. */
    catalogueVersion: text('catalogue_version').notNull(),
    /** The expert who works on it with the company (may edit it); null when staff alone. */
    expertUserId: uuid('expert_user_id'),
    /** draft | awaiting_signoff | signed | archived */
    status: text('status').notNull().default('draft'),
    /** The latest version's number (roadmap_versions.version). */
    version: integer('version').notNull().default(1),
    /** The re-assessment (T1) due date, derived from the items' horizon unless set by hand. */
    t1DueOn: date('t1_due_on', { mode: 'string' }),
    /** Set when staff chose the T1 date themselves (it no longer follows the items). */
    t1DueOnSetBy: uuid('t1_due_on_set_by'),
    signoffTokenHash: text('signoff_token_hash'),
    signoffEmail: text('signoff_email'),
    signoffLocale: text('signoff_locale'),
    signoffSentAt: ts('signoff_sent_at'),
    signoffExpiresAt: ts('signoff_expires_at'),
    /** The version the company signed, when, and who signed it (name and role as typed). */
    signedVersion: integer('signed_version'),
    signedAt: ts('signed_at'),
    signerName: text('signer_name'),
    signerRole: text('signer_role'),
    createdBy: uuid('created_by').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('roadmaps_company_idx').on(t.companyId, t.createdAt),
    index('roadmaps_unit_idx').on(t.unitId, t.createdAt),
    index('roadmaps_expert_idx').on(t.expertUserId),
    uniqueIndex('roadmaps_signoff_token_idx').on(t.signoffTokenHash),
    check('roadmaps_status', sql`${t.status} in ('draft', 'awaiting_signoff', 'signed', 'archived')`),
  ],
)
export type RoadmapRow = typeof roadmaps.$inferSelect

export const roadmapVersions = pgTable(
  'roadmap_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roadmapId: uuid('roadmap_id').notNull(),
    version: integer('version').notNull(),
    items: jsonb('items').$type<RoadmapRecordItem[]>().notNull(),
    /** Target per dimension (0–100) in force for this version. */
    targets: jsonb('targets').$type<RoadmapTargets>().notNull(),
    /** Business importance per dimension (1–5) in force for this version. */
    importance: jsonb('importance').$type<RoadmapTargets>().notNull(),
    /** generated | edited | regenerated */
    kind: text('kind').notNull(),
    note: text('note'),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('roadmap_versions_key').on(t.roadmapId, t.version)],
)
export type RoadmapVersionRow = typeof roadmapVersions.$inferSelect
