/** API contract of the mail outbox: every message Ponte sends, readable by network admins. */
import { z } from '@hono/zod-openapi'

export const MAIL_STATUSES = ['outbox', 'sent', 'failed'] as const
export type MailStatus = (typeof MAIL_STATUSES)[number]

export const MailMessage = z
  .object({
    id: z.string().uuid(),
    to: z.string(),
    subject: z.string(),
    text: z.string(),
    html: z.string().nullable(),
    status: z.enum(MAIL_STATUSES),
    error: z.string().nullable(),
    createdAt: z.string().datetime({ offset: true }),
    sentAt: z.string().datetime({ offset: true }).nullable(),
  })
  .openapi('MailMessage')
export type MailMessage = z.infer<typeof MailMessage>

export const MailListQuery = z.object({
  q: z.string().trim().max(200).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
})

export const MailPage = z
  .object({ items: z.array(MailMessage), nextCursor: z.string().nullable() })
  .openapi('MailPage')
