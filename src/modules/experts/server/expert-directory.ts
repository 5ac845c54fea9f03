/**
 * Who is an expert, and where. An expert is a user holding the `expert` role on a unit (identity);
 * a grant covers the unit's subtree, so an expert of the hub works for every antenna. The pool list
 * and the matching candidates need this joined to profiles in one query, so these helpers read
 * identity's `users`, `memberships` and `units` tables by name, read-only (as the projects module
 * reads user names); everything else goes through identity's index.
 */
import { sql, type SQL } from 'drizzle-orm'
import type { Db } from '../../../server/db/client'
import { canReadUnitData, canWriteUnitData, covers, dataPathPrefixes, type Actor } from '../../identity'
import { expertProfiles } from './experts.table'

/** Rows of a raw query, whichever driver answered (PGlite and node-postgres shape them alike, but typed loosely). */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[]
}

export interface ExpertUnit {
  id: string
  name: string
  path: string
}

/** Units (not archived) where the user holds the expert role, by name. */
export async function expertUnitsOf(db: Db, userId: string): Promise<ExpertUnit[]> {
  const result = await db.execute<{ id: string; name: string; path: string }>(sql`
    select u.id::text as id, u.name, u.path
    from memberships m join units u on u.id = m.unit_id
    where m.user_id = ${userId} and m.role = 'expert' and u.archived_at is null
    order by u.name, u.id`)
  return rowsOf<ExpertUnit>(result)
}

export async function userBasics(db: Db, ids: readonly string[]): Promise<Map<string, { name: string; email: string; active: boolean }>> {
  const wanted = [...new Set(ids)]
  if (wanted.length === 0) return new Map()
  const result = await db.execute<{ id: string; name: string; email: string; deactivated_at: unknown }>(
    sql`select id, name, email, deactivated_at from users where id in (${sql.join(
      wanted.map((id) => sql`${id}`),
      sql`, `,
    )})`,
  )
  return new Map(rowsOf<{ id: string; name: string; email: string; deactivated_at: unknown }>(result).map((r) => [r.id, { name: r.name, email: r.email, active: r.deactivated_at === null }]))
}

/**
 * Whether the actor sees an expert of these units: staff reading one of the units' data (the expert
 * is in their subtree), or staff of a unit the expert's grant covers (the expert works for them,
 * e.g. a hub expert seen by an antenna). Experts and company members see no one else.
 */
export function canSeeExpert(actor: Actor, units: readonly ExpertUnit[]): boolean {
  const staffPaths = dataPathPrefixes(actor)
  return units.some((u) => canReadUnitData(actor, u.path) || staffPaths.some((p) => covers(u.path, p)))
}

/** Approving or rejecting needs write access to one of the expert's own units. */
export function canReviewExpert(actor: Actor, units: readonly ExpertUnit[]): boolean {
  return units.some((u) => canWriteUnitData(actor, u.path))
}

/** SQL twin of `canSeeExpert` on `expert_profiles.user_id`. */
export function expertVisibleTo(actor: Actor): SQL {
  const prefixes = [...new Set(dataPathPrefixes(actor))]
  if (prefixes.length === 0) return sql`false`
  const paths = sql.join(
    prefixes.map((p) => sql`(u.path like ${`${p}%`} or ${p} like u.path || '%')`),
    sql` or `,
  )
  return sql`exists (select 1 from memberships m join units u on u.id = m.unit_id
    where m.user_id = ${expertProfiles.userId} and m.role = 'expert' and u.archived_at is null and (${paths}))`
}

/**
 * Ids of the units (not archived) whose experts the actor sees, as `expertVisibleTo` reads them:
 * units in the actor's subtrees and the units above them (whose grant covers the actor's units).
 * Resolved up front so a pool query can name the units as constants: the planner then knows how
 * many experts they hold (thousands on one antenna) and joins by hash, where a correlated path
 * test estimated a handful and probed the pool expert by expert.
 */
export async function expertUnitIdsVisibleTo(db: Db, actor: Actor): Promise<string[]> {
  const prefixes = [...new Set(dataPathPrefixes(actor))]
  if (prefixes.length === 0) return []
  const paths = sql.join(
    prefixes.map((p) => sql`(u.path like ${`${p}%`} or ${p} like u.path || '%')`),
    sql` or `,
  )
  const result = await db.execute<{ id: string }>(sql`select u.id::text as id from units u where u.archived_at is null and (${paths}) order by u.id`)
  return rowsOf<{ id: string }>(result).map((r) => r.id)
}

/** Profiles whose user still holds the expert role somewhere and is active. */
export function isActiveExpert(): SQL {
  return sql`exists (select 1 from memberships m join units u on u.id = m.unit_id join users us on us.id = m.user_id
    where m.user_id = ${expertProfiles.userId} and m.role = 'expert' and u.archived_at is null and us.deactivated_at is null)`
}
