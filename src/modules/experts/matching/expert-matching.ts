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

function conflictOf(company: MatchCompanyInput, expert: MatchExpertInput, companyIds: ReadonlySet<string>, companyName: string): ExpertMatch['excluded'] {
  if (company.memberUserIds?.includes(expert.userId)) {
    return { reason: 'conflict-of-interest', code: 'conflict.member', params: { company: company.name } }
  }
  for (const tie of expert.ties) {
    const params = { company: company.name, tieKind: tie.kind, tieName: tie.name }
    const vat = normalizeTaxIdentifier(tie.vatNumber)
    if (vat && companyIds.has(vat)) return { reason: 'conflict-of-interest', code: 'conflict.tieVatNumber', params }
    const taxCode = normalizeTaxIdentifier(tie.taxCode)
    if (taxCode && companyIds.has(taxCode)) return { reason: 'conflict-of-interest', code: 'conflict.tieTaxCode', params }
    if (companyName && normalizeOrganisationName(tie.name) === companyName) {
      return { reason: 'conflict-of-interest', code: 'conflict.tieName', params }
    }
  }
  return null
}

function competenceFit(company: MatchCompanyInput, expert: MatchExpertInput): FactorValue {
  const gapDimensions = (Object.entries(company.gaps) as [DmaDimensionId, number | undefined][])
    .filter((entry): entry is [DmaDimensionId, number] => typeof entry[1] === 'number' && Number.isFinite(entry[1]) && entry[1] > 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  if (gapDimensions.length === 0) return { value: NEUTRAL_VALUE, code: 'competence.noGaps', params: {} }
  const served = new Set<DmaDimensionId>()
  for (const key of expert.competences) for (const d of findExpertCompetence(key)?.dimensions ?? []) served.add(d)
  let total = 0
  let covered = 0
  const coveredIds: string[] = []
  const missingIds: string[] = []
  for (const [dimension, gap] of gapDimensions) {
    const points = Math.min(gap, 100)
    total += points
    if (served.has(dimension)) {
      covered += points
      coveredIds.push(dimension)
    } else missingIds.push(dimension)
  }
  const value = covered / total
  return {
    value,
    code: coveredIds.length === 0 ? 'competence.none' : missingIds.length === 0 ? 'competence.all' : 'competence.partial',
    params: { covered: coveredIds.join(', '), missing: missingIds.join(', '), percent: Math.round(value * 100) },
  }
}

function sectorFit(company: MatchCompanyInput, expert: MatchExpertInput): FactorValue {
  if (!company.atecoSection) return { value: NEUTRAL_VALUE, code: 'sector.companyUnknown', params: {} }
  if (expert.sectors.length === 0) return { value: NEUTRAL_VALUE, code: 'sector.expertUnknown', params: { section: company.atecoSection } }
  const match = expert.sectors.includes(company.atecoSection)
  return { value: match ? 1 : 0, code: match ? 'sector.match' : 'sector.noMatch', params: { section: company.atecoSection } }
}

function distanceFit(company: MatchCompanyInput, expert: MatchExpertInput): FactorValue {
  const coversProvince = company.provinceCode !== null && expert.provinces.includes(company.provinceCode)
  const bonus = coversProvince ? PROVINCE_BONUS : 0
  const province = company.provinceCode ?? ''
  if (!company.location || !expert.location) {
    return {
      value: clamp01(NEUTRAL_VALUE + bonus),
      code: coversProvince ? 'distance.unknownProvinceCovered' : 'distance.unknown',
      params: { province },
    }
  }
  const km = haversineKm(company.location, expert.location)
  const base = km <= NEAR_KM ? 1 : km >= FAR_KM ? 0 : 1 - (km - NEAR_KM) / (FAR_KM - NEAR_KM)
  return {
    value: clamp01(base + bonus),
    code: coversProvince ? 'distance.kmProvinceCovered' : 'distance.km',
    params: { km: Math.round(km), province },
  }
}

function availabilityFit(expert: MatchExpertInput): FactorValue {
  const days = Math.max(0, finiteOr(expert.availabilityDaysPerMonth, 0))
  return { value: clamp01(days / FULL_AVAILABILITY_DAYS), code: 'availability.days', params: { days, full: FULL_AVAILABILITY_DAYS } }
}

function workloadFit(expert: MatchExpertInput): FactorValue {
  const available = Math.max(0, finiteOr(expert.availabilityDaysPerMonth, 0))
  const committed = Math.max(0, finiteOr(expert.committedDaysPerMonth, 0))
  if (available === 0) return { value: 0, code: 'workload.noAvailability', params: { committed } }
  const value = clamp01(1 - committed / available)
  return { value, code: 'workload.load', params: { committed: round1(committed), available, percent: Math.round((committed / available) * 100) } }
}

function ratingFit(expert: MatchExpertInput): FactorValue {
  const ratings = expert.ratings.filter((r) => Number.isFinite(r) && r >= 1 && r <= 5)
  if (ratings.length === 0) return { value: NEUTRAL_VALUE, code: 'rating.none', params: {} }
  const sum = ratings.reduce((a, b) => a + b, 0)
  const adjusted = (RATING_PRIOR * RATING_PRIOR_WEIGHT + sum) / (RATING_PRIOR_WEIGHT + ratings.length)
  return {
    value: clamp01((adjusted - 1) / 4),
    code: 'rating.mean',
    params: { mean: round1(sum / ratings.length), count: ratings.length, adjusted: round1(adjusted) },
  }
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
  const weights = resolveWeights(options?.weights)
  return scoreWith(company, expert, weights)
}

function scoreWith(company: MatchCompanyInput, expert: MatchExpertInput, weights: Record<MatchFactorKey, number>): { score: number; factors: MatchFactor[] } {
  const totalWeight = MATCH_FACTOR_KEYS.reduce((sum, k) => sum + weights[k], 0)
  const values: Record<MatchFactorKey, FactorValue> = {
    competence: competenceFit(company, expert),
    sector: sectorFit(company, expert),
    distance: distanceFit(company, expert),
    availability: availabilityFit(expert),
    workload: workloadFit(expert),
    rating: ratingFit(expert),
  }
  let raw = 0
  const factors = MATCH_FACTOR_KEYS.map((key): MatchFactor => {
    const { value, code, params } = values[key]
    const points = (100 * weights[key] * value) / totalWeight
    raw += points
    return { key, weight: weights[key], value: Math.round(value * 1000) / 1000, points: round1(points), detail: { code, params } }
  })
  return { score: round1(raw), factors }
}

/**
 * Ranks experts for a company. Eligible experts first by score (desc), ties by name then userId;
 * experts with a conflict of interest last, score 0 and no factors, with the reason.
 * Throws RangeError for a negative or non-finite weight, or when all weights are 0.
 */
export function rankExperts(company: MatchCompanyInput, experts: readonly MatchExpertInput[], options?: RankExpertsOptions): ExpertMatch[] {
  const weights = resolveWeights(options?.weights)
  const companyIds = new Set([normalizeTaxIdentifier(company.vatNumber), normalizeTaxIdentifier(company.taxCode)].filter((v): v is string => v !== null))
  const companyName = normalizeOrganisationName(company.name)
  const eligible: { match: ExpertMatch; name: string; userId: string }[] = []
  const excluded: { match: ExpertMatch; name: string; userId: string }[] = []
  for (const expert of experts) {
    const conflict = conflictOf(company, expert, companyIds, companyName)
    if (conflict) {
      excluded.push({ match: { userId: expert.userId, score: 0, factors: [], excluded: conflict }, name: expert.name, userId: expert.userId })
      continue
    }
    const { score, factors } = scoreWith(company, expert, weights)
    eligible.push({ match: { userId: expert.userId, score, factors, excluded: null }, name: expert.name, userId: expert.userId })
  }
  eligible.sort((a, b) => b.match.score - a.match.score || byNameThenId(a, b))
  excluded.sort(byNameThenId)
  return [...eligible, ...excluded].map((e) => e.match)
}
