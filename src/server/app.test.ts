import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../tests/support/test-app'
import { TEST_DATABASE_KIND } from '../../tests/support/test-database'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(async () => {
  await t.close()
})

describe('platform routes', () => {
  it('reports health with the database kind, version and migrations', async () => {
    const res = await t.app.request('http://ponte.test/api/health')
    expect(res.status).toBe(200)
    const body = (await res.json()) as { status: string; database: string; version: string; migrations: { applied: number; expected: number } }
    expect(body.status).toBe('ok')
    expect(body.database).toBe(TEST_DATABASE_KIND)
    expect(body.version).toMatch(/^\d+\.\d+\.\d+/)
    expect(body.migrations.applied).toBe(body.migrations.expected)
  })

  it('serves an OpenAPI 3.1 document that documents every route with responses', async () => {
    const res = await t.app.request('http://ponte.test/api/openapi.json')
    const doc = (await res.json()) as { openapi: string; paths: Record<string, Record<string, { responses: Record<string, unknown>; summary?: string }>> }
    expect(doc.openapi).toBe('3.1.0')
    const ops = Object.values(doc.paths).flatMap((p) => Object.values(p))
    expect(ops.length).toBeGreaterThan(30)
    for (const op of ops) {
      expect(op.summary).toBeTruthy()
      expect(Object.keys(op.responses).some((s) => s.startsWith('2'))).toBe(true)
    }
  })

  it('validates the OpenAPI document against the 3.1 rules', async () => {
    const { validate } = await import('@readme/openapi-parser')
    const doc = await (await t.app.request('http://ponte.test/api/openapi.json')).json()
    const result = await validate(doc as never)
    expect(result.valid, JSON.stringify(result)).toBe(true)
  })

  it('matches the committed docs/openapi.json (run `npm run openapi` after changing a route)', async () => {
    const fs = await import('node:fs')
    const served = await (await t.app.request('http://ponte.test/api/openapi.json')).json()
    const committed = JSON.parse(fs.readFileSync(new URL('../../docs/openapi.json', import.meta.url), 'utf8')) as unknown
    expect(served).toEqual(committed)
  })

  it('serves the API reference page without any CDN', async () => {
    const res = await t.app.request('http://ponte.test/api/docs')
    const html = await res.text()
    expect(html).toContain('/api/docs/scalar.js')
    expect(html).not.toContain('cdn.jsdelivr')
    expect((await t.app.request('http://ponte.test/api/docs/scalar.js')).status).toBe(200)
  })

  it('answers an unknown API path with a JSON 404 in Italian', async () => {
    const res = await t.app.request('http://ponte.test/api/nowhere')
    expect(res.status).toBe(404)
    const body = (await res.json()) as { error: { message: string } }
    expect(body.error.message).toBe('Indirizzo API inesistente: /api/nowhere.')
  })

  it('puts a request id on every response', async () => {
    const res = await t.app.request('http://ponte.test/api/health')
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
  })
})
