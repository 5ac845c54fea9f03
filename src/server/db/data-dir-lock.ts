/**
 * PGlite has no lock of its own: two processes opening one data directory silently lose data
 * (ADR 0003). Ponte holds an exclusive lock (proper-lockfile) for as long as it has the directory
 * open; a second process, server or CLI, refuses with a clear message.
 */
import fs from 'node:fs'
import path from 'node:path'
import lockfile from 'proper-lockfile'

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number | null,
  ) {
    super(
      `The data directory ${dataDir} is in use by another Ponte process` +
        (pid ? ` (pid ${pid})` : '') +
        '. Stop it first, or set PONTE_DATA_DIR to another directory. Nothing was changed.',
    )
    this.name = 'DataDirLockedError'
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Locks `dataDir` (creating it). Returns the release function. */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  fs.mkdirSync(dataDir, { recursive: true })
  const lockPath = path.join(dataDir, 'ponte.lock')
  const pidPath = path.join(dataDir, 'ponte.pid')
  const options = { lockfilePath: lockPath, stale: 10_000, update: 2_000, realpath: false }
  let release: () => Promise<void>
  try {
    release = await lockfile.lock(dataDir, options)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error
    const pid = readPid(pidPath)
    // A holder killed with -9 leaves its lock behind; when its pid is gone on this host the lock is
    // stale at once, so a restart needs no manual step and no waiting.
    if (pid !== null && pid !== process.pid && !isAlive(pid)) {
      fs.rmSync(lockPath, { recursive: true, force: true })
      release = await lockfile.lock(dataDir, options)
    } else {
      throw new DataDirLockedError(path.resolve(dataDir), pid)
    }
  }
  fs.writeFileSync(pidPath, String(process.pid))
  return async () => {
    fs.rmSync(pidPath, { force: true })
    await release()
  }
}

function readPid(pidPath: string): number | null {
  try {
    const pid = Number.parseInt(fs.readFileSync(pidPath, 'utf8'), 10)
    return Number.isInteger(pid) && pid > 0 ? pid : null
  } catch {
    // No pid file: the holder is still starting, or predates pid files; treat it as alive.
    return null
  }
}
