import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildRootUnit, buildUnit, buildUser } from '../../../../tests/factories/identity.factory'
import { createTestApp, signedInClient, type ApiClient, type TestApp } from '../../../../tests/support/test-app'
import type { Company } from '../companies.contract'
import { EXACT_COUNT_CAP } from './companies-list.query'
import { SEARCH_CANDIDATES } from './companies-search.query'

type Page = { items: Company[]; nextCursor: string | null; total: number; totalIsEstimate?: boolean; totalIsLowerBound?: boolean }

const MANY = 25_000
let t: TestApp
let staff: ApiClient

beforeAll(async () => {
  t = await createTestApp()
  const db = t.deps.database.db
  const root = await buildRootUnit(db, { name: 'DIH Lombardia' })
  const bg = await buildUnit(db, { parent: root, name: 'Antenna Bergamo', provinceCode: 'BG' })
  staff = await signedInClient(t, (await buildUser(db, { grants: [{ unit: bg, role: 'unit_staff' }] })).email)
  // More companies than the exact-count cap, and more than the estimate's sample reads, in one
  // statement; every 100th in Brescia's province and every 1000th a "Fonderia".
  await db.execute(sql`
    insert into companies (unit_id, name, vat_number, name_key, search_text, province_code)
    select ${bg.id}::uuid, n.name, lpad(i::text, 11, '0'), lower(n.name), lower(n.name), case when i % 100 = 0 then 'BS' else 'BG' end
    from generate_series(1, ${MANY}) as i,
      lateral (select case when i % 1000 = 0 then 'Fonderia ' else 'Officina ' end || i as name) as n`)
  await db.execute(sql`analyze companies`)
}, 180_000)
afterAll(async () => {
  await t.close()
})

describe('the companies list total', () => {
  it('estimates the total beyond the exact-count cap, and says so', async () => {
    const res = await staff.get<Page>('/api/companies')
    expect(res.status).toBe(200)
    expect(res.body.items).toHaveLength(25)
    expect(res.body.totalIsEstimate).toBe(true)
    expect(res.body.total).toBeGreaterThan(EXACT_COUNT_CAP)
    // A block sample of about 20,000 of 25,000 rows: close, not exact.
    expect(Math.abs(res.body.total - MANY) / MANY).toBeLessThan(0.2)
    // Later pages carry the same total.
    const next = await staff.get<Page>(`/api/companies?cursor=${res.body.nextCursor}`)
    expect(next.body.total).toBe(res.body.total)
    expect(next.body.items[0]?.name).not.toBe(res.body.items[0]?.name)
  })

  it('counts exactly under the cap', async () => {
    const res = await staff.get<Page>('/api/companies?province=BS')
    expect(res.body).toMatchObject({ total: MANY / 100, totalIsEstimate: false })
  })

  it('reads at most SEARCH_CANDIDATES (200) matches of a text search: the total says "more than", the pages end there, the export has them all', async () => {
    const first = await staff.get<Page>('/api/companies?q=officina&limit=100')
    expect(first.body).toMatchObject({ total: SEARCH_CANDIDATES, totalIsEstimate: false, totalIsLowerBound: true })
    const names = new Set(first.body.items.map((c) => c.name))
    let cursor = first.body.nextCursor
    let pages = 1
    while (cursor) {
      const next = await staff.get<Page>(`/api/companies?q=officina&limit=100&cursor=${cursor}`)
      expect(next.body.totalIsLowerBound).toBe(true)
      for (const company of next.body.items) names.add(company.name)
      cursor = next.body.nextCursor
      pages++
    }
    expect(pages).toBe(SEARCH_CANDIDATES / 100)
    expect(names.size).toBe(SEARCH_CANDIDATES)
    expect([...names].every((name) => name.startsWith('Officina '))).toBe(true)
    // The export of the same search writes every match (a header line, then one line per company).
    const csv = await staff.get<string>('/api/companies/export?format=csv&q=officina')
    expect(csv.status).toBe(200)
    expect(csv.body.trim().split('\n')).toHaveLength(MANY - MANY / 1000 + 1)
  }, 120_000)

  it('counts a text search with fewer matches exactly, and pages through them', async () => {
    const few = await staff.get<Page>('/api/companies?q=fonderia&limit=10')
    expect(few.body).toMatchObject({ total: MANY / 1000, totalIsEstimate: false, totalIsLowerBound: false })
    const second = await staff.get<Page>(`/api/companies?q=fonderia&limit=10&cursor=${few.body.nextCursor}`)
    const third = await staff.get<Page>(`/api/companies?q=fonderia&limit=10&cursor=${second.body.nextCursor}`)
    const names = [...few.body.items, ...second.body.items, ...third.body.items].map((c) => c.name)
    expect(new Set(names).size).toBe(MANY / 1000)
    expect(names.every((name) => name.startsWith('Fonderia '))).toBe(true)
    // Equally relevant, they come in name order across the pages.
    expect(names).toEqual([...names].sort())
    expect(third.body.nextCursor).toBeNull()
  })
})
