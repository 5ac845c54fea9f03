/**
 * Demo assessments: a validated T0 for about two companies in three, and a validated T1 for about a
 * third of those, with answers drawn around a maturity level per company (so scores spread over all
 * bands) and scored by the real engine. Enough per peer group that the benchmark shows for the
 * common groups (issue 4 acceptance). Deterministic (seeded PRNG) and batched.
 */
import { randomUUID } from 'node:crypto'
import type { Db } from '../../../server/db/client'
import { recordCompanyActivities, type CompanyActivityInput } from '../../companies'
import { DMA_DIMENSION_IDS, type DmaInstrumentId } from '../assessments.contract'
import { getDmaInstrument, getDmaRules, scoreDmaAnswers, type DmaInstrument } from '../assessments.reference'
import { assessments } from './assessments.table'
import { prng } from '../../../shared/prng'

/**
 * Answers of an organisation at maturity `level` (0-1): each option is selected with probability
 * about `level`, 0-5 rows and tri-state rows lean the same way. Valid by construction (the
 * exclusive Q7 option only ever alone).
 */
export function demoDmaAnswers(instrument: DmaInstrument, level: number, random: () => number): Record<string, unknown> {
  const pick = () => random() < level
  const answers: Record<string, unknown> = {}
  for (const question of instrument.questions) {
    const n = question.options.length
    const numbers = Array.from({ length: n }, (_, i) => i + 1)
    switch (question.type) {
      case 'checkbox': {
        const exclusive = new Set(question.exclusiveOptions ?? [])
        const selected = numbers.filter((o) => !exclusive.has(o) && pick())
        answers[question.id] = selected.length === 0 && exclusive.size > 0 && level < 0.25 ? [...exclusive].slice(0, 1) : selected
        break
      }
      case 'dual':
        answers[question.id] = { plan: numbers.filter(pick), already: numbers.filter(pick) }
        break
      case 'scale05':
        answers[question.id] = numbers.map(() => Math.min(5, Math.max(0, Math.round(level * 5 * (0.4 + random() * 1.2) - 0.8))))
        break
      case 'tristate':
        answers[question.id] = numbers.map(() => {
          const r = random()
          return r < level * 0.6 ? 'yes' : r < level * 1.2 ? 'partially' : 'no'
        })
        break
    }
  }
  return answers
}

export interface DemoCompanyForAssessments {
  id: string
  unitId: string
  atecoSection: string | null
  sizeClass: string | null
  regionCode: string | null
  /** Public bodies take the PSO questionnaire. */
  isPublicBody: boolean
}

export interface DemoAssessmentsInput {
  companies: readonly DemoCompanyForAssessments[]
  /** Who assesses and validates in each unit (the antenna's staff). */
  staffByUnit: ReadonlyMap<string, readonly string[]>
  /** Experts of each unit: every third company's assisted assessments are theirs (staff validate). */
  expertsByUnit?: ReadonlyMap<string, readonly string[]>
  now?: Date
}

const DAY = 86_400_000

export async function seedDemoAssessments(tx: Db, input: DemoAssessmentsInput): Promise<{ assessments: number }> {
  const random = prng(4_2024)
  const now = input.now ?? new Date()
  const rules = getDmaRules()
  const rows: (typeof assessments.$inferInsert)[] = []
  const activity: CompanyActivityInput[] = []
  let assessed = 0
  for (const company of input.companies) {
    if (random() > 0.66) continue
    const staff = input.staffByUnit.get(company.unitId) ?? []
    const assessor = staff.length > 0 ? staff[Math.floor(random() * staff.length)] : undefined
    // No extra draws from the PRNG: the rest of the demo stays as it was.
    const experts = input.expertsByUnit?.get(company.unitId) ?? []
    const expert = assessed++ % 3 === 0 && experts.length > 0 ? experts[assessed % experts.length] : undefined
    const instrumentId: DmaInstrumentId = company.isPublicBody ? 'eu-dma-pso' : 'eu-dma-sme'
    const instrument = getDmaInstrument(instrumentId)
    const level = 0.12 + random() * 0.6
    const withT1 = random() < 0.33
    const stages = withT1 ? (['T0', 'T1'] as const) : (['T0'] as const)
    let previous: string | null = null
    for (const stage of stages) {
      const id = randomUUID()
      const answers = demoDmaAnswers(instrument, stage === 'T1' ? Math.min(0.95, level + 0.12 + random() * 0.12) : level, random)
      const result = scoreDmaAnswers(instrument, rules, answers)
      const assessedAt = stage === 'T0' ? new Date(now.getTime() - (200 + Math.floor(random() * 330)) * DAY) : new Date(now.getTime() - (10 + Math.floor(random() * 150)) * DAY)
      const latest = stage === stages[stages.length - 1]
      const mode = random() < 0.55 ? 'assisted' : 'self'
      // An assisted assessment of an expert's company: the expert assessed and submitted it.
      const by = mode === 'assisted' && expert ? expert : assessor
      rows.push({
        id,
        seriesId: id,
        version: 1,
        companyId: company.id,
        unitId: company.unitId,
        stage,
        mode,
        instrumentId,
        instrumentVersion: instrument.version,
        rulesVersion: rules.id,
        status: 'validated',
        answers,
        assessorId: by ?? null,
        prefilledFromId: previous,
        overall: result.overall,
        band: result.band,
        ...Object.fromEntries(DMA_DIMENSION_IDS.map((d) => [d.toLowerCase(), result.dimensions[d]])),
        result: result as unknown as Record<string, unknown>,
        atecoSection: company.atecoSection,
        sizeClass: company.sizeClass,
        regionCode: company.regionCode,
        isLatest: latest,
        submittedAt: assessedAt,
        submittedBy: by ?? null,
        validatedAt: new Date(assessedAt.getTime() + 2 * DAY),
        validatedBy: assessor ?? null,
        assessedOn: assessedAt.toISOString().slice(0, 10),
        createdBy: assessor ?? null,
        createdAt: assessedAt,
        updatedAt: assessedAt,
      })
      activity.push({
        companyId: company.id, stage: stage === 'T0' ? 'assessed' : 'reassessed', sourceType: 'assessment', sourceId: id, occurredAt: assessedAt,
        summary: { key: 'assessments.journey.validated', params: { stage, instrument: instrumentId, overall: Math.round(result.overall) }, href: `/assessments/${id}` },
      })
      previous = id
    }
  }
  for (let i = 0; i < rows.length; i += 200) await tx.insert(assessments).values(rows.slice(i, i + 200))
  // Also moves each company's journey stage to assessed / reassessed.
  await recordCompanyActivities(tx, activity)
  return { assessments: rows.length }
}
