/**
 * Territory use cases: search and look up comuni, list provinces and regions, match a comune named
 * in an imported file. Reference data: every signed-in user may read all of it (no unit scoping).
 */
import { and, asc, count, countDistinct, desc, eq, gt, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm'
import type { Db } from '../../../server/db/client'
import type { RequestContext } from '../../../server/http/context'
import { AppError } from '../../../shared/app-error'
import {
  normalizeComuneName,
  nuts2Of,
  REGIONS,
  type Comune,
  type ComuneListQuery,
  type Province,
  type Region,
} from '../territory.contract'
import { comuni, type ComuneRow } from './territory.table'

const ITALIAN_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit' })

/** Today's date in Italy (`YYYY-MM-DD`): changes of comuni take effect at Italian midnight. */
export function italianDay(now: Date): string {
  return ITALIAN_DAY.format(now)
}

/** Versions in force on `at`: `valid_from <= at < valid_to`. */
function inForceOn(at: string): SQL {
  return and(lte(comuni.validFrom, at), or(isNull(comuni.validTo), gt(comuni.validTo, at))) as SQL
}

/** 1 to 6 digits (Excel drops leading zeros: 16024 is 016024), else null. */
function asIstatCode(text: string): string | null {
  return /^\d{1,6}$/.test(text) ? text.padStart(6, '0') : null
}

export function toComune(row: ComuneRow): Comune {
  return {
    istatCode: row.istatCode,
    name: row.name,
    provinceCode: row.provinceCode,
    provinceIstatCode: row.provinceIstat,
    provinceName: row.provinceName,
    regionCode: row.regionCode,
    regionName: row.regionName,
    nuts2: nuts2Of(row.regionCode, row.provinceIstat),
    ripartizione: row.ripartizione,
    cadastralCode: row.cadastralCode,
    population: row.population,
    latitude: row.latitude,
    longitude: row.longitude,
    validFrom: row.validFrom,
    validTo: row.validTo,
  }
}

/**
 * Comuni in force on `at` (default today), optionally in one province or region, whose name
 * matches `q` case- and accent-insensitively (exact, then prefix, then word prefix, then trigram
 * similarity), or whose ISTAT code is `q`.
 */
export async function searchComuni(ctx: RequestContext, query: ComuneListQuery): Promise<{ items: Comune[] }> {
  const at = query.at ?? italianDay(ctx.now())
  const conditions: SQL[] = [inForceOn(at)]
  if (query.province) conditions.push(eq(comuni.provinceCode, query.province))
  if (query.region) conditions.push(eq(comuni.regionCode, query.region))
  const text = query.q?.trim() ?? ''
  const code = asIstatCode(text)
  const key = normalizeComuneName(text)
  const select = (where: SQL[], order: SQL[], limit: number) =>
    ctx.db.select().from(comuni).where(and(...where)).orderBy(...order).limit(limit)
  if (code) return { items: (await select([...conditions, eq(comuni.istatCode, code)], [asc(comuni.name)], query.limit)).map(toComune) }
  if (!key) return { items: (await select(conditions, [asc(comuni.name), asc(comuni.istatCode)], query.limit)).map(toComune) }

  // `key` has only [a-z0-9 ]: no LIKE wildcards to escape. Names starting with the text, then
  // names with a word starting with it (both through the trigram index), shorter names first
  // ("berg": Bergamo before Bergamasco); then, only if those do not fill the page, names merely
  // similar to it (typos).
  const prefix = `${key}%`
  const wordPrefix = `% ${key}%`
  const startsWith = or(sql`${comuni.nameKey} like ${prefix}`, sql`${comuni.nameKey} like ${wordPrefix}`) as SQL
  const rank = sql`case when ${comuni.nameKey} = ${key} then 0 when ${comuni.nameKey} like ${prefix} then 1 else 2 end`
  const rows = await select([...conditions, startsWith], [asc(rank), asc(sql`length(${comuni.nameKey})`), asc(comuni.name), asc(comuni.istatCode)], query.limit)
  if (rows.length < query.limit) {
    // pg_trgm's similarity() with the default threshold of its `%` operator (0.3), not the operator
    // itself: on PGlite 0.5.16 with unaccent and cube loaded, `%` returns no row and wedges the
    // database. Unindexed, but 7,900 short keys take ~50 ms on PGlite.
    const similarity = sql`similarity(${comuni.nameKey}, ${key})`
    const similar = await select(
      [...conditions, sql`not (${startsWith})`, sql`${similarity} >= 0.3`],
      [desc(similarity), asc(comuni.name), asc(comuni.istatCode)],
      query.limit - rows.length,
    )
    rows.push(...similar)
  }
  return { items: rows.map(toComune) }
}

/** The version of a comune in force today, else its last version. */
export async function getComune(ctx: RequestContext, istatCode: string): Promise<Comune> {
  const code = asIstatCode(istatCode)
  const versions = code ? await ctx.db.select().from(comuni).where(eq(comuni.istatCode, code)).orderBy(desc(comuni.validFrom)) : []
  const today = italianDay(ctx.now())
  const row = versions.find((v) => v.validFrom <= today && (v.validTo === null || v.validTo > today)) ?? versions[0]
  if (!row) throw new AppError('NOT_FOUND', 'errors.notFound', { istatCode })
  return toComune(row)
}

/** Provinces with at least one comune in force on `at`, by name. */
export async function listProvinces(ctx: RequestContext, query: { at?: string | undefined; region?: string | undefined }): Promise<{ items: Province[] }> {
  const at = query.at ?? italianDay(ctx.now())
  const conditions: SQL[] = [inForceOn(at)]
  if (query.region) conditions.push(eq(comuni.regionCode, query.region))
  const rows = await ctx.db
    .select({
      code: comuni.provinceCode,
      istatCode: comuni.provinceIstat,
      name: comuni.provinceName,
      regionCode: comuni.regionCode,
      regionName: comuni.regionName,
      comuniCount: count(),
    })
    .from(comuni)
    .where(and(...conditions))
    .groupBy(comuni.provinceCode, comuni.provinceIstat, comuni.provinceName, comuni.regionCode, comuni.regionName)
    .orderBy(asc(comuni.provinceName), asc(comuni.provinceIstat))
  return { items: rows.map((r) => ({ ...r, nuts2: nuts2Of(r.regionCode, r.istatCode) })) }
}

/** Regions with at least one comune in force on `at`, by ISTAT code. */
export async function listRegions(ctx: RequestContext, query: { at?: string | undefined }): Promise<{ items: Region[] }> {
  const at = query.at ?? italianDay(ctx.now())
  const rows = await ctx.db
    .select({
      code: comuni.regionCode,
      name: comuni.regionName,
      ripartizione: comuni.ripartizione,
      provincesCount: countDistinct(comuni.provinceIstat),
      comuniCount: count(),
    })
    .from(comuni)
    .where(inForceOn(at))
    .groupBy(comuni.regionCode, comuni.regionName, comuni.ripartizione)
    .orderBy(asc(comuni.regionCode))
  return {
    items: rows.map((r) => ({ ...r, nuts2: REGIONS.find((region) => region.code === r.code)?.nuts2 ?? null })),
  }
}

/**
 * The comune an imported cell names, for importers: an ISTAT code (leading zeros optional, as
 * Excel drops them) or a name compared case- and accent-insensitively ("forli'", "FORLÌ"), among
 * the comuni in force on `at`. A trailing "(BG)" or `options.province` restricts the match to one
 * province, which homonyms need (Castro is in BG and LE; Paterno in PZ and Paternò in CT). Null
 * when nothing or more than one comune matches.
 */
export async function matchComune(db: Db, text: string, at: string, options: { province?: string } = {}): Promise<Comune | null> {
  const { code, key, province } = comuneQuery(text, options.province)
  if (!code && !key) return null
  const conditions: SQL[] = [inForceOn(at), code ? eq(comuni.istatCode, code) : eq(comuni.nameKey, key)]
  if (province) conditions.push(eq(comuni.provinceCode, province))
  const rows = await db.select().from(comuni).where(and(...conditions)).limit(2)
  return rows.length === 1 && rows[0] ? toComune(rows[0]) : null
}

/** What a cell asks for: an ISTAT code or a name key, maybe in one province ("Castro (BG)"). */
function comuneQuery(text: string, provinceOption: string | undefined) {
  let value = text.trim()
  let province = provinceOption?.trim().toUpperCase() || undefined
  const suffix = /^(.*?)\s*\(([A-Za-z]{2})\)$/.exec(value)
  if (suffix?.[1] && suffix[2]) {
    value = suffix[1]
    province ??= suffix[2].toUpperCase()
  }
  return { code: asIstatCode(value), key: normalizeComuneName(value), province }
}

export interface ComuneMatcher {
  /** `matchComune` without a statement: same rules, same answers. */
  match(text: string, province?: string): Comune | null
}

/**
 * Every comune in force on `at`, held in memory and matched by the rules of `matchComune`: for an
 * import, which resolves thousands of cells. One statement (7,900 short rows) instead of one per
 * distinct name; and no batched `name_key = any(…)` either, which the planner sends through the
 * trigram index one name at a time (≈ 0.6 s per 100 names on PostgreSQL).
 */
export async function loadComuneMatcher(db: Db, at: string): Promise<ComuneMatcher> {
  const byCode = new Map<string, Comune[]>()
  const byKey = new Map<string, Comune[]>()
  for (const row of await db.select().from(comuni).where(inForceOn(at))) {
    const comune = toComune(row)
    byCode.set(row.istatCode, [...(byCode.get(row.istatCode) ?? []), comune])
    byKey.set(row.nameKey, [...(byKey.get(row.nameKey) ?? []), comune])
  }
  return {
    match(text, provinceOption) {
      const { code, key, province } = comuneQuery(text, provinceOption)
      if (!code && !key) return null
      const candidates = (code ? byCode.get(code) : byKey.get(key)) ?? []
      const matching = province ? candidates.filter((c) => c.provinceCode === province) : candidates
      // One comune, or none: a name several comuni share is not a match.
      return matching.length === 1 ? (matching[0] ?? null) : null
    },
  }
}

/**
 * Comuni in force on `at` by ISTAT code, in one statement (a list page's places), keyed by code: the
 * batch form of `matchComune(db, code, at)` for exact 6-digit codes.
 */
export async function comuniInForceByIstat(db: Db, codes: readonly string[], at: string): Promise<Map<string, Comune>> {
  const unique = [...new Set(codes)]
  if (unique.length === 0) return new Map()
  const rows = await db.select().from(comuni).where(and(inForceOn(at), inArray(comuni.istatCode, unique)))
  return new Map(rows.map((row) => [row.istatCode, toComune(row)]))
}

/** Comuni of a province in force today, most populous first (for demo data and suggestions). */
export async function comuniInForceOfProvince(db: Db, provinceCode: string) {
  return db
    .select({ istat: comuni.istatCode, name: comuni.name, population: comuni.population, regionCode: comuni.regionCode, provinceCode: comuni.provinceCode })
    .from(comuni)
    .where(and(eq(comuni.provinceCode, provinceCode), isNull(comuni.validTo)))
    .orderBy(desc(comuni.population))
}
