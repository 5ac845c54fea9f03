/** Tables owned by the companies module. */
import { sql } from 'drizzle-orm'
import {
  boolean,
  customType,
  doublePrecision,
  index,
  integer,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' })
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' })

export const companies = pgTable(
  'companies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The owning unit (usually an antenna): scopes who sees the company (identity.policy). */
    unitId: uuid('unit_id').notNull(),
    name: text('name').notNull(),
    /** Partita IVA, compact (11 digits): unique within the network, the key for dedupe and upsert. */
    vatNumber: text('vat_number').notNull(),
    taxCode: text('tax_code'),
    legalForm: text('legal_form'),
    isCooperative: boolean('is_cooperative').notNull().default(false),
    atecoEdition: text('ateco_edition').notNull().default('2007'),
    atecoCode: text('ateco_code'),
    atecoSection: text('ateco_section'),
    employees: integer('employees'),
    turnover: numeric('turnover', { precision: 15, scale: 2, mode: 'number' }),
    balanceSheetTotal: numeric('balance_sheet_total', { precision: 15, scale: 2, mode: 'number' }),
    foundingYear: integer('founding_year'),
    sizeDerived: text('size_derived'),
    sizeOverride: text('size_override'),
    website: text('website'),
    pec: text('pec'),
    email: text('email'),
    phone: text('phone'),
    address: text('address'),
    comuneIstat: text('comune_istat'),
    /** Copied from the comune when it is set, so filters need no join. */
    provinceCode: text('province_code'),
    regionCode: text('region_code'),
    /** A given point; null means "the seat of the comune". */
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    description: text('description'),
    notes: text('notes'),
    stage: text('stage').notNull().default('contacted'),
    /** Lower case, no accents: name. Trigram index for fuzzy names ("Mecanica" ~ "Meccanica"). */
    nameKey: text('name_key').notNull(),
    /** Lower case, no accents: name, comune, province, description, notes, tags. */
    searchText: text('search_text').notNull(),
    /** Italian full-text vector of searchText (stemming: "meccanica" ~ "meccaniche"). */
    searchVector: tsvector('search_vector').generatedAlwaysAs(sql`to_tsvector('italian'::regconfig, search_text)`),
    archivedAt: ts('archived_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('companies_vat_number_key').on(t.vatNumber),
    index('companies_unit_idx').on(t.unitId),
    index('companies_name_sort_idx').on(t.nameKey, t.id),
    index('companies_name_trgm_idx').using('gin', sql`${t.nameKey} gin_trgm_ops`),
    index('companies_search_text_trgm_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
    index('companies_search_vector_idx').using('gin', t.searchVector),
    index('companies_province_idx').on(t.provinceCode),
    index('companies_ateco_section_idx').on(t.atecoSection),
  ],
)
export type CompanyRow = typeof companies.$inferSelect
