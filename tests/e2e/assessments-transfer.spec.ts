import fs from 'node:fs'
import ExcelJS from 'exceljs'
import { expect, expectNoSeriousA11yViolations, login, screenshot, test } from './fixtures'

const SME_SHEET = 'My SMEs DMA Results'

test('Lo staff di Bergamo esporta le valutazioni per lo strumento EDIH e le reimporta come T1', async ({ page }, testInfo) => {
  test.setTimeout(180_000)
  await login(page, 'bg.staff@ponte.demo')
  await page.goto('/assessments')
  await expect(page.getByRole('heading', { level: 1, name: 'Valutazioni' })).toBeVisible()

  // The export menu carries the list's filters.
  await page.getByRole('combobox', { name: 'Fase' }).selectOption('T0')
  await page.getByRole('button', { name: 'Esporta' }).click()
  const edihItem = page.getByRole('menuitem', { name: /Strumento di rendicontazione EDIH/ })
  await expect(edihItem).toHaveAttribute('href', /format=edih.*stage=T0/)
  await screenshot(page, 'assessments-transfer-menu')
  const downloading = page.waitForEvent('download')
  await edihItem.click()
  const download = await downloading
  expect(download.suggestedFilename()).toMatch(/^valutazioni-dma-edih-\d{4}-\d{2}-\d{2}\.xlsx$/)
  const file = testInfo.outputPath('edih.xlsx')
  await download.saveAs(file)
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.readFile(file)
  expect(workbook.worksheets.map((s) => s.name)).toEqual([SME_SHEET, 'My PSOs DMA Results'])
  const sheet = workbook.getWorksheet(SME_SHEET)
  if (!sheet) throw new Error('no SME sheet')
  expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([
    'SME name', 'DMA Score', 'Digital Business Strategy', 'Digital Readiness', 'Human-Centric Digitalisation', 'Data Governance',
    'Automation & Artificial Intelligence', 'Green Digitalisation', 'EDIH Name',
  ])
  expect(sheet.actualRowCount).toBeGreaterThan(1)
  expect(sheet.getRow(2).getCell(9).value).toBe('DIH Lombardia')

  // Three of those assessments back as T1s done elsewhere, identified by partita IVA (taken from the
  // Excel export with raw answers), plus a row naming no company of the antenna.
  const full = new ExcelJS.Workbook()
  await full.xlsx.load(Buffer.from(await (await page.request.get('/api/assessments/export?format=xlsx&status=validated&instrument=eu-dma-sme')).body()) as unknown as ExcelJS.Buffer)
  const data = full.worksheets[0]
  if (!data) throw new Error('empty export')
  const head = (data.getRow(1).values as unknown[]).slice(1).map(String)
  const col = (name: string) => head.indexOf(name) + 1
  const picked = new Map<string, unknown[]>()
  data.eachRow((row, n) => {
    const vat = String(row.getCell(col('Partita IVA')).value)
    if (n === 1 || picked.size === 3 || picked.has(vat)) return
    picked.set(vat, [row.getCell(col('Azienda')).value, ...['Punteggio complessivo', 'D1', 'D2', 'D3', 'D4', 'D5', 'D6'].map((c) => row.getCell(col(c)).value), 'DIH Lombardia', vat])
  })
  expect(picked.size).toBe(3)
  const edihFile = async (rows: unknown[][], name: string) => {
    const book = new ExcelJS.Workbook()
    const sme = book.addWorksheet(SME_SHEET)
    sme.addRow([...((sheet.getRow(1).values as unknown[]).slice(1)), 'Partita IVA'])
    for (const r of rows) sme.addRow(r)
    book.addWorksheet('My PSOs DMA Results').addRow(['PSO name', 'DMA Score', 'Digital Strategy and Investments', 'Digital Readiness', 'Human-Centric Digitalisation', 'Data Management and Security', 'Interoperability', 'Green Digitalisation', 'EDIH Name'])
    const target = testInfo.outputPath(name)
    fs.writeFileSync(target, Buffer.from(await book.xlsx.writeBuffer()))
    return target
  }
  const good = [...picked.values()]
  const withError = await edihFile([...good, ['Azienda Inesistente S.r.l.', 40, 40, 40, 40, 40, 40, 40, 'DIH Lombardia', '']], 'con-errori.xlsx')
  const fixed = await edihFile(good, 'corretto.xlsx')

  await page.keyboard.press('Escape')
  await page.getByRole('button', { name: 'Importa' }).click()
  const dialog = page.getByRole('dialog', { name: 'Importa valutazioni dallo strumento EDIH' })
  await dialog.locator('input[type="file"]').setInputFiles(withError)
  await dialog.getByRole('combobox', { name: 'Fase' }).selectOption('T1')
  await dialog.getByRole('button', { name: 'Verifica il file' }).click()
  const table = dialog.getByRole('table', { name: 'Esito di ogni riga del file' })
  await expect(dialog.getByText('4 righe: 3 da importare, 1 con errori')).toBeVisible()
  await expect(table.getByText('Nessuna azienda tra quelle che puoi modificare si chiama "Azienda Inesistente S.r.l.".')).toBeVisible()
  await expect(dialog.getByRole('button', { name: /^Importa \d/ })).toHaveCount(0)
  await screenshot(page, 'assessments-transfer-preview')
  await expectNoSeriousA11yViolations(page)

  // The corrected file imports.
  await dialog.locator('input[type="file"]').setInputFiles(fixed)
  await dialog.getByRole('button', { name: 'Verifica il file' }).click()
  await expect(dialog.getByText('3 righe: 3 da importare, 0 con errori')).toBeVisible()
  await dialog.getByRole('button', { name: 'Importa 3 valutazioni' }).click()
  await expect(dialog.getByText('Importate 3 valutazioni')).toBeVisible()
  await expect(table.getByText('Importata', { exact: true })).toHaveCount(3)
  await screenshot(page, 'assessments-transfer-imported')
  await dialog.getByRole('button', { name: 'Fatto' }).click()
  await page.getByRole('combobox', { name: 'Fase' }).selectOption('T1')
  await page.getByRole('combobox', { name: 'Modalità' }).selectOption('imported')
  const list = page.getByRole('table', { name: 'Valutazioni della maturità digitale' })
  await expect(list.getByRole('row')).toHaveCount(4)

  // An imported assessment's page shows the file's scores.
  await list.getByRole('row').nth(1).getByRole('link').click()
  await expect(page.getByRole('heading', { level: 1, name: /^T1 — / })).toBeVisible()
  await screenshot(page, 'assessments-transfer-imported-page')
})
