import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildCompany } from '../../../../tests/factories/companies.factory'
import { buildRootUnit, buildUnit, buildUser } from '../../../../tests/factories/identity.factory'
import { createTestApp, signedInClient, type ApiClient, type TestApp } from '../../../../tests/support/test-app'
import type { UnitRow } from '../../identity/server/identity.table'
import type { CompanyJourneyPage } from '../company-journey.contract'
import { recordCompanyActivity } from './company-activity.service'

let t: TestApp
let bg: UnitRow
let staffBg: ApiClient
let staffBs: ApiClient

beforeAll(async () => {
  t = await createTestApp()
  const db = t.deps.database.db
  const root = await buildRootUnit(db, { name: 'DIH Lombardia' })
  bg = await buildUnit(db, { parent: root, name: 'Antenna Bergamo' })
  const bs = await buildUnit(db, { parent: root, name: 'Antenna Brescia' })
  staffBg = await signedInClient(t, (await buildUser(db, { grants: [{ unit: bg, role: 'unit_staff' }] })).email)
  staffBs = await signedInClient(t, (await buildUser(db, { grants: [{ unit: bs, role: 'unit_staff' }] })).email)
}, 120_000)
afterAll(async () => {
  await t.close()
})

describe('GET /api/companies/{id}/journey', () => {
  it('lists every module’s evidence newest first, with the summaries the modules wrote', async () => {
    const company = await buildCompany(t.deps.database.db, { unit: bg })
    const call = await staffBg.post<{ id: string }>('/api/interactions', {
      companyId: company.id, kind: 'call', occurredAt: '2026-03-10T09:30:00.000Z', subject: 'Primo contatto',
    })
    expect(call.status).toBe(201)
    const roadmapId = randomUUID()
    await recordCompanyActivity(t.deps.database.db, {
      companyId: company.id, stage: 'roadmap', sourceType: 'roadmap', sourceId: roadmapId, occurredAt: new Date('2026-04-01T10:00:00Z'),
      summary: { key: 'roadmaps.journey.signed', params: { items: 7 }, href: `/roadmaps/${roadmapId}` },
    })
    // A module that reports without a summary (an older row) still shows, by its source type.
    await recordCompanyActivity(t.deps.database.db, {
      companyId: company.id, stage: 'assessed', sourceType: 'assessment', sourceId: randomUUID(), occurredAt: new Date('2026-03-20T10:00:00Z'),
    })

    const res = await staffBg.get<CompanyJourneyPage>(`/api/companies/${company.id}/journey`)
    expect(res.status).toBe(200)
    expect(res.body.items.map((e) => [e.sourceType, e.stage])).toEqual([
      ['roadmap', 'roadmap'],
      ['assessment', 'assessed'],
      ['interaction', 'contacted'],
    ])
    expect(res.body.items[0]?.summary).toEqual({ key: 'roadmaps.journey.signed', params: { items: 7 }, href: `/roadmaps/${roadmapId}` })
    expect(res.body.items[1]?.summary).toBeNull()
    expect(res.body.items[2]?.summary).toEqual({ key: 'interactions.journey.call', params: { subject: 'Primo contatto' }, href: null })
  })

  it('keeps a summary when a module updates its evidence without one, and pages by keyset', async () => {
    const company = await buildCompany(t.deps.database.db, { unit: bg })
    const db = t.deps.database.db
    const source = randomUUID()
    const summary = { key: 'projects.journey.opened', params: { title: 'ERP' }, href: null }
    await recordCompanyActivity(db, { companyId: company.id, stage: 'supported', sourceType: 'project', sourceId: source, occurredAt: new Date('2026-05-01T10:00:00Z'), summary })
    await recordCompanyActivity(db, { companyId: company.id, stage: 'supported', sourceType: 'project', sourceId: source, occurredAt: new Date('2026-05-02T10:00:00Z') })
    for (let day = 10; day < 13; day++) {
      await recordCompanyActivity(db, { companyId: company.id, stage: 'contacted', sourceType: 'interaction', sourceId: randomUUID(), occurredAt: new Date(`2026-01-${day}T10:00:00Z`) })
    }
    const first = await staffBg.get<CompanyJourneyPage>(`/api/companies/${company.id}/journey?limit=2`)
    expect(first.body.items[0]).toMatchObject({ sourceType: 'project', occurredAt: '2026-05-02T10:00:00.000Z', summary })
    expect(first.body.nextCursor).not.toBeNull()
    const rest = await staffBg.get<CompanyJourneyPage>(`/api/companies/${company.id}/journey?limit=2&cursor=${first.body.nextCursor}`)
    expect(rest.body.items.map((e) => e.occurredAt)).toEqual(['2026-01-11T10:00:00.000Z', '2026-01-10T10:00:00.000Z'])
    expect(rest.body.nextCursor).toBeNull()
  })

  it('is hidden from another antenna’s staff, and a forged cursor is a validation error', async () => {
    const company = await buildCompany(t.deps.database.db, { unit: bg })
    expect((await staffBs.get(`/api/companies/${company.id}/journey`)).status).toBe(404)
    expect((await staffBg.get(`/api/companies/${company.id}/journey?cursor=nope`)).status).toBe(400)
  })
})
