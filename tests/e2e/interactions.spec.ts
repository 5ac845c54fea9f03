import { expect, expectNoSeriousA11yViolations, login, screenshot, test } from './fixtures'

const mainNavigation = /^(Navigazione principale|Main navigation)$/

test('Lo staff di antenna registra una visita con un promemoria, vede l’azienda diventare "Coinvolta" e chiude il promemoria', async ({ page }) => {
  await login(page, 'bg.staff@ponte.demo')

  // An antenna company the hub has only contacted so far (the demo seed leaves some without meetings).
  const found = await page.request.get('/api/companies?stage=contacted&sort=name&limit=1')
  expect(found.status()).toBe(200)
  const [company] = ((await found.json()) as { items: { id: string; name: string; unitName: string }[] }).items
  if (!company) throw new Error('the demo seed has no "contacted" company for Antenna Bergamo')
  expect(company.unitName).toBe('Antenna Bergamo')

  await page.getByRole('navigation', { name: mainNavigation }).getByRole('link', { name: 'Aziende', exact: true }).click()
  await page.getByRole('searchbox', { name: 'Cerca' }).or(page.getByRole('textbox', { name: 'Cerca' })).first().fill(company.name)
  await page.getByRole('link', { name: company.name, exact: true }).first().click()
  await expect(page.getByRole('heading', { level: 1, name: company.name })).toBeVisible()
  const badges = page.getByRole('group', { name: "Stato dell'azienda" })
  await expect(badges).toContainText('Contattata')

  await page.getByRole('tab', { name: 'Attività' }).click()
  await expect(page.getByRole('heading', { level: 2, name: 'Cronologia delle attività' })).toBeVisible()
  await page.getByRole('button', { name: 'Registra attività' }).click()
  const dialog = page.getByRole('dialog', { name: `Registra attività — ${company.name}` })
  await expect(dialog).toBeVisible()
  await dialog.getByRole('combobox', { name: 'Tipo' }).selectOption({ label: 'Visita' })
  await dialog.getByRole('textbox', { name: 'Oggetto' }).fill('Visita in azienda')
  await dialog.getByRole('textbox', { name: 'Note' }).fill('Visitati reparto produttivo e ufficio tecnico: interesse per la tracciabilità.')
  await dialog.getByRole('checkbox', { name: 'Aggiungi un promemoria' }).check()
  await dialog.getByRole('textbox', { name: 'Cosa fare' }).fill('Inviare la proposta di assessment digitale')
  // Due tomorrow and assigned to the author by default.
  const tomorrow = await page.evaluate(() => {
    const d = new Date()
    d.setDate(d.getDate() + 1)
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
  })
  await expect(dialog.getByLabel('Scadenza')).toHaveValue(tomorrow)
  await expect(dialog.getByRole('combobox', { name: 'Assegnato a' })).toHaveValue(/.+/)
  await screenshot(page, 'interactions-record-visit')
  await expectNoSeriousA11yViolations(page)
  await dialog.getByRole('button', { name: 'Registra', exact: true }).click()
  await expect(dialog).toBeHidden()

  const entry = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: 'Visita in azienda' }) }).first()
  await expect(entry).toBeVisible()
  await expect(entry).toContainText('Visita ·')
  await expect(entry).toContainText('Promemoria: Inviare la proposta di assessment digitale')
  // The journey stage follows the activity: a visit is engagement.
  await expect(badges).toContainText('Coinvolta')
  await expect(badges).not.toContainText('Contattata')
  await screenshot(page, 'interactions-timeline')
  await expectNoSeriousA11yViolations(page)

  await page.getByRole('navigation', { name: mainNavigation }).getByRole('link', { name: 'I miei promemoria' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'I miei promemoria' })).toBeVisible()
  const row = page.getByRole('row').filter({ hasText: 'Inviare la proposta di assessment digitale' }).filter({ hasText: company.name })
  await expect(row).toBeVisible()
  // The demo gives bg.staff overdue follow-ups too: they come first and say so.
  await expect(page.getByRole('row').nth(1)).toContainText('Scaduto')
  await screenshot(page, 'interactions-my-follow-ups')
  await expectNoSeriousA11yViolations(page)

  await row.getByRole('button', { name: 'Segna come fatto: Inviare la proposta di assessment digitale' }).click()
  await expect(page.getByText('Promemoria completato.')).toBeVisible()
  await expect(row).toHaveCount(0)
  await page.locator('label').filter({ hasText: /^Fatti$/ }).click()
  await expect(page.getByRole('row').filter({ hasText: 'Inviare la proposta di assessment digitale' })).toBeVisible()
  await screenshot(page, 'interactions-follow-up-done')
})
