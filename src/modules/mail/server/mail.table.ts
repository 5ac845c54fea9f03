import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'

/** Every message Ponte sends. Without SMTP the outbox is where admins read them. */
export const mailMessages = pgTable(
  'mail_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html'),
    status: text('status').notNull(),
    error: text('error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [index('mail_messages_created_idx').on(t.createdAt, t.id)],
)
export type MailRow = typeof mailMessages.$inferSelect
