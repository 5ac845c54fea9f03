/**
 * Tables owned by the experts module: one profile per expert user and their CV file. `user_id` is
 * the identity user's id; like other modules' references to identity it has no foreign key (a
 * module owns only its own tables), and profiles of users who lose the expert role simply stop
 * being listed (the pool joins the current memberships).
 */
import { sql } from 'drizzle-orm'
import { boolean, customType, doublePrecision, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core'

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' })
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' })

export interface ExpertTieRecord {
  name: string
  vatNumber: string | null
  taxCode: string | null
  kind: string
}

export const expertProfiles = pgTable(
  'expert_profiles',
  {
    userId: text('user_id').primaryKey(),
    /** draft | submitted | approved | rejected */
    status: text('status').notNull().default('draft'),
    headline: text('headline').notNull().default(''),
    bio: text('bio').notNull().default(''),
    /** manager | consultant | other */
    kind: text('kind').notNull().default('consultant'),
    /** Placement programme, e.g. "Sviluppo PMI". */
    programme: text('programme'),
    outOfWork: boolean('out_of_work').notNull().default(false),
    competences: text('competences').array().notNull().default(sql`'{}'::text[]`),
    /** ATECO sections. */
    sectors: text('sectors').array().notNull().default(sql`'{}'::text[]`),
    /** Province abbreviations covered. */
    provinces: text('provinces').array().notNull().default(sql`'{}'::text[]`),
    /** ISTAT code of the home comune: its seat is the expert's base for distances. */
    homeComuneIstat: text('home_comune_istat'),
    languages: text('languages').array().notNull().default(sql`'{it}'::text[]`),
    availabilityDaysPerMonth: doublePrecision('availability_days_per_month').notNull().default(0),
    employerName: text('employer_name'),
    employerVatNumber: text('employer_vat_number'),
    /** Other ties (clients, shareholdings, family, other) for conflicts of interest. */
    ties: jsonb('ties').$type<ExpertTieRecord[]>().notNull().default(sql`'[]'::jsonb`),
    submittedAt: ts('submitted_at'),
    reviewedBy: text('reviewed_by'),
    reviewedAt: ts('reviewed_at'),
    reviewNote: text('review_note'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('expert_profiles_status_idx').on(t.status), index('expert_profiles_competences_idx').using('gin', t.competences)],
)
export type ExpertProfileRow = typeof expertProfiles.$inferSelect

/** The expert's CV, kept apart so profile lists never read the bytes. Stored in the database (one backup holds everything). */
export const expertCvFiles = pgTable('expert_cv_files', {
  userId: text('user_id').primaryKey(),
  fileName: text('file_name').notNull(),
  contentType: text('content_type').notNull(),
  size: integer('size').notNull(),
  content: bytea('content').notNull(),
  uploadedAt: ts('uploaded_at').notNull().defaultNow(),
})
