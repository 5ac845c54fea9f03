import os from 'node:os'
import { defineConfig } from 'vitest/config'
import react from '@vitejs/plugin-react'

// Two projects: server-side tests run in Node against a real database (PGlite, or PostgreSQL when
// TEST_DATABASE_URL is set); web component tests run in jsdom. E2E journeys are Playwright's.
export default defineConfig({
  plugins: [react()],
  test: {
    // Vitest's default leaves one core idle (cores - 1): on the 2-core CI machine that is one
    // worker. Test files are mostly waiting on their own database, so use every core.
    maxWorkers: Math.max(2, os.availableParallelism()),
    projects: [
      {
        extends: true,
        test: {
          name: 'server',
          environment: 'node',
          include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
          exclude: ['tests/e2e/**', 'node_modules/**'],
          globalSetup: ['tests/support/global-setup.ts'],
          // Server test files share nothing but their worker's module cache: each opens its own
          // database and app (tests/support). Reusing the cache instead of importing the app graph
          // again per file cut the summed import time from ~230 s to ~20 s (CI budget).
          isolate: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
          env: { TZ: 'UTC', NODE_ENV: 'test', LOG_LEVEL: 'silent' },
        },
      },
      {
        extends: true,
        test: {
          name: 'web',
          environment: 'jsdom',
          include: ['src/**/*.test.tsx'],
          setupFiles: ['src/web/test-setup.ts'],
          // Pages render through the router and React Query; with every core busy (maxWorkers) a
          // user-event journey can take longer than Vitest's 5 s default.
          testTimeout: 45_000,
          env: { TZ: 'UTC' },
        },
      },
    ],
  },
})
