/**
 * The roadmaps module's HTTP surface: one router composed of the feature routers. Routers with
 * fixed paths under `/roadmaps/…` go above the record routes (`/roadmaps/{id}`).
 */
import { createRouter } from '../../../server/http/openapi'
import { roadmapCatalogueRoutes } from './roadmap-catalogue.routes'
import { roadmapRecordRoutes } from './roadmap-records.routes'

export const roadmapsRoutes = createRouter()
  // Feature routers go here, above the record routes.
  .route('/', roadmapCatalogueRoutes)
  .route('/', roadmapRecordRoutes)
