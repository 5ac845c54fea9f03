import { and, desc, eq, ilike, lt, or, type SQL } from 'drizzle-orm'
import { AppError } from '../../../shared/app-error'
import type { RequestContext } from '../../../server/http/context'
import { cursorTime, decodeCursor, encodeCursor, likePattern } from '../../../server/http/cursor'
import { isNetworkAdmin } from '../../identity'
import type { MailMessage } from '../mail.contract'
import { mailMessages, type MailRow } from './mail.table'

function assertOutboxReader(ctx: RequestContext) {
  if (!ctx.actor || !isNetworkAdmin(ctx.actor)) throw new AppError('FORBIDDEN', 'errors.forbidden')
}

export function toMailMessage(row: MailRow): MailMessage {
  return {
    id: row.id,
    to: row.to,
    subject: row.subject,
    text: row.text,
    html: row.html,
    status: row.status as MailMessage['status'],
    error: row.error,
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
  }
}

/** Newest first, keyset-paginated on (created_at, id). Network admins only. */
export async function listMail(
  ctx: RequestContext,
  query: { q?: string | undefined; cursor?: string | undefined; limit: number },
) {
  assertOutboxReader(ctx)
  const conditions: SQL[] = []
  if (query.q) {
    const pattern = likePattern(query.q)
    conditions.push(or(ilike(mailMessages.to, pattern), ilike(mailMessages.subject, pattern)) as SQL)
  }
  const cursor = decodeCursor(query.cursor)
  if (cursor) {
    const t = cursorTime(cursor)
    conditions.push(or(lt(mailMessages.createdAt, t), and(eq(mailMessages.createdAt, t), lt(mailMessages.id, cursor.id))) as SQL)
  }
  const rows = await ctx.db
    .select()
    .from(mailMessages)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(mailMessages.createdAt), desc(mailMessages.id))
    .limit(query.limit + 1)
  const page = rows.slice(0, query.limit)
  const last = page.at(-1)
  return {
    items: page.map(toMailMessage),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ k: last.createdAt.toISOString(), id: last.id }) : null,
  }
}

export async function getMail(ctx: RequestContext, id: string): Promise<MailMessage> {
  assertOutboxReader(ctx)
  const [row] = await ctx.db.select().from(mailMessages).where(eq(mailMessages.id, id))
  if (!row) throw new AppError('NOT_FOUND', 'errors.notFound')
  return toMailMessage(row)
}
