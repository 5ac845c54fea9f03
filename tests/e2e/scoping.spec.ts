import { expect, expectNoSeriousA11yViolations, login, screenshot, test } from './fixtures'

const mainNavigation = /^(Navigazione principale|Main navigation)$/

interface UnitSummary {
  id: string
  code: string
}

test("Staff of one antenna cannot see another antenna's data", async ({ page, playwright, baseURL }) => {
  // The id of Antenna Brescia, as the network admin sees it.
  const adminApi = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { 'x-ponte-csrf': '1' } })
  expect((await adminApi.post('/api/auth/sign-in', { data: { email: 'admin@ponte.demo', password: 'ponte-demo' } })).status()).toBe(200)
  const allUnits = (await (await adminApi.get('/api/units')).json()) as { items: UnitSummary[] }
  const brescia = allUnits.items.find((unit) => unit.code === 'ANT-BS')
  const bergamo = allUnits.items.find((unit) => unit.code === 'ANT-BG')
  await adminApi.dispose()
  if (!brescia || !bergamo) throw new Error('the demo network lacks Antenna Brescia or Antenna Bergamo')

  // The staff member of Antenna Bergamo sees only that antenna in the network tree.
  await login(page, 'bg.staff@ponte.demo')
  await page.getByRole('navigation', { name: mainNavigation }).getByRole('link', { name: 'Rete', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Rete' })).toBeVisible()
  const tree = page.getByRole('tree', { name: 'Unità della rete' })
  await expect(tree.getByRole('treeitem', { name: 'Antenna Bergamo' })).toBeVisible()
  await expect(tree.getByRole('treeitem', { name: /^Antenna / })).toHaveCount(1)
  await expect(tree.getByRole('treeitem', { name: 'Antenna Brescia' })).toHaveCount(0)
  await screenshot(page, 'staff-network')
  await expectNoSeriousA11yViolations(page)

  // Asking the API directly with the same session: Brescia does not exist for them, Bergamo does.
  expect((await page.request.get(`/api/units/${brescia.id}`)).status()).toBe(404)
  expect((await page.request.get(`/api/units/${bergamo.id}`)).status()).toBe(200)
})
