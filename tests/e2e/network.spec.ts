import { expect, expectNoSeriousA11yViolations, login, screenshot, test } from './fixtures'

const mainNavigation = /^(Navigazione principale|Main navigation)$/

test('The network admin signs in and sees the network tree with its antennas in Italian, then switches to English', async ({ page, newSession }) => {
  await login(page, 'admin@ponte.demo')
  await expectNoSeriousA11yViolations(page)

  // The network page shows DIH Lombardia with its nine antennas, in Italian.
  await page.getByRole('navigation', { name: mainNavigation }).getByRole('link', { name: 'Rete', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Rete' })).toBeVisible()
  const tree = page.getByRole('tree', { name: 'Unità della rete' })
  await expect(tree.getByRole('treeitem', { name: 'DIH Lombardia' })).toBeVisible()
  await expect(tree.getByRole('treeitem', { name: 'Antenna Bergamo' })).toBeVisible()
  await expect(tree.getByRole('treeitem', { name: 'Antenna Brescia' })).toBeVisible()
  await expect(tree.getByRole('treeitem', { name: /^Antenna / })).toHaveCount(9)
  await screenshot(page, 'network-tree-it', { alsoTo: 'docs/images/network-tree.png' })
  await expectNoSeriousA11yViolations(page)

  // Switching the language turns the whole interface into English.
  await page.getByLabel('Lingua').selectOption({ label: 'English' })
  const navigation = page.getByRole('navigation', { name: mainNavigation })
  await expect(navigation.getByRole('link', { name: 'Network', exact: true })).toBeVisible()
  await expect(page.getByRole('heading', { level: 1, name: 'Network' })).toBeVisible()
  await expect(page.getByRole('tree', { name: 'Network units' }).getByRole('treeitem', { name: 'Antenna Bergamo' })).toBeVisible()
  await screenshot(page, 'network-tree-en')
  await expectNoSeriousA11yViolations(page)

  // The choice survives a reload…
  await page.reload()
  await expect(navigation.getByRole('link', { name: 'Network', exact: true })).toBeVisible()
  await expect(page.getByLabel('Language')).toHaveValue('en')

  // …and is remembered on the account: a new browser session opens in English after sign-in.
  const otherSession = await newSession()
  await login(otherSession, 'admin@ponte.demo')
  await expect(otherSession.getByRole('navigation', { name: mainNavigation }).getByRole('link', { name: 'Network', exact: true })).toBeVisible()

  // Back to Italian.
  await page.getByLabel('Language').selectOption({ label: 'Italiano' })
  await expect(navigation.getByRole('link', { name: 'Rete', exact: true })).toBeVisible()
  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: 'Rete' })).toBeVisible()
  await expect(page.getByLabel('Lingua')).toHaveValue('it')
})

test('The network admin finds the people of the network and the activity log', async ({ page }) => {
  await login(page, 'admin@ponte.demo')
  const navigation = page.getByRole('navigation', { name: mainNavigation })

  await navigation.getByRole('link', { name: 'Utenti', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Utenti' })).toBeVisible()
  await expect(page.getByRole('row').filter({ hasText: 'bg.manager@ponte.demo' })).toContainText('Antenna Bergamo')
  await screenshot(page, 'users')
  await expectNoSeriousA11yViolations(page)

  // Signing in is recorded: the admin's own sign-in is in the log.
  await navigation.getByRole('link', { name: 'Registro attività', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Registro attività' })).toBeVisible()
  await expect(page.getByRole('row').filter({ hasText: 'Accesso' }).first()).toBeVisible()
  await screenshot(page, 'audit')
  await expectNoSeriousA11yViolations(page)
})
