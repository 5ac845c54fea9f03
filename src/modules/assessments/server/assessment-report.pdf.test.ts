import { describe, expect, it } from 'vitest'
import { EU_DMA_SME_2024, getDmaRules, listDmaImprovements, scoreDmaAnswers } from '../assessments.reference'
import { pdfText } from '../../../../tests/support/pdf-text'
import { renderAssessmentReportPdf, renderRadarSvg, type AssessmentReportInput } from './assessment-report.pdf'

// dma.md's example answers: overall 21.83 (basic), D2 25.71 (average once rounded).
const answers = {
  Q1: { plan: [1, 2, 6], already: [6, 8] },
  Q2: [1, 3, 5],
  Q3: [1, 2, 6, 10],
  Q4: [0, 0, 3, 0, 1, 0, 0],
  Q5: [3],
  Q6: [1, 2],
  Q7: [3, 5],
  Q8: [2, 5],
  Q9: [0, 0, 0, 0, 2],
  Q10: [10],
  Q11: ['no', 'partially', 'no', 'no', 'yes'],
}

function input(locale: 'it' | 'en', benchmark: AssessmentReportInput['benchmark']): AssessmentReportInput {
  const result = scoreDmaAnswers(EU_DMA_SME_2024, getDmaRules(), answers)
  const improvements = Object.values(listDmaImprovements(EU_DMA_SME_2024, answers)).flat()
  return {
    locale,
    unitName: 'Antenna Bergamo',
    company: { name: 'Meccanica Bergamasca S.r.l.', vatNumber: '01234560165' },
    instrument: EU_DMA_SME_2024,
    stage: 'T1',
    mode: 'assisted',
    assessedOn: '2026-11-20',
    assessor: 'Giulia Esperta',
    result,
    history: [
      { label: 'T0', dimensions: { D1: 10, D2: 10, D3: 10, D4: 10, D5: 0, D6: 10 } },
      { label: 'T1', dimensions: result.dimensions as AssessmentReportInput['history'][number]['dimensions'] },
    ],
    benchmark,
    improvements,
    generatedAt: new Date('2026-11-23T10:00:00Z'),
  }
}

describe('the assessment report PDF', () => {
  it('is a PDF that names the unit, the company, the scores with their bands, and the next steps, in Italian', async () => {
    const pdf = await renderAssessmentReportPdf(input('it', {
        group: 'Manifattura · piccole imprese · Lombardia',
        size: 42,
        overall: 61.9,
        dimensions: { D1: 55, D2: 40 },
        scores: { overall: 21.8, D1: 30, D2: 25.7, D3: 10, D4: 10, D5: 20, D6: 30 },
        distribution: Object.fromEntries(['overall', 'D1', 'D2', 'D3', 'D4', 'D5', 'D6'].map((k) => [k, { p10: 5, q1: 12, median: 20, q3: 30, p90: 44 }])),
      }),)
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    const text = await pdfText(pdf)
    expect(text).toContain('Antenna Bergamo')
    expect(text).toContain('Meccanica Bergamasca S.r.l.')
    expect(text).toContain('Punteggio complessivo: 21,8 / 100 — Di base')
    expect(text).toContain('D2 Prontezza digitale')
    expect(text).toContain('25,7')
    expect(text).toContain('Medio')
    expect(text).toContain('supera il 62% delle aziende del gruppo')
    // The box plot's legend, drawn as vector text.
    expect(text).toContain('Aziende simili (dal 10° al 90° percentile)')
    expect(text).toContain('Prossimi passi')
    expect(text).toContain('traduzione non ufficiale')
  })

  it('says in English when the peer group is too small, and never shows a percentile then', async () => {
    const text = await pdfText(await renderAssessmentReportPdf(input('en', null)))
    expect(text).toContain('Overall score: 21.8 / 100 — Basic')
    expect(text).toContain('There are not yet enough assessments of similar companies')
    expect(text).not.toContain('Percentile')
  })

  it('draws the radar as SVG on the server with both stages', () => {
    const svg = renderRadarSvg(EU_DMA_SME_2024, input('it', null).history, 'it')
    expect(svg.startsWith('<svg')).toBe(true)
    expect(svg).toContain('T0')
    expect(svg).toContain('T1')
  })
})
