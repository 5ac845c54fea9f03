/** Tables owned by the companies module. */
import { sql } from 'drizzle-orm'
import {
  boolean,
  customType,
  doublePrecision,
  index,
  integer,
  jsonb,
  numeric,
  primaryKey,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'

/** A journey timeline line: `t(key, params)` in the web app, `href` the record's page. */
export interface CompanyActivitySummary {
  key: string
  params: Record<string, string | number>
  href: string | null
}

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' })
const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' })
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
    /** Values of the network's custom fields (custom_field_definitions), keyed by definition key. */
    customFields: jsonb('custom_fields').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    /** Set when this company was merged into another (company_merges): archived, kept for undo. */
    mergedIntoId: uuid('merged_into_id'),
    /** Lower case, no accents: name (the sort key by name; relevance compares the search with it). */
    nameKey: text('name_key').notNull(),
    /** Lower case, no accents: name, comune, province, description, notes, tags. */
    searchText: text('search_text').notNull(),
    /** Italian full-text vector of searchText (stemming: "meccanica" ~ "meccaniche"). */
    searchVector: tsvector('search_vector').generatedAlwaysAs(sql`to_tsvector('italian'::regconfig, search_text)`),
    /**
     * The words of the name, unstemmed (`simple`): what a search's name words are looked up in, exactly
     * or through their fuzzy expansions from `company_name_words` (ADR 0032).
     */
    nameVector: tsvector('name_vector').generatedAlwaysAs(sql`to_tsvector('simple'::regconfig, name_key)`),
    archivedAt: ts('archived_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('companies_vat_number_key').on(t.vatNumber),
    index('companies_unit_idx').on(t.unitId),
    index('companies_name_sort_idx').on(t.nameKey, t.id),
    // A search's name words, exact or expanded through the lexicon (ADR 0032).
    index('companies_name_vector_idx').using('gin', t.nameVector),
    index('companies_search_vector_idx').using('gin', t.searchVector),
    // A province's or a sector's companies by name: the list's commonest filters with its default
    // order, walked in order instead of fetched and sorted (ADR 0033); they serve the plain filters too.
    index('companies_province_name_idx').on(t.provinceCode, t.nameKey, t.id),
    index('companies_ateco_section_name_idx').on(t.atecoSection, t.nameKey, t.id),
    index('companies_custom_fields_idx').using('gin', t.customFields),
    index('companies_tags_idx').using('gin', t.tags),
    index('companies_updated_idx').on(t.updatedAt, t.id),
  ],
)
export type CompanyRow = typeof companies.$inferSelect

/**
 * What happened to a company, as journey signals: each later module (interactions, events,
 * assessments, roadmaps, support days) records one row per source record through the companies
 * module's API; the company's `stage` is recomputed from these rows, and "contacted in period"
 * filters on them.
 */
export const companyActivity = pgTable(
  'company_activity',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id').notNull(),
    /** The journey stage this activity is evidence of (JOURNEY_STAGES). */
    stage: text('stage').notNull(),
    /** Which module's record: 'interaction', 'assessment', … and its id. */
    sourceType: text('source_type').notNull(),
    sourceId: uuid('source_id').notNull(),
    occurredAt: ts('occurred_at').notNull(),
    /**
     * What the company's journey timeline shows for this record: an i18n key of the reporting
     * module's web strings, its parameters and a link (null on rows recorded before summaries).
     */
    summary: jsonb('summary').$type<CompanyActivitySummary>(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('company_activity_source_key').on(t.sourceType, t.sourceId, t.companyId),
    index('company_activity_company_idx').on(t.companyId, t.occurredAt),
    index('company_activity_occurred_idx').on(t.occurredAt),
  ],
)

/** Custom fields a network admin defines for companies (shown in forms, lists, filters, import, export). */
export const customFieldDefinitions = pgTable(
  'custom_field_definitions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Stable key used in companies.custom_fields and in import/export headers (snake_case). */
    key: text('key').notNull(),
    labelIt: text('label_it').notNull(),
    labelEn: text('label_en').notNull(),
    /** text | number | date | select | multi_select */
    type: text('type').notNull(),
    /** For select / multi_select: [{ value, it, en }]. */
    options: jsonb('options').$type<{ value: string; it: string; en: string }[]>().notNull().default(sql`'[]'::jsonb`),
    position: integer('position').notNull().default(0),
    archivedAt: ts('archived_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('custom_field_definitions_key').on(t.key)],
)

/** Saved list views: personal (shared_unit_id null) or shared with everyone who reads a unit. */
export const savedViews = pgTable(
  'saved_views',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerId: uuid('owner_id').notNull(),
    sharedUnitId: uuid('shared_unit_id'),
    /** Which list the view is of: 'companies' (later: 'contacts', …). */
    entity: text('entity').notNull().default('companies'),
    name: text('name').notNull(),
    /** Filters, sort and columns, as the list's query contract. */
    query: jsonb('query').$type<Record<string, unknown>>().notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('saved_views_owner_idx').on(t.ownerId), index('saved_views_shared_idx').on(t.sharedUnitId)],
)

/** An import of a CSV/XLSX file: the file itself (so any instance can run it), mapping, progress, report. */
export const companyImports = pgTable(
  'company_imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Default owning unit of the companies it creates. */
    unitId: uuid('unit_id').notNull(),
    createdBy: uuid('created_by').notNull(),
    fileName: text('file_name').notNull(),
    /** csv | xlsx */
    fileFormat: text('file_format').notNull(),
    file: bytea('file'),
    /** Parsing options found or chosen: delimiter, encoding, sheet. */
    options: jsonb('options').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    /** Column index → target field key. */
    mapping: jsonb('mapping').$type<Record<string, string>>(),
    /** uploaded | validating | validated | importing | done | failed | undone */
    status: text('status').notNull(),
    totalRows: integer('total_rows').notNull().default(0),
    processedRows: integer('processed_rows').notNull().default(0),
    created: integer('created').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    unchanged: integer('unchanged').notNull().default(0),
    errorCount: integer('error_count').notNull().default(0),
    /** [{ row, column, code, message }] of the last dry run or import. */
    errors: jsonb('errors').$type<unknown[]>().notNull().default(sql`'[]'::jsonb`),
    failure: text('failure'),
    /**
     * The run (dry run or import) that owns the import while it is validating/importing. Each claim
     * is a new id; a run checks it with every batch it commits, so a run whose claim was taken over
     * (it looked dead) stops instead of writing twice.
     */
    claimId: uuid('claim_id'),
    /** The run's last sign of life (claim, then each batch): a silent run is taken over after a while. */
    heartbeatAt: ts('heartbeat_at'),
    /** Who started the run, and their language: a recovered run goes on as them. */
    runBy: uuid('run_by'),
    runLocale: text('run_locale'),
    createdAt: ts('created_at').notNull().defaultNow(),
    startedAt: ts('started_at'),
    finishedAt: ts('finished_at'),
    undoneAt: ts('undone_at'),
    undoneBy: uuid('undone_by'),
  },
  (t) => [index('company_imports_unit_idx').on(t.unitId, t.createdAt)],
)

/** What an import did to each company, so the import can be undone. */
export const companyImportChanges = pgTable(
  'company_import_changes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    importId: uuid('import_id').notNull(),
    companyId: uuid('company_id').notNull(),
    rowNumber: integer('row_number').notNull(),
    /** created | updated */
    action: text('action').notNull(),
    /** The company before an update (null for created). */
    before: jsonb('before').$type<Record<string, unknown>>(),
  },
  (t) => [index('company_import_changes_import_idx').on(t.importId)],
)

/** A merge of two companies: what was chosen, what moved, and enough to undo it. */
export const companyMerges = pgTable(
  'company_merges',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    survivorId: uuid('survivor_id').notNull(),
    mergedId: uuid('merged_id').notNull(),
    /** Field → 'survivor' | 'merged'. */
    choices: jsonb('choices').$type<Record<string, string>>().notNull(),
    survivorBefore: jsonb('survivor_before').$type<Record<string, unknown>>().notNull(),
    mergedBefore: jsonb('merged_before').$type<Record<string, unknown>>().notNull(),
    /** Per referencing module, what it moved (its own undo token). */
    moved: jsonb('moved').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    createdBy: uuid('created_by').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    undoneAt: ts('undone_at'),
    undoneBy: uuid('undone_by'),
  },
  (t) => [index('company_merges_survivor_idx').on(t.survivorId), index('company_merges_merged_idx').on(t.mergedId)],
)

/** Pairs a user marked "not duplicates": the queue no longer proposes them (a < b). */
export const companyDuplicateDismissals = pgTable(
  'company_duplicate_dismissals',
  {
    companyAId: uuid('company_a_id').notNull(),
    companyBId: uuid('company_b_id').notNull(),
    dismissedBy: uuid('dismissed_by').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.companyAId, t.companyBId] })],
)

/**
 * The lexicon of company names (ADR 0032): every word that occurs in a name (`name_vector`'s lexemes).
 * A search expands each of its words to the lexicon words it resembles (trigram word similarity,
 * index on `word`), so its fuzzy part costs what the vocabulary costs, not what the registry does.
 * Derived data, grown by statement-level triggers on `companies`; a word no name uses any more stays
 * (it matches nothing) until `rebuild_company_name_words()` runs (a restore does).
 */
export const companyNameWords = pgTable(
  'company_name_words',
  // No unique key: writers never wait for each other's new words (a word two transactions add at
  // once is kept twice, which changes no expansion); the rebuild keeps one of each.
  { word: text('word').notNull() },
  (t) => [index('company_name_words_word_idx').on(t.word), index('company_name_words_trgm_idx').using('gin', sql`${t.word} gin_trgm_ops`)],
)

/**
 * The duplicate detection's keys of each active company (ADR 0029): its name blocks (`<comune> <first
 * 4 letters of a significant word>`, with the name's core), its own e-mail/web domains, its partita IVA
 * (`vat`) and codice fiscale (`cf`). Derived data, kept by statement-level triggers on `companies`
 * (migration `companies_duplicate_pairs`); rebuilt by `rebuild_company_duplicate_keys()`.
 */
export const companyDuplicateKeys = pgTable(
  'company_duplicate_keys',
  {
    kind: text('kind').notNull(),
    key: text('key').notNull(),
    companyId: uuid('company_id').notNull(),
    /** The name without punctuation and legal-form words (kind 'name' only): what names are compared on. */
    core: text('core'),
  },
  (t) => [primaryKey({ columns: [t.kind, t.key, t.companyId] }), index('company_duplicate_keys_company_idx').on(t.companyId)],
)

/**
 * The duplicates review queue, precomputed (ADR 0029): one row per candidate pair (a < b) with its
 * score and reasons and both companies' units (for scoping). Kept by the same triggers; rebuilt by
 * `rebuild_company_duplicate_pairs()`.
 */
export const companyDuplicatePairs = pgTable(
  'company_duplicate_pairs',
  {
    companyAId: uuid('company_a_id').notNull(),
    companyBId: uuid('company_b_id').notNull(),
    unitAId: uuid('unit_a_id').notNull(),
    unitBId: uuid('unit_b_id').notNull(),
    score: doublePrecision('score').notNull(),
    reasons: jsonb('reasons').$type<{ rule: string; value: string }[]>().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.companyAId, t.companyBId] }),
    index('company_duplicate_pairs_b_idx').on(t.companyBId),
    index('company_duplicate_pairs_queue_idx').on(t.score.desc(), t.companyAId, t.companyBId),
  ],
)

/**
 * Companies written by a bulk writer (an import batch, an import's undo, a restore) with the pairs'
 * refresh deferred (`set local ponte.defer_duplicates = on`, ADR 0029): their keys and pairs wait
 * here until `company_duplicates_flush()` refreshes them all in one set-based pass, at the end of
 * the import (or from the recovery schedule, should the run die first).
 */
export const companyDuplicatePending = pgTable('company_duplicate_pending', {
  companyId: uuid('company_id').primaryKey(),
})

/**
 * Users who act for a company (role company_member): they see that company and nothing else of
 * their unit. Linked by the company's staff.
 */
export const companyMembers = pgTable(
  'company_members',
  {
    companyId: uuid('company_id').notNull(),
    userId: uuid('user_id').notNull(),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.companyId, t.userId] }), index('company_members_user_idx').on(t.userId)],
)
