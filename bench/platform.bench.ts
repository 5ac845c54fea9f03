/**
 * Platform benchmark (`npm run bench:platform`): boot time to ready on an empty and on a warm data
 * directory, and the cost of the HTTP stack (auth, scoping, validation, JSON) over the same query
 * run directly. Prints figures; asserts nothing (HOUSE_STYLE: benchmarks, never timed tests).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { asc } from 'drizzle-orm'
import { units } from '../src/modules/identity/server/identity.table'
import { openDatabase } from '../src/server/db/client'

const ROOT = path.resolve(import.meta.dirname, '..')

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo
      srv.close(() => resolve(port))
    })
  })
}

async function bootOnce(dataDir: string, seed: 'demo' | 'none'): Promise<{ ms: number; child: ChildProcess; port: number }> {
  const port = await freePort()
  const started = performance.now()
  const child = spawn(process.execPath, [path.join(ROOT, 'bin/ponte.mjs'), 'start'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), PONTE_DATA_DIR: dataDir, PONTE_SEED: seed, PONTE_JOBS: 'off', LOG_LEVEL: 'warn', NODE_ENV: 'production' },
    stdio: 'ignore',
  })
  for (;;) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`)
      if (res.ok) break
    } catch {
      // not listening yet
    }
    if (performance.now() - started > 120_000) throw new Error('server did not become ready in 120 s')
    await new Promise((r) => setTimeout(r, 25))
  }
  return { ms: performance.now() - started, child, port }
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
  })
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN
}

async function timeIt(n: number, fn: () => Promise<unknown>) {
  for (let i = 0; i < 20; i++) await fn()
  const samples: number[] = []
  for (let i = 0; i < n; i++) {
    const t0 = performance.now()
    await fn()
    samples.push(performance.now() - t0)
  }
  samples.sort((a, b) => a - b)
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) }
}

const fmt = (ms: number) => `${ms.toFixed(2)} ms`

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ponte-bench-'))
  try {
    const empty = await bootOnce(path.join(dir, 'a'), 'none')
    await stop(empty.child)
    const seeded = await bootOnce(path.join(dir, 'b'), 'demo')
    await stop(seeded.child)
    const warm = await bootOnce(path.join(dir, 'b'), 'demo')
    console.log('Boot to ready (GET /api/health answers):')
    console.log(`  empty data dir, no seed     ${fmt(empty.ms)}`)
    console.log(`  empty data dir, demo seed   ${fmt(seeded.ms)}`)
    console.log(`  warm restart (seeded dir)   ${fmt(warm.ms)}  (${(warm.ms / seeded.ms).toFixed(2)}× the first boot)`)

    const base = `http://127.0.0.1:${warm.port}`
    const signIn = await fetch(`${base}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-ponte-csrf': '1' },
      body: JSON.stringify({ email: 'admin@ponte.demo', password: 'ponte-demo' }),
    })
    const cookie = signIn.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ')
    const http = await timeIt(300, async () => {
      const res = await fetch(`${base}/api/units`, { headers: { cookie } })
      await res.json()
    })
    await stop(warm.child)

    // The same list query, run directly on the same data directory (the server is stopped).
    const database = await openDatabase({ dataDir: path.join(dir, 'b') })
    const raw = await timeIt(300, () => database.db.select().from(units).orderBy(asc(units.path)))
    await database.close()
    console.log('GET /api/units as network admin (12 units), 300 requests, sequential:')
    console.log(`  HTTP   p50 ${fmt(http.p50)}  p95 ${fmt(http.p95)}`)
    console.log(`  SQL    p50 ${fmt(raw.p50)}  p95 ${fmt(raw.p95)}`)
    console.log(`  ratio  p50 ${(http.p50 / raw.p50).toFixed(1)}×  p95 ${(http.p95 / raw.p95).toFixed(1)}×  (HTTP adds session lookup, actor load, JSON)`)
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

await main()
