/**
 * API contract of the assessments module (activity layer): the EU/JRC Digital Maturity Assessment
 * (DMA) for SMEs and public sector organisations. Value lists, the answer format of the reference
 * (one JSON object keyed by question id) and the score result. Shared by server and web; the DMA
 * engine itself (instruments, rules, scoring) is in `dma/`, reachable from web through
 * `assessments.reference.ts`.
 */
import { z } from '@hono/zod-openapi'

export const DMA_INSTRUMENT_IDS = ['eu-dma-sme', 'eu-dma-pso'] as const
export type DmaInstrumentId = (typeof DMA_INSTRUMENT_IDS)[number]

export const DMA_DIMENSION_IDS = ['D1', 'D2', 'D3', 'D4', 'D5', 'D6'] as const
export type DmaDimensionId = (typeof DMA_DIMENSION_IDS)[number]

/** Band ids of the reference, lowest first. */
export const DMA_BAND_IDS = ['basic', 'average', 'moderately_advanced', 'advanced'] as const
export type DmaBandId = (typeof DMA_BAND_IDS)[number]

export const DMA_QUESTION_TYPES = ['checkbox', 'dual', 'scale05', 'tristate'] as const
export type DmaQuestionType = (typeof DMA_QUESTION_TYPES)[number]

/** The two boxes of a dual matrix row: "(further) plan to invest" and "already invested". */
export const DMA_DUAL_COLUMNS = ['plan', 'already'] as const
export type DmaDualColumn = (typeof DMA_DUAL_COLUMNS)[number]

export const DMA_TRISTATE_VALUES = ['no', 'partially', 'yes'] as const
export type DmaTristateValue = (typeof DMA_TRISTATE_VALUES)[number]

/** The named block formulas a rules version may use (dma.formulas.ts). */
export const DMA_BLOCK_FORMULAS = ['count', 'countExcluding', 'sum05', 'tristate'] as const
export type DmaBlockFormula = (typeof DMA_BLOCK_FORMULAS)[number]

/**
 * Stable codes of answer validation problems. Each has a message `assessments.validation.<code>`
 * in src/modules/assessments/web/locales/{it,en}.json.
 */
export const DMA_ANSWER_ISSUE_CODES = [
  'answersNotObject',
  'unknownQuestion',
  'notAnArray',
  'notADualMatrix',
  'unknownColumn',
  'missingColumn',
  'notAnInteger',
  'optionOutOfRange',
  'duplicateOption',
  'exclusiveOptionWithOthers',
  'wrongRowCount',
  'valueOutOfRange',
  'invalidTristate',
  'rowUnanswered',
] as const
export type DmaAnswerIssueCode = (typeof DMA_ANSWER_ISSUE_CODES)[number]

export const DmaInstrumentIdSchema = z.enum(DMA_INSTRUMENT_IDS).openapi('DmaInstrumentId')
export const DmaDimensionIdSchema = z.enum(DMA_DIMENSION_IDS)
export const DmaBandIdSchema = z.enum(DMA_BAND_IDS).openapi('DmaBandId')

/** Question ids: `Q1`..`Q11` (SME), `P1`..`P11` (PSO). */
export const DmaQuestionId = z.string().regex(/^[A-Z]\d{1,2}$/)

const OptionNumber = z.number().int()
export const DmaCheckboxAnswer = z.array(OptionNumber).openapi({ description: 'Selected option numbers (from 1).', example: [1, 3, 5] })
export const DmaDualAnswer = z
  .object({ plan: z.array(OptionNumber), already: z.array(OptionNumber) })
  .openapi({ description: 'Rows ticked in each column; a row may be in both.', example: { plan: [1, 2, 6], already: [6, 8] } })
/** `null` marks an unanswered row; rules `2024-r1` reject it (switch `unansweredRows`). */
export const DmaScaleAnswer = z.array(z.number().int().nullable()).openapi({ description: 'One value 0-5 per row.', example: [0, 0, 3, 0, 1, 0, 0] })
export const DmaTristateAnswer = z
  .array(z.enum(DMA_TRISTATE_VALUES).nullable())
  .openapi({ description: 'One of no / partially / yes per row.', example: ['no', 'partially', 'no', 'no', 'yes'] })

/**
 * The answers of one assessment, as in the reference (dma.md "Answer format"). This schema checks
 * the JSON shapes only; `validateDmaAnswers` checks them against the instrument (option ranges,
 * row counts, duplicates, the exclusive option) and names the question of every problem.
 */
export const DmaAnswers = z
  .record(DmaQuestionId, z.union([DmaDualAnswer, z.array(z.union([z.number().int(), z.enum(DMA_TRISTATE_VALUES), z.null()]))]))
  .openapi('DmaAnswers')
export type DmaAnswers = z.infer<typeof DmaAnswers>

export const DmaAnswerIssue = z
  .object({
    code: z.enum(DMA_ANSWER_ISSUE_CODES),
    /** The question (or unknown key) concerned; null when the answers are not an object at all. */
    question: z.string().nullable(),
    column: z.enum(DMA_DUAL_COLUMNS).optional(),
    /** Row of a matrix, from 1. */
    row: z.number().int().optional(),
    /** Option number as given (out of range, duplicate, exclusive). */
    option: z.number().optional(),
    /** Position (from 1) of a bad item in the given array. */
    position: z.number().int().optional(),
    /** The offending value as JSON, shortened. */
    value: z.string().optional(),
    /** Expected row count, or the highest option number. */
    expected: z.number().int().optional(),
    /** Row count given (wrong row count). */
    actual: z.number().int().optional(),
    /** `assessments.validation.<code>`; its placeholders are the fields above. */
    messageKey: z.string(),
  })
  .openapi('DmaAnswerIssue')
export type DmaAnswerIssue = z.infer<typeof DmaAnswerIssue>

const BlockBase = {
  /** Stable within a rules version: the question id, plus `.plan`/`.already` for a dual column. */
  id: z.string(),
  dimension: DmaDimensionIdSchema,
  question: z.string(),
  /** Relative weight of the block in its dimension (a rules switch; 1 everywhere in `2024-r1`). */
  weight: z.number().positive(),
  /** 0-10, unrounded. */
  points: z.number().min(0).max(10),
}

/** How one block was scored: the formula, its inputs and the points, so a report can explain it. */
export const DmaBlockScore = z
  .discriminatedUnion('formula', [
    z.object({
      ...BlockBase,
      formula: z.literal('count'),
      column: z.enum(DMA_DUAL_COLUMNS).nullable(),
      inputs: z.object({ selected: z.number().int(), denominator: z.number().positive() }),
    }),
    z.object({
      ...BlockBase,
      formula: z.literal('countExcluding'),
      column: z.null(),
      inputs: z.object({
        selected: z.number().int(),
        excluded: z.array(z.number().int()),
        exclusiveSelected: z.boolean(),
        denominator: z.number().positive(),
      }),
    }),
    z.object({ ...BlockBase, formula: z.literal('sum05'), column: z.null(), inputs: z.object({ sum: z.number(), max: z.number().positive() }) }),
    z.object({ ...BlockBase, formula: z.literal('tristate'), column: z.null(), inputs: z.object({ sum: z.number(), max: z.number().positive() }) }),
  ])
  .openapi('DmaBlockScore')
export type DmaBlockScore = z.infer<typeof DmaBlockScore>

/** Scores are stored and exported unrounded; bands come from the rounded score (rules switch). */
export const DmaScoreResult = z
  .object({
    instrument: DmaInstrumentIdSchema,
    instrumentVersion: z.string(),
    rulesVersion: z.string(),
    dimensions: z.record(DmaDimensionIdSchema, z.number().min(0).max(100)),
    overall: z.number().min(0).max(100),
    /** Band of the overall score. */
    band: DmaBandIdSchema,
    dimensionBands: z.record(DmaDimensionIdSchema, DmaBandIdSchema),
    blocks: z.array(DmaBlockScore),
  })
  .openapi('DmaScoreResult')
export type DmaScoreResult = z.infer<typeof DmaScoreResult>

/** One change of the answers that would raise a dimension, and by how much. */
export const DmaImprovement = z
  .object({
    dimension: DmaDimensionIdSchema,
    question: z.string(),
    column: z.enum(DMA_DUAL_COLUMNS).nullable(),
    /** Option (checkbox) or row (matrix) number, from 1. */
    item: z.number().int(),
    /** `select` an unselected option or box; `raise` a matrix row to its top value. */
    change: z.enum(['select', 'raise']),
    from: z.union([z.number(), z.enum(DMA_TRISTATE_VALUES)]).nullable(),
    to: z.union([z.number(), z.enum(DMA_TRISTATE_VALUES)]).nullable(),
    /** Points the dimension score (0-100) would gain, unrounded. */
    dimensionPoints: z.number().positive(),
    /** Points the overall score (0-100) would gain, unrounded. */
    overallPoints: z.number().positive(),
  })
  .openapi('DmaImprovement')
export type DmaImprovement = z.infer<typeof DmaImprovement>
