/** Lookups other modules make on contacts (interactions names its participants through this). */
import { and, inArray } from 'drizzle-orm'
import type { Db } from '../../../server/db/client'
import { dataPathPrefixes, unitIdsUnder, type Actor } from '../../identity'
import { contacts } from './contacts.table'

/**
 * Display names of the contacts the actor may read, by id. Contacts of units outside the actor's
 * scope are left out, so a caller cannot learn a hidden person's name by guessing an id.
 */
export async function findContactNames(db: Db, actor: Actor | null, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)]
  if (!actor || unique.length === 0) return new Map()
  const prefixes = dataPathPrefixes(actor)
  if (prefixes.length === 0) return new Map()
  const rows = await db
    .select({ id: contacts.id, firstName: contacts.firstName, lastName: contacts.lastName })
    .from(contacts)
    .where(and(inArray(contacts.id, unique), inArray(contacts.unitId, unitIdsUnder(db, prefixes))))
  return new Map(rows.map((r) => [r.id, `${r.firstName} ${r.lastName}`.trim()]))
}
