import { like, or, sql, type SQL } from 'drizzle-orm'
import type { PgColumn } from 'drizzle-orm/pg-core'
import type { Db } from '../../../server/db/client'
import { units } from './identity.table'

/**
 * The SQL side of the scoping rule (identity.policy): `path LIKE '<prefix>%'` for any prefix.
 * Later modules join their rows' owning unit and filter its path with this.
 */
export function pathUnder(column: PgColumn, prefixes: string[]): SQL {
  if (prefixes.length === 0) return sql`false`
  return or(...[...new Set(prefixes)].map((p) => like(column, `${p}%`))) as SQL
}

/** Subquery of the ids of units under any of the prefixes, for `inArray(x.unit_id, …)`. */
export function unitIdsUnder(db: Db, prefixes: string[]) {
  return db.select({ id: units.id }).from(units).where(pathUnder(units.path, prefixes))
}
