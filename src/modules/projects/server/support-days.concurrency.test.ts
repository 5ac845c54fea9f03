/**
 * The budget guard under concurrent entries (issue 5: "the refusal holds under concurrent
 * entries"): many entries fired at once for a project whose budget only some of them fit. The
 * project row is locked before the sum, so the total never passes the budget. Runs on PGlite and,
 * with TEST_DATABASE_URL, on PostgreSQL (where the requests really run on separate connections).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildRootUnit, buildUnit, buildUser } from '../../../../tests/factories/identity.factory'
import { buildCompany } from '../../../../tests/factories/companies.factory'
import { createTestApp, signedInClient, type ApiClient, type TestApp } from '../../../../tests/support/test-app'
import type { Project, SupportDayEntry } from '../projects.contract'

let t: TestApp
let staff: ApiClient
let experts: ApiClient[]

beforeAll(async () => {
  t = await createTestApp()
  const db = t.deps.database.db
  const root = await buildRootUnit(db)
  const bg = await buildUnit(db, { parent: root })
  staff = await signedInClient(t, (await buildUser(db, { grants: [{ unit: bg, role: 'unit_staff' }] })).email)
  const expertUser = await buildUser(db, { grants: [{ unit: bg, role: 'expert' }] })
  // Several sessions of the same expert (phone, laptop, …): each request its own client.
  experts = await Promise.all(Array.from({ length: 4 }, () => signedInClient(t, expertUser.email)))
  const company = await buildCompany(db, { unit: bg })
  const project = (await staff.post<Project>('/api/projects', { companyId: company.id, title: 'Concorrenza', budgetDays: 10, expertUserId: expertUser.id })).body
  await staff.post(`/api/projects/${project.id}/transition`, { status: 'active' })
  projectId = project.id
}, 120_000)

let projectId = ''

afterAll(async () => {
  await t.close()
})

describe('the budget guard under concurrent entries', () => {
  it('never lets the total pass the budget, and numbers entries without gaps', async () => {
    const today = new Date(t.clock.now.getTime() - 86_400_000).toISOString().slice(0, 10)
    // 24 entries of 0.75 days = 18 days against a budget of 10: at most 13 fit (9.75 days).
    const results = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        (experts[i % experts.length] as ApiClient).post<SupportDayEntry | { error: { messageKey: string } }>(`/api/projects/${projectId}/entries`, { workedOn: today, days: 0.75, activity: `Giornata ${i}` }),
      ),
    )
    const accepted = results.filter((r) => r.status === 201)
    const refused = results.filter((r) => r.status === 409)
    expect(accepted.length + refused.length).toBe(24)
    expect(accepted).toHaveLength(13)
    for (const r of refused) expect((r.body as { error: { messageKey: string } }).error.messageKey).toBe('errors.supportDayBudgetExceeded')
    const project = (await staff.get<Project>(`/api/projects/${projectId}`)).body
    expect(project.loggedDays).toBe(9.75)
    const entries = (await staff.get<{ items: SupportDayEntry[] }>(`/api/projects/${projectId}/entries`)).body.items
    expect(entries.map((e) => e.seq)).toEqual(Array.from({ length: 13 }, (_, i) => i + 1))
    // The last quarter day still fits; the next does not.
    expect((await experts[0]?.post(`/api/projects/${projectId}/entries`, { workedOn: today, days: 0.25, activity: 'Ultimo quarto' }))?.status).toBe(201)
    expect((await experts[0]?.post(`/api/projects/${projectId}/entries`, { workedOn: today, hours: 1, activity: 'Oltre' }))?.status).toBe(409)
  }, 120_000)
})
