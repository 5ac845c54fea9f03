/**
 * API contract of the action catalogue (ADR 0025): read by every signed-in user, edited by network
 * admins (each edit a new version). The zod shapes mirror `CatalogueAction` in
 * engine/catalogue.types.ts; `checkActionCatalogue` then checks what zod cannot (references into
 * the questionnaires, prerequisites, cycles).
 */
import { z } from '@hono/zod-openapi'
import { DMA_DUAL_COLUMNS } from '../assessments/assessments.contract'
import { ACTION_TAGS, EDIH_SERVICE_TYPES, FUNDING_INSTRUMENT_IDS, ROADMAP_HORIZONS } from './engine/catalogue.types'

const Localized = (max: number) => z.object({ it: z.string().trim().min(1).max(max), en: z.string().trim().min(1).max(max) })
const Slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/).max(80)

export const ActionItemRefSchema = z.object({
  question: z.string().regex(/^[QP]\d{1,2}$/),
  items: z.array(z.number().int().min(1).max(50)).min(1).max(50),
  column: z.enum(DMA_DUAL_COLUMNS).optional(),
  level: z.number().int().min(1).max(5).optional(),
})

export const CatalogueActionSchema = z
  .object({
    id: Slug,
    title: Localized(200),
    description: Localized(1000),
    moves: z.object({ 'eu-dma-sme': z.array(ActionItemRefSchema).max(20).optional(), 'eu-dma-pso': z.array(ActionItemRefSchema).max(20).optional() }),
    prerequisites: z.array(Slug).max(20),
    horizon: z.enum(ROADMAP_HORIZONS),
    effort: z.object({
      level: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]),
      personDays: z.object({ min: z.number().min(0).max(10_000), max: z.number().min(0).max(10_000) }),
    }),
    cost: z.object({ min: z.number().min(0).max(100_000_000), max: z.number().min(0).max(100_000_000) }),
    serviceType: z.enum(EDIH_SERVICE_TYPES),
    funding: z.array(z.enum(FUNDING_INSTRUMENT_IDS)).max(FUNDING_INSTRUMENT_IDS.length),
    tags: z.array(z.enum(ACTION_TAGS)).max(ACTION_TAGS.length),
  })
  .openapi('CatalogueAction')
export type CatalogueActionInput = z.infer<typeof CatalogueActionSchema>

export const RoadmapGuardSchema = z.object({
  id: z.string(),
  kind: z.enum(['before', 'alongside']),
  trigger: z.enum(ACTION_TAGS),
  required: z.enum(ACTION_TAGS),
  name: Localized(200),
})

export const RoadmapCatalogue = z
  .object({
    /** The version in use: the built-in id, or `<built-in id>.<n>` after n admin edits. */
    id: z.string(),
    source: z.enum(['built-in', 'edited']),
    description: Localized(1000),
    inPlace: z.object({ dual: z.enum(DMA_DUAL_COLUMNS), scale05: z.number().int(), tristate: z.enum(['partially', 'yes']) }),
    guards: z.array(RoadmapGuardSchema),
    actions: z.array(CatalogueActionSchema),
    /** The last edit (null for the built-in version). */
    note: z.string().nullable(),
    createdAt: z.string().nullable(),
    createdByName: z.string().nullable(),
  })
  .openapi('RoadmapCatalogue')
export type RoadmapCatalogue = z.infer<typeof RoadmapCatalogue>

export const RoadmapCatalogueVersion = z
  .object({
    id: z.string(),
    basedOn: z.string().nullable(),
    source: z.enum(['built-in', 'edited']),
    actionId: z.string().nullable(),
    note: z.string().nullable(),
    createdAt: z.string().nullable(),
    createdByName: z.string().nullable(),
  })
  .openapi('RoadmapCatalogueVersion')
export type RoadmapCatalogueVersion = z.infer<typeof RoadmapCatalogueVersion>

/** Newest first; the built-in version last. */
export const RoadmapCatalogueVersionList = z.object({ items: z.array(RoadmapCatalogueVersion) }).openapi('RoadmapCatalogueVersionList')
export type RoadmapCatalogueVersionList = z.infer<typeof RoadmapCatalogueVersionList>

export const RoadmapCatalogueEditInput = z
  .object({
    action: CatalogueActionSchema,
    /** Why: kept with the version. */
    note: z.string().trim().min(1).max(500),
    /** The catalogue version the admin edited (409 when another edit came first). */
    baseVersion: z.string().min(1).max(40),
  })
  .openapi('RoadmapCatalogueEditInput')
export type RoadmapCatalogueEditInput = z.infer<typeof RoadmapCatalogueEditInput>
