import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildCompany } from '../../../../tests/factories/companies.factory'
import { buildContact, linkContact } from '../../../../tests/factories/contacts.factory'
import { buildUnit } from '../../../../tests/factories/identity.factory'
import { createTestDatabase, type TestDatabase } from '../../../../tests/support/test-database'
import type { Db } from '../../../server/db/client'
import { contactsCompanyMover } from './contacts-company-mover'
import { companyContacts } from './contacts.table'

let testDb: TestDatabase
let db: Db

beforeAll(async () => {
  testDb = await createTestDatabase()
  db = testDb.database.db
}, 120_000)
afterAll(async () => {
  await testDb.destroy()
})

const linksOf = async (companyId: string) =>
  (await db.select().from(companyContacts).where(eq(companyContacts.companyId, companyId)))
    .map((l) => ({ id: l.id, contactId: l.contactId, role: l.role, isPrimary: l.isPrimary, createdAt: l.createdAt.toISOString() }))
    .sort((a, b) => a.id.localeCompare(b.id))

describe('contacts company mover', () => {
  it('moves the merged company’s people to the survivor, keeping the survivor’s link where both had one, and undoes exactly', async () => {
    const unit = await buildUnit(db)
    const survivor = await buildCompany(db, { unit, name: 'Sopravvissuta' })
    const merged = await buildCompany(db, { unit, name: 'Duplicato' })
    const both = await buildContact(db, { unit, lastName: 'Entrambe' })
    const onlyMerged = await buildContact(db, { unit, lastName: 'SoloDuplicato' })
    const onlySurvivor = await buildContact(db, { unit, lastName: 'SoloSopravvissuta' })
    await linkContact(db, both.id, survivor.id, 'titolare', true)
    await linkContact(db, onlySurvivor.id, survivor.id, 'dipendente')
    await linkContact(db, both.id, merged.id, 'amministratore', false)
    await linkContact(db, onlyMerged.id, merged.id, 'responsabile_it', true)
    const survivorBefore = await linksOf(survivor.id)
    const mergedBefore = await linksOf(merged.id)

    const token = await db.transaction((tx) => contactsCompanyMover.move(tx, merged.id, survivor.id))
    // JSON round trip: the token is stored in company_merges.moved.
    const stored = JSON.parse(JSON.stringify(token)) as unknown

    const after = await linksOf(survivor.id)
    expect(await linksOf(merged.id)).toEqual([])
    expect(after.map((l) => [l.contactId, l.role, l.isPrimary]).sort()).toEqual(
      [
        [both.id, 'titolare', true],
        [onlySurvivor.id, 'dipendente', false],
        // The survivor already had a primary contact: one primary per company.
        [onlyMerged.id, 'responsabile_it', false],
      ].sort(),
    )

    await db.transaction((tx) => contactsCompanyMover.undo(tx, stored))
    expect(await linksOf(survivor.id)).toEqual(survivorBefore)
    expect(await linksOf(merged.id)).toEqual(mergedBefore)
  })

  it('refuses a token it did not make', async () => {
    await expect(db.transaction((tx) => contactsCompanyMover.undo(tx, { something: 'else' }))).rejects.toThrow(/malformed/)
  })
})
