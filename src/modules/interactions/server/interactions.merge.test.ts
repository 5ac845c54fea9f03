import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { count, eq } from 'drizzle-orm'
import { buildCompany } from '../../../../tests/factories/companies.factory'
import { buildRootUnit, buildUnit, buildUser, type BuiltUser } from '../../../../tests/factories/identity.factory'
import { createTestApp, signedInClient, type ApiClient, type TestApp } from '../../../../tests/support/test-app'
import type { UnitRow } from '../../identity/server/identity.table'
import { companies } from '../../companies/server/companies.table'
import type { FollowUp, Interaction } from '../interactions.contract'
import { eraseContactFromInteractions, exportContactInteractions } from './interactions.personal-data'
import { interactionsMover } from './interactions.merge'
import { seedDemoInteractions } from './interactions.seed'
import { followUps, interactionParticipants, interactions } from './interactions.table'

type Page<T> = { items: T[]; nextCursor: string | null }

let t: TestApp
let bg: UnitRow
let bs: UnitRow
let staff: BuiltUser
let client: ApiClient

beforeAll(async () => {
  t = await createTestApp()
  const db = t.deps.database.db
  const root = await buildRootUnit(db)
  bg = await buildUnit(db, { parent: root, name: 'Antenna Bergamo' })
  bs = await buildUnit(db, { parent: root, name: 'Antenna Brescia' })
  staff = await buildUser(db, { grants: [{ unit: root, role: 'unit_staff' }] })
  client = await signedInClient(t, staff.email)
}, 120_000)
afterAll(async () => {
  await t.close()
})

const record = (companyId: string, body: Record<string, unknown> = {}) =>
  client.post<Interaction>('/api/interactions', { companyId, kind: 'visit', occurredAt: '2026-03-10T09:30:00.000Z', subject: 'Visita in azienda', ...body })

describe('interactionsMover', () => {
  it('moves the merged company’s interactions and follow-ups to the survivor (and its unit), and undoes exactly that', async () => {
    const db = t.deps.database.db
    const survivor = await buildCompany(db, { unit: bg })
    const merged = await buildCompany(db, { unit: bs })
    const kept = await record(survivor.id)
    const moving = await record(merged.id, { followUp: { title: 'Richiamare', dueOn: '2026-12-01', assigneeId: staff.id } })

    expect(await interactionsMover.count?.(db, merged.id)).toBe(1)
    const token = await db.transaction((tx) => interactionsMover.move(tx, merged.id, survivor.id))
    expect(await interactionsMover.count?.(db, merged.id)).toBe(0)
    const onSurvivor = await client.get<Page<Interaction>>(`/api/interactions?companyId=${survivor.id}`)
    expect(onSurvivor.body.items.map((i) => i.id).sort()).toEqual([kept.body.id, moving.body.id].sort())
    const [movedRow] = await db.select().from(interactions).where(eq(interactions.id, moving.body.id))
    expect(movedRow?.unitId).toBe(bg.id)
    const [movedFollowUp] = await db.select().from(followUps).where(eq(followUps.interactionId, moving.body.id))
    expect(movedFollowUp).toMatchObject({ companyId: survivor.id, unitId: bg.id })

    await db.transaction((tx) => interactionsMover.undo(tx, JSON.parse(JSON.stringify(token))))
    const onMerged = await client.get<Page<Interaction>>(`/api/interactions?companyId=${merged.id}`)
    expect(onMerged.body.items.map((i) => i.id)).toEqual([moving.body.id])
    const [back] = await db.select().from(interactions).where(eq(interactions.id, moving.body.id))
    expect(back?.unitId).toBe(bs.id)
    const followUpsOfMerged = await client.get<Page<FollowUp>>(`/api/follow-ups?companyId=${merged.id}`)
    expect(followUpsOfMerged.body.items.map((f) => f.title)).toEqual(['Richiamare'])
    const onSurvivorAgain = await client.get<Page<Interaction>>(`/api/interactions?companyId=${survivor.id}`)
    expect(onSurvivorAgain.body.items.map((i) => i.id)).toEqual([kept.body.id])
  })
})

describe('company merge through the API', () => {
  it('brings the merged company’s timeline and journey stage to the survivor, and the undo takes them back', async () => {
    const db = t.deps.database.db
    const survivor = await buildCompany(db, { unit: bg, name: 'Officine Rota S.r.l.' })
    const merged = await buildCompany(db, { unit: bg, name: 'Officine Rota Srl' })
    await record(survivor.id, { kind: 'call', subject: 'Telefonata di primo contatto' })
    const visit = await record(merged.id)
    const stage = async (id: string) => (await client.get<{ stage: string }>(`/api/companies/${id}`)).body.stage
    expect([await stage(survivor.id), await stage(merged.id)]).toEqual(['contacted', 'engaged'])

    const merge = await client.post<{ id: string }>('/api/companies/merges', { survivorId: survivor.id, mergedId: merged.id })
    expect(merge.status).toBe(201)
    const timeline = await client.get<Page<Interaction>>(`/api/interactions?companyId=${survivor.id}`)
    expect(timeline.body.items.map((i) => i.subject).sort()).toEqual(['Telefonata di primo contatto', 'Visita in azienda'])
    expect(await stage(survivor.id)).toBe('engaged')
    // A merged company takes no new entries: they belong on the survivor.
    expect((await record(merged.id)).status).toBe(409)

    expect((await client.post(`/api/companies/merges/${merge.body.id}/undo`)).status).toBe(200)
    const back = await client.get<Page<Interaction>>(`/api/interactions?companyId=${merged.id}`)
    expect(back.body.items.map((i) => i.id)).toEqual([visit.body.id])
    expect([await stage(survivor.id), await stage(merged.id)]).toEqual(['contacted', 'engaged'])
  })
})

describe('personal data (GDPR)', () => {
  it('exports the interactions a contact took part in and erases the contact from them, keeping the interactions', async () => {
    const db = t.deps.database.db
    const c = await buildCompany(db, { unit: bg })
    const contactId = randomUUID()
    const mine = await record(c.id)
    const other = await record(c.id, { subject: 'Altra visita' })
    await db.insert(interactionParticipants).values({ interactionId: mine.body.id, participantType: 'contact', participantId: contactId })

    const exported = await exportContactInteractions(db, contactId)
    expect(exported).toEqual([expect.objectContaining({ id: mine.body.id, subject: 'Visita in azienda', kind: 'visit', companyId: c.id })])

    expect(await db.transaction((tx) => eraseContactFromInteractions(tx, contactId))).toBe(1)
    expect(await exportContactInteractions(db, contactId)).toEqual([])
    const [left] = await db.select({ n: count() }).from(interactions).where(eq(interactions.companyId, c.id))
    expect(left?.n).toBe(2)
    expect(other.status).toBe(201)
  })
})

describe('seedDemoInteractions', () => {
  it('writes about three interactions per company, open follow-ups for the chosen user, and the stages they imply', async () => {
    const db = t.deps.database.db
    const unit = await buildUnit(db, { name: 'Antenna Demo' })
    const author = await buildUser(db, { grants: [{ unit, role: 'unit_staff' }] })
    const list = []
    for (let i = 0; i < 40; i++) list.push(await buildCompany(db, { unit, name: `Demo ${i}`, stage: 'roadmap' }))
    const now = new Date('2026-11-23T08:00:00Z')
    const result = await seedDemoInteractions(db, {
      companies: list.map((c) => ({ id: c.id, name: c.name, unitId: c.unitId })),
      staffByUnit: new Map([[unit.id, [author.id]]]),
      followUpAssignee: { userId: author.id, unitId: unit.id },
      now,
    })
    expect(result.interactions).toBeGreaterThan(40 * 2)
    expect(result.interactions).toBeLessThan(40 * 4)
    expect(result.followUps).toBe(8)
    const due = (await db.select().from(followUps).where(eq(followUps.assigneeId, author.id))).map((f) => f.dueOn)
    expect(due.some((d) => d < '2026-11-23')).toBe(true)
    expect(due.some((d) => d > '2026-11-23')).toBe(true)
    const stages = new Set((await db.select({ stage: companies.stage }).from(companies).where(eq(companies.unitId, unit.id))).map((r) => r.stage))
    // Evidence only: the factory's 'roadmap' had none, so it is gone; calls and visits give both stages.
    expect([...stages].sort()).toEqual(['contacted', 'engaged'])
    const [oldest] = await db.select({ at: interactions.occurredAt }).from(interactions).where(eq(interactions.unitId, unit.id)).orderBy(interactions.occurredAt).limit(1)
    expect(oldest && now.getTime() - oldest.at.getTime()).toBeLessThan(19 * 31 * 86_400_000)
  })
})
