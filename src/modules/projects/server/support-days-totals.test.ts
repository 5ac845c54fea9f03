/**
 * The ledger totals read a monthly summary kept by triggers (support_day_month_totals, ADR 0030):
 * the summary must equal a fresh aggregation of the ledger after every kind of write (bulk and
 * single inserts, confirmations, disputes, approvals, corrections, deletes), and the totals over
 * any period — whole months, partial months at either end, a few days inside one month, open ends —
 * must equal the sums of the ledger itself, for every grouping and scope.
 */
import { and, eq, inArray, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildCompany } from '../../../../tests/factories/companies.factory'
import { buildRootUnit, buildUnit, buildUser } from '../../../../tests/factories/identity.factory'
import { createTestApp, signedInClient, type ApiClient, type TestApp } from '../../../../tests/support/test-app'
import { prng } from '../../../shared/prng'
import type { Db } from '../../../server/db/client'
import { TOTALS_GROUPS, type SupportDayTotals } from '../projects.contract'
import { committedByMonth, committedInMonth, wholeMonths } from './support-days-reports.service'
import { projects, supportDayEntries } from './projects.table'

let t: TestApp
let db: Db
let admin: ApiClient
let staffBg: ApiClient
let bgId: string
const projectIds: string[] = []
const seqs = new Map<string, number>()
let expertIds: string[] = []

function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[]
}

interface MonthRow {
  project_id: string
  month: string
  logged: string
  confirmed: string
  approved: string
  entries: number
}

/** The summary as stored, and as a fresh aggregation of the ledger computes it. */
async function summaryAndFresh(): Promise<{ stored: MonthRow[]; fresh: MonthRow[] }> {
  const columns = sql`project_id::text as project_id, to_char(month, 'YYYY-MM-DD') as month, logged::text as logged, confirmed::text as confirmed, approved::text as approved, entries`
  const stored = rowsOf<MonthRow>(await db.execute(sql`select ${columns} from support_day_month_totals order by 1, 2`))
  const fresh = rowsOf<MonthRow>(
    await db.execute(sql`select ${columns} from (
      select project_id, date_trunc('month', worked_on)::date as month, sum(days)::numeric(12, 3) as logged,
             coalesce(sum(days) filter (where confirmation_status = 'confirmed'), 0)::numeric(12, 3) as confirmed,
             coalesce(sum(days) filter (where approved_at is not null), 0)::numeric(12, 3) as approved, count(*)::int as entries
        from support_day_entries where confirmation_status <> 'disputed' group by 1, 2) f order by 1, 2`),
  )
  return { stored, fresh }
}

async function expectInSync() {
  const { stored, fresh } = await summaryAndFresh()
  expect(fresh.length).toBeGreaterThan(0)
  expect(stored).toEqual(fresh)
}

function entry(projectId: string, workedOn: string, days: number, over: Partial<typeof supportDayEntries.$inferInsert> = {}): typeof supportDayEntries.$inferInsert {
  const seq = (seqs.get(projectId) ?? 0) + 1
  seqs.set(projectId, seq)
  return { projectId, seq, workedOn, days: String(days), activity: 'Affiancamento', loggedBy: expertIds[0] as string, ...over }
}

/** A day of 2026 from a day-of-year (0 = 1 January). */
function dayOfYear(n: number): string {
  return new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString().slice(0, 10)
}

beforeAll(async () => {
  t = await createTestApp()
  db = t.deps.database.db
  const root = await buildRootUnit(db)
  const bg = await buildUnit(db, { parent: root, name: 'Antenna Bergamo' })
  const bs = await buildUnit(db, { parent: root, name: 'Antenna Brescia' })
  bgId = bg.id
  admin = await signedInClient(t, (await buildUser(db, { grants: [{ unit: root, role: 'network_admin' }] })).email)
  staffBg = await signedInClient(t, (await buildUser(db, { grants: [{ unit: bg, role: 'unit_staff' }] })).email)
  const experts = [await buildUser(db, { name: 'Giorgio Valsecchi', grants: [{ unit: bg, role: 'expert' }] }), await buildUser(db, { name: 'Laura Bonfanti', grants: [{ unit: bs, role: 'expert' }] })]
  expertIds = experts.map((e) => e.id)
  const companies = [await buildCompany(db, { unit: bg, name: 'Officine Rota S.r.l.' }), await buildCompany(db, { unit: bg, name: 'Vicini S.p.A.' }), await buildCompany(db, { unit: bs, name: 'Bresciana S.n.c.' })]
  // A project of a Bergamo company run from Brescia: Bergamo staff read it through the company.
  const specs = [
    { company: 0, unit: bg.id, expert: 0 },
    { company: 1, unit: bg.id, expert: 1 },
    { company: 2, unit: bs.id, expert: 0 },
    { company: 0, unit: bs.id, expert: null },
  ]
  for (const s of specs) {
    const [row] = await db
      .insert(projects)
      .values({ companyId: (companies[s.company] as { id: string }).id, unitId: s.unit, expertUserId: s.expert === null ? null : expertIds[s.expert], title: 'Supporto', budgetDays: '40', status: 'active', createdBy: expertIds[0] as string })
      .returning()
    projectIds.push((row as { id: string }).id)
  }
}, 120_000)

afterAll(async () => {
  await t.close()
})

describe('support_day_month_totals, kept by triggers', () => {
  it('follows a bulk insert (one statement, many projects and months) and single inserts', async () => {
    const random = prng(7)
    const rows = Array.from({ length: 240 }, () => {
      const r = random()
      return entry(projectIds[Math.floor(random() * projectIds.length)] as string, dayOfYear(Math.floor(random() * 150)), [0.5, 0.75, 1][Math.floor(random() * 3)] as number, {
        confirmationStatus: r < 0.6 ? 'confirmed' : r < 0.7 ? 'disputed' : 'pending',
        approvedAt: r < 0.4 ? new Date('2026-06-01T09:00:00Z') : null,
      })
    })
    await db.insert(supportDayEntries).values(rows)
    await expectInSync()
    // Month boundaries, one row at a time.
    for (const day of ['2026-01-31', '2026-02-01', '2026-02-28', '2026-03-01', '2026-05-31']) await db.insert(supportDayEntries).values(entry(projectIds[0] as string, day, 1))
    await expectInSync()
  })

  it('follows confirmations, disputes and approvals, one by one and in bulk', async () => {
    const pending = await db.select().from(supportDayEntries).where(eq(supportDayEntries.confirmationStatus, 'pending'))
    const [first, second, third] = pending
    await db.update(supportDayEntries).set({ confirmationStatus: 'confirmed', confirmedAt: new Date() }).where(eq(supportDayEntries.id, (first as { id: string }).id))
    await expectInSync()
    await db.update(supportDayEntries).set({ confirmationStatus: 'disputed', disputeNote: 'Non svolta' }).where(eq(supportDayEntries.id, (second as { id: string }).id))
    await expectInSync()
    // A disputed entry confirmed after all comes back into the totals.
    await db.update(supportDayEntries).set({ confirmationStatus: 'confirmed' }).where(eq(supportDayEntries.confirmationStatus, 'disputed'))
    await expectInSync()
    await db.update(supportDayEntries).set({ approvedAt: new Date(), approvedBy: expertIds[0] }).where(eq(supportDayEntries.confirmationStatus, 'confirmed'))
    await expectInSync()
    // An update that moves nothing the totals read writes nothing wrong either.
    await db.update(supportDayEntries).set({ confirmationSentAt: new Date() }).where(eq(supportDayEntries.id, (third as { id: string }).id))
    await expectInSync()
  })

  it('follows corrections (new entries taking days back), and a month emptied by disputes goes', async () => {
    const [target] = await db.select().from(supportDayEntries).where(and(eq(supportDayEntries.projectId, projectIds[1] as string), eq(supportDayEntries.confirmationStatus, 'confirmed'))).limit(1)
    if (!target) throw new Error('expected a confirmed entry')
    await db.insert(supportDayEntries).values(entry(target.projectId, target.workedOn, -0.25, { correctsEntryId: target.id, activity: 'Rettifica' }))
    await expectInSync()
    const lone = entry(projectIds[2] as string, '2026-09-15', 1)
    await db.insert(supportDayEntries).values(lone)
    expect(rowsOf(await db.execute(sql`select 1 from support_day_month_totals where month = '2026-09-01'`))).toHaveLength(1)
    await db.update(supportDayEntries).set({ confirmationStatus: 'disputed' }).where(eq(supportDayEntries.workedOn, '2026-09-15'))
    expect(rowsOf(await db.execute(sql`select 1 from support_day_month_totals where month = '2026-09-01'`))).toHaveLength(0)
    await expectInSync()
  })

  it('refuses a change of an entry’s content as before (the ledger stays append-only)', async () => {
    const [any] = await db.select().from(supportDayEntries).limit(1)
    await expect(db.update(supportDayEntries).set({ days: '9' }).where(eq(supportDayEntries.id, (any as { id: string }).id))).rejects.toThrow()
    await expectInSync()
  })

  it('follows deletes (maintenance), and rebuild_…() gives the same table', async () => {
    const doomed = await db.select({ id: supportDayEntries.id }).from(supportDayEntries).where(eq(supportDayEntries.workedOn, '2026-02-01'))
    await db.delete(supportDayEntries).where(inArray(supportDayEntries.id, doomed.map((d) => d.id)))
    await expectInSync()
    const before = (await summaryAndFresh()).stored
    await db.execute(sql`select rebuild_support_day_month_totals()`)
    expect((await summaryAndFresh()).stored).toEqual(before)
  })
})

describe('totals over a period', () => {
  /** The same figures summed straight from the ledger, as the totals were computed before the summary. */
  async function fromLedger(groupBy: (typeof TOTALS_GROUPS)[number], from: string | undefined, to: string | undefined, bgOnly: boolean): Promise<SupportDayTotals['rows']> {
    const key = {
      expert: sql`coalesce(p.expert_user_id::text, '')`,
      company: sql`p.company_id::text`,
      unit: sql`p.unit_id::text`,
      month: sql`to_char(e.worked_on, 'YYYY-MM')`,
    }[groupBy]
    const label = {
      expert: sql`coalesce((select u.name from users u where u.id = p.expert_user_id::text), '')`,
      company: sql`(select c.name from companies c where c.id = p.company_id)`,
      unit: sql`(select un.name from units un where un.id = p.unit_id)`,
      month: sql`to_char(e.worked_on, 'YYYY-MM')`,
    }[groupBy]
    const rows = rowsOf<{ key: string; label: string; logged: string; confirmed: string; approved: string; entries: number }>(
      await db.execute(sql`
        select ${key} as key, min(${label}) as label, sum(e.days) as logged,
               coalesce(sum(e.days) filter (where e.confirmation_status = 'confirmed'), 0) as confirmed,
               coalesce(sum(e.days) filter (where e.approved_at is not null), 0) as approved, count(*)::int as entries
          from support_day_entries e join projects p on p.id = e.project_id
         where e.confirmation_status <> 'disputed'
           and ${from ? sql`e.worked_on >= ${from}::date` : sql`true`} and ${to ? sql`e.worked_on <= ${to}::date` : sql`true`}
           and ${bgOnly ? sql`(p.unit_id = ${bgId}::uuid or p.company_id in (select c.id from companies c where c.unit_id = ${bgId}::uuid))` : sql`true`}
         group by 1 order by 1`),
    )
    return rows.map((r) => ({ key: r.key, label: r.label, logged: Number(r.logged), confirmed: Number(r.confirmed), approved: Number(r.approved), entries: r.entries }))
  }

  const periods: [string, string | undefined, string | undefined][] = [
    ['everything', undefined, undefined],
    ['whole months', '2026-02-01', '2026-03-31'],
    ['partial months at both ends', '2026-01-17', '2026-04-09'],
    ['a few days inside one month', '2026-03-03', '2026-03-20'],
    ['one day, the last of a month', '2026-02-28', '2026-02-28'],
    ['from a day on', '2026-02-14', undefined],
    ['up to a day', undefined, '2026-03-30'],
    ['up to a month’s last day', undefined, '2026-04-30'],
    ['an empty period', '2026-04-10', '2026-04-01'],
  ]

  it.each(TOTALS_GROUPS.flatMap((g) => periods.map(([name, from, to]) => [g, name, from, to] as const)))('by %s, %s, equal the ledger’s sums', async (groupBy, _name, from, to) => {
    const query = new URLSearchParams({ groupBy, ...(from ? { from } : {}), ...(to ? { to } : {}) }).toString()
    const all = await admin.get<SupportDayTotals>(`/api/support-days/totals?${query}`)
    expect(all.status, JSON.stringify(all.body)).toBe(200)
    expect(all.body.rows).toEqual(await fromLedger(groupBy, from, to, false))
    const bg = await staffBg.get<SupportDayTotals>(`/api/support-days/totals?${query}`)
    expect(bg.body.rows).toEqual(await fromLedger(groupBy, from, to, true))
  })

  it('labels groups by name', async () => {
    const byExpert = (await admin.get<SupportDayTotals>('/api/support-days/totals?groupBy=expert')).body.rows
    expect(byExpert.map((r) => r.label).sort()).toEqual(['', 'Giorgio Valsecchi', 'Laura Bonfanti'])
    const byUnit = (await admin.get<SupportDayTotals>('/api/support-days/totals?groupBy=unit')).body.rows
    expect(byUnit.map((r) => r.label).sort()).toEqual(['Antenna Bergamo', 'Antenna Brescia'])
  })

  it('a project the caller cannot read adds nothing; one of their company run from elsewhere does', async () => {
    const byCompany = (await staffBg.get<SupportDayTotals>('/api/support-days/totals?groupBy=company')).body.rows
    expect(byCompany.map((r) => r.label).sort()).toEqual(['Officine Rota S.r.l.', 'Vicini S.p.A.'])
    const byUnit = (await staffBg.get<SupportDayTotals>('/api/support-days/totals?groupBy=unit')).body.rows
    expect(byUnit.map((r) => r.label).sort()).toEqual(['Antenna Bergamo', 'Antenna Brescia'])
  })
})

describe('wholeMonths', () => {
  it.each([
    [undefined, undefined, null, null],
    ['2026-02-01', '2026-03-31', '2026-02-01', '2026-04-01'],
    ['2026-01-17', '2026-04-09', '2026-02-01', '2026-04-01'],
    ['2026-03-03', '2026-03-20', '2026-04-01', '2026-03-01'],
    ['2026-12-02', undefined, '2027-01-01', null],
    [undefined, '2024-02-29', null, '2024-03-01'],
    [undefined, '2026-02-28', null, '2026-03-01'],
    [undefined, '2024-02-28', null, '2024-02-01'],
  ])('%s … %s → [%s, %s)', (from, to, lo, hi) => {
    expect(wholeMonths(from, to)).toEqual({ lo, hi })
  })
})

describe('committedInMonth', () => {
  it.each([
    { budgetDays: '10', startsOn: '2026-01-15', endsOn: '2026-04-10', createdAt: new Date('2026-01-01T00:00:00Z') },
    { budgetDays: '9', startsOn: null, endsOn: null, createdAt: new Date('2025-12-20T10:00:00Z') },
    { budgetDays: '5', startsOn: '2026-03-01', endsOn: '2026-03-31', createdAt: new Date('2026-01-01T00:00:00Z') },
    { budgetDays: '6', startsOn: '2026-05-01', endsOn: '2026-02-01', createdAt: new Date('2026-01-01T00:00:00Z') },
  ])('agrees with committedByMonth month by month (%j)', (project) => {
    const months = Array.from({ length: 14 }, (_, i) => new Date(Date.UTC(2025, 10 + i, 1)).toISOString().slice(0, 7))
    for (const month of months) expect(committedInMonth(project, month)).toBe(committedByMonth(project).get(month) ?? 0)
  })
})
