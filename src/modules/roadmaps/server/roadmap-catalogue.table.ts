/**
 * Published versions of the action catalogue edited by network admins (ADR 0025). Each edit makes a
 * new row holding every action; the newest row is the catalogue in use, and the built-in version
 * (code) is used while the table is empty. Rows are never updated or deleted: stored roadmaps name
 * the version they were drafted from.
 */
import { jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import type { CatalogueAction } from '../roadmaps.reference'

export const roadmapCatalogueVersions = pgTable('roadmap_catalogue_versions', {
  /** `<built-in id>.<n>`, e.g. `2026-r1.3`: the n-th edit on top of the built-in catalogue. */
  id: text('id').primaryKey(),
  /** The version it was edited from (the built-in id for the first edit). */
  basedOn: text('based_on').notNull(),
  actions: jsonb('actions').$type<CatalogueAction[]>().notNull(),
  /** What changed and why, as the admin wrote it. */
  note: text('note').notNull(),
  /** The action the edit created or changed. */
  actionId: text('action_id').notNull(),
  createdBy: uuid('created_by').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
})
