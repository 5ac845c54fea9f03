/**
 * Data of `npm run bench:support` (issue 5): an expert pool (users, expert memberships, approved
 * profiles, past and active projects for ratings and workload) and a support-day ledger (companies,
 * projects, entries over two years). Generated in Node with the seeded PRNG and loaded in bulk:
 * multi-row `insert … select from json_to_recordset($1)` (one statement per chunk, both drivers) and
 * COPY for companies (bench/crm-data.ts's generator).
 */
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { randomUUID } from 'node:crypto'
import pg from 'pg'
import { from as copyFrom } from 'pg-copy-streams'
import { EXPERT_COMPETENCES } from '../src/modules/experts'
import type { Database } from '../src/server/db/client'
import { prng } from '../src/shared/prng'
import { COMPANY_COPY_COLUMNS, companyCsvLine, type ComunePick, type Generator, type UnitPick } from './crm-data'

export const CHUNK = 10_000

const FIRST = ['Marco', 'Giulia', 'Luca', 'Francesca', 'Alessandro', 'Chiara', 'Andrea', 'Sara', 'Matteo', 'Elena', 'Paolo', 'Laura', 'Stefano', 'Silvia', 'Roberto', 'Valentina', 'Davide', 'Federica', 'Giorgio', 'Anna', 'Franco', 'Maria', 'Simone', 'Elisa', 'Massimo', 'Cristina']
const LAST = ['Rossi', 'Bianchi', 'Colombo', 'Ferrari', 'Brambilla', 'Locatelli', 'Pesenti', 'Rota', 'Galli', 'Mazzoleni', 'Fumagalli', 'Sala', 'Crippa', 'Villa', 'Cattaneo', 'Bonfanti', 'Carminati', 'Gatti', 'Lombardi', 'Moretti', 'Ghilardi', 'Valsecchi', 'Tagliabue', 'Riva', 'Bassi', 'Milesi']
const EMPLOYERS = ['Studio Associato', 'Consulenze Digitali', 'Innovazione Impresa', 'Lean Partners', 'Data Factory', 'Cyber Lab', 'Energia Smart', 'Gestionali Lombardi']
const LOMBARD_PROVINCES = ['BG', 'BS', 'CO', 'CR', 'LC', 'LO', 'MN', 'MI', 'MB', 'PV', 'SO', 'VA']
/** Sectors experts declare: the outreach mix, manufacturing first. */
const SECTORS = ['C', 'C', 'C', 'C', 'G', 'G', 'M', 'M', 'F', 'J', 'J', 'H', 'N', 'A', 'I', 'Q', 'S', 'D', 'E', 'K']
const ACTIVITIES = ['Analisi dei processi con la direzione', 'Workshop sui risultati della valutazione', 'Scelta del gestionale: requisiti e fornitori', 'Formazione del personale sul nuovo strumento', 'Verifica della sicurezza informatica', 'Piano dati e cruscotti', 'Incontro di avanzamento', 'Preparazione della domanda di voucher']

export interface ExpertPoolUnits {
  hubId: string
  /** Antenna ids by key (`bg`, `bs`, …). */
  antennas: Map<string, string>
  /** Staff user id who creates the projects. */
  creatorId: string
}

/** `insert into table (cols) select … from json_to_recordset($1)`: one statement for many rows on both drivers. */
export async function insertJson(database: Database, table: string, columns: Record<string, string>, rows: Record<string, unknown>[]) {
  if (rows.length === 0) return
  const names = Object.keys(columns)
  const definition = names.map((n) => `${n} ${columns[n]}`).join(', ')
  await database.executor.executeSql(`insert into ${table} (${names.join(', ')}) select ${names.join(', ')} from json_to_recordset($1::json) as x(${definition})`, [JSON.stringify(rows)])
}

/** COPY … FROM of CSV text: PGlite reads a blob at /dev/blob, PostgreSQL a COPY stream. */
export async function copyCsv(database: Database, table: string, columns: readonly string[], text: string) {
  const statement = `copy ${table} (${columns.join(', ')}) from`
  if (database.pglite) {
    await database.pglite.query(`${statement} '/dev/blob' with (format csv)`, [], { blob: new Blob([text]) })
    return
  }
  if (!database.pool) throw new Error('no database connection')
  const connection = await (database.pool as pg.Pool).connect()
  try {
    await pipeline(Readable.from([text]), connection.query(copyFrom(`${statement} stdin with (format csv)`)))
  } finally {
    connection.release()
  }
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10)
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000)

/**
 * The expert pool, generated `from` … `to` (so a run grows 1k → 10k without reloading). Every
 * expert is visible to Bergamo's staff, since the issue asks for one company "against 1,000 and
 * 10,000 experts": a quarter hold the role on the hub (programme managers working for every
 * antenna), the rest on the Bergamo antenna, a third of those also on another antenna.
 * Profiles: 2–7 competences clustered around one or two DMA dimensions, 1–3 ATECO sections, the
 * home province plus up to three others, a home comune drawn by population in Lombardy,
 * availability in round days (ties), an employer for 40 %, other ties for 20 %, and a handful tied
 * to the matched company (conflicts of interest). Projects: 40 % have 1–3 completed projects with
 * a rating, 20 % an active one this month (workload).
 */
export async function loadExperts(
  database: Database,
  options: { from: number; to: number; units: ExpertPoolUnits; comuni: ComunePick[]; companyIds: string[]; matched: { vatNumber: string | null; name: string }; now: Date },
): Promise<string[]> {
  const random = prng(5_000 + options.from)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T
  const lombardy = options.comuni.filter((c) => c.regionCode === '03')
  const cumulative: number[] = []
  let total = 0
  for (const c of lombardy) cumulative.push((total += c.population ?? 1))
  const comune = () => {
    const r = random() * total
    let lo = 0
    let hi = cumulative.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if ((cumulative[mid] ?? 0) < r) lo = mid + 1
      else hi = mid
    }
    return lombardy[lo] as ComunePick
  }
  const otherAntennas = [...options.units.antennas.entries()].filter(([k]) => k !== 'bg').map(([, id]) => id)
  const bg = options.units.antennas.get('bg')
  if (!bg) throw new Error('no Bergamo antenna')
  const byDimension = new Map<string, string[]>()
  for (const c of EXPERT_COMPETENCES) for (const d of c.dimensions) byDimension.set(d, [...(byDimension.get(d) ?? []), c.key])
  const dimensions = [...byDimension.keys()]
  const ids: string[] = []
  const month = options.now.toISOString().slice(0, 7)

  for (let start = options.from; start < options.to; start += CHUNK) {
    const users: Record<string, unknown>[] = []
    const memberships: Record<string, unknown>[] = []
    const profiles: Record<string, unknown>[] = []
    const projectRows: Record<string, unknown>[] = []
    for (let i = start; i < Math.min(options.to, start + CHUNK); i++) {
      const id = randomUUID()
      ids.push(id)
      const name = `${pick(FIRST)} ${pick(LAST)}`
      const created = addDays(options.now, -30 - Math.floor(random() * 700)).toISOString()
      users.push({ id, name, email: `esperto.bench.${i}@esperti.example`, email_verified: true, locale: 'it', created_at: created, updated_at: created })
      const onHub = random() < 0.25
      memberships.push({ id: randomUUID(), user_id: id, unit_id: onHub ? options.units.hubId : bg, role: 'expert' })
      if (!onHub && random() < 0.33) memberships.push({ id: randomUUID(), user_id: id, unit_id: pick(otherAntennas), role: 'expert' })
      const competences = new Set<string>()
      const main = pick(dimensions)
      const second = random() < 0.5 ? pick(dimensions) : main
      for (let k = 0, n = 2 + Math.floor(random() * 3); k < n; k++) competences.add(pick(byDimension.get(main) ?? []))
      for (let k = 0, n = Math.floor(random() * 3); k < n; k++) competences.add(pick(byDimension.get(second) ?? []))
      const home = comune()
      const provinces = new Set([home.provinceCode])
      for (let k = 0, n = Math.floor(random() * 4); k < n; k++) provinces.add(pick(LOMBARD_PROVINCES))
      const sectors = new Set<string>()
      for (let k = 0, n = 1 + Math.floor(random() * 3); k < n; k++) sectors.add(pick(SECTORS))
      const hasEmployer = random() < 0.4
      const ties: { name: string; vatNumber: string | null; taxCode: string | null; kind: string }[] = []
      if (random() < 0.2) ties.push({ name: `${pick(EMPLOYERS)} ${pick(LAST)} S.r.l.`, vatNumber: null, taxCode: null, kind: pick(['client', 'shareholding', 'family', 'other']) })
      // A few conflicts with the matched company (one in 500): by VAT number or by name.
      if (random() < 0.002) ties.push({ name: options.matched.name, vatNumber: random() < 0.5 ? options.matched.vatNumber : null, taxCode: null, kind: 'client' })
      const manager = random() < 0.35
      profiles.push({
        user_id: id,
        status: 'approved',
        headline: manager ? 'Manager per la trasformazione digitale' : 'Consulente per la digitalizzazione delle PMI',
        bio: '',
        kind: manager ? 'manager' : 'consultant',
        programme: manager && random() < 0.5 ? 'Sviluppo PMI' : null,
        out_of_work: manager && random() < 0.3,
        competences: [...competences],
        sectors: [...sectors],
        provinces: [...provinces],
        home_comune_istat: home.istat,
        languages: random() < 0.4 ? ['it', 'en'] : ['it'],
        availability_days_per_month: pick([2, 4, 4, 6, 6, 8, 8, 8, 10, 12]),
        employer_name: hasEmployer ? `${pick(EMPLOYERS)} ${pick(LAST)} S.r.l.` : null,
        employer_vat_number: hasEmployer ? String(10_000_000_000 + Math.floor(random() * 89_999_999_999)).slice(0, 11) : null,
        ties,
        submitted_at: created,
        reviewed_by: options.units.creatorId,
        reviewed_at: created,
        created_at: created,
        updated_at: created,
      })
      if (random() < 0.4) {
        for (let k = 0, n = 1 + Math.floor(random() * 3); k < n; k++) {
          const startsOn = addDays(options.now, -60 - Math.floor(random() * 600))
          projectRows.push(projectRow(pick(options.companyIds), bg, id, options.units.creatorId, startsOn, 'completed', pick([3, 4, 4, 4, 5, 5]), 10))
        }
      }
      if (random() < 0.2) projectRows.push(projectRow(pick(options.companyIds), bg, id, options.units.creatorId, new Date(`${month}-01T00:00:00Z`), 'active', null, pick([5, 10, 10, 15])))
    }
    await insertJson(database, 'users', { id: 'text', name: 'text', email: 'text', email_verified: 'boolean', locale: 'text', created_at: 'timestamptz', updated_at: 'timestamptz' }, users)
    await insertJson(database, 'memberships', { id: 'uuid', user_id: 'text', unit_id: 'uuid', role: 'text' }, memberships)
    await insertJson(database, 'expert_profiles', PROFILE_COLUMNS, profiles)
    await insertJson(database, 'projects', PROJECT_COLUMNS, projectRows)
  }
  return ids
}

const PROFILE_COLUMNS = {
  user_id: 'text', status: 'text', headline: 'text', bio: 'text', kind: 'text', programme: 'text', out_of_work: 'boolean', competences: 'text[]', sectors: 'text[]', provinces: 'text[]',
  home_comune_istat: 'text', languages: 'text[]', availability_days_per_month: 'float8', employer_name: 'text', employer_vat_number: 'text', ties: 'jsonb', submitted_at: 'timestamptz',
  reviewed_by: 'text', reviewed_at: 'timestamptz', created_at: 'timestamptz', updated_at: 'timestamptz',
}
const PROJECT_COLUMNS = {
  id: 'uuid', company_id: 'uuid', unit_id: 'uuid', expert_user_id: 'uuid', title: 'text', budget_days: 'numeric', starts_on: 'date', ends_on: 'date', status: 'text',
  expert_rating: 'smallint', completed_at: 'timestamptz', created_by: 'uuid', created_at: 'timestamptz', updated_at: 'timestamptz',
}
const ENTRY_COLUMNS = {
  project_id: 'uuid', seq: 'int', worked_on: 'date', days: 'numeric', hours: 'numeric', activity: 'text', outcome: 'text', logged_by: 'uuid', corrects_entry_id: 'uuid', id: 'uuid',
  confirmation_status: 'text', confirmed_at: 'timestamptz', confirmer_name: 'text', approved_by: 'uuid', approved_at: 'timestamptz', created_at: 'timestamptz',
}

function projectRow(companyId: string, unitId: string, expertId: string, creatorId: string, startsOn: Date, status: string, rating: number | null, budget: number) {
  const endsOn = addDays(startsOn, 90)
  return {
    id: randomUUID(),
    company_id: companyId,
    unit_id: unitId,
    expert_user_id: expertId,
    title: 'Progetto di supporto alla digitalizzazione',
    budget_days: budget,
    starts_on: isoDay(startsOn),
    ends_on: isoDay(endsOn),
    status,
    expert_rating: rating,
    completed_at: status === 'completed' ? endsOn.toISOString() : null,
    created_by: creatorId,
    created_at: startsOn.toISOString(),
    updated_at: startsOn.toISOString(),
  }
}

/**
 * Ledger entries until `target` rows: companies generated (and COPYed) as it goes, one per ~50
 * entries; each project has a company (its unit), an expert drawn from the pool with a skew (a
 * fifth of the experts run half of the projects), a 10-day budget (sometimes 5 or 15), a start over
 * the last two years and 8–16 entries of ½, ¾ or 1 day on working days over ~3 months; 80 % of
 * entries confirmed (most of those approved), 3 % disputed, 2 % followed by a correction (a new
 * entry taking days back).
 */
export async function loadLedger(
  database: Database,
  options: { from: number; target: number; generator: Generator; units: UnitPick[]; expertIds: string[]; creatorId: string; now: Date; seed: number; onProgress?: (done: number) => void },
): Promise<number> {
  const random = prng(options.seed)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T
  const busy = options.expertIds.slice(0, Math.max(1, Math.floor(options.expertIds.length / 5)))
  let done = options.from
  let lastReport = done
  while (done < options.target) {
    const companies: { id: string; unitId: string }[] = []
    const csv: string[] = []
    const companyCount = Math.max(1, Math.ceil(Math.min(CHUNK * 2, options.target - done) / 50))
    for (let i = 0; i < companyCount; i++) {
      const c = options.generator.company()
      companies.push({ id: c.id, unitId: c.unitId })
      csv.push(companyCsvLine(c))
    }
    await copyCsv(database, 'companies', COMPANY_COPY_COLUMNS, csv.join(''))
    const projectRows: Record<string, unknown>[] = []
    const entries: Record<string, unknown>[] = []
    while (entries.length < CHUNK * 2 && done + entries.length < options.target) {
      const company = pick(companies)
      const expert = random() < 0.5 ? pick(busy) : pick(options.expertIds)
      const startsOn = addDays(options.now, -Math.floor(random() * 730))
      const ageDays = (options.now.getTime() - startsOn.getTime()) / 86_400_000
      const status = ageDays > 120 ? (random() < 0.9 ? 'completed' : 'cancelled') : 'active'
      const project = projectRow(company.id, company.unitId, expert, options.creatorId, startsOn, status, status === 'completed' ? pick([3, 4, 4, 5, 5]) : null, pick([5, 10, 10, 10, 15]))
      projectRows.push(project)
      const count = 8 + Math.floor(random() * 9)
      let seq = 0
      let day = startsOn
      for (let k = 0; k < count && day < options.now; k++) {
        day = addDays(day, 1 + Math.floor(random() * 10))
        if (day.getUTCDay() === 0) day = addDays(day, 1)
        if (day.getUTCDay() === 6) day = addDays(day, 2)
        const inHours = random() < 0.3
        const days = inHours ? pick([0.5, 0.75]) : pick([0.5, 1, 1, 1])
        const r = random()
        const confirmation = r < 0.8 ? 'confirmed' : r < 0.83 ? 'disputed' : 'pending'
        const at = addDays(day, 2).toISOString()
        const id = randomUUID()
        entries.push({
          id, project_id: project.id, seq: ++seq, worked_on: isoDay(day), days, hours: inHours ? days * 8 : null, activity: pick(ACTIVITIES), outcome: random() < 0.5 ? 'Attività svolta come previsto' : null,
          logged_by: expert, corrects_entry_id: null, confirmation_status: confirmation, confirmed_at: confirmation === 'confirmed' ? at : null, confirmer_name: confirmation === 'confirmed' ? 'Titolare' : null,
          approved_by: confirmation === 'confirmed' && random() < 0.85 ? options.creatorId : null, approved_at: null, created_at: day.toISOString(),
        })
        const last = entries.at(-1) as Record<string, unknown>
        if (last.approved_by) last.approved_at = addDays(day, 5).toISOString()
        if (random() < 0.02) {
          entries.push({
            id: randomUUID(), project_id: project.id, seq: ++seq, worked_on: isoDay(day), days: -0.25, hours: null, activity: 'Rettifica: durata effettiva', outcome: null, logged_by: expert,
            corrects_entry_id: id, confirmation_status: 'pending', confirmed_at: null, confirmer_name: null, approved_by: null, approved_at: null, created_at: addDays(day, 3).toISOString(),
          })
        }
      }
    }
    await insertJson(database, 'projects', PROJECT_COLUMNS, projectRows)
    await insertJson(database, 'support_day_entries', ENTRY_COLUMNS, entries)
    done += entries.length
    if (done - lastReport >= 100_000) {
      options.onProgress?.(done)
      lastReport = done
    }
  }
  return done
}
