import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildRootUnit, buildUnit, buildUser } from '../../../../tests/factories/identity.factory'
import { buildCompany } from '../../../../tests/factories/companies.factory'
import { createTestApp, signedInClient, type TestApp } from '../../../../tests/support/test-app'
import { LINK_MISSES } from './assessments.routes'

let t: TestApp
let token: string

beforeAll(async () => {
  t = await createTestApp()
  const db = t.deps.database.db
  const root = await buildRootUnit(db)
  const bg = await buildUnit(db, { parent: root })
  const staff = await signedInClient(t, (await buildUser(db, { grants: [{ unit: bg, role: 'unit_staff' }] })).email)
  const company = await buildCompany(db, { unit: bg })
  const created = await staff.post<{ id: string }>('/api/assessments', { companyId: company.id, stage: 'T0', mode: 'self' })
  await staff.post(`/api/assessments/${created.body.id}/links`, { email: 'titolare@example.test' })
  const mail = (await t.deps.database.db.query.mailMessages.findMany()).find((m) => m.to === 'titolare@example.test')
  token = /self-assessment\/([A-Za-z0-9_-]+)/.exec(mail?.text ?? '')?.[1] ?? ''
  expect(token).not.toBe('')
}, 60_000)
afterAll(async () => {
  await t.close()
})

const open = (tokenValue: string) => t.app.request(`http://ponte.test/api/assessment-links/${tokenValue}`, { headers: { 'accept-language': 'it' } })

describe('public self-assessment links are rate limited per address', () => {
  it('answers unknown tokens with 404 until the limit, then turns the address away, even with a real token', async () => {
    expect((await open(token)).status).toBe(200)
    for (let i = 0; i < LINK_MISSES.limit; i++) expect((await open(`non-esiste-${i}-xxxxxxxx`)).status).toBe(404)
    const refused = await open(`non-esiste-ultimo-xxxxxxxx`)
    expect(refused.status).toBe(429)
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/^Troppe richieste da questo indirizzo\. Riprova tra \d+ minuti\.$/)
    expect((await open(token)).status).toBe(429)
  })
})
