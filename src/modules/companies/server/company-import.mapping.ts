/**
 * Which column fills which field: headers recognised in Italian or English (case, accents, spaces
 * and punctuation ignored), the network's custom fields by key or label, and legal-form text as
 * people write it ("S.r.l.", "Srl", "società cooperativa") mapped to LEGAL_FORMS. Pure functions.
 */
import { COMPANY_IMPORT_FIELDS, CUSTOM_FIELD_PREFIX, type CompanyImportField } from '../company-import.contract'
import type { LegalForm } from '../companies.reference'

/** `Partita IVA` → `partitaiva`, `Città` → `citta`, `P. IVA` → `piva`. */
export function headerKey(header: string): string {
  return header.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase().replace(/[^a-z0-9]/g, '')
}

/**
 * Headers always recognised (issue 3: the Italian ones and their English equivalents), plus the
 * usual variants of registry exports (Registro Imprese, AIDA, Excel lists kept by staff).
 */
const ALIASES: Record<CompanyImportField, string[]> = {
  name: ['Ragione sociale', 'Denominazione', 'Azienda', 'Nome azienda', 'Impresa', 'Company name', 'Company', 'Name', 'Business name'],
  vatNumber: ['Partita IVA', 'P.IVA', 'P. IVA', 'PIVA', 'Part. IVA', 'VAT number', 'VAT', 'VAT no', 'VAT ID', 'VAT code'],
  taxCode: ['Codice fiscale', 'C.F.', 'CF', 'Tax code', 'Fiscal code'],
  legalForm: ['Forma giuridica', 'Natura giuridica', 'Legal form'],
  atecoCode: ['Codice ATECO', 'ATECO', 'Codice attività', 'ATECO code'],
  address: ['Indirizzo', 'Via', 'Indirizzo sede', 'Address', 'Street'],
  comune: ['Comune', 'Città', 'Codice ISTAT', 'Codice ISTAT comune', 'Municipality', 'City', 'Town'],
  province: ['Provincia', 'Prov', 'Prov.', 'Sigla provincia', 'Province'],
  employees: ['Dipendenti', 'Numero dipendenti', 'N. dipendenti', 'Addetti', 'Employees', 'Number of employees', 'Staff', 'Headcount'],
  turnover: ['Fatturato', 'Ricavi', 'Ricavi delle vendite', 'Turnover', 'Revenue', 'Revenues'],
  balanceSheetTotal: ['Totale attivo', 'Totale di bilancio', 'Totale bilancio', 'Balance sheet total', 'Total assets'],
  foundingYear: ['Anno di fondazione', 'Anno fondazione', 'Anno di costituzione', 'Founding year', 'Year founded', 'Founded'],
  email: ['Email', 'E-mail', 'Mail', 'Posta elettronica', 'Email address'],
  pec: ['PEC', 'Posta elettronica certificata', 'Indirizzo PEC', 'Email PEC', 'Certified email', 'Certified e-mail'],
  phone: ['Telefono', 'Tel', 'Tel.', 'Cellulare', 'Phone', 'Telephone', 'Phone number'],
  website: ['Sito web', 'Sito', 'Sito internet', 'Web', 'Website', 'Web site', 'URL'],
  tags: ['Tag', 'Tags', 'Etichette'],
  description: ['Descrizione', 'Description'],
  notes: ['Note', 'Notes'],
}

const BY_KEY = new Map<string, CompanyImportField>()
for (const field of COMPANY_IMPORT_FIELDS) for (const alias of ALIASES[field]) BY_KEY.set(headerKey(alias), field)

/** Labels of the fields in each language, for the mapping step and for export headers. */
export const IMPORT_FIELD_LABELS: Record<CompanyImportField, { it: string; en: string }> = {
  name: { it: 'Ragione sociale', en: 'Company name' },
  vatNumber: { it: 'Partita IVA', en: 'VAT number' },
  taxCode: { it: 'Codice fiscale', en: 'Tax code' },
  legalForm: { it: 'Forma giuridica', en: 'Legal form' },
  atecoCode: { it: 'Codice ATECO', en: 'ATECO code' },
  address: { it: 'Indirizzo', en: 'Address' },
  comune: { it: 'Comune', en: 'Municipality' },
  province: { it: 'Provincia', en: 'Province' },
  employees: { it: 'Dipendenti', en: 'Employees' },
  turnover: { it: 'Fatturato', en: 'Turnover' },
  balanceSheetTotal: { it: 'Totale attivo', en: 'Balance sheet total' },
  foundingYear: { it: 'Anno di fondazione', en: 'Founding year' },
  email: { it: 'Email', en: 'Email' },
  pec: { it: 'PEC', en: 'Certified email' },
  phone: { it: 'Telefono', en: 'Phone' },
  website: { it: 'Sito web', en: 'Website' },
  tags: { it: 'Tag', en: 'Tags' },
  description: { it: 'Descrizione', en: 'Description' },
  notes: { it: 'Note', en: 'Notes' },
}

export interface CustomFieldTarget {
  key: string
  labelIt: string
  labelEn: string
  type: string
  options: { value: string; it: string; en: string }[]
}

/**
 * The suggested mapping: column index → field. A field goes to the first column naming it; custom
 * fields match their key or either label. Unknown headers stay unmapped.
 */
export function suggestMapping(headers: readonly string[], customFields: readonly CustomFieldTarget[] = []): Record<string, string> {
  const custom = new Map<string, string>()
  for (const f of customFields) {
    for (const name of [f.key, f.labelIt, f.labelEn]) custom.set(headerKey(name), `${CUSTOM_FIELD_PREFIX}${f.key}`)
  }
  const mapping: Record<string, string> = {}
  const taken = new Set<string>()
  headers.forEach((header, index) => {
    const key = headerKey(header)
    if (!key) return
    const field = BY_KEY.get(key) ?? custom.get(key)
    if (field && !taken.has(field)) {
      mapping[String(index)] = field
      taken.add(field)
    }
  })
  return mapping
}

const LEGAL_FORM_WORDS: Record<string, LegalForm> = {
  srl: 'srl',
  societaaresponsabilitalimitata: 'srl',
  srls: 'srls',
  srlsemplificata: 'srls',
  societaaresponsabilitalimitatasemplificata: 'srls',
  spa: 'spa',
  societaperazioni: 'spa',
  sapa: 'sapa',
  societainaccomanditaperazioni: 'sapa',
  snc: 'snc',
  societainnomecollettivo: 'snc',
  sas: 'sas',
  societainaccomanditasemplice: 'sas',
  dittaindividuale: 'ditta_individuale',
  impresaindividuale: 'ditta_individuale',
  ditta: 'ditta_individuale',
  di: 'ditta_individuale',
  societacooperativa: 'societa_cooperativa',
  cooperativa: 'societa_cooperativa',
  coop: 'societa_cooperativa',
  scarl: 'societa_cooperativa',
  scrl: 'societa_cooperativa',
  scpa: 'societa_cooperativa',
  sc: 'societa_cooperativa',
  cooperativasociale: 'cooperativa_sociale',
  coopsociale: 'cooperativa_sociale',
  consorzio: 'consorzio',
  scons: 'consorzio',
  consorziocooperativo: 'consorzio',
  retedimpresa: 'rete_impresa',
  retediimpresa: 'rete_impresa',
  retediimprese: 'rete_impresa',
  reteimpresa: 'rete_impresa',
  associazione: 'associazione',
  fondazione: 'fondazione',
  entepubblico: 'ente_pubblico',
  pubblicaamministrazione: 'ente_pubblico',
  altro: 'altro',
  altraforma: 'altro',
}

/**
 * A legal form as written ("S.r.l.", "SRL", "Società a responsabilità limitata", "soc. coop.
 * a r.l.") → LEGAL_FORMS; null when it is not recognised.
 */
export function parseLegalForm(text: string): LegalForm | null {
  const key = headerKey(text)
  if (!key) return null
  const exact = LEGAL_FORM_WORDS[key]
  if (exact) return exact
  if (key.includes('cooperativasociale') || key.includes('coopsociale')) return 'cooperativa_sociale'
  if (key.startsWith('consorzi')) return 'consorzio'
  if (key.includes('cooperativ') || key.startsWith('soccoop')) return 'societa_cooperativa'
  return null
}
