import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, type TestDatabase } from '../../../tests/support/test-database'
import { arrayLiteral, textArrayParam, uuidArrayParam } from './array-param'

let testDb: TestDatabase
beforeAll(async () => {
  testDb = await createTestDatabase({ contents: 'empty' })
}, 120_000)
afterAll(async () => {
  await testDb.destroy()
})

async function selectArray(param: ReturnType<typeof textArrayParam>): Promise<unknown> {
  const result = await testDb.database.db.execute(sql`select ${param} as v`)
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { v: unknown }[]
  return rows[0]?.v
}

describe('array parameters', () => {
  it('quote every element, so commas, braces, quotes, backslashes, spaces and NULL stay text', async () => {
    const values = ['a,b', '{c}', 'd"e', 'f\\g', ' h ', 'NULL', '', 'Caffè']
    expect(arrayLiteral(['x', 'y'])).toBe('{"x","y"}')
    expect(await selectArray(textArrayParam(values))).toEqual(values)
    expect(await selectArray(textArrayParam([]))).toEqual([])
  })

  it('carry thousands of uuids as one parameter', async () => {
    const ids = Array.from({ length: 5000 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`)
    const result = await testDb.database.db.execute(sql`select count(*)::int as n, min(x::text) as first from unnest(${uuidArrayParam(ids)}) as x`)
    const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { n: number; first: string }[]
    expect(rows[0]).toEqual({ n: 5000, first: ids[0] })
  })
})
