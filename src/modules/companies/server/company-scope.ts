/**
 * What modules above companies (contacts, interactions, …) may ask about a company without reading
 * its table: whether the caller may see it, and its name and owning unit.
 */
import { inArray, sql } from 'drizzle-orm'
import { AppError } from '../../../shared/app-error'
import type { Db } from '../../../server/db/client'
import { canReadUnitData, type Actor } from '../../identity'
import { companies } from './companies.table'
import { isMemberOfCompany } from './company-member-scope'

export interface CompanyScope {
  id: string
  name: string
  unitId: string
  unitPath: string
  archivedAt: Date | null
  /** Set when the company was merged into another one. */
  mergedIntoId: string | null
}

/**
 * The company if the actor may read it — staff of its unit (or of a unit it is shared with), or
 * its company member, as `getCompany` decides — and NOT_FOUND otherwise (missing and hidden look
 * the same). Reading is all a member gets: callers that write check `canWriteUnitData` on
 * `unitPath`, which a member never passes, and callers whose records members must not see (staff
 * lists) refuse actors without staff scope before asking.
 */
export async function getCompanyScope(db: Db, actor: Actor, companyId: string): Promise<CompanyScope> {
  const [found] = await findCompanyScopes(db, [companyId])
  if (!found) throw new AppError('NOT_FOUND', 'errors.notFound')
  if (!canReadUnitData(actor, found.unitPath) && !(await isMemberOfCompany(db, actor, found.id, found.unitPath))) {
    throw new AppError('NOT_FOUND', 'errors.notFound')
  }
  return found
}

/** Name and owning unit of each company found (no permission check: callers filter with the policy). */
export async function findCompanyScopes(db: Db, companyIds: readonly string[]): Promise<CompanyScope[]> {
  const ids = [...new Set(companyIds)]
  if (ids.length === 0) return []
  // One statement: the unit's path comes along (a scalar subquery on the identity module's table,
  // by name: this is on every scoped read of a company's activity).
  const rows = await db
    .select({
      id: companies.id,
      name: companies.name,
      unitId: companies.unitId,
      archivedAt: companies.archivedAt,
      mergedIntoId: companies.mergedIntoId,
      unitPath: sql<string | null>`(select u.path from units u where u.id = ${companies.unitId})`,
    })
    .from(companies)
    .where(inArray(companies.id, ids))
  return rows.flatMap(({ unitPath, ...r }) => (unitPath ? [{ ...r, unitPath }] : []))
}

/**
 * Every company's id, name, email, unit and partita IVA, for seeding demo data of the modules above
 * (the demo seed numbers partite IVA in creation order).
 */
export async function listCompaniesForSeed(db: Db): Promise<
  { id: string; name: string; unitId: string; email: string | null; vatNumber: string; atecoSection: string | null; sizeClass: string | null; regionCode: string | null; legalForm: string | null }[]
> {
  return db
    .select({
      id: companies.id,
      name: companies.name,
      unitId: companies.unitId,
      email: companies.email,
      vatNumber: companies.vatNumber,
      atecoSection: companies.atecoSection,
      sizeClass: sql<string | null>`coalesce(${companies.sizeOverride}, ${companies.sizeDerived})`,
      regionCode: companies.regionCode,
      legalForm: companies.legalForm,
    })
    .from(companies)
    .orderBy(companies.vatNumber)
}
