/**
 * Answer validation (dma.md "Answer format"): the answers of one assessment against an instrument
 * and a rules version. A missing question counts as nothing selected / all 0 / all "no"; anything
 * present but malformed or out of range is an issue naming the question (and row, option or
 * column), never a silent zero. Valid answers come back normalised: every question present,
 * options sorted, unanswered rows resolved per the rules' switch.
 */
import {
  DMA_DUAL_COLUMNS,
  DMA_TRISTATE_VALUES,
  type DmaAnswerIssue,
  type DmaAnswerIssueCode,
  type DmaDualColumn,
  type DmaTristateValue,
} from '../assessments.contract'
import type { DmaInstrument, DmaQuestion, DmaRulesVersion } from './dma.types'

export type DmaNormalizedAnswer =
  | { readonly type: 'checkbox'; readonly selected: readonly number[] }
  | { readonly type: 'dual'; readonly plan: readonly number[]; readonly already: readonly number[] }
  | { readonly type: 'scale05'; readonly values: readonly number[] }
  | { readonly type: 'tristate'; readonly values: readonly DmaTristateValue[] }

/** Every question of the instrument, by id. */
export type DmaNormalizedAnswers = Readonly<Record<string, DmaNormalizedAnswer>>

export type DmaValidation = { ok: true; answers: DmaNormalizedAnswers } | { ok: false; issues: DmaAnswerIssue[] }

/** Thrown by scoring when the answers are invalid; `issues` name every problem. */
export class DmaValidationError extends Error {
  constructor(readonly issues: DmaAnswerIssue[]) {
    super(`Invalid DMA answers: ${issues.map((i) => `${i.question ?? 'answers'} ${i.code}`).join(', ')}`)
    this.name = 'DmaValidationError'
  }
}

type IssueFields = Omit<DmaAnswerIssue, 'code' | 'question' | 'messageKey'>

function issue(code: DmaAnswerIssueCode, question: string | null, fields: IssueFields = {}): DmaAnswerIssue {
  return { code, question, ...fields, messageKey: `assessments.validation.${code}` }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The offending value for a message: JSON, cut short so a huge input cannot flood the output. */
function show(value: unknown): string {
  const text = value === undefined ? 'undefined' : JSON.stringify(value)
  return text.length > 40 ? `${text.slice(0, 37)}...` : text
}

/** An empty answer: what a missing question counts as. */
export function emptyDmaAnswer(question: DmaQuestion): DmaNormalizedAnswer {
  const rows = question.options.length
  switch (question.type) {
    case 'checkbox':
      return { type: 'checkbox', selected: [] }
    case 'dual':
      return { type: 'dual', plan: [], already: [] }
    case 'scale05':
      return { type: 'scale05', values: Array.from({ length: rows }, () => 0) }
    case 'tristate':
      return { type: 'tristate', values: Array.from({ length: rows }, (): DmaTristateValue => 'no') }
  }
}

/** Option numbers of a checkbox or of one dual column: integers 1..n, each once. */
function checkOptions(question: DmaQuestion, raw: unknown, issues: DmaAnswerIssue[], column?: DmaDualColumn): number[] {
  const at = column ? { column } : {}
  if (!Array.isArray(raw)) {
    issues.push(issue('notAnArray', question.id, { ...at, value: show(raw) }))
    return []
  }
  const count = question.options.length
  const seen = new Set<number>()
  raw.forEach((item: unknown, index) => {
    if (typeof item !== 'number' || !Number.isInteger(item)) {
      issues.push(issue('notAnInteger', question.id, { ...at, position: index + 1, value: show(item) }))
    } else if (item < 1 || item > count) {
      issues.push(issue('optionOutOfRange', question.id, { ...at, option: item, expected: count }))
    } else if (seen.has(item)) {
      issues.push(issue('duplicateOption', question.id, { ...at, option: item }))
    } else {
      seen.add(item)
    }
  })
  return [...seen].sort((a, b) => a - b)
}

function validateCheckbox(question: DmaQuestion, raw: unknown, rules: DmaRulesVersion, issues: DmaAnswerIssue[]): DmaNormalizedAnswer {
  const before = issues.length
  let selected = checkOptions(question, raw, issues)
  const exclusive = (question.exclusiveOptions ?? []).filter((option) => selected.includes(option))
  if (issues.length === before && exclusive.length > 0 && selected.length > 1) {
    if (rules.switches.exclusiveOptionWithOthers === 'error') {
      for (const option of exclusive) issues.push(issue('exclusiveOptionWithOthers', question.id, { option }))
    } else {
      selected = selected.filter((option) => !exclusive.includes(option))
    }
  }
  return { type: 'checkbox', selected }
}

function validateDual(question: DmaQuestion, raw: unknown, issues: DmaAnswerIssue[]): DmaNormalizedAnswer {
  if (!isPlainObject(raw)) {
    issues.push(issue('notADualMatrix', question.id, { value: show(raw) }))
    return { type: 'dual', plan: [], already: [] }
  }
  for (const key of Object.keys(raw)) {
    if (!(DMA_DUAL_COLUMNS as readonly string[]).includes(key)) issues.push(issue('unknownColumn', question.id, { value: show(key) }))
  }
  const column = (name: DmaDualColumn): number[] => {
    if (!Object.hasOwn(raw, name)) {
      issues.push(issue('missingColumn', question.id, { column: name }))
      return []
    }
    return checkOptions(question, raw[name], issues, name)
  }
  return { type: 'dual', plan: column('plan'), already: column('already') }
}

/** The rows of a 0-5 or tri-state matrix: an array with one entry per row. */
function checkRows(question: DmaQuestion, raw: unknown, issues: DmaAnswerIssue[]): unknown[] | null {
  if (!Array.isArray(raw)) {
    issues.push(issue('notAnArray', question.id, { value: show(raw) }))
    return null
  }
  if (raw.length !== question.options.length) {
    issues.push(issue('wrongRowCount', question.id, { expected: question.options.length, actual: raw.length }))
    return null
  }
  return raw
}

function validateScale(question: DmaQuestion, raw: unknown, rules: DmaRulesVersion, issues: DmaAnswerIssue[]): DmaNormalizedAnswer {
  const rows = checkRows(question, raw, issues) ?? []
  const values = rows.map((value, index) => {
    const row = index + 1
    if (value === null) {
      if (rules.switches.unansweredRows === 'error') issues.push(issue('rowUnanswered', question.id, { row }))
      return 0
    }
    // After an issue the normalised value is never used: the whole validation fails.
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      issues.push(issue('notAnInteger', question.id, { row, value: show(value) }))
      return 0
    }
    if (value < 0 || value > 5) {
      issues.push(issue('valueOutOfRange', question.id, { row, value: show(value) }))
      return 0
    }
    return value
  })
  return { type: 'scale05', values }
}

function validateTristate(question: DmaQuestion, raw: unknown, rules: DmaRulesVersion, issues: DmaAnswerIssue[]): DmaNormalizedAnswer {
  const rows = checkRows(question, raw, issues) ?? []
  const values = rows.map((value, index): DmaTristateValue => {
    const row = index + 1
    if (value === null) {
      if (rules.switches.unansweredRows === 'error') issues.push(issue('rowUnanswered', question.id, { row }))
      return 'no'
    }
    if (typeof value === 'string' && (DMA_TRISTATE_VALUES as readonly string[]).includes(value)) return value as DmaTristateValue
    issues.push(issue('invalidTristate', question.id, { row, value: show(value) }))
    return 'no'
  })
  return { type: 'tristate', values }
}

/**
 * Checks `answers` (parsed JSON, any shape) against the instrument. Under the rules' switches:
 * an exclusive option with others and unanswered (`null`) rows are errors or resolved.
 */
export function validateDmaAnswers(instrument: DmaInstrument, rules: DmaRulesVersion, answers: unknown): DmaValidation {
  if (!isPlainObject(answers)) return { ok: false, issues: [issue('answersNotObject', null, { value: show(answers) })] }
  const issues: DmaAnswerIssue[] = []
  const known = new Set(instrument.questions.map((q) => q.id))
  for (const key of Object.keys(answers)) if (!known.has(key)) issues.push(issue('unknownQuestion', key))
  const normalized: Record<string, DmaNormalizedAnswer> = {}
  for (const question of instrument.questions) {
    // Only an absent key means "not answered"; an explicit null is a malformed answer.
    if (!Object.hasOwn(answers, question.id)) {
      normalized[question.id] = emptyDmaAnswer(question)
      continue
    }
    const raw = answers[question.id]
    switch (question.type) {
      case 'checkbox':
        normalized[question.id] = validateCheckbox(question, raw, rules, issues)
        break
      case 'dual':
        normalized[question.id] = validateDual(question, raw, issues)
        break
      case 'scale05':
        normalized[question.id] = validateScale(question, raw, rules, issues)
        break
      case 'tristate':
        normalized[question.id] = validateTristate(question, raw, rules, issues)
        break
    }
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, answers: normalized }
}
