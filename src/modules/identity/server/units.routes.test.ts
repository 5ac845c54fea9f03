import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildRootUnit, buildUnit, buildUser } from '../../../../tests/factories/identity.factory'
import { createTestApp, signedInClient, type ApiClient, type TestApp } from '../../../../tests/support/test-app'
import type { Unit } from '../identity.contract'
import { findUnit } from './units.service'

type ErrorBody = { error: { code: string; message: string; fields: { path: string; message: string }[] } }
type AuditPage = { items: { action: string; entityType: string; entityId: string; changedFields: string[]; actorName: string }[] }

let t: TestApp
let admin: ApiClient
let rootId: string

beforeAll(async () => {
  t = await createTestApp()
  const root = await buildRootUnit(t.deps.database.db, { name: 'DIH Test' })
  rootId = root.id
  const user = await buildUser(t.deps.database.db, { name: 'Ada Admin', grants: [{ unit: root, role: 'network_admin' }] })
  admin = await signedInClient(t, user.email)
})
afterAll(async () => {
  await t.close()
})

let codeSeq = 0
const code = () => `T-${++codeSeq}`

async function create(client: ApiClient, body: Record<string, unknown>) {
  return client.post<Unit>('/api/units', { type: 'antenna', name: 'Antenna', code: code(), ...body })
}

describe('units', () => {
  it('creates a unit under a parent, with an audit entry of the creation', async () => {
    const res = await create(admin, { parentId: rootId, name: 'Antenna Bergamo', provinceCode: 'BG', regionCode: '03', email: '' })
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({ parentId: rootId, name: 'Antenna Bergamo', provinceCode: 'BG', email: null })
    expect(res.body.can).toEqual({ update: true, createChild: true, archive: true, move: true })
    const audit = await admin.get<AuditPage>(`/api/audit?entityType=unit&entityId=${res.body.id}`)
    expect(audit.body.items).toHaveLength(1)
    expect(audit.body.items[0]).toMatchObject({ action: 'create', actorName: 'Ada Admin' })
  })

  it('refuses a duplicate code whatever its case, naming the field', async () => {
    await create(admin, { parentId: rootId, code: 'DUP-1' })
    const res = await create(admin, { parentId: rootId, code: 'dup-1' })
    expect(res.status).toBe(409)
    expect((res.body as unknown as ErrorBody).error.message).toBe('Il codice «dup-1» è già usato da un\'altra unità.')
    expect((res.body as unknown as ErrorBody).error.fields[0]).toEqual({ path: 'code', message: 'Il codice «dup-1» è già usato da un\'altra unità.' })
  })

  it('explains an invalid code and province in Italian', async () => {
    const res = await create(admin, { parentId: rootId, code: 'a b', provinceCode: 'bergamo' })
    expect(res.status).toBe(400)
    const fields = Object.fromEntries((res.body as unknown as ErrorBody).error.fields.map((f) => [f.path, f.message]))
    expect(fields.code).toMatch(/lettere, numeri/)
    expect(fields.provinceCode).toMatch(/due lettere/)
  })

  it('renames a unit and records the before and after', async () => {
    const unit = (await create(admin, { parentId: rootId, name: 'Vecchio nome' })).body
    const res = await admin.patch<Unit>(`/api/units/${unit.id}`, { name: 'Nuovo nome' })
    expect(res.body.name).toBe('Nuovo nome')
    const audit = await admin.get<AuditPage>(`/api/audit?entityType=unit&entityId=${unit.id}&action=update`)
    expect(audit.body.items[0]?.changedFields).toEqual(expect.arrayContaining(['name', 'updatedAt']))
  })

  it('moves a unit with its subtree, and the subtree follows in scoping', async () => {
    const a = (await create(admin, { parentId: rootId, name: 'A' })).body
    const b = (await create(admin, { parentId: rootId, name: 'B' })).body
    const child = (await create(admin, { parentId: a.id, type: 'service_point', name: 'Punto' })).body
    const unitB = await findUnit(t.deps.database.db, b.id)
    if (!unitB) throw new Error('unit B missing')
    const managerOfB = await buildUser(t.deps.database.db, { grants: [{ unit: unitB, role: 'unit_manager' }] })
    const clientB = await signedInClient(t, managerOfB.email)
    expect((await clientB.get(`/api/units/${child.id}`)).status).toBe(404)
    expect((await admin.patch<Unit>(`/api/units/${a.id}`, { parentId: b.id })).status).toBe(200)
    const moved = await clientB.get<Unit>(`/api/units/${child.id}`)
    expect(moved.status).toBe(200)
    expect(moved.body.parentId).toBe(a.id)
  })

  it('refuses to move a unit under its own descendant', async () => {
    const a = (await create(admin, { parentId: rootId })).body
    const child = (await create(admin, { parentId: a.id })).body
    const res = await admin.patch<ErrorBody>(`/api/units/${a.id}`, { parentId: child.id })
    expect(res.status).toBe(409)
    expect(res.body.error.fields[0]?.path).toBe('parentId')
  })

  it('archives only a unit without active children, hides it by default, and restores it', async () => {
    const a = (await create(admin, { parentId: rootId, name: 'Da archiviare' })).body
    const child = (await create(admin, { parentId: a.id })).body
    const blocked = await admin.post<ErrorBody>(`/api/units/${a.id}/archive`)
    expect(blocked.status).toBe(409)
    expect(blocked.body.error.message).toContain('(1)')
    expect((await admin.post(`/api/units/${child.id}/archive`)).status).toBe(200)
    expect((await admin.post<Unit>(`/api/units/${a.id}/archive`)).body.archivedAt).not.toBeNull()
    const visible = await admin.get<{ items: Unit[] }>('/api/units')
    expect(visible.body.items.map((u) => u.id)).not.toContain(a.id)
    const all = await admin.get<{ items: Unit[] }>('/api/units?includeArchived=true')
    expect(all.body.items.map((u) => u.id)).toContain(a.id)
    expect((await admin.post(`/api/units/${child.id}/restore`)).status).toBe(409)
    expect((await admin.post<Unit>(`/api/units/${a.id}/restore`)).body.archivedAt).toBeNull()
  })

  it('never archives or moves the root', async () => {
    expect((await admin.post(`/api/units/${rootId}/archive`)).status).toBe(409)
  })

  it('lets a manager build inside their antenna but not beside it', async () => {
    const db = t.deps.database.db
    const bg = await buildUnit(db, { name: 'Antenna BG' })
    const bs = await buildUnit(db, { name: 'Antenna BS' })
    const manager = await buildUser(db, { grants: [{ unit: bg, role: 'unit_manager' }] })
    const client = await signedInClient(t, manager.email)
    expect((await create(client, { parentId: bg.id, type: 'service_point' })).status).toBe(201)
    expect((await create(client, { parentId: bs.id })).status).toBe(404)
    const list = await client.get<{ items: Unit[] }>('/api/units')
    expect(list.body.items.every((u) => u.id === bg.id || u.parentId === bg.id)).toBe(true)
  })

  it('does not let a manager archive or move the antenna they manage', async () => {
    const db = t.deps.database.db
    const bg = await buildUnit(db)
    const other = await buildUnit(db)
    const manager = await buildUser(db, { grants: [{ unit: bg, role: 'unit_manager' }] })
    const client = await signedInClient(t, manager.email)
    const own = await client.get<Unit>(`/api/units/${bg.id}`)
    expect(own.body.can).toEqual({ update: true, createChild: true, archive: false, move: false })
    expect((await client.post(`/api/units/${bg.id}/archive`)).status).toBe(403)
    const child = (await create(client, { parentId: bg.id, type: 'service_point' })).body
    expect(child.can.archive).toBe(true)
    expect((await client.patch(`/api/units/${child.id}`, { parentId: other.id })).status).toBe(404)
  })

  it('lets staff see but not change their antenna', async () => {
    const db = t.deps.database.db
    const bg = await buildUnit(db)
    const staff = await buildUser(db, { grants: [{ unit: bg, role: 'unit_staff' }] })
    const client = await signedInClient(t, staff.email)
    const unit = await client.get<Unit>(`/api/units/${bg.id}`)
    expect(unit.body.can.update).toBe(false)
    expect((await client.patch(`/api/units/${bg.id}`, { name: 'x' })).status).toBe(403)
  })

  it('shares a unit’s data with a sibling, read-only, until the share is removed', async () => {
    const db = t.deps.database.db
    const bg = await buildUnit(db)
    const bs = await buildUnit(db)
    const staffBs = await buildUser(db, { grants: [{ unit: bs, role: 'unit_staff' }] })
    const colleague = await buildUser(db, { grants: [{ unit: bg, role: 'unit_staff' }] })
    const client = await signedInClient(t, staffBs.email)
    expect((await client.get(`/api/users/${colleague.id}`)).status).toBe(404)
    expect((await admin.post(`/api/units/${bg.id}/shares`, { sharedWithUnitId: bs.id })).status).toBe(201)
    expect((await admin.post(`/api/units/${bg.id}/shares`, { sharedWithUnitId: bs.id })).status).toBe(409)
    const shared = await signedInClient(t, staffBs.email)
    expect((await shared.get(`/api/users/${colleague.id}`)).status).toBe(200)
    expect((await shared.patch(`/api/units/${bg.id}`, { name: 'x' })).status).toBe(403)
    expect((await admin.delete(`/api/units/${bg.id}/shares/${bs.id}`)).status).toBe(204)
    const after = await signedInClient(t, staffBs.email)
    expect((await after.get(`/api/users/${colleague.id}`)).status).toBe(404)
  })
})
