import { like, or, sql, type SQL } from 'drizzle-orm'
import type { PgColumn } from 'drizzle-orm/pg-core'

/**
 * The SQL side of the scoping rule (identity.policy): `path LIKE '<prefix>%'` for any prefix.
 * Later modules join their rows' owning unit and filter its path with this.
 */
export function pathUnder(column: PgColumn, prefixes: string[]): SQL {
  if (prefixes.length === 0) return sql`false`
  return or(...[...new Set(prefixes)].map((p) => like(column, `${p}%`))) as SQL
}
