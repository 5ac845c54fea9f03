/**
 * What modules above or beside roadmaps (projects) may ask of a company's roadmaps, through this
 * module's index: the items a project starts from (checked to belong to the company's roadmap, with
 * their titles as stored), and the gaps matching should read (the company's current roadmap).
 */
import { and, desc, eq, inArray, ne } from 'drizzle-orm'
import type { Db } from '../../../server/db/client'
import { findAssessmentScores } from '../../assessments'
import type { DmaDimensionId } from '../../assessments/assessments.contract'
import { roadmapGaps } from './roadmap-generation'
import { roadmaps, roadmapVersions } from './roadmap-records.table'

export interface RoadmapItemLink {
  roadmapId: string
  itemId: string
  actionId: string | null
  /** The item's Italian title in the roadmap's current version. */
  title: string
  dimension: DmaDimensionId
}

/**
 * The items of the company's roadmaps named by `refs`, from each roadmap's current version; refs to
 * another company's roadmap, an archived one or an item no longer in it are left out (the caller
 * reports them).
 */
export async function findRoadmapItemLinks(db: Db, companyId: string, refs: readonly { roadmapId: string; itemId: string }[]): Promise<Map<string, RoadmapItemLink>> {
  const found = new Map<string, RoadmapItemLink>()
  const ids = [...new Set(refs.map((r) => r.roadmapId))]
  if (ids.length === 0) return found
  const rows = await db
    .select({ id: roadmaps.id, version: roadmaps.version, items: roadmapVersions.items })
    .from(roadmaps)
    .innerJoin(roadmapVersions, and(eq(roadmapVersions.roadmapId, roadmaps.id), eq(roadmapVersions.version, roadmaps.version)))
    .where(and(inArray(roadmaps.id, ids), eq(roadmaps.companyId, companyId), ne(roadmaps.status, 'archived')))
  const wanted = new Set(refs.map((r) => `${r.roadmapId}:${r.itemId}`))
  for (const row of rows) {
    for (const item of row.items) {
      const key = `${row.id}:${item.id}`
      if (wanted.has(key)) found.set(key, { roadmapId: row.id, itemId: item.id, actionId: item.actionId, title: item.title.it, dimension: item.dimension })
    }
  }
  return found
}

export interface CompanyRoadmapGaps {
  roadmapId: string
  /** Points below target per dimension (targets of the roadmap's current version). */
  gaps: Partial<Record<DmaDimensionId, number>>
}

/** The gaps of the company's current roadmap: the latest signed one, else the latest not archived. */
export async function findCompanyRoadmapGaps(db: Db, companyId: string): Promise<CompanyRoadmapGaps | null> {
  const candidates = await db
    .select()
    .from(roadmaps)
    .where(and(eq(roadmaps.companyId, companyId), ne(roadmaps.status, 'archived')))
    .orderBy(desc(roadmaps.updatedAt), desc(roadmaps.id))
  const current = candidates.find((r) => r.status === 'signed') ?? candidates[0]
  if (!current) return null
  const [version] = await db.select().from(roadmapVersions).where(and(eq(roadmapVersions.roadmapId, current.id), eq(roadmapVersions.version, current.version)))
  const scores = await findAssessmentScores(db, current.assessmentId)
  if (!version || !scores) return null
  const gaps: Partial<Record<DmaDimensionId, number>> = {}
  for (const g of roadmapGaps(scores.dimensions, version.targets, version.importance)) gaps[g.dimension] = g.gap
  return { roadmapId: current.id, gaps }
}
