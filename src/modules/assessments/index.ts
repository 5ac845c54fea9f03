/**
 * Assessments module (activity layer): the EU/JRC Digital Maturity Assessment (DMA) for SMEs and
 * public sector organisations. For now the pure engine (`assessments.reference.ts`): instruments
 * and rules versions as data, validation, scoring, improvements, interpretations; used by
 * `ponte dma score`. Stored assessments, their lifecycle and rescoring come on top of it.
 */
export * from './assessments.reference'
