import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { DataDirLockedError, lockDataDir } from './data-dir-lock'

const dirs: string[] = []
function tempDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ponte-lock-'))
  dirs.push(dir)
  return dir
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
})

describe('lockDataDir', () => {
  it('refuses a second holder with a message naming the directory and the holder', async () => {
    const dir = tempDir()
    const release = await lockDataDir(dir)
    try {
      const second = lockDataDir(dir)
      await expect(second).rejects.toBeInstanceOf(DataDirLockedError)
      await expect(lockDataDir(dir)).rejects.toThrow(`in use by another Ponte process (pid ${process.pid})`)
    } finally {
      await release()
    }
  })

  it('can be taken again once released', async () => {
    const dir = tempDir()
    await (await lockDataDir(dir))()
    const again = await lockDataDir(dir)
    await again()
  })

  it('treats the lock of a dead process as stale at once', async () => {
    const dir = tempDir()
    fs.mkdirSync(path.join(dir, 'ponte.lock'))
    // A pid that cannot be alive: beyond the kernel's pid_max.
    fs.writeFileSync(path.join(dir, 'ponte.pid'), '999999999')
    const release = await lockDataDir(dir)
    expect(fs.readFileSync(path.join(dir, 'ponte.pid'), 'utf8')).toBe(String(process.pid))
    await release()
  })
})
