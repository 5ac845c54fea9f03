import type { Page } from '@playwright/test'
import { expect, expectNoSeriousA11yViolations, login, screenshot, test } from './fixtures'

const mainNavigation = /^(Navigazione principale|Main navigation)$/

interface CompanyView {
  id: string
  unitId: string
  name: string
  vatNumber: string
  email: string | null
  phone: string | null
  comune: { istatCode: string } | null
}

const csrf = { 'x-ponte-csrf': '1' }

/**
 * Partita IVA check digit, as `vatCheckDigit` in src/modules/companies (Luhn over the first ten
 * digits). Repeated here: the module's index pulls in JSON modules Playwright's loader cannot import.
 */
function vatCheckDigit(first10: string): number {
  let sum = 0
  for (let i = 0; i < 10; i++) {
    let d = Number(first10[i])
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2
    sum += d
  }
  return (10 - (sum % 10)) % 10
}
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** A Bergamo demo company with a comune and a two-word name, to register twice. */
async function pickOriginal(page: Page): Promise<CompanyView> {
  const res = await page.request.get('/api/companies?limit=100&sort=name')
  expect(res.status()).toBe(200)
  const { items } = (await res.json()) as { items: CompanyView[] }
  const original = items.find(
    (c) => c.comune && c.email && !c.name.startsWith('Meccanica Bergamasca') && /^[A-Z][a-z]{5,} [A-Z][a-z]{3,}/.test(c.name),
  )
  if (!original) throw new Error('no suitable Bergamo demo company')
  return original
}

/** The same firm registered again with a typo in the name ("Tessitura" → "Tesitura") and a new partita IVA. */
async function registerTwice(page: Page, original: CompanyView): Promise<CompanyView> {
  const [first = '', ...rest] = original.name.split(' ')
  const name = [first.slice(0, 2) + first.slice(3), ...rest].join(' ')
  const domain = (original.email ?? '').split('@')[1] ?? 'example.it'
  for (let attempt = 0; attempt < 5; attempt++) {
    const first10 = `${String(7_000_000 + Math.floor(Math.random() * 2_000_000))}016`
    const res = await page.request.post('/api/companies', {
      headers: csrf,
      data: {
        unitId: original.unitId,
        name,
        vatNumber: `${first10}${vatCheckDigit(first10)}`,
        comuneIstat: original.comune?.istatCode,
        email: `amministrazione@${domain}`,
        phone: '035 4455667',
      },
    })
    if (res.status() === 201) return (await res.json()) as CompanyView
    expect(res.status()).toBe(409)
  }
  throw new Error('could not register the duplicate')
}

test('Antenna staff merges two duplicates field by field and undoes the merge; another antenna sees none of it', async ({ page, newSession }) => {
  test.setTimeout(180_000)
  await login(page, 'bg.staff@ponte.demo')
  const original = await pickOriginal(page)
  const duplicate = await registerTwice(page, original)
  const pairName = new RegExp(`^(${escape(original.name)} e ${escape(duplicate.name)}|${escape(duplicate.name)} e ${escape(original.name)})$`)

  // The review queue proposes the pair, with its reasons.
  await page.getByRole('navigation', { name: mainNavigation }).getByRole('link', { name: 'Possibili duplicati' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Possibili duplicati' })).toBeVisible()
  const card = page.getByRole('listitem', { name: pairName })
  const loadMore = page.getByRole('button', { name: 'Carica altre coppie' })
  await expect(page.getByRole('list', { name: 'Coppie di possibili duplicati' })).toBeVisible()
  while (!(await card.isVisible()) && (await loadMore.isVisible())) {
    await loadMore.click()
    await expect(loadMore.or(card).first()).toBeVisible()
  }
  await expect(card).toBeVisible()
  await expect(card.getByText(/Nome simile nello stesso comune/)).toBeVisible()
  await card.scrollIntoViewIfNeeded()
  await screenshot(page, 'duplicates-queue')
  await expectNoSeriousA11yViolations(page)

  // The merge screen: the older (demo) company survives; phone and e-mail come from the duplicate.
  await card.getByRole('link', { name: /^Unisci / }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Unisci aziende' })).toBeVisible()
  await page
    .getByRole('radiogroup', { name: 'Telefono' })
    .getByRole('radio', { name: `035 4455667 (valore di ${duplicate.name})` })
    .check()
  await page
    .getByRole('radiogroup', { name: 'Email' })
    .getByRole('radio', { name: `${duplicate.email} (valore di ${duplicate.name})` })
    .check()
  await expect(page.getByText(/La partita IVA resta quella dell'azienda che rimane/)).toBeVisible()
  await screenshot(page, 'duplicates-merge-screen')
  await expectNoSeriousA11yViolations(page)
  await page.getByRole('button', { name: 'Unisci le aziende' }).click()
  const confirm = page.getByRole('dialog', { name: 'Unire le due aziende?' })
  await confirm.getByRole('button', { name: 'Unisci', exact: true }).click()

  // The surviving company carries the chosen values; the duplicate is gone from the list.
  await expect(page.getByRole('heading', { level: 1, name: original.name })).toBeVisible()
  await expect(page.getByText(`«${duplicate.name}» è stata unita a «${original.name}».`)).toBeVisible()
  await expect(page.getByRole('link', { name: '035 4455667' })).toBeVisible()
  await expect(page.getByRole('link', { name: duplicate.email ?? '' })).toBeVisible()
  await screenshot(page, 'duplicates-survivor')
  const list = await page.request.get(`/api/companies?q=${encodeURIComponent(duplicate.name)}&limit=100`)
  const names = ((await list.json()) as { items: CompanyView[] }).items.map((c) => c.name)
  expect(names).toContain(original.name)
  expect(names).not.toContain(duplicate.name)

  // Undo from the history of merges, after a confirmation.
  await page.getByRole('navigation', { name: mainNavigation }).getByRole('link', { name: 'Possibili duplicati' }).click()
  await page.getByRole('tab', { name: 'Unioni recenti' }).click()
  const history = page.getByRole('table', { name: 'Unioni recenti' })
  await history.getByRole('button', { name: `Annulla unione: ${duplicate.name} in ${original.name}` }).click()
  await page.getByRole('dialog', { name: "Annullare l'unione?" }).getByRole('button', { name: 'Annulla unione' }).click()
  await expect(page.getByText(`Unione annullata: «${duplicate.name}» è di nuovo un'azienda a sé.`)).toBeVisible()
  await expect(history.getByText(/Annullata il/).first()).toBeVisible()
  await screenshot(page, 'duplicates-undone')
  await expectNoSeriousA11yViolations(page)

  // Both companies are back, the survivor as it was.
  await page.goto(`/companies/${original.id}`)
  await expect(page.getByRole('heading', { level: 1, name: original.name })).toBeVisible()
  await expect(page.getByRole('link', { name: original.phone ?? '' })).toBeVisible()
  await expect(page.getByText('Possibile duplicato')).toBeVisible()
  await screenshot(page, 'duplicates-notice')
  await page.goto(`/companies/${duplicate.id}`)
  await expect(page.getByRole('heading', { level: 1, name: duplicate.name })).toBeVisible()
  await expect(page.getByText(/Archiviata il/)).toHaveCount(0)

  // Staff of Antenna Brescia: no Bergamo pair in their queue.
  const brescia = await newSession()
  await login(brescia, 'bs.staff@ponte.demo')
  await brescia.goto('/companies/duplicates')
  await expect(brescia.getByRole('heading', { level: 1, name: 'Possibili duplicati' })).toBeVisible()
  await expect(brescia.getByRole('list', { name: 'Coppie di possibili duplicati' }).or(brescia.getByText('Nessun possibile duplicato'))).toBeVisible()
  await expect(brescia.getByRole('listitem', { name: pairName })).toHaveCount(0)
  await expect(brescia.getByText('Antenna Bergamo')).toHaveCount(0)
  const bsQueue = (await (await brescia.request.get('/api/companies/duplicates?limit=100')).json()) as {
    items: { companyA: { unitName: string }; companyB: { unitName: string } }[]
  }
  expect(bsQueue.items.filter((p) => p.companyA.unitName === 'Antenna Bergamo' || p.companyB.unitName === 'Antenna Bergamo')).toEqual([])
  await screenshot(brescia, 'duplicates-other-antenna')

  // Leave the demo data as found (other journeys count Bergamo's companies).
  expect((await page.request.post(`/api/companies/${duplicate.id}/archive`, { headers: csrf })).status()).toBe(200)
})

test('A company member signs in and sees only their company', async ({ page }) => {
  await login(page, 'titolare@meccanica-bergamasca.demo')
  await expect(page.getByRole('heading', { level: 1, name: /^Meccanica Bergamasca/ })).toBeVisible()
  await expect(page.getByRole('navigation', { name: mainNavigation }).getByRole('link', { name: 'La mia azienda' })).toBeVisible()
  await expect(page.getByRole('navigation', { name: mainNavigation }).getByRole('link', { name: 'Aziende', exact: true })).toHaveCount(0)
  await expect(page.getByRole('link', { name: 'Modifica' })).toHaveCount(0)
  await screenshot(page, 'company-member-home')
  await expectNoSeriousA11yViolations(page)
  const res = await page.request.get('/api/companies')
  expect(res.status()).toBe(200)
  const { items } = (await res.json()) as { items: CompanyView[] }
  expect(items.map((c) => c.name)).toEqual([expect.stringMatching(/^Meccanica Bergamasca/)])
})
