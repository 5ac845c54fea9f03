/**
 * Scrubbing personal data out of the trail (GDPR art. 17): when a person is erased, the entries about
 * them keep who did what and when, but no longer what their data was.
 */
import { and, eq } from 'drizzle-orm'
import type { Db } from '../../../server/db/client'
import { auditLog } from './audit.table'

/**
 * Replaces the before/after snapshots of every entry of one entity with `redacted` (kept as the
 * snapshot of each side that had one). Returns how many entries were rewritten.
 */
export async function redactAuditEntries(tx: Db, entityType: string, entityId: string, redacted: Record<string, unknown> = { redacted: true }): Promise<number> {
  const rows = await tx
    .select({ id: auditLog.id, before: auditLog.before, after: auditLog.after })
    .from(auditLog)
    .where(and(eq(auditLog.entityType, entityType), eq(auditLog.entityId, entityId)))
  for (const row of rows) {
    await tx
      .update(auditLog)
      .set({ before: row.before ? redacted : null, after: row.after ? redacted : null })
      .where(eq(auditLog.id, row.id))
  }
  return rows.length
}
