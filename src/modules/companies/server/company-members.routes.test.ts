import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildRootUnit, buildUnit, buildUser, type BuiltUser } from '../../../../tests/factories/identity.factory'
import { buildCompany } from '../../../../tests/factories/companies.factory'
import { createTestApp, signedInClient, type ApiClient, type TestApp } from '../../../../tests/support/test-app'
import type { UnitRow } from '../../identity/server/identity.table'
import type { Company } from '../companies.contract'
import type { CompanyMember } from '../company-duplicates.contract'
import type { CompanyRow } from './companies.table'

type Page = { items: Company[]; total: number }
type Members = { items: CompanyMember[]; can: { manage: boolean } }

let t: TestApp
let bg: UnitRow
let bs: UnitRow
let staffBg: ApiClient
let staffBs: ApiClient
let titolare: BuiltUser
let mine: CompanyRow
let neighbour: CompanyRow

beforeAll(async () => {
  t = await createTestApp()
  const db = t.deps.database.db
  const root = await buildRootUnit(db, { name: 'DIH Lombardia' })
  bg = await buildUnit(db, { parent: root, name: 'Antenna Bergamo', provinceCode: 'BG' })
  bs = await buildUnit(db, { parent: root, name: 'Antenna Brescia', provinceCode: 'BS' })
  staffBg = await signedInClient(t, (await buildUser(db, { grants: [{ unit: bg, role: 'unit_staff' }] })).email)
  staffBs = await signedInClient(t, (await buildUser(db, { grants: [{ unit: bs, role: 'unit_staff' }] })).email)
  titolare = await buildUser(db, { name: 'Pietro Locatelli', grants: [{ unit: bg, role: 'company_member' }] })
  mine = await buildCompany(db, { unit: bg, name: 'Meccanica Bergamasca S.r.l.' })
  neighbour = await buildCompany(db, { unit: bg, name: 'Tessitura Vicina' })
}, 120_000)
afterAll(async () => {
  await t.close()
})

describe('company members', () => {
  it('shows a company member with no linked company an empty list', async () => {
    const client = await signedInClient(t, titolare.email)
    const res = await client.get<Page>('/api/companies')
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ items: [], total: 0 })
    expect((await client.get(`/api/companies/${mine.id}`)).status).toBe(404)
  })

  it('lets the company’s staff link a user holding the company member role', async () => {
    const res = await staffBg.post<CompanyMember>(`/api/companies/${mine.id}/members`, { userId: titolare.id })
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({ userId: titolare.id, name: 'Pietro Locatelli', email: titolare.email })
    const list = await staffBg.get<Members>(`/api/companies/${mine.id}/members`)
    expect(list.body).toMatchObject({ items: [{ userId: titolare.id }], can: { manage: true } })
    expect((await staffBg.post(`/api/companies/${mine.id}/members`, { userId: titolare.id })).status).toBe(409)
  })

  it('shows a company member exactly their company, read-only', async () => {
    const client = await signedInClient(t, titolare.email)
    const list = await client.get<Page>('/api/companies')
    expect(list.status).toBe(200)
    expect(list.body.items.map((c) => c.id)).toEqual([mine.id])
    expect(list.body.total).toBe(1)
    const one = await client.get<Company>(`/api/companies/${mine.id}`)
    expect(one.status).toBe(200)
    expect(one.body.can.update).toBe(false)
    expect((await client.get(`/api/companies/${neighbour.id}`)).status).toBe(404)
    expect((await client.patch(`/api/companies/${mine.id}`, { name: 'Cambiata' })).status).toBe(403)
    expect((await client.post(`/api/companies/${mine.id}/archive`)).status).toBe(403)
    expect((await client.get(`/api/companies/${mine.id}/members`)).status).toBe(403)
    expect((await client.get('/api/companies/duplicates')).status).toBe(403)
  })

  it('refuses to link a user who is not a company member of the company’s unit', async () => {
    const staffUser = await buildUser(t.deps.database.db, { grants: [{ unit: bg, role: 'unit_staff' }] })
    const other = await buildUser(t.deps.database.db, { grants: [{ unit: bs, role: 'company_member' }] })
    for (const userId of [staffUser.id, other.id]) {
      const res = await staffBg.post<{ error: { fields: { path: string }[] } }>(`/api/companies/${mine.id}/members`, { userId })
      expect(res.status).toBe(400)
      expect(res.body.error.fields[0]?.path).toBe('userId')
    }
  })

  it('keeps another antenna’s staff from seeing or changing the members', async () => {
    expect((await staffBs.get(`/api/companies/${mine.id}/members`)).status).toBe(404)
    expect((await staffBs.post(`/api/companies/${mine.id}/members`, { userId: titolare.id })).status).toBe(404)
    expect((await staffBs.delete(`/api/companies/${mine.id}/members/${titolare.id}`)).status).toBe(404)
  })

  it('ends the access when the link is removed', async () => {
    expect((await staffBg.delete(`/api/companies/${mine.id}/members/${titolare.id}`)).status).toBe(204)
    const client = await signedInClient(t, titolare.email)
    expect((await client.get<Page>('/api/companies')).body.items).toEqual([])
    expect((await client.get(`/api/companies/${mine.id}`)).status).toBe(404)
    expect((await staffBg.delete(`/api/companies/${mine.id}/members/${titolare.id}`)).status).toBe(404)
  })
})
