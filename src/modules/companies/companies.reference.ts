/**
 * Reference lists of the companies module: legal forms and the ATECO 2007 structure (sections A–U
 * and their division ranges; NACE Rev. 2 has the same structure, with the English labels below).
 * Source: ISTAT ATECO 2007 (shared/data/README.md). ATECO 2025 (NACE Rev. 2.1, 22 sections) is a
 * separate edition: codes record their edition, and 2025 labels are not invented here.
 */
export const ATECO_EDITIONS = ['2007', '2025'] as const
export type AtecoEdition = (typeof ATECO_EDITIONS)[number]

export interface AtecoSection {
  code: string
  /** Inclusive range of two-digit divisions. */
  divisions: [from: number, to: number]
  it: string
  en: string
}

export const ATECO_2007_SECTIONS: readonly AtecoSection[] = [
  { code: 'A', divisions: [1, 3], it: 'Agricoltura, silvicoltura e pesca', en: 'Agriculture, forestry and fishing' },
  { code: 'B', divisions: [5, 9], it: 'Estrazione di minerali da cave e miniere', en: 'Mining and quarrying' },
  { code: 'C', divisions: [10, 33], it: 'Attività manifatturiere', en: 'Manufacturing' },
  { code: 'D', divisions: [35, 35], it: 'Fornitura di energia elettrica, gas, vapore e aria condizionata', en: 'Electricity, gas, steam and air conditioning supply' },
  { code: 'E', divisions: [36, 39], it: 'Fornitura di acqua, reti fognarie, gestione dei rifiuti e risanamento', en: 'Water supply; sewerage, waste management and remediation activities' },
  { code: 'F', divisions: [41, 43], it: 'Costruzioni', en: 'Construction' },
  { code: 'G', divisions: [45, 47], it: "Commercio all'ingrosso e al dettaglio, riparazione di autoveicoli e motocicli", en: 'Wholesale and retail trade; repair of motor vehicles and motorcycles' },
  { code: 'H', divisions: [49, 53], it: 'Trasporto e magazzinaggio', en: 'Transportation and storage' },
  { code: 'I', divisions: [55, 56], it: 'Servizi di alloggio e di ristorazione', en: 'Accommodation and food service activities' },
  { code: 'J', divisions: [58, 63], it: 'Servizi di informazione e comunicazione', en: 'Information and communication' },
  { code: 'K', divisions: [64, 66], it: 'Attività finanziarie e assicurative', en: 'Financial and insurance activities' },
  { code: 'L', divisions: [68, 68], it: 'Attività immobiliari', en: 'Real estate activities' },
  { code: 'M', divisions: [69, 75], it: 'Attività professionali, scientifiche e tecniche', en: 'Professional, scientific and technical activities' },
  { code: 'N', divisions: [77, 82], it: 'Noleggio, agenzie di viaggio, servizi di supporto alle imprese', en: 'Administrative and support service activities' },
  { code: 'O', divisions: [84, 84], it: 'Amministrazione pubblica e difesa, assicurazione sociale obbligatoria', en: 'Public administration and defence; compulsory social security' },
  { code: 'P', divisions: [85, 85], it: 'Istruzione', en: 'Education' },
  { code: 'Q', divisions: [86, 88], it: 'Sanità e assistenza sociale', en: 'Human health and social work activities' },
  { code: 'R', divisions: [90, 93], it: 'Attività artistiche, sportive, di intrattenimento e divertimento', en: 'Arts, entertainment and recreation' },
  { code: 'S', divisions: [94, 96], it: 'Altre attività di servizi', en: 'Other service activities' },
  { code: 'T', divisions: [97, 98], it: 'Attività di famiglie e convivenze come datori di lavoro per personale domestico', en: 'Activities of households as employers; undifferentiated goods- and services-producing activities of households for own use' },
  { code: 'U', divisions: [99, 99], it: 'Organizzazioni ed organismi extraterritoriali', en: 'Activities of extraterritorial organisations and bodies' },
]

export const ATECO_SECTION_CODES = ATECO_2007_SECTIONS.map((s) => s.code) as [string, ...string[]]

/** `25.62.00` → its division 25 → section C; null when the division belongs to no section. */
export function atecoSectionOf(code: string): string | null {
  const division = Number.parseInt(code.slice(0, 2), 10)
  if (!Number.isInteger(division)) return null
  return ATECO_2007_SECTIONS.find((s) => division >= s.divisions[0] && division <= s.divisions[1])?.code ?? null
}

/** ATECO code shape: division, optionally group/class/category/subcategory (`25`, `25.6`, `25.62.00`). */
export const ATECO_CODE_PATTERN = /^\d{2}(\.\d{1,2}){0,2}$/

export const LEGAL_FORMS = [
  'srl',
  'srls',
  'spa',
  'sapa',
  'snc',
  'sas',
  'ditta_individuale',
  'societa_cooperativa',
  'cooperativa_sociale',
  'consorzio',
  'rete_impresa',
  'associazione',
  'fondazione',
  'ente_pubblico',
  'altro',
] as const
export type LegalForm = (typeof LEGAL_FORMS)[number]

/** Legal forms that are cooperatives by definition (the flag stays editable for the others). */
export const COOPERATIVE_FORMS: ReadonlySet<LegalForm> = new Set(['societa_cooperativa', 'cooperativa_sociale'])

export const COMPANY_SIZES = ['micro', 'small', 'medium', 'large'] as const
export type CompanySize = (typeof COMPANY_SIZES)[number]

/** Journey of a company through the hub's services, derived from activity. */
export const JOURNEY_STAGES = ['contacted', 'engaged', 'assessed', 'roadmap', 'supported', 'reassessed'] as const
export type JourneyStage = (typeof JOURNEY_STAGES)[number]
