/**
 * A list of values as ONE array parameter (`col = any($1::text[])`) instead of one parameter per
 * value (`col in ($1, …, $n)`): a statement over thousands of ids stays one short statement to
 * parse and plan, on PostgreSQL and PGlite alike. The value travels as a PostgreSQL array literal
 * (every element quoted, quotes and backslashes escaped), which both drivers pass through as text.
 */
import { sql, type SQL } from 'drizzle-orm'

export function arrayLiteral(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.includes('"') || v.includes('\\') ? v.replace(/["\\]/g, '\\$&') : v}"`).join(',')}}`
}

/** `values` as a `text[]` parameter. */
export function textArrayParam(values: readonly string[]): SQL {
  return sql`${arrayLiteral(values)}::text[]`
}

/** `values` (uuids) as a `uuid[]` parameter. */
export function uuidArrayParam(values: readonly string[]): SQL {
  return sql`${arrayLiteral(values)}::uuid[]`
}
