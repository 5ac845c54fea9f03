/**
 * The action catalogue over HTTP: everyone signed in reads it (built-in until an admin edits);
 * network admins publish edits as new versions, checked like the built-in catalogue, audited,
 * refused on a stale base version; edits change what roadmaps are drafted from.
 */
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildRootUnit, buildUnit, buildUser } from '../../../../tests/factories/identity.factory'
import { ApiClient, createTestApp, signedInClient, type TestApp } from '../../../../tests/support/test-app'
import { auditLog } from '../../audit/server/audit.table'
import type { RoadmapCatalogue, RoadmapCatalogueVersionList } from '../roadmap-catalogue.contract'
import { ACTION_CATALOGUE_2026_R1, draftRoadmap, type CatalogueAction } from '../roadmaps.reference'
import { loadActionCatalogue } from './roadmap-catalogue.service'

type ErrorBody = { error: { code: string; message: string; fields: { path: string; message: string }[] } }

let t: TestApp
let admin: ApiClient
let staff: ApiClient
let member: ApiClient

const backup = ACTION_CATALOGUE_2026_R1.actions.find((a) => a.id === 'offsite-backup') as CatalogueAction

beforeAll(async () => {
  t = await createTestApp()
  const db = t.deps.database.db
  const root = await buildRootUnit(db)
  const bg = await buildUnit(db, { parent: root, name: 'Antenna Bergamo' })
  admin = await signedInClient(t, (await buildUser(db, { name: 'Anna Admin', grants: [{ unit: root, role: 'network_admin' }] })).email)
  staff = await signedInClient(t, (await buildUser(db, { grants: [{ unit: bg, role: 'unit_staff' }] })).email)
  member = await signedInClient(t, (await buildUser(db, { grants: [{ unit: bg, role: 'company_member' }] })).email)
}, 120_000)

afterAll(async () => {
  await t.close()
})

describe('action catalogue', () => {
  it('serves the built-in version to anyone signed in while nothing was edited', async () => {
    for (const client of [admin, staff, member]) {
      const res = await client.get<RoadmapCatalogue>('/api/roadmaps/catalogue')
      expect(res.status).toBe(200)
      expect(res.body).toMatchObject({ id: '2026-r1', source: 'built-in', note: null, createdByName: null })
      expect(res.body.actions).toEqual(JSON.parse(JSON.stringify(ACTION_CATALOGUE_2026_R1.actions)))
    }
    const versions = await staff.get<RoadmapCatalogueVersionList>('/api/roadmaps/catalogue/versions')
    expect(versions.body.items).toEqual([{ id: '2026-r1', basedOn: null, source: 'built-in', actionId: null, note: null, createdAt: null, createdByName: null }])
    expect((await new ApiClient(t.app).get('/api/roadmaps/catalogue')).status).toBe(401)
  })

  it('refuses edits by anyone but a network admin', async () => {
    const body = { action: { ...backup, horizon: 'medium' }, note: 'Prova', baseVersion: '2026-r1' }
    for (const client of [staff, member]) {
      expect((await client.put('/api/roadmaps/catalogue/actions/offsite-backup', body)).status).toBe(403)
      expect((await client.post('/api/roadmaps/catalogue/actions', { ...body, action: { ...backup, id: 'nuova-azione' } })).status).toBe(403)
    }
  })

  it('publishes an admin edit as a new version, audited, used for new drafts', async () => {
    const changed = { ...backup, cost: { min: 800, max: 4000 }, title: { it: 'Backup fuori sede o in cloud, con prove di ripristino', en: backup.title.en } }
    const res = await admin.put<RoadmapCatalogue>('/api/roadmaps/catalogue/actions/offsite-backup', { action: changed, note: 'Costi aggiornati 2026', baseVersion: '2026-r1' })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body).toMatchObject({ id: '2026-r1.1', source: 'edited', note: 'Costi aggiornati 2026', createdByName: 'Anna Admin' })
    expect(res.body.actions.find((a) => a.id === 'offsite-backup')).toEqual(changed)
    expect(res.body.actions).toHaveLength(ACTION_CATALOGUE_2026_R1.actions.length)

    const [audit] = await t.deps.database.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'roadmap_catalogue_action'), eq(auditLog.entityId, 'offsite-backup')))
    expect(audit).toMatchObject({ action: 'update', before: { cost: { min: 500, max: 3000 } }, after: { cost: { min: 800, max: 4000 }, catalogueVersion: '2026-r1.1' } })

    const catalogue = await loadActionCatalogue(t.deps.database.db)
    const draft = draftRoadmap({ instrument: 'eu-dma-sme', answers: {}, catalogue })
    expect(draft.catalogueVersion).toBe('2026-r1.1')
    expect(draft.items.find((i) => i.actionId === 'offsite-backup')).toMatchObject({ title: changed.title, cost: changed.cost })

    const versions = await staff.get<RoadmapCatalogueVersionList>('/api/roadmaps/catalogue/versions')
    expect(versions.body.items.map((v) => [v.id, v.basedOn, v.actionId])).toEqual([
      ['2026-r1.1', '2026-r1', 'offsite-backup'],
      ['2026-r1', null, null],
    ])
  })

  it('refuses an edit made on a stale version (409), saying which version is current', async () => {
    const res = await admin.put<ErrorBody>('/api/roadmaps/catalogue/actions/offsite-backup', { action: backup, note: 'Vecchia base', baseVersion: '2026-r1' })
    expect(res.status).toBe(409)
    expect(res.body.error.message).toContain('2026-r1.1')
  })

  it('refuses an edit that breaks the catalogue checks, naming the problem', async () => {
    const broken = { ...backup, moves: { 'eu-dma-sme': [{ question: 'Q8', items: [9] }], 'eu-dma-pso': backup.moves['eu-dma-pso'] }, prerequisites: ['non-esiste'] }
    const res = await admin.put<ErrorBody>('/api/roadmaps/catalogue/actions/offsite-backup', { action: broken, note: 'Rotta', baseVersion: '2026-r1.1' })
    expect(res.status).toBe(400)
    expect(res.body.error.fields.map((f) => f.message)).toEqual(['offsite-backup eu-dma-sme Q8: item 9 is out of range 1-6', 'offsite-backup: prerequisite non-esiste does not exist'])
    const cycle = await admin.put<ErrorBody>('/api/roadmaps/catalogue/actions/offsite-backup', { action: { ...backup, prerequisites: ['data-integration'] }, note: 'Ciclo', baseVersion: '2026-r1.1' })
    expect(cycle.status).toBe(400)
    expect(cycle.body.error.fields.some((f) => /ordering cycle/.test(f.message))).toBe(true)
    // Zod catches shape errors before the checks.
    const shape = await admin.put<ErrorBody>('/api/roadmaps/catalogue/actions/offsite-backup', { action: { ...backup, horizon: 'forever' }, note: 'x', baseVersion: '2026-r1.1' })
    expect(shape.status).toBe(400)
    expect((await loadActionCatalogue(t.deps.database.db)).id).toBe('2026-r1.1')
  })

  it('refuses changing an id through PUT and an unknown action', async () => {
    const renamed = await admin.put<ErrorBody>('/api/roadmaps/catalogue/actions/offsite-backup', { action: { ...backup, id: 'backup-nuovo' }, note: 'x', baseVersion: '2026-r1.1' })
    expect(renamed.status).toBe(400)
    const missing = await admin.put<ErrorBody>('/api/roadmaps/catalogue/actions/non-esiste', { action: { ...backup, id: 'non-esiste' }, note: 'x', baseVersion: '2026-r1.1' })
    expect(missing.status).toBe(404)
  })

  it('adds an action as a new version, and refuses a duplicate id', async () => {
    const fresh: CatalogueAction = {
      ...backup,
      id: 'password-manager',
      title: { it: 'Gestore di password aziendale', en: 'Company password manager' },
      description: { it: 'Un gestore di password condiviso, con accessi per ruolo.', en: 'A shared password manager with role-based access.' },
      moves: { 'eu-dma-sme': [{ question: 'Q8', items: [2] }] },
      prerequisites: ['security-policy'],
      tags: ['security'],
      funding: ['voucher-digitali-pid'],
    }
    const res = await admin.post<RoadmapCatalogue>('/api/roadmaps/catalogue/actions', { action: fresh, note: 'Nuova azione', baseVersion: '2026-r1.1' })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    expect(res.body.id).toBe('2026-r1.2')
    expect(res.body.actions.at(-1)).toEqual(fresh)
    const again = await admin.post<ErrorBody>('/api/roadmaps/catalogue/actions', { action: fresh, note: 'Doppia', baseVersion: '2026-r1.2' })
    expect(again.status).toBe(409)
  })
})
