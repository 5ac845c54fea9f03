import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildCompany } from '../../../../tests/factories/companies.factory'
import { buildRootUnit, buildUnit, buildUser } from '../../../../tests/factories/identity.factory'
import { createTestApp, signedInClient, type ApiClient, type TestApp } from '../../../../tests/support/test-app'
import type { Assessment } from '../../assessments/assessments.contract'
import type { Roadmap } from '../../roadmaps/roadmaps.contract'
import type { ExpertMatchList, Project } from '../projects.contract'
import { focusGaps } from './projects-matching.service'

// An early-stage company: every dimension below the next band.
const ANSWERS = {
  Q1: { plan: [3, 6], already: [8] }, Q2: [1], Q3: [1], Q4: [1, 0, 0, 0, 0, 0, 0], Q5: [1], Q6: [1], Q7: [1], Q8: [1],
  Q9: [0, 0, 0, 0, 0], Q10: [1], Q11: ['no', 'no', 'no', 'no', 'partially'],
}

let t: TestApp
let staff: ApiClient
let companyId: string
let otherCompanyId: string
let roadmap: Roadmap
let otherRoadmap: Roadmap

async function roadmapOf(company: string): Promise<Roadmap> {
  const a = (await staff.post<Assessment>('/api/assessments', { companyId: company, stage: 'T0', mode: 'assisted' })).body
  await staff.patch(`/api/assessments/${a.id}`, { answers: ANSWERS })
  await staff.post(`/api/assessments/${a.id}/submit`)
  await staff.post(`/api/assessments/${a.id}/validate`)
  const res = await staff.post<Roadmap>('/api/roadmaps', { assessmentId: a.id })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return res.body
}

beforeAll(async () => {
  t = await createTestApp()
  const db = t.deps.database.db
  const root = await buildRootUnit(db)
  const bg = await buildUnit(db, { parent: root, name: 'Antenna Bergamo' })
  staff = await signedInClient(t, (await buildUser(db, { grants: [{ unit: bg, role: 'unit_staff' }] })).email)
  companyId = (await buildCompany(db, { unit: bg, name: 'Officine Rota S.r.l.' })).id
  otherCompanyId = (await buildCompany(db, { unit: bg, name: 'Tessitura Vicina S.r.l.' })).id
  roadmap = await roadmapOf(companyId)
  otherRoadmap = await roadmapOf(otherCompanyId)
}, 180_000)
afterAll(async () => {
  await t.close()
})

describe('projects started from roadmap items', () => {
  it('keeps the item as the company’s roadmap has it, and matching reads that roadmap’s gaps on the item’s dimension', async () => {
    const item = roadmap.items[0]
    if (!item) throw new Error('expected items')
    const res = await staff.post<Project>('/api/projects', {
      companyId, title: 'Primo intervento', budgetDays: 10,
      // A title sent by the browser is replaced by the roadmap's own.
      roadmapItems: [{ roadmapId: roadmap.id, itemId: item.id, actionId: 'inventato', title: 'Titolo falsato' }],
    })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    expect(res.body.roadmapItems).toEqual([{ roadmapId: roadmap.id, itemId: item.id, actionId: item.actionId, title: item.title.it }])

    const matches = await staff.get<ExpertMatchList>(`/api/projects/${res.body.id}/expert-matches`)
    expect(matches.status).toBe(200)
    expect(matches.body.roadmapId).toBe(roadmap.id)
    expect(matches.body.assessmentId).toBeNull()
    const itemGap = roadmap.gaps.find((g) => g.dimension === item.dimension)?.gap ?? 0
    expect(matches.body.gaps).toEqual(itemGap > 0 ? { [item.dimension]: itemGap } : Object.fromEntries(roadmap.gaps.map((g) => [g.dimension, g.gap])))
  })

  it('refuses an item of another company’s roadmap or one the roadmap does not hold, naming the row', async () => {
    const foreign = otherRoadmap.items[0]
    if (!foreign) throw new Error('expected items')
    for (const ref of [
      { roadmapId: otherRoadmap.id, itemId: foreign.id, actionId: null, title: 'Altrui' },
      { roadmapId: roadmap.id, itemId: randomUUID(), actionId: null, title: 'Inesistente' },
    ]) {
      const res = await staff.post<{ error: { fields: { path: string; message: string }[] } }>('/api/projects', { companyId, title: 'X', budgetDays: 5, roadmapItems: [ref] })
      expect(res.status).toBe(400)
      expect(res.body.error.fields).toEqual([{ path: 'roadmapItems.0', message: "Questo intervento non è nelle roadmap dell'azienda: sceglilo di nuovo dall'elenco." }])
    }
  })
})

describe('focusGaps', () => {
  it('keeps the project’s dimensions, or the whole roadmap when none of them has a gap left', () => {
    expect(focusGaps({ D1: 5, D2: 0, D4: 7 }, new Set(['D4'] as const))).toEqual({ D4: 7 })
    expect(focusGaps({ D1: 5, D2: 0 }, new Set(['D2'] as const))).toEqual({ D1: 5, D2: 0 })
    expect(focusGaps({ D1: 5 }, new Set())).toEqual({ D1: 5 })
  })
})
