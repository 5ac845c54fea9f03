/** Factories for the companies module: a company needs a unit, created when not given. */
import type { Db } from '../../src/server/db/client'
import { normalizeText, vatCheckDigit } from '../../src/modules/companies'
import { companies, type CompanyRow } from '../../src/modules/companies/server/companies.table'
import type { UnitRow } from '../../src/modules/identity/server/identity.table'
import { buildUnit } from './identity.factory'

let serial = 5_000_000

/** A valid partita IVA, different at each call. */
export function nextVatNumber(): string {
  const first10 = `${String(++serial).padStart(7, '0')}001`
  return `${first10}${vatCheckDigit(first10)}`
}

export async function buildCompany(db: Db, overrides: Partial<CompanyRow> & { unit?: UnitRow } = {}): Promise<CompanyRow> {
  const { unit: given, ...rest } = overrides
  const unit = given ?? (await buildUnit(db))
  const name = rest.name ?? `Azienda ${serial}`
  const [row] = await db
    .insert(companies)
    .values({
      vatNumber: nextVatNumber(),
      nameKey: normalizeText(name),
      searchText: normalizeText(name),
      ...rest,
      name,
      unitId: unit.id,
    })
    .returning()
  if (!row) throw new Error('company insert failed')
  return row
}
