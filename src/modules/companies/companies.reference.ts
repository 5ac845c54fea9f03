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

export interface AtecoDivision {
  /** Two digits, `01`–`99`. */
  code: string
  section: string
  it: string
  en: string
}

/**
 * The 88 divisions of ATECO 2007 with their titles. Sources: ISTAT, "Classificazione delle attività
 * economiche ATECO 2007" (Italian titles); Eurostat, NACE Rev. 2 (English titles), which ATECO 2007
 * follows to the division. The section of each comes from the ranges above.
 */
const DIVISION_TITLES: readonly [code: string, it: string, en: string][] = [
  ['01', 'Coltivazioni agricole e produzione di prodotti animali, caccia e servizi connessi', 'Crop and animal production, hunting and related service activities'],
  ['02', 'Silvicoltura ed utilizzo di aree forestali', 'Forestry and logging'],
  ['03', 'Pesca e acquacoltura', 'Fishing and aquaculture'],
  ['05', 'Estrazione di carbone (esclusa torba)', 'Mining of coal and lignite'],
  ['06', 'Estrazione di petrolio greggio e di gas naturale', 'Extraction of crude petroleum and natural gas'],
  ['07', 'Estrazione di minerali metalliferi', 'Mining of metal ores'],
  ['08', 'Altre attività di estrazione di minerali da cave e miniere', 'Other mining and quarrying'],
  ['09', "Attività dei servizi di supporto all'estrazione", 'Mining support service activities'],
  ['10', 'Industrie alimentari', 'Manufacture of food products'],
  ['11', 'Industria delle bevande', 'Manufacture of beverages'],
  ['12', 'Industria del tabacco', 'Manufacture of tobacco products'],
  ['13', 'Industrie tessili', 'Manufacture of textiles'],
  ['14', "Confezione di articoli di abbigliamento; confezione di articoli in pelle e pelliccia", 'Manufacture of wearing apparel'],
  ['15', 'Fabbricazione di articoli in pelle e simili', 'Manufacture of leather and related products'],
  ['16', "Industria del legno e dei prodotti in legno e sughero (esclusi i mobili); fabbricazione di articoli in paglia e materiali da intreccio", 'Manufacture of wood and of products of wood and cork, except furniture; manufacture of articles of straw and plaiting materials'],
  ['17', 'Fabbricazione di carta e di prodotti di carta', 'Manufacture of paper and paper products'],
  ['18', 'Stampa e riproduzione di supporti registrati', 'Printing and reproduction of recorded media'],
  ['19', 'Fabbricazione di coke e prodotti derivanti dalla raffinazione del petrolio', 'Manufacture of coke and refined petroleum products'],
  ['20', 'Fabbricazione di prodotti chimici', 'Manufacture of chemicals and chemical products'],
  ['21', 'Fabbricazione di prodotti farmaceutici di base e di preparati farmaceutici', 'Manufacture of basic pharmaceutical products and pharmaceutical preparations'],
  ['22', 'Fabbricazione di articoli in gomma e materie plastiche', 'Manufacture of rubber and plastic products'],
  ['23', 'Fabbricazione di altri prodotti della lavorazione di minerali non metalliferi', 'Manufacture of other non-metallic mineral products'],
  ['24', 'Metallurgia', 'Manufacture of basic metals'],
  ['25', 'Fabbricazione di prodotti in metallo (esclusi macchinari e attrezzature)', 'Manufacture of fabricated metal products, except machinery and equipment'],
  ['26', 'Fabbricazione di computer e prodotti di elettronica e ottica; apparecchi elettromedicali, apparecchi di misurazione e di orologi', 'Manufacture of computer, electronic and optical products'],
  ['27', 'Fabbricazione di apparecchiature elettriche ed apparecchiature per uso domestico non elettriche', 'Manufacture of electrical equipment'],
  ['28', 'Fabbricazione di macchinari ed apparecchiature nca', 'Manufacture of machinery and equipment n.e.c.'],
  ['29', 'Fabbricazione di autoveicoli, rimorchi e semirimorchi', 'Manufacture of motor vehicles, trailers and semi-trailers'],
  ['30', 'Fabbricazione di altri mezzi di trasporto', 'Manufacture of other transport equipment'],
  ['31', 'Fabbricazione di mobili', 'Manufacture of furniture'],
  ['32', 'Altre industrie manifatturiere', 'Other manufacturing'],
  ['33', 'Riparazione, manutenzione ed installazione di macchine ed apparecchiature', 'Repair and installation of machinery and equipment'],
  ['35', 'Fornitura di energia elettrica, gas, vapore e aria condizionata', 'Electricity, gas, steam and air conditioning supply'],
  ['36', 'Raccolta, trattamento e fornitura di acqua', 'Water collection, treatment and supply'],
  ['37', 'Gestione delle reti fognarie', 'Sewerage'],
  ['38', 'Attività di raccolta, trattamento e smaltimento dei rifiuti; recupero dei materiali', 'Waste collection, treatment and disposal activities; materials recovery'],
  ['39', 'Attività di risanamento e altri servizi di gestione dei rifiuti', 'Remediation activities and other waste management services'],
  ['41', 'Costruzione di edifici', 'Construction of buildings'],
  ['42', 'Ingegneria civile', 'Civil engineering'],
  ['43', 'Lavori di costruzione specializzati', 'Specialised construction activities'],
  ['45', "Commercio all'ingrosso e al dettaglio e riparazione di autoveicoli e motocicli", 'Wholesale and retail trade and repair of motor vehicles and motorcycles'],
  ['46', "Commercio all'ingrosso (escluso quello di autoveicoli e di motocicli)", 'Wholesale trade, except of motor vehicles and motorcycles'],
  ['47', 'Commercio al dettaglio (escluso quello di autoveicoli e di motocicli)', 'Retail trade, except of motor vehicles and motorcycles'],
  ['49', 'Trasporto terrestre e trasporto mediante condotte', 'Land transport and transport via pipelines'],
  ['50', 'Trasporto marittimo e per vie d’acqua', 'Water transport'],
  ['51', 'Trasporto aereo', 'Air transport'],
  ['52', 'Magazzinaggio e attività di supporto ai trasporti', 'Warehousing and support activities for transportation'],
  ['53', 'Servizi postali e attività di corriere', 'Postal and courier activities'],
  ['55', 'Alloggio', 'Accommodation'],
  ['56', 'Attività dei servizi di ristorazione', 'Food and beverage service activities'],
  ['58', 'Attività editoriali', 'Publishing activities'],
  ['59', 'Attività di produzione cinematografica, di video e di programmi televisivi, di registrazioni musicali e sonore', 'Motion picture, video and television programme production, sound recording and music publishing activities'],
  ['60', 'Attività di programmazione e trasmissione', 'Programming and broadcasting activities'],
  ['61', 'Telecomunicazioni', 'Telecommunications'],
  ['62', 'Produzione di software, consulenza informatica e attività connesse', 'Computer programming, consultancy and related activities'],
  ['63', 'Attività dei servizi d’informazione e altri servizi informatici', 'Information service activities'],
  ['64', 'Attività di servizi finanziari (escluse le assicurazioni e i fondi pensione)', 'Financial service activities, except insurance and pension funding'],
  ['65', 'Assicurazioni, riassicurazioni e fondi pensione (escluse le assicurazioni sociali obbligatorie)', 'Insurance, reinsurance and pension funding, except compulsory social security'],
  ['66', 'Attività ausiliarie dei servizi finanziari e delle attività assicurative', 'Activities auxiliary to financial services and insurance activities'],
  ['68', 'Attività immobiliari', 'Real estate activities'],
  ['69', 'Attività legali e contabilità', 'Legal and accounting activities'],
  ['70', 'Attività di direzione aziendale e di consulenza gestionale', 'Activities of head offices; management consultancy activities'],
  ['71', 'Attività degli studi di architettura e d’ingegneria; collaudi ed analisi tecniche', 'Architectural and engineering activities; technical testing and analysis'],
  ['72', 'Ricerca scientifica e sviluppo', 'Scientific research and development'],
  ['73', 'Pubblicità e ricerche di mercato', 'Advertising and market research'],
  ['74', 'Altre attività professionali, scientifiche e tecniche', 'Other professional, scientific and technical activities'],
  ['75', 'Servizi veterinari', 'Veterinary activities'],
  ['77', 'Attività di noleggio e leasing operativo', 'Rental and leasing activities'],
  ['78', 'Attività di ricerca, selezione, fornitura di personale', 'Employment activities'],
  ['79', 'Attività dei servizi delle agenzie di viaggio, dei tour operator e servizi di prenotazione e attività connesse', 'Travel agency, tour operator reservation service and related activities'],
  ['80', 'Servizi di vigilanza e investigazione', 'Security and investigation activities'],
  ['81', 'Attività di servizi per edifici e paesaggio', 'Services to buildings and landscape activities'],
  ['82', 'Attività di supporto per le funzioni d’ufficio e altri servizi di supporto alle imprese', 'Office administrative, office support and other business support activities'],
  ['84', 'Amministrazione pubblica e difesa; assicurazione sociale obbligatoria', 'Public administration and defence; compulsory social security'],
  ['85', 'Istruzione', 'Education'],
  ['86', 'Assistenza sanitaria', 'Human health activities'],
  ['87', 'Servizi di assistenza sociale residenziale', 'Residential care activities'],
  ['88', 'Assistenza sociale non residenziale', 'Social work activities without accommodation'],
  ['90', 'Attività creative, artistiche e di intrattenimento', 'Creative, arts and entertainment activities'],
  ['91', 'Attività di biblioteche, archivi, musei ed altre attività culturali', 'Libraries, archives, museums and other cultural activities'],
  ['92', "Attività riguardanti le lotterie, le scommesse, le case da gioco", 'Gambling and betting activities'],
  ['93', 'Attività sportive, di intrattenimento e di divertimento', 'Sports activities and amusement and recreation activities'],
  ['94', 'Attività di organizzazioni associative', 'Activities of membership organisations'],
  ['95', 'Riparazione di computer e di beni per uso personale e per la casa', 'Repair of computers and personal and household goods'],
  ['96', 'Altre attività di servizi per la persona', 'Other personal service activities'],
  ['97', 'Attività di famiglie e convivenze come datori di lavoro per personale domestico', 'Activities of households as employers of domestic personnel'],
  ['98', 'Produzione di beni e servizi indifferenziati per uso proprio da parte di famiglie e convivenze', 'Undifferentiated goods- and services-producing activities of private households for own use'],
  ['99', 'Organizzazioni ed organismi extraterritoriali', 'Activities of extraterritorial organisations and bodies'],
]

export const ATECO_2007_DIVISIONS: readonly AtecoDivision[] = DIVISION_TITLES.map(([code, it, en]) => ({
  code,
  section: atecoSectionOf(code) ?? '',
  it,
  en,
}))

export const ATECO_DIVISION_CODES = ATECO_2007_DIVISIONS.map((d) => d.code) as [string, ...string[]]
