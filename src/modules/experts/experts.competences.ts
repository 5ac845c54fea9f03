/**
 * Reference lists of the experts module (isomorphic, no Node imports): the curated competences an
 * expert declares, each mapped to the DMA dimensions it helps a company improve (the matching
 * function scores an expert's competences against a company's per-dimension gaps through this
 * map), the languages an expert may work in, and the small value lists of a profile.
 *
 * The competences follow the six DMA dimensions (D1 strategy, D2 digital readiness, D3
 * human-centric, D4 data and connectedness, D5 automation and AI, D6 green) and the digital
 * skills EDIH services deliver. Keys are stable (stored in profiles): add new ones, never rename;
 * to retire one, keep it and mark it `retired: true` so old profiles still show a label.
 */
import type { DmaDimensionId } from '../assessments/assessments.contract'

export interface ExpertCompetence {
  key: string
  it: string
  en: string
  /** DMA dimensions the competence serves; the first is the one it is grouped under in forms. */
  dimensions: readonly [DmaDimensionId, ...DmaDimensionId[]]
  retired?: boolean
}

export const EXPERT_COMPETENCES: readonly ExpertCompetence[] = [
  // D1 Digital business strategy
  { key: 'digital-strategy', it: 'Strategia e trasformazione digitale', en: 'Digital strategy and transformation', dimensions: ['D1'] },
  { key: 'business-model-innovation', it: 'Innovazione del modello di business', en: 'Business model innovation', dimensions: ['D1'] },
  { key: 'funding-incentives', it: 'Finanza agevolata e incentivi (Transizione 5.0, voucher, Nuova Sabatini)', en: 'Funding and incentives (Transizione 5.0, vouchers, Nuova Sabatini)', dimensions: ['D1'] },
  { key: 'change-management', it: 'Gestione del cambiamento organizzativo', en: 'Organisational change management', dimensions: ['D1', 'D3'] },
  { key: 'project-management', it: 'Project management di progetti digitali', en: 'Digital project management', dimensions: ['D1', 'D2'] },
  { key: 'lean-operations', it: 'Lean management e ottimizzazione dei processi', en: 'Lean management and process optimisation', dimensions: ['D1', 'D5'] },
  // D2 Digital readiness
  { key: 'erp-systems', it: 'ERP e gestionali aziendali', en: 'ERP and business management systems', dimensions: ['D2'] },
  { key: 'crm-sales', it: 'CRM e digitalizzazione delle vendite', en: 'CRM and sales digitalisation', dimensions: ['D2'] },
  { key: 'ecommerce-marketing', it: 'E-commerce e marketing digitale', en: 'E-commerce and digital marketing', dimensions: ['D2'] },
  { key: 'cloud-infrastructure', it: 'Cloud e infrastrutture IT', en: 'Cloud and IT infrastructure', dimensions: ['D2', 'D4'] },
  { key: 'industry-40-iot', it: 'Industria 4.0, IoT e macchine interconnesse', en: 'Industry 4.0, IoT and connected machines', dimensions: ['D2', 'D5'] },
  { key: 'public-sector-digital', it: 'Digitalizzazione della PA (SPID, pagoPA, interoperabilità)', en: 'Public sector digitalisation (SPID, pagoPA, interoperability)', dimensions: ['D2', 'D4'] },
  // D3 Human-centric digitalisation
  { key: 'digital-skills-training', it: 'Formazione sulle competenze digitali', en: 'Digital skills training', dimensions: ['D3'] },
  { key: 'digital-workplace', it: 'Organizzazione del lavoro e strumenti collaborativi', en: 'Digital workplace and collaboration tools', dimensions: ['D3'] },
  { key: 'user-centred-design', it: "Progettazione centrata sull'utente (UX)", en: 'User-centred design (UX)', dimensions: ['D3', 'D2'] },
  { key: 'hr-upskilling', it: 'Piani di riqualificazione del personale (Fondo Nuove Competenze)', en: 'Staff upskilling plans (Fondo Nuove Competenze)', dimensions: ['D3', 'D1'] },
  // D4 Data management and connectedness
  { key: 'data-governance', it: 'Gestione e governance dei dati', en: 'Data management and governance', dimensions: ['D4'] },
  { key: 'data-analytics', it: 'Analisi dei dati e business intelligence', en: 'Data analytics and business intelligence', dimensions: ['D4', 'D5'] },
  { key: 'cybersecurity', it: 'Sicurezza informatica', en: 'Cybersecurity', dimensions: ['D4'] },
  { key: 'privacy-gdpr', it: 'Protezione dei dati personali (GDPR)', en: 'Personal data protection (GDPR)', dimensions: ['D4', 'D3'] },
  { key: 'systems-integration', it: 'Integrazione di sistemi e API', en: 'Systems integration and APIs', dimensions: ['D4', 'D2'] },
  // D5 Automation and AI
  { key: 'process-automation', it: 'Automazione dei processi (RPA, workflow)', en: 'Process automation (RPA, workflows)', dimensions: ['D5'] },
  { key: 'artificial-intelligence', it: 'Intelligenza artificiale e machine learning', en: 'Artificial intelligence and machine learning', dimensions: ['D5', 'D4'] },
  { key: 'generative-ai', it: 'AI generativa (assistenti, chatbot)', en: 'Generative AI (assistants, chatbots)', dimensions: ['D5', 'D3'] },
  { key: 'robotics', it: 'Robotica e automazione industriale', en: 'Robotics and industrial automation', dimensions: ['D5'] },
  // D6 Green digitalisation
  { key: 'energy-efficiency', it: 'Efficienza energetica e monitoraggio dei consumi', en: 'Energy efficiency and consumption monitoring', dimensions: ['D6'] },
  { key: 'sustainability-esg', it: 'Sostenibilità e rendicontazione ESG', en: 'Sustainability and ESG reporting', dimensions: ['D6', 'D1'] },
  { key: 'circular-economy', it: 'Economia circolare e tracciabilità dei prodotti', en: 'Circular economy and product traceability', dimensions: ['D6', 'D4'] },
]

export const EXPERT_COMPETENCE_KEYS = EXPERT_COMPETENCES.map((c) => c.key) as [string, ...string[]]

const COMPETENCE_BY_KEY: ReadonlyMap<string, ExpertCompetence> = new Map(EXPERT_COMPETENCES.map((c) => [c.key, c]))

export function findExpertCompetence(key: string): ExpertCompetence | undefined {
  return COMPETENCE_BY_KEY.get(key)
}

/** Languages an expert may work in (ISO 639-1), Italian first. */
export const EXPERT_LANGUAGES = [
  { code: 'it', it: 'Italiano', en: 'Italian' },
  { code: 'en', it: 'Inglese', en: 'English' },
  { code: 'de', it: 'Tedesco', en: 'German' },
  { code: 'fr', it: 'Francese', en: 'French' },
  { code: 'es', it: 'Spagnolo', en: 'Spanish' },
  { code: 'pt', it: 'Portoghese', en: 'Portuguese' },
  { code: 'ro', it: 'Rumeno', en: 'Romanian' },
  { code: 'sq', it: 'Albanese', en: 'Albanian' },
  { code: 'ar', it: 'Arabo', en: 'Arabic' },
  { code: 'zh', it: 'Cinese', en: 'Chinese' },
  { code: 'ru', it: 'Russo', en: 'Russian' },
  { code: 'uk', it: 'Ucraino', en: 'Ukrainian' },
  { code: 'pl', it: 'Polacco', en: 'Polish' },
  { code: 'hi', it: 'Hindi', en: 'Hindi' },
] as const
export const EXPERT_LANGUAGE_CODES = EXPERT_LANGUAGES.map((l) => l.code) as [string, ...string[]]

/** Life of a profile: the expert edits (draft), submits, staff approve or reject; editing an approved profile submits it again. */
export const EXPERT_PROFILE_STATUSES = ['draft', 'submitted', 'approved', 'rejected'] as const
export type ExpertProfileStatus = (typeof EXPERT_PROFILE_STATUSES)[number]

export const EXPERT_KINDS = ['manager', 'consultant', 'other'] as const
export type ExpertKind = (typeof EXPERT_KINDS)[number]

/** Kinds of tie to an organisation that can make an expert conflicted. */
export const EXPERT_TIE_KINDS = ['employer', 'client', 'shareholder', 'family', 'other'] as const
export type ExpertTieKind = (typeof EXPERT_TIE_KINDS)[number]
