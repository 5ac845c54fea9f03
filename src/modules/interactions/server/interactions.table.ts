/** Tables owned by the interactions module: the timeline of companies and contacts, and follow-ups. */
import { date, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core'

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' })

export const interactions = pgTable(
  'interactions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Scoping unit: the company's unit (or the author's unit for an interaction with no company). */
    unitId: uuid('unit_id').notNull(),
    companyId: uuid('company_id'),
    /** call | email | meeting | visit | event | note | document (later modules add their own). */
    kind: text('kind').notNull(),
    occurredAt: ts('occurred_at').notNull(),
    subject: text('subject').notNull(),
    body: text('body'),
    authorId: uuid('author_id'),
    /** 'manual', or the module that wrote the entry ('events', 'assessments', …) with its record id. */
    source: text('source').notNull().default('manual'),
    sourceId: uuid('source_id'),
    deletedAt: ts('deleted_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('interactions_company_idx').on(t.companyId, t.occurredAt),
    index('interactions_unit_idx').on(t.unitId, t.occurredAt),
    index('interactions_source_idx').on(t.source, t.sourceId),
  ],
)
export type InteractionRow = typeof interactions.$inferSelect

/** Participants of an interaction: contacts (people of the companies) and users (hub staff). */
export const interactionParticipants = pgTable(
  'interaction_participants',
  {
    interactionId: uuid('interaction_id').notNull(),
    /** 'contact' | 'user' */
    participantType: text('participant_type').notNull(),
    participantId: uuid('participant_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.interactionId, t.participantType, t.participantId] }),
    index('interaction_participants_participant_idx').on(t.participantType, t.participantId),
  ],
)

/** A task to do after an interaction (or about a company): due date, assignee, done or open. */
export const followUps = pgTable(
  'follow_ups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').notNull(),
    companyId: uuid('company_id'),
    interactionId: uuid('interaction_id'),
    title: text('title').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    assigneeId: uuid('assignee_id').notNull(),
    /** open | done */
    status: text('status').notNull().default('open'),
    completedAt: ts('completed_at'),
    completedBy: uuid('completed_by'),
    createdBy: uuid('created_by').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('follow_ups_assignee_idx').on(t.assigneeId, t.status, t.dueOn),
    index('follow_ups_company_idx').on(t.companyId),
    index('follow_ups_interaction_idx').on(t.interactionId),
  ],
)
