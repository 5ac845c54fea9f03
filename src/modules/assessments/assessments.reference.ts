/**
 * The DMA engine and its data, isomorphic (no Node imports): instruments, rules versions, answer
 * validation, scoring, improvements, interpretation texts. The web app imports it from here for
 * live scoring (lint lets web code import a module's contract and reference files); the server
 * gets the same through index.ts.
 */
export * from './dma/dma.types'
export * from './dma/dma.labels'
export { EU_DMA_SME_2024 } from './dma/eu-dma-sme-2024.instrument'
export { EU_DMA_PSO_2024 } from './dma/eu-dma-pso-2024.instrument'
export { DMA_RULES_2024_R1 } from './dma/dma-2024-r1.rules'
export {
  checkDmaRules,
  DEFAULT_DMA_INSTRUMENT_VERSION,
  DEFAULT_DMA_RULES_VERSION,
  DMA_INSTRUMENTS,
  DMA_RULES_VERSIONS,
  findDmaInstrument,
  findDmaInstrumentRules,
  findDmaRules,
  getDmaInstrument,
  getDmaRules,
} from './dma/dma.registry'
export { DmaValidationError, emptyDmaAnswer, validateDmaAnswers, type DmaNormalizedAnswer, type DmaNormalizedAnswers, type DmaValidation } from './dma/dma.validate'
export { scoreBlock, scoreCount, scoreCountExcluding, scoreSum05, scoreTristate } from './dma/dma.formulas'
export { findDmaBand, roundDmaScoreForBand, scoreDmaAnswers, scoreNormalizedDmaAnswers } from './dma/dma.score'
export { listDmaImprovements } from './dma/dma.improvements'
export { DMA_INTERPRETATIONS, getDmaInterpretation, type DmaInterpretations } from './dma/dma.interpretations'
export { formatDmaIssue, type DmaMessageLocale } from './dma/dma.messages'
export { dmaBenchmarkOption, dmaRadarOption, DMA_SERIES_COLOURS, type DmaBenchmarkChartInput, type DmaBenchmarkSpread, type DmaChartSeries } from './dma/dma.chart'
