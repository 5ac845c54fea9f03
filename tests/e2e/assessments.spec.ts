import fs from 'node:fs'
import { pdfText } from '../support/pdf-text'
import { expect, expectNoSeriousA11yViolations, firstLink, login, readMail, screenshot, test } from './fixtures'

const PHONE = { width: 390, height: 844 }

test('Autovalutazione via link: metà dal telefono, il resto dal computer; lo staff convalida, scarica il PDF e avvia la T1 assistita', async ({ page, browser, baseURL }) => {
  test.setTimeout(240_000)
  await login(page, 'bg.staff@ponte.demo')

  // A Bergamo company met but never assessed (the demo assesses about two companies in three).
  const found = await page.request.get('/api/companies?stage=engaged&sort=name&limit=1')
  const [company] = ((await found.json()) as { items: { id: string; name: string }[] }).items
  if (!company) throw new Error('the demo seed has no "engaged" company for Antenna Bergamo')

  await page.goto(`/companies/${company.id}`)
  await page.getByRole('tab', { name: 'Valutazioni' }).click()
  await expect(page.getByText('Nessuna valutazione')).toBeVisible()
  await page.getByRole('button', { name: 'Nuova valutazione' }).click()
  const create = page.getByRole('dialog', { name: `Nuova valutazione — ${company.name}` })
  await create.getByRole('combobox', { name: 'Modalità' }).click()
  await page.getByRole('option', { name: 'Autovalutazione' }).click()
  await create.getByRole('button', { name: 'Crea la valutazione' }).click()
  await expect(page.getByRole('heading', { level: 1, name: `T0 — ${company.name}` })).toBeVisible()
  const assessmentUrl = page.url()

  // The link goes by email to the company.
  const owner = `titolare.${Date.now()}@azienda.test`
  await page.getByRole('button', { name: 'Invia link di autovalutazione' }).click()
  const send = page.getByRole('dialog', { name: 'Invia il link di autovalutazione' })
  await send.getByRole('textbox', { name: 'Email del destinatario' }).fill(owner)
  await send.getByRole('button', { name: 'Invia', exact: true }).click()
  await expect(send).toBeHidden()
  const mail = await readMail(owner)
  expect(mail.text).toContain(company.name)
  const link = firstLink(mail.text)

  // Half of it on a phone…
  const phoneContext = await browser.newContext({ baseURL, viewport: PHONE, isMobile: true, hasTouch: true })
  const phone = await phoneContext.newPage()
  await phone.goto(link)
  await expect(phone.getByRole('heading', { level: 1, name: 'Autovalutazione della maturità digitale' })).toBeVisible()
  await expect(phone.getByText('Traduzione non ufficiale', { exact: true })).toBeVisible()
  const q2 = phone.locator('[data-question="Q2"]')
  await q2.getByRole('checkbox').nth(0).check()
  await q2.getByRole('checkbox').nth(2).check()
  const q3 = phone.locator('[data-question="Q3"]')
  for (const n of [0, 1, 5]) await q3.getByRole('checkbox').nth(n).check()
  // A 0-5 row is a segmented control: tap the "3" of the third row (CAD/CAM).
  await phone.locator('[data-question="Q4"] label').filter({ hasText: /^3$/ }).nth(2).click()
  await expect(phone.locator('[data-question="Q4"]').getByRole('radio', { name: '3' }).nth(2)).toBeChecked()
  await expect(phone.getByText(/Risposte salvate alle/)).toBeVisible()
  await screenshot(phone, 'assessment-self-phone')
  await expectNoSeriousA11yViolations(phone)
  await phoneContext.close()

  // …the rest later on a computer, from the same link.
  const desktopContext = await browser.newContext({ baseURL, viewport: { width: 1280, height: 900 } })
  const desktop = await desktopContext.newPage()
  await desktop.goto(link)
  await expect(desktop.locator('[data-question="Q2"]').getByRole('checkbox').nth(0)).toBeChecked()
  await expect(desktop.locator('[data-question="Q3"]').getByRole('checkbox').nth(5)).toBeChecked()
  await expect(desktop.getByText('Domande con almeno una risposta: 3 di 11')).toBeVisible()
  const q8 = desktop.locator('[data-question="Q8"]')
  await q8.getByRole('checkbox').nth(4).check()
  const q7 = desktop.locator('[data-question="Q7"]')
  await q7.getByRole('checkbox').nth(2).check()
  await expect(desktop.getByText(/Risposte salvate alle/)).toBeVisible()
  await desktop.getByRole('button', { name: 'Invia il questionario' }).click()
  await desktop.getByRole('dialog', { name: 'Inviare il questionario?' }).getByRole('button', { name: 'Invia il questionario' }).click()
  await expect(desktop.getByText('Questionario inviato')).toBeVisible()
  await screenshot(desktop, 'assessment-self-submitted')
  await desktopContext.close()

  // Staff validates; the results and the PDF report follow.
  await page.goto(assessmentUrl)
  await expect(page.getByText('Inviata').first()).toBeVisible()
  await page.getByRole('button', { name: 'Convalida' }).click()
  await page.getByRole('dialog', { name: 'Convalidare la valutazione?' }).getByRole('button', { name: 'Convalida' }).click()
  await expect(page.getByRole('heading', { level: 2, name: 'Risultati' })).toBeVisible()
  await expect(page.getByTestId('dma-radar')).toBeVisible()
  await screenshot(page, 'assessment-results')
  await expectNoSeriousA11yViolations(page)
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Scarica il rapporto PDF' }).click()])
  const pdf = fs.readFileSync(await download.path())
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
  const text = await pdfText(pdf)
  expect(text).toContain(company.name)
  expect(text).toMatch(/Punteggio complessivo: \d+,\d \/ 100/)
  expect(text).toContain('Antenna Bergamo')

  // After the support, an assisted T1 starts from the T0's answers; validated, the radar shows both.
  await page.goto(`/companies/${company.id}`)
  await page.getByRole('tab', { name: 'Valutazioni' }).click()
  await page.getByRole('button', { name: 'Nuova valutazione' }).click()
  const t1 = page.getByRole('dialog', { name: `Nuova valutazione — ${company.name}` })
  await expect(t1.getByText("Le risposte partono da quelle dell'ultima valutazione T0 convalidata.")).toBeVisible()
  await t1.getByRole('button', { name: 'Crea la valutazione' }).click()
  await expect(page.getByRole('heading', { level: 1, name: `T1 — ${company.name}` })).toBeVisible()
  await expect(page.locator('[data-question="Q2"]').getByRole('checkbox').nth(0)).toBeChecked()
  await page.locator('[data-question="Q5"]').getByRole('checkbox').nth(0).check()
  await page.locator('[data-question="Q5"]').getByRole('textbox', { name: 'Evidenze e note (facoltative)' }).fill('Piano di formazione visto in azienda.')
  await expect(page.getByText(/Risposte salvate alle/)).toBeVisible()
  await page.getByRole('button', { name: 'Invia', exact: true }).click()
  await page.getByRole('dialog', { name: 'Inviare la valutazione?' }).getByRole('button', { name: 'Invia' }).click()
  await page.getByRole('button', { name: 'Convalida' }).click()
  await page.getByRole('dialog', { name: 'Convalidare la valutazione?' }).getByRole('button', { name: 'Convalida' }).click()
  await expect(page.getByRole('img', { name: /Grafico radar delle sei dimensioni \(T0, T1\)/ })).toBeVisible()
  await expect(page.getByRole('table', { name: 'Punteggi delle valutazioni convalidate, per fase' }).getByRole('columnheader', { name: 'T1' })).toBeVisible()
  await screenshot(page, 'assessment-radar-t0-t1')
})
