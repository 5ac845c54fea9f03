import { and, count, eq, sql } from 'drizzle-orm'
import ExcelJS from 'exceljs'
import iconv from 'iconv-lite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildCompany } from '../../../../tests/factories/companies.factory'
import { buildRootUnit, buildUnit, buildUser } from '../../../../tests/factories/identity.factory'
import { createTestApp, type TestApp } from '../../../../tests/support/test-app'
import type { Db } from '../../../server/db/client'
import type { AppDeps } from '../../../server/deps'
import type { RequestContext } from '../../../server/http/context'
import { auditLog } from '../../audit/server/audit.table'
import { ContactCreateInput } from '../../contacts/contacts.contract'
import { createContact } from '../../contacts/server/contacts.service'
import { loadActor } from '../../identity'
import type { UnitRow } from '../../identity/server/identity.table'
import { vatCheckDigit } from './companies.seed'
import { updateCompany } from './companies.service'
import { companies, companyActivity, companyImportChanges, companyImports, customFieldDefinitions } from './companies.table'
import { listDuplicatePairs } from './company-duplicates.service'
import { exportCompanies } from './company-export.service'
import { streamToBuffer } from './company-export.writer'
import {
  COMPANY_IMPORT_QUEUE,
  getCompanyImport,
  IMPORT_BATCH_SIZE,
  importCompanyFile,
  listCompanyImports,
  recoverStaleCompanyImports,
  runCompanyImportJob,
  STALE_RUN_MS,
  startCompanyImport,
  startCompanyValidation,
  undoCompanyImport,
  updateCompanyImport,
  uploadCompanyImport,
  validateCompanyImport,
} from './company-import.service'

let t: TestApp
let root: UnitRow
let bg: UnitRow
let bs: UnitRow
let staffBg: RequestContext
let staffBs: RequestContext
let hubStaff: RequestContext

let serial = 7_100_000
/** A valid partita IVA, different at each call. */
function vat(): string {
  const first10 = `${String(++serial).padStart(7, '0')}016`
  return `${first10}${vatCheckDigit(first10)}`
}
/** The same partita IVA with a wrong check digit. */
function badVat(): string {
  const good = vat()
  return `${good.slice(0, 10)}${(Number(good[10]) + 1) % 10}`
}

async function contextOf(unit: UnitRow, role: 'unit_staff' | 'viewer' = 'unit_staff', locale: 'it' | 'en' = 'it'): Promise<RequestContext> {
  const db = t.deps.database.db
  const user = await buildUser(db, { grants: [{ unit, role }] })
  const actor = await loadActor(db, user.id, 'session', ['read', 'write'])
  return { db, deps: t.deps, actor, requestId: null, locale, now: () => t.clock.now }
}

const csv = (lines: string[]) => Buffer.from(lines.join('\r\n'), 'utf8')
const companyCount = async () => (await t.deps.database.db.select({ n: count() }).from(companies))[0]?.n ?? 0
function must<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('expected a value')
  return value
}
const byVat = async (v: string) => (await t.deps.database.db.select().from(companies).where(eq(companies.vatNumber, v)))[0]

beforeAll(async () => {
  t = await createTestApp()
  const db = t.deps.database.db
  root = await buildRootUnit(db, { name: 'DIH Lombardia' })
  bg = await buildUnit(db, { parent: root, name: 'Antenna Bergamo' })
  bs = await buildUnit(db, { parent: root, name: 'Antenna Brescia' })
  staffBg = await contextOf(bg)
  staffBs = await contextOf(bs)
  hubStaff = await contextOf(root)
}, 120_000)
afterAll(async () => {
  await t.close()
})

describe('dry run', () => {
  it('lists every error by spreadsheet row, file column and Italian message, and writes nothing', async () => {
    const [a, b, c] = [vat(), vat(), vat()]
    const bytes = iconv.encode(
      [
        'Ragione sociale;Partita IVA;Forma giuridica;Comune;Provincia;Dipendenti;Fatturato',
        `Meccanica Orobica S.r.l.;${a};S.r.l.;Bergamo;BG;12;1.234.567,89`,
        `Partita Sbagliata Srl;${badVat()};Srl;Bergamo;;3;1000`,
        `Comune Inventato Snc;${b};snc;Borgo Immaginario;;4;`,
        `Copia Orobica;${a};Srl;Seriate;BG;5;`,
        `Numeri Strani SpA;${c};Società per boh;Brescia;;dodici;`,
        `;${vat()};;Forlì;;;`,
      ].join('\r\n'),
      'win1252',
    )
    const before = await companyCount()
    const upload = await uploadCompanyImport(staffBg, { fileName: 'aziende.csv', bytes })
    expect(upload.options).toEqual({ encoding: 'windows-1252', delimiter: ';', sheet: null })
    expect(upload.mapping).toEqual({ 0: 'name', 1: 'vatNumber', 2: 'legalForm', 3: 'comune', 4: 'province', 5: 'employees', 6: 'turnover' })
    expect(upload.preview[0]).toEqual(['Meccanica Orobica S.r.l.', a, 'S.r.l.', 'Bergamo', 'BG', '12', '1.234.567,89'])
    const checked = await validateCompanyImport(staffBg, upload.id)
    expect(checked).toMatchObject({ status: 'validated', dryRun: true, totalRows: 6, created: 1, updated: 0, unchanged: 0 })
    expect(checked.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [3, 'Partita IVA', 'vatNumberChecksum'],
      [4, 'Comune', 'importComuneUnknown'],
      [5, 'Partita IVA', 'importDuplicateRow'],
      [6, 'Forma giuridica', 'importLegalForm'],
      [6, 'Dipendenti', 'importNumber'],
      [7, 'Ragione sociale', 'importRequired'],
    ])
    expect(checked.errors[2]?.message).toBe('Stessa partita IVA della riga 2.')
    expect(checked.errors[1]?.message).toContain('Borgo Immaginario')
    expect(await companyCount()).toBe(before)
  })

  it('writes the messages in the language of the user', async () => {
    const staffEn = await contextOf(bg, 'unit_staff', 'en')
    const report = await importCompanyFile(staffEn, { fileName: 'c.csv', bytes: csv(['Name,VAT number', `Alfa,${vat()}`, `Alfa bis,${badVat()}`]), dryRun: true })
    expect(report.errors).toHaveLength(1)
    expect(report.errors[0]).toMatchObject({ row: 3, column: 'VAT number', code: 'vatNumberChecksum' })
    expect(report.errors[0]?.message).toMatch(/check digit/)
  })

  it('matches comuni by ISTAT code and uses the province to tell homonyms apart', async () => {
    const [a, b, c] = [vat(), vat(), vat()]
    const report = await importCompanyFile(staffBg, {
      fileName: 'omonimi.csv',
      bytes: csv(['Ragione sociale;Partita IVA;Comune;Provincia', `Uno;${a};16024;`, `Due;${b};Castro;BG`, `Tre;${c};Castro;`]),
    })
    expect(report.errors.map((e) => [e.row, e.code])).toEqual([[4, 'importComuneUnknown']])
    expect((await byVat(a))?.comuneIstat).toBe('016024')
    expect((await byVat(b))?.provinceCode).toBe('BG')
  })
})

describe('import', () => {
  it('creates new companies in the chosen unit, updates only changed fields of existing ones, counts the unchanged', async () => {
    const db = t.deps.database.db
    const existing = await buildCompany(db, { unit: bg, name: 'Vecchio Nome Srl', vatNumber: vat(), employees: 10, email: 'info@vecchio.it' })
    const same = await buildCompany(db, { unit: bg, name: 'Sempre Uguale Srl', vatNumber: vat(), employees: 7 })
    const fresh = vat()
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('Foglio1')
    sheet.addRow(['Ragione sociale', 'Partita IVA', 'Dipendenti', 'Fatturato', 'Email', 'Codice ATECO', 'Tag'])
    sheet.addRow(['', existing.vatNumber, 25, '2.500.000,00', '', '', 'newsletter'])
    sheet.addRow(['Sempre Uguale Srl', Number(same.vatNumber), 7, null, null, null, null])
    sheet.addRow(['Nuova Impresa Cooperativa', fresh, '4', 1234567.89, 'CIAO@NUOVA.IT', '62.01', 'fiera, newsletter'])
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer())
    const report = await importCompanyFile(hubStaff, { fileName: 'aziende.xlsx', bytes, unitId: bg.id })
    expect(report).toMatchObject({ status: 'done', totalRows: 3, created: 1, updated: 1, unchanged: 1, errors: [] })

    const updated = await byVat(existing.vatNumber)
    expect(updated).toMatchObject({ name: 'Vecchio Nome Srl', employees: 25, turnover: 2_500_000, email: 'info@vecchio.it', tags: ['newsletter'], sizeDerived: 'small' })
    const created = await byVat(fresh)
    expect(created).toMatchObject({ unitId: bg.id, name: 'Nuova Impresa Cooperativa', employees: 4, turnover: 1234567.89, email: 'ciao@nuova.it', atecoCode: '62.01', atecoSection: 'J', tags: ['fiera', 'newsletter'] })
    const changes = await db.select().from(companyImportChanges).where(eq(companyImportChanges.importId, report.importId))
    expect(changes.map((c) => [c.rowNumber, c.action]).sort()).toEqual([[2, 'updated'], [4, 'created']])
    expect(changes.find((c) => c.action === 'updated')?.before).toMatchObject({ employees: 10, turnover: null, tags: [] })
    const audits = await db.select().from(auditLog).where(and(eq(auditLog.entityId, report.importId), eq(auditLog.action, 'import')))
    expect(audits).toHaveLength(1)
    expect(audits[0]?.after).toMatchObject({ created: 1, updated: 1, unchanged: 1, errors: 0 })
  })

  it('never duplicates: importing the same file twice creates nothing the second time', async () => {
    const file = csv(['Ragione sociale,Partita IVA,Fatturato', `Doppia Srl,${vat()},1234567.89`, `Tripla Srl,${vat()},"1.000,5"`])
    const first = await importCompanyFile(staffBg, { fileName: 'x.csv', bytes: file })
    const second = await importCompanyFile(staffBg, { fileName: 'x.csv', bytes: file })
    expect([first.created, first.unchanged]).toEqual([2, 0])
    expect([second.created, second.updated, second.unchanged]).toEqual([0, 0, 2])
  })

  it('is done before the duplicates queue has its companies: a background job compares them right after', async () => {
    await t.deps.jobs.drain()
    // Two names of one company in one comune, both new: a pair once the refresh has run.
    const file = csv(['Ragione sociale;Partita IVA;Comune', `Officina Pesenti Tarcisio;${vat()};Bergamo`, `Officina Pesenti Tarcisio Snc;${vat()};Bergamo`])
    const report = await importCompanyFile(staffBg, { fileName: 'pesenti.csv', bytes: file })
    expect(report.created).toBe(2)
    const pairsOfPesenti = async () => {
      const page = await listDuplicatePairs(staffBg, { limit: 100 })
      return { pending: page.pending, pairs: page.items.filter((p) => p.companyA.name.startsWith('Officina Pesenti') && p.companyB.name.startsWith('Officina Pesenti')) }
    }
    // The import's companies are listed at once; their pairs wait for the job.
    expect(await pairsOfPesenti()).toEqual({ pending: 2, pairs: [] })
    await t.deps.jobs.drain()
    const after = await pairsOfPesenti()
    expect(after.pending).toBe(0)
    expect(after.pairs).toHaveLength(1)
  })

  it('skips rows with errors and imports the rest', async () => {
    const good = vat()
    const report = await importCompanyFile(staffBg, { fileName: 'misto.csv', bytes: csv(['Ragione sociale;Partita IVA;Email', `Buona;${good};ok@buona.it`, `Cattiva;${vat()};non-una-email`]) })
    expect(report).toMatchObject({ created: 1, updated: 0 })
    expect(report.errors).toMatchObject([{ row: 3, column: 'Email', code: 'invalid_format' }])
    expect(await byVat(good)).toBeDefined()
  })

  it('fills custom fields from their columns', async () => {
    const db = t.deps.database.db
    await db.insert(customFieldDefinitions).values([
      { key: 'settore_cliente', labelIt: 'Settore cliente', labelEn: 'Customer sector', type: 'select', options: [{ value: 'automotive', it: 'Automotive', en: 'Automotive' }, { value: 'food', it: 'Alimentare', en: 'Food' }] },
      { key: 'data_contatto', labelIt: 'Data primo contatto', labelEn: 'First contact date', type: 'date' },
    ])
    const v = vat()
    const report = await importCompanyFile(staffBg, { fileName: 'cf.csv', bytes: csv(['Ragione sociale;Partita IVA;Settore cliente;Data primo contatto', `Con Campi;${v};alimentare;15/03/2024`, `Campi Sbagliati;${vat()};tessile;ieri`]) })
    expect(report.errors.map((e) => [e.row, e.column])).toEqual([[3, 'Settore cliente'], [3, 'Data primo contatto']])
    expect((await byVat(v))?.customFields).toEqual({ settore_cliente: 'food', data_contatto: '2024-03-15' })
    await db.delete(customFieldDefinitions)
  })

  it('runs in the background from startCompanyImport, claiming the import once', async () => {
    const upload = await uploadCompanyImport(staffBg, { fileName: 'bg.csv', bytes: csv(['Ragione sociale;Partita IVA', `Sfondo Srl;${vat()}`]) })
    const started = await startCompanyImport(staffBg, upload.id)
    expect(started.status).toBe('importing')
    await expect(startCompanyImport(staffBg, upload.id)).rejects.toMatchObject({ code: 'CONFLICT' })
    await t.deps.jobs.drain()
    const done = await getCompanyImport(staffBg, upload.id)
    expect(done).toMatchObject({ status: 'done', processedRows: 1, created: 1, can: { undo: true, run: false } })
  })
})

describe('scoping', () => {
  it('reports a partita IVA of a company the user cannot change as an error, never an update', async () => {
    const theirs = await buildCompany(t.deps.database.db, { unit: bs, name: 'Bresciana Spa', vatNumber: vat(), employees: 3 })
    const report = await importCompanyFile(staffBg, { fileName: 'furbo.csv', bytes: csv(['Ragione sociale;Partita IVA;Dipendenti', `Presa;${theirs.vatNumber};999`]) })
    expect(report).toMatchObject({ created: 0, updated: 0 })
    expect(report.errors).toMatchObject([{ row: 2, column: 'Partita IVA', code: 'importVatNotWritable' }])
    expect((await byVat(theirs.vatNumber))?.employees).toBe(3)
  })

  it('never updates a company merged into another: the row is an error naming the company that remains', async () => {
    const db = t.deps.database.db
    const survivor = await buildCompany(db, { unit: bg, name: 'Rimasta Srl', vatNumber: vat(), employees: 10 })
    const merged = await buildCompany(db, { unit: bg, name: 'Assorbita Srl', vatNumber: vat(), employees: 3 })
    await db.update(companies).set({ mergedIntoId: survivor.id, archivedAt: t.clock.now }).where(eq(companies.id, merged.id))
    const file = csv(['Ragione sociale;Partita IVA;Dipendenti', `Assorbita Srl;${merged.vatNumber};99`])
    const dry = await importCompanyFile(staffBg, { fileName: 'fusa.csv', bytes: file, dryRun: true })
    expect(dry).toMatchObject({ created: 0, updated: 0, unchanged: 0 })
    const report = await importCompanyFile(staffBg, { fileName: 'fusa.csv', bytes: file })
    expect(report).toMatchObject({ created: 0, updated: 0, unchanged: 0 })
    expect(report.errors).toMatchObject([{ row: 2, column: 'Partita IVA', code: 'importVatMerged' }])
    expect(report.errors[0]?.message).toContain('Rimasta Srl')
    expect(report.errors[0]?.message).toContain(survivor.vatNumber)
    expect((await byVat(merged.vatNumber))?.employees).toBe(3)
    expect((await byVat(survivor.vatNumber))?.employees).toBe(10)
    // Merged into a company of another antenna: not named to a user who cannot see it.
    const elsewhere = await buildCompany(db, { unit: bs, name: 'Bresciana Rimasta Spa', vatNumber: vat() })
    const mergedAway = await buildCompany(db, { unit: bg, name: 'Passata a Brescia', vatNumber: vat() })
    await db.update(companies).set({ mergedIntoId: elsewhere.id, archivedAt: t.clock.now }).where(eq(companies.id, mergedAway.id))
    const hidden = await importCompanyFile(staffBg, { fileName: 'fusa2.csv', bytes: csv(['Ragione sociale;Partita IVA', `Passata;${mergedAway.vatNumber}`]) })
    expect(hidden.errors).toMatchObject([{ row: 2, code: 'importVatNotWritable' }])
    expect(hidden.errors[0]?.message).not.toContain('Bresciana')
  })

  it('keeps imports to the units of the user: another antenna neither sees nor runs them', async () => {
    const upload = await uploadCompanyImport(staffBg, { fileName: 'riservato.csv', bytes: csv(['Ragione sociale;Partita IVA', `Riservata;${vat()}`]) })
    await expect(getCompanyImport(staffBs, upload.id)).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(validateCompanyImport(staffBs, upload.id)).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(startCompanyImport(staffBs, upload.id)).rejects.toMatchObject({ code: 'NOT_FOUND' })
    expect((await listCompanyImports(staffBs)).items.map((i) => i.id)).not.toContain(upload.id)
    expect((await listCompanyImports(staffBg)).items.map((i) => i.id)).toContain(upload.id)
    expect((await listCompanyImports(hubStaff)).items.map((i) => i.id)).toContain(upload.id)
  })

  it('refuses another antenna as target unit, and viewers altogether', async () => {
    const bytes = csv(['Ragione sociale;Partita IVA', `X;${vat()}`])
    await expect(uploadCompanyImport(staffBg, { fileName: 'x.csv', bytes, unitId: bs.id })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    const upload = await uploadCompanyImport(staffBg, { fileName: 'x.csv', bytes })
    await expect(updateCompanyImport(staffBg, upload.id, { unitId: bs.id })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    const viewer = await contextOf(bg, 'viewer')
    await expect(uploadCompanyImport(viewer, { fileName: 'x.csv', bytes })).rejects.toMatchObject({ code: 'FORBIDDEN' })
  })
})

describe('mapping', () => {
  it('imports with a mapping changed by the user and refuses a field chosen twice', async () => {
    const v = vat()
    const upload = await uploadCompanyImport(staffBg, { fileName: 'strano.csv', bytes: csv(['Colonna A;Colonna B;Colonna C', `Rinominata Srl;${v};Via Roma 1`]) })
    expect(upload.mapping).toEqual({})
    await expect(updateCompanyImport(staffBg, upload.id, { mapping: { 0: 'name', 1: 'name' } })).rejects.toMatchObject({ code: 'VALIDATION' })
    await updateCompanyImport(staffBg, upload.id, { mapping: { 0: 'name', 1: 'vatNumber', 2: 'address' } })
    await startCompanyImport(staffBg, upload.id)
    await t.deps.jobs.drain()
    expect(await byVat(v)).toMatchObject({ name: 'Rinominata Srl', address: 'Via Roma 1' })
  })

  it('reports a file without a partita IVA column once', async () => {
    const report = await importCompanyFile(staffBg, { fileName: 'senza.csv', bytes: csv(['Ragione sociale', 'Sola']), dryRun: true })
    expect(report.errors).toMatchObject([{ row: 1, column: null, code: 'importRequired' }])
  })

  it('refuses unreadable and oversized files with a clear error', async () => {
    await expect(uploadCompanyImport(staffBg, { fileName: 'vecchio.xls', bytes: Buffer.from('x') })).rejects.toMatchObject({ code: 'VALIDATION', messageKey: 'errors.importFormat' })
    await expect(uploadCompanyImport(staffBg, { fileName: 'enorme.csv', bytes: new Uint8Array(31 * 1024 * 1024) })).rejects.toMatchObject({ messageKey: 'errors.importTooLarge' })
  })
})

describe('undo', () => {
  it('deletes what the import created, restores what it updated, and reports what changed since', async () => {
    const db = t.deps.database.db
    const updatedKeep = await buildCompany(db, { unit: bg, name: 'Da Ripristinare', vatNumber: vat(), employees: 1 })
    const updatedLater = await buildCompany(db, { unit: bg, name: 'Toccata Dopo', vatNumber: vat(), employees: 1 })
    const [plain, used, edited] = [vat(), vat(), vat()]
    const report = await importCompanyFile(staffBg, {
      fileName: 'annullami.csv',
      bytes: csv([
        'Ragione sociale;Partita IVA;Dipendenti',
        `;${updatedKeep.vatNumber};50`,
        `;${updatedLater.vatNumber};60`,
        `Nuova Semplice;${plain};2`,
        `Nuova Usata;${used};3`,
        `Nuova Modificata;${edited};4`,
      ]),
    })
    expect(report).toMatchObject({ created: 3, updated: 2 })
    // Later work on some of them: an interaction (activity), an edit by a user.
    t.clock.advance(60_000)
    const usedRow = must(await byVat(used))
    await db.insert(companyActivity).values({ companyId: usedRow.id, stage: 'contacted', sourceType: 'interaction', sourceId: crypto.randomUUID(), occurredAt: t.clock.now })
    await updateCompany(staffBg, must(await byVat(edited)).id, { notes: 'telefonato' })
    await updateCompany(staffBg, updatedLater.id, { employees: 61 })

    await expect(undoCompanyImport(staffBs, report.importId)).rejects.toMatchObject({ code: 'NOT_FOUND' })
    const undone = await undoCompanyImport(staffBg, report.importId)
    expect(undone.status).toBe('undone')
    expect(undone.undo).toMatchObject({ deleted: 1, archived: 2, restored: 1 })
    expect(undone.undo?.conflicts.map((c) => c.row).sort()).toEqual([3, 5, 6])
    expect(await byVat(plain)).toBeUndefined()
    expect((await byVat(used))?.archivedAt).not.toBeNull()
    expect((await byVat(updatedKeep.vatNumber))?.employees).toBe(1)
    expect((await byVat(updatedLater.vatNumber))?.employees).toBe(61)
    await expect(undoCompanyImport(staffBg, report.importId)).rejects.toMatchObject({ code: 'CONFLICT' })
    const audits = await db.select().from(auditLog).where(and(eq(auditLog.entityId, report.importId), eq(auditLog.action, 'undo')))
    expect(audits).toHaveLength(1)
  })

  it('archives, rather than deletes, a created company that people were linked to since', async () => {
    const [linked, plain] = [vat(), vat()]
    const report = await importCompanyFile(staffBg, { fileName: 'contatti.csv', bytes: csv(['Ragione sociale;Partita IVA', `Con Referente Srl;${linked}`, `Senza Nessuno Srl;${plain}`]) })
    expect(report.created).toBe(2)
    t.clock.advance(60_000)
    const company = must(await byVat(linked))
    const contact = await createContact(staffBg, ContactCreateInput.parse({ unitId: bg.id, firstName: 'Giulia', lastName: 'Rota', company: { companyId: company.id, role: 'referente' } }))
    const undone = await undoCompanyImport(staffBg, report.importId)
    expect(undone.undo).toMatchObject({ deleted: 1, archived: 1, restored: 0 })
    expect(undone.undo?.conflicts).toMatchObject([{ row: 2, companyId: company.id, name: 'Con Referente Srl' }])
    expect(undone.undo?.conflicts[0]?.reason).toContain('contatti')
    // The company the person is linked to is still there (archived), so the link still leads somewhere.
    expect((await byVat(linked))?.archivedAt).not.toBeNull()
    expect(await byVat(plain)).toBeUndefined()
    expect(contact.companies.map((c) => c.companyId)).toEqual([company.id])
  })
})

describe('runs that stop (a crash, a restart)', () => {
  /** Jobs queued while `fn` runs are kept, not run: as if the process died right after queuing. */
  async function withLostJobs<T>(fn: () => Promise<T>): Promise<{ result: T; jobs: Record<string, unknown>[] }> {
    const send = t.deps.jobs.send
    const jobs: Record<string, unknown>[] = []
    t.deps.jobs.send = async (queue, data) => {
      if (queue === COMPANY_IMPORT_QUEUE) jobs.push(data)
    }
    try {
      return { result: await fn(), jobs }
    } finally {
      t.deps.jobs.send = send
    }
  }
  function bigFile(rows: number, extra: string[] = []) {
    return csv(['Ragione sociale;Partita IVA;Comune', ...Array.from({ length: rows }, (_, i) => `Impresa Ripresa ${i};${vat()};Bergamo`), ...extra])
  }
  const statusOf = async (id: string) => (await t.deps.database.db.select().from(companyImports).where(eq(companyImports.id, id)))[0]

  it('takes over a dry run whose process died, when someone looks at the import, and only after a while', async () => {
    const upload = await uploadCompanyImport(staffBg, { fileName: 'interrotta.csv', bytes: bigFile(3) })
    await withLostJobs(() => startCompanyValidation(staffBg, upload.id))
    expect((await getCompanyImport(staffBg, upload.id)).status).toBe('validating')
    // Not yet: a run is presumed dead only after STALE_RUN_MS without a sign of life.
    t.clock.advance(STALE_RUN_MS - 1_000)
    expect(await recoverStaleCompanyImports(t.deps, t.clock.now)).toBe(0)
    t.clock.advance(2_000)
    // The list (and the page, which polls) takes it over; exactly one taker wins.
    const listed = await listCompanyImports(staffBg)
    expect(listed.items.find((i) => i.id === upload.id)).toBeDefined()
    expect(await recoverStaleCompanyImports(t.deps, t.clock.now)).toBe(0)
    await t.deps.jobs.drain()
    expect(await getCompanyImport(staffBg, upload.id)).toMatchObject({ status: 'validated', dryRun: true, created: 3, processedRows: 3 })
  })

  it('resumes an import after its last committed batch, and the run it took over writes nothing more', async () => {
    const db = t.deps.database.db
    const rows = IMPORT_BATCH_SIZE * 2 + 500
    const bad = badVat()
    // One bad row in the first batch: its error must survive the takeover.
    const bytes = csv(['Ragione sociale;Partita IVA;Comune', `Sbagliata;${bad};Bergamo`, ...Array.from({ length: rows - 1 }, (_, i) => `Impresa Ripresa ${i};${vat()};Bergamo`)])
    const upload = await uploadCompanyImport(staffBg, { fileName: 'lunga.csv', bytes })
    const { jobs } = await withLostJobs(() => startCompanyImport(staffBg, upload.id))
    const job = must(jobs[0])

    // The first run commits its first batch, then hangs before its second (a process that froze).
    const real = db
    let transactions = 0
    let reachedSecond!: () => void
    const atSecond = new Promise<void>((resolve) => (reachedSecond = resolve))
    let release!: () => void
    const gate = new Promise<void>((resolve) => (release = resolve))
    const frozen = Object.create(real) as Db
    frozen.transaction = (async (fn: Parameters<Db['transaction']>[0], config?: Parameters<Db['transaction']>[1]) => {
      if (++transactions === 2) {
        reachedSecond()
        await gate
      }
      return real.transaction(fn, config)
    }) as Db['transaction']
    const frozenDeps: AppDeps = { ...t.deps, database: { ...t.deps.database, db: frozen } }
    const firstRun = runCompanyImportJob(frozenDeps, job)
    await atSecond
    expect(await statusOf(upload.id)).toMatchObject({ status: 'importing', processedRows: IMPORT_BATCH_SIZE, created: IMPORT_BATCH_SIZE - 1, errorCount: 1 })

    // Silent for too long: taken over, resumed after batch 1.
    t.clock.advance(STALE_RUN_MS + 1_000)
    expect(await recoverStaleCompanyImports(t.deps, t.clock.now)).toBe(1)
    await t.deps.jobs.drain()
    const done = await getCompanyImport(staffBg, upload.id)
    expect(done).toMatchObject({ status: 'done', totalRows: rows, processedRows: rows, created: rows - 1, updated: 0, unchanged: 0, errorCount: 1 })
    expect(done.errors).toMatchObject([{ row: 2, code: 'vatNumberChecksum' }])

    // The frozen run wakes up: its claim is gone, so its batch rolls back and it stops quietly.
    release()
    await expect(firstRun).resolves.toBeUndefined()
    expect(await statusOf(upload.id)).toMatchObject({ status: 'done', created: rows - 1, claimId: null })
    const [changes] = await db.select({ n: count() }).from(companyImportChanges).where(eq(companyImportChanges.importId, upload.id))
    expect(changes?.n).toBe(rows - 1)
    const [stored] = await db.select({ n: count() }).from(companies).where(sql`${companies.name} like 'Impresa Ripresa %' and ${companies.unitId} = ${bg.id}`)
    expect(stored?.n).toBe(rows - 1)
    // Undo sees every company of the import, whichever run wrote it.
    expect((await undoCompanyImport(staffBg, upload.id)).undo).toMatchObject({ deleted: rows - 1, archived: 0 })
  }, 120_000)
})

describe('export', () => {
  it('exports exactly what the list shows the user, as Excel-friendly CSV with formulas neutralised', async () => {
    const db = t.deps.database.db
    const unit = await buildUnit(db, { parent: root, name: 'Antenna Export' })
    const other = await buildUnit(db, { parent: root, name: 'Antenna Altrove' })
    const ctx = await contextOf(unit)
    await buildCompany(db, { unit, name: '=HYPERLINK("http://evil")', vatNumber: vat(), turnover: 1234.5, comuneIstat: '016024', provinceCode: 'BG' })
    await buildCompany(db, { unit, name: 'Zeta Srl', vatNumber: vat(), legalForm: 'srl', phone: '+39 035 1234' })
    await buildCompany(db, { unit: other, name: 'Nascosta Srl', vatNumber: vat() })
    const file = await exportCompanies(ctx, { format: 'csv' })
    const bytes = await streamToBuffer(file.body)
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = bytes.toString('utf8').slice(1)
    const lines = text.split('\r\n').filter(Boolean)
    expect(lines[0]?.startsWith('Ragione sociale;Partita IVA;Codice fiscale;Forma giuridica')).toBe(true)
    expect(lines).toHaveLength(3)
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil"")"`)
    expect(lines[1]).toContain(';Bergamo;BG;')
    expect(lines[1]).toContain(';1234,5;')
    expect(lines[2]).toContain("Zeta Srl;")
    expect(lines[2]).toContain(";S.r.l.;")
    expect(lines[2]).toContain(";'+39 035 1234;")
    expect(text).not.toContain('Nascosta')
    expect(file.fileName).toMatch(/^aziende-\d{4}-\d{2}-\d{2}\.csv$/)
  })

  it('exports XLSX with English headers, the filters and the selected ids', async () => {
    const db = t.deps.database.db
    const unit = await buildUnit(db, { parent: root, name: 'Antenna XLSX' })
    const ctx = await contextOf(unit, 'unit_staff', 'en')
    const a = await buildCompany(db, { unit, name: 'Alfa', vatNumber: vat(), employees: 3, tags: ['fiera'] })
    await buildCompany(db, { unit, name: 'Beta', vatNumber: vat(), tags: ['fiera'] })
    await buildCompany(db, { unit, name: 'Gamma', vatNumber: vat() })
    const read = async (query: Parameters<typeof exportCompanies>[1]) => {
      const workbook = new ExcelJS.Workbook()
      await workbook.xlsx.load((await streamToBuffer((await exportCompanies(ctx, query)).body)) as unknown as ExcelJS.Buffer)
      const sheet = must(workbook.worksheets[0])
      const rows: unknown[][] = []
      sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)))
      return rows
    }
    const filtered = await read({ format: 'xlsx', tag: 'fiera' })
    expect(filtered[0]?.slice(0, 3)).toEqual(['Company name', 'VAT number', 'Tax code'])
    expect(filtered.slice(1).map((r) => r[0])).toEqual(['Alfa', 'Beta'])
    expect(filtered[1]?.[8]).toBe(3)
    const selected = await read({ format: 'xlsx', ids: [a.id] })
    expect(selected.slice(1).map((r) => r[0])).toEqual(['Alfa'])
  })

  it('round-trips: an exported file imports back unchanged', async () => {
    const db = t.deps.database.db
    const unit = await buildUnit(db, { parent: root, name: 'Antenna Giro' })
    const ctx = await contextOf(unit)
    await buildCompany(db, { unit, name: 'Giro Tondo Srl', vatNumber: vat(), legalForm: 'societa_cooperativa', employees: 12, turnover: 1234567.89, comuneIstat: '016024', provinceCode: 'BG', tags: ['a', 'b'] })
    const bytes = await streamToBuffer((await exportCompanies(ctx, { format: 'csv' })).body)
    const report = await importCompanyFile(ctx, { fileName: 'giro.csv', bytes })
    expect(report).toMatchObject({ created: 0, updated: 0, unchanged: 1, errors: [] })
  })
})
