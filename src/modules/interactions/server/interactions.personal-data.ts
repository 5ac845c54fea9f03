/**
 * GDPR (issue 3, "data-subject export and erasure"): what the interactions module holds about a
 * contact is the interactions they took part in. The export lists them; the erasure removes the
 * person from the participants and keeps the interactions, which belong to the company's history
 * (and to the aggregates: activity counts, journey stages).
 */
import { and, asc, eq, inArray } from 'drizzle-orm'
import type { Db } from '../../../server/db/client'
import type { PersonalDataSource } from '../../contacts'
import { interactionParticipants, interactions } from './interactions.table'

/** The interactions the contact took part in (deleted ones included: they are still stored). */
export async function exportContactInteractions(db: Db, contactId: string) {
  const ids = db
    .select({ id: interactionParticipants.interactionId })
    .from(interactionParticipants)
    .where(and(eq(interactionParticipants.participantType, 'contact'), eq(interactionParticipants.participantId, contactId)))
  const rows = await db.select().from(interactions).where(inArray(interactions.id, ids)).orderBy(asc(interactions.occurredAt), asc(interactions.id))
  return rows.map((r) => ({
    id: r.id,
    companyId: r.companyId,
    kind: r.kind,
    occurredAt: r.occurredAt.toISOString(),
    subject: r.subject,
    body: r.body,
    deleted: r.deletedAt !== null,
  }))
}

/** Removes the contact from every interaction's participants; the interactions stay. */
export async function eraseContactFromInteractions(tx: Db, contactId: string): Promise<number> {
  const removed = await tx
    .delete(interactionParticipants)
    .where(and(eq(interactionParticipants.participantType, 'contact'), eq(interactionParticipants.participantId, contactId)))
    .returning({ id: interactionParticipants.interactionId })
  return removed.length
}

export const interactionsPersonalData: PersonalDataSource = {
  name: 'interactions',
  exportFor: (db, contactId) => exportContactInteractions(db, contactId),
  async eraseFor(tx, contactId) {
    await eraseContactFromInteractions(tx, contactId)
  },
}
