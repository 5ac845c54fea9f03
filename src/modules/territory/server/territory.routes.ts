/** HTTP only: validate → call the service → respond. */
import { createRouter, defineRoute, jsonResponse, z } from '../../../server/http/openapi'
import { ctxOf } from '../../../server/http/middleware'
import { Comune, ComuneListQuery, Province, ProvinceListQuery, Region, TerritoryAtQuery } from '../territory.contract'
import { getComune, listProvinces, listRegions, searchComuni } from './territory.service'

const tags = ['Territory']
const IstatCodeParam = z.object({
  istatCode: z.string().regex(/^\d{1,6}$/).openapi({ description: 'ISTAT comune code (leading zeros optional)', example: '016024' }),
})

export const territoryRoutes = createRouter()
  .openapi(
    defineRoute({
      method: 'get', path: '/territory/comuni', tags,
      summary: 'Search comuni in force on a day by name (case- and accent-insensitive) or ISTAT code',
      request: { query: ComuneListQuery },
      responses: { 200: jsonResponse(z.object({ items: z.array(Comune) }), 'Comuni, best matches first') },
    }),
    async (c) => c.json(await searchComuni(ctxOf(c), c.req.valid('query')), 200),
  )
  .openapi(
    defineRoute({
      method: 'get', path: '/territory/comuni/{istatCode}', tags,
      summary: 'One comune: the version in force today, else its last version',
      request: { params: IstatCodeParam },
      responses: { 200: jsonResponse(Comune, 'Comune') },
    }),
    async (c) => c.json(await getComune(ctxOf(c), c.req.valid('param').istatCode), 200),
  )
  .openapi(
    defineRoute({
      method: 'get', path: '/territory/regions', tags,
      summary: 'The regions, with NUTS 2 codes and counts of the provinces and comuni in force',
      request: { query: TerritoryAtQuery },
      responses: { 200: jsonResponse(z.object({ items: z.array(Region) }), 'Regions by ISTAT code') },
    }),
    async (c) => c.json(await listRegions(ctxOf(c), c.req.valid('query')), 200),
  )
  .openapi(
    defineRoute({
      method: 'get', path: '/territory/provinces', tags,
      summary: 'The provinces that have comuni in force, optionally in one region',
      request: { query: ProvinceListQuery },
      responses: { 200: jsonResponse(z.object({ items: z.array(Province) }), 'Provinces by name') },
    }),
    async (c) => c.json(await listProvinces(ctxOf(c), c.req.valid('query')), 200),
  )
