/**
 * Support benchmark (`npm run bench:support -- [--sizes 1k,10k,100k,1m] [--db pglite|postgres|both]
 * [--samples n] [--keep]`), issue 5 "Benchmarks":
 *  - matching latency for one company against 1,000 and 10,000 approved experts
 *    (bench/support-data.ts): p50/p95 of GET /api/projects/{id}/expert-matches through HTTP (a real
 *    socket, signed in as Bergamo antenna staff), of the service called directly, of the candidate
 *    query alone (`listMatchCandidates`) and of the pure ranking the service runs (`rankTopExperts`,
 *    top 50 of the whole pool) on the same inputs; p95 at 10k / p95 at 1k (target < 10×);
 *  - ledger totals at 100,000 and 1,000,000 support-day entries: p50/p95 of GET
 *    /api/support-days/totals (by expert, company, unit, month, and over a period) through HTTP and
 *    of the same SQL run directly (the statements of `supportDayTotals`, captured through drizzle's
 *    logger); ratio HTTP / SQL (target ≤ 1.5×).
 * Sizes up to 10k are expert pools, 100k and more ledger sizes; one database per kind grows through
 * them (1k → 10k experts, then 100k → 1M entries). Prints figures; asserts nothing.
 */
import type http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import { serve } from '@hono/node-server'
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import type { Logger as DrizzleLogger } from 'drizzle-orm/logger'
import type pg from 'pg'
import pino from 'pino'
import { getCompany } from '../src/modules/companies'
import { listMatchCandidates, rankTopExperts, type MatchCompanyInput, type MatchExpertInput } from '../src/modules/experts'
import { loadActor, type Actor } from '../src/modules/identity'
import { EXPERT_MATCH_LIMIT, TotalsQuery } from '../src/modules/projects/projects.contract'
import { projectExpertMatches } from '../src/modules/projects/server/projects-matching.service'
import { committedDaysThisMonth, expertRatings, supportDayTotals } from '../src/modules/projects/server/support-days-reports.service'
import { italianDay } from '../src/modules/territory'
import { createApp } from '../src/server/app'
import { buildDeps } from '../src/server/boot'
import { openDatabase, type Database, type Db } from '../src/server/db/client'
import * as schema from '../src/server/db/schema'
import { loadEnv } from '../src/server/env'
import type { RequestContext } from '../src/server/http/context'
import { seedDemoNetwork } from '../src/server/seed/demo-network'
import { createGenerator, type ComunePick, type UnitPick } from './crm-data'
import { loadExperts, loadLedger } from './support-data'
import { createTarget, dropSecondaryIndexes, log, maintenance, ms, option, pad, seconds, signIn, SIZE_NAMES, stopwatch, thousands, timeInterleaved } from './support'

// ---------------------------------------------------------------- options

const sizeLabels = (option('sizes') ?? '1k,10k,100k,1m').toLowerCase().split(',').map((s) => s.trim())
for (const s of sizeLabels) if (!SIZE_NAMES[s]) throw new Error(`--sizes: unknown size ${s} (use ${Object.keys(SIZE_NAMES).join(', ')})`)
const expertSizes = sizeLabels.filter((s) => (SIZE_NAMES[s] ?? 0) <= 10_000).sort((a, b) => (SIZE_NAMES[a] ?? 0) - (SIZE_NAMES[b] ?? 0))
const ledgerSizes = sizeLabels.filter((s) => (SIZE_NAMES[s] ?? 0) > 10_000).sort((a, b) => (SIZE_NAMES[a] ?? 0) - (SIZE_NAMES[b] ?? 0))
const dbOption = option('db') ?? 'both'
if (!['pglite', 'postgres', 'both'].includes(dbOption)) throw new Error('--db must be pglite, postgres or both')
const kinds = (dbOption === 'both' ? ['pglite', 'postgres'] : [dbOption]) as ('pglite' | 'postgres')[]
const samplesOption = option('samples') ? Number(option('samples')) : null
/** `--keep`: leave the loaded database (PostgreSQL) or data directory (PGlite) for EXPLAIN ANALYZE. */
const keep = process.argv.includes('--keep')
const NOW = new Date()
/** Experts of the ledger when no expert size is asked for. */
const LEDGER_EXPERTS = 1_000

// ---------------------------------------------------------------- rows

interface MatchRow {
  db: string
  size: string
  candidates: number
  returned: number
  bytes: number
  statements: number
  http: { p50: number; p95: number }
  service: { p50: number; p95: number }
  candidatesQuery: { p50: number; p95: number }
  rank: { p50: number; p95: number }
}

interface TotalsRow {
  db: string
  size: string
  query: string
  user: string
  groups: number
  statements: number
  http: { p50: number; p95: number }
  sql: { p50: number; p95: number }
}

interface SignedIn {
  label: string
  cookie: string
  actor: Actor
}

const TOTALS: { name: string; user: 'antenna staff' | 'network admin'; params: Record<string, string> }[] = [
  { name: 'by expert', user: 'antenna staff', params: { groupBy: 'expert' } },
  { name: 'by company', user: 'antenna staff', params: { groupBy: 'company' } },
  { name: 'by month', user: 'antenna staff', params: { groupBy: 'month' } },
  { name: 'by expert, last quarter', user: 'antenna staff', params: { groupBy: 'expert', from: day(-91), to: day(0) } },
  { name: 'by unit', user: 'network admin', params: { groupBy: 'unit' } },
  { name: 'by month', user: 'network admin', params: { groupBy: 'month' } },
  { name: 'by company, last year', user: 'network admin', params: { groupBy: 'company', from: day(-365), to: day(0) } },
]

function day(offset: number) {
  return new Date(NOW.getTime() + offset * 86_400_000).toISOString().slice(0, 10)
}

function samplesFor(size: number): number {
  if (samplesOption) return samplesOption
  return size >= 1_000_000 ? 15 : size >= 10_000 ? 20 : 40
}

// ---------------------------------------------------------------- the run

async function runKind(kind: 'pglite' | 'postgres', matchRows: MatchRow[], totalsRows: TotalsRow[]) {
  log(`${kind}: preparing`)
  const target = await createTarget(kind, 'bench_support')
  let database: Database | null = null
  let closeServer: (() => Promise<void>) | null = null
  try {
    database = await openDatabase({ url: target.url, dataDir: target.dataDir })
    const db = database
    let statementCount = 0
    let captured: { sql: string; params: unknown[] }[] | null = null
    const queryLogger: DrizzleLogger = {
      logQuery(sql, params) {
        statementCount++
        captured?.push({ sql, params })
      },
    }
    const loggedDb = (db.pglite
      ? drizzlePglite({ client: db.pglite, schema, logger: queryLogger })
      : drizzlePg({ client: db.pool as pg.Pool, schema, logger: queryLogger })) as unknown as Db
    const env = loadEnv({ NODE_ENV: 'production', LOG_LEVEL: 'warn', PONTE_JOBS: 'off', PONTE_SECRET: 'bench-secret-bench-secret-bench-secret-42', PONTE_PUBLIC_URL: 'http://127.0.0.1' })
    const deps = await buildDeps({ env, logger: pino({ level: 'warn' }), database: { ...db, db: loggedDb } })
    await seedDemoNetwork(db.db, env.PONTE_DEMO_PASSWORD)
    const query = async <T>(text: string, params: unknown[] = []) => (await db.executor.executeSql(text, params)).rows as T[]

    const unitRows = await query<{ id: string; code: string; type: string; authors: string[] }>(
      `select u.id, u.code, u.type, coalesce(array_agg(m.user_id) filter (where m.role in ('unit_staff','unit_manager')), '{}') as authors
         from units u left join memberships m on m.unit_id = u.id where u.type in ('antenna', 'hub') group by u.id, u.code, u.type`,
    )
    const antennas: UnitPick[] = unitRows.filter((u) => u.type === 'antenna').map((u) => ({ id: u.id, key: u.code.replace('ANT-', '').toLowerCase(), authorIds: u.authors }))
    const hub = unitRows.find((u) => u.type === 'hub')
    const comuni = await query<ComunePick>(`select istat_code as istat, name, province_code as "provinceCode", region_code as "regionCode", population from comuni where valid_to is null`)
    const [creator] = await query<{ id: string }>(`select id from users where email = 'bg.staff@ponte.demo'`)
    if (!hub || !creator) throw new Error('demo network incomplete')

    // The matched project: a new planned 10-day project of a Bergamo company with gaps (a validated
    // assessment; a roadmap first), as staff open one before matching.
    const [matched] = await query<{ company_id: string; name: string; vat_number: string | null; unit_id: string }>(
      `select c.id as company_id, c.name, c.vat_number, c.unit_id from companies c join units u on u.id = c.unit_id
        where u.code = 'ANT-BG' and exists (select 1 from assessments a where a.company_id = c.id and a.status = 'validated')
        order by (exists (select 1 from roadmaps r where r.company_id = c.id)) desc, c.created_at limit 1`,
    )
    if (!matched) throw new Error('no Bergamo company with a validated assessment in the demo network')
    const [inserted] = await query<{ id: string }>(
      `insert into projects (company_id, unit_id, title, budget_days, status, created_by) values ($1, $2, 'Progetto di benchmark', 10, 'planned', $3) returning id`,
      [matched.company_id, matched.unit_id, creator.id],
    )
    const project = { id: (inserted as { id: string }).id, ...matched }
    const demoCompanyIds = (await query<{ id: string }>('select id from companies')).map((r) => r.id)

    const app = createApp(deps)
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' })
    await new Promise<void>((resolve) => server.once('listening', () => resolve()))
    ;(server as http.Server).keepAliveTimeout = 600_000
    closeServer = () => new Promise((resolve) => server.close(() => resolve()))
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    const users = new Map<string, SignedIn>()
    for (const [label, email] of [['antenna staff', 'bg.staff@ponte.demo'], ['network admin', 'admin@ponte.demo']] as const) {
      const cookie = await signIn(base, email)
      const [found] = await query<{ id: string }>('select id from users where email = $1', [email])
      const actor = await loadActor(db.db, found?.id ?? '', 'session', ['read', 'write'])
      if (!actor) throw new Error(`no actor for ${email}`)
      users.set(label, { label, cookie, actor })
    }
    const staff = users.get('antenna staff') as SignedIn
    const ctxOf = (actor: Actor, dbi: Db = loggedDb): RequestContext => ({ db: dbi, deps, actor, requestId: null, locale: 'it', now: () => new Date() })

    // ------------------------------------------------ matching
    let expertIds: string[] = []
    const poolUnits = { hubId: hub.id, antennas: new Map(antennas.map((a) => [a.key, a.id])), creatorId: creator.id }
    const growPool = async (to: number) => {
      const [ids, loadMs] = await stopwatch(() =>
        loadExperts(db, { from: expertIds.length, to, units: poolUnits, comuni, companyIds: demoCompanyIds, matched: { vatNumber: project.vat_number, name: project.name }, now: NOW }),
      )
      expertIds = [...expertIds, ...ids]
      await maintenance(db, ['vacuum analyze users', 'vacuum analyze memberships', 'vacuum analyze expert_profiles', 'vacuum analyze projects'])
      log(`${kind}: ${thousands(expertIds.length)} experts loaded (${seconds(loadMs)})`)
    }
    for (const sizeLabel of expertSizes) {
      const size = SIZE_NAMES[sizeLabel] ?? 0
      await growPool(size)
      const url = `${base}/api/projects/${project.id}/expert-matches`
      let bytes = 0
      const get = async () => {
        const res = await fetch(url, { headers: { cookie: staff.cookie } })
        const text = await res.text()
        if (!res.ok) throw new Error(`${url}: ${res.status} ${text.slice(0, 500)}`)
        bytes = text.length
        return text
      }
      statementCount = 0
      const first = JSON.parse(await get()) as { items: unknown[]; eligibleTotal: number; excludedTotal: number }
      const statements = statementCount
      // The pure ranking's inputs, gathered as the service gathers them.
      const ctx = ctxOf(staff.actor, db.db)
      const company = await getCompany(ctx, project.company_id)
      if (!company) throw new Error('matched company not found')
      const matches = await projectExpertMatches(ctx, project.id)
      const companyInput: MatchCompanyInput = {
        companyId: company.id, name: company.name, vatNumber: company.vatNumber, taxCode: company.taxCode, atecoSection: company.atecoSection,
        provinceCode: company.comune?.provinceCode ?? null,
        location: company.latitude !== null && company.longitude !== null ? { lat: company.latitude, lon: company.longitude } : null,
        gaps: matches.gaps, memberUserIds: [],
      }
      const candidates = await listMatchCandidates(db.db, staff.actor, { at: NOW })
      const ids = candidates.map((c) => c.userId)
      const committed = await committedDaysThisMonth(db.db, ids, italianDay(NOW).slice(0, 7))
      const ratings = await expertRatings(db.db, ids)
      const experts: MatchExpertInput[] = candidates.map((c) => ({ ...c, committedDaysPerMonth: committed.get(c.userId) ?? 0, ratings: ratings.get(c.userId) ?? [] }))
      const [http, service, candidatesQuery, rank] = await timeInterleaved(samplesFor(size), [
        get,
        () => projectExpertMatches(ctx, project.id),
        () => listMatchCandidates(db.db, staff.actor, { at: new Date() }),
        async () => rankTopExperts(companyInput, experts, { limit: EXPERT_MATCH_LIMIT }),
      ])
      matchRows.push({ db: kind, size: sizeLabel, candidates: first.eligibleTotal + first.excludedTotal, returned: first.items.length, bytes, statements, http, service, candidatesQuery, rank })
      log(`  matching ${sizeLabel}: ${first.eligibleTotal + first.excludedTotal} ranked, ${first.items.length} returned, HTTP p95 ${ms(http.p95)} ms, service ${ms(service.p95)}, candidates ${ms(candidatesQuery.p95)}, rank ${ms(rank.p95)}, ${statements} statements, ${thousands(bytes)} bytes`)
    }

    // ------------------------------------------------ ledger totals
    if (ledgerSizes.length > 0) {
      if (expertIds.length === 0) await growPool(LEDGER_EXPERTS)
      const generator = createGenerator({ seed: 55, firstSerial: 3_000_000, comuni, units: antennas, now: NOW })
      let entries = 0
      for (const sizeLabel of ledgerSizes) {
        const size = SIZE_NAMES[sizeLabel] ?? 0
        log(`${kind}: loading the ledger up to ${thousands(size)} entries`)
        const indexes = await dropSecondaryIndexes(db, ['support_day_entries', 'projects', 'companies'])
        const [done, loadMs] = await stopwatch(() =>
          loadLedger(db, { from: entries, target: size, generator, units: antennas, expertIds, creatorId: creator.id, now: NOW, seed: 900 + entries, onProgress: (n) => log(`  ${thousands(n)} entries`) }),
        )
        entries = done
        const [, indexMs] = await stopwatch(() => maintenance(db, indexes.map((i) => i.def)))
        await maintenance(db, ['vacuum analyze support_day_entries', 'vacuum analyze support_day_month_totals', 'vacuum analyze projects', 'vacuum analyze companies'])
        const [counts] = await query<{ projects: number; companies: number }>('select (select count(*)::int from projects) as projects, (select count(*)::int from companies) as companies')
        log(`${kind}: ${thousands(entries)} entries, ${thousands(counts?.projects ?? 0)} projects, ${thousands(counts?.companies ?? 0)} companies (load ${seconds(loadMs)}, indexes ${seconds(indexMs)})`)

        for (const t of TOTALS) {
          const user = users.get(t.user) as SignedIn
          const url = `${base}/api/support-days/totals?${new URLSearchParams(t.params).toString()}`
          const get = async () => {
            const res = await fetch(url, { headers: { cookie: user.cookie } })
            if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`)
            return (await res.json()) as { rows: unknown[] }
          }
          statementCount = 0
          const result = await get()
          const statements = statementCount
          // The same SQL, run directly: every statement supportDayTotals runs (sums, then labels).
          captured = []
          await supportDayTotals(ctxOf(user.actor), TotalsQuery.parse(t.params))
          const serviceSql = captured
          captured = null
          const [httpTiming, sqlTiming] = await timeInterleaved(samplesFor(size), [
            get,
            async () => {
              for (const s of serviceSql) await db.executor.executeSql(s.sql, s.params)
            },
          ])
          totalsRows.push({ db: kind, size: sizeLabel, query: t.name, user: t.user, groups: result.rows.length, statements, http: httpTiming, sql: sqlTiming })
          log(`  totals ${t.name} / ${t.user}: ${result.rows.length} groups, HTTP p95 ${ms(httpTiming.p95)} ms, SQL p95 ${ms(sqlTiming.p95)} ms (${serviceSql.length} statements of the service, ${statements} per request)`)
        }
      }
    }
    deps.mailer.close()
  } finally {
    if (closeServer) await closeServer()
    if (database) await database.close()
    if (keep) log(`kept: ${target.url ?? target.dataDir}`)
    else await target.dispose()
  }
}

// ---------------------------------------------------------------- report

function printReport(matchRows: MatchRow[], totalsRows: TotalsRow[]) {
  const line = (cells: string[], widths: number[]) => cells.map((c, i) => pad(c, widths[i] ?? 9)).join(' ')
  if (matchRows.length) {
    const widths = [8, 5, 7, 5, 11, 6, 9, 9, 9, 9, 9, 9, 9, 9, 8]
    console.log('\nMatching, GET /api/projects/{id}/expert-matches as Bergamo antenna staff, ms')
    console.log(line(['db', 'size', 'ranked', 'shown', 'bytes', 'stmts', 'HTTP p50', 'HTTP p95', 'svc p50', 'svc p95', 'cand p50', 'cand p95', 'rank p50', 'rank p95', 'HTTP/rank'], widths))
    for (const r of matchRows) {
      console.log(line([r.db, r.size, String(r.candidates), String(r.returned), thousands(r.bytes), String(r.statements), ms(r.http.p50), ms(r.http.p95), ms(r.service.p50), ms(r.service.p95), ms(r.candidatesQuery.p50), ms(r.candidatesQuery.p95), ms(r.rank.p50), ms(r.rank.p95), `${(r.http.p95 / r.rank.p95).toFixed(1)}×`], widths))
    }
    console.log('\nMatching scaling: p95 at the larger pool / p95 at the smaller (target: HTTP < 10×)')
    for (const kind of new Set(matchRows.map((r) => r.db))) {
      const rows = matchRows.filter((r) => r.db === kind)
      const small = rows[0]
      const large = rows.at(-1)
      if (!small || !large || small === large) continue
      const ratio = (f: (r: MatchRow) => number) => `${(f(large) / f(small)).toFixed(2)}×`
      console.log(`  ${pad(kind, 8)} ${small.size} → ${large.size}: HTTP ${ms(small.http.p95)} → ${ms(large.http.p95)} ms ${ratio((r) => r.http.p95)}; service ${ratio((r) => r.service.p95)}; candidates ${ratio((r) => r.candidatesQuery.p95)}; rankTopExperts ${ratio((r) => r.rank.p95)}`)
    }
  }
  if (totalsRows.length) {
    const widths = [8, 5, 24, 14, 7, 6, 9, 9, 9, 9, 9, 9]
    console.log('\nLedger totals, GET /api/support-days/totals, ms; ratio = HTTP / SQL (target ≤ 1.5×)')
    console.log(line(['db', 'size', 'query', 'user', 'groups', 'stmts', 'HTTP p50', 'HTTP p95', 'SQL p50', 'SQL p95', 'ratio p50', 'ratio p95'], widths))
    for (const r of totalsRows) {
      console.log(line([r.db, r.size, r.query, r.user, String(r.groups), String(r.statements), ms(r.http.p50), ms(r.http.p95), ms(r.sql.p50), ms(r.sql.p95), `${(r.http.p50 / r.sql.p50).toFixed(2)}×`, `${(r.http.p95 / r.sql.p95).toFixed(2)}×`], widths))
    }
  }
  console.log(`\nMachine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}, load ${os.loadavg().map((v) => v.toFixed(1)).join(' ')}`)
}

async function main() {
  const matchRows: MatchRow[] = []
  const totalsRows: TotalsRow[] = []
  for (const kind of kinds) {
    const [, runMs] = await stopwatch(() => runKind(kind, matchRows, totalsRows))
    log(`${kind}: run took ${seconds(runMs)}`)
  }
  printReport(matchRows, totalsRows)
}

await main()
