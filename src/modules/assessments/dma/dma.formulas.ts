/**
 * The named block formulas a rules version can use. Each turns one question's normalised answer
 * into 0-10 points and reports its inputs, so a report can show how the points were reached.
 * A new kind of block is a new formula here (and a name in the contract's DMA_BLOCK_FORMULAS);
 * new denominators, weights or exclusions are data in a rules version.
 */
import type { DmaBlockScore, DmaDimensionId } from '../assessments.contract'
import type {
  CountBlockRule,
  CountExcludingBlockRule,
  DmaBlockRule,
  DmaRulesVersion,
  Sum05BlockRule,
  TristateBlockRule,
} from './dma.types'
import type { DmaNormalizedAnswer } from './dma.validate'

function mismatch(block: DmaBlockRule, answer: DmaNormalizedAnswer): Error {
  // checkDmaRules (dma.registry.ts) pairs every formula with a question of a fitting type.
  return new Error(`Block ${block.id}: formula ${block.formula} cannot read a ${answer.type} answer`)
}

/** count: n(selected) / denominator · 10 (one column of a dual matrix when `column` is set). */
export function scoreCount(block: CountBlockRule, answer: DmaNormalizedAnswer) {
  let selected: number
  if (answer.type === 'checkbox' && !block.column) selected = answer.selected.length
  else if (answer.type === 'dual' && block.column) selected = answer[block.column].length
  else throw mismatch(block, answer)
  return { inputs: { selected, denominator: block.denominator }, points: (selected * 10) / block.denominator }
}

/** countExcluding: n(selected options outside `exclude`) / denominator · 10 (SME Q7). */
export function scoreCountExcluding(block: CountExcludingBlockRule, answer: DmaNormalizedAnswer) {
  if (answer.type !== 'checkbox') throw mismatch(block, answer)
  const counted = answer.selected.filter((option) => !block.exclude.includes(option))
  return {
    inputs: {
      selected: counted.length,
      excluded: [...block.exclude],
      exclusiveSelected: answer.selected.some((option) => block.exclude.includes(option)),
      denominator: block.denominator,
    },
    points: (counted.length * 10) / block.denominator,
  }
}

/** sum05: Σ row values (0-5) / max · 10. */
export function scoreSum05(block: Sum05BlockRule, answer: DmaNormalizedAnswer) {
  if (answer.type !== 'scale05') throw mismatch(block, answer)
  const sum = answer.values.reduce((total, value) => total + value, 0)
  return { inputs: { sum, max: block.max }, points: (sum * 10) / block.max }
}

/** tristate: Σ row values (no/partially/yes per `tristateValues`) / max · 10. */
export function scoreTristate(block: TristateBlockRule, answer: DmaNormalizedAnswer, tristateValues: DmaRulesVersion['tristateValues']) {
  if (answer.type !== 'tristate') throw mismatch(block, answer)
  const sum = answer.values.reduce((total, value) => total + tristateValues[value], 0)
  return { inputs: { sum, max: block.max }, points: (sum * 10) / block.max }
}

/** One block of a dimension, scored by its named formula. */
export function scoreBlock(block: DmaBlockRule, dimension: DmaDimensionId, answer: DmaNormalizedAnswer, rules: DmaRulesVersion): DmaBlockScore {
  const base = { id: block.id, dimension, question: block.question, weight: block.weight }
  switch (block.formula) {
    case 'count':
      return { ...base, formula: 'count', column: block.column ?? null, ...scoreCount(block, answer) }
    case 'countExcluding':
      return { ...base, formula: 'countExcluding', column: null, ...scoreCountExcluding(block, answer) }
    case 'sum05':
      return { ...base, formula: 'sum05', column: null, ...scoreSum05(block, answer) }
    case 'tristate':
      return { ...base, formula: 'tristate', column: null, ...scoreTristate(block, answer, rules.tristateValues) }
  }
}
