/**
 * Reference labels of the catalogue: Italian funding instruments, effort levels, horizons and EDIH
 * service types, in Italian and English. Funding names are the programmes' own Italian names; the
 * descriptions are Ponte's short summaries, to be checked against each call before advising.
 */
import type { EdihServiceType, FundingInstrument, LocalizedText, RoadmapHorizon } from './catalogue.types'

export const FUNDING_INSTRUMENTS: readonly FundingInstrument[] = [
  {
    id: 'transizione-5-0',
    name: { it: "Credito d'imposta Transizione 5.0", en: 'Transizione 5.0 tax credit' },
    description: {
      it: "Credito d'imposta per investimenti in beni materiali e immateriali 4.0 che riducono i consumi energetici, inclusa la formazione collegata.",
      en: 'Tax credit for Industry 4.0 tangible and intangible investments that cut energy consumption, including related training.',
    },
    instruments: ['eu-dma-sme'],
  },
  {
    id: 'voucher-digitali-pid',
    name: { it: 'Voucher digitali delle Camere di commercio (PID)', en: 'Chamber of commerce digital vouchers (PID)' },
    description: {
      it: 'Contributi a fondo perduto dei Punti Impresa Digitale per consulenza, formazione e tecnologie digitali delle micro, piccole e medie imprese.',
      en: "Grants from the chambers of commerce's Digital Enterprise Points (PID) for digital consulting, training and technologies of micro, small and medium enterprises.",
    },
    instruments: ['eu-dma-sme'],
  },
  {
    id: 'nuova-sabatini',
    name: { it: 'Nuova Sabatini', en: 'Nuova Sabatini' },
    description: {
      it: 'Finanziamento agevolato con contributo in conto interessi per macchinari, impianti, hardware e software, maggiorato per gli investimenti 4.0.',
      en: 'Subsidised loans with an interest grant for machinery, equipment, hardware and software, higher for Industry 4.0 investments.',
    },
    instruments: ['eu-dma-sme'],
  },
  {
    id: 'fondo-nuove-competenze',
    name: { it: 'Fondo Nuove Competenze', en: 'New Skills Fund (Fondo Nuove Competenze)' },
    description: {
      it: 'Rimborso del costo delle ore di lavoro dedicate alla formazione previste da accordi collettivi di rimodulazione dell’orario.',
      en: 'Reimburses the cost of working hours spent in training under collective agreements that reshape working time.',
    },
    instruments: ['eu-dma-sme'],
  },
  {
    id: 'fondi-interprofessionali',
    name: { it: 'Fondi paritetici interprofessionali (es. Fondimpresa, Fon.Coop)', en: 'Interprofessional training funds (e.g. Fondimpresa, Fon.Coop)' },
    description: {
      it: "Formazione finanziata con i contributi già versati dall'impresa (conto formazione e avvisi); Fon.Coop per le cooperative.",
      en: "Training paid from the contributions the company already pays (training account and calls); Fon.Coop serves cooperatives.",
    },
    instruments: ['eu-dma-sme', 'eu-dma-pso'],
  },
  {
    id: 'pnrr-pa-digitale',
    name: { it: 'PNRR – avvisi PA digitale 2026', en: 'NRRP – "PA digitale 2026" calls' },
    description: {
      it: 'Avvisi della Missione 1 del PNRR per gli enti pubblici: migrazione al cloud, servizi digitali, piattaforme abilitanti (SPID/CIE, pagoPA, App IO, PDND).',
      en: "NRRP Mission 1 calls for public bodies: cloud migration, digital services, enabling platforms (SPID/CIE, pagoPA, App IO, PDND).",
    },
    instruments: ['eu-dma-pso'],
  },
  {
    id: 'bandi-regionali',
    name: { it: 'Bandi regionali e fondi FESR', en: 'Regional calls and ERDF funds' },
    description: {
      it: 'Bandi delle Regioni (programmi FESR e FSE+) per digitalizzazione, innovazione, sostenibilità e competenze.',
      en: 'Regional calls (ERDF and ESF+ programmes) for digitalisation, innovation, sustainability and skills.',
    },
    instruments: ['eu-dma-sme', 'eu-dma-pso'],
  },
]

/** Indexed by effort level 1-5. */
export const EFFORT_LABELS: { readonly [L in 1 | 2 | 3 | 4 | 5]: LocalizedText } = {
  1: { it: 'Molto basso', en: 'Very low' },
  2: { it: 'Basso', en: 'Low' },
  3: { it: 'Medio', en: 'Medium' },
  4: { it: 'Alto', en: 'High' },
  5: { it: 'Molto alto', en: 'Very high' },
}

export const HORIZON_LABELS: { readonly [H in RoadmapHorizon]: LocalizedText } = {
  quick: { it: 'Risultati rapidi (0-6 mesi)', en: 'Quick win (0-6 months)' },
  medium: { it: 'Medio termine (6-18 mesi)', en: 'Medium term (6-18 months)' },
  long: { it: 'Lungo termine (18-36 mesi)', en: 'Long term (18-36 months)' },
}

export const SERVICE_TYPE_LABELS: { readonly [S in EdihServiceType]: LocalizedText } = {
  'test-before-invest': { it: 'Sperimentare prima di investire', en: 'Test before invest' },
  'skills-training': { it: 'Competenze e formazione', en: 'Skills and training' },
  'investment-support': { it: 'Supporto alla ricerca di investimenti', en: 'Support to find investments' },
  'ecosystem-networking': { it: "Ecosistema dell'innovazione e networking", en: 'Innovation ecosystem and networking' },
}
