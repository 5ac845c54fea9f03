/**
 * API contract of the territory module: Italian comuni, provinces and regions (ISTAT), with the
 * EU NUTS 2 code of each. Shared by the server (validation + OpenAPI) and the web app. Imports zod only.
 */
import { z } from '@hono/zod-openapi'

/** ISTAT ripartizioni geografiche (NUTS 1 groups), by ISTAT code. */
export const RIPARTIZIONI = [
  { code: 1, name: 'Nord-ovest' },
  { code: 2, name: 'Nord-est' },
  { code: 3, name: 'Centro' },
  { code: 4, name: 'Sud' },
  { code: 5, name: 'Isole' },
] as const

/**
 * The 20 regions by ISTAT code, with ISTAT's name and their NUTS 2 code (NUTS 2021, Regulation (EU)
 * 2019/1755). Trentino-Alto Adige has none: NUTS 2 splits it into its two autonomous provinces,
 * see `NUTS2_BY_AUTONOMOUS_PROVINCE`.
 */
export const REGIONS = [
  { code: '01', name: 'Piemonte', nuts2: 'ITC1' },
  { code: '02', name: "Valle d'Aosta/Vallée d'Aoste", nuts2: 'ITC2' },
  { code: '03', name: 'Lombardia', nuts2: 'ITC4' },
  { code: '04', name: 'Trentino-Alto Adige/Südtirol', nuts2: null },
  { code: '05', name: 'Veneto', nuts2: 'ITH3' },
  { code: '06', name: 'Friuli-Venezia Giulia', nuts2: 'ITH4' },
  { code: '07', name: 'Liguria', nuts2: 'ITC3' },
  { code: '08', name: 'Emilia-Romagna', nuts2: 'ITH5' },
  { code: '09', name: 'Toscana', nuts2: 'ITI1' },
  { code: '10', name: 'Umbria', nuts2: 'ITI2' },
  { code: '11', name: 'Marche', nuts2: 'ITI3' },
  { code: '12', name: 'Lazio', nuts2: 'ITI4' },
  { code: '13', name: 'Abruzzo', nuts2: 'ITF1' },
  { code: '14', name: 'Molise', nuts2: 'ITF2' },
  { code: '15', name: 'Campania', nuts2: 'ITF3' },
  { code: '16', name: 'Puglia', nuts2: 'ITF4' },
  { code: '17', name: 'Basilicata', nuts2: 'ITF5' },
  { code: '18', name: 'Calabria', nuts2: 'ITF6' },
  { code: '19', name: 'Sicilia', nuts2: 'ITG1' },
  { code: '20', name: 'Sardegna', nuts2: 'ITG2' },
] as const
export type RegionCode = (typeof REGIONS)[number]['code']
export const REGION_ISTAT_CODES = REGIONS.map((r) => r.code) as [RegionCode, ...RegionCode[]]

/** NUTS 2 regions of Trentino-Alto Adige, by ISTAT province code: Bolzano/Bozen ITH1, Trento ITH2. */
export const NUTS2_BY_AUTONOMOUS_PROVINCE = { '021': 'ITH1', '022': 'ITH2' } as const

/** The NUTS 2 code of a place, from its ISTAT region and province codes; null for an unknown region. */
export function nuts2Of(regionCode: string, provinceIstatCode: string): string | null {
  const autonomous = NUTS2_BY_AUTONOMOUS_PROVINCE[provinceIstatCode as keyof typeof NUTS2_BY_AUTONOMOUS_PROVINCE]
  if (autonomous) return autonomous
  return REGIONS.find((r) => r.code === regionCode)?.nuts2 ?? null
}

/**
 * The key that comuni are searched and matched by: lower case, no diacritics, any run of other
 * characters (apostrophes, hyphens, slashes, spaces) as one space. "Sant’Agata de’ Goti" and
 * "sant agata de goti" give the same key; so do "Forlì" and "FORLI'".
 */
export function normalizeComuneName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
}

/** A calendar day on the wire: `YYYY-MM-DD`. */
export const IsoDate = z.iso.date().openapi({ example: '2024-01-22' })

/** ISTAT comune code: 6 digits. */
export const IstatComuneCode = z.string().regex(/^\d{6}$/).openapi({ example: '016024' })

export const Comune = z
  .object({
    istatCode: IstatComuneCode,
    name: z.string().openapi({ example: 'Bergamo' }),
    /** Province abbreviation (sigla), e.g. BG. */
    provinceCode: z.string(),
    provinceIstatCode: z.string(),
    provinceName: z.string(),
    regionCode: z.string(),
    regionName: z.string(),
    /** NUTS 2 (2021) code, derived from region and province. */
    nuts2: z.string().nullable(),
    ripartizione: z.number().int().min(1).max(5),
    /** Codice catastale; null for comuni created by mergers after 2020. */
    cadastralCode: z.string().nullable(),
    /** Residents at the 2011 census within today's boundaries. */
    population: z.number().int().nullable(),
    /** Seat of the comune (WGS84). */
    latitude: z.number().nullable(),
    longitude: z.number().nullable(),
    /** First day in force. */
    validFrom: IsoDate,
    /** First day no longer in force; null while in force. */
    validTo: IsoDate.nullable(),
  })
  .openapi('Comune')
export type Comune = z.infer<typeof Comune>

export const ComuneListQuery = z
  .object({
    /** Name (case- and accent-insensitive, prefix or similar) or ISTAT code (leading zeros optional). */
    q: z.string().trim().max(100).optional(),
    province: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/)
      .optional()
      .openapi({ description: 'Province abbreviation, e.g. BG' }),
    region: z.enum(REGION_ISTAT_CODES).optional().openapi({ description: 'ISTAT region code, e.g. 03' }),
    at: IsoDate.optional().openapi({ description: 'Only comuni in force on this day (default: today in Italy)' }),
    limit: z.coerce.number().int().min(1).max(100).default(20),
  })
  .openapi('ComuneListQuery')
export type ComuneListQuery = z.infer<typeof ComuneListQuery>

export const Province = z
  .object({
    /** Province abbreviation (sigla), e.g. BG. */
    code: z.string(),
    istatCode: z.string(),
    name: z.string(),
    regionCode: z.string(),
    regionName: z.string(),
    nuts2: z.string().nullable(),
    comuniCount: z.number().int(),
  })
  .openapi('Province')
export type Province = z.infer<typeof Province>

export const Region = z
  .object({
    code: z.string(),
    name: z.string(),
    /** Null for Trentino-Alto Adige, whose provinces are NUTS 2 regions of their own. */
    nuts2: z.string().nullable(),
    ripartizione: z.number().int().min(1).max(5),
    provincesCount: z.number().int(),
    comuniCount: z.number().int(),
  })
  .openapi('Region')
export type Region = z.infer<typeof Region>

export const TerritoryAtQuery = z
  .object({ at: IsoDate.optional().openapi({ description: 'Day the list refers to (default: today in Italy)' }) })
  .openapi('TerritoryAtQuery')

export const ProvinceListQuery = TerritoryAtQuery.extend({
  region: z.enum(REGION_ISTAT_CODES).optional().openapi({ description: 'ISTAT region code, e.g. 03' }),
}).openapi('ProvinceListQuery')
