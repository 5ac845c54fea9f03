/**
 * Table tests of roadmap generation (issue 5 "Acceptance"): gaps and default targets at band
 * edges, never suggesting what is in place, prerequisites ordering, the three guards, custom
 * targets / importance / feasibility, PSO as well as SME, determinism, input errors.
 */
import { describe, expect, it } from 'vitest'
import { type DmaDimensionId, type DmaInstrumentId } from '../../assessments/assessments.contract'
import { DmaValidationError, getDmaInstrument } from '../../assessments/assessments.reference'
import { ACTION_CATALOGUE_2026_R1 } from './catalogue-2026-r1'
import { draftRoadmap, RoadmapInputError } from './roadmap.engine'
import type { RoadmapDraft, RoadmapDraftInput } from './roadmap.types'

type Answers = Record<string, unknown>

/** Every item in place: all options (but exclusive ones), both dual boxes, all rows 5 / "yes". */
function full(instrumentId: DmaInstrumentId): Answers {
  const answers: Answers = {}
  for (const q of getDmaInstrument(instrumentId).questions) {
    const numbers = q.options.map((_, i) => i + 1)
    if (q.type === 'checkbox') answers[q.id] = numbers.filter((n) => !q.exclusiveOptions?.includes(n))
    if (q.type === 'dual') answers[q.id] = { plan: numbers, already: numbers }
    if (q.type === 'scale05') answers[q.id] = numbers.map(() => 5)
    if (q.type === 'tristate') answers[q.id] = numbers.map(() => 'yes')
  }
  return answers
}

/** `answers` with the listed options of checkbox questions removed. */
function without(answers: Answers, removed: Record<string, number[]>): Answers {
  const copy = structuredClone(answers)
  for (const [q, options] of Object.entries(removed)) copy[q] = (copy[q] as number[]).filter((o) => !options.includes(o))
  return copy
}

const sme = (answers: Answers, extra: Partial<RoadmapDraftInput> = {}) => draftRoadmap({ instrument: 'eu-dma-sme', answers, ...extra })
const ids = (draft: RoadmapDraft) => draft.items.map((i) => i.actionId)
const item = (draft: RoadmapDraft, id: string) => {
  const found = draft.items.find((i) => i.actionId === id)
  if (!found) throw new Error(`${id} is not in the roadmap: ${ids(draft).join(', ')}`)
  return found
}
const position = (draft: RoadmapDraft, id: string) => item(draft, id).order
const dimension = (draft: RoadmapDraft, d: DmaDimensionId) => draft.dimensions.find((s) => s.dimension === d)

/** Invariants every draft must satisfy, whatever the input. */
function expectWellFormed(draft: RoadmapDraft, answers: Answers): void {
  const instrument = getDmaInstrument(draft.instrument)
  const at = new Map(draft.items.map((i) => [i.actionId, i.order]))
  expect(draft.items.map((i) => i.order)).toEqual(draft.items.map((_, i) => i + 1))
  expect(new Set(at.keys()).size).toBe(draft.items.length)
  for (const i of draft.items) {
    const action = ACTION_CATALOGUE_2026_R1.actions.find((a) => a.id === i.actionId)
    expect(action, i.actionId).toBeDefined()
    // Prerequisites present in the roadmap and every "after" come earlier.
    for (const before of i.after) expect(at.get(before), `${before} before ${i.actionId}`).toBeLessThan(i.order)
    for (const p of action?.prerequisites ?? []) if (at.has(p)) expect(i.after).toContain(p)
    // Something to move, nothing already in place.
    expect(i.moves.length, i.actionId).toBeGreaterThan(0)
    for (const m of i.moves) {
      const q = instrument.questions.find((x) => x.id === m.question)
      expect(q?.dimension).toBe(m.dimension)
      const answer = answers[m.question]
      for (const n of m.items) {
        if (q?.type === 'checkbox') expect((answer as number[] | undefined) ?? [], `${i.actionId} ${m.question}.${n}`).not.toContain(n)
        if (q?.type === 'dual') expect(((answer as Record<string, number[]> | undefined)?.[m.column ?? 'already'] ?? []) as number[]).not.toContain(n)
        if (q?.type === 'scale05') expect(((answer as number[] | undefined) ?? [])[n - 1] ?? 0).toBeLessThan(m.level as number)
        if (q?.type === 'tristate') expect(((answer as string[] | undefined) ?? [])[n - 1] ?? 'no').not.toBe('yes')
      }
    }
    expect(i.reasons.length, i.actionId).toBeGreaterThan(0)
    for (const r of i.reasons) expect(r.text.it.trim() && r.text.en.trim()).toBeTruthy()
    expect(i.priority).toBeCloseTo(i.priorityBreakdown.gapWeight * i.priorityBreakdown.importance * i.priorityBreakdown.feasibility, 3)
  }
  expect(JSON.parse(JSON.stringify(draft))).toEqual(draft)
}

describe('gaps and default targets', () => {
  // SME D5 = Σ Q9 / 25 × 100; D2 = (n(Q3) × 10 + Σ Q4 / 35 × 100) / 2; D6 = 5 × n(Q10) + 10 × Σ Q11.
  it.each([
    { name: 'D5 at 0 (basic)', answers: { Q9: [0, 0, 0, 0, 0] }, d: 'D5', score: 0, band: 'basic', target: 26, gap: 26 },
    { name: 'D2 at 25, top of basic', answers: { Q3: [1, 2, 3, 4, 5] }, d: 'D2', score: 25, band: 'basic', target: 26, gap: 1 },
    { name: 'D2 at 25.71, rounds into average', answers: { Q3: [1, 2, 3, 4], Q4: [4, 0, 0, 0, 0, 0, 0] }, d: 'D2', score: 25 + 5 / 7, band: 'average', target: 51, gap: 51 - 25 - 5 / 7 },
    { name: 'D6 at 50, top of average', answers: { Q10: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] }, d: 'D6', score: 50, band: 'average', target: 51, gap: 1 },
    { name: 'D5 at 72 (moderately advanced)', answers: { Q9: [5, 5, 5, 3, 0] }, d: 'D5', score: 72, band: 'moderately_advanced', target: 76, gap: 4 },
    { name: 'D5 at 76, bottom of advanced', answers: { Q9: [5, 5, 5, 4, 0] }, d: 'D5', score: 76, band: 'advanced', target: null, gap: 0 },
  ])('$name', ({ answers, d, score, band, target, gap }) => {
    const summary = dimension(sme(answers), d as DmaDimensionId)
    expect(summary?.score).toBeCloseTo(score, 9)
    expect(summary?.band).toBe(band)
    expect(summary?.target).toBe(target)
    expect(summary?.targetSource).toBe(target === null ? 'top-band' : 'next-band')
    expect(summary?.gap).toBeCloseTo(gap, 9)
    expect(summary?.gapWeight).toBeCloseTo(gap / 100, 9)
  })

  it.each([
    { name: 'a custom target above the score', target: 40, gap: 15 },
    { name: 'a custom target below the score gives no gap', target: 10, gap: 0 },
  ])('$name', ({ target, gap }) => {
    const summary = dimension(sme({ Q3: [1, 2, 3, 4, 5] }, { targets: { D2: target } }), 'D2')
    expect(summary).toMatchObject({ target, targetSource: 'custom' })
    expect(summary?.gap).toBeCloseTo(gap, 9)
  })

  it('a dimension in the top band produces no actions of its own; a custom target reopens it', () => {
    const answers = without(full('eu-dma-sme'), { Q8: [5] }) // D4 = (10 + 5/6 × 10) / 2 × 10 ≈ 91.7
    expect(sme(answers).items).toEqual([])
    const reopened = sme(answers, { targets: { D4: 100 } })
    expect(ids(reopened)).toEqual(['offsite-backup'])
    expect(item(reopened, 'offsite-backup')).toMatchObject({ origin: 'gap', dimension: 'D4', moves: [{ dimension: 'D4', question: 'Q8', column: null, level: null, items: [5] }] })
    expect(item(reopened, 'offsite-backup').reasons[0]).toMatchObject({ code: 'gap', params: { dimension: 'D4', target: 100, openItems: 1 } })
    expectWellFormed(reopened, answers)
  })
})

describe('never suggesting what is in place', () => {
  it('suggests nothing when every item is in place, whatever the targets', () => {
    const draft = sme(full('eu-dma-sme'), { targets: { D1: 100, D2: 100, D3: 100, D4: 100, D5: 100, D6: 100 } })
    expect(draft.items).toEqual([])
    expect(draft.dimensions.every((d) => d.gap === 0)).toBe(true)
  })

  it('keeps a partly done action with only its missing items', () => {
    // client-data-protection moves Q8.2 and Q1 "already" row 10: Q8.2 is done.
    const draft = sme({ Q8: [2] })
    expect(item(draft, 'client-data-protection').moves).toEqual([{ dimension: 'D1', question: 'Q1', column: 'already', level: null, items: [10] }])
    expect(item(draft, 'offsite-backup').moves).toEqual([{ dimension: 'D4', question: 'Q8', column: null, level: null, items: [5] }])
    expectWellFormed(draft, { Q8: [2] })
  })

  it('does not pull in a done prerequisite or a done guard action', () => {
    const answers = { Q8: [1, 2, 5], Q1: { plan: [], already: [10] }, Q2: [1, 2, 5, 7], Q3: [] }
    const draft = sme(answers)
    for (const done of ['security-policy', 'client-data-protection', 'offsite-backup', 'digital-needs-assessment', 'process-mapping']) expect(ids(draft)).not.toContain(done)
    expect(item(draft, 'crm-adoption').after).not.toContain('security-policy')
    expectWellFormed(draft, answers)
  })

  it('reads the level of a 0-5 row: "prototyping" (2) is enough for the AI discovery action, not for the assistants', () => {
    const answers = { Q9: [2, 2, 2, 0, 0] }
    const draft = sme(answers)
    expect(ids(draft)).not.toContain('ai-use-case-discovery')
    expect(item(draft, 'nlp-assistants').moves).toEqual([{ dimension: 'D5', question: 'Q9', column: null, level: 4, items: [1] }])
    expect(item(draft, 'nlp-assistants').after).not.toContain('ai-use-case-discovery')
    expectWellFormed(draft, answers)
  })

  it('reads "already invested" for dual matrices, not "plan"', () => {
    const planned = sme({ Q1: { plan: [2], already: [] } })
    expect(ids(planned)).toContain('project-management-tool')
    const invested = sme({ Q1: { plan: [], already: [2] } })
    expect(ids(invested)).not.toContain('project-management-tool')
  })
})

describe('prerequisites', () => {
  it('orders whole chains, pulling in open prerequisites before their dependants', () => {
    const draft = sme({})
    const chain = ['digital-needs-assessment', 'process-mapping', 'erp-adoption', 'mes-production-tracking']
    const orders = chain.map((id) => position(draft, id))
    expect([...orders].sort((a, b) => a - b)).toEqual(orders)
    expect(position(draft, 'iot-connectivity')).toBeLessThan(position(draft, 'mes-production-tracking'))
    expect(item(draft, 'mes-production-tracking').after).toEqual(expect.arrayContaining(['erp-adoption', 'iot-connectivity']))
    expect(item(draft, 'erp-adoption').reasons.find((r) => r.code === 'prerequisite')?.params).toEqual({ for: expect.arrayContaining(['mes-production-tracking', 'warehouse-management']) })
    expectWellFormed(draft, {})
  })

  it('pulls a prerequisite from a dimension without gap, with a reason saying so and priority 0', () => {
    // D1 advanced (only Q2.3 missing); D2 basic with Q3.1 (fibre) missing.
    const answers = { Q1: { plan: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], already: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] }, Q2: [1, 2, 4, 5, 6, 7, 8, 9, 10] }
    const draft = sme(answers)
    expect(dimension(draft, 'D1')).toMatchObject({ band: 'advanced', gap: 0 })
    const review = item(draft, 'it-infrastructure-review')
    expect(review).toMatchObject({ origin: 'prerequisite', dimension: 'D1', priority: 0 })
    expect(review.reasons.map((r) => r.code)).toEqual(['prerequisite'])
    expect(review.reasons[0]?.params).toEqual({ for: ['fibre-cloud-connectivity'] })
    expect(review.reasons[0]?.text.it).toBe('Prerequisito di «Connettività in fibra e servizi cloud»: non ancora in atto, va realizzata prima.')
    expect(review.reasons[0]?.text.en).toBe('Prerequisite of «Fibre connectivity and cloud services»: not yet in place, so it comes first.')
    expect(position(draft, 'it-infrastructure-review')).toBeLessThan(position(draft, 'fibre-cloud-connectivity'))
    // Nothing else of D1 is there just for D1.
    expect(draft.items.filter((i) => i.dimension === 'D1').every((i) => i.origin !== 'gap')).toBe(true)
    expectWellFormed(draft, answers)
  })
})

describe('guards', () => {
  it('security before data expansion: open baseline security actions come first, pulled in if needed', () => {
    // D4 target lowered to its score: no D4 action of its own; the CRM (D2, data expansion) needs them.
    const answers = { Q3: [1, 2, 3, 4, 5, 6, 7, 8, 9], Q8: [5] }
    const draft = sme(answers, { targets: { D4: 0, D1: 0, D6: 0, D5: 0, D3: 0 } })
    for (const id of ['security-policy', 'client-data-protection']) {
      expect(item(draft, id).origin).not.toBe('gap')
      expect(position(draft, id)).toBeLessThan(position(draft, 'crm-adoption'))
    }
    expect(ids(draft)).not.toContain('offsite-backup') // in place (Q8.5)
    const before = item(draft, 'security-policy').reasons.find((r) => r.code === 'guardBefore')
    expect(before?.params).toEqual({ guard: 'security-before-data-expansion', for: expect.arrayContaining(['crm-adoption']), pulledIn: true })
    expect(before?.text.it).toMatch(/^Prima la sicurezza, poi più dati: aggiunta prima di .*«Gestione delle relazioni con i clienti \(CRM\)»/)
    const after = item(draft, 'crm-adoption').reasons.find((r) => r.code === 'guardAfter')
    expect(after?.params).toEqual({ guard: 'security-before-data-expansion', after: ['security-policy', 'client-data-protection'] })
    expectWellFormed(draft, answers)
  })

  it('security before data expansion: nothing to add when the baseline is in place', () => {
    const answers = { Q3: [1, 2, 3, 4, 5, 6, 7, 8, 9], Q8: [1, 2, 5], Q1: { plan: [], already: [10] } }
    const draft = sme(answers, { targets: { D4: 0, D1: 0, D6: 0, D5: 0, D3: 0 } })
    expect(ids(draft)).toContain('crm-adoption')
    expect(draft.items.flatMap((i) => i.reasons).filter((r) => r.params && 'guard' in r.params && r.params.guard === 'security-before-data-expansion')).toEqual([])
  })

  it('skills alongside technology: one skills action is pulled in before the first technology item', () => {
    const answers = { Q3: [1, 2, 3, 4, 5, 6, 7, 9, 10], Q7: [1, 3, 4, 5, 6, 7, 8], Q8: [1, 2, 3, 4, 5, 6], Q1: { plan: [], already: [10] } }
    // Only D2 has a target: the collaboration suite (technology, Q3.8) is the one candidate.
    const draft = sme(answers, { targets: { D1: 0, D3: 0, D4: 0, D5: 0, D6: 0 } })
    const skills = draft.items.filter((i) => i.tags.includes('skills'))
    expect(skills.map((i) => i.actionId)).toEqual(['skills-gap-assessment'])
    expect(skills[0]).toMatchObject({ origin: 'guard', dimension: 'D3', priority: 0 })
    expect(skills[0]?.reasons[0]).toMatchObject({ code: 'guardBefore', params: { guard: 'skills-alongside-technology', pulledIn: true } })
    const technology = draft.items.filter((i) => i.tags.includes('technology'))
    expect(technology.length).toBeGreaterThan(0)
    for (const t of technology) expect(t.after).toContain('skills-gap-assessment')
    expectWellFormed(draft, answers)
  })

  it('skills alongside technology: a skills action already in the roadmap is used, none is added', () => {
    const draft = sme({})
    const pulled = draft.items.filter((i) => i.tags.includes('skills') && i.origin === 'guard')
    expect(pulled).toEqual([])
    const companion = draft.items.find((i) => i.reasons.some((r) => r.code === 'guardBefore' && r.params.guard === 'skills-alongside-technology'))
    expect(companion?.tags).toContain('skills')
    for (const t of draft.items.filter((i) => i.tags.includes('technology'))) expect(t.after).toContain(companion?.actionId)
  })

  it('strategy before large investments: needs, budget and management come before the ERP', () => {
    // Only D2 has a target; the ERP (large investment) is a candidate; D1 strategy items are open.
    const answers = { Q3: [1, 2, 3, 4, 5, 6, 7, 8, 9], Q5: [1, 2, 3, 4, 5, 6, 7], Q2: [3, 4, 6, 7, 8, 9, 10] }
    const draft = sme(answers, { targets: { D1: 0, D3: 0, D4: 0, D5: 0, D6: 0 } })
    for (const id of ['digital-needs-assessment', 'digital-budget-plan', 'digital-leadership-programme']) {
      expect(position(draft, id)).toBeLessThan(position(draft, 'erp-adoption'))
      expect(item(draft, id).reasons.some((r) => r.code === 'guardBefore' && r.params.guard === 'strategy-before-large-investment')).toBe(true)
    }
    expect(item(draft, 'digital-budget-plan').origin).toBe('guard')
    expect(item(draft, 'erp-adoption').reasons.find((r) => r.code === 'guardAfter' && r.params.guard === 'strategy-before-large-investment')?.params).toEqual({
      guard: 'strategy-before-large-investment',
      after: ['digital-needs-assessment', 'digital-budget-plan', 'digital-leadership-programme'],
    })
    expectWellFormed(draft, answers)
  })
})

describe('priority = gap weight × importance × feasibility', () => {
  it('is 0.26 × 3 × 3 for an empty SME assessment (every dimension 0, target 26)', () => {
    const draft = sme({})
    expect(item(draft, 'e-government-use').priorityBreakdown).toEqual({ dimension: 'D2', gap: 26, gapWeight: 0.26, importance: 3, feasibility: 3, priority: 2.34 })
  })

  it.each([
    { name: 'importance per dimension', extra: { importance: { D6: 5 } }, d: 'D6', importance: 5, feasibility: 3, priority: 3.9 },
    { name: 'feasibility per dimension', extra: { feasibility: { dimensions: { D6: 1 } } }, d: 'D6', importance: 3, feasibility: 1, priority: 0.78 },
    { name: 'feasibility per action wins over the dimension', extra: { feasibility: { dimensions: { D6: 1 }, actions: { 'green-it-procurement': 4 } } }, d: 'D6', importance: 3, feasibility: 4, priority: 3.12 },
  ])('$name', ({ extra, importance, feasibility, priority }) => {
    const breakdown = item(sme({}, extra), 'green-it-procurement').priorityBreakdown
    expect(breakdown).toMatchObject({ importance, feasibility })
    expect(breakdown.priority).toBeCloseTo(priority, 9)
  })

  it('reorders free actions of the same horizon: higher priority first, then catalogue order', () => {
    // Both quick, no prerequisites, no one waits on them.
    const plain = sme({})
    expect(position(plain, 'e-government-use')).toBeLessThan(position(plain, 'green-it-procurement'))
    const green = sme({}, { importance: { D6: 5 } })
    expect(position(green, 'green-it-procurement')).toBeLessThan(position(green, 'e-government-use'))
    const lowGreen = sme({}, { feasibility: { actions: { 'e-government-use': 1 } } })
    expect(position(lowGreen, 'green-it-procurement')).toBeLessThan(position(lowGreen, 'e-government-use'))
  })

  it('puts quick wins before longer horizons unless a chain says otherwise', () => {
    const draft = sme({})
    const horizons = draft.items.filter((i) => i.after.length === 0).map((i) => i.horizon)
    const rank = { quick: 0, medium: 1, long: 2 }
    expect(horizons.map((h) => rank[h])).toEqual([...horizons.map((h) => rank[h])].sort((a, b) => a - b))
  })
})

describe('PSO', () => {
  it('drafts from the PSO actions only, with PSO questions, and applies the guards', () => {
    const draft = draftRoadmap({ instrument: 'eu-dma-pso', answers: {} })
    expect(draft).toMatchObject({ instrument: 'eu-dma-pso', instrumentVersion: '2024', rulesVersion: '2024-r1', catalogueVersion: '2026-r1' })
    expect(ids(draft)).not.toContain('cad-cam')
    expect(ids(draft)).toEqual(expect.arrayContaining(['api-service-platform', 'once-only', 'digital-public-services', 'offsite-backup']))
    for (const i of draft.items) for (const m of i.moves) expect(m.question).toMatch(/^P\d+$/)
    expect(position(draft, 'security-policy')).toBeLessThan(position(draft, 'once-only'))
    expect(position(draft, 'data-integration')).toBeLessThan(position(draft, 'api-service-platform'))
    expect(item(draft, 'api-service-platform').moves).toEqual([
      { dimension: 'D2', question: 'P4', column: null, level: 4, items: [8] },
      { dimension: 'D5', question: 'P9', column: 'already', level: null, items: [4] },
    ])
    expectWellFormed(draft, {})
  })

  it('treats P9 "implemented" as in place', () => {
    const all = Array.from({ length: 16 }, (_, i) => i + 1)
    const draft = draftRoadmap({ instrument: 'eu-dma-pso', answers: { P9: { plan: [], already: all } } })
    expect(dimension(draft, 'D5')).toMatchObject({ score: 50, band: 'average', target: 51 })
    expect(draft.items.filter((i) => i.moves.some((m) => m.question === 'P9'))).toEqual([])
  })
})

describe('determinism', () => {
  const input: RoadmapDraftInput = {
    instrument: 'eu-dma-sme',
    answers: { Q2: [5, 1, 3], Q3: [10, 2], Q4: [0, 0, 3, 0, 1, 0, 0], Q8: [5, 2], Q11: ['no', 'partially', 'no', 'no', 'yes'] },
    importance: { D4: 5, D1: 2 },
    feasibility: { actions: { 'crm-adoption': 2, 'bi-analytics': 5 }, dimensions: { D6: 4 } },
    targets: { D3: 60 },
  }

  it('gives the same output for the same input, and ignores key and option order', () => {
    const first = draftRoadmap(input)
    expect(draftRoadmap(input)).toEqual(first)
    const shuffled: RoadmapDraftInput = {
      targets: { D3: 60 },
      feasibility: { dimensions: { D6: 4 }, actions: { 'bi-analytics': 5, 'crm-adoption': 2 } },
      importance: { D1: 2, D4: 5 },
      answers: { Q11: ['no', 'partially', 'no', 'no', 'yes'], Q8: [2, 5], Q4: [0, 0, 3, 0, 1, 0, 0], Q3: [2, 10], Q2: [1, 3, 5] },
      instrument: 'eu-dma-sme',
    }
    expect(draftRoadmap(shuffled)).toEqual(first)
    expectWellFormed(first, input.answers as Answers)
  })

  it('does not depend on the catalogue order for anything but ties', () => {
    const reversed = { ...ACTION_CATALOGUE_2026_R1, actions: [...ACTION_CATALOGUE_2026_R1.actions].reverse() }
    const a = draftRoadmap(input)
    const b = draftRoadmap({ ...input, catalogue: reversed })
    expect(new Set(ids(b))).toEqual(new Set(ids(a)))
    expectWellFormed(b, input.answers as Answers)
  })
})

describe('input errors', () => {
  it.each([
    { name: 'an importance outside 1-5', extra: { importance: { D1: 0 } }, issue: { code: 'ratingOutOfRange', field: 'importance.D1', value: '0' } },
    { name: 'a non-integer feasibility', extra: { feasibility: { dimensions: { D2: 2.5 } } }, issue: { code: 'ratingOutOfRange', field: 'feasibility.dimensions.D2', value: '2.5' } },
    { name: 'a target above 100', extra: { targets: { D3: 120 } }, issue: { code: 'targetOutOfRange', field: 'targets.D3', value: '120' } },
    { name: 'feasibility of an unknown action', extra: { feasibility: { actions: { nope: 3 } } }, issue: { code: 'unknownAction', field: 'feasibility.actions.nope', value: 'nope' } },
    { name: 'an unknown rules version', extra: { rulesVersion: '1999-r0' }, issue: { code: 'unknownRulesVersion', field: 'rulesVersion', value: '1999-r0' } },
  ])('rejects $name', ({ extra, issue }) => {
    try {
      sme({}, extra as Partial<RoadmapDraftInput>)
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(RoadmapInputError)
      expect((error as RoadmapInputError).issues).toEqual([issue])
    }
  })

  it('rejects invalid answers with the DMA validation issues, never scoring them as zero', () => {
    expect(() => sme({ Q8: [9] })).toThrow(DmaValidationError)
    expect(() => draftRoadmap({ instrument: 'eu-dma-pso', answers: { Q1: [] } })).toThrow(DmaValidationError)
  })
})
