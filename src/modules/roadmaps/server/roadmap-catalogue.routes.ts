/** HTTP only: the action catalogue (read by anyone signed in; network admins publish edits). */
import { createRouter, defineRoute, jsonBody, jsonResponse, z } from '../../../server/http/openapi'
import { ctxOf } from '../../../server/http/middleware'
import { RoadmapCatalogue, RoadmapCatalogueEditInput, RoadmapCatalogueVersionList } from '../roadmap-catalogue.contract'
import { createCatalogueAction, getRoadmapCatalogue, listRoadmapCatalogueVersions, updateCatalogueAction } from './roadmap-catalogue.service'

const tags = ['Roadmaps']
const ActionParam = z.object({ actionId: z.string().min(1).max(80) })

export const roadmapCatalogueRoutes = createRouter()
  .openapi(
    defineRoute({
      method: 'get', path: '/roadmaps/catalogue', tags,
      summary: 'The action catalogue roadmaps are drafted from (the latest edited version, else the built-in one)',
      responses: { 200: jsonResponse(RoadmapCatalogue, 'The catalogue in use') },
    }),
    async (c) => c.json(await getRoadmapCatalogue(ctxOf(c)), 200),
  )
  .openapi(
    defineRoute({
      method: 'get', path: '/roadmaps/catalogue/versions', tags,
      summary: 'Every published version of the catalogue, newest first, the built-in version last',
      responses: { 200: jsonResponse(RoadmapCatalogueVersionList, 'The versions') },
    }),
    async (c) => c.json(await listRoadmapCatalogueVersions(ctxOf(c)), 200),
  )
  .openapi(
    defineRoute({
      method: 'post', path: '/roadmaps/catalogue/actions', tags,
      summary: 'Add an action (network admins): publishes a new catalogue version after the catalogue checks',
      request: { body: jsonBody(RoadmapCatalogueEditInput) },
      responses: { 201: jsonResponse(RoadmapCatalogue, 'The new version') },
    }),
    async (c) => c.json(await createCatalogueAction(ctxOf(c), c.req.valid('json')), 201),
  )
  .openapi(
    defineRoute({
      method: 'put', path: '/roadmaps/catalogue/actions/{actionId}', tags,
      summary: 'Replace an action (network admins): publishes a new catalogue version after the catalogue checks (409 if another edit came first)',
      request: { params: ActionParam, body: jsonBody(RoadmapCatalogueEditInput) },
      responses: { 200: jsonResponse(RoadmapCatalogue, 'The new version') },
    }),
    async (c) => c.json(await updateCatalogueAction(ctxOf(c), c.req.valid('param').actionId, c.req.valid('json')), 200),
  )
