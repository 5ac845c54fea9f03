/**
 * The company's journey timeline: the `company_activity` rows every module reports through the
 * activity port, newest first, with the summary each module wrote. The companies module renders
 * nothing itself: a summary is an i18n key of the reporting module plus parameters.
 */
import { and, desc, eq, lt, or, type SQL } from 'drizzle-orm'
import { decodeCursor, cursorTime, encodeCursor } from '../../../server/http/cursor'
import type { RequestContext } from '../../../server/http/context'
import type { CompanyJourneyPage, CompanyJourneyQuery } from '../company-journey.contract'
import type { JourneyStage } from '../companies.reference'
import { requireActor } from './companies.service'
import { companyActivity } from './companies.table'
import { getCompanyScope } from './company-scope'

export async function listCompanyJourney(ctx: RequestContext, companyId: string, query: CompanyJourneyQuery): Promise<CompanyJourneyPage> {
  const actor = requireActor(ctx)
  await getCompanyScope(ctx.db, actor, companyId)
  const conditions: SQL[] = [eq(companyActivity.companyId, companyId)]
  const cursor = decodeCursor(query.cursor)
  if (cursor) {
    const t = cursorTime(cursor)
    conditions.push(or(lt(companyActivity.occurredAt, t), and(eq(companyActivity.occurredAt, t), lt(companyActivity.id, cursor.id))) as SQL)
  }
  const rows = await ctx.db
    .select()
    .from(companyActivity)
    .where(and(...conditions))
    .orderBy(desc(companyActivity.occurredAt), desc(companyActivity.id))
    .limit(query.limit + 1)
  const page = rows.slice(0, query.limit)
  const last = page.at(-1)
  return {
    items: page.map((r) => ({
      id: r.id,
      stage: r.stage as JourneyStage,
      sourceType: r.sourceType,
      sourceId: r.sourceId,
      occurredAt: r.occurredAt.toISOString(),
      summary: r.summary ?? null,
    })),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ k: last.occurredAt.toISOString(), id: last.id }) : null,
  }
}
