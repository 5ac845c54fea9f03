/**
 * API contract of the interactions module (activity layer): the timeline of a company or a contact
 * (calls, emails, meetings, visits, events, notes, documents) and the follow-ups they leave behind.
 * Shared by server and web.
 */
import { z } from '@hono/zod-openapi'

const Id = z.string().uuid()
const IsoDateTime = z.string().datetime({ offset: true })
const IsoDate = z.iso.date().openapi({ example: '2026-11-24' })

/** What happened (issue 3, "Interactions"); later modules add their own entries with a `source`. */
export const INTERACTION_KINDS = ['call', 'email', 'meeting', 'visit', 'event', 'note', 'document'] as const
export type InteractionKind = (typeof INTERACTION_KINDS)[number]

export const PARTICIPANT_TYPES = ['contact', 'user'] as const
export type ParticipantType = (typeof PARTICIPANT_TYPES)[number]

export const FOLLOW_UP_STATUSES = ['open', 'done'] as const
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number]

const emptyToNull = <T extends z.ZodTypeAny>(schema: T) =>
  z.union([z.literal('').transform(() => null), schema.nullable()]).optional()

export const ParticipantRef = z.object({ type: z.enum(PARTICIPANT_TYPES), id: Id }).openapi('InteractionParticipantRef')
export type ParticipantRef = z.infer<typeof ParticipantRef>

export const FollowUpDraft = z
  .object({
    title: z.string().trim().min(1, { error: 'errors.required' }).max(200),
    dueOn: IsoDate,
    assigneeId: Id,
  })
  .openapi('FollowUpDraft')
export type FollowUpDraft = z.infer<typeof FollowUpDraft>

const InteractionFields = {
  kind: z.enum(INTERACTION_KINDS),
  occurredAt: IsoDateTime,
  subject: z.string().trim().min(1, { error: 'errors.required' }).max(200),
  body: emptyToNull(z.string().trim().max(20000)),
  participants: z.array(ParticipantRef).max(50).optional(),
}

export const InteractionCreateInput = z
  .object({
    /** The company the interaction is about; its unit scopes the interaction. */
    companyId: Id.optional(),
    /** Required when there is no company (e.g. a call with a contact only): the owning unit. */
    unitId: Id.optional(),
    ...InteractionFields,
    /** A task to do afterwards, created with the interaction. */
    followUp: FollowUpDraft.optional(),
  })
  .openapi('InteractionCreateInput')
export type InteractionCreateInput = z.infer<typeof InteractionCreateInput>

/** The company and unit of an interaction never change (a merge moves it, not an edit). */
export const InteractionUpdateInput = z.object(InteractionFields).partial().openapi('InteractionUpdateInput')
export type InteractionUpdateInput = z.infer<typeof InteractionUpdateInput>

export const PersonRef = z.object({ id: Id, name: z.string() }).openapi('InteractionPersonRef')

export const Participant = z
  .object({ type: z.enum(PARTICIPANT_TYPES), id: Id, name: z.string() })
  .openapi('InteractionParticipant')
export type Participant = z.infer<typeof Participant>

export const FollowUp = z
  .object({
    id: Id,
    unitId: Id,
    companyId: Id.nullable(),
    companyName: z.string().nullable(),
    interactionId: Id.nullable(),
    title: z.string(),
    dueOn: IsoDate,
    assignee: PersonRef,
    status: z.enum(FOLLOW_UP_STATUSES),
    completedAt: IsoDateTime.nullable(),
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
    can: z.object({ update: z.boolean() }),
  })
  .openapi('FollowUp')
export type FollowUp = z.infer<typeof FollowUp>

export const Interaction = z
  .object({
    id: Id,
    unitId: Id,
    companyId: Id.nullable(),
    companyName: z.string().nullable(),
    kind: z.string().openapi({ description: 'One of INTERACTION_KINDS, or a kind a later module writes' }),
    occurredAt: IsoDateTime,
    subject: z.string(),
    body: z.string().nullable(),
    /** 'manual', or the module that wrote the entry. */
    source: z.string(),
    author: PersonRef.nullable(),
    participants: z.array(Participant),
    followUps: z.array(FollowUp),
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
    can: z.object({ update: z.boolean(), delete: z.boolean() }),
  })
  .openapi('Interaction')
export type Interaction = z.infer<typeof Interaction>

const csv = <T extends z.ZodType<string, string>>(item: T) =>
  z
    .string()
    .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(item))
    .optional()

export const InteractionListQuery = z.object({
  companyId: Id.optional(),
  contactId: Id.optional(),
  kind: csv(z.enum(INTERACTION_KINDS)),
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
})
export type InteractionListQuery = z.infer<typeof InteractionListQuery>

export const InteractionPage = z
  .object({ items: z.array(Interaction), nextCursor: z.string().nullable() })
  .openapi('InteractionPage')

export const FollowUpCreateInput = FollowUpDraft.extend({ companyId: Id }).openapi('FollowUpCreateInput')
export type FollowUpCreateInput = z.infer<typeof FollowUpCreateInput>

export const FollowUpUpdateInput = FollowUpDraft.partial().openapi('FollowUpUpdateInput')
export type FollowUpUpdateInput = z.infer<typeof FollowUpUpdateInput>

export const FollowUpListQuery = z.object({
  /** 'me' for the caller's own follow-ups ("I miei promemoria"), or a user id. */
  assignee: z.union([z.literal('me'), Id]).optional(),
  status: z.enum(FOLLOW_UP_STATUSES).optional(),
  companyId: Id.optional(),
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
})
export type FollowUpListQuery = z.infer<typeof FollowUpListQuery>

export const FollowUpPage = z
  .object({ items: z.array(FollowUp), nextCursor: z.string().nullable() })
  .openapi('FollowUpPage')
