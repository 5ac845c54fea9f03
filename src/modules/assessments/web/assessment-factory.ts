/** Assessments as the API returns them, for web tests. */
import type { Assessment, AssessmentSummary } from '../assessments.contract'
import { EU_DMA_SME_2024, getDmaRules, listDmaImprovements, scoreDmaAnswers } from '../assessments.reference'

export const COMPANY_ID = 'c0000000-0000-4000-8000-000000000001'

export function buildAssessmentSummary(overrides: Partial<AssessmentSummary> = {}): AssessmentSummary {
  return {
    id: 'a5000000-0000-4000-8000-000000000001',
    seriesId: 'a5000000-0000-4000-8000-000000000001',
    version: 1,
    companyId: COMPANY_ID,
    companyName: 'Meccanica Bergamasca S.r.l.',
    unitId: 'u0000000-0000-4000-8000-000000000001',
    stage: 'T0',
    mode: 'assisted',
    instrument: 'eu-dma-sme',
    instrumentVersion: '2024',
    rulesVersion: '2024-r1',
    status: 'draft',
    overall: null,
    band: null,
    isLatest: false,
    assessedOn: '2026-11-20',
    submittedAt: null,
    validatedAt: null,
    createdAt: '2026-11-20T09:00:00Z',
    updatedAt: '2026-11-20T09:00:00Z',
    ...overrides,
  }
}

/** A full assessment; scored from `answers` by the real engine when it is not a draft. */
export function buildAssessment(overrides: Partial<Assessment> = {}, answers: Record<string, unknown> = { Q2: [1, 3], Q3: [1, 2, 6] }): Assessment {
  const summary = buildAssessmentSummary(overrides)
  const result = scoreDmaAnswers(EU_DMA_SME_2024, getDmaRules(), answers)
  const scores = {
    complete: true,
    rulesVersion: result.rulesVersion,
    overall: result.overall,
    band: result.band,
    dimensions: result.dimensions,
    dimensionBands: result.dimensionBands,
    blocks: result.blocks,
    interpretation: { overall: 'Interpretazione complessiva.', dimensions: { D1: 'd1', D2: 'd2', D3: 'd3', D4: 'd4', D5: 'd5', D6: 'd6' } },
    improvements: listDmaImprovements(EU_DMA_SME_2024, answers),
  }
  return {
    ...summary,
    overall: summary.status === 'draft' ? null : result.overall,
    band: summary.status === 'draft' ? null : result.band,
    answers,
    evidence: {},
    customerData: {},
    issues: [],
    scores,
    assessor: { id: 'u1', name: 'Giulia Esperta' },
    prefilledFromId: null,
    peerGroup: null,
    validatedBy: null,
    can: { update: summary.status === 'draft', submit: summary.status === 'draft', validate: summary.status === 'submitted', correct: summary.status === 'validated', delete: summary.status === 'draft', sendLink: summary.status === 'draft' && summary.mode === 'self' },
    ...overrides,
  } as Assessment
}
