import {
  expect,
  expectNoSeriousA11yViolations,
  firstLink,
  login,
  logout,
  readMail,
  screenshot,
  test,
} from './fixtures'

const mainNavigation = /^(Navigazione principale|Main navigation)$/

test('An antenna manager invites a staff member, who accepts from the email and works with that role', async ({ newSession, baseURL }) => {
  const newcomer = `nuovo.staff.${Date.now()}@ponte.test`
  const newcomerPassword = 'benvenuto-in-ponte'

  // The manager of Antenna Bergamo invites a new colleague as unit staff.
  const manager = await newSession()
  await login(manager, 'bg.manager@ponte.demo')
  await manager.getByRole('navigation', { name: mainNavigation }).getByRole('link', { name: 'Inviti', exact: true }).click()
  await expect(manager.getByRole('heading', { level: 1, name: 'Inviti' })).toBeVisible()
  await expectNoSeriousA11yViolations(manager)
  // The page header has the button, and so does the empty list.
  await manager.getByRole('button', { name: 'Nuovo invito' }).first().click()
  const form = manager.getByRole('dialog', { name: 'Nuovo invito' })
  await form.getByRole('textbox', { name: 'Email', exact: true }).fill(newcomer)
  await form.getByRole('combobox', { name: 'Unità', exact: true }).selectOption({ label: 'Antenna Bergamo' })
  await form.getByRole('combobox', { name: 'Ruolo', exact: true }).selectOption({ label: "Personale dell'unità" })
  await screenshot(manager, 'invitation-form')
  await expectNoSeriousA11yViolations(manager)
  await form.getByRole('button', { name: 'Invia invito' }).click()
  await expect(form).toBeHidden()
  const invitationRow = manager.getByRole('row').filter({ hasText: newcomer })
  await expect(invitationRow).toContainText('Antenna Bergamo')
  await expect(invitationRow).toContainText('In attesa')
  await screenshot(manager, 'invitation-sent')

  // The invitation arrives by email (SMTP)…
  const mail = await readMail(newcomer)
  expect(mail.subject).toContain('DIH Lombardia')
  expect(mail.text).toContain('Antenna Bergamo')
  const link = firstLink(mail.text)
  expect(link.startsWith(`${baseURL}/`)).toBe(true)

  // …and the network admin finds it in the outbox.
  const admin = await newSession()
  await login(admin, 'admin@ponte.demo')
  await admin.getByRole('navigation', { name: mainNavigation }).getByRole('link', { name: 'Posta in uscita', exact: true }).click()
  await expect(admin.getByRole('heading', { level: 1, name: 'Posta in uscita' })).toBeVisible()
  const outboxRow = admin.getByRole('row').filter({ hasText: newcomer })
  await expect(outboxRow).toContainText(mail.subject)
  await expect(outboxRow).toContainText('Inviato')
  await screenshot(admin, 'outbox')
  await expectNoSeriousA11yViolations(admin)

  // The newcomer opens the link, chooses a name and a password, and is signed in.
  const page = await newSession()
  await page.goto(link)
  await expect(page.getByRole('heading', { level: 1, name: "Accetta l'invito" })).toBeVisible()
  await expect(page.getByText('Antenna Bergamo').first()).toBeVisible()
  await expectNoSeriousA11yViolations(page)
  await page.getByRole('textbox', { name: 'Nome e cognome', exact: true }).fill('Nuova Collega')
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(newcomerPassword)
  await page.getByRole('textbox', { name: 'Conferma password', exact: true }).fill(newcomerPassword)
  await screenshot(page, 'invitation-accept')
  await page.getByRole('button', { name: 'Accetta invito' }).click()
  await expect(page.getByRole('button', { name: 'Menu utente' })).toBeVisible()
  await expectNoSeriousA11yViolations(page)

  // As unit staff of Antenna Bergamo they see their antenna, not the others.
  await page.getByRole('navigation', { name: mainNavigation }).getByRole('link', { name: 'Rete', exact: true }).click()
  const tree = page.getByRole('tree', { name: 'Unità della rete' })
  await expect(tree.getByRole('treeitem', { name: 'Antenna Bergamo' })).toBeVisible()
  await expect(tree.getByRole('treeitem', { name: 'Antenna Brescia' })).toHaveCount(0)
  await screenshot(page, 'newcomer-network')
  await expectNoSeriousA11yViolations(page)

  // The new password works for the next sign-in.
  await logout(page)
  await login(page, newcomer, newcomerPassword)
  await expect(page.getByRole('button', { name: 'Menu utente' })).toBeVisible()
})
