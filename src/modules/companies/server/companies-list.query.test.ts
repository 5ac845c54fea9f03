import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildRootUnit, buildUnit, buildUser } from '../../../../tests/factories/identity.factory'
import { createTestApp, signedInClient, type ApiClient, type TestApp } from '../../../../tests/support/test-app'
import type { Company } from '../companies.contract'
import { EXACT_COUNT_CAP } from './companies-list.query'

type Page = { items: Company[]; nextCursor: string | null; total: number; totalIsEstimate?: boolean }

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

  it('counts every match of a text search exactly, even beyond the cap, and pages through them', async () => {
    const all = await staff.get<Page>('/api/companies?q=officina')
    expect(all.body).toMatchObject({ total: MANY - MANY / 1000, totalIsEstimate: false })
    const few = await staff.get<Page>('/api/companies?q=fonderia&limit=10')
    expect(few.body.total).toBe(MANY / 1000)
    const second = await staff.get<Page>(`/api/companies?q=fonderia&limit=10&cursor=${few.body.nextCursor}`)
    const third = await staff.get<Page>(`/api/companies?q=fonderia&limit=10&cursor=${second.body.nextCursor}`)
    const names = [...few.body.items, ...second.body.items, ...third.body.items].map((c) => c.name)
    expect(new Set(names).size).toBe(MANY / 1000)
    expect(names.every((name) => name.startsWith('Fonderia '))).toBe(true)
    expect(third.body.nextCursor).toBeNull()
  })
})
