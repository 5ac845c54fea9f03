import ExcelJS from 'exceljs'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildCompany } from '../../../../tests/factories/companies.factory'
import { buildRootUnit, buildUnit, buildUser } from '../../../../tests/factories/identity.factory'
import { createTestApp, signedInClient, type ApiClient, type TestApp } from '../../../../tests/support/test-app'
import { auditLog } from '../../audit/server/audit.table'
import { companies, type CompanyRow } from '../../companies/server/companies.table'
import type { UnitRow } from '../../identity/server/identity.table'
import { findDmaBand, getDmaRules } from '../assessments.reference'
import type { Assessment, AssessmentImportReport } from '../assessments.contract'
import { assessments } from './assessments.table'

const ANSWERS = { Q2: [1, 3, 5], Q5: [3], Q11: ['no', 'partially', 'no', 'no', 'yes'] }
const SME_HEADER = ['SME name', 'DMA Score', 'Digital Business Strategy', 'Digital Readiness', 'Human-Centric Digitalisation', 'Data Governance', 'Automation & Artificial Intelligence', 'Green Digitalisation', 'EDIH Name']
const PSO_HEADER = ['PSO name', 'DMA Score', 'Digital Strategy and Investments', 'Digital Readiness', 'Human-Centric Digitalisation', 'Data Management and Security', 'Interoperability', 'Green Digitalisation', 'EDIH Name']
const INJECTION = '=HYPERLINK("http://evil.test","clic")'

type ErrorBody = { error: { code: string; message: string } }

let t: TestApp
let root: UnitRow
let bg: UnitRow
let bs: UnitRow
let staffBg: ApiClient
let staffBs: ApiClient
let meccanica: CompanyRow
let omonima1: CompanyRow
let omonima2: CompanyRow
let bresciana: CompanyRow
let validatedId = ''
let draftId = ''

async function download(client: ApiClient, query: string): Promise<{ status: number; type: string; disposition: string; bytes: Buffer }> {
  const res = await t.app.request(`http://ponte.test/api/assessments/export?${query}`, { headers: { cookie: client.cookie, 'accept-language': 'it' } })
  return { status: res.status, type: res.headers.get('content-type') ?? '', disposition: res.headers.get('content-disposition') ?? '', bytes: Buffer.from(await res.arrayBuffer()) }
}

async function readWorkbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer)
  return workbook
}

function sheetValues(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = []
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)))
  return rows
}

/** A ';'-separated CSV with quoted cells, as the export writes it. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++ } else if (ch === '"') quoted = false
      else cell += ch
    } else if (ch === '"') quoted = true
    else if (ch === ';') { row.push(cell); cell = '' }
    else if (ch === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++ }
    else cell += ch
  }
  return rows
}

async function edihFile(sme: unknown[][], pso: unknown[][] = [], smeHeader = SME_HEADER): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook()
  const a = workbook.addWorksheet('My SMEs DMA Results')
  a.addRow(smeHeader)
  for (const r of sme) a.addRow(r)
  const b = workbook.addWorksheet('My PSOs DMA Results')
  b.addRow(PSO_HEADER)
  for (const r of pso) b.addRow(r)
  return new Uint8Array(await workbook.xlsx.writeBuffer())
}

async function upload(client: ApiClient, bytes: Uint8Array, fields: Record<string, string> = {}, locale = 'it') {
  const form = new FormData()
  form.append('file', new File([bytes as unknown as BlobPart], 'edih.xlsx'))
  for (const [k, v] of Object.entries(fields)) form.append(k, v)
  const res = await t.app.request('http://ponte.test/api/assessments/imports', {
    method: 'POST',
    body: form,
    headers: { cookie: client.cookie, 'x-ponte-csrf': '1', 'accept-language': locale },
  })
  return { status: res.status, body: (await res.json()) as AssessmentImportReport & ErrorBody }
}

async function validated(client: ApiClient, companyId: string): Promise<string> {
  const draft = (await client.post<Assessment>('/api/assessments', { companyId, stage: 'T0', mode: 'assisted' })).body
  await client.patch(`/api/assessments/${draft.id}`, { answers: ANSWERS })
  await client.post(`/api/assessments/${draft.id}/submit`)
  const done = await client.post<Assessment>(`/api/assessments/${draft.id}/validate`)
  expect(done.status).toBe(200)
  return draft.id
}

beforeAll(async () => {
  t = await createTestApp()
  const db = t.deps.database.db
  root = await buildRootUnit(db, { name: 'DIH Lombardia' })
  bg = await buildUnit(db, { parent: root, name: 'Antenna Bergamo' })
  bs = await buildUnit(db, { parent: root, name: 'Antenna Brescia' })
  staffBg = await signedInClient(t, (await buildUser(db, { grants: [{ unit: bg, role: 'unit_staff' }] })).email)
  staffBs = await signedInClient(t, (await buildUser(db, { grants: [{ unit: bs, role: 'unit_staff' }] })).email)
  meccanica = await buildCompany(db, { unit: bg, name: 'Meccanica Bergamasca Società Srl' })
  omonima1 = await buildCompany(db, { unit: bg, name: 'Omonima Srl' })
  omonima2 = await buildCompany(db, { unit: bg, name: 'Omonima Srl' })
  bresciana = await buildCompany(db, { unit: bs, name: 'Bresciana Spa' })
  const injected = await buildCompany(db, { unit: bg, name: INJECTION })
  validatedId = await validated(staffBg, meccanica.id)
  await validated(staffBs, bresciana.id)
  draftId = (await staffBg.post<Assessment>('/api/assessments', { companyId: injected.id, stage: 'T0', mode: 'assisted' })).body.id
  await staffBg.patch(`/api/assessments/${draftId}`, { answers: { Q2: [2], Q11: ['yes', 'yes', 'no', 'no', 'no'] } })
}, 120_000)
afterAll(async () => {
  await t.close()
})

describe('EDIH export', () => {
  it('writes both sheets in the reporting tool’s shape, validated assessments of the caller’s antenna only, scores unrounded', async () => {
    const file = await download(staffBg, 'format=edih')
    expect(file.status).toBe(200)
    expect(file.type).toContain('spreadsheetml')
    expect(file.disposition).toMatch(/filename="valutazioni-dma-edih-\d{4}-\d{2}-\d{2}\.xlsx"/)
    const workbook = await readWorkbook(file.bytes)
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['My SMEs DMA Results', 'My PSOs DMA Results'])
    const sme = sheetValues(workbook.getWorksheet('My SMEs DMA Results') as ExcelJS.Worksheet)
    expect(sme[0]).toEqual(SME_HEADER)
    // Only the validated one of Bergamo: no draft, nothing of Brescia.
    expect(sme).toHaveLength(2)
    const [stored] = await t.deps.database.db.select().from(assessments).where(eq(assessments.id, validatedId))
    if (!stored) throw new Error('missing')
    expect(sme[1]).toEqual([meccanica.name, stored.overall, stored.d1, stored.d2, stored.d3, stored.d4, stored.d5, stored.d6, 'DIH Lombardia'])
    expect(typeof sme[1]?.[1]).toBe('number')
    // Both sheets always there: the PSO one with its header only.
    expect(sheetValues(workbook.getWorksheet('My PSOs DMA Results') as ExcelJS.Worksheet)).toEqual([PSO_HEADER])

    const other = await readWorkbook((await download(staffBs, 'format=edih')).bytes)
    const bsRows = sheetValues(other.getWorksheet('My SMEs DMA Results') as ExcelJS.Worksheet)
    expect(bsRows.map((r) => r[0])).toEqual(['SME name', bresciana.name])
  })

  it('is audited', async () => {
    await download(staffBg, 'format=edih&stage=T0')
    const entries = await t.deps.database.db.select().from(auditLog).where(eq(auditLog.entityType, 'assessment_export'))
    expect(entries.some((e) => (e.after as { format?: string; filters?: { status?: string[] } }).format === 'edih' && (e.after as { filters: { status: string[] } }).filters.status[0] === 'validated')).toBe(true)
  })
})

describe('CSV and XLSX export with raw answers', () => {
  it('lists every status the caller reads, neutralises formulas and keeps answers exactly re-importable (CSV)', async () => {
    const file = await download(staffBg, 'format=csv')
    expect(file.status).toBe(200)
    expect(file.disposition).toMatch(/filename="valutazioni-dma-\d{4}-\d{2}-\d{2}\.csv"/)
    const text = file.bytes.toString('utf8')
    expect(text.startsWith('\uFEFF')).toBe(true)
    const [header, ...rows] = parseCsv(text.slice(1))
    if (!header) throw new Error('no header')
    expect(header.slice(0, 4)).toEqual(['ID', 'Serie', 'Versione', 'Azienda'])
    expect(header).toEqual(expect.arrayContaining(['D1', 'D6', 'Q1', 'Q11', 'P1', 'P11']))
    expect(rows).toHaveLength(2)
    const byId = new Map(rows.map((r) => [r[0], r]))
    const mine = byId.get(validatedId)
    const draft = byId.get(draftId)
    if (!mine || !draft) throw new Error('rows missing')
    expect(mine[header.indexOf('Partita IVA')]).toBe(meccanica.vatNumber)
    expect(mine[header.indexOf('Stato')]).toBe('validated')
    expect(mine[header.indexOf('Unità')]).toBe('Antenna Bergamo')
    for (const [q, answer] of Object.entries(ANSWERS)) expect(JSON.parse(mine[header.indexOf(q)] ?? '')).toEqual(answer)
    expect(mine[header.indexOf('Q1')]).toBe('')
    expect(draft[header.indexOf('Stato')]).toBe('draft')
    expect(draft[header.indexOf('Azienda')]).toBe(`'${INJECTION}`)
    expect(text).not.toContain(bresciana.name)
  })

  it('writes the same as XLSX, with typed numbers', async () => {
    const file = await download(staffBg, 'format=xlsx&status=validated')
    const workbook = await readWorkbook(file.bytes)
    const [header, ...rows] = sheetValues(workbook.worksheets[0] as ExcelJS.Worksheet)
    if (!header) throw new Error('no header')
    expect(rows).toHaveLength(1)
    const row = rows[0] ?? []
    expect(row[0]).toBe(validatedId)
    expect(typeof row[header.indexOf('Punteggio complessivo')]).toBe('number')
    for (const [q, answer] of Object.entries(ANSWERS)) expect(JSON.parse(String(row[header.indexOf(q)]))).toEqual(answer)
  })

  it('rejects an unknown format', async () => {
    expect((await download(staffBg, 'format=pdf')).status).toBe(400)
  })
})

describe('import of the EDIH spreadsheet', () => {
  it('dry-runs: matches names ignoring case and accents, reports unmatched, ambiguous, foreign and bad scores by row and column, writes nothing', async () => {
    const bytes = await edihFile([
      ['meccanica bergamasca societa srl', 55.5, 50, 60, 40, 70, 30, 80, 'EDIH X'],
      ['Omonima Srl', 40, 40, 40, 40, 40, 40, 40, 'EDIH X'],
      ['Sconosciuta Srl', 40, 40, 40, 40, 40, 40, 40, 'EDIH X'],
      [bresciana.name, 40, 40, 40, 40, 40, 40, 40, 'EDIH X'],
      ['MECCANICA BERGAMASCA SOCIETÀ SRL', 120, 'abc', 40, 40, 40, 40, '', 'EDIH X'],
    ])
    const before = (await t.deps.database.db.select().from(assessments)).length
    const res = await upload(staffBg, bytes, { dryRun: 'true', stage: 'T0', assessedOn: '2026-10-01' })
    expect(res.status).toBe(200)
    const report = res.body
    expect(report).toMatchObject({ dryRun: true, applied: false, total: 5, created: 1, errorRows: 4, stage: 'T0', assessedOn: '2026-10-01' })
    const [ok, ambiguous, unknown, foreign, bad] = report.rows
    expect(ok).toMatchObject({ row: 2, outcome: 'create', company: { id: meccanica.id }, overall: 55.5, band: findDmaBand(55.5, getDmaRules()), errors: [] })
    expect(ambiguous).toMatchObject({ row: 3, outcome: 'error', company: null, errors: [{ code: 'ambiguous' }] })
    expect(ambiguous?.errors[0]?.message).toContain(omonima1.vatNumber)
    expect(ambiguous?.errors[0]?.message).toContain(omonima2.vatNumber)
    expect(unknown).toMatchObject({ row: 4, errors: [{ code: 'noMatch', message: 'Nessuna azienda tra quelle che puoi modificare si chiama "Sconosciuta Srl".' }] })
    // Another antenna's company is not the caller's to import into: reported as no match.
    expect(foreign).toMatchObject({ row: 5, errors: [{ code: 'noMatch' }] })
    expect(bad?.errors.map((e) => [e.code, e.column])).toEqual([
      ['scoreOutOfRange', 'DMA Score'],
      ['scoreNotNumber', 'Digital Business Strategy'],
      ['scoreMissing', 'Green Digitalisation'],
      ['duplicateRow', null],
    ])
    expect((await t.deps.database.db.select().from(assessments)).length).toBe(before)
  })

  it('refuses to write anything when a row has an error (all or nothing)', async () => {
    const before = (await t.deps.database.db.select().from(assessments)).length
    const res = await upload(staffBg, await edihFile([
      [meccanica.name, 50, 50, 50, 50, 50, 50, 50, 'X'],
      ['Sconosciuta Srl', 40, 40, 40, 40, 40, 40, 40, 'X'],
    ]), { dryRun: 'false' })
    expect(res.body).toMatchObject({ dryRun: false, applied: false, created: 0, errorRows: 1 })
    expect((await t.deps.database.db.select().from(assessments)).length).toBe(before)
  })

  it('imports validated assessments without answers; a VAT column wins over the name; the result page works', async () => {
    const bytes = await edihFile(
      [
        ['Omonima Srl', 62.4, 70, 60, 50, 40, 80, 74.4, 'X', omonima2.vatNumber],
        ['Nome diverso', 12, 10, 10, 10, 10, 10, 22, 'X', `IT${omonima1.vatNumber}`],
      ],
      [],
      [...SME_HEADER, 'Partita IVA'],
    )
    const res = await upload(staffBg, bytes, { dryRun: 'false', stage: 'T1', assessedOn: '2026-09-15' }, 'en')
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ applied: true, created: 2, errorRows: 0 })
    const [first, second] = res.body.rows
    expect(first?.company?.id).toBe(omonima2.id)
    expect(second?.company?.id).toBe(omonima1.id)
    const db = t.deps.database.db
    const [row] = await db.select().from(assessments).where(eq(assessments.id, first?.assessmentId ?? ''))
    expect(row).toMatchObject({
      mode: 'imported', status: 'validated', stage: 'T1', answers: {}, overall: 62.4, band: findDmaBand(62.4, getDmaRules()),
      d1: 70, d6: 74.4, isLatest: true, assessedOn: '2026-09-15', instrumentId: 'eu-dma-sme', companyId: omonima2.id, unitId: bg.id,
    })
    const trail = await db.select().from(auditLog).where(eq(auditLog.entityId, row?.id ?? ''))
    expect(trail.map((e) => e.action)).toEqual(['import'])
    // The company's journey moves as on validation (a T1: reassessed).
    const [company] = await db.select().from(companies).where(eq(companies.id, omonima2.id))
    expect(company?.stage).toBe('reassessed')

    // The assessment page shows the file's scores (not the zero of empty answers) and no improvements.
    const page = await staffBg.get<Assessment>(`/api/assessments/${row?.id}`)
    expect(page.status).toBe(200)
    expect(page.body).toMatchObject({ mode: 'imported', answers: {}, issues: [], can: { correct: false, update: false } })
    expect(page.body.scores).toMatchObject({ complete: true, overall: 62.4, dimensions: { D1: 70, D6: 74.4 }, blocks: [] })
    expect(Object.values(page.body.scores?.improvements ?? {}).flat()).toEqual([])
    expect((await staffBg.post(`/api/assessments/${row?.id}/correct`)).status).toBe(409)
    const pdf = await t.app.request(`http://ponte.test/api/assessments/${row?.id}/report.pdf`, { headers: { cookie: staffBg.cookie } })
    expect(pdf.status).toBe(200)

    // Exports carry it: the EDIH sheet with its scores.
    const edih = await readWorkbook((await download(staffBg, 'format=edih&mode=imported')).bytes)
    const rows = sheetValues(edih.getWorksheet('My SMEs DMA Results') as ExcelJS.Worksheet)
    expect(rows.slice(1).map((r) => [r[0], r[1]]).sort()).toEqual([['Omonima Srl', 12], ['Omonima Srl', 62.4]])
  })

  it('rejects a workbook without the EDIH sheets or columns, a foreign unit, and too many rows', async () => {
    const workbook = new ExcelJS.Workbook()
    workbook.addWorksheet('Foglio1').addRow(['a', 'b'])
    const none = await upload(staffBg, new Uint8Array(await workbook.xlsx.writeBuffer()))
    expect(none.status).toBe(400)
    expect(none.body.error.message).toContain('My SMEs DMA Results')
    const missing = await upload(staffBg, await edihFile([], [], ['SME name', 'DMA Score']))
    expect(missing.status).toBe(400)
    expect(missing.body.error.message).toContain('"Digital Business Strategy"')
    const garbage = await upload(staffBg, new TextEncoder().encode('not a workbook'))
    expect(garbage.status).toBe(400)
    expect((await upload(staffBg, await edihFile([]), { unitId: bs.id })).status).toBe(403)
    const many = await edihFile(Array.from({ length: 5001 }, (_, i) => [`Azienda ${i}`, 10, 10, 10, 10, 10, 10, 10, 'X']))
    const tooMany = await upload(staffBg, many)
    expect(tooMany.status).toBe(400)
    expect(tooMany.body.error.message).toContain('5000')
  }, 60_000)
})
