/**
 * Scoring rules `2024-r1` (Ponte's reference, dma.md "Scoring rules"), for both instruments.
 * Every block is scaled to 0-10 points; a dimension is the weighted mean of its blocks × 10 (all
 * weights 1 here, i.e. the plain mean); the overall score is the mean of the six dimensions.
 * The reference's open points are the explicit `switches`; a future official table is a new file
 * like this one, registered in dma.registry.ts.
 */
import type { DmaRulesVersion } from './dma.types'

export const DMA_RULES_2024_R1 = {
  id: '2024-r1',
  description: {
    en: "Ponte's reconstruction of the per-question points (reference dma.md, 2024): every block 0-10, dimensions the mean of their blocks × 10, overall the mean of the six dimensions.",
    it: 'Ricostruzione di Ponte dei punteggi per domanda (riferimento dma.md, 2024): ogni blocco vale 0-10, una dimensione è la media dei suoi blocchi × 10, il totale è la media delle sei dimensioni.',
  },
  switches: {
    exclusiveOptionWithOthers: 'error',
    unansweredRows: 'error',
    bandRounding: 'half-up',
  },
  tristateValues: { no: 0, partially: 0.5, yes: 1 },
  bands: [
    { id: 'basic', min: 0, max: 25, label: { en: 'Basic', it: 'Di base' } },
    { id: 'average', min: 26, max: 50, label: { en: 'Average', it: 'Medio' } },
    { id: 'moderately_advanced', min: 51, max: 75, label: { en: 'Moderately advanced', it: 'Moderatamente avanzato' } },
    { id: 'advanced', min: 76, max: 100, label: { en: 'Advanced', it: 'Avanzato' } },
  ],
  instruments: {
    'eu-dma-sme': {
      instrumentVersions: ['2024'],
      dimensions: {
        // n(Q1.plan)/10·10, n(Q1.already)/10·10, n(Q2)/10·10: "plan" and "already" weigh the same.
        D1: [
          { id: 'Q1.plan', formula: 'count', question: 'Q1', column: 'plan', denominator: 10, weight: 1 },
          { id: 'Q1.already', formula: 'count', question: 'Q1', column: 'already', denominator: 10, weight: 1 },
          { id: 'Q2', formula: 'count', question: 'Q2', denominator: 10, weight: 1 },
        ],
        D2: [
          { id: 'Q3', formula: 'count', question: 'Q3', denominator: 10, weight: 1 },
          { id: 'Q4', formula: 'sum05', question: 'Q4', max: 35, weight: 1 },
        ],
        D3: [
          { id: 'Q5', formula: 'count', question: 'Q5', denominator: 7, weight: 1 },
          { id: 'Q6', formula: 'count', question: 'Q6', denominator: 8, weight: 1 },
        ],
        // Q7: the 7 options other than option 2 ("Data is not collected digitally") count; option 2
        // alone gives 0 points (nothing counted), with others it is an error (switch above).
        D4: [
          { id: 'Q7', formula: 'countExcluding', question: 'Q7', exclude: [2], denominator: 7, weight: 1 },
          { id: 'Q8', formula: 'count', question: 'Q8', denominator: 6, weight: 1 },
        ],
        D5: [{ id: 'Q9', formula: 'sum05', question: 'Q9', max: 25, weight: 1 }],
        D6: [
          { id: 'Q10', formula: 'count', question: 'Q10', denominator: 10, weight: 1 },
          { id: 'Q11', formula: 'tristate', question: 'Q11', max: 5, weight: 1 },
        ],
      },
    },
    'eu-dma-pso': {
      instrumentVersions: ['2024'],
      dimensions: {
        D1: [
          { id: 'P1', formula: 'count', question: 'P1', denominator: 10, weight: 1 },
          { id: 'P2.plan', formula: 'count', question: 'P2', column: 'plan', denominator: 8, weight: 1 },
          { id: 'P2.already', formula: 'count', question: 'P2', column: 'already', denominator: 8, weight: 1 },
        ],
        D2: [
          { id: 'P3', formula: 'count', question: 'P3', denominator: 9, weight: 1 },
          { id: 'P4', formula: 'sum05', question: 'P4', max: 40, weight: 1 },
        ],
        D3: [
          { id: 'P5', formula: 'count', question: 'P5', denominator: 7, weight: 1 },
          { id: 'P6', formula: 'count', question: 'P6', denominator: 10, weight: 1 },
        ],
        D4: [
          { id: 'P7', formula: 'count', question: 'P7', denominator: 9, weight: 1 },
          { id: 'P8', formula: 'count', question: 'P8', denominator: 6, weight: 1 },
        ],
        D5: [
          { id: 'P9.plan', formula: 'count', question: 'P9', column: 'plan', denominator: 16, weight: 1 },
          { id: 'P9.already', formula: 'count', question: 'P9', column: 'already', denominator: 16, weight: 1 },
        ],
        D6: [
          { id: 'P10', formula: 'count', question: 'P10', denominator: 9, weight: 1 },
          { id: 'P11', formula: 'tristate', question: 'P11', max: 5, weight: 1 },
        ],
      },
    },
  },
} as const satisfies DmaRulesVersion
