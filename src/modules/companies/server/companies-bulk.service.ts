/**
 * Bulk actions on a selection of companies (add or remove a tag, move to a unit). All or nothing:
 * a selection that holds even one company the caller may not change fails as a whole and says how
 * many, so nobody is left guessing which half of a selection was applied. One transaction; one
 * audit entry per company that actually changed.
 */
import { inArray } from 'drizzle-orm'
import { eq } from 'drizzle-orm'
import { AppError } from '../../../shared/app-error'
import type { RequestContext } from '../../../server/http/context'
import { canWriteUnitData, findUnit } from '../../identity'
import type { CompanyBulkInput, CompanyBulkResult } from '../companies.contract'
import { auditable, derivedColumns, placeOf, writableUnit, type Place } from './companies.service'
import { companies, type CompanyRow } from './companies.table'

export async function bulkUpdateCompanies(ctx: RequestContext, input: CompanyBulkInput): Promise<CompanyBulkResult> {
  const actor = ctx.actor
  if (!actor) throw new AppError('UNAUTHENTICATED', 'errors.unauthenticated')
  const ids = [...new Set(input.ids)]
  return ctx.db.transaction(async (tx) => {
    // Rows are locked so that a concurrent edit cannot slip between the check and the write.
    const rows = await tx.select().from(companies).where(inArray(companies.id, ids)).for('update')
    const paths = new Map<string, string | null>()
    for (const unitId of new Set(rows.map((r) => r.unitId))) paths.set(unitId, (await findUnit(tx, unitId))?.path ?? null)
    const writable = rows.filter((row) => {
      const path = paths.get(row.unitId)
      return path ? canWriteUnitData(actor, path) : false
    })
    // Missing, hidden and read-only companies count alike: the answer must not reveal which exist.
    const refused = ids.length - writable.length
    if (refused > 0) throw new AppError('FORBIDDEN', 'errors.bulkNotAllowed', { count: refused, total: ids.length })

    const target = input.action === 'assignUnit' && input.unitId ? await writableUnit(tx, actor, input.unitId) : null
    const places = new Map<string, Place | null>()
    const placeFor = async (istat: string | null) => {
      if (!istat) return null
      if (!places.has(istat)) places.set(istat, await placeOf(ctx, tx, istat))
      return places.get(istat) ?? null
    }

    let updated = 0
    for (const before of writable) {
      const change = nextState(before, input, target?.id)
      if (!change) continue
      const merged = { ...before, ...change } as CompanyRow
      const [after] = await tx
        .update(companies)
        .set({ ...change, ...derivedColumns(merged, await placeFor(before.comuneIstat)), updatedAt: ctx.now() })
        .where(eq(companies.id, before.id))
        .returning()
      if (!after) throw new Error('company update returned no row')
      await ctx.deps.audit.record(tx, ctx, {
        action: 'update',
        entityType: 'company',
        entityId: before.id,
        unitId: after.unitId,
        before: auditable(before),
        after: auditable(after),
      })
      updated += 1
    }
    return { updated, unchanged: writable.length - updated }
  })
}

/** The columns the action changes on this company, or null when it is already as asked. */
function nextState(row: CompanyRow, input: CompanyBulkInput, targetUnitId: string | undefined): Partial<CompanyRow> | null {
  if (input.action === 'addTag' && input.tag) {
    return row.tags.includes(input.tag) ? null : { tags: [...row.tags, input.tag] }
  }
  if (input.action === 'removeTag' && input.tag) {
    return row.tags.includes(input.tag) ? { tags: row.tags.filter((t) => t !== input.tag) } : null
  }
  if (input.action === 'assignUnit' && targetUnitId) {
    return row.unitId === targetUnitId ? null : { unitId: targetUnitId }
  }
  return null
}
