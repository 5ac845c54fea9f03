import { expect, expectNoSeriousA11yViolations, login, screenshot, test } from './fixtures'

const mainNavigation = /^(Navigazione principale|Main navigation)$/

test("Un esperto compila e invia il profilo; lo staff dell'antenna lo approva", async ({ page, newSession }) => {
  // Andrea Pozzi has just joined Antenna Bergamo as an expert: his profile is empty.
  await login(page, 'andrea.pozzi@ponte.demo')
  await page.getByRole('navigation', { name: mainNavigation }).getByRole('link', { name: 'Il mio profilo', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Il mio profilo da esperto' })).toBeVisible()
  await expect(page.getByText('Il profilo è una bozza')).toBeVisible()

  await page.getByRole('textbox', { name: 'Titolo' }).fill('Consulente per la digitalizzazione della produzione')
  await page.getByRole('textbox', { name: 'Presentazione' }).fill('Quindici anni nella pianificazione della produzione e nei sistemi MES.')
  await page.getByRole('textbox', { name: 'Disponibilità (giorni al mese)' }).fill('6')
  const competences = page.getByRole('combobox', { name: 'Competenze' })
  await competences.click()
  await competences.fill('ERP')
  await page.getByRole('option', { name: 'ERP e gestionali aziendali' }).click()
  await competences.fill('Industria')
  await page.getByRole('option', { name: 'Industria 4.0, IoT e macchine interconnesse' }).click()
  await page.keyboard.press('Escape')
  const provinces = page.getByRole('combobox', { name: 'Province in cui lavori' })
  await provinces.click()
  await provinces.fill('Bergamo')
  await page.getByRole('option', { name: 'Bergamo (BG)' }).click()
  await page.keyboard.press('Escape')
  await page.getByRole('button', { name: 'Aggiungi un legame' }).click()
  await page.getByRole('textbox', { name: 'Impresa o ente' }).fill('Fonderie Orobiche S.r.l.')
  await page.getByRole('button', { name: 'Salva il profilo' }).click()
  await expect(page.getByText('Profilo salvato', { exact: true })).toBeVisible()
  await screenshot(page, 'experts-my-profile')
  await expectNoSeriousA11yViolations(page)

  await page.getByRole('button', { name: "Invia per l'approvazione" }).click()
  await page.getByRole('dialog', { name: 'Inviare il profilo?' }).getByRole('button', { name: "Invia per l'approvazione" }).click()
  await expect(page.getByText('Il profilo è in revisione')).toBeVisible()
  await page.evaluate(() => window.scrollTo(0, 0))
  await screenshot(page, 'experts-my-profile-submitted')

  // The manager of Antenna Bergamo reviews the pool.
  const staff = await newSession()
  await login(staff, 'bg.manager@ponte.demo')
  await staff.getByRole('navigation', { name: mainNavigation }).getByRole('link', { name: 'Esperti', exact: true }).click()
  await expect(staff.getByRole('heading', { level: 1, name: 'Esperti' })).toBeVisible()
  await staff.getByRole('combobox', { name: 'Stato' }).selectOption({ label: 'In revisione' })
  await staff.getByRole('button', { name: 'Andrea Pozzi', exact: true }).click()
  const drawer = staff.getByRole('dialog', { name: 'Esperti' })
  await expect(drawer.getByRole('heading', { level: 2, name: 'Andrea Pozzi' })).toBeVisible()
  await expect(drawer.getByText('Fonderie Orobiche S.r.l. (Cliente)')).toBeVisible()
  // The drawer slides in: photograph it once it has stopped.
  await staff.waitForFunction(() => document.getAnimations().length === 0)
  await screenshot(staff, 'experts-pool-review')
  await expectNoSeriousA11yViolations(staff)
  await drawer.getByRole('textbox', { name: "Nota per l'esperto" }).fill('Profilo completo, benvenuto nella rete.')
  await drawer.getByRole('button', { name: 'Approva' }).click()
  await staff.getByRole('dialog', { name: 'Approvare il profilo di Andrea Pozzi?' }).getByRole('button', { name: 'Approva' }).click()
  await expect(drawer.getByText('Approvato', { exact: true })).toBeVisible()
  await screenshot(staff, 'experts-pool-approved')

  // The expert sees the approval and the note.
  await page.reload()
  await expect(page.getByText('Il profilo è approvato')).toBeVisible()
  await expect(page.getByText('Nota dello staff: Profilo completo, benvenuto nella rete.')).toBeVisible()
})
