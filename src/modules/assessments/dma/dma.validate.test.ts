/**
 * Answer validation (dma.md "Answer format") for both instruments: every kind of malformed answer
 * is an issue with a stable code naming the question (and row, option or column), with a message
 * in Italian and English; a missing question is empty, never an error.
 */
import { describe, expect, it } from 'vitest'
import { DMA_ANSWER_ISSUE_CODES, DmaAnswerIssue } from '../assessments.contract'
import en from '../web/locales/en.json'
import it_ from '../web/locales/it.json'
import { DMA_RULES_2024_R1 } from './dma-2024-r1.rules'
import { formatDmaIssue } from './dma.messages'
import { scoreDmaAnswers } from './dma.score'
import { DmaValidationError, validateDmaAnswers } from './dma.validate'
import { EU_DMA_PSO_2024 } from './eu-dma-pso-2024.instrument'
import { EU_DMA_SME_2024 } from './eu-dma-sme-2024.instrument'

const RULES = DMA_RULES_2024_R1
const SME = EU_DMA_SME_2024
const PSO = EU_DMA_PSO_2024

function issuesOf(instrument: typeof SME | typeof PSO, answers: unknown) {
  const result = validateDmaAnswers(instrument, RULES, answers)
  if (result.ok) throw new Error('expected validation issues')
  return result.issues.map(({ messageKey, ...rest }) => {
    expect(messageKey).toBe(`assessments.validation.${rest.code}`)
    return rest
  })
}

describe('valid answers', () => {
  it('a missing question counts as nothing selected / all 0 / all "no"', () => {
    const result = validateDmaAnswers(SME, RULES, {})
    expect(result).toEqual({
      ok: true,
      answers: {
        Q1: { type: 'dual', plan: [], already: [] },
        Q2: { type: 'checkbox', selected: [] },
        Q3: { type: 'checkbox', selected: [] },
        Q4: { type: 'scale05', values: [0, 0, 0, 0, 0, 0, 0] },
        Q5: { type: 'checkbox', selected: [] },
        Q6: { type: 'checkbox', selected: [] },
        Q7: { type: 'checkbox', selected: [] },
        Q8: { type: 'checkbox', selected: [] },
        Q9: { type: 'scale05', values: [0, 0, 0, 0, 0] },
        Q10: { type: 'checkbox', selected: [] },
        Q11: { type: 'tristate', values: ['no', 'no', 'no', 'no', 'no'] },
      },
    })
  })

  it('options come back sorted; a dual row may be in both columns', () => {
    const result = validateDmaAnswers(PSO, RULES, { P1: [10, 1, 5], P2: { plan: [8, 1], already: [1] } })
    expect(result.ok && result.answers.P1).toEqual({ type: 'checkbox', selected: [1, 5, 10] })
    expect(result.ok && result.answers.P2).toEqual({ type: 'dual', plan: [1, 8], already: [1] })
  })
})

describe.each([
  { name: 'eu-dma-sme', instrument: SME, checkbox: 'Q2', options: 10, dual: 'Q1', dualRows: 10, scale: 'Q4', scaleRows: 7, tristate: 'Q11' },
  { name: 'eu-dma-pso', instrument: PSO, checkbox: 'P3', options: 9, dual: 'P9', dualRows: 16, scale: 'P4', scaleRows: 8, tristate: 'P11' },
])('malformed answers of $name', ({ instrument, checkbox, options, dual, dualRows, scale, scaleRows, tristate }) => {
  const zeros = (n: number) => Array.from({ length: n }, () => 0)

  it.each([null, [], 'Q1', 42])('answers that are not an object (%j)', (answers) => {
    expect(issuesOf(instrument, answers)).toEqual([{ code: 'answersNotObject', question: null, value: JSON.stringify(answers) }])
  })

  it('an unknown question key', () => {
    expect(issuesOf(instrument, { Q12: [1], q1: [], D1: 5 })).toEqual([
      { code: 'unknownQuestion', question: 'Q12' },
      { code: 'unknownQuestion', question: 'q1' },
      { code: 'unknownQuestion', question: 'D1' },
    ])
  })

  it('a checkbox that is not an array, or an explicit null', () => {
    expect(issuesOf(instrument, { [checkbox]: 3 })).toEqual([{ code: 'notAnArray', question: checkbox, value: '3' }])
    expect(issuesOf(instrument, { [checkbox]: null })).toEqual([{ code: 'notAnArray', question: checkbox, value: 'null' }])
    expect(issuesOf(instrument, { [checkbox]: { plan: [] } })).toEqual([{ code: 'notAnArray', question: checkbox, value: '{"plan":[]}' }])
  })

  it('out-of-range, duplicate and non-integer options', () => {
    expect(issuesOf(instrument, { [checkbox]: [0, 1, options + 1, 1, 2.5, '3', -1] })).toEqual([
      { code: 'optionOutOfRange', question: checkbox, option: 0, expected: options },
      { code: 'optionOutOfRange', question: checkbox, option: options + 1, expected: options },
      { code: 'duplicateOption', question: checkbox, option: 1 },
      { code: 'notAnInteger', question: checkbox, position: 5, value: '2.5' },
      { code: 'notAnInteger', question: checkbox, position: 6, value: '"3"' },
      { code: 'optionOutOfRange', question: checkbox, option: -1, expected: options },
    ])
  })

  it('a dual matrix of the wrong shape', () => {
    expect(issuesOf(instrument, { [dual]: [1, 2] })).toEqual([{ code: 'notADualMatrix', question: dual, value: '[1,2]' }])
    expect(issuesOf(instrument, { [dual]: { plan: [1] } })).toEqual([{ code: 'missingColumn', question: dual, column: 'already' }])
    expect(issuesOf(instrument, { [dual]: { plan: [], already: [], implemented: [1] } })).toEqual([{ code: 'unknownColumn', question: dual, value: '"implemented"' }])
    expect(issuesOf(instrument, { [dual]: { plan: 'all', already: [] } })).toEqual([{ code: 'notAnArray', question: dual, column: 'plan', value: '"all"' }])
  })

  it('bad rows in a dual matrix name the column', () => {
    expect(issuesOf(instrument, { [dual]: { plan: [dualRows + 1], already: [2, 2] } })).toEqual([
      { code: 'optionOutOfRange', question: dual, column: 'plan', option: dualRows + 1, expected: dualRows },
      { code: 'duplicateOption', question: dual, column: 'already', option: 2 },
    ])
  })

  it('a 0-5 matrix with the wrong number of rows, values outside 0-5, non-integers, null rows', () => {
    expect(issuesOf(instrument, { [scale]: zeros(scaleRows - 1) })).toEqual([{ code: 'wrongRowCount', question: scale, expected: scaleRows, actual: scaleRows - 1 }])
    expect(issuesOf(instrument, { [scale]: zeros(scaleRows + 1) })).toEqual([{ code: 'wrongRowCount', question: scale, expected: scaleRows, actual: scaleRows + 1 }])
    expect(issuesOf(instrument, { [scale]: 5 })).toEqual([{ code: 'notAnArray', question: scale, value: '5' }])
    const bad = zeros(scaleRows)
    bad.splice(0, 5, 6, -1, 2.5, Number.NaN, 3)
    const withNull: unknown[] = [...zeros(scaleRows - 1), null]
    expect(issuesOf(instrument, { [scale]: bad })).toEqual([
      { code: 'valueOutOfRange', question: scale, row: 1, value: '6' },
      { code: 'valueOutOfRange', question: scale, row: 2, value: '-1' },
      { code: 'notAnInteger', question: scale, row: 3, value: '2.5' },
      { code: 'notAnInteger', question: scale, row: 4, value: 'null' }, // NaN, as JSON
    ])
    expect(issuesOf(instrument, { [scale]: withNull })).toEqual([{ code: 'rowUnanswered', question: scale, row: scaleRows }])
    expect(issuesOf(instrument, { [scale]: ['5', ...zeros(scaleRows - 1)] })).toEqual([{ code: 'notAnInteger', question: scale, row: 1, value: '"5"' }])
  })

  it('a tri-state matrix with bad strings, the wrong number of rows or null rows', () => {
    expect(issuesOf(instrument, { [tristate]: ['no', 'Yes', 'si', 1, 'partially'] })).toEqual([
      { code: 'invalidTristate', question: tristate, row: 2, value: '"Yes"' },
      { code: 'invalidTristate', question: tristate, row: 3, value: '"si"' },
      { code: 'invalidTristate', question: tristate, row: 4, value: '1' },
    ])
    expect(issuesOf(instrument, { [tristate]: ['yes'] })).toEqual([{ code: 'wrongRowCount', question: tristate, expected: 5, actual: 1 }])
    expect(issuesOf(instrument, { [tristate]: ['yes', null, 'no', 'no', 'no'] })).toEqual([{ code: 'rowUnanswered', question: tristate, row: 2 }])
  })

  it('reports every problem at once, never scoring the answers as zero', () => {
    const answers = { [checkbox]: [0], [scale]: [], [tristate]: 'yes' }
    expect(issuesOf(instrument, answers).map((i) => [i.question, i.code])).toEqual([
      [checkbox, 'optionOutOfRange'],
      [scale, 'wrongRowCount'],
      [tristate, 'notAnArray'],
    ])
    expect(() => scoreDmaAnswers(instrument, RULES, answers)).toThrow(DmaValidationError)
  })
})

describe('the exclusive option (SME Q7 option 2)', () => {
  it('with others is an error under 2024-r1; duplicates are reported before it', () => {
    expect(issuesOf(SME, { Q7: [3, 2] })).toEqual([{ code: 'exclusiveOptionWithOthers', question: 'Q7', option: 2 }])
    expect(issuesOf(SME, { Q7: [2, 2] })).toEqual([{ code: 'duplicateOption', question: 'Q7', option: 2 }])
  })

  it('alone is valid', () => {
    expect(validateDmaAnswers(SME, RULES, { Q7: [2] })).toMatchObject({ ok: true, answers: { Q7: { type: 'checkbox', selected: [2] } } })
  })
})

describe('messages', () => {
  it('every issue code has a message in Italian and English', () => {
    for (const code of DMA_ANSWER_ISSUE_CODES) {
      expect(it_.assessments.validation[code], code).toMatch(/\S/)
      expect(en.assessments.validation[code], code).toMatch(/\S/)
    }
  })

  it.each([
    [{ code: 'valueOutOfRange', question: 'Q4', row: 3, value: '7' }, 'Q4, riga 3: il valore 7 è fuori dalla scala da 0 a 5.', 'Q4, row 3: the value 7 is outside the 0-5 scale.'],
    [{ code: 'optionOutOfRange', question: 'Q1', column: 'plan', option: 11, expected: 10 }, "Q1 (plan): l'opzione 11 non esiste (le opzioni vanno da 1 a 10).", 'Q1 (plan): option 11 does not exist (options are 1 to 10).'],
    [{ code: 'notAnInteger', question: 'Q2', position: 2, value: '1.5' }, 'Q2, elemento 2: 1.5 non è un numero intero.', 'Q2, item 2: 1.5 is not a whole number.'],
    [{ code: 'exclusiveOptionWithOthers', question: 'Q7', option: 2 }, "Q7: l'opzione 2 esclude tutte le altre e non può essere selezionata insieme ad altre opzioni.", 'Q7: option 2 excludes every other option and cannot be selected together with them.'],
    [{ code: 'wrongRowCount', question: 'P4', expected: 8, actual: 7 }, 'P4: servono 8 valori, uno per riga; ne sono arrivati 7.', 'P4: expected 8 values, one per row; got 7.'],
  ] as const)('%o', (fields, italian, english) => {
    const issue = DmaAnswerIssue.parse({ ...fields, messageKey: `assessments.validation.${fields.code}` })
    expect(formatDmaIssue(issue, 'it')).toBe(italian)
    expect(formatDmaIssue(issue, 'en')).toBe(english)
  })

  it('the issues the validator produces fit the contract', () => {
    const result = validateDmaAnswers(SME, RULES, { Q1: { plan: [0] }, Q4: [9, 0, 0, 0, 0, 0, 0], Q99: 1 })
    expect(result.ok).toBe(false)
    if (!result.ok) for (const issue of result.issues) expect(DmaAnswerIssue.parse(issue)).toEqual(issue)
  })
})
