import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildRootUnit, buildUnit, buildUser, type BuiltUser } from '../../../../tests/factories/identity.factory'
import { buildCompany } from '../../../../tests/factories/companies.factory'
import { createTestApp, type TestApp } from '../../../../tests/support/test-app'
import { loadActor, type Actor } from '../../identity'
import type { UnitRow } from '../../identity/server/identity.table'
import type { CompanyRow } from './companies.table'
import { companyMembers } from './companies.table'
import { getCompanyScope } from './company-scope'

let t: TestApp
let bg: UnitRow
let bs: UnitRow
let mine: CompanyRow
let neighbour: CompanyRow
let elsewhere: CompanyRow

async function actorOf(user: BuiltUser): Promise<Actor> {
  const actor = await loadActor(t.deps.database.db, user.id, 'session', ['read', 'write'])
  if (!actor) throw new Error('no actor')
  return actor
}

async function scopeOrCode(actor: Actor, companyId: string) {
  try {
    return (await getCompanyScope(t.deps.database.db, actor, companyId)).id
  } catch (error) {
    return (error as { code?: string }).code
  }
}

beforeAll(async () => {
  t = await createTestApp()
  const db = t.deps.database.db
  const root = await buildRootUnit(db, { name: 'DIH Lombardia' })
  bg = await buildUnit(db, { parent: root, name: 'Antenna Bergamo' })
  bs = await buildUnit(db, { parent: root, name: 'Antenna Brescia' })
  mine = await buildCompany(db, { unit: bg, name: 'Meccanica Bergamasca S.r.l.' })
  neighbour = await buildCompany(db, { unit: bg, name: 'Tessitura Vicina' })
  elsewhere = await buildCompany(db, { unit: bs, name: 'Fonderia Bresciana' })
}, 120_000)
afterAll(async () => {
  await t.close()
})

describe('getCompanyScope', () => {
  it('gives a company member their own company and nothing else', async () => {
    const db = t.deps.database.db
    const titolare = await buildUser(db, { grants: [{ unit: bg, role: 'company_member' }] })
    await db.insert(companyMembers).values({ companyId: mine.id, userId: titolare.id })
    const actor = await actorOf(titolare)
    expect(await scopeOrCode(actor, mine.id)).toBe(mine.id)
    expect(await scopeOrCode(actor, neighbour.id)).toBe('NOT_FOUND')
    expect(await scopeOrCode(actor, elsewhere.id)).toBe('NOT_FOUND')
  })

  it('ends a member’s access with their role, even if the link is left behind', async () => {
    const db = t.deps.database.db
    // Linked to a company of Bergamo, but a company member of Brescia only.
    const former = await buildUser(db, { grants: [{ unit: bs, role: 'company_member' }] })
    await db.insert(companyMembers).values({ companyId: mine.id, userId: former.id })
    expect(await scopeOrCode(await actorOf(former), mine.id)).toBe('NOT_FOUND')
  })

  it('gives staff their unit’s companies and hides the others as missing', async () => {
    const db = t.deps.database.db
    const staff = await actorOf(await buildUser(db, { grants: [{ unit: bg, role: 'unit_staff' }] }))
    expect(await scopeOrCode(staff, mine.id)).toBe(mine.id)
    expect(await scopeOrCode(staff, neighbour.id)).toBe(neighbour.id)
    expect(await scopeOrCode(staff, elsewhere.id)).toBe('NOT_FOUND')
    expect(await scopeOrCode(staff, '00000000-0000-4000-8000-000000000000')).toBe('NOT_FOUND')
  })
})
