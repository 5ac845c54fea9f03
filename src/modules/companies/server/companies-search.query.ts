/**
 * What a text search of the companies list matches and how its candidates are taken (ADR 0032).
 *
 * A company matches a search when one of these holds:
 * - its name has every word of the search (`name_vector`, unstemmed words);
 * - the Italian full text of its name, description, notes, comune and tags has every word, stemmed
 *   ("meccaniche" ~ "meccanica", "Bergamo" as the comune);
 * - every word of the search resembles a word of its name ("mecanica bergamasca" for "meccanica
 *   bergamo"): each word is widened through the lexicon of name words (`company_name_query`, a
 *   trigram match over thousands of words, not millions of names), then looked up exactly;
 * - the search is digits and its partita IVA starts with them.
 *
 * A list shows at most SEARCH_CANDIDATES of them, taken in that order of tiers (exact name words
 * first, then full text, then the fuzzy rest) and ranked by relevance among themselves. Past that
 * the total is a lower bound ("more than 200") and the user narrows the search; an export still
 * writes every match. So a search costs the index lookups of its words plus at most that many rows,
 * whatever the size of the registry.
 */
import { sql, type SQL } from 'drizzle-orm'
import { companies } from './companies.table'

/** Matches a search list reads and ranks at most (the page's total beyond it is a lower bound). */
export const SEARCH_CANDIDATES = 200

export interface SearchTerms {
  /** Every match (the list's filter, and the export's: an export writes them all). */
  match: SQL
  /** The tiers the candidates are taken from, in order; each row is in the first that holds. */
  tiers: SQL[]
  /** Relevance: full-text rank plus trigram closeness of the name, each in [0, 1]. */
  score: SQL<number>
}

/** `q` is the normalised search text (lower case, no accents). */
export function searchTerms(q: string): SearchTerms {
  const vat = q.replace(/[\s.]/g, '')
  const vatPrefix = /^\d{4,11}$/.test(vat) ? sql`${companies.vatNumber} like ${`${vat}%`}` : undefined
  const nameWords = sql`${companies.nameVector} @@ plainto_tsquery('simple'::regconfig, ${q})`
  const fullText = sql`${companies.searchVector} @@ plainto_tsquery('italian'::regconfig, ${q})`
  // One evaluation per statement (an init plan), then an index condition on name_vector.
  const fuzzyName = sql`${companies.nameVector} @@ (select company_name_query(${q}))`
  const exact = vatPrefix ? sql`(${nameWords} or ${vatPrefix})` : nameWords
  return {
    match: vatPrefix ? sql`(${fullText} or ${fuzzyName} or ${vatPrefix})` : sql`(${fullText} or ${fuzzyName})`,
    tiers: [exact, fullText, sql`true`],
    score: sql<number>`(ts_rank(${companies.searchVector}, plainto_tsquery('italian'::regconfig, ${q})) + word_similarity(${q}, ${companies.nameKey}))::float8`,
  }
}
