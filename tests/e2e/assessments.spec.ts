import fs from 'node:fs'
import { pdfText } from '../support/pdf-text'
import { expect, expectNoSeriousA11yViolations, firstLink, login, readMail, screenshot, test } from './fixtures'

const PHONE = { width: 390, height: 844 }

test('Autovalutazione via link: metà dal telefono, il resto dal computer; lo staff convalida, scarica e invia il PDF; un esperto compila la T1 assistita', async ({ page, browser, baseURL }) => {
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
  // The demo network holds enough validated assessments for a peer group of at least 10.
  const benchmark = page.getByRole('region', { name: 'Confronto con aziende simili' })
  await expect(benchmark.getByText(/^Gruppo di confronto: .+ \(\d+ valutazioni convalidate\)\. Il punteggio complessivo supera il \d+% delle aziende del gruppo\.$/)).toBeVisible()
  await expect(benchmark.getByTestId('dma-benchmark').locator('svg')).toBeVisible()
  await screenshot(page, 'assessment-results')
  await benchmark.scrollIntoViewIfNeeded()
  await screenshot(page, 'assessment-benchmark')
  await expectNoSeriousA11yViolations(page)
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Scarica il rapporto PDF' }).click()])
  const pdf = fs.readFileSync(await download.path())
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
  const text = await pdfText(pdf)
  expect(text).toContain(company.name)
  expect(text).toMatch(/Punteggio complessivo: \d+,\d \/ 100/)
  expect(text).toContain('Antenna Bergamo')

  // The report also goes to the company by email, as a PDF attachment.
  await page.getByRole('button', { name: 'Invia il rapporto per email' }).click()
  const sendReport = page.getByRole('dialog', { name: 'Invia il rapporto per email' })
  await sendReport.getByRole('textbox', { name: 'Email del destinatario' }).fill(owner)
  await sendReport.getByRole('button', { name: 'Invia', exact: true }).click()
  await expect(sendReport).toBeHidden()
  await expect(page.getByText(`Rapporto inviato a ${owner}.`)).toBeVisible()

  // After the support, staff opens an assisted T1 (prefilled from the T0) and names the expert as assessor.
  await page.goto(`/companies/${company.id}`)
  await page.getByRole('tab', { name: 'Valutazioni' }).click()
  await page.getByRole('button', { name: 'Nuova valutazione' }).click()
  const t1 = page.getByRole('dialog', { name: `Nuova valutazione — ${company.name}` })
  await expect(t1.getByText("Le risposte partono da quelle dell'ultima valutazione T0 convalidata.")).toBeVisible()
  await t1.getByRole('combobox', { name: 'Valutatore' }).click()
  await page.getByRole('option', { name: 'Giorgio Valsecchi' }).click()
  await t1.getByRole('button', { name: 'Crea la valutazione' }).click()
  await expect(page.getByRole('heading', { level: 1, name: `T1 — ${company.name}` })).toBeVisible()

  // The expert gets the link by email, fills the T1 during the visit with an evidence note, and submits.
  const expertContext = await browser.newContext({ baseURL })
  const expertPage = await expertContext.newPage()
  await login(expertPage, 'esperto.digitale@ponte.demo')
  const named = await readMail('esperto.digitale@ponte.demo')
  expect(named.subject).toBe(`Sei il valutatore di ${company.name} (T1)`)
  await expertPage.goto(firstLink(named.text))
  await expect(expertPage.getByRole('heading', { level: 1, name: `T1 — ${company.name}` })).toBeVisible()
  await expect(expertPage.locator('[data-question="Q2"]').getByRole('checkbox').nth(0)).toBeChecked()
  await expertPage.locator('[data-question="Q5"]').getByRole('checkbox').nth(0).check()
  await expertPage.locator('[data-question="Q5"]').getByRole('textbox', { name: 'Evidenze e note (facoltative)' }).fill('Piano di formazione visto in azienda.')
  await expect(expertPage.getByText(/Risposte salvate alle/)).toBeVisible()
  // A photo of the training plan, attached to Q5 as evidence.
  const attachments = expertPage.getByRole('region', { name: 'Allegati' })
  await attachments.locator('input[type="file"]').setInputFiles({ name: 'piano-formazione.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% piano di formazione\n') })
  await attachments.getByRole('combobox', { name: 'Domanda' }).click()
  await expertPage.getByRole('option', { name: /^Q5 / }).click()
  await attachments.getByRole('button', { name: 'Allega', exact: true }).click()
  await expect(attachments.getByRole('link', { name: 'piano-formazione.pdf' })).toBeVisible()
  await expect(attachments.getByRole('row', { name: /piano-formazione\.pdf/ })).toContainText('Q5')
  await expect(expertPage.getByRole('button', { name: 'Convalida' })).toHaveCount(0)
  await expertPage.getByRole('button', { name: 'Invia', exact: true }).click()
  await expertPage.getByRole('dialog', { name: 'Inviare la valutazione?' }).getByRole('button', { name: 'Invia' }).click()
  await expect(expertPage.getByText('Valutazione inviata.')).toBeVisible()
  await screenshot(expertPage, 'assessment-t1-expert-submitted')
  // Their own list shows it.
  await expertPage.getByRole('link', { name: 'Valutazioni' }).click()
  await expect(expertPage.getByRole('link', { name: new RegExp(company.name) }).first()).toBeVisible()
  await expectNoSeriousA11yViolations(expertPage)
  await expertContext.close()

  // Staff validates the T1: the radar shows T0 and T1.
  await page.reload()
  await page.getByRole('button', { name: 'Convalida' }).click()
  await page.getByRole('dialog', { name: 'Convalidare la valutazione?' }).getByRole('button', { name: 'Convalida' }).click()
  await expect(page.getByRole('img', { name: /Grafico radar delle sei dimensioni \(T0, T1\)/ })).toBeVisible()
  await expect(page.getByRole('table', { name: 'Punteggi delle valutazioni convalidate, per fase' }).getByRole('columnheader', { name: 'T1' })).toBeVisible()
  await screenshot(page, 'assessment-radar-t0-t1')
})
