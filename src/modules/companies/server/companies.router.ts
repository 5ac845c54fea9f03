/**
 * The companies module's HTTP surface: one router composed of the feature routers. Routers with
 * fixed paths (`/companies/export`, `/companies/imports`, …) are mounted before the one with
 * `/companies/{id}`, so a fixed path is never read as an id.
 */
import { createRouter } from '../../../server/http/openapi'
import { companiesRoutes as companyRecordRoutes } from './companies.routes'
import { companyDuplicatesRoutes } from './company-duplicates.routes'
import { companyImportRoutes } from './company-import.routes'
import { companyJourneyRoutes } from './company-journey.routes'
import { companyViewsRoutes } from './companies-views.routes'

export const companiesRoutes = createRouter()
  // Feature routers go here, above the record routes.
  .route('/', companyDuplicatesRoutes)
  .route('/', companyImportRoutes)
  .route('/', companyViewsRoutes)
  .route('/', companyJourneyRoutes)
  .route('/', companyRecordRoutes)
