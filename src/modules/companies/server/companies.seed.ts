/**
 * Demo companies: a few hundred plausible firms per antenna province, deterministic (seeded PRNG),
 * placed in real comuni weighted by population, with a Lombard ATECO mix and valid partite IVA.
 */
import type { Db } from '../../../server/db/client'
import { comuniInForceOfProvince } from '../../territory'
import { atecoSectionOf, type LegalForm } from '../companies.reference'
import { deriveCompanySize, normalizeText } from './companies.calculation'
import { companies } from './companies.table'
import { prng } from '../../../shared/prng'

/** Partita IVA check digit (Agenzia delle Entrate: Luhn over the first ten digits). */
export function vatCheckDigit(first10: string): number {
  let sum = 0
  for (let i = 0; i < 10; i++) {
    let d = Number(first10[i])
    if (i % 2 === 1) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
  }
  return (10 - (sum % 10)) % 10
}

const SECTORS: { words: string[]; ateco: string[]; coop?: boolean }[] = [
  { words: ['Meccanica', 'Officine Meccaniche', 'Minuterie', 'Torneria', 'Carpenteria'], ateco: ['25.62.00', '25.11.00', '28.41.00', '25.73.10'] },
  { words: ['Plastiche', 'Stampaggio', 'Gomma'], ateco: ['22.29.09', '22.21.00'] },
  { words: ['Tessitura', 'Filati', 'Confezioni'], ateco: ['13.20.00', '13.10.00', '14.13.20'] },
  { words: ['Caseificio', 'Salumificio', 'Pastificio', 'Cantina'], ateco: ['10.51.20', '10.13.00', '10.73.00', '11.02.10'] },
  { words: ['Software', 'Digital Lab', 'Informatica', 'Data Solutions'], ateco: ['62.01.00', '62.02.00', '63.11.30'] },
  { words: ['Costruzioni', 'Edilizia', 'Impianti Elettrici'], ateco: ['41.20.00', '43.21.01', '43.22.01'] },
  { words: ['Trasporti', 'Logistica'], ateco: ['49.41.00', '52.29.22'] },
  { words: ['Studio Tecnico', 'Ingegneria'], ateco: ['71.12.10', '71.12.20'] },
  { words: ['Commercio', 'Forniture Industriali', 'Ricambi'], ateco: ['46.69.99', '46.90.00', '45.31.01'] },
  { words: ['Mobilificio', 'Arredamenti'], ateco: ['31.09.10', '31.01.21'] },
  { words: ['Cooperativa Sociale', 'Servizi Cooperativi'], ateco: ['88.10.00', '81.21.00', '87.30.00'], coop: true },
  { words: ['Agricola', 'Cooperativa Agricola'], ateco: ['01.11.10', '01.41.00'], coop: true },
]

const SURNAMES = ['Rossi', 'Bianchi', 'Colombo', 'Ferrari', 'Brambilla', 'Locatelli', 'Pesenti', 'Gritti', 'Zanetti', 'Bonomi', 'Ghezzi', 'Cattaneo', 'Sala', 'Mazzoleni', 'Rota', 'Arrigoni', 'Valsecchi', 'Redaelli', 'Fumagalli', 'Zucchi', 'Moretti', 'Fontana']
const ADJECTIVES: Record<string, string> = { BG: 'Bergamasca', BS: 'Bresciana', CO: 'Comasca', CR: 'Cremonese', LC: 'Lecchese', MN: 'Mantovana', VA: 'Varesina', MI: 'Milanese' }
const FORMS: { form: LegalForm; suffix: string; weight: number }[] = [
  { form: 'srl', suffix: 'S.r.l.', weight: 55 },
  { form: 'spa', suffix: 'S.p.A.', weight: 8 },
  { form: 'snc', suffix: 'S.n.c.', weight: 12 },
  { form: 'sas', suffix: 'S.a.s.', weight: 8 },
  { form: 'ditta_individuale', suffix: '', weight: 17 },
]
const STREETS = ['Via Roma', 'Via Garibaldi', 'Via Mazzini', 'Via dell’Industria', 'Via dell’Artigianato', 'Via Manzoni', 'Viale Europa', 'Via Verdi']

export interface DemoUnitForCompanies {
  id: string
  provinceCode: string
}

/** Inserts `perUnit` companies for each unit, in its province. Returns how many were created. */
export async function seedDemoCompanies(db: Db, units: DemoUnitForCompanies[], perUnit = 40): Promise<number> {
  const random = prng(20_211_117)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T
  let serial = 1_000_000
  let total = 0
  for (const unit of units) {
    const places = await comuniInForceOfProvince(db, unit.provinceCode)
    if (places.length === 0) continue
    // Weighted by population, with the long tail trimmed to the 60 largest comuni.
    const top = places.slice(0, 60)
    const weights = top.map((p) => Math.sqrt(p.population ?? 1))
    const sum = weights.reduce((a, b) => a + b, 0)
    const pickPlace = () => {
      let r = random() * sum
      for (let i = 0; i < top.length; i++) {
        r -= weights[i] ?? 0
        if (r <= 0) return top[i] as (typeof top)[number]
      }
      return top[0] as (typeof top)[number]
    }
    const rows = []
    for (let i = 0; i < perUnit; i++) {
      const sector = pick(SECTORS)
      const place = pickPlace()
      const formDraw = random() * 100
      let acc = 0
      const form = sector.coop ? { form: (sector.words[0]?.includes('Sociale') ? 'cooperativa_sociale' : 'societa_cooperativa') as LegalForm, suffix: 'Soc. Coop.' } : (FORMS.find((f) => (acc += f.weight) >= formDraw) ?? FORMS[0])
      const adjective = ADJECTIVES[unit.provinceCode]
      const base = i === 0 && adjective ? `Meccanica ${adjective}` : random() < 0.5 && adjective ? `${pick(sector.words)} ${adjective}` : `${pick(sector.words)} ${pick(SURNAMES)}`
      const name = [base, form?.suffix].filter(Boolean).join(' ')
      const employees = Math.max(1, Math.round(Math.exp(random() * 5.3)))
      const turnover = Math.round(employees * (90_000 + random() * 160_000))
      const balance = Math.round(turnover * (0.5 + random() * 0.7))
      const ateco = pick(sector.ateco)
      serial += 1 + Math.floor(random() * 50)
      const first10 = `${String(serial).padStart(7, '0')}${'016'}`
      const vatNumber = `${first10}${vatCheckDigit(first10)}`
      const fields = {
        unitId: unit.id,
        name,
        vatNumber,
        taxCode: vatNumber,
        legalForm: form?.form ?? 'srl',
        isCooperative: Boolean(sector.coop),
        atecoEdition: '2007',
        atecoCode: ateco,
        atecoSection: atecoSectionOf(ateco),
        employees,
        turnover,
        balanceSheetTotal: balance,
        foundingYear: 1950 + Math.floor(random() * 73),
        sizeDerived: deriveCompanySize({ employees, turnover, balanceSheetTotal: balance }),
        website: `https://www.${normalizeText(base).replace(/[^a-z0-9]+/g, '')}.demo`,
        email: `info@${normalizeText(base).replace(/[^a-z0-9]+/g, '')}.demo`,
        phone: `035 ${String(Math.floor(random() * 900_000) + 100_000)}`,
        address: `${pick(STREETS)} ${1 + Math.floor(random() * 120)}`,
        comuneIstat: place.istat,
        provinceCode: place.provinceCode,
        regionCode: place.regionCode,
        tags: random() < 0.3 ? ['newsletter'] : [],
        stage: random() < 0.3 ? 'engaged' : 'contacted',
        nameKey: normalizeText(name),
        searchText: normalizeText([name, vatNumber, place.name, place.provinceCode].join(' ')),
      }
      rows.push(fields)
    }
    if (rows.length) await db.insert(companies).values(rows).onConflictDoNothing()
    total += rows.length
  }
  return total
}
