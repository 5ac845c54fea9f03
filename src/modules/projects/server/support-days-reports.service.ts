/**
 * Figures of the support-day ledger (issue 5): totals per expert, company, unit or month over a
 * period, the workload per expert (days committed in active projects per month), and timesheets
 * (XLSX, PDF) per project or per expert and month. Everything is scoped like the project list:
 * staff see their units' projects, experts their own, company members their company's.
 */
import ExcelJS from 'exceljs'
import PDFDocument from 'pdfkit'
import { and, asc, eq, gte, inArray, ne, sql, type SQL } from 'drizzle-orm'
import { AppError } from '../../../shared/app-error'
import { uuidArrayParam } from '../../../server/db/array-param'
import type { Db } from '../../../server/db/client'
import type { RequestContext } from '../../../server/http/context'
import { findCompanyScopes, neutraliseFormula } from '../../companies'
import { unitIdsUnder } from '../../identity'
import type { ExpertWorkload, SupportDayTotals, TotalsQuery, WorkloadQuery } from '../projects.contract'
import { formatDays, getScopedProject, num, projectScope, requireActor, userNames } from './projects.service'
import { projects, supportDayEntries, type ProjectRow, type SupportDayEntryRow } from './projects.table'

type Locale = 'it' | 'en'

/**
 * Whole months of a period, as first days: [lo, hi). `lo` is the first month starting on or after
 * `from`, `hi` the first month not wholly before or on `to`; null when that end is open. The totals
 * read whole months from the monthly table and the days outside them from the ledger.
 */
export function wholeMonths(from: string | undefined, to: string | undefined): { lo: string | null; hi: string | null } {
  const firstOfMonth = (day: string, add: number) => `${addMonths(day.slice(0, 7), add)}-01`
  const lo = from ? (from.endsWith('-01') ? from : firstOfMonth(from, 1)) : null
  const lastOfMonth = to ? new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000).getUTCDate() === 1 : false
  const hi = to ? firstOfMonth(to, lastOfMonth ? 1 : 0) : null
  return { lo, hi }
}

/**
 * Support-day totals grouped by expert, company, unit or month of work, over an optional period.
 * One statement: per project and month, whole months come from support_day_month_totals (kept by
 * triggers, ADR 0030) and the partial months at the period's ends from the ledger; then the
 * projects the caller reads, grouped, each group with its label (user, company or unit name, read
 * by name from the identity and companies modules' tables).
 */
export async function supportDayTotals(ctx: RequestContext, query: TotalsQuery): Promise<SupportDayTotals> {
  const actor = requireActor(ctx)
  const conditions: SQL[] = []
  const scope = projectScope(ctx.db, actor)
  if (scope) conditions.push(scope)
  if (query.unitId) conditions.push(inArray(projects.unitId, unitIdsUnder(ctx.db, [`%/${query.unitId}/`])))
  const { lo, hi } = wholeMonths(query.from, query.to)
  const whole = and(lo ? sql`t.month >= ${lo}::date` : undefined, hi ? sql`t.month < ${hi}::date` : undefined) ?? sql`true`
  const parts = [sql`select t.project_id, t.month, t.logged, t.confirmed, t.approved, t.entries from support_day_month_totals t where ${whole}`]
  // Days of the period outside its whole months, as one or two ranges of `worked_on` (so the
  // index reads only them): the whole period when it spans no whole month.
  const ranges: SQL[] = []
  if (lo && hi && lo >= hi) ranges.push(sql`(e.worked_on >= ${query.from}::date and e.worked_on <= ${query.to}::date)`)
  else {
    if (query.from && lo && query.from < lo) ranges.push(sql`(e.worked_on >= ${query.from}::date and e.worked_on < ${lo}::date)`)
    if (query.to && hi && hi <= query.to) ranges.push(sql`(e.worked_on >= ${hi}::date and e.worked_on <= ${query.to}::date)`)
  }
  if (ranges.length > 0) {
    parts.push(sql`select e.project_id, date_trunc('month', e.worked_on)::date, sum(e.days),
        coalesce(sum(e.days) filter (where e.confirmation_status = 'confirmed'), 0),
        coalesce(sum(e.days) filter (where e.approved_at is not null), 0), count(*)::int
      from support_day_entries e
     where e.confirmation_status <> 'disputed' and (${sql.join(ranges, sql` or `)})
     group by 1, 2`)
  }
  const { key, label, groupBy } = {
    expert: { groupBy: sql`${projects.expertUserId}`, key: sql`coalesce(${projects.expertUserId}::text, '')`, label: sql`(select u.name from users u where u.id = ${projects.expertUserId}::text)` },
    company: { groupBy: sql`${projects.companyId}`, key: sql`${projects.companyId}::text`, label: sql`(select c.name from companies c where c.id = ${projects.companyId})` },
    unit: { groupBy: sql`${projects.unitId}`, key: sql`${projects.unitId}::text`, label: sql`(select un.name from units un where un.id = ${projects.unitId})` },
    month: { groupBy: sql`x.month`, key: sql`to_char(x.month, 'YYYY-MM')`, label: sql`null::text` },
  }[query.groupBy]
  const result = await ctx.db.execute(sql`
    select ${key} as key, ${label} as label, sum(x.logged) as logged, sum(x.confirmed) as confirmed, sum(x.approved) as approved, sum(x.entries)::int as entries
      from (${sql.join(parts, sql` union all `)}) as x (project_id, month, logged, confirmed, approved, entries)
      join ${projects} on ${projects.id} = x.project_id
     where ${and(...conditions) ?? sql`true`}
     group by ${groupBy}
     order by 1`)
  const rows = rowsOf<{ key: string; label: string | null; logged: string; confirmed: string; approved: string; entries: number | string }>(result)
  return {
    groupBy: query.groupBy,
    rows: rows.map((r) => ({ key: r.key, label: r.label ?? r.key, logged: num(r.logged), confirmed: num(r.confirmed), approved: num(r.approved), entries: Number(r.entries) })),
  }
}

function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[]
}

function monthOf(day: string): string {
  return day.slice(0, 7)
}

function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  const d = new Date(Date.UTC(y, m - 1 + n, 1))
  return d.toISOString().slice(0, 7)
}

function monthsBetween(from: string, to: string): number {
  const [fy, fm] = from.split('-').map(Number) as [number, number]
  const [ty, tm] = to.split('-').map(Number) as [number, number]
  return (ty - fy) * 12 + (tm - fm)
}

/** A project without an end date is taken to run three months (the programme's usual length). */
export const DEFAULT_PROJECT_MONTHS = 3

/**
 * Days a project commits its expert to in each month it spans: the budget spread evenly over the
 * months from its start to its end (start: the start date, else the creation month; end: the end
 * date, else start + 3 months). Pure; the workload and the matching's `committedDaysPerMonth` use it.
 */
export function committedByMonth(project: Commitment): Map<string, number> {
  const { start, span, perMonth } = commitmentOf(project)
  const result = new Map<string, number>()
  for (let i = 0; i < span; i++) result.set(addMonths(start, i), perMonth)
  return result
}

type Commitment = Pick<ProjectRow, 'startsOn' | 'endsOn' | 'createdAt'> & { budgetDays: string | number }

function commitmentOf(project: Commitment): { start: string; span: number; perMonth: number } {
  const start = project.startsOn ? monthOf(project.startsOn) : project.createdAt.toISOString().slice(0, 7)
  const span = project.endsOn ? Math.max(1, monthsBetween(start, monthOf(project.endsOn)) + 1) : DEFAULT_PROJECT_MONTHS
  return { start, span, perMonth: num(project.budgetDays) / span }
}

/** `committedByMonth(project).get(month) ?? 0` without building the months (matching asks for thousands). */
export function committedInMonth(project: Commitment, month: string): number {
  const { start, span, perMonth } = commitmentOf(project)
  const offset = monthsBetween(start, month)
  return offset >= 0 && offset < span ? perMonth : 0
}

/**
 * Matching asks for thousands of experts at once: their ids travel as one array parameter joined
 * as a set (`= any(…)` over a long array costs the planner a selectivity estimate per element, and
 * `in (…)` a parameter each), and the answer as one JSON value (decoding thousands of rows field by
 * field costs the drivers, PGlite's above all, more than the query).
 */
async function jsonOf<T>(db: Db, query: SQL): Promise<T | null> {
  const result = await db.execute(query)
  const rows = (Array.isArray(result) ? result : (result as { rows: { j: string | null }[] }).rows) as { j: string | null }[]
  const text = rows[0]?.j
  return text ? (JSON.parse(text) as T) : null
}

/** Committed days per month of each expert over their active projects (all units), for `month`. */
export async function committedDaysThisMonth(db: Db, expertIds: readonly string[], month: string): Promise<Map<string, number>> {
  const result = new Map<string, number>()
  if (expertIds.length === 0) return result
  const rows = await jsonOf<[string, number, string | null, string | null, number][]>(
    db,
    sql`select json_agg(json_build_array(p.expert_user_id, p.budget_days, p.starts_on, p.ends_on, extract(epoch from p.created_at) * 1000))::text as j
          from ${projects} p join unnest(${uuidArrayParam(expertIds)}) as wanted(id) on wanted.id = p.expert_user_id
         where p.status = 'active'`,
  )
  for (const [expert, budgetDays, startsOn, endsOn, createdAt] of rows ?? []) {
    const days = committedInMonth({ budgetDays, startsOn, endsOn, createdAt: new Date(createdAt) }, month)
    result.set(expert, num((result.get(expert) ?? 0) + days))
  }
  return result
}

/** Ratings (1–5) staff gave each expert at the completion of their past projects. */
export async function expertRatings(db: Db, expertIds: readonly string[]): Promise<Map<string, number[]>> {
  if (expertIds.length === 0) return new Map()
  const byExpert = await jsonOf<Record<string, number[]>>(
    db,
    sql`select json_object_agg(g.expert, g.ratings)::text as j
          from (select p.expert_user_id::text as expert, json_agg(p.expert_rating) as ratings
                  from ${projects} p join unnest(${uuidArrayParam(expertIds)}) as wanted(id) on wanted.id = p.expert_user_id
                 where p.status = 'completed' and p.expert_rating is not null
                 group by 1) g`,
  )
  return new Map(Object.entries(byExpert ?? {}))
}

/** The workload per expert: days committed in active projects and days logged, month by month. */
export async function expertWorkload(ctx: RequestContext, query: WorkloadQuery): Promise<ExpertWorkload> {
  const actor = requireActor(ctx)
  const from = query.from ?? ctx.now().toISOString().slice(0, 7)
  const months = Array.from({ length: query.months }, (_, i) => addMonths(from, i))
  const conditions: SQL[] = [sql`${projects.expertUserId} is not null`, inArray(projects.status, ['active', 'completed'])]
  const scope = projectScope(ctx.db, actor)
  if (scope) conditions.push(scope)
  if (query.expertUserId) conditions.push(eq(projects.expertUserId, query.expertUserId))
  const rows = await ctx.db.select().from(projects).where(and(...conditions))
  const committed = new Map<string, number[]>()
  for (const p of rows) {
    if (!p.expertUserId || p.status !== 'active') continue
    const byMonth = committedByMonth(p)
    const line = committed.get(p.expertUserId) ?? months.map(() => 0)
    months.forEach((m, i) => (line[i] = num((line[i] ?? 0) + (byMonth.get(m) ?? 0))))
    committed.set(p.expertUserId, line)
  }
  const logged = new Map<string, number[]>()
  if (rows.length > 0) {
    const last = addMonths(from, query.months)
    const sums = await ctx.db
      .select({ expert: projects.expertUserId, month: sql<string>`to_char(${supportDayEntries.workedOn}, 'YYYY-MM')`, days: sql<string>`sum(${supportDayEntries.days})` })
      .from(supportDayEntries)
      .innerJoin(projects, eq(projects.id, supportDayEntries.projectId))
      .where(and(inArray(projects.id, rows.map((p) => p.id)), ne(supportDayEntries.confirmationStatus, 'disputed'), gte(supportDayEntries.workedOn, `${from}-01`), sql`${supportDayEntries.workedOn} < ${`${last}-01`}::date`))
      .groupBy(projects.expertUserId, sql`to_char(${supportDayEntries.workedOn}, 'YYYY-MM')`)
    for (const s of sums) {
      if (!s.expert) continue
      const line = logged.get(s.expert) ?? months.map(() => 0)
      const i = months.indexOf(s.month)
      if (i >= 0) line[i] = num((line[i] ?? 0) + num(s.days))
      logged.set(s.expert, line)
    }
  }
  const expertIds = [...new Set([...committed.keys(), ...logged.keys()])]
  const names = await userNames(ctx.db, expertIds)
  return {
    months,
    experts: expertIds
      .map((id) => ({ userId: id, name: names.get(id) ?? '', committed: committed.get(id) ?? months.map(() => 0), logged: logged.get(id) ?? months.map(() => 0) }))
      .sort((a, b) => a.name.localeCompare(b.name, 'it')),
  }
}

// ---------------------------------------------------------------- timesheets

const TEXT = {
  it: {
    title: 'Foglio presenze — giornate di supporto',
    project: 'Progetto',
    company: 'Azienda',
    expert: 'Esperto',
    month: 'Mese',
    budget: 'Budget',
    columns: ['N.', 'Data', 'Giornate', 'Ore', 'Progetto', 'Attività', 'Esito', 'Rettifica di', 'Conferma azienda', 'Confermata da', 'Approvata il'],
    statuses: { pending: 'in attesa', confirmed: 'confermata', disputed: 'contestata' } as Record<string, string>,
    total: 'Totale (escluse le contestate)',
    generated: 'Generato il',
    days: 'giornate',
  },
  en: {
    title: 'Timesheet — support days',
    project: 'Project',
    company: 'Company',
    expert: 'Expert',
    month: 'Month',
    budget: 'Budget',
    columns: ['No.', 'Date', 'Days', 'Hours', 'Project', 'Activity', 'Outcome', 'Corrects', 'Company confirmation', 'Confirmed by', 'Approved on'],
    statuses: { pending: 'pending', confirmed: 'confirmed', disputed: 'disputed' } as Record<string, string>,
    total: 'Total (disputed excluded)',
    generated: 'Generated on',
    days: 'days',
  },
} as const

interface TimesheetLine {
  entry: SupportDayEntryRow
  projectTitle: string
  correctsSeq: number | null
}

interface Timesheet {
  locale: Locale
  heading: [string, string][]
  lines: TimesheetLine[]
  fileStem: string
}

export interface TimesheetFile {
  body: Buffer
  contentType: string
  fileName: string
}

function cells(t: (typeof TEXT)[Locale], line: TimesheetLine): (string | number)[] {
  const e = line.entry
  return [
    e.seq,
    e.workedOn,
    num(e.days),
    e.hours === null ? '' : num(e.hours),
    line.projectTitle,
    e.activity,
    e.outcome ?? '',
    line.correctsSeq === null ? '' : `#${line.correctsSeq}`,
    t.statuses[e.confirmationStatus] ?? e.confirmationStatus,
    e.confirmerName ?? '',
    e.approvedAt ? e.approvedAt.toISOString().slice(0, 10) : '',
  ]
}

function totalOf(lines: TimesheetLine[]): number {
  return num(lines.filter((l) => l.entry.confirmationStatus !== 'disputed').reduce((s, l) => s + num(l.entry.days), 0))
}

async function renderXlsx(sheet: Timesheet): Promise<Buffer> {
  const t = TEXT[sheet.locale]
  const workbook = new ExcelJS.Workbook()
  const ws = workbook.addWorksheet(t.title.slice(0, 31))
  ws.addRow([t.title]).font = { bold: true, size: 14 }
  for (const [label, value] of sheet.heading) ws.addRow([label, neutraliseFormula(value)])
  ws.addRow([])
  ws.addRow([...t.columns]).font = { bold: true }
  // Free text (activity, outcome, names) is neutralised: a cell starting with = must not run.
  for (const line of sheet.lines) ws.addRow(cells(t, line).map((c) => (typeof c === 'string' ? neutraliseFormula(c) : c)))
  ws.addRow([])
  ws.addRow([t.total, '', totalOf(sheet.lines)]).font = { bold: true }
  ws.columns.forEach((col, i) => (col.width = [6, 12, 10, 8, 28, 50, 40, 12, 18, 24, 14][i] ?? 14))
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

async function renderPdf(sheet: Timesheet, generatedAt: Date): Promise<Buffer> {
  const t = TEXT[sheet.locale]
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: 40, info: { Title: t.title } })
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve)
    doc.on('error', reject)
  })
  doc.font('Helvetica-Bold').fontSize(16).fillColor('#1c3d5a').text(t.title)
  doc.font('Helvetica').fontSize(10).fillColor('#212529').moveDown(0.5)
  for (const [label, value] of sheet.heading) doc.font('Helvetica-Bold').text(`${label}: `, { continued: true }).font('Helvetica').text(value)
  doc.moveDown(0.8)
  // No., date, days, project, activity, confirmation, confirmed by, approved on.
  const pick = [0, 1, 2, 4, 5, 8, 9, 10]
  const widths = [30, 62, 48, 120, 250, 80, 90, 70]
  const row = (values: (string | number)[], bold = false) => {
    if (doc.y > doc.page.height - 70) doc.addPage()
    const y = doc.y
    let x = 40
    let bottom = y
    values.forEach((v, i) => {
      doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(8.5).text(String(v), x, y, { width: (widths[i] ?? 60) - 6 })
      bottom = Math.max(bottom, doc.y)
      x += widths[i] ?? 60
    })
    doc.x = 40
    doc.y = bottom + 4
  }
  row(pick.map((i) => t.columns[i] ?? ''), true)
  for (const line of sheet.lines) {
    const all = cells(t, line)
    row(pick.map((i) => (i === 2 ? formatDays(Number(all[2]), sheet.locale) : (all[i] ?? ''))))
  }
  doc.moveDown(0.5).font('Helvetica-Bold').fontSize(10).text(`${t.total}: ${formatDays(totalOf(sheet.lines), sheet.locale)} ${t.days}`, 40)
  doc.moveDown(1).font('Helvetica').fontSize(8).fillColor('#495057').text(`${t.generated} ${generatedAt.toISOString().slice(0, 10)}`)
  doc.end()
  await done
  return Buffer.concat(chunks)
}

async function render(sheet: Timesheet, format: 'xlsx' | 'pdf', now: Date): Promise<TimesheetFile> {
  if (format === 'pdf') return { body: await renderPdf(sheet, now), contentType: 'application/pdf', fileName: `${sheet.fileStem}.pdf` }
  return { body: await renderXlsx(sheet), contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', fileName: `${sheet.fileStem}.xlsx` }
}

function linesOf(rows: SupportDayEntryRow[], titles: Map<string, string>): TimesheetLine[] {
  const seqById = new Map(rows.map((r) => [r.id, r.seq]))
  return rows.map((entry) => ({ entry, projectTitle: titles.get(entry.projectId) ?? '', correctsSeq: entry.correctsEntryId ? (seqById.get(entry.correctsEntryId) ?? null) : null }))
}

function slug(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^\w]+/g, '-').replace(/^-|-$/g, '').toLowerCase().slice(0, 60)
}

/** The timesheet of one project: every entry, corrections and disputed ones included (marked). */
export async function projectTimesheet(ctx: RequestContext, projectId: string, format: 'xlsx' | 'pdf', locale: Locale): Promise<TimesheetFile> {
  const actor = requireActor(ctx)
  const { row, company } = await getScopedProject(ctx.db, actor, projectId)
  const rows = await ctx.db.select().from(supportDayEntries).where(eq(supportDayEntries.projectId, projectId)).orderBy(asc(supportDayEntries.seq))
  const names = await userNames(ctx.db, [row.expertUserId])
  const t = TEXT[locale]
  const sheet: Timesheet = {
    locale,
    heading: [
      [t.project, row.title],
      [t.company, company.name],
      [t.expert, row.expertUserId ? (names.get(row.expertUserId) ?? '') : '—'],
      [t.budget, `${formatDays(num(row.budgetDays), locale)} ${t.days}`],
    ],
    lines: linesOf(rows, new Map([[row.id, row.title]])),
    fileStem: `timesheet-${slug(row.title)}`,
  }
  await ctx.deps.audit.record(ctx.db, ctx, { action: 'report', entityType: 'project_timesheet', entityId: row.id, unitId: row.unitId, after: { format, entries: rows.length } })
  return render(sheet, format, ctx.now())
}

/**
 * The timesheet of one expert for one month, across the projects the caller reads (an expert asks
 * for their own; staff name the expert).
 */
export async function expertTimesheet(ctx: RequestContext, query: { expertUserId?: string | undefined; month: string; format: 'xlsx' | 'pdf' }, locale: Locale): Promise<TimesheetFile> {
  const actor = requireActor(ctx)
  const expertId = query.expertUserId ?? actor.userId
  const scope = projectScope(ctx.db, actor)
  const visible = await ctx.db
    .select()
    .from(projects)
    .where(and(eq(projects.expertUserId, expertId), scope ?? sql`false`))
  const next = addMonths(query.month, 1)
  const rows = visible.length
    ? await ctx.db
        .select()
        .from(supportDayEntries)
        .where(and(inArray(supportDayEntries.projectId, visible.map((p) => p.id)), gte(supportDayEntries.workedOn, `${query.month}-01`), sql`${supportDayEntries.workedOn} < ${`${next}-01`}::date`))
        .orderBy(asc(supportDayEntries.workedOn), asc(supportDayEntries.seq))
    : []
  if (visible.length === 0 && expertId !== actor.userId) throw new AppError('NOT_FOUND', 'errors.notFound')
  const names = await userNames(ctx.db, [expertId])
  const t = TEXT[locale]
  const companies = new Map((await findCompanyScopes(ctx.db, visible.map((p) => p.companyId))).map((c) => [c.id, c.name]))
  const titles = new Map(visible.map((p) => [p.id, `${p.title} (${companies.get(p.companyId) ?? ''})`]))
  const sheet: Timesheet = {
    locale,
    heading: [
      [t.expert, names.get(expertId) ?? ''],
      [t.month, query.month],
    ],
    lines: linesOf(rows, titles),
    fileStem: `timesheet-${slug(names.get(expertId) ?? 'expert')}-${query.month}`,
  }
  await ctx.deps.audit.record(ctx.db, ctx, { action: 'report', entityType: 'expert_timesheet', entityId: expertId, unitId: null, after: { format: query.format, month: query.month, entries: rows.length } })
  return render(sheet, query.format, ctx.now())
}
