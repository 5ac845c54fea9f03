/**
 * Issue 3: "100,000 rows in one file". One generated CSV of 100,000 rows through the service, in
 * batches: the counts prove every row went through; the run itself proves time and memory stay
 * acceptable (no timing assertion; the duration and heap are printed for the record).
 */
import { count, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildRootUnit, buildUnit, buildUser } from '../../../../tests/factories/identity.factory'
import { createTestApp, type TestApp } from '../../../../tests/support/test-app'
import { loadActor } from '../../identity'
import { vatCheckDigit } from './companies.seed'
import { companies, companyDuplicateKeys, companyDuplicatePending, companyImportChanges } from './companies.table'
import { importCompanyFile } from './company-import.service'

const ROWS = 100_000
const COMUNI = ['Bergamo', 'Brescia', 'Milano', 'Seriate', 'Dalmine', 'Treviglio', 'Lovere', 'Clusone', 'Chiari', 'Desenzano del Garda']

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
}, 120_000)
afterAll(async () => {
  await t.close()
})

function generatedCsv(): Buffer {
  const lines = ['Ragione sociale;Partita IVA;Comune;Dipendenti;Fatturato;Forma giuridica']
  for (let i = 0; i < ROWS; i++) {
    const first10 = `${String(3_000_000 + i).padStart(7, '0')}016`
    const vat = `${first10}${vatCheckDigit(first10)}`
    const turnover = `${(i % 900) + 100}.${String(i % 1000).padStart(3, '0')},50`
    lines.push(`Impresa ${i} S.r.l.;${vat};${COMUNI[i % COMUNI.length]};${i % 250};${turnover};Srl`)
  }
  // Two rows at the end that must fail: a bad check digit and a repeated partita IVA.
  lines.push('Sbagliata;01234567891;Bergamo;1;1;Srl')
  lines.push(`Ripetuta;${lines[1]?.split(';')[1]};Bergamo;1;1;Srl`)
  return Buffer.from(lines.join('\r\n'), 'utf8')
}

describe('an import of 100,000 rows', () => {
  it('imports every valid row and reports the bad ones', async () => {
    const db = t.deps.database.db
    const root = await buildRootUnit(db)
    const unit = await buildUnit(db, { parent: root, name: 'Antenna Grande' })
    const user = await buildUser(db, { grants: [{ unit, role: 'unit_staff' }] })
    const actor = await loadActor(db, user.id, 'session', ['read', 'write'])
    const ctx = { db, deps: t.deps, actor, requestId: null, locale: 'it' as const, now: () => new Date() }
    const bytes = generatedCsv()
    const started = performance.now()
    const report = await importCompanyFile(ctx, { fileName: 'centomila.csv', bytes })
    const seconds = (performance.now() - started) / 1000
    console.log(`100k-row import on ${t.deps.database.kind}: ${seconds.toFixed(1)} s, ${(bytes.byteLength / 1e6).toFixed(1)} MB, heap ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB`)
    expect(report).toMatchObject({ totalRows: ROWS + 2, created: ROWS, updated: 0, unchanged: 0 })
    expect(report.errors.map((e) => [e.row, e.code])).toEqual([
      [ROWS + 2, 'vatNumberChecksum'],
      [ROWS + 3, 'importDuplicateRow'],
    ])
    const [stored] = await db.select({ n: count() }).from(companies).where(eq(companies.unitId, unit.id))
    expect(stored?.n).toBe(ROWS)
    const [changes] = await db.select({ n: count() }).from(companyImportChanges).where(eq(companyImportChanges.importId, report.importId))
    expect(changes?.n).toBe(ROWS)
    // The batches deferred the duplicates queue: the import is done with its companies pending, and
    // the job it queued brings the queue up to date in one pass.
    const [waiting] = await db.select({ n: count() }).from(companyDuplicatePending)
    expect(waiting?.n).toBe(ROWS)
    await t.deps.jobs.drain()
    const [pending] = await db.select({ n: count() }).from(companyDuplicatePending)
    expect(pending?.n).toBe(0)
    const [keyed] = await db.select({ n: count() }).from(companyDuplicateKeys).where(eq(companyDuplicateKeys.kind, 'vat'))
    expect(keyed?.n).toBe(ROWS)
  }, 900_000)
})
