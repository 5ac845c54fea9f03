/** Audit module: `recordAudit` for every mutation, and the routes to browse the trail. */
export { auditRoutes } from './server/audit.routes'
export { recordAudit, changedFields, type AuditChange } from './server/audit.service'
export { redactAuditEntries } from './server/audit-redaction'
