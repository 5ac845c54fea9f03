/**
 * The contacts module's part in a company merge (see companies' CompanyReferenceMover): the merged
 * company's people move to the survivor. A person already linked to the survivor keeps the
 * survivor's link; the merged company's link is dropped and kept in the token, so undo restores it
 * exactly (same id, role, primary flag and date).
 */
import { and, eq, inArray } from 'drizzle-orm'
import type { Db } from '../../../server/db/client'
import type { CompanyReferenceMover } from '../../companies'
import { companyContacts } from './contacts.table'

interface DroppedLink {
  id: string
  contactId: string
  role: string
  isPrimary: boolean
  createdAt: string
}

interface MoveToken {
  from: string
  to: string
  /** Links now pointing at the survivor. */
  moved: string[]
  /** Moved links that lost their primary flag (the survivor already had a primary contact). */
  demoted: string[]
  /** Links of the merged company to people already linked to the survivor. */
  dropped: DroppedLink[]
}

function isMoveToken(value: unknown): value is MoveToken {
  if (!value || typeof value !== 'object') return false
  const v = value as Record<string, unknown>
  return typeof v.from === 'string' && typeof v.to === 'string' && Array.isArray(v.moved) && Array.isArray(v.demoted) && Array.isArray(v.dropped)
}

export const contactsCompanyMover: CompanyReferenceMover = {
  name: 'contacts',

  /** Companies that people are linked to. */
  async referencing(db: Db, companyIds: readonly string[]): Promise<string[]> {
    if (companyIds.length === 0) return []
    const rows = await db.selectDistinct({ id: companyContacts.companyId }).from(companyContacts).where(inArray(companyContacts.companyId, [...companyIds]))
    return rows.map((r) => r.id)
  },

  async move(tx: Db, fromCompanyId: string, toCompanyId: string): Promise<MoveToken> {
    const fromLinks = await tx.select().from(companyContacts).where(eq(companyContacts.companyId, fromCompanyId))
    const toLinks = await tx.select().from(companyContacts).where(eq(companyContacts.companyId, toCompanyId))
    const onSurvivor = new Set(toLinks.map((l) => l.contactId))
    const survivorHasPrimary = toLinks.some((l) => l.isPrimary)
    const dropped = fromLinks.filter((l) => onSurvivor.has(l.contactId))
    const moving = fromLinks.filter((l) => !onSurvivor.has(l.contactId))
    const demoted = survivorHasPrimary ? moving.filter((l) => l.isPrimary).map((l) => l.id) : []
    if (dropped.length > 0) await tx.delete(companyContacts).where(inArray(companyContacts.id, dropped.map((l) => l.id)))
    if (moving.length > 0) await tx.update(companyContacts).set({ companyId: toCompanyId }).where(inArray(companyContacts.id, moving.map((l) => l.id)))
    if (demoted.length > 0) await tx.update(companyContacts).set({ isPrimary: false }).where(inArray(companyContacts.id, demoted))
    return {
      from: fromCompanyId,
      to: toCompanyId,
      moved: moving.map((l) => l.id),
      demoted,
      dropped: dropped.map((l) => ({ id: l.id, contactId: l.contactId, role: l.role, isPrimary: l.isPrimary, createdAt: l.createdAt.toISOString() })),
    }
  },

  async undo(tx: Db, token: unknown): Promise<void> {
    if (!isMoveToken(token)) throw new Error('contacts merge token is malformed')
    if (token.moved.length > 0) {
      await tx
        .update(companyContacts)
        .set({ companyId: token.from })
        .where(and(inArray(companyContacts.id, token.moved), eq(companyContacts.companyId, token.to)))
    }
    if (token.demoted.length > 0) await tx.update(companyContacts).set({ isPrimary: true }).where(inArray(companyContacts.id, token.demoted))
    if (token.dropped.length > 0) {
      await tx
        .insert(companyContacts)
        .values(token.dropped.map((l) => ({ id: l.id, companyId: token.from, contactId: l.contactId, role: l.role, isPrimary: l.isPrimary, createdAt: new Date(l.createdAt) })))
        .onConflictDoNothing()
    }
  },
}
