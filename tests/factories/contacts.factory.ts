/** Factories for the contacts module: a contact needs a unit, created when not given. */
import type { Db } from '../../src/server/db/client'
import { normalizeText } from '../../src/modules/companies'
import { companyContacts, contactConsents, contacts, type ContactRow } from '../../src/modules/contacts/server/contacts.table'
import type { UnitRow } from '../../src/modules/identity/server/identity.table'
import { buildUnit } from './identity.factory'

let serial = 0

export async function buildContact(db: Db, overrides: Partial<ContactRow> & { unit?: UnitRow } = {}): Promise<ContactRow> {
  const { unit: given, ...rest } = overrides
  const unit = given ?? (await buildUnit(db))
  const n = ++serial
  const firstName = rest.firstName ?? `Persona${n}`
  const lastName = rest.lastName ?? `Cognome${n}`
  const [row] = await db
    .insert(contacts)
    .values({ searchText: normalizeText(`${firstName} ${lastName}`), ...rest, firstName, lastName, unitId: unit.id })
    .returning()
  if (!row) throw new Error('contact insert failed')
  return row
}

export async function linkContact(db: Db, contactId: string, companyId: string, role = 'referente', isPrimary = false) {
  await db.insert(companyContacts).values({ contactId, companyId, role, isPrimary })
}

export async function grantConsent(db: Db, contactId: string, purpose: string, granted = true, recordedAt = new Date()) {
  await db.insert(contactConsents).values({ contactId, purpose, granted, source: 'web_form', recordedAt })
}
