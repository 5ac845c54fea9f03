/**
 * Tables owned by the projects module (issue 5, "Projects and support days"): projects, their
 * milestones, and the support-day ledger. The ledger is append-only (ADR 0026): an entry's content
 * never changes after it is written; only its confirmation and approval move, and a correction is a
 * new entry that points at the one it corrects. A trigger (migration `projects_ledger_append_only`)
 * enforces that below the application.
 */
import { sql } from 'drizzle-orm'
import { check, date, index, integer, jsonb, numeric, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' })

/**
 * A roadmap item a project or an entry refers to: an item of a stored roadmap of the company
 * (checked on write through the roadmaps module, title as the roadmap had it then), or a catalogue
 * action named by hand. JSON, not foreign keys: roadmap items live in versioned snapshots.
 */
export interface RoadmapItemRef {
  roadmapId?: string
  itemId?: string
  actionId: string | null
  title: string
}

/** A project of support days for one company, run by one expert, owned by one unit (scoping). */
export const projects = pgTable(
  'projects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id').notNull(),
    /** Scoping unit: the company's unit unless staff chose another one they write. */
    unitId: uuid('unit_id').notNull(),
    /** Null until staff assign an expert. */
    expertUserId: uuid('expert_user_id'),
    title: text('title').notNull(),
    description: text('description'),
    roadmapItems: jsonb('roadmap_items').$type<RoadmapItemRef[]>().notNull().default(sql`'[]'::jsonb`),
    /** Support days granted, e.g. 10.00. */
    budgetDays: numeric('budget_days', { precision: 6, scale: 2 }).notNull(),
    startsOn: date('starts_on', { mode: 'string' }),
    endsOn: date('ends_on', { mode: 'string' }),
    /** planned | active | completed | cancelled */
    status: text('status').notNull().default('planned'),
    outcome: text('outcome'),
    /** 1–5, set by staff at completion: the expert's work on this project (matching reads it). */
    expertRating: smallint('expert_rating'),
    completedAt: ts('completed_at'),
    createdBy: uuid('created_by').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('projects_unit_idx').on(t.unitId, t.createdAt),
    index('projects_company_idx').on(t.companyId, t.createdAt),
    index('projects_expert_idx').on(t.expertUserId, t.status),
    check('projects_rating_range', sql`${t.expertRating} between 1 and 5`),
    check('projects_budget_positive', sql`${t.budgetDays} > 0`),
  ],
)
export type ProjectRow = typeof projects.$inferSelect

export const projectMilestones = pgTable(
  'project_milestones',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id').notNull(),
    title: text('title').notNull(),
    dueOn: date('due_on', { mode: 'string' }),
    doneAt: ts('done_at'),
    createdBy: uuid('created_by').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('project_milestones_project_idx').on(t.projectId, t.dueOn)],
)
export type ProjectMilestoneRow = typeof projectMilestones.$inferSelect

/**
 * The support-day ledger. `days` is signed (a correction usually takes days back); hours as entered
 * are kept beside the days they were converted to (8 h = 1 day, SUPPORT_DAY_HOURS). The company's
 * confirmation travels through a tokenised link (only the token's sha256 is stored); staff approve
 * confirmed entries.
 */
export const supportDayEntries = pgTable(
  'support_day_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id').notNull(),
    /** 1, 2, 3 … per project, in the order entries were written. */
    seq: integer('seq').notNull(),
    workedOn: date('worked_on', { mode: 'string' }).notNull(),
    days: numeric('days', { precision: 6, scale: 3 }).notNull(),
    /** The duration as entered when it was entered in hours; null when entered in days. */
    hours: numeric('hours', { precision: 6, scale: 2 }),
    activity: text('activity').notNull(),
    outcome: text('outcome'),
    roadmapItems: jsonb('roadmap_items').$type<RoadmapItemRef[]>().notNull().default(sql`'[]'::jsonb`),
    loggedBy: uuid('logged_by').notNull(),
    /** Set on a correction: the entry it corrects (never itself a correction). */
    correctsEntryId: uuid('corrects_entry_id'),
    /** pending | confirmed | disputed */
    confirmationStatus: text('confirmation_status').notNull().default('pending'),
    confirmationEmail: text('confirmation_email'),
    confirmationLocale: text('confirmation_locale'),
    confirmationTokenHash: text('confirmation_token_hash'),
    confirmationSentAt: ts('confirmation_sent_at'),
    confirmationExpiresAt: ts('confirmation_expires_at'),
    confirmedAt: ts('confirmed_at'),
    confirmerName: text('confirmer_name'),
    disputeNote: text('dispute_note'),
    approvedBy: uuid('approved_by'),
    approvedAt: ts('approved_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('support_day_entries_seq_idx').on(t.projectId, t.seq),
    uniqueIndex('support_day_entries_token_idx').on(t.confirmationTokenHash),
    index('support_day_entries_worked_idx').on(t.workedOn),
    index('support_day_entries_corrects_idx').on(t.correctsEntryId),
  ],
)
export type SupportDayEntryRow = typeof supportDayEntries.$inferSelect

/**
 * Derived data (ADR 0030): the ledger summed per project and month of work, leaving out disputed
 * entries as every total does. Kept by statement-level triggers on support_day_entries (migration
 * `projects_support_day_month_totals`): a write adds its rows' days, a change of confirmation or
 * approval moves them, a row whose month has no entry left goes. The totals read whole months
 * here and only the partial months at a period's ends from the ledger. `rebuild_…()` recomputes it
 * (a restore calls it; backups leave the table out).
 */
export const supportDayMonthTotals = pgTable(
  'support_day_month_totals',
  {
    projectId: uuid('project_id').notNull(),
    /** First day of the month of work. */
    month: date('month', { mode: 'string' }).notNull(),
    logged: numeric('logged', { precision: 12, scale: 3 }).notNull(),
    confirmed: numeric('confirmed', { precision: 12, scale: 3 }).notNull(),
    approved: numeric('approved', { precision: 12, scale: 3 }).notNull(),
    /** Entries counted (not disputed); the row goes when it falls to 0. */
    entries: integer('entries').notNull(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.month] }), index('support_day_month_totals_month_idx').on(t.month)],
)
