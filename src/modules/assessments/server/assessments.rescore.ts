/**
 * `ponte dma rescore`: recomputes the stored scores of every assessment that has answers (imported
 * ones carry scores from elsewhere, not answers) under one rules version, so a corrected scoring
 * table reaches stored assessments. Raw answers never change; a dry run writes nothing.
 */
import { and, asc, eq, gt, ne, sql } from 'drizzle-orm'
import { AppError } from '../../../shared/app-error'
import type { RequestContext } from '../../../server/http/context'
import { DMA_RULES_VERSIONS, findDmaInstrument, findDmaInstrumentRules, findDmaRules } from '../assessments.reference'
import { evaluateAnswers, scoreColumns } from './assessments.scoring'
import { auditable } from './assessments.service'
import { assessments } from './assessments.table'

export interface RescoreChange {
  id: string
  status: string
  fromRules: string
  old: { overall: number | null; band: string | null }
  new: { overall: number | null; band: string | null }
}

export interface RescoreReport {
  rulesVersion: string
  dryRun: boolean
  /** Assessments with answers looked at. */
  examined: number
  /** Those whose rules version or scores change (or would, in a dry run). */
  changed: RescoreChange[]
  /** Not rescored: the rules do not cover their questionnaire version. */
  skipped: { id: string; reason: string }[]
  /** Not looked at: imported assessments hold scores from elsewhere and no answers to rescore. */
  importedSkipped: number
}

const BATCH = 500
/** Float noise is not a change. */
const EPSILON = 1e-9

export async function rescoreAssessments(ctx: RequestContext, options: { rulesVersion: string; dryRun: boolean }): Promise<RescoreReport> {
  const rules = findDmaRules(options.rulesVersion)
  if (!rules) throw new AppError('VALIDATION', 'errors.assessmentRulesUnknown', { rulesVersion: options.rulesVersion, known: DMA_RULES_VERSIONS.map((r) => r.id).join(', ') })
  const report: RescoreReport = { rulesVersion: rules.id, dryRun: options.dryRun, examined: 0, changed: [], skipped: [], importedSkipped: 0 }
  const [imported] = await ctx.db.select({ n: sql<number>`count(*)::int` }).from(assessments).where(eq(assessments.mode, 'imported'))
  report.importedSkipped = Number(imported?.n ?? 0)
  let after = '00000000-0000-0000-0000-000000000000'
  for (;;) {
    const rows = await ctx.db
      .select()
      .from(assessments)
      .where(and(ne(assessments.mode, 'imported'), sql`${assessments.answers} <> '{}'::jsonb`, gt(assessments.id, after)))
      .orderBy(asc(assessments.id))
      .limit(BATCH)
    if (rows.length === 0) break
    after = rows[rows.length - 1]?.id ?? after
    for (const row of rows) {
      report.examined++
      const instrument = findDmaInstrument(row.instrumentId, row.instrumentVersion)
      if (!instrument || !findDmaInstrumentRules(rules, instrument)) {
        report.skipped.push({ id: row.id, reason: `rules ${rules.id} do not cover ${row.instrumentId}@${row.instrumentVersion}` })
        continue
      }
      const columns = scoreColumns(evaluateAnswers(instrument, rules, row.answers).result)
      const sameScore = row.overall === null || columns.overall === null ? row.overall === columns.overall : Math.abs(row.overall - columns.overall) < EPSILON
      if (row.rulesVersion === rules.id && sameScore && row.band === columns.band) continue
      report.changed.push({ id: row.id, status: row.status, fromRules: row.rulesVersion, old: { overall: row.overall, band: row.band }, new: { overall: columns.overall, band: columns.band } })
      if (options.dryRun) continue
      await ctx.db.transaction(async (tx) => {
        const [updated] = await tx.update(assessments).set({ rulesVersion: rules.id, ...columns }).where(eq(assessments.id, row.id)).returning()
        if (updated) {
          await ctx.deps.audit.record(tx, ctx, { action: 'update', entityType: 'assessment', entityId: row.id, unitId: row.unitId, before: auditable(row), after: auditable(updated) })
        }
      })
    }
  }
  return report
}
