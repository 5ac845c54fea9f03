/**
 * API contract of the projects module (issue 5, "Projects and support days"): projects of support
 * days for a company, their milestones, the append-only support-day ledger with the company's
 * confirmation by link and staff approval, burn-down, totals, workload, and expert matching.
 * Shared by server and web.
 */
import { z } from '@hono/zod-openapi'

const Id = z.string().uuid()
const IsoDateTime = z.string().datetime({ offset: true })
const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'errors.invalidDate' })
const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'errors.invalidMonth' })

export const PROJECT_STATUSES = ['planned', 'active', 'completed', 'cancelled'] as const
export type ProjectStatus = (typeof PROJECT_STATUSES)[number]

export const CONFIRMATION_STATUSES = ['pending', 'confirmed', 'disputed'] as const
export type ConfirmationStatus = (typeof CONFIRMATION_STATUSES)[number]

/** Hours per support day: an entry in hours is converted at this rate (the hours are kept too). */
export const SUPPORT_DAY_HOURS = 8
/** Days a confirmation link stays valid. */
export const SUPPORT_DAY_LINK_DAYS = 30

/** Days from hours at 8 h = 1 day, to the thousandth (the ledger's precision). */
export function hoursToDays(hours: number): number {
  return Math.round((hours / SUPPORT_DAY_HOURS) * 1000) / 1000
}

const csv = <T extends z.ZodType<string, string>>(item: T) =>
  z
    .string()
    .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(item))
    .optional()

/**
 * A roadmap item a project or an entry works on: an item of one of the company's stored roadmaps
 * (`roadmapId` + `itemId`; the server checks it and keeps the title and action as the roadmap has
 * them), or a catalogue action named by hand (`actionId` + `title`).
 */
export const RoadmapItemRef = z
  .object({
    roadmapId: Id.optional(),
    itemId: z.string().max(100).optional(),
    /** The catalogue action; null for an item the roadmap's editors wrote by hand. */
    actionId: z.string().trim().min(1).max(100).nullable(),
    title: z.string().trim().min(1).max(300),
  })
  .openapi('RoadmapItemRef')
export type RoadmapItemRef = z.infer<typeof RoadmapItemRef>

const Budget = z.number().positive().max(9999).multipleOf(0.01, { error: 'errors.projectBudgetPrecision' })

export const ProjectCreateInput = z
  .object({
    companyId: Id,
    /** Default: the company's unit. */
    unitId: Id.optional(),
    title: z.string().trim().min(1).max(200),
    description: z.string().trim().max(5000).nullable().optional(),
    roadmapItems: z.array(RoadmapItemRef).max(50).optional(),
    budgetDays: Budget,
    startsOn: IsoDay.nullable().optional(),
    endsOn: IsoDay.nullable().optional(),
    expertUserId: Id.nullable().optional(),
  })
  .openapi('ProjectCreateInput')
export type ProjectCreateInput = z.infer<typeof ProjectCreateInput>

export const ProjectUpdateInput = z
  .object({
    title: z.string().trim().min(1).max(200).optional(),
    description: z.string().trim().max(5000).nullable().optional(),
    roadmapItems: z.array(RoadmapItemRef).max(50).optional(),
    budgetDays: Budget.optional(),
    startsOn: IsoDay.nullable().optional(),
    endsOn: IsoDay.nullable().optional(),
  })
  .openapi('ProjectUpdateInput')
export type ProjectUpdateInput = z.infer<typeof ProjectUpdateInput>

/** planned → active → completed; planned|active → cancelled. Completion carries outcome and rating. */
export const ProjectTransitionInput = z
  .object({
    status: z.enum(['active', 'completed', 'cancelled']),
    outcome: z.string().trim().max(5000).nullable().optional(),
    /** 1–5: the expert's work, set by staff at completion. */
    expertRating: z.number().int().min(1).max(5).nullable().optional(),
  })
  .openapi('ProjectTransitionInput')
export type ProjectTransitionInput = z.infer<typeof ProjectTransitionInput>

export const ProjectAssignInput = z.object({ expertUserId: Id }).openapi('ProjectAssignInput')
export type ProjectAssignInput = z.infer<typeof ProjectAssignInput>

export const MilestoneInput = z
  .object({
    title: z.string().trim().min(1).max(200),
    dueOn: IsoDay.nullable().optional(),
  })
  .openapi('ProjectMilestoneInput')
export type MilestoneInput = z.infer<typeof MilestoneInput>

export const MilestoneUpdateInput = z
  .object({
    title: z.string().trim().min(1).max(200).optional(),
    dueOn: IsoDay.nullable().optional(),
    done: z.boolean().optional(),
  })
  .openapi('ProjectMilestoneUpdateInput')
export type MilestoneUpdateInput = z.infer<typeof MilestoneUpdateInput>

export const Milestone = z
  .object({ id: Id, projectId: Id, title: z.string(), dueOn: IsoDay.nullable(), doneAt: IsoDateTime.nullable(), createdAt: IsoDateTime })
  .openapi('ProjectMilestone')
export type Milestone = z.infer<typeof Milestone>

const PersonRef = z.object({ id: Id, name: z.string() })

export const ProjectSummary = z
  .object({
    id: Id,
    companyId: Id,
    companyName: z.string(),
    unitId: Id,
    expert: PersonRef.nullable(),
    title: z.string(),
    status: z.enum(PROJECT_STATUSES),
    budgetDays: z.number(),
    /** Sum of the entries that count against the budget (all but disputed ones). */
    loggedDays: z.number(),
    confirmedDays: z.number(),
    approvedDays: z.number(),
    startsOn: IsoDay.nullable(),
    endsOn: IsoDay.nullable(),
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
  })
  .openapi('ProjectSummary')
export type ProjectSummary = z.infer<typeof ProjectSummary>

export const Project = ProjectSummary.extend({
  description: z.string().nullable(),
  roadmapItems: z.array(RoadmapItemRef),
  outcome: z.string().nullable(),
  expertRating: z.number().int().nullable(),
  completedAt: IsoDateTime.nullable(),
  remainingDays: z.number(),
  milestones: z.array(Milestone),
  can: z.object({
    update: z.boolean(),
    assign: z.boolean(),
    transition: z.boolean(),
    logEntry: z.boolean(),
    approve: z.boolean(),
    sendConfirmation: z.boolean(),
  }),
}).openapi('Project')
export type Project = z.infer<typeof Project>

export const ProjectListQuery = z.object({
  companyId: Id.optional(),
  /** Projects of this unit and the units below it. */
  unitId: Id.optional(),
  status: csv(z.enum(PROJECT_STATUSES)),
  expertUserId: Id.optional(),
  /** Only the caller's own projects as their expert. */
  mine: z.enum(['true', 'false']).optional(),
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
})
export type ProjectListQuery = z.infer<typeof ProjectListQuery>

export const ProjectPage = z.object({ items: z.array(ProjectSummary), nextCursor: z.string().nullable() }).openapi('ProjectPage')
export type ProjectPage = z.infer<typeof ProjectPage>

/**
 * One ledger entry. Duration in days (signed: a correction usually takes days back) or in hours
 * (converted at 8 h = 1 day; the hours are kept as entered).
 */
export const SupportDayEntryInput = z
  .object({
    workedOn: IsoDay,
    days: z.number().min(-100).max(100).optional(),
    hours: z.number().min(-800).max(800).optional(),
    activity: z.string().trim().min(1).max(2000),
    outcome: z.string().trim().max(2000).nullable().optional(),
    roadmapItems: z.array(RoadmapItemRef).max(50).optional(),
    /** A correction: the entry it corrects; the duration is then the change (e.g. -0.5). */
    correctsEntryId: Id.optional(),
  })
  .refine((v) => (v.days === undefined) !== (v.hours === undefined), { error: 'errors.supportDayDurationOne', path: ['days'] })
  .openapi('SupportDayEntryInput')
export type SupportDayEntryInput = z.infer<typeof SupportDayEntryInput>

export const SupportDayEntry = z
  .object({
    id: Id,
    projectId: Id,
    seq: z.number().int(),
    workedOn: IsoDay,
    days: z.number(),
    hours: z.number().nullable(),
    activity: z.string(),
    outcome: z.string().nullable(),
    roadmapItems: z.array(RoadmapItemRef),
    loggedBy: PersonRef,
    correctsEntryId: Id.nullable(),
    /** Seq numbers of the corrections written for this entry. */
    correctedBy: z.array(z.number().int()),
    confirmationStatus: z.enum(CONFIRMATION_STATUSES),
    confirmationEmail: z.string().nullable(),
    confirmationSentAt: IsoDateTime.nullable(),
    confirmedAt: IsoDateTime.nullable(),
    confirmerName: z.string().nullable(),
    disputeNote: z.string().nullable(),
    approvedBy: PersonRef.nullable(),
    approvedAt: IsoDateTime.nullable(),
    createdAt: IsoDateTime,
  })
  .openapi('SupportDayEntry')
export type SupportDayEntry = z.infer<typeof SupportDayEntry>

export const SupportDayEntryList = z.object({ items: z.array(SupportDayEntry) }).openapi('SupportDayEntryList')

export const SendConfirmationInput = z
  .object({
    email: z.string().trim().toLowerCase().email().max(254),
    locale: z.enum(['it', 'en']).optional(),
  })
  .openapi('SupportDaySendConfirmationInput')
export type SendConfirmationInput = z.infer<typeof SendConfirmationInput>

/** What the holder of a confirmation link sees (no account). */
export const SupportDayConfirmation = z
  .object({
    companyName: z.string(),
    projectTitle: z.string(),
    expertName: z.string().nullable(),
    seq: z.number().int(),
    workedOn: IsoDay,
    days: z.number(),
    hours: z.number().nullable(),
    activity: z.string(),
    outcome: z.string().nullable(),
    isCorrection: z.boolean(),
    locale: z.enum(['it', 'en']),
    status: z.enum(CONFIRMATION_STATUSES),
    confirmedAt: IsoDateTime.nullable(),
    confirmerName: z.string().nullable(),
    disputeNote: z.string().nullable(),
    expiresAt: IsoDateTime,
  })
  .openapi('SupportDayConfirmation')
export type SupportDayConfirmation = z.infer<typeof SupportDayConfirmation>

export const ConfirmInput = z.object({ name: z.string().trim().min(1).max(200) }).openapi('SupportDayConfirmInput')
export type ConfirmInput = z.infer<typeof ConfirmInput>
export const DisputeInput = z
  .object({ name: z.string().trim().min(1).max(200), note: z.string().trim().min(1).max(2000) })
  .openapi('SupportDayDisputeInput')
export type DisputeInput = z.infer<typeof DisputeInput>

/** Burn-down: cumulative days by date (one point per date with entries), plus the budget. */
export const BurnDown = z
  .object({
    budgetDays: z.number(),
    points: z.array(z.object({ date: IsoDay, logged: z.number(), confirmed: z.number(), approved: z.number(), remaining: z.number() })),
    totals: z.object({ logged: z.number(), confirmed: z.number(), approved: z.number(), disputed: z.number(), remaining: z.number() }),
  })
  .openapi('ProjectBurnDown')
export type BurnDown = z.infer<typeof BurnDown>

export const TOTALS_GROUPS = ['expert', 'company', 'unit', 'month'] as const
export const TotalsQuery = z.object({
  groupBy: z.enum(TOTALS_GROUPS).default('expert'),
  from: IsoDay.optional(),
  to: IsoDay.optional(),
  unitId: Id.optional(),
})
export type TotalsQuery = z.infer<typeof TotalsQuery>
export const SupportDayTotals = z
  .object({
    groupBy: z.enum(TOTALS_GROUPS),
    rows: z.array(z.object({ key: z.string(), label: z.string(), logged: z.number(), confirmed: z.number(), approved: z.number(), entries: z.number().int() })),
  })
  .openapi('SupportDayTotals')
export type SupportDayTotals = z.infer<typeof SupportDayTotals>

export const WorkloadQuery = z.object({ from: Month.optional(), months: z.coerce.number().int().min(1).max(24).default(6), expertUserId: Id.optional() })
export type WorkloadQuery = z.infer<typeof WorkloadQuery>
export const ExpertWorkload = z
  .object({
    months: z.array(Month),
    experts: z.array(z.object({ userId: Id, name: z.string(), committed: z.array(z.number()), logged: z.array(z.number()) })),
  })
  .openapi('ExpertWorkload')
export type ExpertWorkload = z.infer<typeof ExpertWorkload>

export const TimesheetQuery = z.object({ format: z.enum(['xlsx', 'pdf']).default('xlsx'), locale: z.enum(['it', 'en']).optional() })
export const ExpertTimesheetQuery = TimesheetQuery.extend({ expertUserId: Id.optional(), month: Month })

/** The experts module's match factors, as the matching endpoint returns them. */
export const MatchFactorView = z.object({
  key: z.string(),
  weight: z.number(),
  value: z.number(),
  points: z.number(),
  detail: z.object({ code: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])) }),
})
export const ExpertMatchView = z
  .object({
    userId: Id,
    name: z.string(),
    score: z.number(),
    factors: z.array(MatchFactorView),
    excluded: z.object({ reason: z.string(), code: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])) }).nullable(),
    committedDaysPerMonth: z.number(),
    availabilityDaysPerMonth: z.number(),
  })
  .openapi('ProjectExpertMatch')
export type ExpertMatchView = z.infer<typeof ExpertMatchView>
/** How many eligible experts the matching returns by default, and at most. */
export const EXPERT_MATCH_LIMIT = 50
export const EXPERT_MATCH_MAX_LIMIT = 200
export const ExpertMatchQuery = z.object({
  limit: z.coerce.number().int().min(1).max(EXPERT_MATCH_MAX_LIMIT).default(EXPERT_MATCH_LIMIT).openapi({ description: 'How many of the best eligible experts to return (the excluded ones are capped at the same number)' }),
})
export type ExpertMatchQuery = z.infer<typeof ExpertMatchQuery>
export const ExpertMatchList = z
  .object({
    gaps: z.record(z.string(), z.number()),
    /** Where the gaps come from: the company's current roadmap (focused on the project's items), else its latest validated assessment. */
    roadmapId: Id.nullable(),
    assessmentId: Id.nullable(),
    /** The best `limit` eligible experts, best first (score, then name). */
    items: z.array(ExpertMatchView),
    /** Experts excluded for a conflict of interest, by name, at most `limit` (each says why). */
    excluded: z.array(ExpertMatchView),
    /** Eligible experts in the pool the caller sees: `items` is the head of their ranking. */
    eligibleTotal: z.number().int(),
    /** Experts excluded for a conflict of interest in all. */
    excludedTotal: z.number().int(),
    limit: z.number().int(),
  })
  .openapi('ProjectExpertMatches')
export type ExpertMatchList = z.infer<typeof ExpertMatchList>
