/**
 * Expert matching: ranks experts for one company by an explainable score, excluding conflicts of
 * interest. Pure and isomorphic (no Node imports, no clock, no randomness): the same inputs always
 * give the same ranking, so the projects module can call it on the server and a page could call it
 * in the browser. Design and trade-offs: docs/decisions (ADR "expert matching score").
 *
 * Score. Six factors, each a value in 0..1, combined as a weighted mean scaled to 0–100:
 *   score = 100 × Σ(weight × value) / Σ(weight), rounded to one decimal.
 * Each factor's `points` is its share of that sum (100 × weight × value / Σ weight, one decimal),
 * so the breakdown reads "competence 28.0 + sector 15.0 + …" and adds up to the score (up to
 * rounding). Default weights (DEFAULT_MATCH_WEIGHTS) sum to 100, so a factor's weight is also the
 * most points it can give; callers may override any of them.
 *
 * Factors (the `detail.code` names the case; `params` fill the UI message):
 * - competence: how the expert's competences cover the company's gaps, weighted by gap size. A DMA
 *   dimension counts as covered when at least one of the expert's competences serves it
 *   (EXPERT_COMPETENCES[].dimensions); value = Σ gap of covered dimensions / Σ gap of all
 *   dimensions with a gap > 0. No gaps known → neutral 0.5 (`competence.noGaps`). Unknown
 *   competence keys are ignored.
 * - sector: 1 when the expert's sectors include the company's ATECO section, 0 when not; neutral
 *   0.5 when the company's section is unknown or the expert declared no sector.
 * - distance: great-circle (haversine) km between the company and the expert's home base: 1 up to
 *   NEAR_KM, falling linearly to 0 at FAR_KM. Either location unknown → neutral 0.5. Covering the
 *   company's province adds PROVINCE_BONUS (capped at 1): an expert who says they work there is a
 *   better bet than the crow-flies distance alone says.
 * - availability: declared days per month, saturating at FULL_AVAILABILITY_DAYS (a 10-day project
 *   over a few months needs two days a week at most).
 * - workload: free share of the declared availability, 1 − committed / available (clamped to
 *   0..1); no availability declared → 0.
 * - rating: mean of past ratings (1–5) shrunk towards the neutral 3 by RATING_PRIOR_WEIGHT
 *   imaginary ratings (a Bayesian mean), mapped 1→0 … 5→1; no ratings → exactly 0.5. Values
 *   outside 1–5 are ignored.
 *
 * Conflicts of interest exclude an expert (score 0, no factors, listed last): the expert is a
 * member of the company, or one of their ties (employer, client, shareholding, family, other)
 * is the company, by partita IVA, codice fiscale (either identifier against either: a company's
 * numeric codice fiscale is usually its partita IVA) or normalised name (case, accents,
 * punctuation and legal-form suffixes such as "S.r.l." ignored).
 *
 * Order: eligible experts by score desc, then name (Italian collation), then userId; excluded
 * experts after them by name, then userId.
 *
 * `rankTopExperts` returns the head of that ranking (the best `limit`, with counts) at a cost
 * linear in the pool: every expert is scored without allocating, breakdowns and name comparisons
 * only for the experts returned (ADR 0031). `rankExperts` is its full-list case.
 */
import type { DmaDimensionId } from '../../assessments/assessments.contract'
import { findExpertCompetence, type ExpertTieKind } from '../experts.competences'

export const MATCH_FACTOR_KEYS = ['competence', 'sector', 'distance', 'availability', 'workload', 'rating'] as const
export type MatchFactorKey = (typeof MATCH_FACTOR_KEYS)[number]

/** Default weights; they sum to 100 so each is the most points its factor can give. */
export const DEFAULT_MATCH_WEIGHTS: Readonly<Record<MatchFactorKey, number>> = {
  competence: 35,
  sector: 15,
  distance: 15,
  availability: 10,
  workload: 10,
  rating: 15,
}

/** Distances at or under this many km score full marks. */
export const NEAR_KM = 25
/** Distances at or over this many km score nothing (before the province bonus). */
export const FAR_KM = 200
/** Added to the distance value when the expert covers the company's province. */
export const PROVINCE_BONUS = 0.25
/** Days per month at which availability scores full marks. */
export const FULL_AVAILABILITY_DAYS = 8
/** The neutral rating the mean is shrunk towards, and how many imaginary ratings it weighs. */
export const RATING_PRIOR = 3
export const RATING_PRIOR_WEIGHT = 3
/** Value of a factor whose data is unknown: neither helps nor hurts relative to the others. */
export const NEUTRAL_VALUE = 0.5

export interface GeoPoint {
  lat: number
  lon: number
}

export interface MatchCompanyInput {
  companyId: string
  name: string
  vatNumber: string | null
  taxCode: string | null
  /** ATECO section 'A'..'U'. */
  atecoSection: string | null
  /** Province abbreviation (sigla, e.g. BG), as the territory and companies modules store it. */
  provinceCode: string | null
  location: GeoPoint | null
  /** Points (0–100) below target per DMA dimension, from the roadmap or the latest validated assessment. */
  gaps: Partial<Record<DmaDimensionId, number>>
  /** Users who are members of the company (a conflict if the expert is one). */
  memberUserIds?: readonly string[]
}

export interface MatchExpertTie {
  name: string
  vatNumber: string | null
  taxCode?: string | null
  kind: ExpertTieKind
}

export interface MatchExpertInput {
  userId: string
  name: string
  /** Keys of EXPERT_COMPETENCES. */
  competences: readonly string[]
  /** ATECO sections. */
  sectors: readonly string[]
  /** Province abbreviations covered. */
  provinces: readonly string[]
  /** Home base (seat of the home comune). */
  location: GeoPoint | null
  availabilityDaysPerMonth: number
  /** Current workload, computed by projects. */
  committedDaysPerMonth: number
  /** 1–5 from past projects, computed by projects. */
  ratings: readonly number[]
  ties: readonly MatchExpertTie[]
}

export type MatchDetailParams = Record<string, string | number>

export interface MatchFactor {
  key: MatchFactorKey
  weight: number
  /** 0..1 */
  value: number
  points: number
  detail: { code: string; params: MatchDetailParams }
}

export type MatchConflictCode = 'conflict.member' | 'conflict.tieVatNumber' | 'conflict.tieTaxCode' | 'conflict.tieName'

export interface ExpertMatch {
  userId: string
  /** 0–100, one decimal. */
  score: number
  factors: MatchFactor[]
  excluded: null | { reason: 'conflict-of-interest'; code: MatchConflictCode; params: MatchDetailParams }
}

export interface RankExpertsOptions {
  weights?: Partial<Record<MatchFactorKey, number>>
}

interface FactorValue {
  value: number
  code: string
  params: MatchDetailParams
}

const round1 = (n: number): number => Math.round(n * 10) / 10
const clamp01 = (n: number): number => (n < 0 ? 0 : n > 1 ? 1 : n)
const finiteOr = (n: number, fallback: number): number => (Number.isFinite(n) ? n : fallback)

/** Great-circle distance in km (mean Earth radius 6371 km). */
export function haversineKm(a: GeoPoint, b: GeoPoint): number {
  const rad = Math.PI / 180
  const dLat = (b.lat - a.lat) * rad
  const dLon = (b.lon - a.lon) * rad
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)))
}

/**
 * Legal-form words dropped from the end of an organisation name, longest first, in normalised
 * form (so "S.r.l.", "srl" and "Società a responsabilità limitata" all go).
 */
const LEGAL_FORM_SUFFIXES = [
  'societa a responsabilita limitata semplificata',
  'societa a responsabilita limitata',
  'societa in accomandita per azioni',
  'societa in accomandita semplice',
  'societa in nome collettivo',
  'societa cooperativa sociale',
  'societa cooperativa a responsabilita limitata',
  'societa cooperativa',
  'cooperativa sociale',
  'societa per azioni',
  'societa semplice',
  'societa consortile',
  'in liquidazione',
  'a socio unico',
  'unipersonale',
  'onlus',
  'soc coop arl',
  'soc coop',
  'scarl',
  'scrl',
  'scpa',
  'srls',
  'sapa',
  'coop',
  'srl',
  'spa',
  'sas',
  'snc',
  'ss',
  'sc',
  'su',
  'ltd',
  'llc',
  'inc',
  'gmbh',
  'ag',
  'sa',
  'bv',
  'e c',
]

/**
 * An organisation name as compared for conflicts: lower case, no accents, dots and apostrophes
 * dropped (so "S.r.l." is "srl"), other punctuation as spaces, legal-form suffixes removed.
 * "Meccanica Bergamasca S.r.l." and "MECCANICA BERGAMASCA srl" both give "meccanica bergamasca".
 */
export function normalizeOrganisationName(name: string): string {
  let text = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[.'’`]/g, '')
    .replace(/&/g, ' e ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
  for (let changed = true; changed; ) {
    changed = false
    for (const suffix of LEGAL_FORM_SUFFIXES) {
      if (text.endsWith(` ${suffix}`)) {
        text = text.slice(0, -suffix.length - 1).trim()
        changed = true
      }
    }
  }
  return text
}

/** A partita IVA or codice fiscale as compared: upper case, no spaces or punctuation, no `IT` prefix on a VAT number. */
export function normalizeTaxIdentifier(value: string | null | undefined): string | null {
  if (!value) return null
  let text = value.toUpperCase().replace(/[^A-Z0-9]/g, '')
  if (/^IT\d{11}$/.test(text)) text = text.slice(2)
  return text.length > 0 ? text : null
}

/**
 * What every expert of one call is compared against, computed once per call (so ranking stays
 * linear in the number of experts): the weights, the company's identifiers, normalised name and
 * members, its gaps in dimension order, and caches of what repeats across experts (a competence's
 * served gaps, a competence fit per set of served gaps, a tie's normalised name).
 */
interface Prepared {
  company: MatchCompanyInput
  weights: Record<MatchFactorKey, number>
  totalWeight: number
  members: ReadonlySet<string>
  companyIds: ReadonlySet<string>
  companyName: string
  /** Dimensions with a gap > 0, by id; bit i of a served mask stands for gaps[i]. */
  gaps: readonly { dimension: DmaDimensionId; points: number }[]
  /** Competence key → mask of the gaps it serves. */
  competenceMasks: Map<string, number>
  /** Served mask → the competence fit (the same for every expert serving the same gaps). */
  competenceFits: Map<number, FactorValue>
  /** Tie name → normalised name. */
  tieNames: Map<string, string>
}

function prepare(company: MatchCompanyInput, options: RankExpertsOptions | undefined): Prepared {
  const weights = resolveWeights(options?.weights)
  const gaps = (Object.entries(company.gaps) as [DmaDimensionId, number | undefined][])
    .filter((entry): entry is [DmaDimensionId, number] => typeof entry[1] === 'number' && Number.isFinite(entry[1]) && entry[1] > 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([dimension, gap]) => ({ dimension, points: Math.min(gap, 100) }))
  return {
    company,
    weights,
    totalWeight: MATCH_FACTOR_KEYS.reduce((sum, k) => sum + weights[k], 0),
    members: new Set(company.memberUserIds ?? []),
    companyIds: new Set([normalizeTaxIdentifier(company.vatNumber), normalizeTaxIdentifier(company.taxCode)].filter((v): v is string => v !== null)),
    companyName: normalizeOrganisationName(company.name),
    gaps,
    competenceMasks: new Map(),
    competenceFits: new Map(),
    tieNames: new Map(),
  }
}

function normalizedTieName(p: Prepared, name: string): string {
  let normalized = p.tieNames.get(name)
  if (normalized === undefined) {
    normalized = normalizeOrganisationName(name)
    p.tieNames.set(name, normalized)
  }
  return normalized
}

function conflictOf(p: Prepared, expert: MatchExpertInput): ExpertMatch['excluded'] {
  const company = p.company
  if (p.members.has(expert.userId)) {
    return { reason: 'conflict-of-interest', code: 'conflict.member', params: { company: company.name } }
  }
  for (const tie of expert.ties) {
    const vat = normalizeTaxIdentifier(tie.vatNumber)
    const taxCode = normalizeTaxIdentifier(tie.taxCode)
    const code: MatchConflictCode | null =
      vat && p.companyIds.has(vat)
        ? 'conflict.tieVatNumber'
        : taxCode && p.companyIds.has(taxCode)
          ? 'conflict.tieTaxCode'
          : p.companyName && normalizedTieName(p, tie.name) === p.companyName
            ? 'conflict.tieName'
            : null
    if (code) return { reason: 'conflict-of-interest', code, params: { company: company.name, tieKind: tie.kind, tieName: tie.name } }
  }
  return null
}

// Each factor comes twice: its value alone (what ranking needs for every expert, allocating
// nothing) and its value with the case and params (for the experts returned). The second always
// takes its value from the first, so a breakdown never disagrees with the score it explains.

function competenceMask(p: Prepared, key: string): number {
  let mask = p.competenceMasks.get(key)
  if (mask === undefined) {
    const dimensions: readonly DmaDimensionId[] = findExpertCompetence(key)?.dimensions ?? []
    mask = 0
    p.gaps.forEach((g, i) => {
      if (dimensions.includes(g.dimension)) mask = (mask as number) | (1 << i)
    })
    p.competenceMasks.set(key, mask)
  }
  return mask
}

const NO_GAPS: FactorValue = { value: NEUTRAL_VALUE, code: 'competence.noGaps', params: {} }

/** Cached per set of served gaps: a handful of distinct fits however many experts. */
function competenceFit(p: Prepared, expert: MatchExpertInput): FactorValue {
  if (p.gaps.length === 0) return NO_GAPS
  let served = 0
  for (const key of expert.competences) served |= competenceMask(p, key)
  const cached = p.competenceFits.get(served)
  if (cached) return cached
  let total = 0
  let covered = 0
  const coveredIds: string[] = []
  const missingIds: string[] = []
  p.gaps.forEach(({ dimension, points }, i) => {
    total += points
    if (served & (1 << i)) {
      covered += points
      coveredIds.push(dimension)
    } else missingIds.push(dimension)
  })
  const value = covered / total
  const fit: FactorValue = {
    value,
    code: coveredIds.length === 0 ? 'competence.none' : missingIds.length === 0 ? 'competence.all' : 'competence.partial',
    params: { covered: coveredIds.join(', '), missing: missingIds.join(', '), percent: Math.round(value * 100) },
  }
  p.competenceFits.set(served, fit)
  return fit
}

function sectorValue(company: MatchCompanyInput, expert: MatchExpertInput): number {
  if (!company.atecoSection || expert.sectors.length === 0) return NEUTRAL_VALUE
  return expert.sectors.includes(company.atecoSection) ? 1 : 0
}

function sectorFit(company: MatchCompanyInput, expert: MatchExpertInput): FactorValue {
  const value = sectorValue(company, expert)
  if (!company.atecoSection) return { value, code: 'sector.companyUnknown', params: {} }
  if (expert.sectors.length === 0) return { value, code: 'sector.expertUnknown', params: { section: company.atecoSection } }
  return { value, code: value === 1 ? 'sector.match' : 'sector.noMatch', params: { section: company.atecoSection } }
}

function coversProvince(company: MatchCompanyInput, expert: MatchExpertInput): boolean {
  return company.provinceCode !== null && expert.provinces.includes(company.provinceCode)
}

function distanceKm(company: MatchCompanyInput, expert: MatchExpertInput): number | null {
  return company.location && expert.location ? haversineKm(company.location, expert.location) : null
}

function distanceValue(company: MatchCompanyInput, expert: MatchExpertInput): number {
  const bonus = coversProvince(company, expert) ? PROVINCE_BONUS : 0
  const km = distanceKm(company, expert)
  if (km === null) return clamp01(NEUTRAL_VALUE + bonus)
  const base = km <= NEAR_KM ? 1 : km >= FAR_KM ? 0 : 1 - (km - NEAR_KM) / (FAR_KM - NEAR_KM)
  return clamp01(base + bonus)
}

function distanceFit(company: MatchCompanyInput, expert: MatchExpertInput): FactorValue {
  const value = distanceValue(company, expert)
  const covered = coversProvince(company, expert)
  const province = company.provinceCode ?? ''
  const km = distanceKm(company, expert)
  if (km === null) return { value, code: covered ? 'distance.unknownProvinceCovered' : 'distance.unknown', params: { province } }
  return { value, code: covered ? 'distance.kmProvinceCovered' : 'distance.km', params: { km: Math.round(km), province } }
}

function availableDays(expert: MatchExpertInput): number {
  return Math.max(0, finiteOr(expert.availabilityDaysPerMonth, 0))
}

function availabilityValue(expert: MatchExpertInput): number {
  return clamp01(availableDays(expert) / FULL_AVAILABILITY_DAYS)
}

function availabilityFit(expert: MatchExpertInput): FactorValue {
  return { value: availabilityValue(expert), code: 'availability.days', params: { days: availableDays(expert), full: FULL_AVAILABILITY_DAYS } }
}

function committedDays(expert: MatchExpertInput): number {
  return Math.max(0, finiteOr(expert.committedDaysPerMonth, 0))
}

function workloadValue(expert: MatchExpertInput): number {
  const available = availableDays(expert)
  return available === 0 ? 0 : clamp01(1 - committedDays(expert) / available)
}

function workloadFit(expert: MatchExpertInput): FactorValue {
  const value = workloadValue(expert)
  const available = availableDays(expert)
  const committed = committedDays(expert)
  if (available === 0) return { value, code: 'workload.noAvailability', params: { committed } }
  return { value, code: 'workload.load', params: { committed: round1(committed), available, percent: Math.round((committed / available) * 100) } }
}

/** Count and sum of the valid ratings (1–5), in input order. */
function ratingSum(expert: MatchExpertInput): { count: number; sum: number } {
  let count = 0
  let sum = 0
  for (const r of expert.ratings) {
    if (Number.isFinite(r) && r >= 1 && r <= 5) {
      count++
      sum += r
    }
  }
  return { count, sum }
}

/** The rating factor: the mean pulled towards a neutral prior, so one rating does not decide. */
function ratingValueOf({ count, sum }: { count: number; sum: number }): number {
  if (count === 0) return NEUTRAL_VALUE
  return clamp01((adjustedRating(count, sum) - 1) / 4)
}

function adjustedRating(count: number, sum: number): number {
  return (RATING_PRIOR * RATING_PRIOR_WEIGHT + sum) / (RATING_PRIOR_WEIGHT + count)
}

function ratingFit(expert: MatchExpertInput): FactorValue {
  const ratings = ratingSum(expert)
  const value = ratingValueOf(ratings)
  const { count, sum } = ratings
  if (count === 0) return { value, code: 'rating.none', params: {} }
  return { value, code: 'rating.mean', params: { mean: round1(sum / count), count, adjusted: round1(adjustedRating(count, sum)) } }
}

function resolveWeights(overrides: RankExpertsOptions['weights']): Record<MatchFactorKey, number> {
  const weights = { ...DEFAULT_MATCH_WEIGHTS }
  for (const key of MATCH_FACTOR_KEYS) {
    const w = overrides?.[key]
    if (w === undefined) continue
    if (!Number.isFinite(w) || w < 0) throw new RangeError(`Match weight "${key}" must be a finite number ≥ 0`)
    weights[key] = w
  }
  if (MATCH_FACTOR_KEYS.every((k) => weights[k] === 0)) throw new RangeError('At least one match weight must be > 0')
  return weights
}

const collator = new Intl.Collator('it', { sensitivity: 'base' })
const byNameThenId = (a: { name: string; userId: string }, b: { name: string; userId: string }): number =>
  collator.compare(a.name, b.name) || (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0)

/** The factor breakdown of one expert for one company (no conflict check). */
export function scoreExpert(company: MatchCompanyInput, expert: MatchExpertInput, options?: RankExpertsOptions): { score: number; factors: MatchFactor[] } {
  const p = prepare(company, options)
  return { score: scoreOf(p, expert), factors: factorsOf(p, factorValues(p, expert)) }
}

/** The score alone, allocating nothing: what ranking computes for every expert. */
function scoreOf(p: Prepared, expert: MatchExpertInput): number {
  const w = p.weights
  // Summed in MATCH_FACTOR_KEYS order, as factorValues' points are: the same float result.
  let raw = 0
  raw += (100 * w.competence * competenceFit(p, expert).value) / p.totalWeight
  raw += (100 * w.sector * sectorValue(p.company, expert)) / p.totalWeight
  raw += (100 * w.distance * distanceValue(p.company, expert)) / p.totalWeight
  raw += (100 * w.availability * availabilityValue(expert)) / p.totalWeight
  raw += (100 * w.workload * workloadValue(expert)) / p.totalWeight
  raw += (100 * w.rating * ratingValueOf(ratingSum(expert))) / p.totalWeight
  return round1(raw)
}

/** Each factor's value with its case and params, in MATCH_FACTOR_KEYS order. */
function factorValues(p: Prepared, expert: MatchExpertInput): FactorValue[] {
  return [competenceFit(p, expert), sectorFit(p.company, expert), distanceFit(p.company, expert), availabilityFit(expert), workloadFit(expert), ratingFit(expert)]
}

/** The breakdown as returned: fresh objects (factor values may be shared between experts of one call). */
function factorsOf(p: Prepared, values: readonly FactorValue[]): MatchFactor[] {
  return MATCH_FACTOR_KEYS.map((key, i): MatchFactor => {
    const { value, code, params } = values[i] as FactorValue
    const points = (100 * p.weights[key] * value) / p.totalWeight
    return { key, weight: p.weights[key], value: Math.round(value * 1000) / 1000, points: round1(points), detail: { code, params: { ...params } } }
  })
}

export interface TopExpertsOptions extends RankExpertsOptions {
  /** How many eligible experts to return, best first (default: all). */
  limit?: number
  /** How many excluded experts to return, by name (default: `limit`). */
  excludedLimit?: number
}

export interface TopExperts {
  /** The best `limit` eligible experts: score desc, then name, then userId. */
  items: ExpertMatch[]
  /** The first `excludedLimit` experts with a conflict of interest, by name then userId. */
  excluded: ExpertMatch[]
  /** Eligible experts in all (items is the head of their ranking). */
  eligibleCount: number
  /** Excluded experts in all. */
  excludedCount: number
}

function checkLimit(name: string, n: number | undefined): number {
  if (n === undefined) return Number.POSITIVE_INFINITY
  if (!(n >= 0) || (Number.isFinite(n) && !Number.isInteger(n))) throw new RangeError(`${name} must be an integer ≥ 0`)
  return n
}

/**
 * The head of the ranking: the best `limit` eligible experts with their breakdown, the first
 * `excludedLimit` excluded ones, and how many there are of each. Every expert is scored (the head
 * is exact), but breakdowns are built and names compared only for the experts returned: cost is
 * linear in the number of experts plus n log n numeric comparisons, whatever the limit.
 * Throws RangeError for a negative or non-finite weight, when all weights are 0, or for a limit
 * that is not an integer ≥ 0.
 */
export function rankTopExperts(company: MatchCompanyInput, experts: readonly MatchExpertInput[], options?: TopExpertsOptions): TopExperts {
  const p = prepare(company, options)
  const limit = checkLimit('limit', options?.limit)
  const excludedLimit = options?.excludedLimit === undefined ? limit : checkLimit('excludedLimit', options.excludedLimit)
  // Only a score per expert, in typed arrays (no object per expert: pools run to thousands);
  // breakdowns are built for the head alone.
  const scores = new Float64Array(experts.length)
  const eligible = new Uint32Array(experts.length)
  let eligibleCount = 0
  const excluded: { match: ExpertMatch; name: string; userId: string }[] = []
  experts.forEach((expert, i) => {
    const conflict = conflictOf(p, expert)
    if (conflict) {
      excluded.push({ match: { userId: expert.userId, score: 0, factors: [], excluded: conflict }, name: expert.name, userId: expert.userId })
      return
    }
    scores[i] = scoreOf(p, expert)
    eligible[eligibleCount++] = i
  })
  // Scores first (numbers: cheap), then names only within runs of equal scores, and only for the
  // runs that reach into the head: the collator is the costly comparison.
  const order = eligible.subarray(0, eligibleCount).sort((a, b) => (scores[b] as number) - (scores[a] as number))
  const head: { expert: MatchExpertInput; name: string; userId: string; score: number }[] = []
  for (let start = 0; start < order.length && head.length < limit; ) {
    const score = scores[order[start] as number] as number
    let end = start + 1
    while (end < order.length && scores[order[end] as number] === score) end++
    const run = Array.from(order.subarray(start, end), (i) => {
      const expert = experts[i] as MatchExpertInput
      return { expert, name: expert.name, userId: expert.userId, score }
    }).sort(byNameThenId)
    for (const e of run) if (head.length < limit) head.push(e)
    start = end
  }
  excluded.sort(byNameThenId)
  return {
    items: head.map((e) => ({ userId: e.userId, score: e.score, factors: factorsOf(p, factorValues(p, e.expert)), excluded: null })),
    excluded: excluded.slice(0, excludedLimit).map((e) => e.match),
    eligibleCount,
    excludedCount: excluded.length,
  }
}

/**
 * Ranks experts for a company. Eligible experts first by score (desc), ties by name then userId;
 * experts with a conflict of interest last, score 0 and no factors, with the reason.
 * Throws RangeError for a negative or non-finite weight, or when all weights are 0.
 */
export function rankExperts(company: MatchCompanyInput, experts: readonly MatchExpertInput[], options?: RankExpertsOptions): ExpertMatch[] {
  const { items, excluded } = rankTopExperts(company, experts, { weights: options?.weights })
  return [...items, ...excluded]
}
