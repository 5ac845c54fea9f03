/**
 * What every journey uses (HOUSE_STYLE: e2e fixtures `login()`, `navigate()`): the app's base URL
 * from the global setup, signing in through the real form, reading the mail the app sent, an axe
 * accessibility check, and screenshots of key steps under `.tmp/e2e/screenshots/`.
 */
import fs from 'node:fs'
import path from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import { test as base, expect, type BrowserContext, type Page, type TestInfo } from '@playwright/test'
import { MAIL_DIR, ROOT, SCREENSHOT_DIR, SERVER_STATE_FILE, type ServerState } from './e2e-paths'

export { expect }

function readServerState(): ServerState {
  return JSON.parse(fs.readFileSync(SERVER_STATE_FILE, 'utf8')) as ServerState
}

/**
 * Errors in the page (uncaught, or logged by React's error boundary) are printed and annotated on the
 * test, so a broken screen explains itself. HTTP errors the app handles (a 401 before sign-in) are not.
 */
function reportPageErrors(page: Page, testInfo: TestInfo) {
  const report = (message: string) => {
    const description = `${page.url()}: ${message.split('\n').slice(0, 3).join(' | ')}`
    console.log(`[page error] ${description}`)
    testInfo.annotations.push({ type: 'page error', description })
  }
  page.on('pageerror', (error) => report(error.message))
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) report(message.text())
  })
}

interface JourneyFixtures {
  /** A fresh browser session (own cookies), for journeys with several people; closed after the test. */
  newSession: () => Promise<Page>
}

export const test = base.extend<JourneyFixtures>({
  // The app runs on a free port chosen by the global setup.
  // eslint-disable-next-line no-empty-pattern
  baseURL: async ({}, use) => {
    await use(process.env.PONTE_E2E_BASE_URL ?? readServerState().baseURL)
  },
  page: async ({ page }, use, testInfo) => {
    reportPageErrors(page, testInfo)
    await use(page)
  },
  newSession: async ({ browser, baseURL, locale, viewport, timezoneId }, use, testInfo) => {
    const contexts: BrowserContext[] = []
    await use(async () => {
      const context = await browser.newContext({ baseURL, locale, viewport, timezoneId })
      contexts.push(context)
      const page = await context.newPage()
      reportPageErrors(page, testInfo)
      return page
    })
    for (const context of contexts) await context.close()
  },
})

export const DEMO_PASSWORD = 'ponte-demo'

/** Signs in through the login form, as a person would, and waits for the signed-in layout. */
export async function login(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login')
  await expect(page.getByRole('heading', { level: 1, name: 'Accedi a Ponte' })).toBeVisible()
  // Role + exact name: the visible labels carry a required-field asterisk, the accessible names do not.
  await page.getByRole('textbox', { name: 'Email', exact: true }).fill(email)
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(password)
  await page.getByRole('button', { name: 'Accedi', exact: true }).click()
  await expect(page.getByRole('button', { name: /menu utente|user menu/i })).toBeVisible()
}

/** Signs out through the user menu and waits for the login page. */
export async function logout(page: Page): Promise<void> {
  await page.getByRole('button', { name: /menu utente|user menu/i }).click()
  await page.getByRole('menuitem', { name: /^(esci|sign out)$/i }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Accedi a Ponte' })).toBeVisible()
}

export interface CaughtMail {
  to: string
  subject: string
  text: string
}

/** Waits for a message to `to` caught by the test SMTP server; the newest when there are several. */
export async function readMail(to: string, options: { timeoutMs?: number } = {}): Promise<CaughtMail> {
  const deadline = Date.now() + (options.timeoutMs ?? 20_000)
  const address = to.toLowerCase()
  while (Date.now() < deadline) {
    const files = fs.existsSync(MAIL_DIR) ? fs.readdirSync(MAIL_DIR).filter((f) => f.endsWith('.json')) : []
    const matching = files
      .map((f) => ({ n: Number.parseInt(f, 10), mail: JSON.parse(fs.readFileSync(path.join(MAIL_DIR, f), 'utf8')) as CaughtMail }))
      .filter(({ mail }) => mail.to.split(', ').includes(address))
      .sort((a, b) => b.n - a.n)
    if (matching[0]) return matching[0].mail
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`no mail to ${to} arrived within ${options.timeoutMs ?? 20_000} ms (looked in ${MAIL_DIR})`)
}

/** The first http(s) link in a text mail. */
export function firstLink(text: string): string {
  const match = /https?:\/\/\S+/.exec(text)
  if (!match) throw new Error(`no link in mail:\n${text}`)
  return match[0].replace(/[).,>]+$/, '')
}

/**
 * Runs axe on the page as it is now; fails the test on any serious or critical violation (WCAG 2.1
 * AA rules). A soft assertion: the journey goes on, so one run reports the violations of every page.
 */
export async function expectNoSeriousA11yViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze()
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      rule: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target.join(' '), html: n.html.slice(0, 200), why: n.failureSummary })),
    }))
  expect.soft(serious, `accessibility violations on ${page.url()}`).toEqual([])
}

/** Saves a screenshot of a key step to `.tmp/e2e/screenshots/<name>.png` (and optionally to a docs path). */
export async function screenshot(page: Page, name: string, options: { alsoTo?: string } = {}): Promise<void> {
  const file = path.join(SCREENSHOT_DIR, `${name}.png`)
  await page.screenshot({ path: file })
  if (options.alsoTo) {
    const target = path.join(ROOT, options.alsoTo)
    fs.mkdirSync(path.dirname(target), { recursive: true })
    fs.copyFileSync(file, target)
  }
}
