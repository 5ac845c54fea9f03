/**
 * Starts what the journeys need and returns the teardown that stops it:
 * - an SMTP server on a free port that writes each message to `.tmp/e2e/mail/<n>.json` ({to, subject, text}),
 * - the web build (only when missing or older than its sources),
 * - `ponte start` on a free port with a throwaway data directory seeded with the demo network,
 *   mail sent to that SMTP server.
 * The base URL reaches the tests through PONTE_E2E_BASE_URL and `.tmp/e2e/server.json`.
 */
import { execFileSync, spawn } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { simpleParser } from 'mailparser'
import { SMTPServer } from 'smtp-server'
import { E2E_DIR, MAIL_DIR, ROOT, SCREENSHOT_DIR, SERVER_STATE_FILE, type ServerState } from './e2e-paths'

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer()
    probe.on('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      if (!address || typeof address === 'string') return reject(new Error('no port'))
      probe.close(() => resolve(address.port))
    })
  })
}

/** Catches every message the app sends; nothing leaves the machine. */
async function startSmtpServer(): Promise<{ port: number; close: () => Promise<void> }> {
  let received = 0
  const server = new SMTPServer({
    authOptional: true,
    // Plain SMTP on localhost: no STARTTLS offer, so nodemailer does not try to upgrade.
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received += 1
          const to = session.envelope.rcptTo.map((r) => r.address.toLowerCase()).join(', ')
          const message = { to, subject: mail.subject ?? '', text: mail.text ?? '' }
          fs.writeFileSync(path.join(MAIL_DIR, `${received}.json`), JSON.stringify(message, null, 2))
          callback()
        })
        .catch((error: unknown) => callback(error instanceof Error ? error : new Error(String(error))))
    },
  })
  const port = await freePort()
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve())
  })
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) }
}

async function waitForHealth(url: string, exited: () => string | null, log: () => string): Promise<void> {
  const deadline = Date.now() + 120_000
  while (Date.now() < deadline) {
    const exit = exited()
    if (exit) throw new Error(`ponte start exited (${exit}) before it was ready:\n${log()}`)
    try {
      const res = await fetch(`${url}/api/health`)
      if (res.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`ponte start was not healthy within 120 s:\n${log()}`)
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  fs.rmSync(MAIL_DIR, { recursive: true, force: true })
  fs.mkdirSync(MAIL_DIR, { recursive: true })
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true })
  const dataDir = path.join(E2E_DIR, 'data')
  fs.rmSync(dataDir, { recursive: true, force: true })

  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'ensure-web-build.mjs')], { cwd: ROOT, stdio: 'inherit' })

  const smtp = await startSmtpServer()
  const port = await freePort()
  const baseURL = `http://127.0.0.1:${port}`
  const env: NodeJS.ProcessEnv = { ...process.env }
  for (const key of ['DATABASE_URL', 'TEST_DATABASE_URL', 'PONTE_SECRET']) delete env[key]
  const logFile = path.join(E2E_DIR, 'server.log')
  const log = fs.openSync(logFile, 'w')
  const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'ponte.mjs'), 'start'], {
    cwd: ROOT,
    env: {
      ...env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      PONTE_DATA_DIR: dataDir,
      PONTE_SEED: 'demo',
      PONTE_DEMO_PASSWORD: 'ponte-demo',
      PONTE_JOBS: 'off',
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      PONTE_PUBLIC_URL: baseURL,
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', log, log],
  })
  let exitDescription: string | null = null
  const exited = new Promise<void>((resolve) => {
    child.on('exit', (code, signal) => {
      exitDescription = `code ${code}, signal ${signal}`
      resolve()
    })
  })
  // If the runner dies without teardown, do not leave the app holding the data directory.
  const killOnExit = () => child.kill('SIGKILL')
  process.on('exit', killOnExit)

  const teardown = async () => {
    process.off('exit', killOnExit)
    if (!exitDescription) {
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
      await exited
      clearTimeout(timer)
    }
    fs.closeSync(log)
    await smtp.close()
  }

  try {
    await waitForHealth(baseURL, () => exitDescription, () => fs.readFileSync(logFile, 'utf8'))
  } catch (error) {
    await teardown()
    throw error
  }
  const state: ServerState = { baseURL, smtpPort: smtp.port, dataDir }
  fs.writeFileSync(SERVER_STATE_FILE, JSON.stringify(state, null, 2))
  process.env.PONTE_E2E_BASE_URL = baseURL
  return teardown
}
