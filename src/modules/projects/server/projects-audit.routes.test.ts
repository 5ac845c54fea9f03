/**
 * The audit trail of a project and its ledger: each step of the evidence chain (assignment, status
 * changes, the request for confirmation, the company's confirmation or dispute, staff approval,
 * corrections) is recorded under its own action, with who did it and the before/after.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { and, asc, eq, inArray } from 'drizzle-orm'
import { buildRootUnit, buildUnit, buildUser } from '../../../../tests/factories/identity.factory'
import { buildCompany } from '../../../../tests/factories/companies.factory'
import { ApiClient, createTestApp, signedInClient, type TestApp } from '../../../../tests/support/test-app'
import { auditLog } from '../../audit/server/audit.table'
import type { AuditEntry } from '../../audit/audit.contract'
import { mailMessages } from '../../mail/server/mail.table'
import type { Project, SupportDayEntry } from '../projects.contract'

let t: TestApp
let staff: ApiClient
let expert: ApiClient
let expertId: string
let staffId: string
let project: Project
const entries: Record<'confirmed' | 'disputed' | 'correction', SupportDayEntry | undefined> = { confirmed: undefined, disputed: undefined, correction: undefined }

function daysAgo(n: number): string {
  return new Date(t.clock.now.getTime() - n * 86_400_000).toISOString().slice(0, 10)
}

/** Sends the entry for confirmation and returns the link's token from the mail. */
async function sendFor(entry: SupportDayEntry, email: string): Promise<string> {
  const res = await expert.post(`/api/projects/${project.id}/entries/${entry.id}/send-confirmation`, { email })
  expect(res.status, JSON.stringify(res.body)).toBe(200)
  const [mail] = await t.deps.database.db.select().from(mailMessages).where(eq(mailMessages.to, email))
  const token = /support-days\/confirm\/([A-Za-z0-9_-]+)/.exec(mail?.text ?? '')?.[1]
  if (!token) throw new Error('no link in the mail')
  return token
}

async function auditRows(entityIds: string[]) {
  return t.deps.database.db.select().from(auditLog).where(inArray(auditLog.entityId, entityIds)).orderBy(asc(auditLog.id))
}

beforeAll(async () => {
  t = await createTestApp()
  const db = t.deps.database.db
  const root = await buildRootUnit(db)
  const bg = await buildUnit(db, { parent: root, name: 'Antenna Bergamo' })
  const staffUser = await buildUser(db, { name: 'Sara Staff', grants: [{ unit: bg, role: 'unit_staff' }] })
  staffId = staffUser.id
  staff = await signedInClient(t, staffUser.email)
  const expertUser = await buildUser(db, { name: 'Giorgio Valsecchi', grants: [{ unit: bg, role: 'expert' }] })
  expertId = expertUser.id
  expert = await signedInClient(t, expertUser.email)
  const company = await buildCompany(db, { unit: bg, name: 'Officine Rota S.r.l.' })

  const created = await staff.post<Project>('/api/projects', { companyId: company.id, title: 'Backup in cloud', budgetDays: 10, startsOn: daysAgo(30) })
  expect(created.status, JSON.stringify(created.body)).toBe(201)
  project = created.body
  expect((await staff.post(`/api/projects/${project.id}/assign`, { expertUserId: expertId })).status).toBe(200)
  expect((await staff.post(`/api/projects/${project.id}/transition`, { status: 'active' })).status).toBe(200)
  expect((await staff.patch(`/api/projects/${project.id}`, { title: 'Backup in cloud e sicurezza' })).status).toBe(200)

  const anon = new ApiClient(t.app)
  const first = await expert.post<SupportDayEntry>(`/api/projects/${project.id}/entries`, { workedOn: daysAgo(5), days: 3, activity: 'Analisi dei sistemi' })
  expect(first.status, JSON.stringify(first.body)).toBe(201)
  entries.confirmed = first.body
  expect((await anon.post(`/api/support-day-links/${await sendFor(first.body, 'titolare@rota.example')}/confirm`, { name: 'Mario Rota' })).status).toBe(200)
  expect((await staff.post(`/api/projects/${project.id}/entries/${first.body.id}/approve`)).status).toBe(200)

  const second = await expert.post<SupportDayEntry>(`/api/projects/${project.id}/entries`, { workedOn: daysAgo(4), days: 1, activity: 'Sopralluogo' })
  entries.disputed = second.body
  expect((await anon.post(`/api/support-day-links/${await sendFor(second.body, 'amministrazione@rota.example')}/dispute`, { name: 'Mario Rota', note: 'Eravamo chiusi' })).status).toBe(200)

  const correction = await expert.post<SupportDayEntry>(`/api/projects/${project.id}/entries`, { workedOn: daysAgo(5), days: -0.5, activity: 'Era mezza giornata', correctsEntryId: first.body.id })
  expect(correction.status, JSON.stringify(correction.body)).toBe(201)
  entries.correction = correction.body
  expect((await staff.post(`/api/projects/${project.id}/transition`, { status: 'completed', outcome: 'Backup attivo', expertRating: 4 })).status).toBe(200)
}, 120_000)

afterAll(async () => {
  await t.close()
})

describe('the audit trail of a project', () => {
  it('records the project’s steps under their own actions: create, assign, status changes, edit', async () => {
    const rows = await auditRows([project.id])
    expect(rows.map((r) => r.action)).toEqual(['create', 'assign', 'status_change', 'update', 'status_change'])
    expect(rows.every((r) => r.actorUserId === staffId && r.entityType === 'project')).toBe(true)
    const [, assign, start, , complete] = rows
    expect(assign?.before).toMatchObject({ expertUserId: null })
    expect(assign?.after).toMatchObject({ expertUserId: expertId })
    expect([start?.before?.status, start?.after?.status]).toEqual(['planned', 'active'])
    expect(complete?.after).toMatchObject({ status: 'completed', outcome: 'Backup attivo', expertRating: 4 })
  })

  it('records each ledger step: entry, request for confirmation, the company’s confirmation or dispute, approval, correction', async () => {
    const { confirmed, disputed, correction } = entries
    if (!confirmed || !disputed || !correction) throw new Error('ledger not built')
    const byEntry = async (id: string) => (await auditRows([id])).map((r) => ({ action: r.action, actor: r.actorUserId }))
    expect(await byEntry(confirmed.id)).toEqual([
      { action: 'create', actor: expertId },
      { action: 'send_confirmation', actor: expertId },
      // The company answers through the link, without an account.
      { action: 'confirm', actor: null },
      { action: 'approve', actor: staffId },
    ])
    expect(await byEntry(disputed.id)).toEqual([
      { action: 'create', actor: expertId },
      { action: 'send_confirmation', actor: expertId },
      { action: 'dispute', actor: null },
    ])
    expect(await byEntry(correction.id)).toEqual([{ action: 'correct', actor: expertId }])

    const [confirmRow] = await t.deps.database.db.select().from(auditLog).where(and(eq(auditLog.entityId, confirmed.id), eq(auditLog.action, 'confirm')))
    expect(confirmRow?.after).toMatchObject({ confirmationStatus: 'confirmed', confirmerName: 'Mario Rota', viaLink: true })
    // The link's token hash never reaches the audit trail.
    expect(JSON.stringify(confirmRow)).not.toContain('confirmationTokenHash')
    const [disputeRow] = await t.deps.database.db.select().from(auditLog).where(and(eq(auditLog.entityId, disputed.id), eq(auditLog.action, 'dispute')))
    expect(disputeRow?.after).toMatchObject({ confirmationStatus: 'disputed', disputeNote: 'Eravamo chiusi' })
    const [correctRow] = await auditRows([correction.id])
    expect(correctRow?.after).toMatchObject({ correctsEntryId: confirmed.id, days: '-0.500' })
  })

  it('lets the audit log be filtered by the new actions', async () => {
    const root = await buildRootUnit(t.deps.database.db)
    const admin = await signedInClient(t, (await buildUser(t.deps.database.db, { grants: [{ unit: root, role: 'network_admin' }] })).email)
    const page = await admin.get<{ items: AuditEntry[] }>('/api/audit?action=approve&entityType=support_day_entry')
    expect(page.status, JSON.stringify(page.body)).toBe(200)
    expect(page.body.items.map((e) => e.entityId)).toEqual([entries.confirmed?.id])
  })
})
