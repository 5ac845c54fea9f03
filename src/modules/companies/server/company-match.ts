/**
 * Finding companies by the name or partita IVA written in a file from elsewhere (the assessments
 * import of the EDIH reporting tool's spreadsheet): exact matches only, case- and
 * accent-insensitive on the name (`name_key`), among the companies the caller may write.
 */
import { and, inArray, isNull, or, type SQL } from 'drizzle-orm'
import type { Db } from '../../../server/db/client'
import { canWriteUnitData, dataPathPrefixes, unitIdsUnder, type Actor } from '../../identity'
import { normalizeText } from './companies.calculation'
import { companies } from './companies.table'
import { findCompanyScopes, type CompanyScope } from './company-scope'

export interface CompanyMatchCandidate extends CompanyScope {
  vatNumber: string
  taxCode: string | null
  nameKey: string
}

/** `IT 01234567890` → `01234567890`; codice fiscale upper-cased. */
export function normalizeVatNumber(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase().replace(/^IT(?=\d{11}$)/, '')
}

/**
 * Candidates for the given names and partite IVA / codici fiscali: companies (not merged) whose
 * `name_key` equals a normalised name, or whose partita IVA or codice fiscale equals a value,
 * limited to the units under `unitPrefixes` (default: the caller's data scope) that the caller writes.
 */
export async function findWritableCompanyMatches(
  db: Db,
  actor: Actor,
  query: { names: readonly string[]; vatNumbers: readonly string[]; unitPrefixes?: string[] },
): Promise<CompanyMatchCandidate[]> {
  const prefixes = query.unitPrefixes ?? dataPathPrefixes(actor)
  const keys = [...new Set(query.names.map(normalizeText).filter(Boolean))]
  const vats = [...new Set(query.vatNumbers.map(normalizeVatNumber).filter(Boolean))]
  if (prefixes.length === 0 || (keys.length === 0 && vats.length === 0)) return []
  const matches: SQL[] = []
  if (keys.length > 0) matches.push(inArray(companies.nameKey, keys))
  if (vats.length > 0) matches.push(inArray(companies.vatNumber, vats), inArray(companies.taxCode, vats))
  const rows = await db
    .select({ id: companies.id, vatNumber: companies.vatNumber, taxCode: companies.taxCode, nameKey: companies.nameKey })
    .from(companies)
    .where(and(isNull(companies.mergedIntoId), inArray(companies.unitId, unitIdsUnder(db, prefixes)), or(...matches)))
  const extra = new Map(rows.map((r) => [r.id, r]))
  const scopes = await findCompanyScopes(db, rows.map((r) => r.id))
  return scopes.flatMap((scope) => {
    const row = extra.get(scope.id)
    if (!row || !canWriteUnitData(actor, scope.unitPath)) return []
    return [{ ...scope, vatNumber: row.vatNumber, taxCode: row.taxCode, nameKey: row.nameKey }]
  })
}

/** Partita IVA and codice fiscale of each company found (no permission check: callers scope). */
export async function findCompanyTaxIds(db: Db, companyIds: readonly string[]): Promise<Map<string, { vatNumber: string; taxCode: string | null }>> {
  const ids = [...new Set(companyIds)]
  if (ids.length === 0) return new Map()
  const rows = await db.select({ id: companies.id, vatNumber: companies.vatNumber, taxCode: companies.taxCode }).from(companies).where(inArray(companies.id, ids))
  return new Map(rows.map((r) => [r.id, { vatNumber: r.vatNumber, taxCode: r.taxCode }]))
}
