/** Tables owned by the contacts module: people, their links to companies, and their consents. */
import { sql } from 'drizzle-orm'
import { boolean, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' })

export const contacts = pgTable(
  'contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The unit that owns the record (scoping, as for companies). */
    unitId: uuid('unit_id').notNull(),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    email: text('email'),
    phone: text('phone'),
    jobTitle: text('job_title'),
    notes: text('notes'),
    /** GDPR art. 6 lawful basis for processing: consent | contract | legitimate_interest | legal_obligation. */
    lawfulBasis: text('lawful_basis').notNull().default('legitimate_interest'),
    /** Lower case, no accents: names, email, job title. */
    searchText: text('search_text').notNull(),
    /** Set when the person was erased (GDPR art. 17): personal fields are anonymised, links kept. */
    erasedAt: ts('erased_at'),
    archivedAt: ts('archived_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('contacts_unit_idx').on(t.unitId),
    index('contacts_email_idx').on(sql`lower(${t.email})`),
    index('contacts_search_trgm_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
    index('contacts_name_sort_idx').on(t.lastName, t.firstName, t.id),
  ],
)
export type ContactRow = typeof contacts.$inferSelect

/** A person's role in a company: many-to-many (one person may sit in several companies). */
export const companyContacts = pgTable(
  'company_contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id').notNull(),
    contactId: uuid('contact_id').notNull(),
    role: text('role').notNull(),
    isPrimary: boolean('is_primary').notNull().default(false),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('company_contacts_pair_key').on(t.companyId, t.contactId),
    index('company_contacts_contact_idx').on(t.contactId),
  ],
)

/**
 * Consent events per purpose (newsletter, events, funder_sharing): append-only; the current state of
 * a purpose is its latest row. Withdrawal is a row with granted = false.
 */
export const contactConsents = pgTable(
  'contact_consents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    contactId: uuid('contact_id').notNull(),
    purpose: text('purpose').notNull(),
    granted: boolean('granted').notNull(),
    /** Where the consent was given or withdrawn: web_form | event_registration | email | verbal | import | self_service | other. */
    source: text('source').notNull(),
    note: text('note'),
    recordedAt: ts('recorded_at').notNull(),
    recordedBy: uuid('recorded_by'),
  },
  (t) => [index('contact_consents_contact_idx').on(t.contactId, t.purpose, t.recordedAt)],
)
