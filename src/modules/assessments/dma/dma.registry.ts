/**
 * Every instrument version and rules version Ponte knows, and the defaults for new assessments.
 * Adding the official Italian wording or a new scoring table = a new data file registered here
 * (older versions stay, so stored assessments can always be shown and rescored).
 */
import { DMA_DIMENSION_IDS, type DmaInstrumentId } from '../assessments.contract'
import { DMA_RULES_2024_R1 } from './dma-2024-r1.rules'
import type { DmaInstrument, DmaInstrumentRules, DmaRulesVersion } from './dma.types'
import { EU_DMA_PSO_2024 } from './eu-dma-pso-2024.instrument'
import { EU_DMA_SME_2024 } from './eu-dma-sme-2024.instrument'

export const DMA_INSTRUMENTS: readonly DmaInstrument[] = [EU_DMA_SME_2024, EU_DMA_PSO_2024]
export const DMA_RULES_VERSIONS: readonly DmaRulesVersion[] = [DMA_RULES_2024_R1]

/** What a new assessment uses. */
export const DEFAULT_DMA_INSTRUMENT_VERSION: { readonly [I in DmaInstrumentId]: string } = { 'eu-dma-sme': '2024', 'eu-dma-pso': '2024' }
export const DEFAULT_DMA_RULES_VERSION = '2024-r1'

export function findDmaInstrument(id: string, version?: string): DmaInstrument | undefined {
  const wanted = version ?? (DEFAULT_DMA_INSTRUMENT_VERSION as Record<string, string | undefined>)[id]
  return DMA_INSTRUMENTS.find((instrument) => instrument.id === id && instrument.version === wanted)
}

export function findDmaRules(version: string = DEFAULT_DMA_RULES_VERSION): DmaRulesVersion | undefined {
  return DMA_RULES_VERSIONS.find((rules) => rules.id === version)
}

/** The instrument (default version unless given); throws on an unknown one (a programming error). */
export function getDmaInstrument(id: DmaInstrumentId, version?: string): DmaInstrument {
  const instrument = findDmaInstrument(id, version)
  if (!instrument) throw new Error(`Unknown DMA instrument ${id}@${version ?? 'default'}`)
  return instrument
}

export function getDmaRules(version: string = DEFAULT_DMA_RULES_VERSION): DmaRulesVersion {
  const rules = findDmaRules(version)
  if (!rules) throw new Error(`Unknown DMA rules version ${version}`)
  return rules
}

/** The blocks of `rules` for this instrument version, or undefined when the rules do not cover it. */
export function findDmaInstrumentRules(rules: DmaRulesVersion, instrument: DmaInstrument): DmaInstrumentRules | undefined {
  const table = rules.instruments[instrument.id]
  return table?.instrumentVersions.includes(instrument.version) ? table : undefined
}

/**
 * Problems of a rules version for an instrument version (empty when consistent): every block reads
 * a question of its own dimension with a fitting formula, cannot exceed 10 points, every question
 * is scored, bands cover 0-100 without gaps. Tests run it over every registered pair.
 */
export function checkDmaRules(rules: DmaRulesVersion, instrument: DmaInstrument): string[] {
  const problems: string[] = []
  const table = findDmaInstrumentRules(rules, instrument)
  if (!table) return [`rules ${rules.id} do not cover ${instrument.id}@${instrument.version}`]
  const questions = new Map(instrument.questions.map((q) => [q.id, q]))
  const used = new Set<string>()
  const ids = new Set<string>()
  const topTristate = Math.max(...Object.values(rules.tristateValues))
  for (const dimension of DMA_DIMENSION_IDS) {
    const blocks = table.dimensions[dimension]
    if (blocks.length === 0) problems.push(`${dimension} has no blocks`)
    for (const block of blocks) {
      if (ids.has(block.id)) problems.push(`block id ${block.id} is used twice`)
      ids.add(block.id)
      if (!(block.weight > 0)) problems.push(`${block.id}: weight must be positive`)
      const question = questions.get(block.question)
      if (!question) {
        problems.push(`${block.id}: no question ${block.question}`)
        continue
      }
      used.add(question.id)
      if (question.dimension !== dimension) problems.push(`${block.id}: ${question.id} belongs to ${question.dimension}, not ${dimension}`)
      const rows = question.options.length
      switch (block.formula) {
        case 'count':
          if (question.type === 'dual' ? !block.column : question.type !== 'checkbox' || block.column) {
            problems.push(`${block.id}: count needs a checkbox, or a dual matrix with a column`)
          }
          if (block.denominator < rows) problems.push(`${block.id}: denominator ${block.denominator} < ${rows} options`)
          break
        case 'countExcluding': {
          if (question.type !== 'checkbox') problems.push(`${block.id}: countExcluding needs a checkbox`)
          const outside = block.exclude.filter((option) => option < 1 || option > rows)
          if (outside.length > 0) problems.push(`${block.id}: excluded options ${outside.join(', ')} do not exist`)
          if (block.denominator < rows - block.exclude.length) problems.push(`${block.id}: denominator ${block.denominator} < counted options`)
          break
        }
        case 'sum05':
          if (question.type !== 'scale05') problems.push(`${block.id}: sum05 needs a 0-5 matrix`)
          if (block.max < rows * 5) problems.push(`${block.id}: max ${block.max} < ${rows * 5}`)
          break
        case 'tristate':
          if (question.type !== 'tristate') problems.push(`${block.id}: tristate needs a tri-state matrix`)
          if (block.max < rows * topTristate) problems.push(`${block.id}: max ${block.max} < ${rows * topTristate}`)
          break
      }
    }
  }
  for (const question of instrument.questions) if (!used.has(question.id)) problems.push(`${question.id} is not scored`)
  let next = 0
  for (const band of rules.bands) {
    if (band.min !== next || band.max < band.min || !Number.isInteger(band.max)) problems.push(`band ${band.id} should start at ${next}`)
    next = band.max + 1
  }
  if (next !== 101) problems.push('bands must end at 100')
  return problems
}
