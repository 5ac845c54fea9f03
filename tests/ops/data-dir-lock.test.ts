/**
 * PGlite has no lock of its own: two processes on one data directory silently lose data (ADR 0003).
 * These tests run the real `ponte` command to show that a second process refuses, leaves every file
 * alone, and that a crashed holder never needs a manual unlock. PGlite only: with DATABASE_URL the
 * data directory is not used, and PostgreSQL has its own locking.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTarget, fingerprintDir, killAllPonte, runPonte, startPonte, type PonteServer, type Target } from './ops-support'

const LOCKED_MESSAGE = 'in use by another Ponte process'
const LOCKED_EXIT_CODE = 3

describe('the PGlite data directory lock', () => {
  let target: Target
  let first: PonteServer

  beforeAll(async () => {
    target = await createTarget('pglite', 'lock')
    first = await startPonte(target)
  }, 120_000)

  afterAll(async () => {
    await killAllPonte()
    await target?.dispose()
  })

  const dataDir = () => {
    if (!target.dataDir) throw new Error('PGlite target without a data directory')
    return target.dataDir
  }
  // The lock itself (proper-lockfile refreshes its mtime every 2 s) and the pid file are the only
  // files a refused process may touch; the database files must be byte-for-byte the same.
  const fingerprint = () => fingerprintDir(dataDir(), (relative) => relative.startsWith('ponte.lock') || relative === 'ponte.pid')

  it('refuses a second server and a CLI backup on the same directory, changing nothing', async () => {
    const before = fingerprint()
    expect(before.filter((line) => line.startsWith('pgdata/')).length).toBeGreaterThan(100) // a real cluster, not an empty listing
    const backupFile = path.join(path.dirname(dataDir()), 'refused.backup')

    const second = await runPonte(target, ['start'], { PORT: '0' })
    const backup = await runPonte(target, ['backup', backupFile])

    expect({ code: second.code, stderr: second.stderr }).toMatchObject({ code: LOCKED_EXIT_CODE, stderr: expect.stringContaining(LOCKED_MESSAGE) })
    expect({ code: backup.code, stderr: backup.stderr }).toMatchObject({ code: LOCKED_EXIT_CODE, stderr: expect.stringContaining(LOCKED_MESSAGE) })
    expect(fs.existsSync(backupFile)).toBe(false)
    expect(fingerprint()).toEqual(before)
  }, 120_000)

  it('keeps the first server serving after the refusals', async () => {
    const res = await fetch(`${first.url}/api/health`)

    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ status: 'ok', database: 'pglite' })
  })

  it('starts again without a manual step after the holder was killed with SIGKILL', async () => {
    await first.killHard()
    expect(fs.existsSync(path.join(dataDir(), 'ponte.lock'))).toBe(true) // the stale lock is left behind

    const restarted = await startPonte(target)
    const res = await fetch(`${restarted.url}/api/health`)

    expect(await res.json()).toMatchObject({ status: 'ok', database: 'pglite' })
    await restarted.stop()
  }, 120_000)
})
