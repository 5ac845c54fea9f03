import { expect, expectNoSeriousA11yViolations, login, screenshot, test } from './fixtures'

const mainNavigation = /^(Navigazione principale|Main navigation)$/

test('Antenna staff finds "meccanica bergamo" among their companies, and another antenna sees none of them', async ({ page, browser, baseURL }) => {
  await login(page, 'bg.staff@ponte.demo')
  await page.getByRole('navigation', { name: mainNavigation }).getByRole('link', { name: 'Aziende', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Aziende' })).toBeVisible()
  // 40 seeded; journeys that run before this one (import, duplicates) add Bergamo companies.
  await expect(page.getByText(/^\d+ aziende$/)).toBeVisible()
  await expectNoSeriousA11yViolations(page)

  await page.getByRole('searchbox', { name: 'Cerca' }).or(page.getByRole('textbox', { name: 'Cerca' })).first().fill('meccanica bergamo')
  const first = page.getByRole('link', { name: /^Meccanica Bergamasca/ }).first()
  await expect(first).toBeVisible()
  await screenshot(page, 'companies-search')
  const name = (await first.textContent())?.trim() ?? ''
  await first.click()
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
  await expect(page.getByText('Antenna Bergamo').first()).toBeVisible()
  await screenshot(page, 'company-detail')
  await expectNoSeriousA11yViolations(page)
  const companyUrl = page.url()

  // Staff of Antenna Brescia: the same company does not exist for them.
  const other = await browser.newPage({ baseURL })
  await login(other, 'bs.staff@ponte.demo')
  await other.goto(companyUrl)
  await expect(other.getByRole('heading', { level: 1, name })).toHaveCount(0)
  const id = companyUrl.split('/').pop() ?? ''
  expect((await other.request.get(`/api/companies/${id}`)).status()).toBe(404)
  await other.close()
})
