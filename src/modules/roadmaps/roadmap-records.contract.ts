/**
 * API contract of stored roadmaps (issue 5, "Roadmaps"): a company's digital roadmap generated from
 * a validated assessment, edited by experts and staff (every save a new version), signed off by the
 * company through a link, and followed item by item. Shared by server and web.
 */
import { z } from '@hono/zod-openapi'
import { DMA_DIMENSION_IDS, DMA_INSTRUMENT_IDS } from '../assessments/assessments.contract'
import { ROADMAP_HORIZONS } from './engine/catalogue.types'

const Id = z.string().uuid()
const IsoDateTime = z.string().datetime({ offset: true })
const IsoDate = z.iso.date().openapi({ example: '2027-03-31' })
const Dimension = z.enum(DMA_DIMENSION_IDS)

export const ROADMAP_STATUSES = ['draft', 'awaiting_signoff', 'signed', 'archived'] as const
export type RoadmapStatus = (typeof ROADMAP_STATUSES)[number]
export const ROADMAP_ITEM_STATUSES = ['planned', 'in_progress', 'done', 'dropped'] as const
export type RoadmapItemStatus = (typeof ROADMAP_ITEM_STATUSES)[number]

const Localized = z.object({ it: z.string().max(300), en: z.string().max(300) })

/** Per DMA dimension, a number (targets 0–100, importance 1–5). */
export const RoadmapTargets = z.partialRecord(Dimension, z.number())
export type RoadmapTargets = z.infer<typeof RoadmapTargets>

/** Why an item is in the roadmap, as the generator explained it (null: added by hand). */
const ItemReason = z.object({
  code: z.string().max(80),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  text: z.object({ it: z.string().max(4000), en: z.string().max(4000) }),
})

/** One item of a stored roadmap version. `id` is stable across versions (projects refer to it). */
export const RoadmapRecordItem = z
  .object({
    id: Id,
    /** The catalogue action it comes from; null for an item written by hand. */
    actionId: z.string().max(80).nullable(),
    title: Localized,
    dimension: Dimension,
    /** What it should move: DMA items (e.g. `Q8.5`) per dimension. */
    moves: z.array(z.object({ dimension: Dimension, items: z.array(z.string().max(20)).max(40) })).max(6),
    reason: ItemReason.nullable(),
    horizon: z.enum(ROADMAP_HORIZONS),
    priority: z.number().min(0).max(1000),
    owner: z.string().trim().max(120).nullable(),
    startOn: IsoDate.nullable(),
    dueOn: IsoDate.nullable(),
    status: z.enum(ROADMAP_ITEM_STATUSES),
    note: z.string().trim().max(2000).nullable(),
  })
  .openapi('RoadmapItem')
export type RoadmapRecordItem = z.infer<typeof RoadmapRecordItem>

/** An item as the editor sends it: a new item has no id yet; a title typed by hand fills both languages. */
export const RoadmapItemInput = RoadmapRecordItem.extend({
  id: Id.optional(),
  actionId: z.string().max(80).nullable().default(null),
  title: z.union([z.string().trim().min(1, { error: 'errors.required' }).max(300), Localized]),
  moves: RoadmapRecordItem.shape.moves.default([]),
  reason: ItemReason.nullable().default(null),
  priority: z.number().min(0).max(1000).default(0),
  owner: z.string().trim().max(120).nullable().default(null),
  startOn: IsoDate.nullable().default(null),
  dueOn: IsoDate.nullable().default(null),
  status: z.enum(ROADMAP_ITEM_STATUSES).default('planned'),
  note: z.string().trim().max(2000).nullable().default(null),
})
  .refine((i) => !i.startOn || !i.dueOn || i.startOn <= i.dueOn, { error: 'errors.roadmapItemDates', path: ['dueOn'] })
export type RoadmapItemInput = z.input<typeof RoadmapItemInput>

export const RoadmapCreateInput = z
  .object({
    assessmentId: Id,
    /** Target per dimension (defaults: the lower bound of the next band). */
    targets: RoadmapTargets.optional(),
    /** Business importance per dimension, 1–5, set with the company (default 3). */
    importance: RoadmapTargets.optional(),
    expertUserId: Id.nullable().optional(),
  })
  .openapi('RoadmapCreateInput')
export type RoadmapCreateInput = z.infer<typeof RoadmapCreateInput>

export const RoadmapSaveInput = z
  .object({
    /** The version the editor started from: a save over a newer version is refused (409), never merged silently. */
    baseVersion: z.number().int().min(1),
    items: z.array(RoadmapItemInput).max(200),
    note: z.string().trim().max(500).optional(),
  })
  .openapi('RoadmapSaveInput')
export type RoadmapSaveInput = z.input<typeof RoadmapSaveInput>

export const RoadmapVersionSummary = z.object({
  version: z.number().int(),
  kind: z.enum(['generated', 'edited', 'regenerated']),
  note: z.string().nullable(),
  createdBy: z.object({ id: Id, name: z.string() }).nullable(),
  createdAt: IsoDateTime,
  itemCount: z.number().int(),
})

export const RoadmapGap = z.object({
  dimension: Dimension,
  score: z.number(),
  target: z.number(),
  gap: z.number(),
  importance: z.number(),
})

export const Roadmap = z
  .object({
    id: Id,
    company: z.object({ id: Id, name: z.string() }),
    unitId: Id,
    assessment: z.object({ id: Id, stage: z.string(), overall: z.number().nullable(), assessedOn: z.string().nullable() }),
    instrumentId: z.enum(DMA_INSTRUMENT_IDS),
    catalogueVersion: z.string(),
    expert: z.object({ id: Id, name: z.string() }).nullable(),
    status: z.enum(ROADMAP_STATUSES),
    version: z.number().int(),
    items: z.array(RoadmapRecordItem),
    gaps: z.array(RoadmapGap),
    progress: z.object({ total: z.number().int(), done: z.number().int(), inProgress: z.number().int(), dropped: z.number().int() }),
    t1DueOn: IsoDate.nullable(),
    t1DueOnManual: z.boolean(),
    signoff: z
      .object({
        email: z.string().nullable(),
        sentAt: IsoDateTime.nullable(),
        expiresAt: IsoDateTime.nullable(),
        signedVersion: z.number().int().nullable(),
        signedAt: IsoDateTime.nullable(),
        signerName: z.string().nullable(),
        signerRole: z.string().nullable(),
      }),
    versions: z.array(RoadmapVersionSummary),
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
    can: z.object({ edit: z.boolean(), sendForSignoff: z.boolean() }),
  })
  .openapi('Roadmap')
export type Roadmap = z.infer<typeof Roadmap>

export const RoadmapListItem = Roadmap.pick({ id: true, company: true, instrumentId: true, status: true, version: true, progress: true, t1DueOn: true, createdAt: true, updatedAt: true }).extend({
  signedAt: IsoDateTime.nullable(),
})
export const RoadmapListQuery = z.object({
  companyId: Id.optional(),
  status: z.enum(ROADMAP_STATUSES).optional(),
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
})
export const RoadmapPage = z.object({ items: z.array(RoadmapListItem), nextCursor: z.string().nullable() }).openapi('RoadmapPage')
export type RoadmapPage = z.infer<typeof RoadmapPage>

/** What changed between two versions, item by item (matched by id). */
export const RoadmapDiff = z
  .object({
    from: z.number().int(),
    to: z.number().int(),
    added: z.array(RoadmapRecordItem),
    removed: z.array(RoadmapRecordItem),
    changed: z.array(
      z.object({
        id: Id,
        title: Localized,
        fields: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
      }),
    ),
  })
  .openapi('RoadmapDiff')
export type RoadmapDiff = z.infer<typeof RoadmapDiff>

export const RoadmapSignoffSendInput = z
  .object({
    email: z.string().trim().toLowerCase().email().max(254),
    locale: z.enum(['it', 'en']).optional(),
    message: z.string().trim().max(1000).optional(),
  })
  .openapi('RoadmapSignoffSendInput')

export const RoadmapT1Input = z.object({ dueOn: IsoDate.nullable() }).openapi('RoadmapT1Input')

/** What the company sees through the sign-off link (no account): the roadmap, read-only. */
export const PublicRoadmap = z
  .object({
    companyName: z.string(),
    instrumentId: z.enum(DMA_INSTRUMENT_IDS),
    version: z.number().int(),
    items: z.array(RoadmapRecordItem),
    gaps: z.array(RoadmapGap),
    t1DueOn: IsoDate.nullable(),
    status: z.enum(['awaiting_signoff', 'signed', 'expired', 'replaced']),
    signedAt: IsoDateTime.nullable(),
    signerName: z.string().nullable(),
  })
  .openapi('PublicRoadmap')
export type PublicRoadmap = z.infer<typeof PublicRoadmap>

export const RoadmapSignInput = z
  .object({
    name: z.string().trim().min(2, { error: 'errors.required' }).max(120),
    role: z.string().trim().max(120).optional(),
    /** The version the signer read: a roadmap changed meanwhile is refused (409). */
    version: z.number().int().min(1),
    accept: z.literal(true, { error: 'errors.roadmapSignAccept' }),
  })
  .openapi('RoadmapSignInput')
