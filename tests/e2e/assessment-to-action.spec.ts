/**
 * Issue 5's acceptance journey, as one evidence chain: from a validated assessment the expert
 * generates a roadmap, edits it and sends it for sign-off; the company signs on a phone; staff open
 * a 10-day project from the roadmap just signed and edit it; matching proposes experts with their
 * score breakdown; the expert logs 3 days, the company confirms them, staff approve; an 11th day is
 * refused with a clear message; the burn-down, the company timeline and the support-days report
 * show it all.
 */
import type { Page } from '@playwright/test'
import { expect, expectNoSeriousA11yViolations, firstLink, login, readMail, screenshot, test } from './fixtures'

const PHONE = { width: 390, height: 844 }
const HAND_ITEM = 'Affiancamento al titolare sul nuovo gestionale'

function daysAgo(n: number): string {
  return new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10)
}

test('Dalla valutazione all’azione: roadmap firmata, progetto di 10 giornate, 3 giornate confermate e approvate, l’11ª rifiutata; avanzamento, percorso e rapporto lo mostrano', async ({ page, browser, baseURL, newSession }) => {
  test.setTimeout(240_000)
  const expert = page
  const owner = `titolare.${Date.now()}@azienda.test`
  let company = { id: '', name: '' }
  let roadmapUrl = ''
  let projectUrl = ''
  let staff: Page | undefined
  const staffPage = () => {
    if (!staff) throw new Error('staff not signed in yet')
    return staff
  }

  await test.step('l’esperto genera la roadmap da una sua valutazione convalidata', async () => {
    await login(expert, 'esperto.digitale@ponte.demo')
    // A validated assessment the demo expert assessed (the demo gives him some in Bergamo and Brescia).
    const found = (await (await expert.request.get('/api/assessments?status=validated&mode=assisted&limit=50')).json()) as { items: { id: string }[] }
    const me = (await (await expert.request.get('/api/me')).json()) as { id: string }
    let mine: { id: string; companyId: string; companyName: string } | undefined
    for (const item of found.items) {
      const detail = (await (await expert.request.get(`/api/assessments/${item.id}`)).json()) as { id: string; companyId: string; companyName: string; assessor: { id: string } | null }
      if (detail.assessor?.id === me.id) {
        mine = detail
        break
      }
    }
    if (!mine) throw new Error('the demo seed gives the demo expert no validated assessment')
    company = { id: mine.companyId, name: mine.companyName }
    await expert.goto(`/assessments/${mine.id}`)
    await expert.getByRole('button', { name: 'Genera roadmap' }).click()
    await expect(expert.getByRole('heading', { level: 1, name: `Roadmap digitale di ${company.name}` })).toBeVisible()
    await expect(expert.getByText('Bozza', { exact: true })).toBeVisible()
    // Every proposed item says why it is there.
    const items = expert.getByRole('list', { name: /^Interventi \(\d+\)$/ })
    expect(await items.getByRole('listitem').count()).toBeGreaterThan(2)
    await expect(items.getByRole('listitem').first()).toContainText(/sotto l'obiettivo|prima|Prerequisito/)
  })

  await test.step('la modifica con l’azienda (una nuova versione, confrontabile) e la invia per la firma', async () => {
    const items = expert.getByRole('list', { name: /^Interventi \(\d+\)$/ })
    const count = await items.getByRole('listitem').count()
    const first = (await items.getByRole('listitem').first().getByRole('paragraph').first().textContent())?.replace(/^1\. /, '') ?? ''
    await expert.getByRole('button', { name: `Sposta giù «${first}»` }).click()
    await expert.getByRole('combobox', { name: `Stato di «${first}»` }).selectOption('in_progress')
    await expert.getByRole('button', { name: 'Aggiungi intervento' }).click()
    const dialog = expert.getByRole('dialog', { name: 'Aggiungi intervento' })
    await dialog.getByRole('textbox', { name: 'Titolo' }).fill(HAND_ITEM)
    await dialog.getByLabel('Orizzonte').selectOption('quick')
    await dialog.getByRole('button', { name: 'Applica' }).click()
    await expert.getByRole('textbox', { name: 'Nota sulla versione (facoltativa)' }).fill('Rivista in visita con il titolare')
    await expert.getByRole('button', { name: 'Salva come nuova versione' }).click()
    await expect(expert.getByText('Versione 2 · dalla valutazione', { exact: false })).toBeVisible()
    await expect(expert.getByRole('list', { name: `Interventi (${count + 1})` })).toBeVisible()
    await expert.getByRole('button', { name: 'Confronta con la 1' }).click()
    const diff = expert.getByRole('dialog', { name: 'Cosa è cambiato dalla versione 1 alla 2' })
    await expect(diff.getByText(`+ Aggiunto: ${HAND_ITEM}`)).toBeVisible()
    await expect(diff.getByText(/Stato: Da avviare → In corso/)).toBeVisible()
    await screenshot(expert, 'journey-1-roadmap-diff')
    await expectNoSeriousA11yViolations(expert)
    await expert.keyboard.press('Escape')

    await expert.getByRole('button', { name: 'Invia per la firma' }).click()
    const send = expert.getByRole('dialog', { name: 'Inviare la roadmap per la firma' })
    await send.getByRole('textbox', { name: 'Email del firmatario' }).fill(owner)
    await send.getByRole('button', { name: 'Invia', exact: true }).click()
    await expect(expert.getByText('In attesa di firma').first()).toBeVisible()
    roadmapUrl = expert.url()
  })

  await test.step('l’azienda legge e firma la roadmap dal telefono, senza account', async () => {
    const mail = await readMail(owner)
    expect(mail.subject).toBe(`Roadmap digitale di ${company.name}: da leggere e firmare`)
    const phoneContext = await browser.newContext({ baseURL, viewport: PHONE, isMobile: true, hasTouch: true })
    const phone = await phoneContext.newPage()
    await phone.goto(firstLink(mail.text))
    await expect(phone.getByRole('heading', { level: 1, name: 'Roadmap digitale' })).toBeVisible()
    await expect(phone.getByText(HAND_ITEM)).toBeVisible()
    await phone.getByRole('button', { name: 'Firma la roadmap' }).click()
    await phone.getByRole('textbox', { name: 'Nome e cognome' }).fill('Mario Rossi')
    await phone.getByRole('textbox', { name: 'Ruolo in azienda' }).fill('Titolare')
    await phone.getByRole('checkbox', { name: /Ho letto la roadmap/ }).check()
    await screenshot(phone, 'journey-2-roadmap-signoff-phone')
    await expectNoSeriousA11yViolations(phone)
    await phone.getByRole('button', { name: 'Firma la roadmap' }).click()
    await expect(phone.getByText(/Roadmap firmata da Mario Rossi/)).toBeVisible()
    await phoneContext.close()
  })

  await test.step('lo staff dell’antenna ritrova la roadmap firmata e apre un progetto di 10 giornate dai suoi interventi', async () => {
    staff = await newSession()
    await login(staff, 'bg.staff@ponte.demo')
    if ((await staff.request.get(`/api/companies/${company.id}`)).status() !== 200) {
      // The demo expert serves Bergamo and Brescia: the company is Brescia's.
      await staff.context().clearCookies()
      await login(staff, 'bs.staff@ponte.demo')
    }
    await staff.goto(roadmapUrl)
    await expect(staff.getByText('Firmata da Mario Rossi (Titolare)', { exact: false })).toBeVisible()
    await staff.getByRole('link', { name: `← ${company.name}` }).click()
    await staff.getByRole('tab', { name: 'Progetti' }).click()
    await staff.getByRole('button', { name: 'Nuovo progetto' }).click()
    const create = staff.getByRole('dialog', { name: 'Nuovo progetto di supporto' })
    // The items offered are those of the roadmap just signed; the first chosen names the project.
    await create.getByRole('checkbox', { name: new RegExp(`^${HAND_ITEM}`) }).check()
    await expect(create.getByRole('textbox', { name: 'Titolo' })).toHaveValue(HAND_ITEM)
    await create.getByRole('textbox', { name: 'Budget (giornate)' }).fill('10')
    await create.getByLabel('Inizio').fill(daysAgo(30))
    await create.getByRole('button', { name: 'Apri il progetto' }).click()
    await expect(staff.getByRole('heading', { level: 1, name: HAND_ITEM })).toBeVisible()
    await expect(staff.getByText(`Azioni della roadmap: ${HAND_ITEM}`)).toBeVisible()
    projectUrl = staff.url()
  })

  await test.step('lo staff modifica il progetto: data di fine', async () => {
    const s = staffPage()
    await s.getByRole('button', { name: 'Modifica', exact: true }).click()
    const form = s.getByRole('form', { name: 'Modifica il progetto' })
    await expect(form.getByRole('checkbox', { name: new RegExp(`^${HAND_ITEM}`) })).toBeChecked()
    await form.getByLabel('Fine').fill(daysAgo(-90))
    await screenshot(s, 'journey-3-project-edit')
    await form.getByRole('button', { name: 'Salva le modifiche' }).click()
    await expect(form).toBeHidden()
    await expect(s.getByText('Progetto aggiornato')).toBeVisible()
  })

  await test.step('il matching propone gli esperti con il dettaglio del punteggio; lo staff assegna l’esperto e avvia il progetto', async () => {
    const s = staffPage()
    const matches = s.getByRole('table', { name: 'Esperti proposti con il dettaglio del punteggio' })
    await expect(matches.getByText('Competenze').first()).toBeVisible()
    await matches.scrollIntoViewIfNeeded()
    await screenshot(s, 'journey-4-project-matching')
    await matches.getByRole('button', { name: 'Assegna Giorgio Valsecchi al progetto' }).click()
    await expect(matches.getByText('Assegnato')).toBeVisible()
    await s.getByRole('button', { name: 'Avvia il progetto' }).click()
    await expect(s.getByText('In corso', { exact: true }).first()).toBeVisible()
  })

  const form = expert.getByRole('form', { name: 'Registra giornate' })
  const ledger = expert.getByRole('table', { name: 'Registro delle giornate di supporto' })

  await test.step('l’esperto registra 3 giornate e le invia all’azienda per la conferma', async () => {
    await expert.getByRole('link', { name: 'I miei progetti' }).click()
    await expert.getByRole('link', { name: HAND_ITEM }).first().click()
    await form.getByLabel('Data').fill(daysAgo(2))
    await form.getByRole('textbox', { name: 'Giornate' }).fill('3')
    await form.getByRole('textbox', { name: 'Attività svolta' }).fill('Analisi dei processi e scelta del gestionale')
    await form.getByRole('button', { name: 'Registra' }).click()
    await expect(ledger.getByText('In attesa di conferma')).toBeVisible()
    await ledger.getByRole('button', { name: 'Invia per conferma' }).click()
    const send = expert.getByRole('dialog', { name: 'Invia la registrazione n. 1 per conferma' })
    await send.getByRole('textbox', { name: /Email dell.azienda/ }).fill(owner)
    await send.getByRole('button', { name: 'Invia', exact: true }).click()
    await expect(send).toBeHidden()
  })

  await test.step('l’azienda conferma le giornate dal telefono', async () => {
    const mail = await readMail(owner)
    expect(mail.text).toContain(company.name)
    const phoneContext = await browser.newContext({ baseURL, viewport: PHONE, isMobile: true, hasTouch: true })
    const phone = await phoneContext.newPage()
    await phone.goto(firstLink(mail.text))
    await expect(phone.getByRole('heading', { level: 1, name: 'Conferma della giornata di supporto' })).toBeVisible()
    await phone.getByRole('textbox', { name: 'Il tuo nome e cognome' }).fill('Mario Rossi')
    await screenshot(phone, 'journey-5-support-day-confirm-phone')
    await expectNoSeriousA11yViolations(phone)
    await phone.getByRole('button', { name: 'Confermo' }).click()
    await expect(phone.getByText(/Confermata da Mario Rossi/)).toBeVisible()
    await phoneContext.close()
  })

  await test.step('lo staff approva le giornate confermate', async () => {
    const s = staffPage()
    await s.goto(projectUrl)
    const staffLedger = s.getByRole('table', { name: 'Registro delle giornate di supporto' })
    await expect(staffLedger.getByText('Confermata da Mario Rossi')).toBeVisible()
    await staffLedger.getByRole('button', { name: 'Approva' }).click()
    await s.getByRole('dialog').getByRole('button', { name: 'Approva' }).click()
    await expect(staffLedger.getByText(/Approvata il/)).toBeVisible()
  })

  await test.step('l’esperto usa le altre 7 giornate; l’11ª è rifiutata con le giornate restanti', async () => {
    await form.getByLabel('Data').fill(daysAgo(1))
    await form.getByRole('textbox', { name: 'Giornate' }).fill('7')
    await form.getByRole('textbox', { name: 'Attività svolta' }).fill('Configurazione e formazione')
    await form.getByRole('button', { name: 'Registra' }).click()
    await expect(expert.getByText('10 di 10 giornate registrate · ne restano 0')).toBeVisible()
    await form.getByRole('textbox', { name: 'Giornate' }).fill('1')
    await form.getByRole('textbox', { name: 'Attività svolta' }).fill('Un giorno in più')
    await form.getByRole('button', { name: 'Registra' }).click()
    await expect(form.getByRole('alert')).toContainText('Restano 0 giornate sul budget di 10: questa registrazione ne chiede 1.')
    await screenshot(expert, 'journey-6-budget-refused')
    await expectNoSeriousA11yViolations(expert)
  })

  await test.step('l’avanzamento del budget e il percorso dell’azienda mostrano tutto', async () => {
    const s = staffPage()
    await s.reload()
    await expect(s.getByText('10 di 10 giornate registrate · ne restano 0')).toBeVisible()
    await expect(s.getByRole('table', { name: 'Giornate cumulate per data' }).getByRole('row')).toHaveCount(3)
    await s.getByRole('img', { name: /Grafico dell'avanzamento/ }).scrollIntoViewIfNeeded()
    await screenshot(s, 'journey-7-project-burndown')
    await s.getByRole('link', { name: company.name }).first().click()
    await s.getByRole('tab', { name: 'Percorso' }).click()
    await expect(s.getByRole('link', { name: /Roadmap digitale firmata da Mario Rossi/ })).toBeVisible()
    await expect(s.getByRole('link', { name: `Progetto di supporto «${HAND_ITEM}» (10 giornate)` })).toBeVisible()
    await expect(s.getByRole('link', { name: `3 giornate di supporto · ${HAND_ITEM}` })).toBeVisible()
    await expect(s.getByRole('link', { name: `7 giornate di supporto · ${HAND_ITEM}` })).toBeVisible()
    await screenshot(s, 'journey-8-company-timeline')
  })

  await test.step('il rapporto delle giornate di supporto conta le giornate appena registrate', async () => {
    const s = staffPage()
    const period = { from: daysAgo(2), to: daysAgo(1) }
    await s.getByRole('link', { name: 'Giornate di supporto', exact: true }).click()
    await s.getByRole('combobox', { name: 'Raggruppa per' }).selectOption('company')
    await s.getByLabel('Dal', { exact: true }).fill(period.from)
    await s.getByLabel('Al', { exact: true }).fill(period.to)
    // What the server sums for the company over those two days (the demo may have its own days there too).
    const totals = (await (await s.request.get(`/api/support-days/totals?groupBy=company&from=${period.from}&to=${period.to}`)).json()) as { rows: { key: string; logged: number; approved: number }[] }
    const row = totals.rows.find((r) => r.key === company.id)
    expect(row?.logged).toBeGreaterThanOrEqual(10)
    expect(row?.approved).toBeGreaterThanOrEqual(3)
    const table = s.getByRole('table', { name: 'Giornate di supporto per Azienda' })
    const days = (n: number) => new Intl.NumberFormat('it-IT', { maximumFractionDigits: 1 }).format(n)
    const companyRow = table.getByRole('row').filter({ has: s.getByRole('rowheader', { name: company.name }) })
    await expect(companyRow.getByRole('cell').first()).toHaveText(days(row?.logged ?? 0))
    await expect(companyRow.getByRole('cell').nth(2)).toHaveText(days(row?.approved ?? 0))
    await screenshot(s, 'journey-9-support-days-report')
    await expectNoSeriousA11yViolations(s)
  })
})
