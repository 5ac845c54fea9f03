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

// ---------------------------------------------------------------------------------------------
// Stored assessments: lifecycle (draft → submitted → validated, corrections as new versions) and
// self-assessment links.

const Id = z.string().uuid()
const IsoDateTime = z.string().datetime({ offset: true })

export const ASSESSMENT_STAGES = ['T0', 'T1', 'T2'] as const
export type AssessmentStage = (typeof ASSESSMENT_STAGES)[number]
/** `imported`: done elsewhere and imported (no answers to rescore). */
export const ASSESSMENT_MODES = ['self', 'assisted', 'imported'] as const
export type AssessmentMode = (typeof ASSESSMENT_MODES)[number]
export const ASSESSMENT_STATUSES = ['draft', 'submitted', 'validated', 'superseded'] as const
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number]
export const ASSESSMENT_LINK_STATUSES = ['active', 'submitted', 'expired', 'revoked'] as const

/** Module 1 of the DMA (customer data), prefilled from the company record; editable in the assessment. */
export const AssessmentCustomerData = z
  .object({
    name: z.string().max(300).nullable(),
    vatNumber: z.string().max(20).nullable(),
    legalForm: z.string().max(60).nullable(),
    website: z.string().max(300).nullable(),
    foundingYear: z.number().int().min(1800).max(2100).nullable(),
    sizeClass: z.string().max(20).nullable(),
    address: z.string().max(300).nullable(),
    comune: z.string().max(120).nullable(),
    comuneIstat: z.string().max(6).nullable(),
    regionCode: z.string().max(2).nullable(),
    atecoCode: z.string().max(20).nullable(),
    atecoSection: z.string().max(2).nullable(),
  })
  .partial()
  .openapi('AssessmentCustomerData')
export type AssessmentCustomerData = z.infer<typeof AssessmentCustomerData>

/** Evidence notes of an assisted assessment, one per question id. */
export const AssessmentEvidence = z.record(DmaQuestionId, z.string().max(4000))

/**
 * Stored answers as sent: any JSON object keyed by question id. A draft keeps malformed answers
 * (autosave) and reports them as `issues`; submitting requires valid ones.
 */
export const AssessmentAnswersInput = z.record(z.string().max(10), z.unknown()).openapi('AssessmentAnswersInput')

export const AssessmentCreateInput = z
  .object({
    companyId: Id,
    stage: z.enum(ASSESSMENT_STAGES),
    mode: z.enum(['self', 'assisted']),
    /** Default: `eu-dma-pso` for a public body (legal form `ente_pubblico`), else `eu-dma-sme`. */
    instrument: DmaInstrumentIdSchema.optional(),
    /** Default: the creator. */
    assessorId: Id.optional(),
    /** When the assessment took place (YYYY-MM-DD). */
    assessedOn: z.iso.date().optional(),
  })
  .openapi('AssessmentCreateInput')
export type AssessmentCreateInput = z.infer<typeof AssessmentCreateInput>

export const AssessmentUpdateInput = z
  .object({
    /** The whole answers object (replaces the stored one); may be incomplete or partly invalid while draft. */
    answers: AssessmentAnswersInput,
    evidence: AssessmentEvidence,
    /** Keys given replace the stored ones. */
    customerData: AssessmentCustomerData,
    assessorId: Id.nullable(),
    assessedOn: z.iso.date().nullable(),
  })
  .partial()
  .openapi('AssessmentUpdateInput')
export type AssessmentUpdateInput = z.infer<typeof AssessmentUpdateInput>

export const AssessmentScores = z
  .object({
    /** False while the answers are draft and partly invalid: only the valid questions were scored. */
    complete: z.boolean(),
    rulesVersion: z.string(),
    overall: z.number(),
    band: DmaBandIdSchema,
    dimensions: z.record(DmaDimensionIdSchema, z.number()),
    dimensionBands: z.record(DmaDimensionIdSchema, DmaBandIdSchema),
    blocks: z.array(DmaBlockScore),
    /** Interpretation of the overall band and of each dimension's band, in the caller's language. */
    interpretation: z.object({ overall: z.string(), dimensions: z.record(DmaDimensionIdSchema, z.string()) }),
    /** Per dimension, the changes that would raise it. */
    improvements: z.record(DmaDimensionIdSchema, z.array(DmaImprovement)),
  })
  .openapi('AssessmentScores')
export type AssessmentScores = z.infer<typeof AssessmentScores>

export const AssessmentPeerGroup = z
  .object({ atecoSection: z.string().nullable(), sizeClass: z.string().nullable(), regionCode: z.string().nullable() })
  .openapi('AssessmentPeerGroup')

export const BENCHMARK_LEVELS = ['section_size_region', 'section_size', 'section', 'all'] as const

const BenchmarkSpread = z.object({ p10: z.number(), q1: z.number(), median: z.number(), q3: z.number(), p90: z.number() })
const ScoreKeys = z.enum(['overall', ...DMA_DIMENSION_IDS])

/** Where one assessment sits among its peers; absent when no group reaches the k-anonymity floor. */
export const AssessmentBenchmark = z
  .object({
    /** The narrowest group of at least `minimumGroupSize` validated assessments. */
    level: z.enum(BENCHMARK_LEVELS),
    group: AssessmentPeerGroup,
    size: z.number().int(),
    /** This assessment's scores. */
    scores: z.record(ScoreKeys, z.number()),
    /** Percentile ranks 0-100 (share of the group below, ties counted half). */
    percentiles: z.record(ScoreKeys, z.number()),
    /** The group's spread: whiskers at the 10th/90th percentiles, never one member's exact score. */
    distribution: z.record(ScoreKeys, BenchmarkSpread),
  })
  .openapi('AssessmentBenchmark')
export type AssessmentBenchmark = z.infer<typeof AssessmentBenchmark>

export const AssessmentBenchmarkResponse = z
  .object({
    benchmark: AssessmentBenchmark.nullable(),
    /** Why there is no benchmark: the assessment is not validated, or every group is too small. */
    unavailable: z.enum(['not_validated', 'group_too_small']).nullable(),
    minimumGroupSize: z.number().int(),
  })
  .openapi('AssessmentBenchmarkResponse')
export type AssessmentBenchmarkResponse = z.infer<typeof AssessmentBenchmarkResponse>

const AssessmentSummaryFields = {
  id: Id,
  seriesId: Id,
  version: z.number().int(),
  companyId: Id,
  companyName: z.string(),
  unitId: Id,
  stage: z.enum(ASSESSMENT_STAGES),
  mode: z.enum(ASSESSMENT_MODES),
  instrument: DmaInstrumentIdSchema,
  instrumentVersion: z.string(),
  rulesVersion: z.string(),
  status: z.enum(ASSESSMENT_STATUSES),
  overall: z.number().nullable(),
  band: DmaBandIdSchema.nullable(),
  isLatest: z.boolean(),
  assessedOn: z.string().nullable(),
  submittedAt: IsoDateTime.nullable(),
  validatedAt: IsoDateTime.nullable(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
}

export const AssessmentSummary = z.object(AssessmentSummaryFields).openapi('AssessmentSummary')
export type AssessmentSummary = z.infer<typeof AssessmentSummary>

export const Assessment = z
  .object({
    ...AssessmentSummaryFields,
    answers: z.record(z.string(), z.unknown()),
    evidence: z.record(z.string(), z.string()),
    customerData: AssessmentCustomerData,
    /** Problems of the stored answers (empty when they validate). */
    issues: z.array(DmaAnswerIssue),
    scores: AssessmentScores.nullable(),
    assessor: z.object({ id: Id, name: z.string() }).nullable(),
    prefilledFromId: Id.nullable(),
    peerGroup: AssessmentPeerGroup.nullable(),
    validatedBy: Id.nullable(),
    can: z.object({ update: z.boolean(), submit: z.boolean(), validate: z.boolean(), correct: z.boolean(), delete: z.boolean(), sendLink: z.boolean() }),
  })
  .openapi('Assessment')
export type Assessment = z.infer<typeof Assessment>

const csv = <T extends z.ZodType<string, string>>(item: T) =>
  z
    .string()
    .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(item))
    .optional()

export const AssessmentListQuery = z.object({
  /** Every version and stage of one company (its members see the validated ones only). */
  companyId: Id.optional(),
  /** Assessments of this unit and the units below it. */
  unitId: Id.optional(),
  status: csv(z.enum(ASSESSMENT_STATUSES)),
  stage: csv(z.enum(ASSESSMENT_STAGES)),
  mode: csv(z.enum(ASSESSMENT_MODES)),
  instrument: csv(DmaInstrumentIdSchema),
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
})
export type AssessmentListQuery = z.infer<typeof AssessmentListQuery>

export const AssessmentPage = z.object({ items: z.array(AssessmentSummary), nextCursor: z.string().nullable() }).openapi('AssessmentPage')

export const AssessmentLinkCreateInput = z
  .object({
    email: z.string().trim().toLowerCase().email().max(254),
    /** Language of the mail and of the questionnaire. Default: Italian. */
    locale: z.enum(['it', 'en']).optional(),
  })
  .openapi('AssessmentLinkCreateInput')
export type AssessmentLinkCreateInput = z.infer<typeof AssessmentLinkCreateInput>

/** Module 1 fields that may be written back to the company record (with the staff member's consent). */
export const CUSTOMER_DATA_WRITABLE_FIELDS = ['name', 'website', 'foundingYear', 'address', 'comuneIstat', 'atecoCode'] as const
export type CustomerDataWritableField = (typeof CUSTOMER_DATA_WRITABLE_FIELDS)[number]

export const AssessmentCustomerDataComparison = z
  .object({
    fields: z.array(
      z.object({
        field: z.enum(CUSTOMER_DATA_WRITABLE_FIELDS),
        /** What Module 1 of the assessment says (a comune shows its name beside the code). */
        assessment: z.union([z.string(), z.number()]).nullable(),
        company: z.union([z.string(), z.number()]).nullable(),
        assessmentLabel: z.string().nullable(),
        companyLabel: z.string().nullable(),
        differs: z.boolean(),
      }),
    ),
    /** The caller may update the company record. */
    canApply: z.boolean(),
  })
  .openapi('AssessmentCustomerDataComparison')
export type AssessmentCustomerDataComparison = z.infer<typeof AssessmentCustomerDataComparison>

export const AssessmentCustomerDataApplyInput = z
  .object({ fields: z.array(z.enum(CUSTOMER_DATA_WRITABLE_FIELDS)).min(1).max(CUSTOMER_DATA_WRITABLE_FIELDS.length) })
  .openapi('AssessmentCustomerDataApplyInput')
export type AssessmentCustomerDataApplyInput = z.infer<typeof AssessmentCustomerDataApplyInput>

export const AssessmentReportSendInput = z
  .object({
    email: z.string().trim().toLowerCase().email().max(254),
    /** Language of the mail and of the report. Default: Italian. */
    locale: z.enum(['it', 'en']).optional(),
    /** A personal line added to the mail. */
    message: z.string().trim().max(2000).optional(),
  })
  .openapi('AssessmentReportSendInput')
export type AssessmentReportSendInput = z.infer<typeof AssessmentReportSendInput>

export const AssessmentReportSent = z
  .object({ mailId: Id, email: z.string(), delivery: z.enum(['outbox', 'sent', 'failed']) })
  .openapi('AssessmentReportSent')
export type AssessmentReportSent = z.infer<typeof AssessmentReportSent>

export const AssessmentLink = z
  .object({
    id: Id,
    assessmentId: Id,
    email: z.string(),
    locale: z.enum(['it', 'en']),
    status: z.enum(ASSESSMENT_LINK_STATUSES),
    expiresAt: IsoDateTime,
    revokedAt: IsoDateTime.nullable(),
    lastOpenedAt: IsoDateTime.nullable(),
    createdAt: IsoDateTime,
  })
  .openapi('AssessmentLink')
export type AssessmentLink = z.infer<typeof AssessmentLink>

/** What the holder of a self-assessment link sees: the questionnaire state, nothing of the hub. */
export const SelfAssessment = z
  .object({
    companyName: z.string(),
    stage: z.enum(ASSESSMENT_STAGES),
    instrument: DmaInstrumentIdSchema,
    instrumentVersion: z.string(),
    locale: z.enum(['it', 'en']),
    status: z.enum(ASSESSMENT_STATUSES),
    /** True once submitted: the answers can be read but not changed. */
    readOnly: z.boolean(),
    answers: z.record(z.string(), z.unknown()),
    issues: z.array(DmaAnswerIssue),
    expiresAt: IsoDateTime,
  })
  .openapi('SelfAssessment')
export type SelfAssessment = z.infer<typeof SelfAssessment>

export const SelfAssessmentSaveInput = z.object({ answers: AssessmentAnswersInput }).openapi('SelfAssessmentSaveInput')

// ---------------------------------------------------------------------------------------------
// Hub dashboard (issue 4 "Hub dashboard"): counts, distributions and T0 → T1 deltas.

export const AssessmentDashboardQuery = z.object({
  /** Narrows to this unit and the units below it (it must be one the caller reads). */
  unitId: Id.optional(),
  instrumentId: DmaInstrumentIdSchema.optional(),
  /** Period on the assessment's date (`assessedOn`, else its validation or creation day), inclusive. */
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  /** Page of the per-company T0 → T1 deltas. */
  deltaLimit: z.coerce.number().int().min(1).max(200).default(25),
  deltaOffset: z.coerce.number().int().min(0).max(1_000_000).default(0),
})
export type AssessmentDashboardQuery = z.infer<typeof AssessmentDashboardQuery>

/** Current versions (superseded ones excluded) and, among them, the validated ones. */
const DashboardCount = { count: z.number().int(), validated: z.number().int() }
const DimensionOrOverall = z.enum([...DMA_DIMENSION_IDS, 'overall'])

export const AssessmentDistribution = z
  .object({
    id: DimensionOrOverall,
    n: z.number().int(),
    /** Null when n = 0. Quartiles by linear interpolation (percentile_cont). */
    mean: z.number().nullable(),
    min: z.number().nullable(),
    q1: z.number().nullable(),
    median: z.number().nullable(),
    q3: z.number().nullable(),
    max: z.number().nullable(),
    /** Ten 10-point bins: [0,10), [10,20), …, [90,100] (100 in the last). */
    histogram: z.array(z.number().int()).length(10),
  })
  .openapi('AssessmentDistribution')
export type AssessmentDistribution = z.infer<typeof AssessmentDistribution>

const DeltaScores = z.object({ overall: z.number(), D1: z.number(), D2: z.number(), D3: z.number(), D4: z.number(), D5: z.number(), D6: z.number() })

export const AssessmentDelta = z
  .object({
    companyId: Id,
    companyName: z.string(),
    instrument: DmaInstrumentIdSchema,
    t0Id: Id,
    t1Id: Id,
    t0Overall: z.number(),
    t1Overall: z.number(),
    /** T1 minus T0, in points (0-100 scale), unrounded. */
    delta: DeltaScores,
  })
  .openapi('AssessmentDelta')
export type AssessmentDelta = z.infer<typeof AssessmentDelta>

export const AssessmentDashboard = z
  .object({
    counts: z.object({
      total: z.number().int(),
      validated: z.number().int(),
      byStage: z.array(z.object({ stage: z.enum(ASSESSMENT_STAGES), ...DashboardCount })),
      byMode: z.array(z.object({ mode: z.enum(ASSESSMENT_MODES), ...DashboardCount })),
      byStatus: z.array(z.object({ status: z.enum(['draft', 'submitted', 'validated']), count: z.number().int() })),
      byUnit: z.array(z.object({ unitId: Id, unitName: z.string(), ...DashboardCount })),
      /** Months (YYYY-MM) that have assessments, oldest first. */
      byMonth: z.array(z.object({ month: z.string(), ...DashboardCount })),
    }),
    /** Over the validated current assessments. */
    distribution: z.array(AssessmentDistribution),
    deltas: z.object({
      /** Companies with a validated T0 and a validated T1 of the same instrument. */
      companies: z.number().int(),
      /** The EDIH KPI "increase in digital maturity": mean T1 − T0; null without companies. */
      average: DeltaScores.nullable(),
      improved: z.number().int(),
      /** improved / companies (0-1); null without companies. */
      improvedShare: z.number().nullable(),
      items: z.array(AssessmentDelta),
      limit: z.number().int(),
      offset: z.number().int(),
    }),
  })
  .openapi('AssessmentDashboard')
export type AssessmentDashboard = z.infer<typeof AssessmentDashboard>

// ---------------------------------------------------------------------------------------------
// Exports (the EDIH reporting tool's spreadsheet; CSV/XLSX of every assessment with raw answers)
// and the import of the EDIH spreadsheet shape (assessments done elsewhere).

/** `edih`: the EDIH reporting tool's XLSX; `csv`/`xlsx`: every assessment with metadata and raw answers. */
export const ASSESSMENT_EXPORT_FORMATS = ['edih', 'csv', 'xlsx'] as const
export type AssessmentExportFormat = (typeof ASSESSMENT_EXPORT_FORMATS)[number]

/** The list filters (no paging) plus the format. `edih` defaults to status `validated`. */
export const AssessmentExportQuery = AssessmentListQuery.omit({ cursor: true, limit: true }).extend({
  format: z.enum(ASSESSMENT_EXPORT_FORMATS).default('xlsx'),
})
export type AssessmentExportQuery = z.infer<typeof AssessmentExportQuery>

/** Sheets and columns of the EDIH reporting tool (dma.md "Export compatible with the EDIH reporting tool"). */
export const EDIH_SHEETS = {
  'eu-dma-sme': { sheet: 'My SMEs DMA Results', nameColumn: 'SME name' },
  'eu-dma-pso': { sheet: 'My PSOs DMA Results', nameColumn: 'PSO name' },
} as const satisfies Record<DmaInstrumentId, { sheet: string; nameColumn: string }>
export const EDIH_SCORE_COLUMN = 'DMA Score'
export const EDIH_NAME_COLUMN = 'EDIH Name'

/** Imports are small and synchronous. */
export const ASSESSMENT_IMPORT_MAX_ROWS = 5000
export const ASSESSMENT_IMPORT_MAX_BYTES = 5 * 1024 * 1024

const FormBoolean = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')])

/** JSON form of the import upload (the web sends multipart with the same fields and `file`). */
export const AssessmentImportInput = z
  .object({
    fileName: z.string().min(1).max(255),
    /** The XLSX, base64. */
    content: z.string().min(1),
    /** Default T0. */
    stage: z.enum(ASSESSMENT_STAGES).default('T0'),
    /** When the assessments took place (YYYY-MM-DD). Default: today. */
    assessedOn: z.iso.date().optional(),
    /** Default true: report what would happen and write nothing. */
    dryRun: FormBoolean.default(true),
    /** Match only companies of this unit (and below); default every unit the caller writes. */
    unitId: Id.optional(),
  })
  .openapi('AssessmentImportInput')
export type AssessmentImportInput = z.infer<typeof AssessmentImportInput>

export const ASSESSMENT_IMPORT_ROW_CODES = [
  'nameMissing',
  'scoreMissing',
  'scoreNotNumber',
  'scoreOutOfRange',
  'noMatch',
  'vatNoMatch',
  'ambiguous',
  'duplicateRow',
] as const

export const AssessmentImportRow = z
  .object({
    sheet: z.string(),
    instrument: DmaInstrumentIdSchema,
    /** Row number in the sheet (the header is row 1). */
    row: z.number().int(),
    name: z.string(),
    vatNumber: z.string().nullable(),
    /** `create`: would be (dry run) or was created; `error`: see errors. */
    outcome: z.enum(['create', 'error']),
    company: z.object({ id: Id, name: z.string(), vatNumber: z.string() }).nullable(),
    overall: z.number().nullable(),
    band: DmaBandIdSchema.nullable(),
    dimensions: z.record(DmaDimensionIdSchema, z.number().nullable()),
    /** The created assessment (real run). */
    assessmentId: Id.nullable(),
    errors: z.array(z.object({ column: z.string().nullable(), code: z.enum(ASSESSMENT_IMPORT_ROW_CODES), message: z.string() })),
  })
  .openapi('AssessmentImportRow')
export type AssessmentImportRow = z.infer<typeof AssessmentImportRow>

export const AssessmentImportReport = z
  .object({
    fileName: z.string(),
    dryRun: z.boolean(),
    /** False when nothing was written: a dry run, or a file with errors (all or nothing). */
    applied: z.boolean(),
    stage: z.enum(ASSESSMENT_STAGES),
    assessedOn: z.string(),
    total: z.number().int(),
    /** Rows that would be (dry run) or were imported. */
    created: z.number().int(),
    errorRows: z.number().int(),
    rows: z.array(AssessmentImportRow),
  })
  .openapi('AssessmentImportReport')
export type AssessmentImportReport = z.infer<typeof AssessmentImportReport>

// ── Attachments (assisted assessments: evidence files per question) ─────────────────────────

/** Per file. Photos of a plant, a PDF of a procedure, a spreadsheet of an inventory. */
export const ASSESSMENT_ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024
export const ASSESSMENT_ATTACHMENT_TYPES = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/webp',
  'text/plain',
  'text/csv',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
] as const

export const AssessmentAttachment = z
  .object({
    id: Id,
    assessmentId: Id,
    /** The question the file is evidence for; null for the assessment as a whole. */
    questionId: z.string().nullable(),
    fileName: z.string(),
    contentType: z.string(),
    size: z.number().int(),
    uploadedBy: z.object({ id: Id, name: z.string() }).nullable(),
    createdAt: IsoDateTime,
  })
  .openapi('AssessmentAttachment')
export type AssessmentAttachment = z.infer<typeof AssessmentAttachment>

/** JSON upload (the web app sends multipart `file`; scripts may send base64). */
export const AssessmentAttachmentUploadInput = z
  .object({
    fileName: z.string().trim().min(1).max(200),
    contentType: z.string().max(120),
    content: z.string().min(1).max(Math.ceil((ASSESSMENT_ATTACHMENT_MAX_BYTES * 4) / 3) + 8),
    questionId: DmaQuestionId.nullable().optional(),
  })
  .openapi('AssessmentAttachmentUploadInput')
export type AssessmentAttachmentUploadInput = z.infer<typeof AssessmentAttachmentUploadInput>
