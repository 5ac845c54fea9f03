import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildRootUnit, buildUnit, buildUser } from '../../../../tests/factories/identity.factory'
import { ApiClient, createTestApp, signedInClient, type TestApp } from '../../../../tests/support/test-app'
import type { Membership, User } from '../identity.contract'
import type { UnitRow } from './identity.table'

type Page = { items: User[]; nextCursor: string | null }
type ErrorBody = { error: { code: string; message: string } }

let t: TestApp
let root: UnitRow
let bg: UnitRow
let bs: UnitRow
let admin: ApiClient
let adminId: string
let manager: ApiClient

beforeAll(async () => {
  t = await createTestApp()
  const db = t.deps.database.db
  root = await buildRootUnit(db)
  bg = await buildUnit(db, { parent: root, name: 'Antenna Bergamo' })
  bs = await buildUnit(db, { parent: root, name: 'Antenna Brescia' })
  const a = await buildUser(db, { name: 'Ada Admin', grants: [{ unit: root, role: 'network_admin' }] })
  adminId = a.id
  admin = await signedInClient(t, a.email)
  const m = await buildUser(db, { name: 'Marta Manager', grants: [{ unit: bg, role: 'unit_manager' }] })
  manager = await signedInClient(t, m.email)
  for (let i = 0; i < 30; i++) await buildUser(db, { name: `Persona Bergamo ${String(i).padStart(2, '0')}`, grants: [{ unit: bg, role: 'unit_staff' }] })
  await buildUser(db, { name: 'Persona Brescia', grants: [{ unit: bs, role: 'unit_staff' }] })
})
afterAll(async () => {
  await t.close()
})

describe('users', () => {
  it('pages through people by name with a keyset cursor, without repeats', async () => {
    const seen: string[] = []
    let cursor: string | null = null
    let pages = 0
    do {
      const res: { body: Page } = await manager.get<Page>(`/api/users?limit=10${cursor ? `&cursor=${cursor}` : ''}`)
      seen.push(...res.body.items.map((u) => u.name))
      cursor = res.body.nextCursor
      pages++
    } while (cursor && pages < 10)
    expect(seen).toHaveLength(31) // 30 staff + the manager herself
    expect(new Set(seen).size).toBe(31)
    expect([...seen]).toEqual([...seen].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)))
  })

  it('never lists people of a sibling antenna', async () => {
    const res = await manager.get<Page>('/api/users?q=Brescia')
    expect(res.body.items).toHaveLength(0)
    const adminView = await admin.get<Page>('/api/users?q=Brescia')
    expect(adminView.body.items.map((u) => u.name)).toEqual(['Persona Brescia'])
  })

  it('searches by name or email, case-insensitively', async () => {
    const res = await manager.get<Page>('/api/users?q=bergamo 07')
    expect(res.body.items.map((u) => u.name)).toEqual(['Persona Bergamo 07'])
  })

  it('rejects a forged cursor with a validation error', async () => {
    expect((await manager.get('/api/users?cursor=garbage')).status).toBe(400)
  })

  it('deactivates a person: their sessions end at once and they cannot sign in', async () => {
    const person = await buildUser(t.deps.database.db, { grants: [{ unit: bg, role: 'unit_staff' }] })
    const session = await signedInClient(t, person.email)
    const res = await manager.post<User>(`/api/users/${person.id}/deactivate`)
    expect(res.body.isActive).toBe(false)
    expect((await session.get('/api/me')).status).toBe(401)
    expect((await new ApiClient(t.app).post('/api/auth/sign-in', { email: person.email, password: 'correct-horse-battery' })).status).toBe(403)
    expect((await manager.post<User>(`/api/users/${person.id}/reactivate`)).body.isActive).toBe(true)
  })

  it('does not let a manager deactivate someone who also works for another antenna', async () => {
    const shared = await buildUser(t.deps.database.db, { grants: [{ unit: bg, role: 'expert' }, { unit: bs, role: 'expert' }] })
    expect((await manager.post(`/api/users/${shared.id}/deactivate`)).status).toBe(403)
    // …and shows only the memberships the manager may see.
    const view = await manager.get<User>(`/api/users/${shared.id}`)
    expect(view.body.memberships.map((m) => m.unitId)).toEqual([bg.id])
  })

  it('refuses to deactivate oneself', async () => {
    const res = await admin.post<ErrorBody>(`/api/users/${adminId}/deactivate`)
    expect(res.status).toBe(409)
  })

  it('adds and removes a role, both audited', async () => {
    const person = await buildUser(t.deps.database.db, { grants: [{ unit: bg, role: 'unit_staff' }] })
    const added = await manager.post<Membership>(`/api/users/${person.id}/memberships`, { unitId: bg.id, role: 'expert' })
    expect(added.status).toBe(201)
    expect((await manager.post(`/api/users/${person.id}/memberships`, { unitId: bg.id, role: 'expert' })).status).toBe(409)
    expect((await manager.delete(`/api/users/${person.id}/memberships/${added.body.id}`)).status).toBe(204)
    const audit = await admin.get<{ items: { action: string; entityType: string }[] }>(`/api/audit?entityType=membership&entityId=${added.body.id}`)
    expect(audit.body.items.map((e) => e.action)).toEqual(['delete', 'create'])
  })

  it('never removes the last network admin', async () => {
    const me = await admin.get<User>('/api/me')
    const membership = me.body.memberships.find((m) => m.role === 'network_admin')
    const res = await admin.delete<ErrorBody>(`/api/users/${adminId}/memberships/${membership?.id}`)
    expect(res.status).toBe(409)
    expect(res.body.error.message).toContain('ultimo amministratore')
  })

  it('keeps the audit trail from staff and shows managers only their antenna', async () => {
    const person = await buildUser(t.deps.database.db, { grants: [{ unit: bg, role: 'unit_staff' }] })
    const client = await signedInClient(t, person.email)
    expect((await client.get('/api/audit')).status).toBe(403)
    await admin.patch(`/api/units/${bs.id}`, { name: 'Antenna Brescia (rinominata)' })
    await admin.patch(`/api/units/${bg.id}`, { name: 'Antenna Bergamo (rinominata)' })
    const seen = await manager.get<{ items: { entityId: string; unitId: string | null }[] }>(`/api/audit?actorUserId=${adminId}`)
    expect(seen.body.items.map((e) => e.entityId)).toContain(bg.id)
    expect(seen.body.items.map((e) => e.entityId)).not.toContain(bs.id)
  })
})
