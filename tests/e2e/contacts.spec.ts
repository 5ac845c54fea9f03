import fs from 'node:fs'
import { expect, expectNoSeriousA11yViolations, login, screenshot, test } from './fixtures'

const mainNavigation = /^(Navigazione principale|Main navigation)$/

test('A contact withdraws newsletter consent and leaves the newsletter segment; another antenna cannot see them', async ({ page, newSession }) => {
  await login(page, 'bg.staff@ponte.demo')
  await page.getByRole('navigation', { name: mainNavigation }).getByRole('link', { name: 'Contatti', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Contatti' })).toBeVisible()

  // The newsletter segment: people whose newsletter consent is in force.
  await page.getByRole('combobox', { name: 'Segmento (consenso in vigore)' }).selectOption({ label: 'Consenso Newsletter' })
  await expect(page.getByText('Stai vedendo il segmento «Newsletter»')).toBeVisible()
  await page.getByRole('searchbox', { name: 'Cerca' }).fill('pesenti')
  const person = page.getByRole('link', { name: 'Giovanna Pesenti', exact: true })
  await expect(person).toBeVisible()
  // Other people named Pesenti may be in the segment too: she is one of `before`.
  const before = ((await (await page.request.get('/api/contacts?consent=newsletter&q=pesenti')).json()) as { total: number }).total
  await expect(page.getByRole('status').filter({ hasText: /contatt/ })).toHaveText(before === 1 ? '1 contatto' : `${before} contatti`)
  await screenshot(page, 'contacts-newsletter-segment')
  await expectNoSeriousA11yViolations(page)
  const segmentUrl = page.url()

  await person.click()
  await expect(page.getByRole('heading', { level: 1, name: 'Giovanna Pesenti' })).toBeVisible()
  await expect(page.getByRole('link', { name: /^Meccanica Bergamasca/ })).toBeVisible()
  const newsletter = page.getByRole('article', { name: 'Newsletter' })
  await expect(newsletter).toContainText('Consenso dato')
  await screenshot(page, 'contact-detail')
  await expectNoSeriousA11yViolations(page)
  const contactUrl = page.url()

  // She writes to say she no longer wants the newsletter.
  await newsletter.getByRole('button', { name: 'Revoca consenso: Newsletter' }).click()
  const dialog = page.getByRole('dialog', { name: 'Revoca il consenso: Newsletter' })
  await dialog.getByRole('combobox', { name: 'Fonte' }).selectOption({ label: 'Email' })
  await dialog.getByRole('textbox', { name: /Nota/ }).fill('Richiesta via email del 12 marzo')
  await screenshot(page, 'contact-withdraw-dialog')
  await dialog.getByRole('button', { name: 'Revoca consenso' }).click()
  await expect(newsletter).toContainText('Consenso revocato')
  await expect(page.getByRole('cell', { name: 'Richiesta via email del 12 marzo' })).toBeVisible()
  await screenshot(page, 'contact-consent-withdrawn')

  // Her data-subject export, as PDF and JSON.
  const pdfDownload = page.waitForEvent('download')
  await page.getByRole('link', { name: 'Scarica i dati (PDF)' }).click()
  const pdf = await pdfDownload
  expect(pdf.suggestedFilename()).toBe('dati-personali-giovanna-pesenti.pdf')
  expect(fs.readFileSync(await pdf.path()).subarray(0, 5).toString('latin1')).toBe('%PDF-')
  const jsonDownload = page.waitForEvent('download')
  await page.getByRole('link', { name: 'Scarica i dati (JSON)' }).click()
  const json = JSON.parse(fs.readFileSync(await (await jsonDownload).path(), 'utf8')) as {
    contact: { lastName: string }
    consents: { purpose: string; granted: boolean }[]
  }
  expect(json.contact.lastName).toBe('Pesenti')
  expect(json.consents[0]).toMatchObject({ purpose: 'newsletter', granted: false })

  // Back to the segment: she is no longer in it.
  await page.goto(segmentUrl)
  await expect(page.getByText('Stai vedendo il segmento «Newsletter»')).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: /contatt/ })).toHaveText(before - 1 === 1 ? '1 contatto' : `${before - 1} contatti`)
  await expect(page.getByRole('link', { name: 'Giovanna Pesenti', exact: true })).toHaveCount(0)
  await screenshot(page, 'contacts-segment-after-withdrawal')

  // Staff of Antenna Brescia: the Bergamo contact does not exist for them.
  const other = await newSession()
  await login(other, 'bs.staff@ponte.demo')
  await other.goto(contactUrl)
  await expect(other.getByRole('heading', { level: 1, name: 'Contatto non trovato' })).toBeVisible()
  await screenshot(other, 'contact-other-antenna')
  const id = contactUrl.split('/').pop() ?? ''
  expect((await other.request.get(`/api/contacts/${id}`)).status()).toBe(404)
  expect((await other.request.get(`/api/contacts/${id}/export?format=json`)).status()).toBe(404)
  const theirs = (await (await other.request.get('/api/contacts?q=pesenti&limit=100')).json()) as { items: { id: string }[] }
  expect(theirs.items.some((item) => item.id === id)).toBe(false)
})

test('Antenna staff sees the people of a company in its "Contatti" tab', async ({ page }) => {
  await login(page, 'bg.staff@ponte.demo')
  // From Pietro Locatelli's page to his company, then its "Contatti" tab.
  await page.goto('/contacts?q=locatelli')
  await page.getByRole('link', { name: 'Pietro Locatelli', exact: true }).click()
  await page.getByRole('main').getByRole('link', { name: /^Meccanica Bergamasca/ }).click()
  await page.getByRole('tab', { name: 'Contatti' }).click()
  await expect(page.getByRole('link', { name: 'Pietro Locatelli' })).toBeVisible()
  await expect(page.getByRole('combobox', { name: 'Ruolo di Pietro Locatelli' })).toHaveValue('titolare')
  await screenshot(page, 'company-contacts-tab')
})
