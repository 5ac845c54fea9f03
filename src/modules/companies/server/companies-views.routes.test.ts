import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildCompany, nextVatNumber } from '../../../../tests/factories/companies.factory'
import { buildRootUnit, buildUnit, buildUser } from '../../../../tests/factories/identity.factory'
import { createTestApp, signedInClient, type ApiClient, type TestApp } from '../../../../tests/support/test-app'
import type { UnitRow } from '../../identity/server/identity.table'
import type { Company, CompanyBulkResult, CustomFieldDefinition, SavedView } from '../companies.contract'

type ErrorBody = { error: { code: string; message: string; details: Record<string, unknown>; fields: { path: string; message: string }[] } }
type Page = { items: Company[]; total: number }
type AuditPage = { items: { action: string; entityId: string; changedFields: string[] }[] }

let t: TestApp
let root: UnitRow
let bg: UnitRow
let bs: UnitRow
let admin: ApiClient
let staffBg: ApiClient
let staffBg2: ApiClient
let managerBg: ApiClient
let staffBs: ApiClient
let hubStaff: ApiClient

beforeAll(async () => {
  t = await createTestApp()
  const db = t.deps.database.db
  root = await buildRootUnit(db, { name: 'DIH Lombardia' })
  bg = await buildUnit(db, { parent: root, name: 'Antenna Bergamo', provinceCode: 'BG' })
  bs = await buildUnit(db, { parent: root, name: 'Antenna Brescia', provinceCode: 'BS' })
  const client = async (unit: UnitRow, role: 'network_admin' | 'unit_manager' | 'unit_staff') =>
    signedInClient(t, (await buildUser(db, { grants: [{ unit, role }] })).email)
  admin = await client(root, 'network_admin')
  staffBg = await client(bg, 'unit_staff')
  staffBg2 = await client(bg, 'unit_staff')
  managerBg = await client(bg, 'unit_manager')
  staffBs = await client(bs, 'unit_staff')
  hubStaff = await client(root, 'unit_staff')
}, 120_000)
afterAll(async () => {
  await t.close()
})

const err = (body: unknown) => (body as ErrorBody).error
const createCompany = (client: ApiClient, body: Record<string, unknown>) =>
  client.post<Company>('/api/companies', { unitId: bg.id, vatNumber: nextVatNumber(), name: 'Azienda', ...body })

describe('custom fields', () => {
  let sector: CustomFieldDefinition
  beforeAll(async () => {
    const defs = [
      { key: 'settore_cliente', labelIt: 'Settore cliente', labelEn: 'Client sector', type: 'select', options: [
        { value: 'automotive', it: 'Automotive', en: 'Automotive' },
        { value: 'aerospazio', it: 'Aerospazio', en: 'Aerospace' },
      ] },
      { key: 'certificazioni', labelIt: 'Certificazioni', labelEn: 'Certifications', type: 'multi_select', options: [
        { value: 'iso9001', it: 'ISO 9001', en: 'ISO 9001' },
        { value: 'iso14001', it: 'ISO 14001', en: 'ISO 14001' },
      ] },
      { key: 'addetti_it', labelIt: 'Addetti IT', labelEn: 'IT staff', type: 'number' },
      { key: 'ultimo_audit', labelIt: 'Ultimo audit', labelEn: 'Last audit', type: 'date' },
      { key: 'referente', labelIt: 'Referente', labelEn: 'Contact person', type: 'text' },
    ]
    for (const def of defs) {
      const res = await admin.post<CustomFieldDefinition>('/api/companies/custom-fields', def)
      expect(res.status, JSON.stringify(res.body)).toBe(201)
      if (def.key === 'settore_cliente') sector = res.body
    }
  })

  it('lets only network admins define fields, and everyone who works with companies read them', async () => {
    const body = { key: 'intrusa', labelIt: 'Intrusa', labelEn: 'Intruder', type: 'text' }
    expect((await managerBg.post('/api/companies/custom-fields', body)).status).toBe(403)
    expect((await staffBg.post('/api/companies/custom-fields', body)).status).toBe(403)
    expect((await staffBg.patch(`/api/companies/custom-fields/${sector.id}`, { labelIt: 'X' })).status).toBe(403)
    expect((await staffBg.post(`/api/companies/custom-fields/${sector.id}/archive`)).status).toBe(403)
    const viewer = await signedInClient(t, (await buildUser(t.deps.database.db, { grants: [{ unit: bg, role: 'viewer' }] })).email)
    expect((await viewer.get('/api/companies/custom-fields')).status).toBe(403)
    const member = await signedInClient(t, (await buildUser(t.deps.database.db, { grants: [{ unit: bg, role: 'company_member' }] })).email)
    expect((await member.get('/api/companies/custom-fields')).status).toBe(200)
    const list = await staffBs.get<{ items: CustomFieldDefinition[] }>('/api/companies/custom-fields')
    expect(list.status).toBe(200)
    expect(list.body.items.map((d) => d.key)).toEqual(['settore_cliente', 'certificazioni', 'addetti_it', 'ultimo_audit', 'referente'])
  })

  it('refuses a taken key, a bad key and a select without options', async () => {
    const taken = await admin.post('/api/companies/custom-fields', { key: 'referente', labelIt: 'R', labelEn: 'R', type: 'text' })
    expect(taken.status).toBe(409)
    const badKey = await admin.post('/api/companies/custom-fields', { key: 'Con Spazi', labelIt: 'R', labelEn: 'R', type: 'text' })
    expect(badKey.status).toBe(400)
    expect(err(badKey.body).fields[0]).toMatchObject({ path: 'key', message: expect.stringMatching(/minuscole/) })
    const noOptions = await admin.post('/api/companies/custom-fields', { key: 'vuoto', labelIt: 'V', labelEn: 'V', type: 'select' })
    expect(noOptions.status).toBe(400)
    expect(err(noOptions.body).fields[0]?.path).toBe('options')
  })

  it('stores valid values on a company and returns them', async () => {
    const res = await createCompany(staffBg, {
      name: 'Valori Validi S.r.l.',
      customFields: { settore_cliente: 'automotive', certificazioni: ['iso9001', 'iso9001'], addetti_it: 3, ultimo_audit: '2026-03-31', referente: '  Anna  ' },
    })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    expect(res.body.customFields).toEqual({ settore_cliente: 'automotive', certificazioni: ['iso9001'], addetti_it: 3, ultimo_audit: '2026-03-31', referente: 'Anna' })
    // A PATCH changes only the keys it names; null clears one.
    const patched = await staffBg.patch<Company>(`/api/companies/${res.body.id}`, { customFields: { addetti_it: 5, referente: null } })
    expect(patched.status).toBe(200)
    expect(patched.body.customFields).toEqual({ settore_cliente: 'automotive', certificazioni: ['iso9001'], addetti_it: 5, ultimo_audit: '2026-03-31' })
  })

  it('refuses unknown keys, wrong types and options that do not exist, each on its field, in Italian and English', async () => {
    const res = await createCompany(staffBg, {
      customFields: { sconosciuto: 'x', settore_cliente: 'navale', certificazioni: 'iso9001', addetti_it: 'tre', ultimo_audit: '2026-02-30' },
    })
    expect(res.status).toBe(400)
    const fields = Object.fromEntries(err(res.body).fields.map((f) => [f.path, f.message]))
    expect(fields).toEqual({
      'customFields.sconosciuto': 'Campo personalizzato sconosciuto o archiviato.',
      'customFields.settore_cliente': 'Scegli una delle opzioni previste.',
      'customFields.certificazioni': 'Scegli solo tra le opzioni previste.',
      'customFields.addetti_it': 'Indica un numero.',
      'customFields.ultimo_audit': 'Indica una data nel formato AAAA-MM-GG.',
    })
    const english = await signedInClient(t, (await buildUser(t.deps.database.db, { locale: 'en', grants: [{ unit: bg, role: 'unit_staff' }] })).email, undefined, 'en')
    const en = await createCompany(english, { customFields: { settore_cliente: 'navale' } })
    expect(err(en.body).fields[0]).toEqual({ path: 'customFields.settore_cliente', message: 'Choose one of the options.' })
  })

  it('filters the list by custom fields (cf), and rejects a filter on an unknown field', async () => {
    const a = await createCompany(staffBg, { name: 'Filtro Alfa', customFields: { settore_cliente: 'aerospazio', certificazioni: ['iso14001'], addetti_it: 10, referente: 'Bruno' } })
    const b = await createCompany(staffBg, { name: 'Filtro Beta', customFields: { settore_cliente: 'automotive', certificazioni: ['iso9001', 'iso14001'], addetti_it: 1, ultimo_audit: '2025-01-10' } })
    const names = async (cf: unknown) => {
      const res = await staffBg.get<Page>(`/api/companies?q=filtro&cf=${encodeURIComponent(JSON.stringify(cf))}`)
      expect(res.status, JSON.stringify(res.body)).toBe(200)
      return res.body.items.map((c) => c.name).sort()
    }
    expect(a.status).toBe(201)
    expect(b.status).toBe(201)
    expect(await names({ settore_cliente: 'aerospazio' })).toEqual(['Filtro Alfa'])
    expect(await names({ settore_cliente: ['aerospazio', 'automotive'] })).toEqual(['Filtro Alfa', 'Filtro Beta'])
    expect(await names({ certificazioni: 'iso9001' })).toEqual(['Filtro Beta'])
    expect(await names({ certificazioni: ['iso14001'] })).toEqual(['Filtro Alfa', 'Filtro Beta'])
    expect(await names({ addetti_it: { min: 5 } })).toEqual(['Filtro Alfa'])
    expect(await names({ ultimo_audit: { from: '2025-01-01', to: '2025-12-31' } })).toEqual(['Filtro Beta'])
    expect(await names({ referente: 'bruno' })).toEqual(['Filtro Alfa'])
    const unknown = await staffBg.get(`/api/companies?cf=${encodeURIComponent('{"nessuno":"x"}')}`)
    expect(unknown.status).toBe(400)
    expect(err(unknown.body).fields[0]?.path).toBe('cf.nessuno')
    const notJson = await staffBg.get('/api/companies?cf=%7Bnot-json')
    expect(notJson.status).toBe(400)
  })

  it('keeps an option in use, archives a field (hidden from writes, values kept) and audits the changes', async () => {
    const inUse = await admin.patch(`/api/companies/custom-fields/${sector.id}`, { options: [{ value: 'automotive', it: 'Automotive', en: 'Automotive' }] })
    expect(inUse.status).toBe(409)
    const relabelled = await admin.patch<CustomFieldDefinition>(`/api/companies/custom-fields/${sector.id}`, { labelIt: 'Settore del cliente' })
    expect(relabelled.body.labelIt).toBe('Settore del cliente')
    const holder = (await createCompany(staffBg, { name: 'Con Settore', customFields: { settore_cliente: 'automotive' } })).body
    const archived = await admin.post<CustomFieldDefinition>(`/api/companies/custom-fields/${sector.id}/archive`)
    expect(archived.status).toBe(200)
    expect(archived.body.archivedAt).not.toBeNull()
    const list = await staffBg.get<{ items: CustomFieldDefinition[] }>('/api/companies/custom-fields')
    expect(list.body.items.map((d) => d.key)).not.toContain('settore_cliente')
    const write = await createCompany(staffBg, { customFields: { settore_cliente: 'automotive' } })
    expect(write.status).toBe(400)
    // A form sends back the stored value of an archived field unchanged: that is no write, and it stays.
    const resent = await staffBg.patch<Company>(`/api/companies/${holder.id}`, { customFields: { settore_cliente: 'automotive', addetti_it: 2 } })
    expect(resent.status, JSON.stringify(resent.body)).toBe(200)
    expect(resent.body.customFields).toEqual({ settore_cliente: 'automotive', addetti_it: 2 })
    const changed = await staffBg.patch(`/api/companies/${holder.id}`, { customFields: { settore_cliente: 'aerospazio' } })
    expect(changed.status).toBe(400)
    expect((await admin.post(`/api/companies/custom-fields/${sector.id}/restore`)).status).toBe(200)
    const audit = await admin.get<AuditPage>(`/api/audit?entityType=custom_field&entityId=${sector.id}`)
    expect(audit.body.items.map((e) => e.action)).toEqual(['restore', 'archive', 'update', 'create'])
  })
})

describe('list filters', () => {
  it('filters by any of several tags and by ATECO division', async () => {
    await createCompany(staffBg, { name: 'Divisione Venticinque', atecoCode: '25.62.00', tags: ['export'] })
    await createCompany(staffBg, { name: 'Divisione Ventotto', atecoCode: '28.41.00', tags: ['fiera'] })
    await createCompany(staffBg, { name: 'Divisione Dieci', atecoCode: '10.11.00' })
    const names = async (query: string) =>
      (await staffBg.get<Page>(`/api/companies?q=divisione&${query}`)).body.items.map((c) => c.name).sort()
    expect(await names('atecoDivision=25,28')).toEqual(['Divisione Ventotto', 'Divisione Venticinque'].sort())
    expect(await names('atecoDivision=10')).toEqual(['Divisione Dieci'])
    expect(await names('tags=export,fiera')).toEqual(['Divisione Ventotto', 'Divisione Venticinque'].sort())
    expect((await staffBg.get('/api/companies?atecoDivision=2')).status).toBe(400)
  })
})

describe('saved views', () => {
  const query = { filters: { q: 'meccanica', size: ['small'] }, columns: ['name', 'size'] }

  it('keeps a personal view to its owner', async () => {
    const created = await staffBg.post<SavedView>('/api/companies/views', { name: 'Le mie', query })
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({ name: 'Le mie', sharedUnitId: null, isOwner: true, can: { update: true, delete: true }, query })
    const other = await staffBg2.get<{ items: SavedView[] }>('/api/companies/views')
    expect(other.body.items.map((v) => v.id)).not.toContain(created.body.id)
    expect((await staffBg2.patch(`/api/companies/views/${created.body.id}`, { name: 'Mia' })).status).toBe(404)
    expect((await managerBg.delete(`/api/companies/views/${created.body.id}`)).status).toBe(404)
  })

  it('shows a view shared with antenna A to A and hub staff, never to antenna B', async () => {
    const shared = await staffBg.post<SavedView>('/api/companies/views', { name: 'Meccaniche piccole', sharedUnitId: bg.id, query })
    expect(shared.status).toBe(201)
    expect(shared.body.sharedUnitName).toBe('Antenna Bergamo')
    const seen = async (client: ApiClient) => (await client.get<{ items: SavedView[] }>('/api/companies/views')).body.items.map((v) => v.id)
    expect(await seen(staffBg2)).toContain(shared.body.id)
    expect(await seen(managerBg)).toContain(shared.body.id)
    expect(await seen(hubStaff)).toContain(shared.body.id)
    expect(await seen(staffBs)).not.toContain(shared.body.id)
    expect((await staffBs.patch(`/api/companies/views/${shared.body.id}`, { name: 'Presa' })).status).toBe(404)
    expect((await staffBs.delete(`/api/companies/views/${shared.body.id}`)).status).toBe(404)

    // Another member of the unit sees it but may not change it; the unit's manager may.
    const colleague = (await staffBg2.get<{ items: SavedView[] }>('/api/companies/views')).body.items.find((v) => v.id === shared.body.id)
    expect(colleague).toMatchObject({ isOwner: false, can: { update: false, delete: false } })
    expect((await staffBg2.patch(`/api/companies/views/${shared.body.id}`, { name: 'Mia' })).status).toBe(403)
    const renamed = await managerBg.patch<SavedView>(`/api/companies/views/${shared.body.id}`, { name: 'Meccaniche piccole BG' })
    expect(renamed.status).toBe(200)
    expect(renamed.body.name).toBe('Meccaniche piccole BG')
    expect((await managerBg.delete(`/api/companies/views/${shared.body.id}`)).status).toBe(204)
    expect(await seen(staffBg)).not.toContain(shared.body.id)
    const audit = await admin.get<AuditPage>(`/api/audit?entityType=saved_view&entityId=${shared.body.id}`)
    expect(audit.body.items.map((e) => e.action)).toEqual(['delete', 'update', 'create'])
  })

  it('refuses to share with a unit the caller does not work in', async () => {
    const res = await staffBg.post('/api/companies/views', { name: 'Altrui', sharedUnitId: bs.id, query })
    expect(res.status).toBe(404)
    const own = await staffBg.post<SavedView>('/api/companies/views', { name: 'Spostata', query })
    expect((await staffBg.patch(`/api/companies/views/${own.body.id}`, { sharedUnitId: bs.id })).status).toBe(404)
  })
})

describe('bulk actions', () => {
  it('adds and removes a tag on every selected company, auditing each change', async () => {
    const a = (await createCompany(staffBg, { name: 'Bulk Uno', tags: ['export'] })).body
    const b = (await createCompany(staffBg, { name: 'Bulk Due', tags: ['Industria 4.0'] })).body
    const added = await staffBg.post<CompanyBulkResult>('/api/companies/bulk', { ids: [a.id, b.id], action: 'addTag', tag: 'Industria 4.0' })
    expect(added.status).toBe(200)
    expect(added.body).toEqual({ updated: 1, unchanged: 1 })
    expect((await staffBg.get<Company>(`/api/companies/${a.id}`)).body.tags).toEqual(['export', 'Industria 4.0'])
    // Tags are searchable: the search text follows.
    const found = await staffBg.get<Page>(`/api/companies?q=${encodeURIComponent('bulk')}&tags=${encodeURIComponent('Industria 4.0')}`)
    expect(found.body.items.map((c) => c.name).sort()).toEqual(['Bulk Due', 'Bulk Uno'])
    const audit = await admin.get<AuditPage>(`/api/audit?entityType=company&entityId=${a.id}`)
    expect(audit.body.items[0]).toMatchObject({ action: 'update', changedFields: expect.arrayContaining(['tags']) })
    expect((await admin.get<AuditPage>(`/api/audit?entityType=company&entityId=${b.id}`)).body.items.map((e) => e.action)).toEqual(['create'])

    const removed = await staffBg.post<CompanyBulkResult>('/api/companies/bulk', { ids: [a.id, b.id], action: 'removeTag', tag: 'Industria 4.0' })
    expect(removed.body).toEqual({ updated: 2, unchanged: 0 })
    expect((await staffBg.get<Company>(`/api/companies/${b.id}`)).body.tags).toEqual([])
  })

  it('changes nothing when some companies are not the caller’s, and says how many', async () => {
    const mine = (await createCompany(staffBg, { name: 'Bulk Mia' })).body
    const theirs = await buildCompany(t.deps.database.db, { unit: bs, name: 'Bulk Altrui' })
    const res = await staffBg.post('/api/companies/bulk', { ids: [mine.id, theirs.id], action: 'addTag', tag: 'intrusa' })
    expect(res.status).toBe(403)
    expect(err(res.body)).toMatchObject({ code: 'FORBIDDEN', details: { count: 1, total: 2 } })
    expect(err(res.body).message).toBe('Non puoi modificare 1 delle 2 aziende selezionate: nessuna modifica è stata applicata.')
    expect((await staffBg.get<Company>(`/api/companies/${mine.id}`)).body.tags).toEqual([])
  })

  it('moves companies to a unit the caller can write, and only there', async () => {
    const c = (await createCompany(hubStaff, { name: 'Bulk Trasloco' })).body
    expect((await hubStaff.post('/api/companies/bulk', { ids: [c.id], action: 'assignUnit', unitId: bs.id })).body).toEqual({ updated: 1, unchanged: 0 })
    expect((await staffBs.get<Company>(`/api/companies/${c.id}`)).body.unitName).toBe('Antenna Brescia')
    expect((await staffBg.get(`/api/companies/${c.id}`)).status).toBe(404)
    // Brescia staff may not move a company into Bergamo.
    const refused = await staffBs.post('/api/companies/bulk', { ids: [c.id], action: 'assignUnit', unitId: bg.id })
    expect(refused.status).toBe(404)
  })

  it('asks for the tag or the unit the action needs, and caps the selection', async () => {
    const noTag = await staffBg.post('/api/companies/bulk', { ids: [bg.id], action: 'addTag' })
    expect(noTag.status).toBe(400)
    expect(err(noTag.body).fields[0]?.path).toBe('tag')
    const ids = Array.from({ length: 1001 }, () => bg.id)
    expect((await staffBg.post('/api/companies/bulk', { ids, action: 'addTag', tag: 'x' })).status).toBe(400)
  })
})
