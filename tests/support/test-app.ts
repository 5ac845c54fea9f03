/**
 * An app over a fresh test database, with a controllable clock and an HTTP helper that behaves like
 * the web client (cookies, CSRF header, JSON).
 */
import pino from 'pino'
import { createApp } from '../../src/server/app'
import { buildDeps } from '../../src/server/boot'
import type { AppDeps } from '../../src/server/deps'
import { loadEnv } from '../../src/server/env'
import { createTestDatabase, type TestDatabase } from './test-database'

export interface TestClock {
  now: Date
  advance(ms: number): void
}

export interface TestApp {
  app: ReturnType<typeof createApp>
  deps: AppDeps
  clock: TestClock
  testDb: TestDatabase
  close(): Promise<void>
}

export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const testDb = await createTestDatabase({ contents: 'app' })
  const clock: TestClock = {
    now: new Date(),
    advance(ms) {
      this.now = new Date(this.now.getTime() + ms)
    },
  }
  const parsed = loadEnv({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PONTE_JOBS: 'off', PONTE_PUBLIC_URL: 'http://ponte.test', ...env })
  const deps = await buildDeps({ env: parsed, logger: pino({ level: 'silent' }), database: testDb.database, clock: () => clock.now })
  const app = createApp(deps)
  return {
    app,
    deps,
    clock,
    testDb,
    async close() {
      // Jobs a test's requests started (an import's duplicates refresh) finish before the database goes.
      await deps.jobs.drain()
      deps.mailer.close()
      await testDb.destroy()
    },
  }
}

export interface ApiResponse<T = unknown> {
  status: number
  body: T
  headers: Headers
}

/** A browser-like client: keeps the session cookie and sends the CSRF header on mutations. */
export class ApiClient {
  cookie = ''
  constructor(
    private readonly app: TestApp['app'],
    private readonly options: { bearer?: string; locale?: string; csrf?: boolean } = {},
  ) {}

  async request<T = unknown>(method: string, path: string, body?: unknown, extraHeaders: Record<string, string> = {}): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { 'accept-language': this.options.locale ?? 'it', ...extraHeaders }
    if (body !== undefined) headers['content-type'] = 'application/json'
    if (this.cookie) headers.cookie = this.cookie
    if (this.options.bearer) headers.authorization = `Bearer ${this.options.bearer}`
    if (this.options.csrf !== false && method !== 'GET') headers['x-ponte-csrf'] = '1'
    const res = await this.app.request(`http://ponte.test${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    for (const set of res.headers.getSetCookie()) {
      const [pair] = set.split(';')
      if (!pair) continue
      const [name] = pair.split('=')
      const others = this.cookie.split('; ').filter((c) => c && !c.startsWith(`${name}=`))
      this.cookie = (set.includes('Max-Age=0') ? others : [...others, pair]).join('; ')
    }
    const text = await res.text()
    let parsed: unknown = text
    try {
      parsed = text ? JSON.parse(text) : null
    } catch {
      // not JSON (HTML, empty): keep the text
    }
    return { status: res.status, body: parsed as T, headers: res.headers }
  }

  get<T = unknown>(path: string) {
    return this.request<T>('GET', path)
  }
  post<T = unknown>(path: string, body?: unknown) {
    return this.request<T>('POST', path, body ?? {})
  }
  patch<T = unknown>(path: string, body: unknown) {
    return this.request<T>('PATCH', path, body)
  }
  put<T = unknown>(path: string, body: unknown) {
    return this.request<T>('PUT', path, body)
  }
  delete<T = unknown>(path: string) {
    return this.request<T>('DELETE', path)
  }
}

export const TEST_PASSWORD = 'correct-horse-battery'

/** Signs in through the API and returns a client holding the session. */
export async function signedInClient(t: TestApp, email: string, password = TEST_PASSWORD, locale = 'it'): Promise<ApiClient> {
  const client = new ApiClient(t.app, { locale })
  const res = await client.post('/api/auth/sign-in', { email, password })
  if (res.status !== 200) throw new Error(`sign-in of ${email} failed: ${res.status} ${JSON.stringify(res.body)}`)
  return client
}
