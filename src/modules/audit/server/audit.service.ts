/**
 * The audit trail: every mutation records who, when, which entity, and the state before and after.
 * Services call `recordAudit` inside the transaction of the change, so the trail and the change
 * commit together or not at all.
 */
import { and, desc, eq, inArray, lt, or, type SQL } from 'drizzle-orm'
import { AppError } from '../../../shared/app-error'
import type { Db } from '../../../server/db/client'
import type { RequestContext } from '../../../server/http/context'
import { isNetworkAdmin, managedPathPrefixes, unitIdsUnder } from '../../identity'
import type { AuditAction, AuditEntry, AuditListQuery } from '../audit.contract'
import { auditLog, type AuditRow } from './audit.table'

/** Never written to the trail, whatever the entity. */
const SECRET_FIELDS = new Set(['password', 'tokenHash', 'token', 'secret'])

type Snapshot = Record<string, unknown> | null

export interface AuditChange {
  action: AuditAction
  entityType: string
  entityId: string
  /** The unit that owns the entity: scopes who may read the entry. */
  unitId?: string | null
  before?: object | null
  after?: object | null
}

function toSnapshot(value: object | null | undefined): Snapshot {
  if (!value) return null
  const out: Record<string, unknown> = {}
  for (const [key, v] of Object.entries(value)) {
    if (SECRET_FIELDS.has(key)) continue
    out[key] = v instanceof Date ? v.toISOString() : v
  }
  return out
}

export function changedFields(before: Snapshot, after: Snapshot): string[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])
  return [...keys]
    .filter((k) => JSON.stringify(before?.[k] ?? null) !== JSON.stringify(after?.[k] ?? null))
    .sort()
}

export async function recordAudit(db: Db, ctx: Pick<RequestContext, 'actor' | 'requestId'>, change: AuditChange) {
  await db.insert(auditLog).values({
    actorUserId: ctx.actor?.userId ?? null,
    actorName: ctx.actor?.name ?? null,
    action: change.action,
    entityType: change.entityType,
    entityId: change.entityId,
    unitId: change.unitId ?? null,
    before: toSnapshot(change.before),
    after: toSnapshot(change.after),
    requestId: ctx.requestId,
  })
}

function toAuditEntry(row: AuditRow): AuditEntry {
  return {
    id: String(row.id),
    occurredAt: row.occurredAt.toISOString(),
    actorUserId: row.actorUserId,
    actorName: row.actorName,
    action: row.action as AuditAction,
    entityType: row.entityType,
    entityId: row.entityId,
    unitId: row.unitId,
    before: row.before ?? null,
    after: row.after ?? null,
    changedFields: changedFields(row.before ?? null, row.after ?? null),
    requestId: row.requestId,
  }
}

/**
 * Newest first. Network admins see everything; unit managers see entries of units in their
 * subtrees and their own actions; nobody else reads the trail.
 */
export async function listAudit(ctx: RequestContext, query: AuditListQuery) {
  const actor = ctx.actor
  if (!actor) throw new AppError('UNAUTHENTICATED', 'errors.unauthenticated')
  const conditions: SQL[] = []
  if (!isNetworkAdmin(actor)) {
    const prefixes = managedPathPrefixes(actor)
    if (prefixes.length === 0) throw new AppError('FORBIDDEN', 'errors.forbidden')
    const scoped = unitIdsUnder(ctx.db, prefixes)
    conditions.push(or(inArray(auditLog.unitId, scoped), eq(auditLog.actorUserId, actor.userId)) as SQL)
  }
  if (query.entityType) conditions.push(eq(auditLog.entityType, query.entityType))
  if (query.entityId) conditions.push(eq(auditLog.entityId, query.entityId))
  if (query.actorUserId) conditions.push(eq(auditLog.actorUserId, query.actorUserId))
  if (query.action) conditions.push(eq(auditLog.action, query.action))
  if (query.cursor) {
    const id = Number.parseInt(query.cursor, 10)
    if (!Number.isSafeInteger(id)) {
      throw new AppError('VALIDATION', 'errors.validation', {}, [{ path: 'cursor', message: 'errors.invalidCursor' }])
    }
    conditions.push(lt(auditLog.id, id))
  }
  const rows = await ctx.db
    .select()
    .from(auditLog)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(query.limit + 1)
  const page = rows.slice(0, query.limit)
  return {
    items: page.map(toAuditEntry),
    nextCursor: rows.length > query.limit ? String(page.at(-1)?.id) : null,
  }
}
