import { defineConfig } from '@playwright/test'

// E2E journeys (HOUSE_STYLE "Tests"): the real app, started by the global setup on a throwaway data
// directory with the demo network, mail caught by a local SMTP server, driven in the system Chromium.
// Browsers are never downloaded: Debian's chromium (CHROMIUM_PATH to use another).
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '*.spec.ts',
  globalSetup: './tests/e2e/global-setup.ts',
  outputDir: `${process.env.PONTE_E2E_DIR ?? '.tmp/e2e'}/test-results`,
  // One app, one database: journeys run one at a time.
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  // A retried pass hides a bug; npm test would count it as a failure anyway.
  retries: 0,
  timeout: 90_000,
  globalTimeout: 10 * 60_000,
  expect: { timeout: 15_000 },
  reporter: [
    ['list'],
    // scripts/test-all.mjs reads the counts from here.
    ['json', { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_FILE ?? '.tmp/playwright.json' }],
  ],
  use: {
    browserName: 'chromium',
    viewport: { width: 1280, height: 800 },
    locale: 'it-IT',
    timezoneId: 'Europe/Rome',
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
})
