/** API contract of the audit log: who changed what, when, with the before/after of each change. */
import { z } from '@hono/zod-openapi'

export const AUDIT_ACTIONS = [
  'create',
  'update',
  'delete',
  'archive',
  'restore',
  'invite',
  'accept',
  'revoke',
  'deactivate',
  'reactivate',
  'sign_in',
  'sign_out',
  'password_change',
  'password_reset',
  'gdpr_export',
  'erase',
  'merge',
  'unmerge',
  'import',
  'undo',
  'report',
  // Projects and the support-day ledger (issue 5): the steps of the evidence chain, each its own action.
  'assign',
  'status_change',
  'send_confirmation',
  'confirm',
  'dispute',
  'approve',
  'correct',
] as const
export type AuditAction = (typeof AUDIT_ACTIONS)[number]

export const AuditEntry = z
  .object({
    id: z.string(),
    occurredAt: z.string().datetime({ offset: true }),
    actorUserId: z.string().nullable(),
    actorName: z.string().nullable(),
    action: z.enum(AUDIT_ACTIONS),
    entityType: z.string(),
    entityId: z.string(),
    unitId: z.string().nullable(),
    before: z.record(z.string(), z.unknown()).nullable(),
    after: z.record(z.string(), z.unknown()).nullable(),
    /** Field names whose value differs between before and after. */
    changedFields: z.array(z.string()),
    requestId: z.string().nullable(),
  })
  .openapi('AuditEntry')
export type AuditEntry = z.infer<typeof AuditEntry>

export const AuditListQuery = z.object({
  entityType: z.string().max(60).optional(),
  entityId: z.string().max(100).optional(),
  actorUserId: z.string().max(100).optional(),
  action: z.enum(AUDIT_ACTIONS).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
})
export type AuditListQuery = z.infer<typeof AuditListQuery>

export const AuditPage = z
  .object({ items: z.array(AuditEntry), nextCursor: z.string().nullable() })
  .openapi('AuditPage')
