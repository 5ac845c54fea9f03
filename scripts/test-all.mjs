// `npm test`: the one command that says whether Ponte works (HOUSE_STYLE habit 1). Runs every stage,
// keeps going after a failure, and sums the counts read from each tool's JSON report:
//   vitest on PGlite (every core), then two lanes side by side:
//     Playwright journeys (one browser, one app: about one core)
//     typecheck (1 test) → lint (1 test) → vitest on PostgreSQL (when TEST_DATABASE_URL is set; one worker)
// The journeys leave a core mostly idle; the second lane fills it (CI time budget). The second lane
// writes to .tmp/test-<stage>.log, printed after the lanes end. PONTE_TEST_SERIAL=1 runs every
// stage one after the other with live output.
// The last line is exactly `N passed, N failed`. Exit 1 when anything failed, a stage crashed or ran
// no tests, or a test was skipped: a skipped test proves nothing, so it counts as a failure.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')
const tmp = path.join(root, '.tmp')
const bin = (name) => path.join(root, 'node_modules', '.bin', name)

/**
 * Runs a command with inherited output, or its output into `log` (a file path); resolves to its exit
 * code (or a signal as a failure).
 */
function run(command, args, env = process.env, log = null) {
  return new Promise((resolve) => {
    const fd = log ? fs.openSync(log, 'w') : null
    const child = spawn(command, args, { cwd: root, env, stdio: fd === null ? 'inherit' : ['ignore', fd, fd] })
    const done = (code) => {
      if (fd !== null) fs.closeSync(fd)
      resolve(code)
    }
    child.on('error', (error) => {
      console.error(`Could not run ${command}: ${error.message}`)
      done(127)
    })
    child.on('exit', (code, signal) => done(code ?? (signal ? 128 : 1)))
  })
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'))
  } catch (error) {
    return { unreadable: error instanceof Error ? error.message : String(error) }
  }
}

function removeReport(file) {
  fs.rmSync(file, { force: true })
}

/** A stage that is one test: the command passes or fails. */
async function singleCheck(command, args, log) {
  const code = await run(command, args, process.env, log)
  return { passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, notes: code === 0 ? [] : [`exit code ${code}`] }
}

/** Counts of a vitest JSON report; file-level errors (import failures, failing hooks) count as one failure each. */
async function vitestStage(args, env, report, log) {
  removeReport(report)
  const code = await run(bin('vitest'), ['run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], env, log)
  const json = readJson(report)
  const result = { passed: 0, failed: 0, notes: [] }
  if (json.unreadable) {
    result.failed = 1
    result.notes.push(`crashed: no JSON report (${report}; exit code ${code})`)
    return result
  }
  let skipped = 0
  let fileErrors = 0
  for (const file of json.testResults ?? []) {
    let failedHere = 0
    for (const test of file.assertionResults ?? []) {
      if (test.status === 'passed') result.passed += 1
      else if (test.status === 'failed') failedHere += 1
      else skipped += 1
    }
    result.failed += failedHere
    if (file.status === 'failed' && failedHere === 0) {
      fileErrors += 1
      result.notes.push(`file error in ${path.relative(root, file.name)}: ${String(file.message).split('\n')[0]}`)
    }
  }
  result.failed += skipped + fileErrors
  if (skipped > 0) result.notes.push(`${skipped} skipped/todo test(s) counted as failed`)
  if (result.passed + result.failed === 0) {
    result.failed = 1
    result.notes.push('crashed: ran zero tests')
  } else if (code !== 0 && result.failed === 0) {
    // Unhandled errors between tests fail the run without failing a test.
    result.failed = 1
    result.notes.push(`vitest exited with code ${code} although every test passed (unhandled error?)`)
  }
  return result
}

async function playwrightStage(report, log) {
  removeReport(report)
  // playwright.config.ts writes the JSON report to PLAYWRIGHT_JSON_OUTPUT_FILE (default: this path).
  const code = await run(bin('playwright'), ['test'], { ...process.env, PLAYWRIGHT_JSON_OUTPUT_FILE: report }, log)
  const json = readJson(report)
  const result = { passed: 0, failed: 0, notes: [] }
  if (json.unreadable) {
    result.failed = 1
    result.notes.push(`crashed: no JSON report (${report}; exit code ${code})`)
    return result
  }
  const stats = json.stats ?? {}
  result.passed = stats.expected ?? 0
  // retries are 0, so "flaky" cannot happen; if it ever does, a test that failed once is not a pass.
  result.failed = (stats.unexpected ?? 0) + (stats.flaky ?? 0) + (stats.skipped ?? 0)
  if (stats.skipped) result.notes.push(`${stats.skipped} skipped test(s) counted as failed`)
  if (stats.flaky) result.notes.push(`${stats.flaky} flaky test(s) counted as failed`)
  for (const error of json.errors ?? []) {
    result.failed += 1
    result.notes.push(`error outside tests: ${String(error.message ?? error).split('\n')[0]}`)
  }
  if (result.passed + result.failed === 0) {
    result.failed = 1
    result.notes.push('crashed: ran zero tests')
  } else if (code !== 0 && result.failed === 0) {
    result.failed = 1
    result.notes.push(`playwright exited with code ${code} although every test passed`)
  }
  return result
}

const withoutTestDatabase = { ...process.env }
delete withoutTestDatabase.TEST_DATABASE_URL

const hasEslintConfig = ['eslint.config.js', 'eslint.config.mjs', 'eslint.config.ts'].some((f) => fs.existsSync(path.join(root, f)))

const serial = process.env.PONTE_TEST_SERIAL === '1'

const typecheck = { name: 'typecheck', run: (log) => singleCheck(bin('tsc'), ['--noEmit', '-p', '.'], log) }
const lint = hasEslintConfig
  ? { name: 'lint', run: (log) => singleCheck(bin('eslint'), ['.'], log) }
  : { name: 'lint', skip: 'no eslint.config.js yet: lint not run (not counted)' }
const vitestPglite = {
  name: 'vitest pglite',
  run: (log) => vitestStage([], withoutTestDatabase, path.join(tmp, 'vitest-pglite.json'), log),
}
const vitestPostgres = process.env.TEST_DATABASE_URL
  ? {
      name: 'vitest postgres',
      // The PGlite data-directory lock has no PostgreSQL form: that file ran in the PGlite stage.
      // One worker beside the journeys (two when run alone).
      run: (log) =>
        vitestStage(
          ['--project', 'server', '--exclude', 'tests/ops/data-dir-lock.test.ts', ...(serial ? [] : ['--maxWorkers=1'])],
          process.env,
          path.join(tmp, 'vitest-postgres.json'),
          log,
        ),
    }
  : { name: 'vitest postgres', skip: 'TEST_DATABASE_URL is not set: PostgreSQL run not done (not counted)' }
const playwright = { name: 'playwright', run: (log) => playwrightStage(path.join(tmp, 'playwright.json'), log) }

/** Steps run one after the other; a step with lanes runs them side by side (the first lane live). */
const steps = serial
  ? [typecheck, lint, vitestPglite, vitestPostgres, playwright].map((stage) => ({ lanes: [[stage]] }))
  : [{ lanes: [[vitestPglite]] }, { lanes: [[playwright], [typecheck, lint, vitestPostgres]] }]

/** Runs a lane's stages in order; `logged` stages write to .tmp/test-<name>.log. */
async function runLane(stages, logged) {
  const results = []
  for (const stage of stages) {
    if (stage.skip) {
      results.push({ name: stage.name, line: stage.skip })
      continue
    }
    const log = logged ? path.join(tmp, `test-${stage.name.replace(/\W+/g, '-')}.log`) : null
    console.log(`\n── ${stage.name}${log ? ` (beside the journeys; output in ${path.relative(root, log)})` : ''} ──────────────────────`)
    const started = Date.now()
    const result = await stage.run(log)
    const seconds = Math.round((Date.now() - started) / 1000)
    results.push({ name: stage.name, seconds, log, ...result, line: `${result.passed} passed, ${result.failed} failed (${seconds} s)` })
  }
  return results
}

fs.mkdirSync(tmp, { recursive: true })
const summary = []
for (const step of steps) {
  const lanes = await Promise.all(step.lanes.map((stages, i) => runLane(stages, i > 0)))
  for (const results of lanes) {
    for (const result of results) {
      if (result.log) {
        console.log(`\n── ${result.name}: its output ──────────────────────────────────────────`)
        process.stdout.write(fs.readFileSync(result.log, 'utf8'))
      }
      summary.push(result)
    }
  }
}

let passed = 0
let failed = 0
console.log('\n══ Summary ══════════════════════════════════════════════')
for (const s of summary) {
  console.log(`${s.name}: ${s.line}`)
  for (const note of s.notes ?? []) console.log(`    ${note}`)
  passed += s.passed ?? 0
  failed += s.failed ?? 0
}
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed > 0 || passed === 0 ? 1 : 0)
