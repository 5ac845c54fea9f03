import { expect, expectNoSeriousA11yViolations, firstLink, login, readMail, screenshot, test } from './fixtures'

const PHONE = { width: 390, height: 844 }

test('Roadmap: l’esperto la genera da una valutazione convalidata, la modifica e la invia; l’azienda la firma dal telefono; lo staff la ritrova nel percorso dell’azienda', async ({ page, browser, baseURL, newSession }) => {
  test.setTimeout(180_000)
  await login(page, 'esperto.digitale@ponte.demo')

  // A validated assessment the demo expert assessed (the demo gives him some in Bergamo and Brescia).
  const found = await page.request.get('/api/assessments?status=validated&mode=assisted&limit=50')
  const me = (await (await page.request.get('/api/me')).json()) as { id: string }
  let mine: { id: string; companyId: string; companyName: string } | undefined
  for (const item of ((await found.json()) as { items: { id: string }[] }).items) {
    const detail = (await (await page.request.get(`/api/assessments/${item.id}`)).json()) as { id: string; companyId: string; companyName: string; assessor: { id: string } | null }
    if (detail.assessor?.id === me.id) {
      mine = detail
      break
    }
  }
  if (!mine) throw new Error('the demo seed gives the demo expert no validated assessment')

  await page.goto(`/assessments/${mine.id}`)
  await page.getByRole('button', { name: 'Genera roadmap' }).click()
  await expect(page.getByRole('heading', { level: 1, name: `Roadmap digitale di ${mine.companyName}` })).toBeVisible()
  await expect(page.getByText('Bozza', { exact: true })).toBeVisible()
  const items = page.getByRole('list', { name: /^Interventi \(\d+\)$/ })
  const count = await items.getByRole('listitem').count()
  expect(count).toBeGreaterThan(2)
  // Every proposed item says why it is there.
  await expect(items.getByRole('listitem').first()).toContainText(/sotto l'obiettivo|prima|Prerequisito/)
  await screenshot(page, 'roadmap-generated')

  // The expert edits with the company: the first item goes second and starts, a hand-written one is added.
  const first = (await items.getByRole('listitem').first().getByRole('paragraph').first().textContent())?.replace(/^1\. /, '') ?? ''
  await page.getByRole('button', { name: `Sposta giù «${first}»` }).click()
  await page.getByRole('combobox', { name: `Stato di «${first}»` }).selectOption('in_progress')
  await page.getByRole('button', { name: 'Aggiungi intervento' }).click()
  const dialog = page.getByRole('dialog', { name: 'Aggiungi intervento' })
  await dialog.getByRole('textbox', { name: 'Titolo' }).fill('Affiancamento al titolare sul nuovo gestionale')
  await dialog.getByLabel('Orizzonte').selectOption('quick')
  await dialog.getByRole('button', { name: 'Applica' }).click()
  await page.getByRole('textbox', { name: 'Nota sulla versione (facoltativa)' }).fill('Rivista in visita con il titolare')
  await page.getByRole('button', { name: 'Salva come nuova versione' }).click()
  await expect(page.getByText('Versione 2 · dalla valutazione', { exact: false })).toBeVisible()
  await expect(page.getByRole('list', { name: `Interventi (${count + 1})` })).toBeVisible()

  // What changed from version 1, item by item.
  await page.getByRole('button', { name: 'Confronta con la 1' }).click()
  const diff = page.getByRole('dialog', { name: 'Cosa è cambiato dalla versione 1 alla 2' })
  await expect(diff.getByText('+ Aggiunto: Affiancamento al titolare sul nuovo gestionale')).toBeVisible()
  await expect(diff.getByText(/Stato: Da avviare → In corso/)).toBeVisible()
  await screenshot(page, 'roadmap-diff')
  await page.keyboard.press('Escape')
  await expectNoSeriousA11yViolations(page)

  // Sent to the company for sign-off.
  const owner = `titolare.${Date.now()}@azienda.test`
  await page.getByRole('button', { name: 'Invia per la firma' }).click()
  const send = page.getByRole('dialog', { name: 'Inviare la roadmap per la firma' })
  await send.getByRole('textbox', { name: 'Email del firmatario' }).fill(owner)
  await send.getByRole('button', { name: 'Invia', exact: true }).click()
  await expect(page.getByText('In attesa di firma').first()).toBeVisible()
  const roadmapUrl = page.url()

  // The company reads and signs it on a phone, without an account.
  const mail = await readMail(owner)
  expect(mail.subject).toBe(`Roadmap digitale di ${mine.companyName}: da leggere e firmare`)
  const phoneContext = await browser.newContext({ baseURL, viewport: PHONE, isMobile: true, hasTouch: true })
  const phone = await phoneContext.newPage()
  await phone.goto(firstLink(mail.text))
  await expect(phone.getByRole('heading', { level: 1, name: 'Roadmap digitale' })).toBeVisible()
  await expect(phone.getByText('Affiancamento al titolare sul nuovo gestionale')).toBeVisible()
  await phone.getByRole('button', { name: 'Firma la roadmap' }).click()
  await expect(phone.getByText('Conferma di aver letto e approvato la roadmap.')).toBeVisible()
  await phone.getByRole('textbox', { name: 'Nome e cognome' }).fill('Mario Rossi')
  await phone.getByRole('textbox', { name: 'Ruolo in azienda' }).fill('Titolare')
  await phone.getByRole('checkbox', { name: /Ho letto la roadmap/ }).check()
  await screenshot(phone, 'roadmap-signoff-phone')
  await expectNoSeriousA11yViolations(phone)
  await phone.getByRole('button', { name: 'Firma la roadmap' }).click()
  await expect(phone.getByText(/Roadmap firmata da Mario Rossi/)).toBeVisible()
  await phoneContext.close()

  // Staff of the antenna find the signed roadmap, and it is on the company's journey.
  const staff = await newSession()
  await login(staff, 'bg.staff@ponte.demo')
  if ((await staff.request.get(`/api/companies/${mine.companyId}`)).status() !== 200) {
    // The demo expert serves Bergamo and Brescia: the company is Brescia's.
    await staff.context().clearCookies()
    await login(staff, 'bs.staff@ponte.demo')
  }
  await staff.goto(roadmapUrl)
  await expect(staff.getByText('Firmata da Mario Rossi (Titolare)', { exact: false })).toBeVisible()
  await staff.getByRole('link', { name: `← ${mine.companyName}` }).click()
  await staff.getByRole('tab', { name: 'Percorso' }).click()
  await expect(staff.getByRole('link', { name: /Roadmap digitale firmata da Mario Rossi/ })).toBeVisible()
  await screenshot(staff, 'company-journey')
  await expectNoSeriousA11yViolations(staff)
})
