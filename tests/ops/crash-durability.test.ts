/**
 * An acknowledged write survives a crash: the server answers 201 only after the unit and its audit
 * entry are committed together (audit.service: "the trail and the change commit together or not at
 * all"), so after SIGKILL mid-load and a plain restart every acknowledged unit and its audit entry
 * must be there. Runs on PGlite and, when TEST_DATABASE_URL is set, on PostgreSQL.
 */
import { randomBytes } from 'node:crypto'
import { afterAll, describe, expect, it } from 'vitest'
import {
  createTarget,
  DATABASE_KINDS,
  HttpSession,
  killAllPonte,
  readAllAudit,
  sleep,
  startPonte,
  type Target,
  type UnitView,
} from './ops-support'

const WRITERS = 8
const LOAD_MS = 3_000
/** Hard bounds so the loops stop by themselves even if the kill never lands. */
const MAX_WRITES_PER_WRITER = 2_000
const LOOP_DEADLINE_MS = 30_000

interface Acknowledged {
  id: string
  code: string
}

/** Creates units as fast as it can until a request fails (the server is gone) or a bound is hit. */
async function writeUntilFailure(session: HttpSession, hubId: string, writer: number, runTag: string, acknowledged: Acknowledged[]) {
  const deadline = Date.now() + LOOP_DEADLINE_MS
  for (let i = 0; i < MAX_WRITES_PER_WRITER && Date.now() < deadline; i += 1) {
    const code = `CR-${runTag}-${writer}-${i}`
    let res: { status: number; body: UnitView }
    try {
      res = await session.post<UnitView>('/api/units', { parentId: hubId, type: 'antenna', name: `Crash test ${code}`, code })
    } catch {
      return // connection refused or reset: the server was killed
    }
    if (res.status !== 201) throw new Error(`POST /api/units answered ${res.status}: ${JSON.stringify(res.body)}`)
    acknowledged.push({ id: res.body.id, code })
  }
}

describe.each(DATABASE_KINDS)('crash durability on %s', (kind) => {
  const targets: Target[] = []

  afterAll(async () => {
    await killAllPonte()
    for (const target of targets) await target.dispose()
  })

  it('keeps every acknowledged unit and its audit entry after SIGKILL mid-write and a plain restart', async () => {
    const target = await createTarget(kind, 'crash')
    targets.push(target)
    const server = await startPonte(target)
    const admin = new HttpSession(server.url)
    await admin.signIn('admin@ponte.demo')
    const { body: before } = await admin.get<{ items: UnitView[] }>('/api/units')
    const hub = before.items.find((u) => u.parentId === null)
    if (!hub) throw new Error('the demo network has no root unit')

    const runTag = randomBytes(3).toString('hex').toUpperCase()
    const acknowledged: Acknowledged[] = []
    const writers = Array.from({ length: WRITERS }, (_, w) => writeUntilFailure(admin, hub.id, w, runTag, acknowledged))
    await sleep(LOAD_MS)
    const acknowledgedBeforeKill = acknowledged.length
    await server.killHard()
    await Promise.all(writers)

    const restarted = await startPonte(target)
    const again = new HttpSession(restarted.url)
    await again.signIn('admin@ponte.demo')
    const { body: after } = await again.get<{ items: UnitView[] }>('/api/units')
    const audit = await readAllAudit(again, 'unit')
    await restarted.stop()

    // The load was real: writes were acknowledged before the kill.
    expect(acknowledgedBeforeKill).toBeGreaterThan(20)
    const codesAfter = new Set(after.items.map((u) => u.code))
    expect(acknowledged.filter((a) => !codesAfter.has(a.code)).map((a) => a.code)).toEqual([])
    const auditedCreates = new Set(audit.filter((e) => e.action === 'create').map((e) => e.entityId))
    expect(acknowledged.filter((a) => !auditedCreates.has(a.id)).map((a) => a.code)).toEqual([])
  }, 180_000)
})
