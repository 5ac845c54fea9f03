/**
 * `ponte backup` + `ponte restore` round-trip the whole database (ADR 0007): every public table,
 * row for row, including the audit log; a restore never overwrites a database with data unless
 * `--force` says so. Runs the real CLI on PGlite and, when TEST_DATABASE_URL is set, on PostgreSQL:
 * the backup as the `ponte` binary, the restores as the same program in this process (`runPonteHere`).
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../../src/server/db/client'
import {
  createTarget,
  DATABASE_KINDS,
  HttpSession,
  killAllPonte,
  makeTempDir,
  runPonte,
  runPonteHere,
  startPonte,
  type Target,
  type UnitView,
} from './ops-support'

type TableDump = Record<string, string[]>

/** Every public table as its rows' JSON, sorted: equal dumps mean equal contents. */
async function dumpTables(target: Target): Promise<TableDump> {
  const database = await openDatabase(target.url ? { url: target.url, poolSize: 1 } : { dataDir: target.dataDir ?? undefined })
  try {
    const sql = database.executor
    const { rows: tables } = await sql.executeSql(`select tablename as name from pg_tables where schemaname = 'public' order by tablename`, [])
    const dump: TableDump = {}
    for (const { name } of tables as { name: string }[]) {
      const { rows } = await sql.executeSql(`select row_to_json(t)::text as j from "${name}" t`, [])
      dump[name] = (rows as { j: string }[]).map((r) => r.j).sort()
    }
    return dump
  } finally {
    await database.close()
  }
}

describe.each(DATABASE_KINDS)('backup and restore on %s', (kind) => {
  const targets: Target[] = []
  let workDir: string
  let backupFile: string
  let source: Target
  let copy: Target
  let sourceDump: TableDump

  beforeAll(async () => {
    workDir = makeTempDir('backup')
    backupFile = path.join(workDir, 'ponte.backup')
    source = await createTarget(kind, 'backup-source')
    copy = await createTarget(kind, 'backup-copy')
    targets.push(source, copy)

    // A seeded network with a few changes on top: units, an invitation (and its mail), sign-ins.
    const server = await startPonte(source)
    const admin = new HttpSession(server.url)
    await admin.signIn('admin@ponte.demo')
    const { body } = await admin.get<{ items: UnitView[] }>('/api/units')
    const hub = body.items.find((u) => u.parentId === null)
    const bergamo = body.items.find((u) => u.code === 'ANT-BG')
    if (!hub || !bergamo) throw new Error('the demo network is missing its hub or Antenna Bergamo')
    for (const code of ['BK-1', 'BK-2', 'BK-3']) {
      const res = await admin.post('/api/units', { parentId: hub.id, type: 'antenna', name: `Antenna di prova ${code}`, code })
      if (res.status !== 201) throw new Error(`unit ${code}: ${res.status} ${JSON.stringify(res.body)}`)
    }
    const invited = await admin.post('/api/invitations', { email: 'nuovo.collega@ponte.test', unitId: bergamo.id, role: 'unit_staff' })
    if (invited.status !== 201) throw new Error(`invitation: ${invited.status} ${JSON.stringify(invited.body)}`)
    await new HttpSession(server.url).signIn('bg.manager@ponte.demo')
    await server.stop()

    sourceDump = await dumpTables(source)
  }, 180_000)

  afterAll(async () => {
    await killAllPonte()
    for (const target of targets) await target.dispose()
    if (workDir) fs.rmSync(workDir, { recursive: true, force: true })
  })

  it('writes a backup of the whole database', async () => {
    const result = await runPonte(source, ['backup', backupFile])

    expect(result).toMatchObject({ code: 0, stdout: expect.stringContaining('Backup written') })
    expect(fs.statSync(backupFile).size).toBeGreaterThan(0)
  }, 120_000)

  it('restores into an empty database with identical tables and audit log', async () => {
    if (copy.dataDir) fs.mkdirSync(copy.dataDir, { recursive: true }) // an empty data directory

    const result = await runPonteHere(copy, ['restore', backupFile])
    const copyDump = await dumpTables(copy)

    expect(result, result.stderr).toMatchObject({ code: 0, stdout: expect.stringContaining('Restored') })
    expect(sourceDump.audit_log?.length).toBeGreaterThan(3)
    expect(copyDump.audit_log).toEqual(sourceDump.audit_log)
    expect(copyDump).toEqual(sourceDump)
  }, 120_000)

  it('refuses to restore into a database that has data, and changes nothing', async () => {
    const extra = await runPonteHere(copy, ['user', 'create', '--email', 'dopo.il.ripristino@ponte.test', '--name', 'Dopo Ripristino', '--password', 'una-password-lunga'])
    expect(extra.code).toBe(0)
    const before = await dumpTables(copy)

    const result = await runPonteHere(copy, ['restore', backupFile])

    expect(result.code).not.toBe(0)
    expect(result.stderr).toContain('not empty')
    expect(await dumpTables(copy)).toEqual(before)
  }, 120_000)

  it('replaces the contents of a database with data when forced', async () => {
    const result = await runPonteHere(copy, ['restore', backupFile, '--force'])

    expect(result.code).toBe(0)
    expect(await dumpTables(copy)).toEqual(sourceDump)
  }, 120_000)
})
