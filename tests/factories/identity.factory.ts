/** Factories for the identity module: they create missing parents (a root for a unit, a unit for a user). */
import { randomUUID } from 'node:crypto'
import { isNull } from 'drizzle-orm'
import type { Db } from '../../src/server/db/client'
import { hashPassword, insertUserWithPassword } from '../../src/modules/identity'
import { units, type UnitRow } from '../../src/modules/identity/server/identity.table'
import type { Role, UnitType } from '../../src/modules/identity/identity.contract'
import { TEST_PASSWORD } from '../support/test-app'

let passwordHash: Promise<string> | null = null
/** argon2id is slow on purpose: hash the shared test password once per process. */
function testPasswordHash() {
  passwordHash ??= hashPassword(TEST_PASSWORD)
  return passwordHash
}

let sequence = 0
const next = () => ++sequence

export async function buildRootUnit(db: Db, overrides: Partial<UnitRow> = {}): Promise<UnitRow> {
  const [existing] = await db.select().from(units).where(isNull(units.parentId))
  if (existing && !overrides.id) return existing
  const id = overrides.id ?? randomUUID()
  const [row] = await db
    .insert(units)
    .values({ id, path: `/${id}/`, type: 'hub', name: `Hub ${next()}`, code: `HUB-${next()}`, ...overrides, parentId: null })
    .returning()
  if (!row) throw new Error('root insert failed')
  return row
}

export async function buildUnit(
  db: Db,
  overrides: Partial<Omit<UnitRow, 'type'>> & { parent?: UnitRow; type?: UnitType } = {},
): Promise<UnitRow> {
  const { parent: given, ...rest } = overrides
  const parent = given ?? (await buildRootUnit(db))
  const id = rest.id ?? randomUUID()
  const n = next()
  const [row] = await db
    .insert(units)
    .values({ type: 'antenna', name: `Antenna ${n}`, code: `ANT-${n}`, ...rest, id, parentId: parent.id, path: `${parent.path}${id}/` })
    .returning()
  if (!row) throw new Error('unit insert failed')
  return row
}

export interface BuiltUser {
  id: string
  email: string
  name: string
}

export async function buildUser(
  db: Db,
  options: { email?: string; name?: string; locale?: 'it' | 'en'; grants?: { unit: UnitRow; role: Role }[] } = {},
): Promise<BuiltUser> {
  const n = next()
  const email = options.email ?? `user${n}-${randomUUID().slice(0, 6)}@example.test`
  const name = options.name ?? `Utente ${n}`
  const id = await insertUserWithPassword(
    db,
    { email, name, locale: options.locale ?? 'it', passwordHash: await testPasswordHash() },
    (options.grants ?? []).map((g) => ({ unitId: g.unit.id, role: g.role })),
  )
  return { id, email, name }
}
