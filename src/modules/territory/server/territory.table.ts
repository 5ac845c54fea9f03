/**
 * Tables owned by the territory module: Italian reference data, written only by
 * `loadTerritoryReferenceData` (territory.loader.ts) and read by everyone.
 */
import { sql } from 'drizzle-orm'
import { check, date, doublePrecision, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core'

/**
 * Every comune that has existed since the 2020 ISTAT list, one row per version. A version is in force
 * on day D when `valid_from <= D < valid_to` (`valid_to` null: still in force); a comune suppressed
 * by a merger ends on the day its successor starts.
 */
export const comuni = pgTable(
  'comuni',
  {
    /** ISTAT comune code, 6 digits (province code + progressive). */
    istatCode: text('istat_code').notNull(),
    /** ISTAT Italian name, e.g. "Città di Castello". */
    name: text('name').notNull(),
    /** `name` lower-cased, without diacritics or punctuation (normalizeComuneName): search key. */
    nameKey: text('name_key').notNull(),
    /** Province abbreviation (sigla automobilistica), e.g. "PG". */
    provinceCode: text('province_code').notNull(),
    /** ISTAT province code, 3 digits. */
    provinceIstat: text('province_istat').notNull(),
    provinceName: text('province_name').notNull(),
    /** ISTAT region code, 2 digits. */
    regionCode: text('region_code').notNull(),
    regionName: text('region_name').notNull(),
    /** ISTAT ripartizione geografica: 1 Nord-ovest, 2 Nord-est, 3 Centro, 4 Sud, 5 Isole. */
    ripartizione: integer('ripartizione').notNull(),
    /** Codice catastale (Belfiore); unknown for comuni created by mergers after 2020. */
    cadastralCode: text('cadastral_code'),
    /** Residents at the 2011 census within today's boundaries (sum of predecessors for mergers). */
    population: integer('population'),
    /** Seat of the comune (GeoNames), WGS84. */
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
  },
  (t) => [
    primaryKey({ name: 'comuni_pkey', columns: [t.istatCode, t.validFrom] }),
    // pg_trgm (migration 0000): prefix LIKE and similarity on the accent-free key.
    index('comuni_name_key_trgm_idx').using('gin', t.nameKey.op('gin_trgm_ops')),
    index('comuni_province_code_idx').on(t.provinceCode),
    check('comuni_valid_range_check', sql`${t.validTo} is null or ${t.validTo} > ${t.validFrom}`),
  ],
)
export type ComuneRow = typeof comuni.$inferSelect
export type ComuneInsert = typeof comuni.$inferInsert

/** Which version of each reference data set is loaded, so loading at start is a no-op when current. */
export const referenceDataVersions = pgTable('reference_data_versions', {
  dataset: text('dataset').primaryKey(),
  version: text('version').notNull(),
  loadedAt: timestamp('loaded_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
})
