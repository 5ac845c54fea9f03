/**
 * Realistic CRM data for the CRM benchmark (bench/crm.bench.ts): companies of a Lombard DIH network
 * with Italian-looking names, valid partite IVA, comuni weighted by resident population (ISTAT 2011
 * census, `comuni.population`), an outreach ATECO mix, EU size classes from headcount, and three
 * interactions per company (with their `company_activity` journey signals).
 * Deterministic: the same seed gives the same rows.
 */
import { randomUUID } from 'node:crypto'
import { deriveCompanySize, normalizeText, vatCheckDigit } from '../src/modules/companies'
import { atecoSectionOf } from '../src/modules/companies/companies.reference'

/** mulberry32 (as the demo seed): tiny, deterministic. */
export function prng(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
type Random = ReturnType<typeof prng>

/** Picks from weighted items with a cumulative table and binary search (fast enough for millions). */
function weighted<T>(items: readonly T[], weightOf: (item: T) => number): (random: Random) => T {
  const cumulative: number[] = []
  let sum = 0
  for (const item of items) cumulative.push((sum += weightOf(item)))
  return (random) => {
    const r = random() * sum
    let lo = 0
    let hi = cumulative.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if ((cumulative[mid] ?? 0) < r) lo = mid + 1
      else hi = mid
    }
    return items[lo] as T
  }
}

/**
 * The outreach mix of a DIH: manufacturing first (most of the hub's services are Industry 4.0),
 * then trade, professional services, construction, ICT… Shares in % of companies contacted; they
 * follow the shape of the 2021 DIH Lombardia report (manufacturing well above its ~11 % share of
 * all registered firms), not an official statistic.
 */
const SECTORS: { section: string; share: number; words: string[]; ateco: string[]; coop?: boolean }[] = [
  { section: 'C', share: 38, words: ['Meccanica', 'Officine', 'Officine Meccaniche', 'Minuterie', 'Torneria', 'Carpenteria', 'Stampaggio', 'Plastiche', 'Tessitura', 'Filati', 'Confezioni', 'Caseificio', 'Pastificio', 'Salumificio', 'Mobilificio', 'Fonderia', 'Automazioni', 'Elettromeccanica', 'Packaging'], ateco: ['25.62.00', '25.11.00', '28.41.00', '25.73.10', '22.29.09', '22.21.00', '13.20.00', '13.10.00', '14.13.20', '10.51.20', '10.73.00', '10.13.00', '31.09.10', '24.51.00', '28.99.99', '27.11.00', '17.21.00'] },
  { section: 'G', share: 14, words: ['Commercio', 'Forniture Industriali', 'Ricambi', 'Distribuzione', 'Ingrosso', 'Agroalimentare'], ateco: ['46.69.99', '46.90.00', '45.31.01', '46.38.90', '47.19.90'] },
  { section: 'M', share: 10, words: ['Studio Tecnico', 'Ingegneria', 'Consulenze', 'Design', 'Laboratorio Analisi'], ateco: ['71.12.10', '71.12.20', '70.22.09', '74.10.29', '71.20.10'] },
  { section: 'F', share: 8, words: ['Costruzioni', 'Edilizia', 'Impianti Elettrici', 'Termoidraulica'], ateco: ['41.20.00', '43.21.01', '43.22.01', '42.11.00'] },
  { section: 'J', share: 8, words: ['Software', 'Digital Lab', 'Informatica', 'Data Solutions', 'Web Agency'], ateco: ['62.01.00', '62.02.00', '63.11.30', '62.09.09'] },
  { section: 'H', share: 5, words: ['Logistica', 'Trasporti', 'Spedizioni'], ateco: ['49.41.00', '52.29.22', '52.10.20'] },
  { section: 'N', share: 4, words: ['Servizi Integrati', 'Pulizie Industriali', 'Noleggio'], ateco: ['81.21.00', '77.39.99', '82.99.99'] },
  { section: 'A', share: 3, words: ['Agricola', 'Azienda Agricola', 'Cooperativa Agricola'], ateco: ['01.11.10', '01.41.00', '01.21.00'] },
  { section: 'I', share: 3, words: ['Hotel', 'Ristorazione', 'Agriturismo'], ateco: ['55.10.00', '56.10.11', '55.20.52'] },
  { section: 'Q', share: 2, words: ['Cooperativa Sociale', 'Servizi Sanitari', 'Poliambulatorio'], ateco: ['88.10.00', '87.30.00', '86.22.09'], coop: true },
  { section: 'S', share: 2, words: ['Servizi', 'Riparazioni'], ateco: ['95.11.00', '96.09.09'] },
  { section: 'D', share: 1, words: ['Energia', 'Energie Rinnovabili'], ateco: ['35.11.00', '35.14.00'] },
  { section: 'E', share: 1, words: ['Ecologia', 'Recupero Materiali'], ateco: ['38.11.00', '38.32.10'] },
  { section: 'K', share: 1, words: ['Servizi Finanziari', 'Broker Assicurativi'], ateco: ['66.22.01', '64.99.60'] },
]

const SURNAMES = ['Rossi', 'Bianchi', 'Colombo', 'Ferrari', 'Brambilla', 'Locatelli', 'Pesenti', 'Gritti', 'Zanetti', 'Bonomi', 'Ghezzi', 'Cattaneo', 'Sala', 'Mazzoleni', 'Rota', 'Arrigoni', 'Valsecchi', 'Redaelli', 'Fumagalli', 'Zucchi', 'Moretti', 'Fontana', 'Galli', 'Riva', 'Villa', 'Longhi', 'Pellegrini', 'Marchetti', 'Gatti', 'Conti', 'Bergamaschi', 'Rizzi', 'Lombardi', 'Beretta', 'Pozzi', 'Frigerio', 'Crippa', 'Mauri', 'Sironi', 'Tagliabue']
const ADJECTIVES: Record<string, string> = { BG: 'Bergamasca', BS: 'Bresciana', CO: 'Comasca', CR: 'Cremonese', LC: 'Lecchese', MN: 'Mantovana', VA: 'Varesina', MI: 'Milanese', MB: 'Brianzola', LO: 'Lodigiana', PV: 'Pavese', SO: 'Valtellinese' }
const AREAS = ['Lombarda', 'Padana', 'Alpina', 'Italiana', 'del Nord', 'Europea', 'Val Seriana', 'Val Brembana', 'Franciacorta', 'Brianza', 'Lario', 'Valcamonica']
const FORMS: { form: string; suffix: string; weight: number }[] = [
  { form: 'srl', suffix: 'S.r.l.', weight: 52 },
  { form: 'srls', suffix: 'S.r.l.s.', weight: 6 },
  { form: 'spa', suffix: 'S.p.A.', weight: 7 },
  { form: 'snc', suffix: 'S.n.c.', weight: 11 },
  { form: 'sas', suffix: 'S.a.s.', weight: 8 },
  { form: 'ditta_individuale', suffix: '', weight: 14 },
  { form: 'consorzio', suffix: 'Consorzio', weight: 1 },
  { form: 'societa_cooperativa', suffix: 'Soc. Coop.', weight: 1 },
]
const STREETS = ['Via Roma', 'Via Garibaldi', 'Via Mazzini', "Via dell'Industria", "Via dell'Artigianato", 'Via Manzoni', 'Viale Europa', 'Via Verdi', 'Via Kennedy', 'Via Marconi', 'Via Dante', 'Via Papa Giovanni XXIII']

/** EU size classes by headcount for the companies a DIH reaches (more small and medium firms than the national stock). */
const SIZE_BANDS: { share: number; min: number; max: number }[] = [
  { share: 62, min: 1, max: 9 },
  { share: 26, min: 10, max: 49 },
  { share: 9, min: 50, max: 249 },
  { share: 3, min: 250, max: 3000 },
]

const INTERACTIONS: { kind: string; stage: string; subjects: string[] }[] = [
  { kind: 'call', stage: 'contacted', subjects: ['Telefonata di primo contatto', 'Richiamo per il bando voucher', 'Chiamata di follow-up'] },
  { kind: 'email', stage: 'contacted', subjects: ['Invio presentazione servizi', 'Invito al webinar', 'Documentazione assessment'] },
  { kind: 'meeting', stage: 'engaged', subjects: ['Incontro conoscitivo', 'Riunione sul piano di digitalizzazione'] },
  { kind: 'visit', stage: 'engaged', subjects: ['Visita in azienda', 'Sopralluogo in produzione'] },
  { kind: 'event', stage: 'engaged', subjects: ['Partecipazione al workshop Industria 4.0', 'Open day competence center'] },
]

export interface ComunePick {
  istat: string
  name: string
  provinceCode: string
  regionCode: string
  population: number | null
}

export interface UnitPick {
  id: string
  /** Antenna key of the demo network (`bg`, `mi`, …). */
  key: string
  /** Demo staff users of this unit, as interaction authors. */
  authorIds: string[]
}

/** Which antenna serves which Lombard province (the demo network's territory). */
const ANTENNA_OF_PROVINCE: Record<string, string[]> = {
  MI: ['mi', 'mi', 'am'], MB: ['mi'], LO: ['mi'], PV: ['mi'], BG: ['bg'], BS: ['bs'], CO: ['co'], CR: ['cr'], LC: ['lc'], SO: ['lc'], MN: ['mn'], VA: ['va'],
}

export interface GeneratedCompany {
  id: string
  unitId: string
  name: string
  vatNumber: string
  legalForm: string
  isCooperative: boolean
  atecoCode: string
  atecoSection: string | null
  employees: number
  turnover: number
  balanceSheetTotal: number
  foundingYear: number
  sizeDerived: string | null
  website: string
  email: string
  phone: string
  address: string
  comune: ComunePick
  tags: string[]
  stage: string
  nameKey: string
  searchText: string
  createdAt: Date
}

export interface GeneratedInteraction {
  id: string
  unitId: string
  companyId: string
  kind: string
  stage: string
  occurredAt: Date
  subject: string
  authorId: string | null
}

export interface Generator {
  company(): GeneratedCompany
  interactionsOf(company: GeneratedCompany, n: number): GeneratedInteraction[]
}

const STAGE_RANK = ['contacted', 'engaged', 'assessed', 'roadmap', 'supported', 'reassessed']

/**
 * `comuni`: every comune in force, with population. 90 % of companies sit in Lombardy (the demo
 * network's region), 10 % elsewhere in Italy (firms that came to a Lombard antenna); within each
 * part, a comune is drawn with probability proportional to its residents.
 */
/**
 * Office codes of a partita IVA run 001–100 (plus 120, 121, 888, 999: what stdnum accepts): the
 * provinces created later (ISTAT 101–111) issue numbers under the office of the province they came
 * from. Without this, 8 % of generated rows (Monza e Brianza) fail the import's check and the
 * benchmark would compare COPY of every row with an import of fewer rows.
 */
const LATER_PROVINCE_OFFICE: Record<string, string> = {
  '101': '079', '102': '079', '103': '003', '104': '090', '105': '091', '106': '092', '107': '092', '108': '015', '109': '044', '110': '072', '111': '092',
}
function vatOffice(provinceIstat: string): string {
  return Number(provinceIstat) <= 100 ? provinceIstat : (LATER_PROVINCE_OFFICE[provinceIstat] ?? '015')
}

export function createGenerator(options: { seed: number; firstSerial: number; comuni: ComunePick[]; units: UnitPick[]; now: Date; onlyUnit?: UnitPick }): Generator {
  const random = prng(options.seed)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T
  const population = (c: ComunePick) => c.population ?? 1
  const lombardy = weighted(options.comuni.filter((c) => c.regionCode === '03'), population)
  const elsewhere = weighted(options.comuni.filter((c) => c.regionCode !== '03'), population)
  const sector = weighted(SECTORS, (s) => s.share)
  const form = weighted(FORMS, (f) => f.weight)
  const band = weighted(SIZE_BANDS, (b) => b.share)
  const unitByKey = new Map(options.units.map((u) => [u.key, u]))
  let serial = options.firstSerial
  const nowMs = options.now.getTime()

  function unitFor(provinceCode: string): UnitPick {
    if (options.onlyUnit) return options.onlyUnit
    const keys = ANTENNA_OF_PROVINCE[provinceCode]
    const unit = keys ? unitByKey.get(pick(keys)) : pick(options.units)
    if (!unit) throw new Error(`no antenna for province ${provinceCode}`)
    return unit
  }

  function company(): GeneratedCompany {
    const s = sector(random)
    const comune = random() < 0.9 ? lombardy(random) : elsewhere(random)
    const word = pick(s.words)
    const pattern = random()
    const adjective = ADJECTIVES[comune.provinceCode]
    const base =
      pattern < 0.3 ? `${word} ${pick(SURNAMES)}`
      : pattern < 0.5 && adjective ? `${word} ${adjective}`
      : pattern < 0.65 ? `${word} ${comune.name}`
      : pattern < 0.8 ? `${pick(SURNAMES)} ${word}`
      : pattern < 0.9 ? `${pick(SURNAMES)} & ${pick(SURNAMES)}`
      : `${word} ${pick(AREAS)}`
    const f = s.coop && random() < 0.7 ? { form: 'cooperativa_sociale', suffix: 'Soc. Coop. Sociale' } : form(random)
    const name = [base, f.suffix].filter(Boolean).join(' ')
    const b = band(random)
    const employees = b.min + Math.floor(random() * random() * (b.max - b.min + 1))
    const turnover = Math.round(employees * (60_000 + random() * 180_000))
    const balanceSheetTotal = Math.round(turnover * (0.5 + random() * 0.7))
    const ateco = pick(s.ateco)
    serial += 1 + Math.floor(random() * 3)
    // Partita IVA: 7-digit serial, 3-digit office code (the province's ISTAT code), Luhn check digit.
    const first10 = `${String(serial).padStart(7, '0')}${vatOffice(comune.istat.slice(0, 3))}`
    const vatNumber = `${first10}${vatCheckDigit(first10)}`
    const slug = normalizeText(base).replace(/[^a-z0-9]+/g, '')
    const tags = random() < 0.3 ? ['newsletter'] : []
    if (random() < 0.1) tags.push('bando-voucher')
    const nameKey = normalizeText(name)
    return {
      id: randomUUID(),
      unitId: unitFor(comune.provinceCode).id,
      name,
      vatNumber,
      legalForm: f.form,
      isCooperative: f.form.includes('cooperativa'),
      atecoCode: ateco,
      atecoSection: atecoSectionOf(ateco),
      employees,
      turnover,
      balanceSheetTotal,
      foundingYear: 1950 + Math.floor(random() * 74),
      sizeDerived: deriveCompanySize({ employees, turnover, balanceSheetTotal }),
      website: `https://www.${slug}.it`,
      email: `info@${slug}.it`,
      phone: `0${30 + Math.floor(random() * 10)} ${String(100_000 + Math.floor(random() * 900_000))}`,
      address: `${pick(STREETS)} ${1 + Math.floor(random() * 150)}`,
      comune,
      tags,
      stage: 'contacted',
      nameKey,
      // As companies.service derivedColumns: name, VAT, comune, province (+ description, notes, tags).
      searchText: normalizeText([name, vatNumber, comune.name, comune.provinceCode, tags.join(' ')].filter(Boolean).join(' ')),
      createdAt: new Date(nowMs - Math.floor(random() * 3 * 365 * 86_400_000)),
    }
  }

  /** `n` interactions over the last two years; also sets the company's stage (the furthest signal, sometimes beyond). */
  function interactionsOf(c: GeneratedCompany, n: number): GeneratedInteraction[] {
    const unit = options.units.find((u) => u.id === c.unitId)
    const out: GeneratedInteraction[] = []
    let rank = 0
    for (let i = 0; i < n; i++) {
      const kind = pick(INTERACTIONS)
      rank = Math.max(rank, STAGE_RANK.indexOf(kind.stage))
      out.push({
        id: randomUUID(),
        unitId: c.unitId,
        companyId: c.id,
        kind: kind.kind,
        stage: kind.stage,
        occurredAt: new Date(nowMs - Math.floor(random() * 2 * 365 * 86_400_000)),
        subject: pick(kind.subjects),
        authorId: unit && unit.authorIds.length ? pick(unit.authorIds) : null,
      })
    }
    // Later modules (assessments, roadmaps, support days) move some companies further along.
    const later = random()
    if (later < 0.02) rank = 4
    else if (later < 0.05) rank = 3
    else if (later < 0.12) rank = 2
    c.stage = STAGE_RANK[rank] ?? 'contacted'
    return out
  }

  return { company, interactionsOf }
}

/** One CSV field as PostgreSQL's COPY (FORMAT csv) reads it: empty unquoted = NULL. */
export function csvField(value: string | number | boolean | Date | null): string {
  if (value === null) return ''
  if (value instanceof Date) return value.toISOString()
  const text = String(value)
  if (text === '' || /[",\n\r]/.test(text)) return `"${text.replace(/"/g, '""')}"`
  return text
}

/** PostgreSQL array literal for a text[] column (tags: plain slugs, no quoting needed). */
export function textArray(values: string[]): string {
  return `{${values.join(',')}}`
}

export const COMPANY_COPY_COLUMNS = [
  'id', 'unit_id', 'name', 'vat_number', 'tax_code', 'legal_form', 'is_cooperative', 'ateco_edition', 'ateco_code', 'ateco_section',
  'employees', 'turnover', 'balance_sheet_total', 'founding_year', 'size_derived', 'website', 'email', 'phone', 'address',
  'comune_istat', 'province_code', 'region_code', 'tags', 'stage', 'name_key', 'search_text', 'created_at', 'updated_at',
] as const

export function companyCsvLine(c: GeneratedCompany): string {
  return [
    c.id, c.unitId, c.name, c.vatNumber, c.vatNumber, c.legalForm, c.isCooperative, '2007', c.atecoCode, c.atecoSection,
    c.employees, c.turnover, c.balanceSheetTotal, c.foundingYear, c.sizeDerived, c.website, c.email, c.phone, c.address,
    c.comune.istat, c.comune.provinceCode, c.comune.regionCode, textArray(c.tags), c.stage, c.nameKey, c.searchText, c.createdAt, c.createdAt,
  ].map(csvField).join(',') + '\n'
}

export const INTERACTION_COPY_COLUMNS = ['id', 'unit_id', 'company_id', 'kind', 'occurred_at', 'subject', 'author_id', 'source', 'created_at', 'updated_at'] as const

export function interactionCsvLine(i: GeneratedInteraction): string {
  return [i.id, i.unitId, i.companyId, i.kind, i.occurredAt, i.subject, i.authorId, 'manual', i.occurredAt, i.occurredAt].map(csvField).join(',') + '\n'
}

export const ACTIVITY_COPY_COLUMNS = ['company_id', 'stage', 'source_type', 'source_id', 'occurred_at'] as const

export function activityCsvLine(i: GeneratedInteraction): string {
  return [i.companyId, i.stage, 'interaction', i.id, i.occurredAt].map(csvField).join(',') + '\n'
}

const IMPORT_HEADERS = ['Ragione sociale', 'Partita IVA', 'Codice fiscale', 'Forma giuridica', 'Codice ATECO', 'Indirizzo', 'Comune', 'Provincia', 'Dipendenti', 'Fatturato', 'Email', 'PEC', 'Telefono', 'Sito web']
const FORM_LABELS: Record<string, string> = {
  srl: 'SRL', srls: 'SRLS', spa: 'SPA', snc: 'SNC', sas: 'SAS', ditta_individuale: 'Ditta individuale', consorzio: 'Consorzio',
  societa_cooperativa: 'Società cooperativa', cooperativa_sociale: 'Cooperativa sociale',
}

/** Italian money as Excel users type it: `1.234.567,89`. */
function italianNumber(n: number): string {
  const [int, dec] = n.toFixed(2).split('.')
  return `${(int ?? '0').replace(/\B(?=(\d{3})+(?!\d))/g, '.')},${dec ?? '00'}`
}

/** The import file as an Italian user exports it from Excel: semicolon, UTF-8 with BOM, Italian headers. */
export function importCsv(rows: GeneratedCompany[]): Buffer {
  const cell = (v: string) => (/[";\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)
  const lines = [IMPORT_HEADERS.join(';')]
  for (const c of rows) {
    lines.push(
      [c.name, c.vatNumber, c.vatNumber, FORM_LABELS[c.legalForm] ?? 'SRL', c.atecoCode, c.address, c.comune.name, c.comune.provinceCode,
        String(c.employees), italianNumber(c.turnover), c.email, '', c.phone, c.website].map(cell).join(';'),
    )
  }
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8')
}
