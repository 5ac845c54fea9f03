/**
 * The precomputed duplicates queue (`company_duplicate_pairs`, ADR 0029) must hold exactly the pairs
 * the read-time detection finds: the query the queue ran on every page before the pairs were stored
 * (below, over the whole network's active companies, as a network admin saw them). After every kind
 * of write — inserts, edits, unit moves, archiving, deletes, imports and their undo, merges and their
 * undo, erasures, bulk writes with the refresh deferred — the stored pairs are compared with it.
 */
import { count, eq, inArray, sql, type SQL } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildCompany, nextVatNumber } from '../../../../tests/factories/companies.factory'
import { buildRootUnit, buildUnit, buildUser } from '../../../../tests/factories/identity.factory'
import { createTestApp, type TestApp } from '../../../../tests/support/test-app'
import type { Db } from '../../../server/db/client'
import type { RequestContext } from '../../../server/http/context'
import { prng } from '../../../shared/prng'
import { ContactCreateInput } from '../../contacts/contacts.contract'
import { eraseContact } from '../../contacts/server/contacts-gdpr'
import { createContact } from '../../contacts/server/contacts.service'
import { loadActor } from '../../identity'
import type { UnitRow } from '../../identity/server/identity.table'
import { CompanyUpdateInput } from '../companies.contract'
import { vatCheckDigit } from './companies.seed'
import { setCompanyArchived, updateCompany } from './companies.service'
import { companies, companyDuplicatePending, type CompanyRow } from './companies.table'
import { readTimeDuplicatePairsSql } from './company-duplicates.read-time'
import { COMMON_MAIL_DOMAINS, coreNameSql, deferDuplicateRefresh, flushPendingDuplicates } from './company-duplicates.service'
import { importCompanyFile, recoverStaleCompanyImports, undoCompanyImport } from './company-import.service'
import { mergeCompanies, undoMerge } from './company-merges.service'

let t: TestApp
let db: Db
let root: UnitRow
let bg: UnitRow
let bs: UnitRow
let hub: RequestContext
const SERIATE = { comuneIstat: '016198', provinceCode: 'BG', regionCode: '03' }
const DALMINE = { comuneIstat: '016091', provinceCode: 'BG', regionCode: '03' }
const CHIARI = { comuneIstat: '017052', provinceCode: 'BS', regionCode: '03' }

beforeAll(async () => {
  t = await createTestApp()
  db = t.deps.database.db
  root = await buildRootUnit(db, { name: 'DIH Lombardia' })
  bg = await buildUnit(db, { parent: root, name: 'Antenna Bergamo', provinceCode: 'BG' })
  bs = await buildUnit(db, { parent: root, name: 'Antenna Brescia', provinceCode: 'BS' })
  const user = await buildUser(db, { grants: [{ unit: root, role: 'unit_staff' }] })
  hub = { db, deps: t.deps, actor: await loadActor(db, user.id, 'session', ['read', 'write']), requestId: null, locale: 'it', now: () => new Date() }
}, 120_000)
afterAll(async () => {
  await t.close()
})

type Pair = { a: string; b: string; score: number; reasons: unknown }

const rowsOf = async <T>(query: SQL) => ((await db.execute(query)) as unknown as { rows: T[] }).rows
const parsed = (rows: { a: string; b: string; score: unknown; reasons: string }[]): Pair[] =>
  rows.map((r) => ({ a: r.a, b: r.b, score: Number(r.score), reasons: JSON.parse(r.reasons) as unknown }))

const storedPairs = async () =>
  parsed(await rowsOf(sql`select company_a_id as a, company_b_id as b, score, reasons::text as reasons from company_duplicate_pairs order by 1, 2`))
const readTimePairs = async () => parsed(await rowsOf(readTimeDuplicatePairsSql()))
const pendingCount = async () => (await db.select({ n: count() }).from(companyDuplicatePending))[0]?.n ?? 0

/** The queue holds what the read-time detection finds, with each company's current unit. */
async function expectQueueCurrent(): Promise<Pair[]> {
  // An import's companies are refreshed by the job it queues when it is done (ADR 0029).
  await t.deps.jobs.drain()
  expect(await pendingCount()).toBe(0)
  const stored = await storedPairs()
  expect(stored).toEqual(await readTimePairs())
  const [stale] = await rowsOf<{ n: number }>(sql`
    select count(*)::int as n from company_duplicate_pairs p
    join companies ca on ca.id = p.company_a_id join companies cb on cb.id = p.company_b_id
    where p.unit_a_id <> ca.unit_id or p.unit_b_id <> cb.unit_id`)
  expect(stale?.n).toBe(0)
  return stored
}

const pairOf = (pairs: Pair[], x: { id: string }, y: { id: string }) => pairs.find((p) => [p.a, p.b].sort().join() === [x.id, y.id].sort().join())

/** Many companies in one statement (as an import batch or a COPY writes them). */
async function bulkInsert(count: number, name: (i: number) => string, extra: Partial<CompanyRow> = {}) {
  const values = Array.from({ length: count }, (_, i) => ({
    unitId: bg.id,
    name: name(i),
    nameKey: name(i).toLowerCase(),
    searchText: name(i).toLowerCase(),
    vatNumber: nextVatNumber(),
    ...DALMINE,
    ...extra,
  }))
  return db.insert(companies).values(values).returning()
}

let serial = 6_400_000
/** A valid partita IVA of the Bergamo office, for import files. */
function vat(): string {
  const first10 = `${String(++serial).padStart(7, '0')}016`
  return `${first10}${vatCheckDigit(first10)}`
}

describe('the precomputed duplicates queue', () => {
  it('applies the read-time rules: its SQL keeps the service’s provider list and name core', async () => {
    const [common] = await rowsOf<{ all: boolean; sub: boolean; own: boolean }>(sql`
      select bool_and(company_duplicate_common_domain(d)) as all, bool_and(company_duplicate_common_domain('cert.' || d)) as sub,
        bool_or(company_duplicate_common_domain('fonderia-' || replace(d, '.', '-') || '.it')) as own
      from unnest(${sql.param([...COMMON_MAIL_DOMAINS])}::text[]) as d`)
    expect(common).toEqual({ all: true, sub: true, own: false })
    const names = ['meccanica rossi s r l', 'f lli bonomi snc', 'soc coop agricola di valle', 'impresa individuale verdi e c', 'srl']
    const cores = await rowsOf<{ sql: string; ts: string }>(sql`
      select company_duplicate_core(n) as sql, ${coreNameSql(sql`n`)} as ts from unnest(${sql.param(names)}::text[]) as n`)
    for (const c of cores) expect(c.sql).toBe(c.ts)
  })

  it('follows inserts, edits, unit moves, archiving and deletes', async () => {
    const v = nextVatNumber()
    const a = await buildCompany(db, { unit: bg, name: 'Fonderia Quarenghi', vatNumber: v, email: 'info@fonderiaquarenghi.it', ...DALMINE })
    const b = await buildCompany(db, { unit: bg, name: 'Fonderia Quarenghi S.r.l.', ...DALMINE })
    const c = await buildCompany(db, { unit: bg, name: 'Officine Riva', taxCode: v })
    let pairs = await expectQueueCurrent()
    expect(pairOf(pairs, a, b)?.reasons).toEqual([{ rule: 'name', value: '1.00' }])
    expect(pairOf(pairs, a, c)?.reasons).toEqual([{ rule: 'taxId', value: v }])

    // An edit of a rule's column: the name pair goes, a domain pair comes.
    await db.update(companies).set({ name: 'Tessitura Bonomi', nameKey: 'tessitura bonomi', website: 'fonderiaquarenghi.it' }).where(eq(companies.id, b.id))
    pairs = await expectQueueCurrent()
    expect(pairOf(pairs, a, b)?.reasons).toEqual([{ rule: 'domain', value: 'fonderiaquarenghi.it' }])

    // A move to another unit: the pair carries the new unit (the queue scopes on it).
    await db.update(companies).set({ unitId: bs.id }).where(eq(companies.id, c.id))
    await expectQueueCurrent()

    // Edits of other columns leave the queue alone; archiving takes the company's pairs out.
    await db.update(companies).set({ notes: 'ok', stage: 'engaged' }).where(eq(companies.id, a.id))
    expect(await expectQueueCurrent()).toEqual(pairs)
    await db.update(companies).set({ archivedAt: new Date() }).where(eq(companies.id, a.id))
    pairs = await expectQueueCurrent()
    expect(pairOf(pairs, a, b)).toBeUndefined()
    expect(pairOf(pairs, a, c)).toBeUndefined()

    // Back from the archive, then deleted.
    await db.update(companies).set({ archivedAt: null }).where(eq(companies.id, a.id))
    expect(pairOf(await expectQueueCurrent(), a, c)).toBeDefined()
    await db.delete(companies).where(eq(companies.id, c.id))
    expect(pairOf(await expectQueueCurrent(), a, c)).toBeUndefined()
  })

  it('pairs identifiers whichever way they are shared, a codice fiscale equal to its own partita IVA included', async () => {
    const v = nextVatNumber()
    const own = await buildCompany(db, { unit: bg, name: 'Ditta Alfa', vatNumber: v, taxCode: v })
    const byTaxCode = await buildCompany(db, { unit: bs, name: 'Beta', taxCode: v })
    const both = await buildCompany(db, { unit: bg, name: 'Gamma', taxCode: byTaxCode.vatNumber })
    const pairs = await expectQueueCurrent()
    expect(pairOf(pairs, own, byTaxCode)?.reasons).toEqual([{ rule: 'taxId', value: v }])
    expect(pairOf(pairs, byTaxCode, both)?.reasons).toEqual([{ rule: 'taxId', value: byTaxCode.vatNumber }])
    // A codice fiscale changed to another company's: the old pair goes, the new one comes.
    await db.update(companies).set({ taxCode: both.vatNumber }).where(eq(companies.id, byTaxCode.id))
    const after = await expectQueueCurrent()
    expect(pairOf(after, own, byTaxCode)).toBeUndefined()
    expect(pairOf(after, byTaxCode, both)?.reasons).toEqual([{ rule: 'taxId', value: [both.vatNumber, byTaxCode.vatNumber].sort().join(', ') }])
  })

  it('drops a name pair when its only block grows past 300 companies, and brings it back below', async () => {
    const a = await buildCompany(db, { unit: bg, name: 'Zqwvk Rossi', ...DALMINE })
    const b = await buildCompany(db, { unit: bg, name: 'Zqwvk Rosi', ...DALMINE })
    expect(pairOf(await expectQueueCurrent(), a, b)?.reasons).toMatchObject([{ rule: 'name' }])

    // 299 more companies with a word in the block "zqwv": 301, too common to compare within.
    const filler = await bulkInsert(299, (i) => `Zqwvk ${(i * 7919).toString(36)}x${i}`)
    expect(pairOf(await expectQueueCurrent(), a, b)).toBeUndefined()

    // One archived: 300 again, and the pair is back (with every other pair of the block).
    await db.update(companies).set({ archivedAt: new Date() }).where(eq(companies.id, filler[0]?.id ?? ''))
    expect(pairOf(await expectQueueCurrent(), a, b)?.reasons).toMatchObject([{ rule: 'name' }])

    // The filler deleted in one statement (the later tests compare fewer names).
    await db.delete(companies).where(inArray(companies.id, filler.map((c) => c.id)))
    expect(pairOf(await expectQueueCurrent(), a, b)?.reasons).toMatchObject([{ rule: 'name' }])
  }, 240_000)

  it('drops a domain shared by more than 10 companies, and brings it back', async () => {
    const ordinals = ['Uno', 'Due', 'Tre', 'Quattro', 'Cinque', 'Sei', 'Sette', 'Otto', 'Nove', 'Dieci']
    const group = await bulkInsert(10, (i) => `Gruppo Falchetti ${ordinals[i]}`, { comuneIstat: null, email: 'info@falchetti-group.it' })
    const [x, y] = group as [CompanyRow, CompanyRow]
    expect(pairOf(await expectQueueCurrent(), x, y)?.reasons).toEqual([{ rule: 'domain', value: 'falchetti-group.it' }])
    const eleventh = await buildCompany(db, { unit: bg, name: 'Undici', website: 'https://www.falchetti-group.it' })
    expect(pairOf(await expectQueueCurrent(), x, y)).toBeUndefined()
    await db.update(companies).set({ website: null }).where(eq(companies.id, eleventh.id))
    expect(pairOf(await expectQueueCurrent(), x, y)?.reasons).toEqual([{ rule: 'domain', value: 'falchetti-group.it' }])
  }, 240_000)

  it('lets a bulk writer defer the refresh to one flush at its end', async () => {
    const existing = await buildCompany(db, { unit: bg, name: 'Carpenteria Locatelli', ...SERIATE })
    const before = await expectQueueCurrent()
    let pendingInside = 0
    let pairsInside: Pair[] = []
    await db.transaction(async (tx) => {
      await deferDuplicateRefresh(tx)
      await tx.insert(companies).values(
        ['Carpenteria Locatelli S.n.c.', 'Carpenterie Locatelli', 'Vetreria Sala'].map((name) => ({
          unitId: bg.id, name, nameKey: name.toLowerCase(), searchText: name.toLowerCase(), vatNumber: nextVatNumber(), ...SERIATE,
        })),
      )
      await tx.update(companies).set({ email: 'ufficio@locatelli-carpenteria.it' }).where(eq(companies.id, existing.id))
      pendingInside = (await tx.select({ n: count() }).from(companyDuplicatePending))[0]?.n ?? 0
      pairsInside = parsed(await ((tx.execute(sql`select company_a_id as a, company_b_id as b, score, reasons::text as reasons from company_duplicate_pairs order by 1, 2`)) as unknown as Promise<{ rows: never[] }>).then((r) => r.rows))
      expect(await flushPendingDuplicates(tx)).toBe(4)
    })
    // Until the flush, the writes only marked their companies.
    expect(pendingInside).toBe(4)
    expect(pairsInside).toEqual(before)
    const after = await expectQueueCurrent()
    expect(after.filter((p) => p.a === existing.id || p.b === existing.id)).toHaveLength(2)
  })

  it('makes refreshing writers take turns, and no one else', async () => {
    const company = await buildCompany(db, { unit: bg, name: 'Segheria Pedrini', ...DALMINE })
    const turnHeld = async (tx: Db) =>
      ((await tx.execute(sql`select count(*)::int as n from pg_locks where locktype = 'advisory' and pid = pg_backend_pid() and objid = 3`)) as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0
    const held: Record<string, number> = {}
    await db.transaction(async (tx) => {
      // The stage recomputed after an interaction, notes: nothing the rules read.
      await tx.update(companies).set({ stage: 'engaged', notes: 'visita fatta' }).where(eq(companies.id, company.id))
      held.stage = await turnHeld(tx)
      await tx.update(companies).set({ name: 'Segheria Pedrini Legnami', nameKey: 'segheria pedrini legnami' }).where(eq(companies.id, company.id))
      held.name = await turnHeld(tx)
    })
    await db.transaction(async (tx) => {
      await deferDuplicateRefresh(tx)
      await tx.update(companies).set({ email: 'info@pedrini-legnami.it' }).where(eq(companies.id, company.id))
      held.deferred = await turnHeld(tx)
      await flushPendingDuplicates(tx)
      held.flushed = await turnHeld(tx)
    })
    expect(held).toEqual({ stage: 0, name: 1, deferred: 0, flushed: 1 })
    await expectQueueCurrent()
  })

  it('picks up companies a dead import left pending, from the recovery schedule', async () => {
    await db.transaction(async (tx) => {
      await deferDuplicateRefresh(tx)
      await tx.insert(companies).values(['Mobilificio Gritti', 'Mobilificio Gritti Arredamenti'].map((name) => ({
        unitId: bs.id, name, nameKey: name.toLowerCase(), searchText: name.toLowerCase(), vatNumber: nextVatNumber(), ...CHIARI,
      })))
    })
    expect(await pendingCount()).toBe(2)
    await recoverStaleCompanyImports(t.deps, new Date())
    await expectQueueCurrent()
  })

  it('follows the services: import, edit, merge, merge undo, erasure, archiving, import undo', async () => {
    const target = await buildCompany(db, { unit: bg, name: 'Tornerie Pesenti', vatNumber: vat(), ...SERIATE, website: 'www.tornerie-pesenti.it' })
    const updated = await buildCompany(db, { unit: bg, name: 'Calzificio Brembo', vatNumber: vat(), ...SERIATE })
    await expectQueueCurrent()

    // An import: new near-duplicates of each other and of an existing company, and an update that
    // gives an existing company a shared domain.
    const lines = [
      'Ragione sociale;Partita IVA;Codice fiscale;Comune;Email',
      `Tornerie Pesenti S.r.l.;${vat()};;Seriate;`,
      `Torneria Pesenti;${vat()};;Seriate;info@tornerie-pesenti.it`,
      `Pastificio Seriatese;${vat()};${target.vatNumber};Seriate;`,
      `Calzificio Brembo;${updated.vatNumber};;Seriate;amministrazione@tornerie-pesenti.it`,
      `Pastificio Seriatese Due;${vat()};;Seriate;`,
    ]
    const report = await importCompanyFile(hub, { fileName: 'doppioni.csv', bytes: Buffer.from(lines.join('\r\n'), 'utf8'), unitId: bg.id })
    expect(report).toMatchObject({ created: 4, updated: 1, errors: [] })
    let pairs = await expectQueueCurrent()
    const imported = await db.select().from(companies).where(eq(companies.comuneIstat, SERIATE.comuneIstat))
    const named = (name: string) => {
      const row = imported.find((c) => c.name === name)
      if (!row) throw new Error(`no company ${name}`)
      return row
    }
    expect(pairOf(pairs, target, named('Tornerie Pesenti S.r.l.'))?.reasons).toEqual([{ rule: 'name', value: '1.00' }])
    expect(pairOf(pairs, target, named('Pastificio Seriatese'))?.reasons).toEqual([{ rule: 'taxId', value: target.vatNumber }])
    expect(pairOf(pairs, target, updated)?.reasons).toEqual([{ rule: 'domain', value: 'tornerie-pesenti.it' }])

    // An edit through the service.
    await updateCompany(hub, named('Pastificio Seriatese Due').id, CompanyUpdateInput.parse({ name: 'Pastificio Seriatese Tre', email: 'info@tornerie-pesenti.it' }))
    pairs = await expectQueueCurrent()
    expect(pairOf(pairs, target, named('Pastificio Seriatese Due'))?.reasons).toEqual([{ rule: 'domain', value: 'tornerie-pesenti.it' }])

    // A merge: the merged company leaves the queue, the survivor takes the chosen fields.
    const merge = await mergeCompanies(hub, { survivorId: target.id, mergedId: named('Torneria Pesenti').id, choices: { email: 'merged' } })
    pairs = await expectQueueCurrent()
    expect(pairs.some((p) => p.a === named('Torneria Pesenti').id || p.b === named('Torneria Pesenti').id)).toBe(false)
    await undoMerge(hub, merge.id)
    pairs = await expectQueueCurrent()
    expect(pairOf(pairs, target, named('Torneria Pesenti'))).toBeDefined()

    // An erasure (of a contact of one of these companies) changes no company.
    const contact = await createContact(hub, ContactCreateInput.parse({ unitId: bg.id, firstName: 'Luca', lastName: 'Pesenti', email: 'luca@tornerie-pesenti.it', company: { companyId: target.id, role: 'titolare' } }))
    await eraseContact(hub, contact.id)
    expect(await expectQueueCurrent()).toEqual(pairs)

    // Archiving through the service, and back.
    await setCompanyArchived(hub, named('Tornerie Pesenti S.r.l.').id, true)
    expect(pairOf(await expectQueueCurrent(), target, named('Tornerie Pesenti S.r.l.'))).toBeUndefined()
    await setCompanyArchived(hub, named('Tornerie Pesenti S.r.l.').id, false)
    await expectQueueCurrent()

    // The import undone: companies it created are deleted (or archived, when used since), the one it
    // updated gets its previous e-mail back.
    const undone = await undoCompanyImport(hub, report.importId)
    expect(undone.undo).toMatchObject({ deleted: expect.any(Number) as number, restored: 1 })
    pairs = await expectQueueCurrent()
    expect(pairOf(pairs, target, updated)).toBeUndefined()
  }, 240_000)

  it('matches the read-time detection after a long random sequence of writes, deferred or not', async () => {
    const random = prng(2029)
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T
    const words = ['Meccanica', 'Meccaniche', 'Officina', 'Rossi', 'Rosi', 'Bonomi', 'Bergamasca', 'Bergamasche', 'Tessile', 'Orobica', 'Valle']
    const places = [SERIATE, DALMINE, CHIARI, { comuneIstat: null, provinceCode: null, regionCode: null }]
    const domains = [null, null, 'rossi-meccanica.it', 'gruppo-orobico.it', 'gmail.com', 'pec.rossi-meccanica.it']
    const sharedIds = Array.from({ length: 4 }, () => nextVatNumber())
    const name = () => Array.from({ length: 2 + Math.floor(random() * 2) }, () => pick(words)).join(' ') + pick(['', ' S.r.l.', ' snc'])
    const fields = () => {
      const n = name()
      const domain = pick(domains)
      return {
        name: n, nameKey: n.toLowerCase().replace(/\./g, ' '), searchText: n.toLowerCase(), ...pick(places),
        email: domain && random() < 0.5 ? `info@${domain}` : null,
        website: domain && random() < 0.5 ? `https://www.${domain}/chi-siamo` : null,
        taxCode: random() < 0.2 ? pick(sharedIds) : null,
      }
    }
    const ids: string[] = (await bulkInsert(12, () => name())).map((c) => c.id)
    for (let step = 0; step < 40; step++) {
      const deferred = random() < 0.3
      await db.transaction(async (tx) => {
        if (deferred) await deferDuplicateRefresh(tx)
        for (let w = 0; w < (deferred ? 4 : 1); w++) {
          const op = random()
          const id = pick(ids)
          if (op < 0.25) {
            // Now and then a partita IVA another company carries as its codice fiscale.
            const vatNumber = random() < 0.15 ? pick(sharedIds) : nextVatNumber()
            const [row] = await tx.insert(companies).values({ unitId: pick([bg, bs]).id, vatNumber, ...fields() }).onConflictDoNothing().returning()
            if (row) ids.push(row.id)
          } else if (op < 0.55) await tx.update(companies).set(fields()).where(eq(companies.id, id))
          else if (op < 0.65) await tx.update(companies).set({ unitId: pick([bg, bs]).id }).where(eq(companies.id, id))
          else if (op < 0.8) await tx.update(companies).set({ archivedAt: random() < 0.5 ? new Date() : null }).where(eq(companies.id, id))
          else if (op < 0.9) {
            await tx.delete(companies).where(eq(companies.id, id))
            ids.splice(ids.indexOf(id), 1)
          } else await tx.update(companies).set({ notes: `nota ${step}` }).where(eq(companies.id, id))
        }
        if (deferred) await flushPendingDuplicates(tx)
      })
      await expectQueueCurrent()
    }
    expect((await storedPairs()).length).toBeGreaterThan(0)
  }, 240_000)

  it('flushes thousands of pending companies in one pass (the import-sized path)', async () => {
    const random = prng(4242)
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T
    // Blocks of tens of companies (as in a real registry), not hundreds: PGlite compares them all twice.
    const words = ['Meccanica', 'Officina', 'Rossi', 'Rosi', 'Bonomi', 'Bergamasca', 'Tessile', 'Orobica', 'Valle', 'Gritti', 'Colombo',
      'Ferrari', 'Russo', 'Bianchi', 'Romano', 'Gallo', 'Costa', 'Fontana', 'Conti', 'Esposito', 'Ricci', 'Bruno', 'Moretti', 'Marino',
      'Greco', 'Barbieri', 'Lombardi', 'Giordano', 'Rinaldi', 'Caruso', 'Mancini', 'Villa', 'Longhi', 'Pellegrini', 'Leone', 'Martini']
    const places = [SERIATE, DALMINE, CHIARI, { comuneIstat: '016024', provinceCode: 'BG', regionCode: '03' }, { comuneIstat: '017029', provinceCode: 'BS', regionCode: '03' }]
    const existing = await db.select({ id: companies.id }).from(companies).where(sql`${companies.comuneIstat} is distinct from ${DALMINE.comuneIstat}`).limit(20)
    await db.transaction(async (tx) => {
      await deferDuplicateRefresh(tx)
      const rows = Array.from({ length: 1_200 }, (_, i) => {
        const n = `${pick(words)} ${pick(words)} ${i % 7 === 0 ? pick(words) : ''}`.trim()
        const domain = i % 5 === 0 ? `info@${pick(words).toLowerCase()}-${pick(['group', 'spa'])}.it` : null
        return { unitId: pick([bg, bs]).id, name: n, nameKey: n.toLowerCase(), searchText: n.toLowerCase(), vatNumber: nextVatNumber(), email: domain, ...pick(places) }
      })
      for (let i = 0; i < rows.length; i += 400) await tx.insert(companies).values(rows.slice(i, i + 400))
      // …and edits of companies already in the queue, in the same deferred transaction.
      await tx.update(companies).set({ comuneIstat: DALMINE.comuneIstat }).where(inArray(companies.id, existing.map((c) => c.id)))
      expect(await flushPendingDuplicates(tx)).toBe(1_200 + existing.length)
    })
    expect((await expectQueueCurrent()).length).toBeGreaterThan(50)
  }, 240_000)

  it('rebuilds to the same pairs', async () => {
    const stored = await expectQueueCurrent()
    await db.execute(sql`select rebuild_company_duplicate_pairs()`)
    expect(await storedPairs()).toEqual(stored)
  }, 120_000)
})
