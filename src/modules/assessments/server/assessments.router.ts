/**
 * The assessments module's HTTP surface: one router composed of the feature routers. Routers with
 * fixed paths (`/assessments/export`, `/assessments/dashboard`, …) are mounted before the record
 * routes, so a fixed path is never read as an `{id}`.
 */
import { createRouter } from '../../../server/http/openapi'
import { assessmentAttachmentsRoutes } from './assessment-attachments.routes'
import { assessmentsDashboardRoutes } from './assessments-dashboard.routes'
import { assessmentsTransferRoutes } from './assessments-transfer.routes'
import { assessmentsRoutes as assessmentRecordRoutes } from './assessments.routes'

export const assessmentsRoutes = createRouter()
  // Feature routers go here, above the record routes.
  .route('/', assessmentsDashboardRoutes)
  .route('/', assessmentsTransferRoutes)
  .route('/', assessmentRecordRoutes)
  .route('/', assessmentAttachmentsRoutes)
