/**
 * The benchmark of one assessment for whoever reads it: its stored scores against the latest
 * validated assessments of its peer group (see assessment-benchmark.ts for the groups and the
 * k-anonymity floor). Only a validated (or since corrected) assessment has a peer group.
 */
import type { RequestContext } from '../../../server/http/context'
import type { AssessmentBenchmarkResponse, DmaDimensionId } from '../assessments.contract'
import { benchmarkAssessment, K_ANONYMITY } from './assessment-benchmark'
import { getScopedAssessment, requireActor } from './assessments.service'

export async function getAssessmentBenchmark(ctx: RequestContext, id: string): Promise<AssessmentBenchmarkResponse> {
  const { row } = await getScopedAssessment(ctx.db, requireActor(ctx), id)
  const none = (unavailable: 'not_validated' | 'group_too_small') => ({ benchmark: null, unavailable, minimumGroupSize: K_ANONYMITY })
  if ((row.status !== 'validated' && row.status !== 'superseded') || row.overall === null) return none('not_validated')
  const dimensions = { D1: row.d1 ?? 0, D2: row.d2 ?? 0, D3: row.d3 ?? 0, D4: row.d4 ?? 0, D5: row.d5 ?? 0, D6: row.d6 ?? 0 } satisfies Record<DmaDimensionId, number>
  const result = await benchmarkAssessment(
    ctx.db,
    row.instrumentId,
    { atecoSection: row.atecoSection, sizeClass: row.sizeClass, regionCode: row.regionCode },
    { overall: row.overall, dimensions },
  )
  if (!result) return none('group_too_small')
  return {
    benchmark: {
      level: result.level,
      group: result.group,
      size: result.size,
      scores: { overall: row.overall, ...dimensions },
      percentiles: { overall: result.overall, ...result.dimensions },
      distribution: result.distribution,
    },
    unavailable: null,
    minimumGroupSize: K_ANONYMITY,
  }
}
