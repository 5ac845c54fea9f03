/**
 * What the roadmaps module may read of an assessment (through this module's index): a validated
 * assessment's answers and scores, if the actor reads it, and whether they may plan on it (staff
 * who write the company's unit, or the expert who was its assessor).
 */
import { AppError } from '../../../shared/app-error'
import type { Db } from '../../../server/db/client'
import type { Actor } from '../../identity'
import type { CompanyScope } from '../../companies'
import { DMA_DIMENSION_IDS, type DmaDimensionId, type DmaInstrumentId } from '../assessments.contract'
import { and, asc, eq, inArray, ne } from 'drizzle-orm'
import { getScopedAssessment } from './assessments.service'
import { dimensionScoresOf } from './assessments.scoring'
import { assessments } from './assessments.table'

export interface AssessmentForRoadmap {
  id: string
  companyId: string
  unitId: string
  instrumentId: DmaInstrumentId
  instrumentVersion: string
  rulesVersion: string
  stage: string
  mode: string
  answers: Record<string, unknown>
  overall: number | null
  dimensions: Record<DmaDimensionId, number | null>
  assessedOn: string | null
  assessorId: string | null
  company: CompanyScope
  /** Staff who write the unit, or the assessment's expert assessor. */
  canPlan: boolean
}

export async function getAssessmentForRoadmap(db: Db, actor: Actor, assessmentId: string): Promise<AssessmentForRoadmap> {
  const scoped = await getScopedAssessment(db, actor, assessmentId)
  const { row } = scoped
  if (row.status !== 'validated' && row.status !== 'superseded') throw new AppError('CONFLICT', 'errors.roadmapAssessmentNotValidated', { status: row.status })
  const dimensions = Object.fromEntries(DMA_DIMENSION_IDS.map((d) => [d, row[d.toLowerCase() as 'd1'] ?? null])) as Record<DmaDimensionId, number | null>
  return {
    id: row.id,
    companyId: row.companyId,
    unitId: row.unitId,
    instrumentId: row.instrumentId as DmaInstrumentId,
    instrumentVersion: row.instrumentVersion,
    rulesVersion: row.rulesVersion,
    stage: row.stage,
    mode: row.mode,
    answers: row.answers as Record<string, unknown>,
    overall: row.overall,
    dimensions,
    assessedOn: row.assessedOn,
    assessorId: row.assessorId,
    company: scoped.company,
    canPlan: scoped.canWrite || row.assessorId === actor.userId,
  }
}

export interface AssessmentScores {
  stage: string
  overall: number | null
  assessedOn: string | null
  dimensions: Record<DmaDimensionId, number | null>
}

/**
 * An assessment's scores only, without a permission check: for readers of a record built on it (a
 * roadmap's company member or sign-off link) who may not read the assessment itself.
 */
export async function findAssessmentScores(db: Db, assessmentId: string): Promise<AssessmentScores | null> {
  const [row] = await db.select().from(assessments).where(eq(assessments.id, assessmentId))
  if (!row) return null
  return {
    stage: row.stage,
    overall: row.overall,
    assessedOn: row.assessedOn,
    dimensions: dimensionScoresOf(row),
  }
}

/** Validated T0 assessments filled in Ponte (with answers), oldest first: for the demo roadmaps. */
export async function listValidatedT0ForSeed(db: Db) {
  const rows = await db
    .select({
      id: assessments.id,
      companyId: assessments.companyId,
      unitId: assessments.unitId,
      instrumentId: assessments.instrumentId,
      instrumentVersion: assessments.instrumentVersion,
      rulesVersion: assessments.rulesVersion,
      answers: assessments.answers,
      validatedAt: assessments.validatedAt,
      assessorId: assessments.assessorId,
    })
    .from(assessments)
    .where(and(eq(assessments.stage, 'T0'), inArray(assessments.status, ['validated', 'superseded']), ne(assessments.mode, 'imported')))
    .orderBy(asc(assessments.validatedAt), asc(assessments.id))
  return rows.map((r) => ({ ...r, instrumentId: r.instrumentId as DmaInstrumentId }))
}
