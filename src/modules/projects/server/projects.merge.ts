/**
 * Company merges (issue 3) move the merged company's projects to the survivor; undo moves exactly
 * those back. The ledger hangs off the project, so it follows without being touched (append-only).
 */
import { count, eq, inArray } from 'drizzle-orm'
import type { CompanyReferenceMover } from '../../companies'
import { projects } from './projects.table'

export const projectsCompanyMover: CompanyReferenceMover = {
  name: 'projects',
  async move(tx, fromCompanyId, toCompanyId) {
    const moved = await tx.update(projects).set({ companyId: toCompanyId }).where(eq(projects.companyId, fromCompanyId)).returning({ id: projects.id })
    return { from: fromCompanyId, ids: moved.map((m) => m.id) }
  },
  async undo(tx, token) {
    const { from, ids } = token as { from: string; ids: string[] }
    if (ids.length > 0) await tx.update(projects).set({ companyId: from }).where(inArray(projects.id, ids))
  },
  async count(db, companyId) {
    const [row] = await db.select({ n: count() }).from(projects).where(eq(projects.companyId, companyId))
    return row?.n ?? 0
  },
  async referencing(db, companyIds) {
    if (companyIds.length === 0) return []
    const rows = await db.selectDistinct({ id: projects.companyId }).from(projects).where(inArray(projects.companyId, [...companyIds]))
    return rows.map((r) => r.id)
  },
}
