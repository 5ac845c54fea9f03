/**
 * The demo network: DIH Lombardia with its nine territorial antennas (as in the 2021 report in
 * shared/seeds), the MADE competence center and a cluster, with staff, experts, company members and a
 * funder. Seeded only into an empty database; every account uses PONTE_DEMO_PASSWORD.
 */
import { randomUUID } from 'node:crypto'
import { count } from 'drizzle-orm'
import type { Db } from '../db/client'
import { hashPassword, insertUserWithPassword } from '../../modules/identity'
import { linkDemoCompanyMember, listCompaniesForSeed, seedDemoCompanies } from '../../modules/companies'
import { seedDemoContacts } from '../../modules/contacts'
import { seedDemoInteractions } from '../../modules/interactions'
import { seedDemoExperts } from '../../modules/experts'
import { seedDemoProjects } from '../../modules/projects'
import { seedDemoRoadmaps } from '../../modules/roadmaps'
import { seedDemoAssessments } from '../../modules/assessments/server/assessments.seed'
import { units } from '../../modules/identity/server/identity.table'
import type { Role, UnitType } from '../../modules/identity/identity.contract'

interface DemoUnit {
  key: string
  parent: string | null
  type: UnitType
  name: string
  code: string
  regionCode: string
  provinceCode: string | null
  address: string
  email: string
}

const ANTENNAS: [key: string, name: string, province: string, city: string][] = [
  ['mi', 'Antenna Milano, Monza Brianza, Lodi e Pavia', 'MI', 'Via Pantano 9, Milano'],
  ['bg', 'Antenna Bergamo', 'BG', 'Via Camozzi 70, Bergamo'],
  ['bs', 'Antenna Brescia', 'BS', 'Via Cefalonia 60, Brescia'],
  ['co', 'Antenna Como', 'CO', 'Via Raimondi 1, Como'],
  ['cr', 'Antenna Cremona', 'CR', 'Piazza Cadorna 6, Cremona'],
  ['lc', 'Antenna Lecco e Sondrio', 'LC', 'Via Caprera 4, Lecco'],
  ['mn', 'Antenna Mantova', 'MN', 'Via Portazzolo 9, Mantova'],
  ['va', 'Antenna Varese', 'VA', 'Piazza Monte Grappa 5, Varese'],
  ['am', 'Antenna Alto Milanese', 'MI', 'Via San Domenico 1, Legnano'],
]

export const DEMO_UNITS: DemoUnit[] = [
  { key: 'hub', parent: null, type: 'hub', name: 'DIH Lombardia', code: 'DIH-LOM', regionCode: '03', provinceCode: 'MI', address: 'Via Pantano 9, Milano', email: 'info@dih-lombardia.demo' },
  ...ANTENNAS.map(([key, name, province, address]) => ({
    key, parent: 'hub', type: 'antenna' as const, name, code: `ANT-${key.toUpperCase()}`, regionCode: '03', provinceCode: province, address, email: `antenna.${key}@dih-lombardia.demo`,
  })),
  { key: 'made', parent: 'hub', type: 'competence_center', name: 'MADE Competence Center', code: 'CC-MADE', regionCode: '03', provinceCode: 'MI', address: 'Via Raffaele Lambruschini 4/B, Milano', email: 'info@made-cc.demo' },
  { key: 'afil', parent: 'hub', type: 'cluster', name: 'Cluster Fabbrica Intelligente Lombardia', code: 'CL-AFIL', regionCode: '03', provinceCode: 'MI', address: 'Viale Sarca 336, Milano', email: 'info@afil.demo' },
]

interface DemoUser {
  email: string
  name: string
  locale?: 'it' | 'en'
  grants: [unitKey: string, role: Role][]
}

const FIRST = ['Giulia', 'Marco', 'Francesca', 'Luca', 'Chiara', 'Alessandro', 'Sara', 'Davide', 'Elena', 'Matteo', 'Valentina', 'Andrea', 'Federica', 'Paolo', 'Martina', 'Stefano', 'Silvia', 'Roberto']
const LAST = ['Rossi', 'Bianchi', 'Colombo', 'Ferrari', 'Galli', 'Fontana', 'Riva', 'Brambilla', 'Sala', 'Mariani', 'Villa', 'Longhi', 'Moretti', 'Pellegrini', 'Cattaneo', 'Marchetti', 'Gatti', 'Conti']

export const DEMO_USERS: DemoUser[] = [
  { email: 'admin@ponte.demo', name: 'Anna Gentili', grants: [['hub', 'network_admin']] },
  { email: 'hub.staff@ponte.demo', name: 'Lorenzo Fumagalli', grants: [['hub', 'unit_staff']] },
  ...ANTENNAS.flatMap(([key], i) => [
    { email: `${key}.manager@ponte.demo`, name: `${FIRST[i * 2] ?? 'Maria'} ${LAST[i * 2] ?? 'Rossi'}`, grants: [[key, 'unit_manager']] as [string, Role][] },
    { email: `${key}.staff@ponte.demo`, name: `${FIRST[i * 2 + 1] ?? 'Mario'} ${LAST[i * 2 + 1] ?? 'Bianchi'}`, grants: [[key, 'unit_staff']] as [string, Role][] },
  ]),
  { email: 'made.manager@ponte.demo', name: 'Irene Radaelli', grants: [['made', 'unit_manager']] },
  { email: 'esperto.digitale@ponte.demo', name: 'Giorgio Valsecchi', grants: [['bg', 'expert'], ['bs', 'expert']] },
  { email: 'esperta.cyber@ponte.demo', name: 'Laura Crippa', grants: [['mi', 'expert']] },
  { email: 'manager.sviluppopmi@ponte.demo', name: 'Franco Tagliabue', grants: [['hub', 'expert']] },
  { email: 'titolare@meccanica-bergamasca.demo', name: 'Pietro Locatelli', grants: [['bg', 'company_member']] },
  { email: 'ceo@coop-sociale-brescia.demo', name: 'Rosa Zanardelli', grants: [['bs', 'company_member']] },
  { email: 'funder@regione.demo', name: 'Carla Ferri', locale: 'en', grants: [['hub', 'viewer']] },
]

/** Interactions are written by each antenna's manager and staff; bg.staff gets the open follow-ups. */
function demoInteractionsInput(
  unitIds: ReadonlyMap<string, { id: string }>,
  userIds: ReadonlyMap<string, string>,
  companies: readonly { id: string; name: string; unitId: string }[],
) {
  const staffByUnit = new Map<string, string[]>()
  for (const user of DEMO_USERS) {
    const userId = userIds.get(user.email)
    for (const [key, role] of user.grants) {
      const unit = unitIds.get(key)
      if (!unit || !userId || (role !== 'unit_staff' && role !== 'unit_manager')) continue
      staffByUnit.set(unit.id, [...(staffByUnit.get(unit.id) ?? []), userId])
    }
  }
  const bgStaff = userIds.get('bg.staff@ponte.demo')
  const bg = unitIds.get('bg')
  if (!bgStaff || !bg) throw new Error('demo bg.staff@ponte.demo or Antenna Bergamo missing')
  return { companies, staffByUnit, followUpAssignee: { userId: bgStaff, unitId: bg.id } }
}

/** The demo users holding the expert role, per unit (the assessors of some assisted assessments). */
function demoExpertsByUnit(unitIds: ReadonlyMap<string, { id: string }>, userIds: ReadonlyMap<string, string>): Map<string, string[]> {
  const byUnit = new Map<string, string[]>()
  for (const user of DEMO_USERS) {
    const userId = userIds.get(user.email)
    for (const [key, role] of user.grants) {
      const unit = unitIds.get(key)
      if (!unit || !userId || role !== 'expert') continue
      byUnit.set(unit.id, [...(byUnit.get(unit.id) ?? []), userId])
    }
  }
  return byUnit
}

/** True when the database holds no unit yet (a fresh install). */
export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(units)
  return (row?.n ?? 0) === 0
}

export async function seedDemoNetwork(db: Db, password: string): Promise<{ units: number; users: number; companies: number }> {
  // Every demo account has the same password: hash it once (argon2id is slow on purpose).
  const passwordHash = await hashPassword(password)
  return db.transaction(async (tx) => {
    const ids = new Map<string, { id: string; path: string }>()
    for (const u of DEMO_UNITS) {
      const id = randomUUID()
      const parent = u.parent ? ids.get(u.parent) : undefined
      const path = `${parent?.path ?? '/'}${id}/`
      ids.set(u.key, { id, path })
      await tx.insert(units).values({
        id, parentId: parent?.id ?? null, path, type: u.type, name: u.name, code: u.code,
        regionCode: u.regionCode, provinceCode: u.provinceCode, address: u.address, email: u.email,
      })
    }
    const userIds = new Map<string, string>()
    for (const user of DEMO_USERS) {
      const userId = await insertUserWithPassword(
        tx,
        { email: user.email, name: user.name, locale: user.locale ?? 'it', passwordHash },
        user.grants.map(([key, role]) => {
          const unit = ids.get(key)
          if (!unit) throw new Error(`demo user ${user.email} refers to unknown unit ${key}`)
          return { unitId: unit.id, role }
        }),
      )
      userIds.set(user.email, userId)
    }
    // The expert pool: profiles of the experts above plus new experts in the antennas.
    await seedDemoExperts(tx, { unitIds: ids, userIds, passwordHash })
    const antennas = DEMO_UNITS.filter((u) => u.type === 'antenna' && u.provinceCode).map((u) => {
      const unit = ids.get(u.key)
      if (!unit || !u.provinceCode) throw new Error(`demo unit ${u.key} missing`)
      return { id: unit.id, provinceCode: u.provinceCode }
    })
    const companyCount = await seedDemoCompanies(tx, antennas)
    // "A company member sees only their company": the Bergamo titolare acts for Meccanica Bergamasca.
    const titolare = userIds.get('titolare@meccanica-bergamasca.demo')
    const bg = ids.get('bg')
    if (!titolare || !bg) throw new Error('demo titolare or Antenna Bergamo missing')
    await linkDemoCompanyMember(tx, { userId: titolare, unitId: bg.id, namePrefix: 'Meccanica Bergamasca' })
    await seedDemoContacts(tx, await listCompaniesForSeed(tx))
    const seeded = await listCompaniesForSeed(tx)
    const interactionsInput = demoInteractionsInput(ids, userIds, seeded)
    await seedDemoInteractions(tx, interactionsInput)
    await seedDemoAssessments(tx, {
      companies: seeded.map((c) => ({ ...c, isPublicBody: c.legalForm === 'ente_pubblico' })),
      staffByUnit: interactionsInput.staffByUnit,
      expertsByUnit: demoExpertsByUnit(ids, userIds),
    })
    // Roadmaps generated from about half of the validated T0 assessments, most signed and under way.
    await seedDemoRoadmaps(tx, { staffByUnit: interactionsInput.staffByUnit })
    // A year of support days on ~15 projects, run by the pool's experts (the demo expert first).
    await seedDemoProjects(tx, { companies: seeded, staffByUnit: interactionsInput.staffByUnit, preferredExpertIds: [userIds.get('esperto.digitale@ponte.demo') ?? ''] })
    return { units: DEMO_UNITS.length, users: DEMO_USERS.length, companies: companyCount }
  })
}
