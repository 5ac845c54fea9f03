/**
 * The company's journey timeline (issue 5: "the roadmap appears on the company timeline"): every
 * record other modules reported as evidence of the company's journey (interactions, assessments,
 * roadmaps, projects, support days), newest first, each with the stage it evidences and a summary
 * that the reporting module's web strings render.
 */
import { z } from 'zod'
import { JOURNEY_STAGES } from './companies.reference'

export const CompanyJourneyQuery = z.object({
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
})
export type CompanyJourneyQuery = z.infer<typeof CompanyJourneyQuery>

export const CompanyJourneySummary = z.object({
  /** An i18n key of the reporting module's strings (e.g. `assessments.journey.validated`). */
  key: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  /** The record's page in the web app, when the reader may open it. */
  href: z.string().nullable(),
})
export type CompanyJourneySummary = z.infer<typeof CompanyJourneySummary>

export const CompanyJourneyEntry = z.object({
  id: z.string().uuid(),
  stage: z.enum(JOURNEY_STAGES),
  /** The reporting module's record type: 'interaction', 'assessment', 'roadmap', 'project', 'support_day', … */
  sourceType: z.string(),
  sourceId: z.string().uuid(),
  occurredAt: z.string().datetime(),
  /** Null on records reported before summaries existed: the web shows the source type instead. */
  summary: CompanyJourneySummary.nullable(),
})
export type CompanyJourneyEntry = z.infer<typeof CompanyJourneyEntry>

export const CompanyJourneyPage = z.object({
  items: z.array(CompanyJourneyEntry),
  nextCursor: z.string().nullable(),
})
export type CompanyJourneyPage = z.infer<typeof CompanyJourneyPage>
