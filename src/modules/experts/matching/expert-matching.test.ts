/**
 * Table tests of the expert matching score: each factor on its own, the weights, ordering and
 * ties, each conflict kind, unknown data and determinism. Each factor is isolated by giving it
 * all the weight (the others 0), so the score is 100 × that factor's value.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  DEFAULT_MATCH_WEIGHTS,
  FAR_KM,
  haversineKm,
  MATCH_FACTOR_KEYS,
  NEAR_KM,
  normalizeOrganisationName,
  normalizeTaxIdentifier,
  rankExperts,
  rankTopExperts,
  scoreExpert,
  type MatchCompanyInput,
  type MatchExpertInput,
  type MatchFactorKey,
} from '../experts.reference'
import { EXPERT_COMPETENCES } from '../experts.competences'

const BERGAMO = { lat: 45.6983, lon: 9.6773 }
const MILANO = { lat: 45.4642, lon: 9.19 } // ≈ 45 km from Bergamo
const BRESCIA = { lat: 45.5416, lon: 10.2118 } // ≈ 45 km from Bergamo
const ROMA = { lat: 41.9028, lon: 12.4964 } // ≈ 480 km

function company(over: Partial<MatchCompanyInput> = {}): MatchCompanyInput {
  return {
    companyId: 'c1',
    name: 'Meccanica Bergamasca S.r.l.',
    vatNumber: '01234567890',
    taxCode: '01234567890',
    atecoSection: 'C',
    provinceCode: 'BG',
    location: BERGAMO,
    gaps: { D2: 30, D4: 10 },
    memberUserIds: [],
    ...over,
  }
}

function expert(over: Partial<MatchExpertInput> = {}): MatchExpertInput {
  return {
    userId: 'u1',
    name: 'Anna Rossi',
    competences: ['erp-systems', 'cybersecurity'],
    sectors: ['C'],
    provinces: ['BG'],
    location: BERGAMO,
    availabilityDaysPerMonth: 8,
    committedDaysPerMonth: 0,
    ratings: [],
    ties: [],
    ...over,
  }
}

function rank1(...args: Parameters<typeof rankExperts>) {
  const m = rankExperts(...args)[0]
  if (!m) throw new Error('no match')
  return m
}

/** Weights that give one factor everything. */
function only(key: MatchFactorKey): Record<MatchFactorKey, number> {
  return Object.fromEntries(MATCH_FACTOR_KEYS.map((k) => [k, k === key ? 1 : 0])) as Record<MatchFactorKey, number>
}

function factor(c: MatchCompanyInput, e: MatchExpertInput, key: MatchFactorKey) {
  const { score, factors } = scoreExpert(c, e, { weights: only(key) })
  const f = factors.find((x) => x.key === key)
  if (!f) throw new Error(`no factor ${key}`)
  return { score, ...f }
}

describe('competence factor: coverage of the gaps weighted by gap size', () => {
  it.each([
    { case: 'covers every gap', gaps: { D2: 30, D4: 10 }, competences: ['erp-systems', 'cybersecurity'], value: 1, code: 'competence.all' },
    { case: 'covers the big gap only', gaps: { D2: 30, D4: 10 }, competences: ['erp-systems'], value: 0.75, code: 'competence.partial' },
    { case: 'covers the small gap only', gaps: { D2: 30, D4: 10 }, competences: ['cybersecurity'], value: 0.25, code: 'competence.partial' },
    { case: 'one competence serving two dimensions', gaps: { D2: 30, D4: 10 }, competences: ['cloud-infrastructure'], value: 1, code: 'competence.all' },
    { case: 'covers nothing', gaps: { D2: 30, D4: 10 }, competences: ['energy-efficiency'], value: 0, code: 'competence.none' },
    { case: 'no competences', gaps: { D2: 30 }, competences: [], value: 0, code: 'competence.none' },
    { case: 'unknown competence keys are ignored', gaps: { D2: 30 }, competences: ['astrology'], value: 0, code: 'competence.none' },
    { case: 'zero and negative gaps do not count', gaps: { D1: 0, D3: -5, D6: 20 }, competences: ['energy-efficiency'], value: 1, code: 'competence.all' },
    { case: 'no gaps known → neutral', gaps: {}, competences: ['erp-systems'], value: 0.5, code: 'competence.noGaps' },
  ])('$case', ({ gaps, competences, value, code }) => {
    const f = factor(company({ gaps }), expert({ competences }), 'competence')
    expect(f.value).toBeCloseTo(value, 3)
    expect(f.score).toBeCloseTo(100 * value, 1)
    expect(f.detail.code).toBe(code)
  })

  it('names the covered and missing dimensions', () => {
    const f = factor(company({ gaps: { D4: 10, D2: 30 } }), expert({ competences: ['erp-systems'] }), 'competence')
    expect(f.detail.params).toEqual({ covered: 'D2', missing: 'D4', percent: 75 })
  })
})

describe('sector factor', () => {
  it.each([
    { case: 'expert knows the sector', section: 'C', sectors: ['C', 'G'], value: 1, code: 'sector.match' },
    { case: 'expert does not', section: 'C', sectors: ['G'], value: 0, code: 'sector.noMatch' },
    { case: 'company section unknown → neutral', section: null, sectors: ['G'], value: 0.5, code: 'sector.companyUnknown' },
    { case: 'expert declared no sector → neutral', section: 'C', sectors: [], value: 0.5, code: 'sector.expertUnknown' },
  ])('$case', ({ section, sectors, value, code }) => {
    const f = factor(company({ atecoSection: section }), expert({ sectors }), 'sector')
    expect(f.value).toBe(value)
    expect(f.detail.code).toBe(code)
  })
})

describe('distance factor', () => {
  it('haversine gives the known distances', () => {
    expect(haversineKm(BERGAMO, BERGAMO)).toBe(0)
    expect(haversineKm(BERGAMO, MILANO)).toBeGreaterThan(40)
    expect(haversineKm(BERGAMO, MILANO)).toBeLessThan(50)
    expect(haversineKm(BERGAMO, ROMA)).toBeGreaterThan(450)
    expect(haversineKm(BERGAMO, ROMA)).toBeCloseTo(haversineKm(ROMA, BERGAMO), 9)
  })

  const km = (to: { lat: number; lon: number }) => haversineKm(BERGAMO, to)
  it.each([
    { case: 'same place', where: BERGAMO, provinces: [], value: 1, code: 'distance.km' },
    { case: 'Milano, linear between near and far', where: MILANO, provinces: [], value: 1 - (km(MILANO) - NEAR_KM) / (FAR_KM - NEAR_KM), code: 'distance.km' },
    { case: 'Roma, beyond far', where: ROMA, provinces: [], value: 0, code: 'distance.km' },
    { case: 'Roma but covers the province: bonus', where: ROMA, provinces: ['BG'], value: 0.25, code: 'distance.kmProvinceCovered' },
    { case: 'near and covers: capped at 1', where: BERGAMO, provinces: ['BG'], value: 1, code: 'distance.kmProvinceCovered' },
    { case: 'Brescia covering BG', where: BRESCIA, provinces: ['BG', 'BS'], value: Math.min(1, 1 - (km(BRESCIA) - NEAR_KM) / (FAR_KM - NEAR_KM) + 0.25), code: 'distance.kmProvinceCovered' },
    { case: 'expert location unknown → neutral', where: null, provinces: [], value: 0.5, code: 'distance.unknown' },
    { case: 'expert location unknown, covers province', where: null, provinces: ['BG'], value: 0.75, code: 'distance.unknownProvinceCovered' },
  ])('$case', ({ where, provinces, value, code }) => {
    const f = factor(company(), expert({ location: where, provinces }), 'distance')
    expect(f.value).toBeCloseTo(value, 3)
    expect(f.detail.code).toBe(code)
  })

  it('company location unknown → neutral; unknown province gives no bonus', () => {
    expect(factor(company({ location: null }), expert(), 'distance')).toMatchObject({ value: 0.75, detail: { code: 'distance.unknownProvinceCovered' } })
    expect(factor(company({ location: null, provinceCode: null }), expert(), 'distance')).toMatchObject({ value: 0.5, detail: { code: 'distance.unknown' } })
  })

  it('reports the rounded km', () => {
    expect(factor(company(), expert({ location: ROMA, provinces: [] }), 'distance').detail.params.km).toBe(Math.round(km(ROMA)))
  })
})

describe('availability factor', () => {
  it.each([
    { days: 0, value: 0 },
    { days: 2, value: 0.25 },
    { days: 4, value: 0.5 },
    { days: 8, value: 1 },
    { days: 20, value: 1 },
    { days: -3, value: 0 },
    { days: Number.NaN, value: 0 },
  ])('$days days per month → $value', ({ days, value }) => {
    expect(factor(company(), expert({ availabilityDaysPerMonth: days }), 'availability').value).toBe(value)
  })
})

describe('workload factor', () => {
  it.each([
    { available: 8, committed: 0, value: 1, code: 'workload.load' },
    { available: 8, committed: 2, value: 0.75, code: 'workload.load' },
    { available: 8, committed: 8, value: 0, code: 'workload.load' },
    { available: 8, committed: 12, value: 0, code: 'workload.load' },
    { available: 0, committed: 0, value: 0, code: 'workload.noAvailability' },
  ])('$committed of $available days committed → $value', ({ available, committed, value, code }) => {
    const f = factor(company(), expert({ availabilityDaysPerMonth: available, committedDaysPerMonth: committed }), 'workload')
    expect(f.value).toBe(value)
    expect(f.detail.code).toBe(code)
  })
})

describe('rating factor: Bayesian mean towards 3', () => {
  it.each([
    { case: 'no ratings → neutral', ratings: [], value: 0.5, code: 'rating.none' },
    { case: 'one 5 is pulled towards 3', ratings: [5], value: ((3 * 3 + 5) / 4 - 1) / 4, code: 'rating.mean' },
    { case: 'many 5s approach 1', ratings: Array(30).fill(5), value: ((9 + 150) / 33 - 1) / 4, code: 'rating.mean' },
    { case: 'one 1 is pulled towards 3', ratings: [1], value: ((9 + 1) / 4 - 1) / 4, code: 'rating.mean' },
    { case: 'all 3s stay neutral', ratings: [3, 3, 3], value: 0.5, code: 'rating.mean' },
    { case: 'out-of-range values are ignored', ratings: [0, 7, Number.NaN], value: 0.5, code: 'rating.none' },
  ])('$case', ({ ratings, value, code }) => {
    const f = factor(company(), expert({ ratings }), 'rating')
    expect(f.value).toBeCloseTo(value, 3)
    expect(f.detail.code).toBe(code)
  })

  it('more good ratings beat one perfect rating', () => {
    const one = factor(company(), expert({ ratings: [5] }), 'rating').value
    const many = factor(company(), expert({ ratings: [5, 5, 5, 4, 5] }), 'rating').value
    expect(many).toBeGreaterThan(one)
  })

  it('reports raw mean, count and adjusted mean', () => {
    expect(factor(company(), expert({ ratings: [4, 5] }), 'rating').detail.params).toEqual({ mean: 4.5, count: 2, adjusted: 3.6 })
  })
})

describe('weights and the score', () => {
  it('default weights sum to 100 and the perfect expert scores 100', () => {
    expect(Object.values(DEFAULT_MATCH_WEIGHTS).reduce((a, b) => a + b, 0)).toBe(100)
    const m = rank1(company(), [expert({ ratings: Array(1000).fill(5) })])
    expect(m.score).toBeCloseTo(100, 0)
  })

  it('the points of the factors add up to the score and each is weight × value', () => {
    const m = rank1(company(), [expert({ competences: ['erp-systems'], location: MILANO, availabilityDaysPerMonth: 4, committedDaysPerMonth: 1, ratings: [4] })])
    expect(m.factors.map((f) => f.key)).toEqual([...MATCH_FACTOR_KEYS])
    for (const f of m.factors) expect(Math.abs(f.points - f.weight * f.value)).toBeLessThanOrEqual(0.1)
    expect(m.factors.reduce((s, f) => s + f.points, 0)).toBeCloseTo(m.score, 0)
  })

  it('a weight change changes the ranking', () => {
    const near = expert({ userId: 'near', name: 'Near', competences: [], location: BERGAMO })
    const skilled = expert({ userId: 'skilled', name: 'Skilled', competences: ['erp-systems', 'cybersecurity'], location: ROMA, provinces: [] })
    expect(rankExperts(company(), [near, skilled]).map((m) => m.userId)).toEqual(['skilled', 'near'])
    expect(rankExperts(company(), [near, skilled], { weights: { distance: 100 } }).map((m) => m.userId)).toEqual(['near', 'skilled'])
  })

  it('weights are relative: doubling all of them changes nothing', () => {
    const e = expert({ location: MILANO, ratings: [4, 2] })
    const doubled = Object.fromEntries(MATCH_FACTOR_KEYS.map((k) => [k, DEFAULT_MATCH_WEIGHTS[k] * 2]))
    expect(rank1(company(), [e], { weights: doubled }).score).toBe(rank1(company(), [e]).score)
  })

  it.each([{ weights: { rating: -1 } }, { weights: { rating: Number.NaN } }, { weights: only('rating') && Object.fromEntries(MATCH_FACTOR_KEYS.map((k) => [k, 0])) }])(
    'rejects invalid weights %j',
    ({ weights }) => {
      expect(() => rankExperts(company(), [expert()], { weights })).toThrow(RangeError)
    },
  )
})

describe('ordering and ties', () => {
  it('sorts by score desc, then name, then userId; excluded last', () => {
    const experts = [
      expert({ userId: 'z', name: 'Zeno Bianchi' }),
      expert({ userId: 'b', name: 'Ábele Neri' }), // same score, the accent does not change the order
      expert({ userId: 'a', name: 'abele neri' }),
      expert({ userId: 'low', name: 'Aaron Low', competences: [] }),
      expert({ userId: 'conf', name: 'Aaa Conflicted', ties: [{ name: 'Meccanica Bergamasca srl', vatNumber: null, kind: 'client' }] }),
    ]
    const ranked = rankExperts(company(), experts)
    expect(ranked.map((m) => m.userId)).toEqual(['a', 'b', 'z', 'low', 'conf'])
    expect(ranked[4]).toMatchObject({ score: 0, factors: [], excluded: { reason: 'conflict-of-interest' } })
  })

  it('returns an empty list for no experts', () => {
    expect(rankExperts(company(), [])).toEqual([])
  })

  it('is deterministic: input order and repeated calls give the same result', () => {
    const experts = Array.from({ length: 40 }, (_, i) =>
      expert({
        userId: `u${String(i).padStart(2, '0')}`,
        name: `Esperto ${i % 7}`,
        competences: EXPERT_COMPETENCES.filter((_, j) => (i + j) % 5 === 0).map((c) => c.key),
        sectors: i % 2 ? ['C'] : ['G'],
        location: i % 3 ? { lat: 45 + i / 20, lon: 9 + i / 30 } : null,
        availabilityDaysPerMonth: i % 10,
        committedDaysPerMonth: i % 4,
        ratings: i % 4 ? [((i % 5) + 1) as number] : [],
      }),
    )
    const first = rankExperts(company(), experts)
    expect(rankExperts(company(), [...experts].reverse())).toEqual(first)
    expect(rankExperts(company(), experts)).toEqual(first)
  })
})

describe('the head of the ranking (rankTopExperts)', () => {
  // Few distinct scores (availability and sector in steps) and repeated names: runs of equal
  // scores cross every cut-off, so the name order inside a run is what decides the head.
  const pool = Array.from({ length: 60 }, (_, i) =>
    expert({
      userId: `u${String(i).padStart(2, '0')}`,
      name: ['Bruno Rota', 'anna Sala', 'Álvaro Riva', 'Carla Villa'][i % 4] as string,
      competences: i % 3 ? ['erp-systems'] : ['cybersecurity', 'erp-systems'],
      sectors: i % 2 ? ['C'] : [],
      availabilityDaysPerMonth: (i % 5) * 2,
      ties: i % 13 === 0 ? [{ name: 'Meccanica Bergamasca srl', vatNumber: null, kind: 'client' }] : [],
    }),
  )
  const full = rankExperts(company(), pool)
  const eligible = full.filter((m) => !m.excluded)
  const excluded = full.filter((m) => m.excluded)

  it.each([1, 2, 7, 13, 30, eligible.length, 500])('limit %i is the first experts of the full ranking, with the counts', (limit) => {
    const top = rankTopExperts(company(), pool, { limit })
    expect(top.items).toEqual(eligible.slice(0, limit))
    expect(top.excluded).toEqual(excluded.slice(0, limit))
    expect(top).toMatchObject({ eligibleCount: eligible.length, excludedCount: excluded.length })
  })

  it('caps the excluded list on its own, and returns everything without limits', () => {
    expect(rankTopExperts(company(), pool, { limit: 3, excludedLimit: 1 }).excluded).toEqual(excluded.slice(0, 1))
    expect(rankTopExperts(company(), pool, { limit: 3, excludedLimit: 0 }).excluded).toEqual([])
    const all = rankTopExperts(company(), pool)
    expect([...all.items, ...all.excluded]).toEqual(full)
  })

  it('does not depend on the input order, and a weight override moves the head as it moves the ranking', () => {
    expect(rankTopExperts(company(), [...pool].reverse(), { limit: 10 }).items).toEqual(eligible.slice(0, 10))
    const weights = { availability: 100 }
    expect(rankTopExperts(company(), pool, { limit: 10, weights }).items).toEqual(rankExperts(company(), pool, { weights }).slice(0, 10))
  })

  it('returns fresh breakdowns: changing one expert’s params leaves the others alone', () => {
    const top = rankTopExperts(company(), pool, { limit: 5 })
    const [a, b] = top.items
    const competence = (m: typeof a) => m?.factors.find((f) => f.key === 'competence')?.detail.params
    expect(competence(a)).toEqual(competence(b))
    ;(competence(a) as Record<string, unknown>).percent = -1
    expect(competence(b)?.percent).not.toBe(-1)
  })

  it.each([{ limit: -1 }, { limit: 1.5 }, { limit: Number.NaN }, { limit: 5, excludedLimit: -2 }])('rejects %j', (options) => {
    expect(() => rankTopExperts(company(), pool, options)).toThrow(RangeError)
  })

  it('scores as scoreExpert does, and the breakdown adds up to the score', () => {
    const varied = pool.map((e, i) => ({ ...e, location: i % 4 ? { lat: 45 + i / 40, lon: 9 + i / 25 } : null, committedDaysPerMonth: i % 3, ratings: i % 5 ? [(i % 5) + 1, 7] : [] }))
    const top = rankTopExperts(company(), varied, { limit: varied.length })
    expect(top.items.length).toBeGreaterThan(40)
    for (const m of top.items) {
      const e = varied.find((x) => x.userId === m.userId) as MatchExpertInput
      expect(m).toEqual({ userId: e.userId, excluded: null, ...scoreExpert(company(), e) })
      expect(Math.abs(m.factors.reduce((s, f) => s + f.points, 0) - m.score)).toBeLessThanOrEqual(0.3)
    }
  })

  it('an empty pool gives an empty head', () => {
    expect(rankTopExperts(company(), [], { limit: 5 })).toEqual({ items: [], excluded: [], eligibleCount: 0, excludedCount: 0 })
  })
})

describe('conflicts of interest', () => {
  it.each([
    { case: 'employer by partita IVA', tie: { name: 'Altro nome', vatNumber: 'IT 01234567890', kind: 'employer' as const }, code: 'conflict.tieVatNumber' },
    { case: 'client by codice fiscale', tie: { name: 'Altro nome', vatNumber: null, taxCode: '01234567890', kind: 'client' as const }, code: 'conflict.tieTaxCode' },
    { case: 'shareholding by name (case, accents, legal form)', tie: { name: 'MECCANICA BERGAMASCA società a responsabilità limitata', vatNumber: null, kind: 'shareholder' as const }, code: 'conflict.tieName' },
    { case: 'family tie by name', tie: { name: 'meccanica bergamasca srl', vatNumber: null, kind: 'family' as const }, code: 'conflict.tieName' },
    { case: 'other tie by name with punctuation', tie: { name: 'Meccanica  Bergamasca, S.R.L.', vatNumber: '99999999999', kind: 'other' as const }, code: 'conflict.tieName' },
  ])('$case', ({ tie, code }) => {
    const m = rank1(company(), [expert({ ties: [tie] })])
    expect(m.excluded).toMatchObject({ reason: 'conflict-of-interest', code, params: { tieKind: tie.kind, tieName: tie.name } })
    expect(m.score).toBe(0)
  })

  it('a member of the company is excluded', () => {
    const m = rank1(company({ memberUserIds: ['u1'] }), [expert()])
    expect(m.excluded).toMatchObject({ code: 'conflict.member' })
  })

  it.each([
    { case: 'a different company', tie: { name: 'Meccanica Bresciana S.r.l.', vatNumber: '09876543210', kind: 'employer' as const } },
    { case: 'a name that only contains the company name', tie: { name: 'Meccanica Bergamasca Servizi srl', vatNumber: null, kind: 'client' as const } },
    { case: 'empty identifiers', tie: { name: 'S.r.l.', vatNumber: '', taxCode: '', kind: 'other' as const } },
  ])('no conflict with $case', ({ tie }) => {
    const m = rank1(company(), [expert({ ties: [tie] })])
    expect(m.excluded).toBeNull()
  })

  it('a company with no identifiers is still matched by name', () => {
    const m = rank1(company({ vatNumber: null, taxCode: null }), [expert({ ties: [{ name: 'Meccanica Bergamasca', vatNumber: null, kind: 'employer' }] })])
    expect(m.excluded?.code).toBe('conflict.tieName')
  })
})

describe('normalisation helpers', () => {
  it.each([
    ['Meccanica Bergamasca S.r.l.', 'meccanica bergamasca'],
    ["L'Officina dell'Arte S.n.c. di Rossi & C.", 'lofficina dellarte snc di rossi'],
    ['Caffè Città SPA', 'caffe citta'],
    ['Cooperativa Sociale Il Sole società cooperativa sociale onlus', 'cooperativa sociale il sole'],
    ['ACME s.r.l.s.', 'acme'],
    ['Cooperativa Agricola Bergamasca Soc. Coop.', 'cooperativa agricola bergamasca'],
  ])('%s → %s', (input, out) => {
    expect(normalizeOrganisationName(input)).toBe(out)
  })

  it.each([
    ['IT01234567890', '01234567890'],
    [' 012 345 678 90 ', '01234567890'],
    ['rssmra80a01h501u', 'RSSMRA80A01H501U'],
    ['', null],
    [null, null],
  ])('tax identifier %j → %j', (input, out) => {
    expect(normalizeTaxIdentifier(input)).toBe(out)
  })
})

describe('reference list', () => {
  it('has unique keys, both labels and at least one competence per DMA dimension', () => {
    const keys = EXPERT_COMPETENCES.map((c) => c.key)
    expect(new Set(keys).size).toBe(keys.length)
    for (const c of EXPERT_COMPETENCES) expect(c.it && c.en).toBeTruthy()
    for (const d of ['D1', 'D2', 'D3', 'D4', 'D5', 'D6']) expect(EXPERT_COMPETENCES.some((c) => c.dimensions.includes(d as 'D1'))).toBe(true)
  })

  it.each(['experts.reference.ts', 'experts.competences.ts', 'matching/expert-matching.ts'])('%s imports no Node built-in and no server code', (file) => {
    const source = fs.readFileSync(path.resolve(import.meta.dirname, '..', file), 'utf8')
    const imports = [...source.matchAll(/^(?:import|export)[^'"]*from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1])
    for (const specifier of imports) {
      expect(specifier).not.toMatch(/^node:|^(fs|path|os|crypto|child_process)$/)
      expect(specifier).not.toMatch(/\/server(\/|$)/)
    }
  })
})
