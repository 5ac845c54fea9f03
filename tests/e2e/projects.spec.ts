import { expect, expectNoSeriousA11yViolations, firstLink, login, readMail, screenshot, test } from './fixtures'

const PHONE = { width: 390, height: 844 }

function daysAgo(n: number): string {
  return new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10)
}

test('Progetto di 10 giornate: lo staff apre e assegna l’esperto proposto, l’esperto registra 3 giornate, l’azienda conferma dal telefono, lo staff approva; l’11ª giornata è rifiutata', async ({ page, browser, baseURL, newSession }) => {
  test.setTimeout(240_000)
  await login(page, 'bg.staff@ponte.demo')

  // A Bergamo company met but not yet supported.
  const found = await page.request.get('/api/companies?stage=engaged&sort=name&limit=1')
  const [company] = ((await found.json()) as { items: { id: string; name: string }[] }).items
  if (!company) throw new Error('the demo seed has no "engaged" company for Antenna Bergamo')

  // Staff open a 10-day project from the company page.
  await page.goto(`/companies/${company.id}`)
  await page.getByRole('tab', { name: 'Progetti' }).click()
  await page.getByRole('button', { name: 'Nuovo progetto' }).click()
  const create = page.getByRole('dialog', { name: 'Nuovo progetto di supporto' })
  await create.getByRole('textbox', { name: 'Titolo' }).fill('Backup in cloud e sicurezza dei dati')
  await create.getByRole('textbox', { name: 'Budget (giornate)' }).fill('10')
  await create.getByLabel('Inizio').fill(daysAgo(30))
  await create.getByRole('button', { name: 'Apri il progetto' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Backup in cloud e sicurezza dei dati' })).toBeVisible()
  const projectUrl = page.url()

  // Matching proposes experts with their score breakdown; staff assign the demo expert and start.
  const matches = page.getByRole('table', { name: 'Esperti proposti con il dettaglio del punteggio' })
  await expect(matches).toBeVisible()
  await expect(matches.getByText('Competenze').first()).toBeVisible()
  await matches.scrollIntoViewIfNeeded()
  await screenshot(page, 'project-matching')
  await matches.getByRole('button', { name: 'Assegna Giorgio Valsecchi al progetto' }).click()
  await expect(matches.getByText('Assegnato')).toBeVisible()
  await page.getByRole('button', { name: 'Avvia il progetto' }).click()
  await expect(page.getByText('In corso', { exact: true }).first()).toBeVisible()

  // The expert logs 3 days and sends them to the company for confirmation.
  const expert = await newSession()
  await login(expert, 'esperto.digitale@ponte.demo')
  await expert.getByRole('link', { name: 'I miei progetti' }).click()
  await expert.getByRole('link', { name: 'Backup in cloud e sicurezza dei dati' }).first().click()
  const form = expert.getByRole('form', { name: 'Registra giornate' })
  await form.getByLabel('Data').fill(daysAgo(2))
  await form.getByRole('textbox', { name: 'Giornate' }).fill('3')
  await form.getByRole('textbox', { name: 'Attività svolta' }).fill('Analisi dei sistemi e piano di backup')
  await form.getByRole('button', { name: 'Registra' }).click()
  const ledger = expert.getByRole('table', { name: 'Registro delle giornate di supporto' })
  await expect(ledger.getByText('In attesa di conferma')).toBeVisible()
  const owner = `titolare.${Date.now()}@azienda.test`
  await ledger.getByRole('button', { name: 'Invia per conferma' }).click()
  const send = expert.getByRole('dialog', { name: 'Invia la registrazione n. 1 per conferma' })
  await send.getByRole('textbox', { name: 'Email dell’azienda' }).or(send.getByRole('textbox', { name: "Email dell'azienda" })).fill(owner)
  await send.getByRole('button', { name: 'Invia', exact: true }).click()
  await expect(send).toBeHidden()

  // The company confirms from the link on a phone, without an account.
  const mail = await readMail(owner)
  expect(mail.text).toContain(company.name)
  const phoneContext = await browser.newContext({ baseURL, viewport: PHONE, isMobile: true, hasTouch: true })
  const phone = await phoneContext.newPage()
  await phone.goto(firstLink(mail.text))
  await expect(phone.getByRole('heading', { level: 1, name: 'Conferma della giornata di supporto' })).toBeVisible()
  await phone.getByRole('textbox', { name: 'Il tuo nome e cognome' }).fill('Mario Rossi')
  await screenshot(phone, 'support-day-confirm-phone')
  await expectNoSeriousA11yViolations(phone)
  await phone.getByRole('button', { name: 'Confermo' }).click()
  await expect(phone.getByText(/Confermata da Mario Rossi/)).toBeVisible()
  await phoneContext.close()

  // Staff approve the confirmed entry.
  await page.goto(projectUrl)
  const staffLedger = page.getByRole('table', { name: 'Registro delle giornate di supporto' })
  await expect(staffLedger.getByText('Confermata da Mario Rossi')).toBeVisible()
  await staffLedger.getByRole('button', { name: 'Approva' }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Approva' }).click()
  await expect(staffLedger.getByText(/Approvata il/)).toBeVisible()

  // The expert uses the other 7 days; an 11th day is refused with the remaining days named.
  await expert.reload()
  await form.getByLabel('Data').fill(daysAgo(1))
  await form.getByRole('textbox', { name: 'Giornate' }).fill('7')
  await form.getByRole('textbox', { name: 'Attività svolta' }).fill('Configurazione e formazione')
  await form.getByRole('button', { name: 'Registra' }).click()
  await expect(expert.getByText('10 di 10 giornate registrate · ne restano 0')).toBeVisible()
  await form.getByRole('textbox', { name: 'Giornate' }).fill('1')
  await form.getByRole('textbox', { name: 'Attività svolta' }).fill('Un giorno in più')
  await form.getByRole('button', { name: 'Registra' }).click()
  await expect(form.getByRole('alert')).toContainText('Restano 0 giornate sul budget di 10: questa registrazione ne chiede 1.')
  await screenshot(expert, 'project-budget-refused')
  await expectNoSeriousA11yViolations(expert)

  // The burn-down shows it all.
  await page.reload()
  const burnDown = page.getByRole('table', { name: 'Giornate cumulate per data' })
  await expect(burnDown.getByRole('row')).toHaveCount(3)
  await expect(page.getByText('10 di 10 giornate registrate · ne restano 0')).toBeVisible()
  await page.getByRole('img', { name: /Grafico dell'avanzamento/ }).scrollIntoViewIfNeeded()
  await screenshot(page, 'project-burndown')
})
