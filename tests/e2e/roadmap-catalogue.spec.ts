import { expect, expectNoSeriousA11yViolations, login, screenshot, test } from './fixtures'

const mainNavigation = /^(Navigazione principale|Main navigation)$/

test("La rete amministra il catalogo azioni: ricerca, filtri e una modifica pubblicata come nuova versione", async ({ page }) => {
  await login(page, 'admin@ponte.demo')
  await page.getByRole('navigation', { name: mainNavigation }).getByRole('link', { name: 'Catalogo azioni', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Catalogo azioni' })).toBeVisible()
  await expect(page.getByText(/^Versione in uso: 2026-r1/)).toBeVisible()
  await expect(page.getByText('96 azioni su 96')).toBeVisible()

  // Filters: security actions of the PA questionnaire, quick wins only.
  const filters = page.getByRole('search', { name: 'Filtri del catalogo' })
  await filters.getByLabel('Questionario').selectOption('eu-dma-pso')
  await filters.getByLabel('Dimensione').selectOption('D4')
  await filters.getByLabel('Orizzonte').selectOption('quick')
  const backup = page.getByRole('row').filter({ hasText: 'Backup dei dati critici fuori sede o in cloud' })
  await expect(backup).toContainText('PMI D4 · PA D4')
  await screenshot(page, 'roadmap-catalogue-filtered')
  await expectNoSeriousA11yViolations(page)

  // The admin revises the cost of the backup action: a new catalogue version.
  await backup.getByRole('button', { name: /^Modifica «Backup/ }).click()
  const dialog = page.getByRole('dialog', { name: /^Modifica «Backup/ })
  await dialog.getByLabel('Costo massimo (€)').fill('4000')
  await dialog.getByLabel(/^Nota sulla modifica/).fill('Costi aggiornati ai listini 2026')
  await screenshot(page, 'roadmap-catalogue-edit')
  await expectNoSeriousA11yViolations(page)
  await dialog.getByRole('button', { name: 'Pubblica la nuova versione' }).click()
  await expect(page.getByText(/^Catalogo aggiornato: versione 2026-r1\.\d+\.$/)).toBeVisible()
  await expect(dialog).toBeHidden()
  await expect(page.getByText(/^Versione in uso: 2026-r1\.\d+ \(ultima modifica di .*Costi aggiornati ai listini 2026/)).toBeVisible()
  await expect(backup).toContainText('500–4.000 €')
  await screenshot(page, 'roadmap-catalogue-saved')
})
