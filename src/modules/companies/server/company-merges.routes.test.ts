import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { buildRootUnit, buildUnit, buildUser, type BuiltUser } from '../../../../tests/factories/identity.factory'
import { buildCompany, nextVatNumber } from '../../../../tests/factories/companies.factory'
import { createTestApp, signedInClient, type ApiClient, type TestApp } from '../../../../tests/support/test-app'
import type { UnitRow } from '../../identity/server/identity.table'
import type { Company } from '../companies.contract'
import type { CompanyMerge, DuplicatePair } from '../company-duplicates.contract'
import { companies, companyMembers, type CompanyRow } from './companies.table'
import type { CompanyReferenceMover } from './company-references'

type ErrorBody = { error: { code: string; message: string; fields: { path: string }[] } }

let t: TestApp
let bg: UnitRow
let bs: UnitRow
let staffBg: ApiClient
let staffBs: ApiClient
let admin: ApiClient
let member: BuiltUser
const calls: { op: 'move' | 'undo'; args: unknown[] }[] = []

/** A module above companies, as the contacts and interactions modules plug in. */
const fakeMover: CompanyReferenceMover = {
  name: 'fake_records',
  async move(_tx, from, to) {
    calls.push({ op: 'move', args: [from, to] })
    return { from, to, ids: ['r1', 'r2'] }
  },
  async undo(_tx, token) {
    calls.push({ op: 'undo', args: [token] })
  },
  async count() {
    return 2
  },
}

beforeAll(async () => {
  t = await createTestApp()
  t.deps.companyReferences = [...t.deps.companyReferences, fakeMover]
  const db = t.deps.database.db
  const root = await buildRootUnit(db, { name: 'DIH Lombardia' })
  bg = await buildUnit(db, { parent: root, name: 'Antenna Bergamo', provinceCode: 'BG' })
  bs = await buildUnit(db, { parent: root, name: 'Antenna Brescia', provinceCode: 'BS' })
  staffBg = await signedInClient(t, (await buildUser(db, { grants: [{ unit: bg, role: 'unit_staff' }] })).email)
  staffBs = await signedInClient(t, (await buildUser(db, { grants: [{ unit: bs, role: 'unit_staff' }] })).email)
  admin = await signedInClient(t, (await buildUser(db, { grants: [{ unit: root, role: 'network_admin' }] })).email)
  member = await buildUser(db, { grants: [{ unit: bg, role: 'company_member' }] })
}, 120_000)
afterAll(async () => {
  await t.close()
})
beforeEach(() => {
  calls.length = 0
})

const company = (overrides: Partial<CompanyRow> & { unit?: UnitRow }) => buildCompany(t.deps.database.db, { unit: bg, ...overrides })
const row = async (id: string) => (await t.deps.database.db.select().from(companies).where(eq(companies.id, id)))[0]

async function pair() {
  const survivor = await company({
    name: 'Meccanica Rota S.r.l.', email: 'info@meccanicarota.it', phone: '035 111111', tags: ['newsletter'], notes: 'Cliente storico.',
    comuneIstat: '016024', provinceCode: 'BG', regionCode: '03', employees: 8,
  })
  const merged = await company({
    name: 'Meccanica Rota Srl', email: 'amministrazione@meccanicarota.it', phone: '035 222222', tags: ['evento-2025'], notes: 'Visto in fiera.',
    comuneIstat: '017029', provinceCode: 'BS', regionCode: '03', address: 'Via Roma 1', employees: 60, website: 'www.meccanicarota.it',
    customFields: { canale: 'fiera' },
  })
  return { survivor, merged }
}

describe('company merges', () => {
  it('gives the survivor the chosen fields, archives the merged company and moves its records', async () => {
    const { survivor, merged } = await pair()
    await t.deps.database.db.insert(companyMembers).values({ companyId: merged.id, userId: member.id })
    const res = await staffBg.post<CompanyMerge>('/api/companies/merges', {
      survivorId: survivor.id,
      mergedId: merged.id,
      choices: { email: 'merged', place: 'merged', employees: 'merged', website: 'merged', tags: 'union', notes: 'concat', customFields: { canale: 'merged' } },
    })
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({ survivor: { id: survivor.id, vatNumber: survivor.vatNumber }, merged: { id: merged.id }, canUndo: true, undoneAt: null })
    expect(res.body.moved).toEqual(expect.arrayContaining([{ name: 'company_members', count: 1 }, { name: 'fake_records', count: 2 }]))

    const after = (await staffBg.get<Company>(`/api/companies/${survivor.id}`)).body
    expect(after).toMatchObject({
      name: 'Meccanica Rota S.r.l.',
      vatNumber: survivor.vatNumber,
      email: 'amministrazione@meccanicarota.it',
      phone: '035 111111',
      address: 'Via Roma 1',
      website: 'www.meccanicarota.it',
      employees: 60,
      size: 'medium',
      comune: { name: 'Brescia', provinceCode: 'BS' },
      tags: ['newsletter', 'evento-2025'],
      notes: 'Cliente storico.\n\nVisto in fiera.',
      customFields: { canale: 'fiera' },
    })
    const gone = await row(merged.id)
    expect(gone?.archivedAt).not.toBeNull()
    expect(gone?.mergedIntoId).toBe(survivor.id)
    expect(gone?.vatNumber).toBe(merged.vatNumber)
    expect(calls).toEqual([{ op: 'move', args: [merged.id, survivor.id] }])
    const links = await t.deps.database.db.select().from(companyMembers).where(eq(companyMembers.userId, member.id))
    expect(links.map((l) => l.companyId)).toEqual([survivor.id])
  })

  it('records the merge in the audit trail of both companies', async () => {
    const { survivor, merged } = await pair()
    await staffBg.post('/api/companies/merges', { survivorId: survivor.id, mergedId: merged.id, choices: { name: 'merged' } })
    for (const id of [survivor.id, merged.id]) {
      const audit = await admin.get<{ items: { action: string; before: Record<string, unknown>; after: Record<string, unknown> }[] }>(
        `/api/audit?entityType=company&entityId=${id}`,
      )
      expect(audit.body.items[0]?.action).toBe('merge')
    }
    const audit = await admin.get<{ items: { before: Record<string, unknown>; after: Record<string, unknown> }[] }>(`/api/audit?entityType=company&entityId=${survivor.id}`)
    expect(audit.body.items[0]?.before.name).toBe('Meccanica Rota S.r.l.')
    expect(audit.body.items[0]?.after.name).toBe('Meccanica Rota Srl')
  })

  it('keeps the survivor’s partita IVA: choosing the other one is refused with a hint', async () => {
    const { survivor, merged } = await pair()
    const res = await staffBg.post('/api/companies/merges', { survivorId: survivor.id, mergedId: merged.id, choices: { vatNumber: 'merged' } })
    expect(res.status).toBe(400)
    expect((res.body as ErrorBody).error.fields[0]?.path).toBe('choices.vatNumber')
    expect(JSON.stringify(res.body)).toMatch(/inverti/)
  })

  it('undoes a merge: both companies as they were, records and members moved back', async () => {
    const { survivor, merged } = await pair()
    const member = await buildUser(t.deps.database.db, { grants: [{ unit: bg, role: 'company_member' }] })
    await t.deps.database.db.insert(companyMembers).values({ companyId: merged.id, userId: member.id })
    const merge = (await staffBg.post<CompanyMerge>('/api/companies/merges', { survivorId: survivor.id, mergedId: merged.id, choices: { name: 'merged', tags: 'union' } })).body
    calls.length = 0
    const res = await staffBg.post<CompanyMerge>(`/api/companies/merges/${merge.id}/undo`)
    expect(res.status).toBe(200)
    expect(res.body.undoneAt).not.toBeNull()
    expect(res.body.canUndo).toBe(false)
    expect(calls).toEqual([{ op: 'undo', args: [{ from: merged.id, to: survivor.id, ids: ['r1', 'r2'] }] }])
    const s = await row(survivor.id)
    const m = await row(merged.id)
    expect(s).toMatchObject({ name: survivor.name, tags: survivor.tags, email: survivor.email, updatedAt: survivor.updatedAt })
    expect(m).toMatchObject({ name: merged.name, archivedAt: null, mergedIntoId: null })
    const links = await t.deps.database.db.select().from(companyMembers).where(eq(companyMembers.userId, member.id))
    expect(links.map((l) => l.companyId)).toEqual([merged.id])
    const audit = await admin.get<{ items: { action: string }[] }>(`/api/audit?entityType=company&entityId=${merged.id}`)
    expect(audit.body.items.map((e) => e.action).slice(0, 2)).toEqual(['unmerge', 'merge'])
    // Both back in the duplicates queue.
    const queue = await staffBg.get<{ items: DuplicatePair[] }>('/api/companies/duplicates?limit=100')
    expect(queue.body.items.some((p) => [p.companyA.id, p.companyB.id].includes(merged.id))).toBe(true)
  })

  it('refuses to undo twice, or after the survivor was edited', async () => {
    const { survivor, merged } = await pair()
    const merge = (await staffBg.post<CompanyMerge>('/api/companies/merges', { survivorId: survivor.id, mergedId: merged.id })).body
    t.clock.advance(1000)
    expect((await staffBg.patch(`/api/companies/${survivor.id}`, { phone: '035 999999' })).status).toBe(200)
    const list = await staffBg.get<{ items: CompanyMerge[] }>('/api/companies/merges')
    expect(list.body.items.find((m) => m.id === merge.id)?.canUndo).toBe(false)
    const res = await staffBg.post(`/api/companies/merges/${merge.id}/undo`)
    expect(res.status).toBe(409)
    expect((res.body as ErrorBody).error.message).toMatch(/modificata dopo l'unione/)
    expect(calls.filter((c) => c.op === 'undo')).toEqual([])

    const other = await pair()
    const second = (await staffBg.post<CompanyMerge>('/api/companies/merges', { survivorId: other.survivor.id, mergedId: other.merged.id })).body
    expect((await staffBg.post(`/api/companies/merges/${second.id}/undo`)).status).toBe(200)
    const again = await staffBg.post(`/api/companies/merges/${second.id}/undo`)
    expect(again.status).toBe(409)
    expect((again.body as ErrorBody).error.message).toMatch(/già stata annullata/)
  })

  it('refuses to merge a company with itself, an archived one, or one already merged', async () => {
    const { survivor, merged } = await pair()
    expect((await staffBg.post('/api/companies/merges', { survivorId: survivor.id, mergedId: survivor.id })).status).toBe(400)
    const archived = await company({ name: 'Archiviata', archivedAt: new Date() })
    expect((await staffBg.post('/api/companies/merges', { survivorId: survivor.id, mergedId: archived.id })).status).toBe(409)
    await staffBg.post('/api/companies/merges', { survivorId: survivor.id, mergedId: merged.id })
    expect((await staffBg.post('/api/companies/merges', { survivorId: survivor.id, mergedId: merged.id })).status).toBe(409)
    // A merged company comes back only through the undo.
    expect((await staffBg.post(`/api/companies/${merged.id}/restore`)).status).toBe(409)
  })

  it('keeps another antenna’s staff from merging, undoing or seeing merges', async () => {
    const { survivor, merged } = await pair()
    expect((await staffBs.post('/api/companies/merges', { survivorId: survivor.id, mergedId: merged.id })).status).toBe(404)
    const merge = (await staffBg.post<CompanyMerge>('/api/companies/merges', { survivorId: survivor.id, mergedId: merged.id })).body
    expect((await staffBs.post(`/api/companies/merges/${merge.id}/undo`)).status).toBe(404)
    const list = await staffBs.get<{ items: CompanyMerge[] }>('/api/companies/merges')
    expect(list.body.items.map((m) => m.id)).not.toContain(merge.id)
    const mine = await staffBg.get<{ items: CompanyMerge[] }>('/api/companies/merges')
    expect(mine.body.items.find((m) => m.id === merge.id)).toMatchObject({ survivor: { id: survivor.id }, canUndo: true })
  })

  it('cannot merge across antennas unless the caller writes both', async () => {
    const a = await company({ name: 'Bergamo Uno', vatNumber: nextVatNumber() })
    const b = await company({ name: 'Brescia Uno', unit: bs })
    expect((await staffBg.post('/api/companies/merges', { survivorId: a.id, mergedId: b.id })).status).toBe(404)
    const res = await admin.post<CompanyMerge>('/api/companies/merges', { survivorId: a.id, mergedId: b.id, choices: { unit: 'merged' } })
    expect(res.status).toBe(201)
    expect((await row(a.id))?.unitId).toBe(bs.id)
  })

  it('previews what a merge moves and the custom fields to choose', async () => {
    const { survivor, merged } = await pair()
    const res = await staffBg.get<{ moves: { name: string; count: number }[]; customFields: { key: string }[] }>(
      `/api/companies/merges/preview?survivorId=${survivor.id}&mergedId=${merged.id}`,
    )
    expect(res.status).toBe(200)
    expect(res.body.moves).toEqual(expect.arrayContaining([{ name: 'company_members', count: 0 }, { name: 'fake_records', count: 2 }]))
    expect(res.body.customFields.map((f) => f.key)).toEqual(['canale'])
  })
})
