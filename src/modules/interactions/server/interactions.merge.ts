/**
 * Company merges (issue 3, "Duplicates"): the merged company's interactions and follow-ups move to
 * the survivor, taking its unit; the undo token lists what moved and from which unit, so the undo
 * puts back exactly those rows. The company activity they recorded moves with the companies
 * module's own mover.
 */
import { and, count, eq, inArray, isNull } from 'drizzle-orm'
import type { Db } from '../../../server/db/client'
import { findCompanyScopes, type CompanyReferenceMover } from '../../companies'
import { followUps, interactions } from './interactions.table'

interface MovedRow {
  id: string
  unitId: string
}

interface InteractionsMoveToken {
  from: string
  interactions: MovedRow[]
  followUps: MovedRow[]
}

/** Moves every row of `table` pointing at `from` to `to` (and its unit); returns the ids and old units. */
async function moveRows(tx: Db, table: typeof interactions | typeof followUps, from: string, to: string, unitId: string): Promise<MovedRow[]> {
  const rows = await tx.select({ id: table.id, unitId: table.unitId }).from(table).where(eq(table.companyId, from))
  if (rows.length > 0) await tx.update(table).set({ companyId: to, unitId }).where(inArray(table.id, rows.map((r) => r.id)))
  return rows
}

async function restoreRows(tx: Db, table: typeof interactions | typeof followUps, from: string, rows: readonly MovedRow[]) {
  // Grouped by original unit: one statement per unit, not per row.
  const byUnit = new Map<string, string[]>()
  for (const r of rows) byUnit.set(r.unitId, [...(byUnit.get(r.unitId) ?? []), r.id])
  for (const [unitId, ids] of byUnit) await tx.update(table).set({ companyId: from, unitId }).where(inArray(table.id, ids))
}

export const interactionsMover: CompanyReferenceMover = {
  name: 'interactions',
  /** What the merge screen shows: the merged company's interactions still on its timeline. */
  async count(db, companyId) {
    const [row] = await db.select({ n: count() }).from(interactions).where(and(eq(interactions.companyId, companyId), isNull(interactions.deletedAt)))
    return row?.n ?? 0
  },
  /** Companies with interactions or follow-ups, deleted ones included (they still point at it). */
  async referencing(db, companyIds) {
    if (companyIds.length === 0) return []
    const ids = [...companyIds]
    const rows = [
      ...(await db.selectDistinct({ id: interactions.companyId }).from(interactions).where(inArray(interactions.companyId, ids))),
      ...(await db.selectDistinct({ id: followUps.companyId }).from(followUps).where(inArray(followUps.companyId, ids))),
    ]
    return [...new Set(rows.map((r) => r.id).filter((id): id is string => id !== null))]
  },
  async move(tx, fromCompanyId, toCompanyId) {
    const [survivor] = await findCompanyScopes(tx, [toCompanyId])
    if (!survivor) throw new Error(`merge survivor ${toCompanyId} not found`)
    const token: InteractionsMoveToken = {
      from: fromCompanyId,
      interactions: await moveRows(tx, interactions, fromCompanyId, toCompanyId, survivor.unitId),
      followUps: await moveRows(tx, followUps, fromCompanyId, toCompanyId, survivor.unitId),
    }
    return token
  },
  async undo(tx, token) {
    const t = token as InteractionsMoveToken
    await restoreRows(tx, interactions, t.from, t.interactions)
    await restoreRows(tx, followUps, t.from, t.followUps)
  },
}
