/**
 * The company activity port (issue 3, "Journey stage derived from activity"; "contacted in period").
 *
 * Every module whose records are evidence of a company's journey (interactions now; events,
 * assessments, roadmaps, support days later) reports them here, inside its own transaction:
 *
 *   recordCompanyActivity(tx, { companyId, stage, sourceType, sourceId, occurredAt })
 *     when a record is created or changed (an upsert keyed on sourceType + sourceId + companyId);
 *   removeCompanyActivity(tx, { sourceType, sourceId })
 *     when the record is deleted (every company it was recorded for);
 *
 * and both recompute `companies.stage` (`recomputeCompanyStage`): the furthest stage with evidence
 * (company-stage.calculation.ts), 'contacted' when there is none. The module never reads the other
 * modules' tables: `company_activity` is all the companies module knows of them, which is also what
 * the list's "contacted in period" filter (`contactedInPeriod`) and merges (`companyActivityMover`)
 * work on. Suggested evidence: interaction call/email/note/document → 'contacted',
 * meeting/visit/event → 'engaged'; a first assessment → 'assessed'; a roadmap → 'roadmap'; a support
 * day → 'supported'; a later assessment → 'reassessed'.
 */
import { and, count, eq, inArray, sql, type SQL } from 'drizzle-orm'
import type { Db } from '../../../server/db/client'
import type { JourneyStage } from '../companies.reference'
import type { CompanyReferenceMover } from './company-references'
import { deriveJourneyStage } from './company-stage.calculation'
import { companies, companyActivity, type CompanyActivitySummary } from './companies.table'

export interface CompanyActivityInput {
  companyId: string
  /** The stage this record is evidence of. */
  stage: JourneyStage
  /** The reporting module's record type ('interaction', 'assessment', …) and id. */
  sourceType: string
  sourceId: string
  occurredAt: Date
  /**
   * What the company's journey timeline shows: an i18n key of the reporting module's web strings,
   * its parameters, and the record's page. Left out, an update keeps the summary it had.
   */
  summary?: CompanyActivitySummary
}

/**
 * Sets `companies.stage` to the furthest stage evidenced by the company's activity and returns it.
 * Leaves `updated_at` alone: the stage is derived, nobody edited the company.
 */
export async function recomputeCompanyStage(tx: Db, companyId: string): Promise<JourneyStage> {
  const stages = await recomputeCompanyStages(tx, [companyId])
  const stage = stages.get(companyId)
  if (!stage) throw new Error('stage not computed')
  return stage
}

/** Batch form: one read of the evidence, then one update per resulting stage. */
export async function recomputeCompanyStages(tx: Db, companyIds: readonly string[]): Promise<Map<string, JourneyStage>> {
  const ids = [...new Set(companyIds)]
  const result = new Map<string, JourneyStage>()
  if (ids.length === 0) return result
  const evidence = new Map<string, string[]>(ids.map((id) => [id, []]))
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await tx
      .selectDistinct({ companyId: companyActivity.companyId, stage: companyActivity.stage })
      .from(companyActivity)
      .where(inArray(companyActivity.companyId, ids.slice(i, i + CHUNK)))
    for (const r of rows) evidence.get(r.companyId)?.push(r.stage)
  }
  const byStage = new Map<JourneyStage, string[]>()
  for (const [id, stages] of evidence) {
    const stage = deriveJourneyStage(stages)
    result.set(id, stage)
    byStage.set(stage, [...(byStage.get(stage) ?? []), id])
  }
  for (const [stage, list] of byStage) {
    for (let i = 0; i < list.length; i += CHUNK) {
      await tx
        .update(companies)
        .set({ stage })
        .where(and(inArray(companies.id, list.slice(i, i + CHUNK)), sql`${companies.stage} is distinct from ${stage}`))
    }
  }
  return result
}

/** Ids per statement in batch work (well under PostgreSQL's parameter limit). */
const CHUNK = 1000

/** Records (or updates) one piece of evidence and recomputes the company's stage. */
export async function recordCompanyActivity(tx: Db, input: CompanyActivityInput): Promise<JourneyStage> {
  await upsertActivities(tx, [input])
  return recomputeCompanyStage(tx, input.companyId)
}

/**
 * Batch form of `recordCompanyActivity` for seeds and imports: chunked upserts, then one batched
 * recomputation of the companies' stages.
 */
export async function recordCompanyActivities(tx: Db, inputs: readonly CompanyActivityInput[]): Promise<void> {
  await upsertActivities(tx, inputs)
  await recomputeCompanyStages(tx, inputs.map((a) => a.companyId))
}

async function upsertActivities(tx: Db, inputs: readonly CompanyActivityInput[]): Promise<void> {
  for (let i = 0; i < inputs.length; i += CHUNK / 5) {
    await tx
      .insert(companyActivity)
      .values(
        inputs.slice(i, i + CHUNK / 5).map((a) => ({ companyId: a.companyId, stage: a.stage, sourceType: a.sourceType, sourceId: a.sourceId, occurredAt: a.occurredAt, summary: a.summary ?? null })),
      )
      .onConflictDoUpdate({
        target: [companyActivity.sourceType, companyActivity.sourceId, companyActivity.companyId],
        set: { stage: sql`excluded.stage`, occurredAt: sql`excluded.occurred_at`, summary: sql`coalesce(excluded.summary, ${companyActivity.summary})` },
      })
  }
}

/**
 * Removes the evidence of a deleted record (for every company it was recorded for) and recomputes
 * those companies' stages. Removing what was never recorded is a no-op.
 */
export async function removeCompanyActivity(tx: Db, source: { sourceType: string; sourceId: string }): Promise<void> {
  const removed = await tx
    .delete(companyActivity)
    .where(and(eq(companyActivity.sourceType, source.sourceType), eq(companyActivity.sourceId, source.sourceId)))
    .returning({ companyId: companyActivity.companyId })
  await recomputeCompanyStages(tx, removed.map((r) => r.companyId))
}

/**
 * "Contacted in period" (issue 3, list filters): the company has activity on or after `from` and on
 * or before `to` (inclusive Italian calendar days, `YYYY-MM-DD`). Either bound may be left out.
 */
export function contactedInPeriod(from: string | undefined, to: string | undefined): SQL | null {
  if (!from && !to) return null
  const bounds: SQL[] = [sql`${companyActivity.companyId} = ${companies.id}`]
  // Days are Italian days: midnight in Rome, whatever the server's time zone.
  if (from) bounds.push(sql`${companyActivity.occurredAt} >= (${from}::date)::timestamp at time zone 'Europe/Rome'`)
  if (to) bounds.push(sql`${companyActivity.occurredAt} < (${to}::date + 1)::timestamp at time zone 'Europe/Rome'`)
  return sql`exists (select 1 from ${companyActivity} where ${and(...bounds)})`
}

interface ActivityMoveToken {
  from: string
  to: string
  /** Rows whose company_id moved from `from` to `to`. */
  moved: string[]
  /** Rows of `from` dropped because `to` already had the same source (kept whole for undo). */
  dropped: { id: string; stage: string; sourceType: string; sourceId: string; occurredAt: string; createdAt: string; summary?: CompanyActivitySummary | null }[]
}

/**
 * Merge support: the merged company's activity becomes the survivor's (its stage is recomputed), and
 * the undo gives it back. Wired in src/server/company-references.ts.
 */
export const companyActivityMover: CompanyReferenceMover = {
  name: 'company_activity',
  async count(db, companyId) {
    const [row] = await db.select({ n: count() }).from(companyActivity).where(eq(companyActivity.companyId, companyId))
    return row?.n ?? 0
  },
  async referencing(db, companyIds) {
    if (companyIds.length === 0) return []
    const rows = await db.selectDistinct({ id: companyActivity.companyId }).from(companyActivity).where(inArray(companyActivity.companyId, [...companyIds]))
    return rows.map((r) => r.id)
  },
  async move(tx, fromCompanyId, toCompanyId) {
    // A source already recorded for the survivor (the same event attended by both) keeps one row.
    const clashing = await tx
      .select()
      .from(companyActivity)
      .where(
        and(
          eq(companyActivity.companyId, fromCompanyId),
          sql`exists (select 1 from ${companyActivity} as other where other.company_id = ${toCompanyId}
                and other.source_type = ${companyActivity.sourceType} and other.source_id = ${companyActivity.sourceId})`,
        ),
      )
    if (clashing.length > 0) await tx.delete(companyActivity).where(inArray(companyActivity.id, clashing.map((r) => r.id)))
    const moved = await tx
      .update(companyActivity)
      .set({ companyId: toCompanyId })
      .where(eq(companyActivity.companyId, fromCompanyId))
      .returning({ id: companyActivity.id })
    await recomputeCompanyStages(tx, [toCompanyId, fromCompanyId])
    const token: ActivityMoveToken = {
      from: fromCompanyId,
      to: toCompanyId,
      moved: moved.map((r) => r.id),
      dropped: clashing.map((r) => ({
        id: r.id, stage: r.stage, sourceType: r.sourceType, sourceId: r.sourceId, occurredAt: r.occurredAt.toISOString(), createdAt: r.createdAt.toISOString(), summary: r.summary,
      })),
    }
    return token
  },
  async undo(tx, token) {
    const { from, to, moved, dropped } = token as ActivityMoveToken
    if (moved.length > 0) await tx.update(companyActivity).set({ companyId: from }).where(inArray(companyActivity.id, moved))
    if (dropped.length > 0) {
      await tx.insert(companyActivity).values(
        dropped.map((r) => ({ ...r, companyId: from, occurredAt: new Date(r.occurredAt), createdAt: new Date(r.createdAt), summary: r.summary ?? null })),
      )
    }
    await recomputeCompanyStages(tx, [from, to])
  },
}
