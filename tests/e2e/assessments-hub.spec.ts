import type { AssessmentDashboard } from '../../src/modules/assessments/assessments.contract'
import { expect, expectNoSeriousA11yViolations, login, screenshot, test } from './fixtures'

const integer = new Intl.NumberFormat('it-IT', { useGrouping: 'always' } as Intl.NumberFormatOptions)

test('Il responsabile di Bergamo apre Valutazioni: elenco, poi il cruscotto con grafici e variazioni T0 → T1', async ({ page }) => {
  test.setTimeout(120_000)
  await login(page, 'bg.manager@ponte.demo')
  await page.getByRole('link', { name: 'Valutazioni', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Valutazioni' })).toBeVisible()
  await expect(page).toHaveURL(/\/assessments$/)

  // The list: the antenna's assessments, newest first, each a link to its page.
  const list = page.getByRole('table', { name: 'Valutazioni della maturità digitale' })
  await expect(list).toBeVisible()
  const rows = list.getByRole('row')
  expect(await rows.count()).toBeGreaterThan(10)
  await expect(list.getByText('Convalidata').first()).toBeVisible()
  await screenshot(page, 'assessments-hub-list')
  await expectNoSeriousA11yViolations(page)

  // Filtered to the validated T1s.
  await page.getByRole('combobox', { name: 'Fase' }).selectOption('T1')
  await page.getByRole('combobox', { name: 'Stato' }).selectOption('validated')
  await expect(page).toHaveURL(/stage=T1/)
  await expect(list.getByRole('row').nth(1)).toContainText('T1')
  const first = list.getByRole('row').nth(1).getByRole('link')
  const company = (await first.textContent())?.trim() ?? ''

  // The dashboard, with the figures the API computes for this manager.
  const expected = (await (await page.request.get('/api/assessments/dashboard')).json()) as AssessmentDashboard
  expect(expected.counts.validated).toBeGreaterThan(0)
  expect(expected.deltas.companies).toBeGreaterThan(0)
  await page.getByRole('tab', { name: 'Cruscotto' }).click()
  await expect(page).toHaveURL(/tab=dashboard/)
  const kpi = page.getByText('Valutazioni convalidate', { exact: true }).locator('..')
  await expect(kpi).toContainText(integer.format(expected.counts.validated))
  for (const title of ['Valutazioni per mese', 'Valutazioni per fase', 'Valutazioni per modalità', 'Valutazioni per unità']) {
    const chart = page.getByRole('img', { name: `Grafico: ${title}. Gli stessi dati sono nella tabella «Mostra i dati del grafico».` })
    await expect(chart).toBeVisible()
    // ECharts drew it (SVG renderer).
    await expect(chart.locator('svg')).toBeVisible()
  }
  await expect(page.getByRole('img', { name: /Distribuzione dei punteggi per dimensione/ }).locator('svg')).toBeVisible()
  await screenshot(page, 'assessments-hub-dashboard')

  const distribution = page.getByRole('img', { name: /Distribuzione dei punteggi per dimensione/ })
  await distribution.scrollIntoViewIfNeeded()
  await screenshot(page, 'assessments-hub-distribution')

  // A chart's figures, for those who do not see it.
  await page.getByText('Mostra i dati del grafico').first().click()
  await expect(page.getByRole('table', { name: 'Valutazioni per mese' })).toBeVisible()

  const deltas = page.getByRole('table', { name: 'Variazioni T0 → T1 per azienda' })
  await deltas.scrollIntoViewIfNeeded()
  await expect(deltas.getByRole('row')).toHaveCount(Math.min(expected.deltas.companies, 20) + 1)
  const top = expected.deltas.items[0]
  if (!top) throw new Error('no deltas in the demo network')
  await expect(deltas.getByRole('row').nth(1).getByRole('link', { name: top.companyName })).toBeVisible()
  await screenshot(page, 'assessments-hub-deltas')
  await expectNoSeriousA11yViolations(page)

  // Back to the list: the filters stayed; a row opens its assessment.
  await page.getByRole('tab', { name: 'Elenco' }).click()
  await page.getByRole('link', { name: company }).first().click()
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(`^T1 — `) })).toBeVisible()
})
