import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildCompany } from '../../../../tests/factories/companies.factory'
import { buildRootUnit, buildUnit, buildUser } from '../../../../tests/factories/identity.factory'
import { createTestApp, signedInClient, type ApiClient, type TestApp } from '../../../../tests/support/test-app'
import type { UnitRow } from '../../identity/server/identity.table'
import type { CompanyImport } from '../companies.contract'
import { vatCheckDigit } from './companies.seed'

type ErrorBody = { error: { code: string; message: string } }

let t: TestApp
let bg: UnitRow
let bs: UnitRow
let staffBg: ApiClient
let staffBs: ApiClient

let serial = 8_200_000
function vat(): string {
  const first10 = `${String(++serial).padStart(7, '0')}016`
  return `${first10}${vatCheckDigit(first10)}`
}

/** A multipart upload as the browser sends it. */
async function upload(client: ApiClient, name: string, bytes: Uint8Array, unitId?: string, locale = 'it') {
  const form = new FormData()
  form.append('file', new File([bytes as unknown as BlobPart], name))
  if (unitId) form.append('unitId', unitId)
  const res = await t.app.request('http://ponte.test/api/companies/imports', {
    method: 'POST',
    body: form,
    headers: { cookie: client.cookie, 'x-ponte-csrf': '1', 'accept-language': locale },
  })
  return { status: res.status, body: (await res.json()) as CompanyImport & ErrorBody }
}

beforeAll(async () => {
  t = await createTestApp()
  const db = t.deps.database.db
  const root = await buildRootUnit(db, { name: 'DIH Lombardia' })
  bg = await buildUnit(db, { parent: root, name: 'Antenna Bergamo' })
  bs = await buildUnit(db, { parent: root, name: 'Antenna Brescia' })
  staffBg = await signedInClient(t, (await buildUser(db, { grants: [{ unit: bg, role: 'unit_staff' }] })).email)
  staffBs = await signedInClient(t, (await buildUser(db, { grants: [{ unit: bs, role: 'unit_staff' }] })).email)
}, 120_000)
afterAll(async () => {
  await t.close()
})

describe('company import over HTTP', () => {
  it('uploads an Excel file, dry-runs it, runs it in the background and serves the report', async () => {
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('Aziende')
    sheet.addRow(['Ragione sociale', 'Partita IVA', 'Comune', 'Fatturato'])
    sheet.addRow(['Prima Srl', vat(), 'Bergamo', '1.234.567,89'])
    sheet.addRow(['Seconda Srl', '12345678901', 'Bergamo', ''])
    const uploaded = await upload(staffBg, 'aziende.xlsx', new Uint8Array(await workbook.xlsx.writeBuffer()))
    expect(uploaded.status).toBe(201)
    expect(uploaded.body).toMatchObject({ status: 'uploaded', fileFormat: 'xlsx', totalRows: 2, unitId: bg.id, headers: ['Ragione sociale', 'Partita IVA', 'Comune', 'Fatturato'] })
    expect(uploaded.body.fields.find((f) => f.key === 'vatNumber')).toEqual({ key: 'vatNumber', label: 'Partita IVA', required: true })
    const id = uploaded.body.id

    const validating = await staffBg.post<CompanyImport>(`/api/companies/imports/${id}/validate`)
    expect(validating.status).toBe(202)
    expect(validating.body.status).toBe('validating')
    await t.deps.jobs.drain()
    const checked = await staffBg.get<CompanyImport>(`/api/companies/imports/${id}`)
    expect(checked.body).toMatchObject({ status: 'validated', created: 1, errorCount: 1, errors: [{ row: 3, column: 'Partita IVA', code: 'vatNumberChecksum' }] })

    const started = await staffBg.post<CompanyImport>(`/api/companies/imports/${id}/run`)
    expect(started.status).toBe(202)
    expect(started.body.status).toBe('importing')
    await t.deps.jobs.drain()
    const done = await staffBg.get<CompanyImport>(`/api/companies/imports/${id}`)
    expect(done.body).toMatchObject({ status: 'done', processedRows: 2, created: 1, errorCount: 1, dryRun: false, can: { undo: true } })

    const report = await staffBg.get<string>(`/api/companies/imports/${id}/report?format=csv`)
    expect(report.status).toBe(200)
    expect(report.headers.get('content-type')).toContain('text/csv')
    expect(report.headers.get('content-disposition')).toContain('aziende-esito.csv')
    expect(report.body).toContain('Riga;Colonna;Codice;Messaggio')
    expect(report.body).toContain('3;Partita IVA;vatNumberChecksum;')
    expect(report.body).toContain('Create: 1')

    const xlsx = await t.app.request(`http://ponte.test/api/companies/imports/${id}/report?format=xlsx`, { headers: { cookie: staffBg.cookie } })
    expect(xlsx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    const book = new ExcelJS.Workbook()
    await book.xlsx.load((await xlsx.arrayBuffer()) as unknown as ExcelJS.Buffer)
    expect(book.worksheets[0]?.getRow(1).values).toEqual([undefined, 'Riga', 'Colonna', 'Codice', 'Messaggio'])

    const list = await staffBg.get<{ items: CompanyImport[] }>('/api/companies/imports')
    expect(list.body.items[0]).toMatchObject({ id, status: 'done', fileName: 'aziende.xlsx' })

    const undone = await staffBg.post<CompanyImport>(`/api/companies/imports/${id}/undo`)
    expect(undone.body).toMatchObject({ status: 'undone', undo: { deleted: 1 } })
  })

  it('accepts a JSON upload with base64 content and answers errors in English when asked', async () => {
    const content = Buffer.from(`Company name,VAT number\nAlfa,${vat()}\n`).toString('base64')
    const res = await staffBg.post<CompanyImport>('/api/companies/imports', { fileName: 'alfa.csv', content })
    expect(res.status).toBe(201)
    expect(res.body.mapping).toEqual({ 0: 'name', 1: 'vatNumber' })
    const english = await signedInClient(t, (await buildUser(t.deps.database.db, { locale: 'en', grants: [{ unit: bg, role: 'unit_staff' }] })).email)
    const bad = await english.post<ErrorBody>('/api/companies/imports', { fileName: 'old.xls', content: Buffer.from('x').toString('base64') })
    expect(bad.status).toBe(400)
    expect(bad.body.error.message).toBe('Unsupported format: upload a .csv or .xlsx file.')
  })

  it('refuses a file over the limit with a clear message', async () => {
    const res = await upload(staffBg, 'enorme.csv', new Uint8Array(41 * 1024 * 1024))
    expect(res.status).toBe(400)
    expect(res.body.error.message).toContain('30 MB')
  })

  it('keeps another antenna out of the import and its report', async () => {
    const uploaded = await upload(staffBg, 'privato.csv', Buffer.from(`Ragione sociale;Partita IVA\nPrivata;${vat()}\n`))
    const id = uploaded.body.id
    for (const [method, path] of [
      ['GET', `/api/companies/imports/${id}`],
      ['GET', `/api/companies/imports/${id}/report`],
      ['POST', `/api/companies/imports/${id}/validate`],
      ['POST', `/api/companies/imports/${id}/run`],
      ['POST', `/api/companies/imports/${id}/undo`],
    ] as const) {
      const res = await staffBs.request(method, path, method === 'POST' ? {} : undefined)
      expect(res.status, `${method} ${path}`).toBe(404)
    }
    const patched = await staffBs.patch(`/api/companies/imports/${id}`, { mapping: {} })
    expect(patched.status).toBe(404)
    const list = await staffBs.get<{ items: CompanyImport[] }>('/api/companies/imports')
    expect(list.body.items.map((i) => i.id)).not.toContain(id)
    const foreignTarget = await upload(staffBg, 'x.csv', Buffer.from('Ragione sociale;Partita IVA\n'), bs.id)
    expect(foreignTarget.status).toBe(404)
  })
})

describe('company export over HTTP', () => {
  it('streams the filtered list of the caller’s companies as CSV or XLSX', async () => {
    const db = t.deps.database.db
    await buildCompany(db, { unit: bg, name: 'Esportata Bergamasca', vatNumber: vat(), tags: ['export'] })
    await buildCompany(db, { unit: bs, name: 'Esportata Bresciana', vatNumber: vat(), tags: ['export'] })
    const res = await staffBg.get<string>('/api/companies/export?format=csv&tag=export')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="aziende-\d{4}-\d{2}-\d{2}\.csv"/)
    expect(res.body).toContain('Esportata Bergamasca')
    expect(res.body).not.toContain('Esportata Bresciana')
    const xlsx = await t.app.request('http://ponte.test/api/companies/export?format=xlsx&tag=export', { headers: { cookie: staffBs.cookie } })
    const book = new ExcelJS.Workbook()
    await book.xlsx.load((await xlsx.arrayBuffer()) as unknown as ExcelJS.Buffer)
    expect(book.worksheets[0]?.getRow(2).getCell(1).value).toBe('Esportata Bresciana')
    expect(book.worksheets[0]?.rowCount).toBe(2)
  })
})
