/**
 * DMA benchmark (`npm run bench:dma -- [--sizes 10k,100k,1m] [--db pglite|postgres|both] [--samples n]
 * [--skip-scoring] [--skip-query] [--keep]`), issue 4 "Benchmarks":
 *  - scoring throughput of the engine (validation alone, validation + scoring) for both instruments,
 *    against JSON.parse(JSON.stringify(answers)) of the same answers in the same run;
 *  - the benchmark query (GET /api/assessments/{id}/benchmark: percentile ranks of one assessment
 *    among its peers, then the group's spread) at 10k, 100k and 1M validated assessments
 *    (bench/dma-data.ts), for assessments in groups of different sizes, some of which fall back to
 *    broader groups: p50/p95 through HTTP (a real socket, a signed-in antenna staff session), of the
 *    service called directly (`getAssessmentBenchmark`: scoping + the benchmark) and of the same SQL
 *    run directly (the statements of `benchmarkAssessment`, captured through drizzle's logger);
 *    the ratio HTTP / SQL and p95 at the largest size / p95 at the smallest.
 * Prints figures; asserts nothing (HOUSE_STYLE: benchmarks, never timed tests).
 */
import type http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import { serve } from '@hono/node-server'
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import type { Logger as DrizzleLogger } from 'drizzle-orm/logger'
import pg from 'pg'
import pino from 'pino'
import { DMA_DIMENSION_IDS, type DmaInstrumentId } from '../src/modules/assessments/assessments.contract'
import { getDmaInstrument, getDmaRules, scoreDmaAnswers, validateDmaAnswers } from '../src/modules/assessments/assessments.reference'
import { benchmarkAssessment } from '../src/modules/assessments/server/assessment-benchmark'
import { getAssessmentBenchmark } from '../src/modules/assessments/server/assessment-benchmark.service'
import { loadActor } from '../src/modules/identity'
import { createApp } from '../src/server/app'
import { buildDeps } from '../src/server/boot'
import { openDatabase, type Database, type Db } from '../src/server/db/client'
import * as schema from '../src/server/db/schema'
import { loadEnv } from '../src/server/env'
import type { RequestContext } from '../src/server/http/context'
import { seedDemoNetwork } from '../src/server/seed/demo-network'
import { prng } from '../src/shared/prng'
import { createHelpers, dropHelpers, insertPopulation, POOL_SIZE, randomAnswers, regionWeights } from './dma-data'
import { createTarget, dropSecondaryIndexes, log, maintenance, ms, option, pad, seconds, signIn, SIZE_NAMES, stopwatch, thousands, timeInterleaved } from './support'

// ---------------------------------------------------------------- options



const sizeLabels = (option('sizes') ?? '10k,100k,1m').toLowerCase().split(',').map((s) => s.trim())
for (const s of sizeLabels) if (!SIZE_NAMES[s]) throw new Error(`--sizes: unknown size ${s} (use ${Object.keys(SIZE_NAMES).join(', ')})`)
const dbOption = option('db') ?? 'both'
if (!['pglite', 'postgres', 'both'].includes(dbOption)) throw new Error('--db must be pglite, postgres or both')
const kinds = (dbOption === 'both' ? ['pglite', 'postgres'] : [dbOption]) as ('pglite' | 'postgres')[]
const samplesOption = option('samples') ? Number(option('samples')) : null
const skipScoring = process.argv.includes('--skip-scoring')
const skipQuery = process.argv.includes('--skip-query')
/** `--keep`: leave the loaded database (PostgreSQL) or data directory (PGlite) for EXPLAIN ANALYZE. */
const keep = process.argv.includes('--keep')
/** Rows per INSERT … SELECT of the population (one statement: bounded memory, progress). */
const CHUNK = 50_000

// ---------------------------------------------------------------- timing






// ---------------------------------------------------------------- scoring throughput

interface ScoringRow {
  instrument: string
  baseline: number
  validate: number
  score: number
}

/** Operations per second of `fn` over the answer sets, best of three rounds of at least 300 ms. */
function throughput(items: readonly unknown[], fn: (item: unknown) => unknown): number {
  let best = 0
  let sink = 0
  for (let round = 0; round < 3; round++) {
    let done = 0
    const t0 = performance.now()
    while (performance.now() - t0 < 300) {
      for (const item of items) if (fn(item)) sink++
      done += items.length
    }
    best = Math.max(best, done / ((performance.now() - t0) / 1000))
  }
  if (sink < 0) console.log(sink)
  return best
}

function scoringThroughput(): ScoringRow[] {
  const rules = getDmaRules()
  return (['eu-dma-sme', 'eu-dma-pso'] as DmaInstrumentId[]).map((id) => {
    const instrument = getDmaInstrument(id)
    const random = prng(id === 'eu-dma-sme' ? 101 : 102)
    const answers = Array.from({ length: 1_000 }, () => randomAnswers(instrument, random))
    for (const a of answers) {
      const v = validateDmaAnswers(instrument, rules, a)
      if (!v.ok) throw new Error(`generated answers are invalid: ${JSON.stringify(v.issues)}`)
    }
    const row = {
      instrument: id,
      baseline: throughput(answers, (a) => JSON.parse(JSON.stringify(a))),
      validate: throughput(answers, (a) => validateDmaAnswers(instrument, rules, a).ok),
      score: throughput(answers, (a) => scoreDmaAnswers(instrument, rules, a).overall >= 0),
    }
    log(`scoring ${id}: ${thousands(row.score)}/s scored, ${thousands(row.validate)}/s validated, baseline ${thousands(row.baseline)}/s`)
    return row
  })
}

// ---------------------------------------------------------------- databases





// ---------------------------------------------------------------- samples

/**
 * Assessments whose benchmark is measured: peer groups from the largest (manufacturing micro firms
 * in Lombardy) to ones too small at 10k that fall back to a broader level, a public body (PSO) and a
 * company without an ATECO code (the "all" group: the whole population of the instrument).
 */
const SAMPLES: { label: string; instrument: DmaInstrumentId; section: string | null; size: string; region: string }[] = [
  { label: 'C micro Lombardia', instrument: 'eu-dma-sme', section: 'C', size: 'micro', region: '03' },
  { label: 'C small Lombardia', instrument: 'eu-dma-sme', section: 'C', size: 'small', region: '03' },
  { label: 'G medium Lombardia', instrument: 'eu-dma-sme', section: 'G', size: 'medium', region: '03' },
  { label: 'J micro Piemonte', instrument: 'eu-dma-sme', section: 'J', size: 'micro', region: '01' },
  { label: 'K large Lombardia', instrument: 'eu-dma-sme', section: 'K', size: 'large', region: '03' },
  { label: 'A medium Sardegna', instrument: 'eu-dma-sme', section: 'A', size: 'medium', region: '20' },
  { label: 'O small Lombardia (PSO)', instrument: 'eu-dma-pso', section: 'O', size: 'small', region: '03' },
  { label: 'no ATECO micro Lombardia', instrument: 'eu-dma-sme', section: null, size: 'micro', region: '03' },
]

/**
 * One validated, latest assessment per sample for companies of the Bergamo antenna that have none
 * (so the signed-in Bergamo staff reads them), its scores a mid-pool answer set.
 */
async function insertSamples(database: Database, unitId: string): Promise<{ id: string; label: string }[]> {
  const { rows } = await database.executor.executeSql(
    `select c.id from companies c
      where c.unit_id = $1 and not exists (select 1 from assessments a where a.company_id = c.id and a.is_latest)
      order by c.id limit $2`,
    [unitId, SAMPLES.length],
  )
  const companies = rows as { id: string }[]
  if (companies.length < SAMPLES.length) throw new Error(`only ${companies.length} Bergamo companies without an assessment`)
  const out: { id: string; label: string }[] = []
  for (const [i, sample] of SAMPLES.entries()) {
    const { rows: inserted } = await database.executor.executeSql(
      `insert into assessments (id, series_id, company_id, unit_id, stage, mode, instrument_id, instrument_version, rules_version, status,
                                answers, overall, band, d1, d2, d3, d4, d5, d6, result, ateco_section, size_class, region_code, is_latest,
                                submitted_at, validated_at, assessed_on)
       select x.id, x.id, $1, $2, 'T0', 'assisted', p.instrument, '2024', '2024-r1', 'validated',
              p.answers, p.overall, p.band, p.d1, p.d2, p.d3, p.d4, p.d5, p.d6, p.result, $3, $4, $5, true,
              now() - interval '30 days', now() - interval '28 days', to_char(now() - interval '30 days', 'YYYY-MM-DD')
         from bench_dma_pool p cross join (select gen_random_uuid() as id) x
        where p.instrument = $6 and p.k = $7
       returning id`,
      [companies[i]?.id, unitId, sample.section, sample.size, sample.region, sample.instrument, (POOL_SIZE / 2 + 37 * i) % POOL_SIZE],
    )
    out.push({ id: (inserted[0] as { id: string }).id, label: sample.label })
  }
  return out
}

// ---------------------------------------------------------------- the run

interface Row {
  db: string
  size: string
  sample: string
  level: string
  groupSize: number
  statements: number
  sqlStatements: number
  httpP50: number
  httpP95: number
  serviceP50: number
  serviceP95: number
  sqlP50: number
  sqlP95: number
}

function samplesFor(size: number): number {
  if (samplesOption) return samplesOption
  return size >= 1_000_000 ? 20 : size >= 100_000 ? 30 : 50
}


async function runOne(kind: 'pglite' | 'postgres', sizeLabel: string, rows: Row[]) {
  const size = SIZE_NAMES[sizeLabel] ?? 0
  log(`${kind} ${sizeLabel}: preparing`)
  const target = await createTarget(kind, 'bench_dma')
  let database: Database | null = null
  let closeServer: (() => Promise<void>) | null = null
  try {
    database = await openDatabase({ url: target.url, dataDir: target.dataDir })
    // The app runs over a drizzle instance with a logger that counts statements and, on request,
    // records them: the SQL the benchmark really runs, and how many statements a request costs.
    let statementCount = 0
    let captured: { sql: string; params: unknown[] }[] | null = null
    const queryLogger: DrizzleLogger = {
      logQuery(sql, params) {
        statementCount++
        captured?.push({ sql, params })
      },
    }
    const loggedDb = (database.pglite
      ? drizzlePglite({ client: database.pglite, schema, logger: queryLogger })
      : drizzlePg({ client: database.pool as pg.Pool, schema, logger: queryLogger })) as unknown as Db
    const env = loadEnv({ NODE_ENV: 'production', LOG_LEVEL: 'warn', PONTE_JOBS: 'off', PONTE_SECRET: 'bench-secret-bench-secret-bench-secret-42', PONTE_PUBLIC_URL: 'http://127.0.0.1' })
    const deps = await buildDeps({ env, logger: pino({ level: 'warn' }), database: { ...database, db: loggedDb } })
    await seedDemoNetwork(database.db, env.PONTE_DEMO_PASSWORD)

    const { rows: unitRows } = await database.executor.executeSql(`select id, code from units where type = 'antenna' order by code`, [])
    const antennas = unitRows as { id: string; code: string }[]
    const bergamo = antennas.find((u) => u.code === 'ANT-BG')
    if (!bergamo) throw new Error('demo network incomplete: no ANT-BG')
    const { rows: regionRows } = await database.executor.executeSql(
      `select region_code as "regionCode", sum(coalesce(population, 0))::float8 as population from comuni where valid_to is null group by region_code`,
      [],
    )
    const regions = regionWeights(regionRows as { regionCode: string; population: number }[])

    log(`${kind} ${sizeLabel}: loading ${size} latest validated assessments (+ the earlier T0 of a third)`)
    const [, loadMs] = await stopwatch(async () => {
      const indexes = (await dropSecondaryIndexes(database as Database, ['assessments'])).map((i) => i.def)
      await (database as Database).withConnection(async (sql) => {
        await sql.executeSql('select setseed(0.42)', [])
        await createHelpers(sql, regions)
        for (let done = 0; done < size; done += CHUNK) {
          await insertPopulation(sql, done + 1, Math.min(size, done + CHUNK), antennas.map((u) => u.id))
          if ((done / CHUNK) % 4 === 3) log(`  ${done + CHUNK} loaded`)
        }
      })
      const [, indexMs] = await stopwatch(() => maintenance(database as Database, indexes))
      log(`  index build ${seconds(indexMs)}`)
    })
    const samples = await insertSamples(database, bergamo.id)
    await database.executor.executeSql('drop table if exists bench_dma_weights', [])
    const [, vacuumMs] = await stopwatch(() => maintenance(database as Database, ['vacuum analyze assessments']))
    const { rows: countRows } = await database.executor.executeSql(
      `select count(*) filter (where is_latest)::int as latest, count(*)::int as total, pg_total_relation_size('assessments')::float8 as bytes from assessments`,
      [],
    )
    const counts = countRows[0] as { latest: number; total: number; bytes: number }
    log(`${kind} ${sizeLabel}: loaded in ${seconds(loadMs)} (vacuum analyze ${seconds(vacuumMs)}): ${counts.latest} latest of ${counts.total} rows, ${(counts.bytes / 2 ** 20).toFixed(0)} MiB with indexes`)

    const app = createApp(deps)
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' })
    await new Promise<void>((resolve) => server.once('listening', () => resolve()))
    ;(server as http.Server).keepAliveTimeout = 600_000
    closeServer = () => new Promise((resolve) => server.close(() => resolve()))
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

    const email = 'bg.staff@ponte.demo'
    const cookie = await signIn(base, email)
    const { rows: found } = await database.executor.executeSql('select id from users where email = $1', [email])
    const actor = await loadActor(database.db, (found[0] as { id: string }).id, 'session', ['read', 'write'])
    if (!actor) throw new Error(`no actor for ${email}`)
    const ctx: RequestContext = { db: loggedDb, deps, actor, requestId: null, locale: 'it', now: () => new Date() }

    const n = samplesFor(size)
    for (const sample of samples) {
      const url = `${base}/api/assessments/${sample.id}/benchmark`
      const get = async () => {
        const res = await fetch(url, { headers: { cookie } })
        if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`)
        return (await res.json()) as { benchmark: { level: string; size: number } | null; unavailable: string | null }
      }
      statementCount = 0
      captured = []
      const answer = await get()
      const statements = statementCount
      if (sample === samples[0]) {
        log('  statements of one request:')
        for (const c of captured) log(`    ${c.sql.replace(/\s+/g, ' ').slice(0, 110)}`)
      }
      captured = null
      if (!answer.benchmark) throw new Error(`${sample.label}: no benchmark (${answer.unavailable})`)

      // The same SQL, run directly: the statements `benchmarkAssessment` runs for this assessment.
      const { rows: assessmentRows } = await database.executor.executeSql(
        'select instrument_id, ateco_section, size_class, region_code, overall, d1, d2, d3, d4, d5, d6 from assessments where id = $1',
        [sample.id],
      )
      const a = assessmentRows[0] as Record<string, string | number | null>
      captured = []
      await benchmarkAssessment(
        loggedDb,
        String(a.instrument_id),
        { atecoSection: a.ateco_section as string | null, sizeClass: a.size_class as string | null, regionCode: a.region_code as string | null },
        { overall: Number(a.overall), dimensions: Object.fromEntries(DMA_DIMENSION_IDS.map((d) => [d, Number(a[d.toLowerCase()])])) as Record<(typeof DMA_DIMENSION_IDS)[number], number> },
      )
      const essential = captured
      captured = null
      const executor = database.executor
      const [httpT, serviceT, sqlT] = await timeInterleaved(n, [
        get,
        () => getAssessmentBenchmark(ctx, sample.id),
        async () => {
          for (const statement of essential) await executor.executeSql(statement.sql, statement.params)
        },
      ])
      if (!httpT || !serviceT || !sqlT) throw new Error('no timings')
      rows.push({
        db: kind, size: sizeLabel, sample: sample.label, level: answer.benchmark.level, groupSize: answer.benchmark.size,
        statements, sqlStatements: essential.length,
        httpP50: httpT.p50, httpP95: httpT.p95, serviceP50: serviceT.p50, serviceP95: serviceT.p95, sqlP50: sqlT.p50, sqlP95: sqlT.p95,
      })
      log(`  ${sample.label}: ${answer.benchmark.level} (${answer.benchmark.size}), HTTP p95 ${ms(httpT.p95)} ms, service p95 ${ms(serviceT.p95)} ms, SQL p95 ${ms(sqlT.p95)} ms, ${statements} statements`)
    }
    await closeServer()
    closeServer = null
    await dropHelpers(database.executor)
    deps.mailer.close()
  } finally {
    if (closeServer) await closeServer()
    if (database) await database.close()
    if (keep) log(`kept: ${target.url ?? target.dataDir}`)
    else await target.dispose()
  }
}

// ---------------------------------------------------------------- report

function printScoring(scoring: ScoringRow[]) {
  console.log('\nScoring throughput (1,000 random valid answer sets per instrument, best of 3 rounds, one core)')
  console.log('baseline = JSON.parse(JSON.stringify(answers)) of the same answers, same run')
  const widths = [12, 14, 16, 16, 14, 14]
  const line = (cells: string[]) => cells.map((c, i) => pad(c, widths[i] ?? 8)).join(' ')
  console.log(line(['instrument', 'baseline/s', 'validate/s', 'validate+score/s', 'validate ×base', 'score ×base']))
  for (const r of scoring) {
    console.log(line([r.instrument, thousands(r.baseline), thousands(r.validate), thousands(r.score), `${(r.baseline / r.validate).toFixed(2)}×`, `${(r.baseline / r.score).toFixed(2)}×`]))
  }
  console.log('(×base = time per assessment / time of the baseline)')
}

function printReport(rows: Row[]) {
  const header = ['db', 'size', 'assessment', 'level', 'group', 'stmts', 'HTTP p50', 'HTTP p95', 'svc p50', 'svc p95', 'SQL p50', 'SQL p95', 'ratio p50', 'ratio p95']
  const widths = [8, 5, 25, 20, 8, 6, 9, 9, 8, 8, 8, 8, 9, 9]
  const line = (cells: string[]) => cells.map((c, i) => pad(c, widths[i] ?? 8)).join(' ')
  for (const kind of kinds) {
    for (const size of sizeLabels) {
      const part = rows.filter((r) => r.db === kind && r.size === size)
      if (!part.length) continue
      console.log(`\n${kind}, ${size} validated assessments: GET /api/assessments/{id}/benchmark, ms; svc = the service called directly; SQL = its benchmark statements run directly; ratio = HTTP / SQL (target ≤ 1.5×)`)
      console.log(line(header))
      for (const r of part) {
        console.log(line([r.db, r.size, r.sample, r.level, String(r.groupSize), `${r.statements}/${r.sqlStatements}`, ms(r.httpP50), ms(r.httpP95), ms(r.serviceP50), ms(r.serviceP95), ms(r.sqlP50), ms(r.sqlP95), `${(r.httpP50 / r.sqlP50).toFixed(2)}×`, `${(r.httpP95 / r.sqlP95).toFixed(2)}×`]))
      }
    }
  }
  console.log('(stmts = statements per request / of them the benchmark SQL)')
  const sizes = [...new Set(rows.map((r) => r.size))].sort((a, b) => (SIZE_NAMES[a] ?? 0) - (SIZE_NAMES[b] ?? 0))
  const small = sizes[0]
  const large = sizes.at(-1)
  if (small && large && small !== large) {
    console.log(`\nScaling: p95 at ${large} / p95 at ${small} (target ≤ 3×)`)
    for (const r of rows.filter((x) => x.size === large)) {
      const b = rows.find((x) => x.size === small && x.db === r.db && x.sample === r.sample)
      if (b) console.log(`  ${pad(r.db, 8)} ${pad(r.sample, 25)} ${pad(`${b.level} → ${r.level}`, 42)} HTTP ${ms(b.httpP95)} → ${ms(r.httpP95)} ms ${pad(`${(r.httpP95 / b.httpP95).toFixed(2)}×`, 8)} SQL ${ms(b.sqlP95)} → ${ms(r.sqlP95)} ms ${(r.sqlP95 / b.sqlP95).toFixed(2)}×`)
    }
  }
}

async function main() {
  const scoring = skipScoring ? [] : scoringThroughput()
  const rows: Row[] = []
  if (!skipQuery) {
    for (const kind of kinds) {
      for (const size of sizeLabels) {
        const [, runMs] = await stopwatch(() => runOne(kind, size, rows))
        log(`${kind} ${size}: run took ${seconds(runMs)}`)
      }
    }
  }
  if (scoring.length) printScoring(scoring)
  if (rows.length) printReport(rows)
  console.log(`\nMachine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}`)
}

await main()
