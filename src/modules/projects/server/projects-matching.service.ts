/**
 * The matching endpoint (issue 5, "Expert pool → Matching"): for a project's company, gather what
 * the experts module's pure ranking (`rankTopExperts`) needs and return the head of its ranking
 * with the score breakdown.
 * The company side: ATECO section, province, comune seat, members (conflicts) and its gaps per DMA
 * dimension from its latest validated assessment (gap = lower bound of the next band − score, the
 * roadmap's default target). The expert side: the experts module's approved candidates, plus what
 * only this module knows: the days each expert is committed to this month in active projects
 * (workload) and the ratings staff gave them at the completion of past projects.
 */
import { sql } from 'drizzle-orm'
import { AppError } from '../../../shared/app-error'
import type { Db } from '../../../server/db/client'
import type { RequestContext } from '../../../server/http/context'
import { getDmaRules, latestValidatedScores } from '../../assessments'
import { DMA_DIMENSION_IDS, type DmaDimensionId } from '../../assessments/assessments.contract'
import { getCompany } from '../../companies'
import { listMatchCandidates, rankTopExperts, type ExpertMatch, type MatchCompanyInput } from '../../experts'
import { findCompanyRoadmapGaps, findRoadmapItemLinks } from '../../roadmaps'
import { italianDay } from '../../territory'
import { EXPERT_MATCH_LIMIT, type ExpertMatchList, type ExpertMatchQuery, type ExpertMatchView } from '../projects.contract'
import type { RoadmapItemRef } from './projects.table'
import { getWritableProject, requireActor } from './projects.service'
import { committedDaysThisMonth, expertRatings } from './support-days-reports.service'

/**
 * Gap per dimension: how far the score is below the lower bound of the next band (0 in the top
 * band), under the rules version the assessment was scored with.
 */
export function dimensionGaps(dimensions: Record<string, number>, rulesVersion: string): Partial<Record<DmaDimensionId, number>> {
  const bands = [...getDmaRules(rulesVersion).bands].sort((a, b) => a.min - b.min)
  const gaps: Partial<Record<DmaDimensionId, number>> = {}
  for (const id of DMA_DIMENSION_IDS) {
    const score = dimensions[id]
    if (score === undefined) continue
    const next = bands.find((b) => b.min > score)
    gaps[id] = next ? Math.round((next.min - score) * 10) / 10 : 0
  }
  return gaps
}

/** The dimensions the project's roadmap items work on (items of stored roadmaps only). */
async function projectDimensions(db: Db, companyId: string, refs: readonly RoadmapItemRef[]): Promise<Set<DmaDimensionId>> {
  const linked = refs.flatMap((r) => (r.roadmapId && r.itemId ? [{ roadmapId: r.roadmapId, itemId: r.itemId }] : []))
  const links = await findRoadmapItemLinks(db, companyId, linked)
  return new Set([...links.values()].map((l) => l.dimension))
}

/** Only the project's dimensions count, unless none of them has a gap left (then the whole roadmap's). */
export function focusGaps(gaps: Partial<Record<DmaDimensionId, number>>, dimensions: ReadonlySet<DmaDimensionId>): Partial<Record<DmaDimensionId, number>> {
  const focused = Object.fromEntries(Object.entries(gaps).filter(([d]) => dimensions.has(d as DmaDimensionId))) as Partial<Record<DmaDimensionId, number>>
  return Object.values(focused).some((g) => (g ?? 0) > 0) ? focused : gaps
}

async function memberUserIds(db: Db, companyId: string): Promise<string[]> {
  // The companies module's member links, read by name (it exports no list of a company's members).
  const result = await db.execute<{ user_id: string }>(sql`select user_id from company_members where company_id = ${companyId}::uuid`)
  const rows = (Array.isArray(result) ? result : (result as { rows: { user_id: string }[] }).rows) as { user_id: string }[]
  return rows.map((r) => r.user_id)
}

/**
 * The head of the ranking for the project's company: the best `limit` eligible experts with their
 * breakdown, the experts excluded for a conflict (at most `limit`), and how many there are of each.
 * The whole visible pool is scored (the head is exact); the cost is linear in the pool's size and
 * the response stays the same size whatever the pool (thousands of experts in a network).
 */
export async function projectExpertMatches(ctx: RequestContext, projectId: string, query: Partial<ExpertMatchQuery> = {}): Promise<ExpertMatchList> {
  const actor = requireActor(ctx)
  const limit = query.limit ?? EXPERT_MATCH_LIMIT
  const { row } = await getWritableProject(ctx.db, actor, projectId)
  const company = await getCompany(ctx, row.companyId)
  if (!company) throw new AppError('NOT_FOUND', 'errors.notFound')
  // "For a company and its roadmap": the current roadmap's gaps, narrowed to the dimensions of the
  // project's own roadmap items when it has some; without a roadmap, the latest assessment's.
  const roadmap = await findCompanyRoadmapGaps(ctx.db, company.id)
  const latest = roadmap ? null : await latestValidatedScores(ctx.db, company.id)
  const gaps = roadmap ? focusGaps(roadmap.gaps, await projectDimensions(ctx.db, company.id, row.roadmapItems)) : latest ? dimensionGaps(latest.dimensions, latest.rulesVersion) : {}
  const companyInput: MatchCompanyInput = {
    companyId: company.id,
    name: company.name,
    vatNumber: company.vatNumber,
    taxCode: company.taxCode,
    atecoSection: company.atecoSection,
    provinceCode: company.comune?.provinceCode ?? null,
    location: company.latitude !== null && company.longitude !== null ? { lat: company.latitude, lon: company.longitude } : null,
    gaps,
    memberUserIds: await memberUserIds(ctx.db, company.id),
  }
  const candidates = await listMatchCandidates(ctx.db, actor, { at: ctx.now() })
  const ids = candidates.map((c) => c.userId)
  const month = italianDay(ctx.now()).slice(0, 7)
  const committed = await committedDaysThisMonth(ctx.db, ids, month)
  const ratings = await expertRatings(ctx.db, ids)
  // The candidates are fresh: workload and ratings are filled in place (no copy of the pool).
  for (const c of candidates) {
    c.committedDaysPerMonth = committed.get(c.userId) ?? 0
    c.ratings = ratings.get(c.userId) ?? c.ratings
  }
  const ranked = rankTopExperts(companyInput, candidates, { limit })
  const returned = new Set([...ranked.items, ...ranked.excluded].map((m) => m.userId))
  const byId = new Map(candidates.filter((c) => returned.has(c.userId)).map((c) => [c.userId, c]))
  const view = (m: ExpertMatch): ExpertMatchView => {
    const expert = byId.get(m.userId)
    return {
      userId: m.userId,
      name: expert?.name ?? '',
      score: m.score,
      factors: m.factors,
      excluded: m.excluded,
      committedDaysPerMonth: expert?.committedDaysPerMonth ?? 0,
      availabilityDaysPerMonth: expert?.availabilityDaysPerMonth ?? 0,
    }
  }
  return {
    gaps,
    roadmapId: roadmap?.roadmapId ?? null,
    assessmentId: latest?.assessmentId ?? null,
    items: ranked.items.map(view),
    excluded: ranked.excluded.map(view),
    eligibleTotal: ranked.eligibleCount,
    excludedTotal: ranked.excludedCount,
    limit,
  }
}
