import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import ExcelJS from 'exceljs'
import { and, eq, sql } from 'drizzle-orm'
import { buildRootUnit, buildUnit, buildUser } from '../../../../tests/factories/identity.factory'
import { buildCompany } from '../../../../tests/factories/companies.factory'
import { ApiClient, createTestApp, signedInClient, type TestApp } from '../../../../tests/support/test-app'
import { companyActivity, companyMembers } from '../../companies/server/companies.table'
import { mailMessages } from '../../mail/server/mail.table'
import type { BurnDown, ExpertWorkload, Project, ProjectPage, SupportDayConfirmation, SupportDayEntry, SupportDayTotals } from '../projects.contract'
import { supportDayEntries } from './projects.table'

let t: TestApp
let staff: ApiClient
let staffBs: ApiClient
let expert: ApiClient
let otherExpert: ApiClient
let member: ApiClient
let expertId: string
let companyId: string
let project: Project

/** An Italian calendar day `n` days before the test clock's today. */
function daysAgo(n: number): string {
  return new Date(t.clock.now.getTime() - n * 86_400_000).toISOString().slice(0, 10)
}

async function tokenFor(email: string): Promise<string> {
  const mails = await t.deps.database.db.select().from(mailMessages).where(eq(mailMessages.to, email))
  const last = mails.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()).at(-1)
  const token = /support-days\/confirm\/([A-Za-z0-9_-]+)/.exec(last?.text ?? '')?.[1]
  if (!token) throw new Error('no link in the mail')
  return token
}

beforeAll(async () => {
  t = await createTestApp()
  const db = t.deps.database.db
  const root = await buildRootUnit(db)
  const bg = await buildUnit(db, { parent: root, name: 'Antenna Bergamo' })
  const bs = await buildUnit(db, { parent: root, name: 'Antenna Brescia' })
  staff = await signedInClient(t, (await buildUser(db, { name: 'Sara Staff', grants: [{ unit: bg, role: 'unit_staff' }] })).email)
  staffBs = await signedInClient(t, (await buildUser(db, { grants: [{ unit: bs, role: 'unit_staff' }] })).email)
  const expertUser = await buildUser(db, { name: 'Giorgio Valsecchi', grants: [{ unit: bg, role: 'expert' }] })
  expertId = expertUser.id
  expert = await signedInClient(t, expertUser.email)
  const other = await buildUser(db, { name: 'Altra Esperta', grants: [{ unit: bg, role: 'expert' }] })
  otherExpert = await signedInClient(t, other.email)
  const company = await buildCompany(db, { unit: bg, name: 'Officine Rota S.r.l.' })
  companyId = company.id
  const owner = await buildUser(db, { grants: [{ unit: bg, role: 'company_member' }] })
  await db.insert(companyMembers).values({ companyId, userId: owner.id })
  member = await signedInClient(t, owner.email)
  // Another company of the same antenna, with a member who must see nothing of Officine Rota.
  const neighbour = await buildCompany(db, { unit: bg, name: 'Vicini S.p.A.' })
  await staff.post('/api/projects', { companyId: neighbour.id, title: 'Progetto dei vicini', budgetDays: 5 })

  const created = await staff.post<Project>('/api/projects', {
    companyId,
    title: 'Backup in cloud e sicurezza',
    budgetDays: 10,
    startsOn: daysAgo(60),
    endsOn: daysAgo(-60),
    roadmapItems: [{ actionId: 'cloud-backup', title: 'Backup fuori sede o in cloud' }],
  })
  expect(created.status, JSON.stringify(created.body)).toBe(201)
  project = created.body
}, 120_000)

afterAll(async () => {
  await t.close()
})

describe('projects', () => {
  it('opens planned, in the company’s unit, with nobody assigned', () => {
    expect(project).toMatchObject({ status: 'planned', budgetDays: 10, loggedDays: 0, remainingDays: 10, expert: null, companyName: 'Officine Rota S.r.l.' })
    expect(project.can).toMatchObject({ update: true, assign: true, logEntry: false })
  })

  it('refuses to start without an expert, then starts once one is assigned', async () => {
    const refused = await staff.post(`/api/projects/${project.id}/transition`, { status: 'active' })
    expect(refused.status).toBe(409)
    const assigned = await staff.post<Project>(`/api/projects/${project.id}/assign`, { expertUserId: expertId })
    expect(assigned.body.expert).toEqual({ id: expertId, name: 'Giorgio Valsecchi' })
    const started = await staff.post<Project>(`/api/projects/${project.id}/transition`, { status: 'active' })
    expect(started.status).toBe(200)
    expect(started.body.status).toBe('active')
  })

  it('refuses an expert from outside the company’s unit', async () => {
    const outsider = await buildUser(t.deps.database.db, { grants: [] })
    const res = await staff.post<{ error: { fields: { path: string }[] } }>(`/api/projects/${project.id}/assign`, { expertUserId: outsider.id })
    expect(res.status).toBe(400)
    expect(res.body.error.fields[0]?.path).toBe('expertUserId')
  })

  it('keeps milestones', async () => {
    const m = await staff.post<{ id: string }>(`/api/projects/${project.id}/milestones`, { title: 'Analisi dei dati critici', dueOn: daysAgo(-10) })
    expect(m.status).toBe(201)
    const done = await staff.patch<{ doneAt: string | null }>(`/api/projects/${project.id}/milestones/${m.body.id}`, { done: true })
    expect(done.body.doneAt).not.toBeNull()
    expect((await staff.get<Project>(`/api/projects/${project.id}`)).body.milestones.map((x) => x.title)).toEqual(['Analisi dei dati critici'])
  })

  it('shows each their own: staff of another antenna and other experts see nothing', async () => {
    expect((await staffBs.get(`/api/projects/${project.id}`)).status).toBe(404)
    expect((await otherExpert.get(`/api/projects/${project.id}`)).status).toBe(404)
    expect((await expert.get<Project>(`/api/projects/${project.id}`)).body.can).toMatchObject({ logEntry: true, update: false, approve: false })
    expect((await staffBs.get<ProjectPage>('/api/projects')).body.items).toEqual([])
    const mine = await expert.get<ProjectPage>('/api/projects?mine=true')
    expect(mine.body.items.map((p) => p.id)).toEqual([project.id])
  })
})

describe('the support-day ledger', () => {
  let first: SupportDayEntry

  it('lets the expert log days, in days or in hours (8 h = 1 day, hours kept)', async () => {
    const res = await expert.post<SupportDayEntry>(`/api/projects/${project.id}/entries`, { workedOn: daysAgo(20), days: 2, activity: 'Analisi dei sistemi' })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    first = res.body
    expect(first).toMatchObject({ seq: 1, days: 2, hours: null, confirmationStatus: 'pending', loggedBy: { id: expertId, name: 'Giorgio Valsecchi' } })
    const hours = await expert.post<SupportDayEntry>(`/api/projects/${project.id}/entries`, { workedOn: daysAgo(19), hours: 4, activity: 'Configurazione backup' })
    expect(hours.body).toMatchObject({ seq: 2, days: 0.5, hours: 4 })
  })

  it('refuses another expert, a future day and a day before the project', async () => {
    expect((await otherExpert.post(`/api/projects/${project.id}/entries`, { workedOn: daysAgo(1), days: 1, activity: 'x' })).status).toBe(404)
    expect((await expert.post(`/api/projects/${project.id}/entries`, { workedOn: daysAgo(-2), days: 1, activity: 'x' })).status).toBe(400)
    expect((await expert.post(`/api/projects/${project.id}/entries`, { workedOn: daysAgo(90), days: 1, activity: 'x' })).status).toBe(400)
  })

  it('refuses an entry beyond the budget, naming the remaining days in the user’s language', async () => {
    const refused = await expert.post<{ error: { message: string; details: { remainingDays: number } } }>(`/api/projects/${project.id}/entries`, { workedOn: daysAgo(10), days: 8, activity: 'Troppo' })
    expect(refused.status).toBe(409)
    expect(refused.body.error.message).toBe('Restano 7,5 giornate sul budget di 10: questa registrazione ne chiede 8.')
    expect(refused.body.error.details.remainingDays).toBe(7.5)
    // An expert who works in English reads it in English.
    await expert.patch('/api/me', { locale: 'en' })
    try {
      const english = await expert.post<{ error: { message: string } }>(`/api/projects/${project.id}/entries`, { workedOn: daysAgo(10), days: 8, activity: 'Too much' })
      expect(english.body.error.message).toBe('Only 7.5 days remain of the 10-day budget: this entry asks for 8.')
    } finally {
      await expert.patch('/api/me', { locale: 'it' })
    }
  })

  it('writes a correction as a new entry that points at the original', async () => {
    const res = await expert.post<SupportDayEntry>(`/api/projects/${project.id}/entries`, { workedOn: daysAgo(20), days: -0.5, activity: 'Erano 1,5 giornate', correctsEntryId: first.id })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    expect(res.body).toMatchObject({ seq: 3, days: -0.5, correctsEntryId: first.id })
    const list = await expert.get<{ items: SupportDayEntry[] }>(`/api/projects/${project.id}/entries`)
    expect(list.body.items.find((e) => e.id === first.id)?.correctedBy).toEqual([3])
    expect((await staff.get<Project>(`/api/projects/${project.id}`)).body.loggedDays).toBe(2)
    const below = await expert.post(`/api/projects/${project.id}/entries`, { workedOn: daysAgo(20), days: -2, activity: 'Troppo', correctsEntryId: first.id })
    expect(below.status).toBe(400)
  })

  it('never lets an entry’s content change, even through SQL', async () => {
    const db = t.deps.database.db
    await expect(db.update(supportDayEntries).set({ days: '9.000' }).where(eq(supportDayEntries.id, first.id))).rejects.toThrow()
    const [row] = await db.select().from(supportDayEntries).where(eq(supportDayEntries.id, first.id))
    expect(row?.days).toBe('2.000')
  })

  it('sends the company a link; the company confirms without an account; staff approve', async () => {
    expect((await staff.post(`/api/projects/${project.id}/entries/${first.id}/approve`)).status).toBe(409)
    const sent = await expert.post<SupportDayEntry>(`/api/projects/${project.id}/entries/${first.id}/send-confirmation`, { email: 'titolare@rota.example' })
    expect(sent.status, JSON.stringify(sent.body)).toBe(200)
    const token = await tokenFor('titolare@rota.example')
    const anon = new ApiClient(t.app)
    const view = await anon.get<SupportDayConfirmation>(`/api/support-day-links/${token}`)
    expect(view.body).toMatchObject({ companyName: 'Officine Rota S.r.l.', projectTitle: 'Backup in cloud e sicurezza', expertName: 'Giorgio Valsecchi', days: 2, status: 'pending' })
    const confirmed = await anon.post<SupportDayConfirmation>(`/api/support-day-links/${token}/confirm`, { name: 'Mario Rota' })
    expect(confirmed.body).toMatchObject({ status: 'confirmed', confirmerName: 'Mario Rota' })
    expect((await anon.post(`/api/support-day-links/${token}/dispute`, { name: 'Mario Rota', note: 'ripensamento' })).status).toBe(409)
    expect((await expert.post(`/api/projects/${project.id}/entries/${first.id}/approve`)).status).toBe(403)
    const approved = await staff.post<SupportDayEntry>(`/api/projects/${project.id}/entries/${first.id}/approve`)
    expect(approved.body.approvedBy?.name).toBe('Sara Staff')
    expect((await anon.get(`/api/support-day-links/not-a-token`)).status).toBe(404)
  })

  it('lets the company dispute an entry with a note, and a disputed entry frees its days', async () => {
    const entry = (await expert.post<SupportDayEntry>(`/api/projects/${project.id}/entries`, { workedOn: daysAgo(5), days: 1, activity: 'Formazione' })).body
    await expert.post(`/api/projects/${project.id}/entries/${entry.id}/send-confirmation`, { email: 'titolare@rota.example' })
    const token = await tokenFor('titolare@rota.example')
    const disputed = await new ApiClient(t.app).post<SupportDayConfirmation>(`/api/support-day-links/${token}/dispute`, { name: 'Mario Rota', note: 'Quel giorno eravamo chiusi' })
    expect(disputed.body).toMatchObject({ status: 'disputed', disputeNote: 'Quel giorno eravamo chiusi' })
    expect((await staff.get<Project>(`/api/projects/${project.id}`)).body.loggedDays).toBe(2)
    const activity = await t.deps.database.db.select().from(companyActivity).where(and(eq(companyActivity.sourceType, 'support_day'), eq(companyActivity.sourceId, entry.id)))
    expect(activity).toEqual([])
  })

  it('expires a link after 30 days', async () => {
    const entry = (await expert.post<SupportDayEntry>(`/api/projects/${project.id}/entries`, { workedOn: daysAgo(4), days: 1, activity: 'Verifica' })).body
    await expert.post(`/api/projects/${project.id}/entries/${entry.id}/send-confirmation`, { email: 'tardi@rota.example' })
    const token = await tokenFor('tardi@rota.example')
    t.clock.advance(31 * 86_400_000)
    try {
      expect((await new ApiClient(t.app).get(`/api/support-day-links/${token}`)).status).toBe(410)
    } finally {
      t.clock.advance(-31 * 86_400_000)
    }
  })

  it('marks the company as supported on its journey', async () => {
    const [company] = await t.deps.database.db.execute<{ stage: string }>(sql`select stage from companies where id = ${companyId}::uuid`).then((r) => (Array.isArray(r) ? r : (r as { rows: { stage: string }[] }).rows))
    expect(company?.stage).toBe('supported')
  })

  it('draws the burn-down: budget, logged, confirmed, approved by date of work', async () => {
    const res = await member.get<BurnDown>(`/api/projects/${project.id}/burndown`)
    expect(res.status).toBe(200)
    expect(res.body.budgetDays).toBe(10)
    expect(res.body.totals).toEqual({ logged: 3, confirmed: 2, approved: 2, disputed: 1, remaining: 7 })
    expect(res.body.points[0]).toEqual({ date: daysAgo(20), logged: 1.5, confirmed: 2, approved: 2, remaining: 8.5 })
  })

  it('shows the company member their company’s projects and days only', async () => {
    const list = await member.get<ProjectPage>('/api/projects')
    expect(list.body.items.map((p) => p.title)).toEqual(['Backup in cloud e sicurezza'])
    expect((await member.get<{ items: SupportDayEntry[] }>(`/api/projects/${project.id}/entries`)).body.items).toHaveLength(5)
    expect((await member.post(`/api/projects/${project.id}/entries`, { workedOn: daysAgo(1), days: 1, activity: 'x' })).status).toBe(403)
    expect((await member.get<Project>(`/api/projects/${project.id}`)).body.expertRating).toBeNull()
  })

  it('totals days per expert, company, unit and month, within the caller’s scope', async () => {
    const byExpert = await staff.get<SupportDayTotals>('/api/support-days/totals?groupBy=expert')
    expect(byExpert.body.rows).toEqual([{ key: expertId, label: 'Giorgio Valsecchi', logged: 3, confirmed: 2, approved: 2, entries: 4 }])
    const byCompany = await staff.get<SupportDayTotals>(`/api/support-days/totals?groupBy=company&from=${daysAgo(6)}`)
    expect(byCompany.body.rows).toEqual([{ key: companyId, label: 'Officine Rota S.r.l.', logged: 1, confirmed: 0, approved: 0, entries: 1 }])
    expect((await staffBs.get<SupportDayTotals>('/api/support-days/totals?groupBy=unit')).body.rows).toEqual([])
  })

  it('reports the workload: committed days per month over active projects', async () => {
    const res = await staff.get<ExpertWorkload>(`/api/support-days/workload?from=${daysAgo(60).slice(0, 7)}&months=6`)
    const line = res.body.experts.find((e) => e.userId === expertId)
    expect(line?.committed.reduce((a, b) => a + b, 0)).toBeCloseTo(10, 5)
    expect(line?.logged.reduce((a, b) => a + b, 0)).toBeCloseTo(3, 5)
  })

  it('exports the timesheet as XLSX and PDF', async () => {
    const xlsx = await staff.request<string>('GET', `/api/projects/${project.id}/timesheet?format=xlsx`)
    expect(xlsx.status).toBe(200)
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml')
    const res = await t.app.request(`http://ponte.test/api/projects/${project.id}/timesheet?format=xlsx`, { headers: { cookie: staff.cookie } })
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(await res.arrayBuffer())
    const values = workbook.worksheets[0]?.getSheetValues().flat().map(String) ?? []
    expect(values).toContain('Analisi dei sistemi')
    expect(values).toContain('Backup in cloud e sicurezza')
    const pdf = await t.app.request(`http://ponte.test/api/support-days/timesheet?format=pdf&month=${daysAgo(20).slice(0, 7)}`, { headers: { cookie: expert.cookie } })
    expect(pdf.status).toBe(200)
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-')
  })

  it('completes with outcome and rating; then nothing new is logged', async () => {
    const done = await staff.post<Project>(`/api/projects/${project.id}/transition`, { status: 'completed', outcome: 'Backup attivo', expertRating: 5 })
    expect(done.body).toMatchObject({ status: 'completed', outcome: 'Backup attivo', expertRating: 5 })
    expect((await expert.post(`/api/projects/${project.id}/entries`, { workedOn: daysAgo(1), days: 1, activity: 'x' })).status).toBe(409)
  })
})
