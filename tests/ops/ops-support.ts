/**
 * Helpers for the operations tests: run the real `ponte` command as a child process (server or
 * CLI), on a throwaway PGlite data directory or a throwaway PostgreSQL database, and talk to it over
 * HTTP like a browser. Every child started here is remembered so `killAllPonte()` in afterAll ends it
 * even when a test failed half-way.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { PassThrough } from 'node:stream'
import { runCli } from '../../src/server/cli/program'
import { createThrowawayPostgres, TEST_DATABASE_URL } from '../support/test-database'

export const ROOT = path.resolve(import.meta.dirname, '..', '..')
const PONTE_BIN = path.join(ROOT, 'bin', 'ponte.mjs')

/**
 * The database each ops test runs on, as for every other test: PGlite, or PostgreSQL when
 * TEST_DATABASE_URL is set. `npm test` runs the suite once each way, so every ops test covers both
 * databases without running its PGlite half twice.
 */
export const DATABASE_KINDS: ('pglite' | 'postgres')[] = TEST_DATABASE_URL ? ['postgres'] : ['pglite']

/** A database for a child process: either a data directory or a connection string. */
export interface Target {
  kind: 'pglite' | 'postgres'
  env: Record<string, string>
  /** PGlite only. */
  dataDir: string | null
  /** PostgreSQL only. */
  url: string | null
  dispose(): Promise<void>
}

/** A fresh temp directory under the OS temp dir, removed by `dispose`. */
export function makeTempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `ponte-${prefix}-`))
}

export async function createTarget(kind: 'pglite' | 'postgres', label: string): Promise<Target> {
  if (kind === 'postgres') {
    const pg = await createThrowawayPostgres()
    return { kind, env: { DATABASE_URL: pg.url }, dataDir: null, url: pg.url, dispose: pg.drop }
  }
  const dir = makeTempDir(label)
  const dataDir = path.join(dir, 'data')
  return {
    kind,
    env: { PONTE_DATA_DIR: dataDir },
    dataDir,
    url: null,
    dispose: async () => fs.rmSync(dir, { recursive: true, force: true }),
  }
}

/** A free TCP port on 127.0.0.1 (listen on 0, read it, close). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      if (!address || typeof address === 'string') return reject(new Error('no port'))
      server.close(() => resolve(address.port))
    })
  })
}

/** The environment of a child: ours without database settings, plus `extra`. */
function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env }
  for (const key of ['DATABASE_URL', 'PONTE_DATA_DIR', 'TEST_DATABASE_URL', 'SMTP_URL', 'PORT', 'PONTE_PUBLIC_URL', 'PONTE_SECRET']) delete env[key]
  return { ...env, NODE_ENV: 'production', LOG_LEVEL: 'warn', PONTE_JOBS: 'off', HOST: '127.0.0.1', ...extra }
}

const children = new Set<ChildProcess>()

export interface PonteServer {
  url: string
  port: number
  child: ChildProcess
  /** Everything the process printed so far (stdout and stderr). */
  output(): string
  /** Resolves when the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  /** SIGKILL: no shutdown code runs, like a power cut of the process. */
  killHard(): Promise<void>
  /** SIGTERM and wait for the graceful shutdown. */
  stop(): Promise<void>
}

/** `ponte start` on `target`; resolves once /api/health answers. */
export async function startPonte(target: Target, extra: Record<string, string> = {}): Promise<PonteServer> {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const child = spawn(process.execPath, [PONTE_BIN, 'start'], {
    cwd: ROOT,
    env: childEnv({ PORT: String(port), PONTE_PUBLIC_URL: url, PONTE_SEED: 'demo', ...target.env, ...extra }),
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.add(child)
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('exit', (code, signal) => {
      children.delete(child)
      resolve({ code, signal })
    })
  })
  const server: PonteServer = {
    url,
    port,
    child,
    output: () => output,
    exited,
    async killHard() {
      child.kill('SIGKILL')
      await exited
    },
    async stop() {
      child.kill('SIGTERM')
      await exited
    },
  }
  let done = false
  const deadline = Date.now() + 90_000
  void exited.then(() => (done = true))
  while (Date.now() < deadline) {
    if (done) throw new Error(`ponte start exited before it was ready:\n${output}`)
    try {
      const res = await fetch(`${url}/api/health`)
      if (res.ok) return server
    } catch {
      // not listening yet
    }
    await sleep(200)
  }
  child.kill('SIGKILL')
  throw new Error(`ponte start was not healthy within 90 s:\n${output}`)
}

export interface CliResult {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs `ponte <args>` to completion against `target`. */
export async function runPonte(target: Target, args: string[], extra: Record<string, string> = {}): Promise<CliResult> {
  const child = spawn(process.execPath, [PONTE_BIN, ...args], {
    cwd: ROOT,
    env: childEnv({ ...target.env, ...extra }),
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.add(child)
  let stdout = ''
  let stderr = ''
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const timer = setTimeout(() => child.kill('SIGKILL'), 90_000)
  const code = await new Promise<number | null>((resolve) => {
    child.on('exit', (c) => {
      children.delete(child)
      resolve(c)
    })
  })
  clearTimeout(timer)
  return { code, stdout, stderr }
}

/**
 * Runs `ponte <args>` against `target` inside this process: the same program, settings and exit
 * code as the `ponte` binary (bin/ponte.mjs → cli.ts → runCli), without paying a child's start-up
 * (seconds: tsx and every module loaded again). Tests keep `runPonte` where the process itself is
 * the subject: its exit status as the shell sees it, locks, crashes.
 */
export async function runPonteHere(target: Target, args: string[], extra: Record<string, string> = {}): Promise<CliResult> {
  const stdout = new PassThrough()
  const stderr = new PassThrough()
  const out: Buffer[] = []
  const err: Buffer[] = []
  stdout.on('data', (chunk: Buffer) => out.push(chunk))
  stderr.on('data', (chunk: Buffer) => err.push(chunk))
  const code = await runCli(['node', 'ponte', ...args], { env: childEnv({ ...target.env, ...extra }), stdout, stderr })
  return { code, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() }
}

/** Ends every child this file started (afterAll, even after a failure). */
export async function killAllPonte(): Promise<void> {
  await Promise.all(
    [...children].map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve()
          child.once('exit', () => resolve())
          child.kill('SIGKILL')
        }),
    ),
  )
  children.clear()
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

/** A cookie-keeping HTTP client against a running server, sending the CSRF header like the web app. */
export class HttpSession {
  private cookies = new Map<string, string>()
  constructor(readonly baseUrl: string) {}

  async request<T = unknown>(method: string, pathAndQuery: string, body?: unknown): Promise<{ status: number; body: T }> {
    const headers: Record<string, string> = { 'accept-language': 'it' }
    if (body !== undefined) headers['content-type'] = 'application/json'
    if (method !== 'GET') headers['x-ponte-csrf'] = '1'
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
    const res = await fetch(`${this.baseUrl}${pathAndQuery}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
    for (const set of res.headers.getSetCookie()) {
      const [pair] = set.split(';')
      const eq = pair?.indexOf('=') ?? -1
      if (!pair || eq < 0) continue
      const name = pair.slice(0, eq)
      if (/max-age=0/i.test(set)) this.cookies.delete(name)
      else this.cookies.set(name, pair.slice(eq + 1))
    }
    const text = await res.text()
    return { status: res.status, body: (text ? JSON.parse(text) : null) as T }
  }

  get<T = unknown>(p: string) {
    return this.request<T>('GET', p)
  }
  post<T = unknown>(p: string, body: unknown = {}) {
    return this.request<T>('POST', p, body)
  }

  async signIn(email: string, password = 'ponte-demo'): Promise<void> {
    const res = await this.post('/api/auth/sign-in', { email, password })
    if (res.status !== 200) throw new Error(`sign-in of ${email} failed: ${res.status} ${JSON.stringify(res.body)}`)
  }
}

export interface UnitView {
  id: string
  parentId: string | null
  code: string
  name: string
}

export interface AuditEntryView {
  action: string
  entityType: string
  entityId: string
}

/** Every audit entry of `entityType`, following nextCursor page by page. */
export async function readAllAudit(session: HttpSession, entityType: string): Promise<AuditEntryView[]> {
  const all: AuditEntryView[] = []
  let cursor: string | null = null
  for (let page = 0; page < 1000; page += 1) {
    const query = new URLSearchParams({ entityType, limit: '100' })
    if (cursor) query.set('cursor', cursor)
    const res = await session.get<{ items: AuditEntryView[]; nextCursor: string | null }>(`/api/audit?${query}`)
    if (res.status !== 200) throw new Error(`GET /api/audit failed: ${res.status} ${JSON.stringify(res.body)}`)
    all.push(...res.body.items)
    cursor = res.body.nextCursor
    if (!cursor) return all
  }
  throw new Error('audit paging did not end after 1000 pages')
}

/** Path, size and content hash of every file under `dir` (sorted), for "nothing changed" checks. */
export function fingerprintDir(dir: string, exclude: (relative: string) => boolean = () => false): string[] {
  const lines: string[] = []
  const walk = (current: string) => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(current, entry.name)
      const relative = path.relative(dir, full)
      if (exclude(relative)) continue
      if (entry.isDirectory()) {
        lines.push(`${relative}/`)
        walk(full)
      } else {
        const stat = fs.statSync(full)
        const hash = crypto.createHash('sha256').update(fs.readFileSync(full)).digest('hex')
        lines.push(`${relative} ${stat.size} ${stat.mtimeMs} ${hash}`)
      }
    }
  }
  walk(dir)
  return lines
}
