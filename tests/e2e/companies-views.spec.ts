import { expect, expectNoSeriousA11yViolations, login, screenshot, test } from './fixtures'
import type { Page } from '@playwright/test'

const VIEW = 'Meccaniche piccole'
const TAG = 'Industria 4.0'

/** Names of the companies the list shows, in its order. */
async function listedNames(page: Page): Promise<string[]> {
  const table = page.getByRole('table', { name: 'Elenco delle aziende' }).or(page.getByRole('table')).first()
  await expect(table).toBeVisible()
  return (await table.locator('tbody tr td a').allTextContents()).map((name) => name.trim())
}

async function openViews(page: Page) {
  await page.getByRole('button', { name: 'Viste', exact: true }).click()
  await expect(page.getByRole('menu')).toBeVisible()
}

test('Antenna staff saves a shared view of small mechanical firms, applies it again and tags two of them in bulk; only their antenna sees the view', async ({
  page,
  newSession,
}) => {
  // Three people sign in, one after the other: longer than the default journey.
  test.setTimeout(240_000)
  await login(page, 'bg.staff@ponte.demo')
  await page.goto('/companies')
  await expect(page.getByRole('heading', { level: 1, name: 'Aziende' })).toBeVisible()

  // Search and filter by size.
  await page.getByRole('searchbox', { name: 'Cerca' }).or(page.getByRole('textbox', { name: 'Cerca' })).first().fill('meccanica bergamo')
  await expect(page.getByRole('link', { name: /^Meccanica Bergamasca/ }).first()).toBeVisible()
  await screenshot(page, 'views-search')
  await page.getByRole('combobox', { name: 'Dimensione' }).click()
  await page.getByRole('option', { name: 'Micro' }).click()
  await page.getByRole('option', { name: 'Piccola' }).click()
  await page.keyboard.press('Escape')
  await expect(page).toHaveURL(/size=/)

  // Show the tags as a column: the view remembers the columns too.
  await page.getByRole('button', { name: 'Colonne' }).click()
  await page.getByRole('checkbox', { name: 'Etichette' }).check()
  await page.keyboard.press('Escape')
  await expect(page.getByRole('columnheader', { name: 'Etichette' })).toBeVisible()
  const filtered = await listedNames(page)
  expect(filtered.length).toBeGreaterThanOrEqual(2)

  // Save the view, shared with the antenna.
  await openViews(page)
  await page.getByRole('menuitem', { name: 'Salva vista' }).click()
  const dialog = page.getByRole('dialog', { name: 'Salva la vista' })
  await dialog.getByRole('textbox', { name: 'Nome della vista' }).fill(VIEW)
  await dialog.getByRole('radio', { name: 'Tutti in Antenna Bergamo' }).check()
  await screenshot(page, 'views-save-dialog')
  await dialog.getByRole('button', { name: 'Salva vista' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByText(`Vista: ${VIEW}`)).toBeVisible()
  await expectNoSeriousA11yViolations(page)

  // A fresh list, then the view from the menu: the same companies, the same columns.
  await page.goto('/companies')
  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: 'Aziende' })).toBeVisible()
  await expect(page.getByRole('columnheader', { name: 'Etichette' })).toHaveCount(0)
  await openViews(page)
  await page.getByRole('menuitem', { name: VIEW }).click()
  await expect(page.getByText(`Vista: ${VIEW}`)).toBeVisible()
  await expect(page.getByRole('columnheader', { name: 'Etichette' })).toBeVisible()
  await expect.poll(() => listedNames(page)).toEqual(filtered)
  await screenshot(page, 'views-applied')

  // Bulk: tag two of them.
  const [first, second] = filtered as [string, string]
  await page.getByRole('checkbox', { name: `Seleziona ${first}`, exact: true }).check()
  await page.getByRole('checkbox', { name: `Seleziona ${second}`, exact: true }).check()
  await expect(page.getByText('2 aziende selezionate')).toBeVisible()
  await page.getByRole('button', { name: 'Azioni', exact: true }).click()
  await page.getByRole('menuitem', { name: 'Aggiungi etichetta' }).click()
  const bulk = page.getByRole('dialog', { name: 'Aggiungi etichetta' })
  await bulk.getByRole('textbox', { name: 'Etichetta' }).fill(TAG)
  await bulk.getByRole('button', { name: 'Continua' }).click()
  const confirm = page.getByRole('dialog', { name: `Aggiungere l'etichetta «${TAG}» a 2 aziende?` })
  await expect(confirm).toBeVisible()
  await screenshot(page, 'views-bulk-confirm')
  await confirm.getByRole('button', { name: 'Applica a 2 aziende' }).click()
  await expect(page.getByText('2 aziende aggiornate')).toBeVisible()
  for (const name of [first, second]) {
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) })
    await expect(row).toContainText(TAG)
  }
  await screenshot(page, 'views-bulk-tagged')
  await expectNoSeriousA11yViolations(page)

  // The antenna's manager sees the shared view.
  const manager = await newSession()
  await login(manager, 'bg.manager@ponte.demo')
  await manager.goto('/companies')
  await openViews(manager)
  await expect(manager.getByRole('menuitem', { name: VIEW })).toBeVisible()
  await screenshot(manager, 'views-manager-menu')

  // Brescia's staff does not.
  const brescia = await newSession()
  await login(brescia, 'bs.staff@ponte.demo')
  await brescia.goto('/companies')
  await openViews(brescia)
  await expect(brescia.getByText('Nessuna vista condivisa')).toBeVisible()
  await expect(brescia.getByRole('menuitem', { name: VIEW })).toHaveCount(0)
  await screenshot(brescia, 'views-brescia-menu')
})

test('The network admin defines a custom field; it shows in the company form, the company page and as a list filter', async ({ page }) => {
  test.setTimeout(180_000)
  await login(page, 'admin@ponte.demo')
  await page.goto('/companies')
  await page.getByRole('link', { name: 'Campi personalizzati' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Campi personalizzati' })).toBeVisible()

  await page.getByRole('button', { name: 'Nuovo campo' }).click()
  const dialog = page.getByRole('dialog', { name: 'Nuovo campo' })
  await dialog.getByRole('textbox', { name: 'Nome in italiano' }).fill('Settore cliente')
  await dialog.getByRole('textbox', { name: 'Nome in inglese' }).fill('Client sector')
  await dialog.getByRole('textbox', { name: 'Chiave' }).fill('settore_cliente')
  await dialog.getByRole('combobox', { name: 'Tipo' }).selectOption('select')
  for (const [n, value, label] of [[1, 'automotive', 'Automotive'], [2, 'aerospazio', 'Aerospazio']] as const) {
    await dialog.getByRole('button', { name: 'Aggiungi opzione' }).click()
    await dialog.getByRole('textbox', { name: `Valore opzione ${n}` }).fill(value)
    await dialog.getByRole('textbox', { name: `Etichetta italiana opzione ${n}` }).fill(label)
    await dialog.getByRole('textbox', { name: `Etichetta inglese opzione ${n}` }).fill(label === 'Aerospazio' ? 'Aerospace' : label)
  }
  await screenshot(page, 'custom-field-new')
  await dialog.getByRole('button', { name: 'Crea campo' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('cell', { name: 'Settore cliente', exact: true })).toBeVisible()
  await expectNoSeriousA11yViolations(page)
  await screenshot(page, 'custom-fields-page')

  // The field in the form of a company, then on its page.
  await page.goto('/companies?q=meccanica+bergamo')
  const company = page.getByRole('link', { name: /^Meccanica Bergamasca/ }).first()
  const name = (await company.textContent())?.trim() ?? ''
  await company.click()
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
  await page.getByRole('link', { name: 'Modifica' }).click()
  const fieldset = page.getByRole('group', { name: 'Campi personalizzati' })
  await fieldset.getByRole('combobox', { name: /^Settore cliente/ }).selectOption('aerospazio')
  await page.getByRole('button', { name: 'Salva modifiche' }).click()
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
  const section = page.getByRole('region', { name: 'Campi personalizzati' })
  await expect(section).toContainText('Aerospazio')
  await screenshot(page, 'custom-field-on-company')

  // And as a filter of the list.
  await page.goto('/companies')
  await page.getByRole('textbox', { name: 'Settore cliente' }).or(page.getByRole('combobox', { name: 'Settore cliente' })).first().click()
  await page.getByRole('option', { name: 'Aerospazio' }).click()
  await page.keyboard.press('Escape')
  await expect(page.getByText('1 azienda', { exact: true })).toBeVisible()
  await expect(page.getByRole('link', { name, exact: true })).toBeVisible()
  await screenshot(page, 'custom-field-filter')
})
