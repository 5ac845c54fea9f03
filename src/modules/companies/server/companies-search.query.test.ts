import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildRootUnit, buildUnit, buildUser } from '../../../../tests/factories/identity.factory'
import { nextVatNumber } from '../../../../tests/factories/companies.factory'
import { createTestApp, signedInClient, type ApiClient, type TestApp } from '../../../../tests/support/test-app'
import type { UnitRow } from '../../identity/server/identity.table'
import type { Company } from '../companies.contract'
import { EXACT_COUNT_CAP } from './companies-list.query'
import { SEARCH_CANDIDATES } from './companies-search.query'

type Page = { items: Company[]; nextCursor: string | null; total: number; totalIsEstimate?: boolean; totalIsLowerBound?: boolean }

let t: TestApp
let bg: UnitRow
let staff: ApiClient

beforeAll(async () => {
  t = await createTestApp()
  const db = t.deps.database.db
  const root = await buildRootUnit(db, { name: 'DIH Lombardia' })
  bg = await buildUnit(db, { parent: root, name: 'Antenna Bergamo', provinceCode: 'BG' })
  staff = await signedInClient(t, (await buildUser(db, { grants: [{ unit: bg, role: 'unit_staff' }] })).email)
}, 120_000)
afterAll(async () => {
  await t.close()
})

const create = (body: Record<string, unknown>) => staff.post<Company>('/api/companies', { unitId: bg.id, vatNumber: nextVatNumber(), ...body })
const search = (query: string) => staff.get<Page>(`/api/companies?${query}`)
const names = (page: Page) => page.items.map((c) => c.name)

async function lexicon(): Promise<string[]> {
  const { rows } = (await t.deps.database.db.execute(sql`select distinct word from company_name_words order by word`)) as unknown as { rows: { word: string }[] }
  return rows.map((r) => r.word)
}

describe('the lexicon of name words', () => {
  it('grows with every new or renamed company, and a rebuild keeps the words in use', async () => {
    const created = await create({ name: 'Tessitura Zanchi S.n.c.' })
    expect(created.status).toBe(201)
    expect(await lexicon()).toEqual(expect.arrayContaining(['tessitura', 'zanchi', 's.n.c']))
    const renamed = await staff.patch<Company>(`/api/companies/${created.body.id}`, { name: 'Tessuti Zanchetti' })
    expect(renamed.status).toBe(200)
    expect(await lexicon()).toEqual(expect.arrayContaining(['tessuti', 'zanchetti']))
    // The words the old name had stay (they match nothing now) until a rebuild.
    const grown = await lexicon()
    expect(grown).toContain('tessitura')
    await t.deps.database.db.execute(sql`select rebuild_company_name_words()`)
    const rebuilt = await lexicon()
    expect(rebuilt).not.toContain('tessitura')
    expect(rebuilt).toEqual(expect.arrayContaining(['tessuti', 'zanchetti']))
    // Every word of every name is there, once.
    const { rows } = (await t.deps.database.db.execute(
      sql`select count(*)::int as n, count(distinct word)::int as d from company_name_words`,
    )) as unknown as { rows: { n: number; d: number }[] }
    expect(rows[0]?.n).toBe(rows[0]?.d)
    expect(grown).toEqual(expect.arrayContaining(rebuilt))
  })
})

describe('a text search', () => {
  beforeAll(async () => {
    for (const name of ['Carpenteria Metallica Orobica S.r.l.', 'Falegnameria Bonfanti', 'Logistica Rota S.p.A.']) {
      expect((await create({ name })).status).toBe(201)
    }
    expect((await create({ name: 'Studio Gritti', description: 'Consulenza per la carpenteria metallica' })).status).toBe(201)
  })

  it('widens each word to the name words it resembles, and wants all of them', async () => {
    // A typo in each word, and a prefix.
    expect(names((await search('q=carpentria%20metalica')).body)).toContain('Carpenteria Metallica Orobica S.r.l.')
    expect(names((await search('q=falegn')).body)).toEqual(['Falegnameria Bonfanti'])
    // Every word must find its match: "logistica" alone is in a name, "falegnameria logistica" in none.
    expect(names((await search('q=logistica')).body)).toEqual(['Logistica Rota S.p.A.'])
    expect((await search('q=falegnameria%20logistica')).body.total).toBe(0)
  })

  it('finds a company by its name typed with a typo and its legal form', async () => {
    expect((await create({ name: 'Agricola Valseriana Soc. Coop.' })).status).toBe(201)
    const page = (await search(`q=${encodeURIComponent('Agicola Valseriana Soc. Coop.')}&limit=100`)).body
    expect(names(page)).toContain('Agricola Valseriana Soc. Coop.')
  })

  it('ranks the name above a description that has the same words', async () => {
    const page = (await search('q=carpenteria%20metallica')).body
    expect(names(page)).toEqual(['Carpenteria Metallica Orobica S.r.l.', 'Studio Gritti'])
    expect(page).toMatchObject({ total: 2, totalIsEstimate: false, totalIsLowerBound: false })
  })

  it('finds a partita IVA by its first digits', async () => {
    const vatNumber = nextVatNumber()
    await create({ name: 'Fonderia Bergamasca', vatNumber })
    expect(names((await search(`q=${vatNumber.slice(0, 7)}`)).body)).toContain('Fonderia Bergamasca')
  })

  it('takes exact name words before fuzzy ones when the matches are more than it reads', async () => {
    // More fuzzy matches ("Officine Mecaniche …") than a search reads, written before the one exact match.
    await t.deps.database.db.execute(sql`
      insert into companies (unit_id, name, vat_number, name_key, search_text)
      select ${bg.id}::uuid, 'Officine Mecaniche ' || i, 'S' || lpad(i::text, 10, '0'), 'officine mecaniche ' || i, 'officine mecaniche ' || i
      from generate_series(1, ${SEARCH_CANDIDATES + 200}) as i`)
    await create({ name: 'Meccaniche Riunite Seriate' })
    const page = (await search('q=meccaniche')).body
    expect(page).toMatchObject({ total: SEARCH_CANDIDATES, totalIsLowerBound: true })
    expect(page.items[0]?.name).toBe('Meccaniche Riunite Seriate')
    expect(page.items.slice(1).every((c) => c.name.startsWith('Officine Mecaniche '))).toBe(true)
    // Narrowing the search finds what was past the candidates.
    const last = SEARCH_CANDIDATES + 199
    const narrow = (await search(`q=mecaniche%20${last}`)).body
    expect(narrow.items.map((c) => c.name)).toContain(`Officine Mecaniche ${last}`)
  }, 60_000)

  it('counts a plain list of a table smaller than the estimate\'s sample exactly, past the exact-count cap', async () => {
    await t.deps.database.db.execute(sql`
      insert into companies (unit_id, name, vat_number, name_key, search_text)
      select ${bg.id}::uuid, 'Ditta ' || i, 'D' || lpad(i::text, 10, '0'), 'ditta ' || i, 'ditta ' || i
      from generate_series(1, ${EXACT_COUNT_CAP + 100}) as i`)
    await t.deps.database.db.execute(sql`analyze companies`)
    const { rows } = (await t.deps.database.db.execute(sql`select count(*)::int as n from companies where archived_at is null`)) as unknown as { rows: { n: number }[] }
    const all = (await search('limit=1')).body
    expect(all.total).toBe(rows[0]?.n)
    expect(all.total).toBeGreaterThan(EXACT_COUNT_CAP)
    expect(all.totalIsEstimate).toBe(false)
  })
})
