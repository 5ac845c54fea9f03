import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { buildRootUnit, buildUnit, buildUser } from '../../../../tests/factories/identity.factory'
import { buildCompany } from '../../../../tests/factories/companies.factory'
import { createTestApp, signedInClient, type ApiClient, type TestApp } from '../../../../tests/support/test-app'
import { systemContext } from '../../../server/http/context'
import { runDmaRescore } from '../../../server/cli/dma-command'
import { CliExit } from '../../../server/cli/cli-io'
import { auditLog } from '../../audit/server/audit.table'
import type { Assessment } from '../assessments.contract'
import type { RescoreReport } from './assessments.rescore'
import { assessments } from './assessments.table'

const ANSWERS = { Q2: [1, 3, 5], Q5: [3], Q11: ['no', 'partially', 'no', 'no', 'yes'] }

let t: TestApp
let staff: ApiClient

beforeAll(async () => {
  t = await createTestApp()
  const db = t.deps.database.db
  const unit = await buildUnit(db, { parent: await buildRootUnit(db) })
  staff = await signedInClient(t, (await buildUser(db, { grants: [{ unit, role: 'unit_staff' }] })).email)
  const company = await buildCompany(db, { unit })
  const draft = (await staff.post<Assessment>('/api/assessments', { companyId: company.id, stage: 'T0', mode: 'assisted' })).body
  await staff.patch(`/api/assessments/${draft.id}`, { answers: ANSWERS })
  await staff.post(`/api/assessments/${draft.id}/submit`)
  await staff.post(`/api/assessments/${draft.id}/validate`)
}, 120_000)
afterAll(async () => {
  await t.close()
})

const rescore = (options: { rules: string; dryRun?: boolean; json?: boolean }) => runDmaRescore(systemContext(t.deps), options)

describe('ponte dma rescore', () => {
  it('recomputes stored scores of assessments with answers under a rules version; a dry run writes nothing', async () => {
    const db = t.deps.database.db
    const [stored] = await db.select().from(assessments)
    if (!stored?.overall) throw new Error('no scored assessment')
    const right = stored.overall
    // As if scored by an older rules version that got one block wrong.
    await db.update(assessments).set({ rulesVersion: '2023-old', overall: 80, band: 'advanced' }).where(eq(assessments.id, stored.id))
    // Imported assessments carry scores from elsewhere: never rescored.
    const [imported] = await db
      .insert(assessments)
      .values({ ...stored, id: undefined, seriesId: stored.seriesId, version: 9, mode: 'imported', status: 'superseded', isLatest: false, rulesVersion: '2023-old', overall: 55 })
      .returning()

    const dry = JSON.parse(await rescore({ rules: '2024-r1', dryRun: true, json: true })) as RescoreReport
    expect(dry).toMatchObject({ rulesVersion: '2024-r1', dryRun: true, examined: 1, skipped: [], importedSkipped: 1 })
    expect(dry.changed).toEqual([{ id: stored.id, status: 'validated', fromRules: '2023-old', old: { overall: 80, band: 'advanced' }, new: { overall: right, band: 'basic' } }])
    expect((await db.select().from(assessments).where(eq(assessments.id, stored.id)))[0]).toMatchObject({ rulesVersion: '2023-old', overall: 80 })

    const text = await rescore({ rules: '2024-r1' })
    expect(text).toContain('1 of 1 assessments changed under rules 2024-r1')
    expect(text).toContain('1 imported assessments skipped: they hold scores from elsewhere and no answers to rescore.')
    expect(text).toContain(`${stored.id}  validated  2023-old 80.0 advanced → 2024-r1 ${right.toFixed(1)} basic`)
    expect((await db.select().from(assessments).where(eq(assessments.id, stored.id)))[0]).toMatchObject({ rulesVersion: '2024-r1', overall: right, band: 'basic', answers: ANSWERS })
    expect((await db.select().from(assessments).where(eq(assessments.id, imported?.id ?? '')))[0]).toMatchObject({ rulesVersion: '2023-old', overall: 55 })
    const trail = await db.select().from(auditLog).where(eq(auditLog.entityId, stored.id))
    expect(trail.at(-1)?.after).toMatchObject({ rulesVersion: '2024-r1', overall: right })

    const again = JSON.parse(await rescore({ rules: '2024-r1', json: true })) as RescoreReport
    expect(again.changed).toEqual([])
  })

  it('refuses an unknown rules version', async () => {
    await expect(rescore({ rules: '1999-x' })).rejects.toThrow(CliExit)
    await expect(rescore({ rules: '1999-x' })).rejects.toThrow(/known versions are 2024-r1/)
  })
})
