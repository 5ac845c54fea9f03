/** The audit module's web side: the activity log page. */
export { AuditPage } from './audit-page'
export type { AuditFilters } from './audit.queries'
