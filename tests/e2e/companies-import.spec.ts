import ExcelJS from 'exceljs'
import { expect, expectNoSeriousA11yViolations, login, screenshot, test } from './fixtures'

const mainNavigation = /^(Navigazione principale|Main navigation)$/

/** Partita IVA check digit (Luhn variant): the last of the 11 digits. */
function withCheckDigit(first10: string): string {
  let sum = 0
  for (let i = 0; i < 10; i++) {
    let d = Number(first10[i])
    if (i % 2 === 1) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
  }
  return `${first10}${(10 - (sum % 10)) % 10}`
}

// Fresh numbers at each run: the journey must not depend on the demo data holding them or not.
const base = String(Date.now()).slice(-6)
const vat = (n: number) => withCheckDigit(`${base}${n}016`.slice(0, 10))
const good = { a: vat(1), b: vat(2), c: vat(3), d: vat(4) }
const wrong = `${good.d.slice(0, 10)}${(Number(good.d[10]) + 1) % 10}`

const HEADERS = ['Ragione sociale', 'Partita IVA', 'Forma giuridica', 'Comune', 'Provincia', 'Dipendenti', 'Fatturato']

async function workbook(rows: (string | number)[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet('Aziende fiera')
  sheet.addRow(HEADERS)
  for (const row of rows) sheet.addRow(row)
  return Buffer.from(await book.xlsx.writeBuffer())
}

test('Antenna staff imports an Excel file with errors, reads the report, fixes the file and imports it; another antenna sees none of it', async ({ page, newSession }) => {
  test.setTimeout(180_000)
  await login(page, 'bg.staff@ponte.demo')
  await page.getByRole('navigation', { name: mainNavigation }).getByRole('link', { name: 'Aziende', exact: true }).click()
  await page.getByRole('link', { name: 'Importa', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Importa aziende' })).toBeVisible()
  await expectNoSeriousA11yViolations(page)

  // The file as it came from a fair's sign-up sheet: a typo in a partita IVA, a comune that does
  // not exist, the same company twice, Italian numbers.
  const withErrors = await workbook([
    ['Officine Importate Orobiche S.r.l.', good.a, 'S.r.l.', 'Bergamo', 'BG', 12, '1.234.567,89'],
    ['Carpenteria Refuso Srl', wrong, 'Srl', 'Dalmine', 'BG', 8, '850.000'],
    ['Tessitura Fantasma Snc', good.b, 'snc', 'Borgo Fantasma', '', 5, ''],
    ['Officine Importate Orobiche (doppione)', good.a, 'Srl', 'Bergamo', 'BG', 12, ''],
    ['Automazioni Seriane SpA', good.c, 'SpA', 'Seriate', 'BG', 45, '12.500.000,00'],
  ])
  await page.locator('input[type="file"]').setInputFiles({ name: 'aziende-fiera.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: withErrors })

  // Columns: every Italian header recognised.
  await expect(page.getByRole('combobox', { name: 'Campo per la colonna «Partita IVA»' })).toHaveValue('vatNumber')
  await expect(page.getByRole('combobox', { name: 'Campo per la colonna «Fatturato»' })).toHaveValue('turnover')
  await expect(page.getByText('aziende-fiera.xlsx: 5 righe')).toBeVisible()
  await screenshot(page, 'import-mapping')
  await expectNoSeriousA11yViolations(page)
  await page.getByRole('button', { name: 'Verifica il file (nessuna modifica)' }).click()

  // The dry run: errors by spreadsheet row and column, in Italian.
  const errors = page.getByRole('table', { name: 'Errori per riga e colonna' })
  await expect(errors).toBeVisible()
  await expect(errors.getByRole('row').filter({ hasText: 'cifra di controllo' })).toContainText('3Partita IVA')
  await expect(errors.getByRole('row').filter({ hasText: 'Borgo Fantasma' })).toContainText('4Comune')
  await expect(errors.getByRole('row').filter({ hasText: 'Stessa partita IVA della riga 2.' })).toContainText('5Partita IVA')
  await expect(page.getByText('Correggi il file e ricaricalo, oppure importa subito le righe corrette.')).toBeVisible()
  await expect(page.getByRole('link', { name: "Scarica l'esito (CSV)" })).toBeVisible()
  await screenshot(page, 'import-errors')
  await expectNoSeriousA11yViolations(page)
  const report = await page.request.get((await page.getByRole('link', { name: "Scarica l'esito (CSV)" }).getAttribute('href')) ?? '')
  expect(await report.text()).toContain('5;Partita IVA;importDuplicateRow;Stessa partita IVA della riga 2.')

  // Fix the file and upload it again.
  await page.getByRole('button', { name: 'Carica il file corretto' }).click()
  const fixed = await workbook([
    ['Officine Importate Orobiche S.r.l.', good.a, 'S.r.l.', 'Bergamo', 'BG', 12, '1.234.567,89'],
    ['Carpenteria Refuso Srl', good.d, 'Srl', 'Dalmine', 'BG', 8, '850.000'],
    ['Tessitura Fantasma Snc', good.b, 'snc', 'Treviglio', 'BG', 5, ''],
    ['Automazioni Seriane SpA', good.c, 'SpA', 'Seriate', 'BG', 45, '12.500.000,00'],
  ])
  await page.locator('input[type="file"]').setInputFiles({ name: 'aziende-fiera-corretto.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: fixed })
  await page.getByRole('button', { name: 'Verifica il file (nessuna modifica)' }).click()
  await expect(page.getByText("Nessun errore: il file è pronto per l'importazione.")).toBeVisible()
  await page.getByRole('button', { name: 'Importa 4 aziende' }).click()

  // The import runs in the background; the page follows it to the end.
  await expect(page.getByRole('heading', { name: 'Importazione conclusa' })).toBeVisible({ timeout: 60_000 })
  await expect(page.getByRole('progressbar', { name: "Avanzamento dell'importazione" })).toHaveAttribute('aria-valuenow', '100')
  await expect(page.getByText('Create', { exact: true }).locator('..')).toContainText('4')
  await screenshot(page, 'import-done')
  await expectNoSeriousA11yViolations(page)
  const history = page.getByRole('table', { name: 'Importazioni recenti' })
  await expect(history.getByRole('row').filter({ hasText: 'aziende-fiera-corretto.xlsx' })).toContainText('Concluso')
  await expect(history.getByRole('row').filter({ hasText: /aziende-fiera\.xlsx/ })).toContainText('Verificato')
  const importUrl = page.url()

  // The companies are in the list.
  await page.getByRole('link', { name: 'Vedi le aziende' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Aziende' })).toBeVisible()
  await page.getByRole('searchbox', { name: 'Cerca' }).or(page.getByRole('textbox', { name: 'Cerca' })).first().fill('Officine Importate Orobiche')
  await expect(page.getByRole('link', { name: 'Officine Importate Orobiche S.r.l.' })).toBeVisible()
  await screenshot(page, 'import-companies-listed')

  // Staff of Antenna Brescia: neither the companies nor the import exist for them.
  const other = await newSession()
  await login(other, 'bs.staff@ponte.demo')
  await other.goto('/companies')
  await other.getByRole('searchbox', { name: 'Cerca' }).or(other.getByRole('textbox', { name: 'Cerca' })).first().fill('Officine Importate Orobiche')
  await expect(other.getByText('Nessun risultato')).toBeVisible()
  await expect(other.getByRole('link', { name: 'Officine Importate Orobiche S.r.l.' })).toHaveCount(0)
  await other.goto('/companies/import')
  await expect(other.getByRole('heading', { level: 1, name: 'Importa aziende' })).toBeVisible()
  await expect(other.getByText('Nessuna importazione finora.')).toBeVisible()
  await screenshot(other, 'import-other-antenna')
  const importId = new URL(importUrl).searchParams.get('id') ?? ''
  expect(importId).not.toBe('')
  expect((await other.request.get(`/api/companies/imports/${importId}`)).status()).toBe(404)
  const exported = await other.request.get('/api/companies/export?format=csv')
  expect(await exported.text()).not.toContain('Officine Importate Orobiche')
})
