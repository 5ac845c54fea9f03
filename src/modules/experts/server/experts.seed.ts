/**
 * Demo expert pool: twelve approved profiles across the antennas (the demo's existing experts plus
 * new expert users), including experienced managers temporarily out of work placed by Sviluppo PMI,
 * one profile waiting for review and one expert who has not written a profile yet. Written straight
 * to the tables (no audit: a seed is not a user action), approved by the manager of the expert's
 * first unit.
 */
import { sql } from 'drizzle-orm'
import type { Db } from '../../../server/db/client'
import { insertUserWithPassword } from '../../identity'
import type { ExpertKind, ExpertProfileStatus, ExpertTieKind } from '../experts.reference'
import { expertProfiles } from './experts.table'

export interface DemoExpertsInput {
  /** Demo units by key (`hub`, `bg`, `bs`, `mi`, …). */
  unitIds: ReadonlyMap<string, { id: string }>
  /** Existing demo users by email (the experts already in the network, and reviewers). */
  userIds: ReadonlyMap<string, string>
  passwordHash: string
  now?: Date
}

interface DemoExpert {
  email: string
  name: string
  /** Units where the user is an expert; only for new users (existing ones keep their grants). */
  units?: string[]
  reviewer: string
  status?: ExpertProfileStatus
  kind: ExpertKind
  programme?: string
  outOfWork?: boolean
  headline: string
  bio: string
  competences: string[]
  sectors: string[]
  provinces: string[]
  home: string
  languages: string[]
  days: number
  employer?: [name: string, vat: string | null]
  ties?: { name: string; vatNumber: string | null; kind: ExpertTieKind }[]
}

const SVILUPPO_PMI = 'Sviluppo PMI'

export const DEMO_EXPERTS: DemoExpert[] = [
  {
    email: 'esperto.digitale@ponte.demo', name: 'Giorgio Valsecchi', reviewer: 'bg.manager@ponte.demo', kind: 'consultant',
    headline: 'Consulente per la trasformazione digitale delle PMI manifatturiere',
    bio: 'Ingegnere gestionale, vent’anni di progetti ERP e MES in aziende metalmeccaniche bergamasche e bresciane. Accompagna le imprese dalla valutazione DMA alla roadmap e alla scelta dei fornitori.',
    competences: ['digital-strategy', 'erp-systems', 'industry-40-iot', 'project-management', 'funding-incentives'],
    sectors: ['C', 'G'], provinces: ['BG', 'BS'], home: '016024', languages: ['it', 'en'], days: 8,
    employer: ['Studio Valsecchi Consulting', null],
    ties: [{ name: 'Meccanica Bergamasca S.r.l.', vatNumber: null, kind: 'client' }],
  },
  {
    email: 'esperta.cyber@ponte.demo', name: 'Laura Crippa', reviewer: 'mi.manager@ponte.demo', kind: 'consultant',
    headline: 'Esperta di sicurezza informatica e protezione dei dati',
    bio: 'Auditor ISO/IEC 27001 e consulente GDPR. Guida le PMI su backup, gestione degli accessi, formazione anti-phishing e piani di risposta agli incidenti.',
    competences: ['cybersecurity', 'privacy-gdpr', 'data-governance', 'cloud-infrastructure', 'digital-skills-training'],
    sectors: ['C', 'J', 'M', 'Q'], provinces: ['MI', 'MB', 'LO', 'PV'], home: '015146', languages: ['it', 'en', 'fr'], days: 6,
    employer: ['Crippa Sicurezza Informatica S.r.l.', null],
  },
  {
    email: 'manager.sviluppopmi@ponte.demo', name: 'Franco Tagliabue', reviewer: 'admin@ponte.demo', kind: 'manager', programme: SVILUPPO_PMI, outOfWork: true,
    headline: 'Ex direttore operations, temporary manager per Sviluppo PMI',
    bio: 'Trent’anni in aziende della componentistica, ultimo incarico come direttore operations di un gruppo da 400 dipendenti. Lean, pianificazione della produzione e investimenti 4.0.',
    competences: ['lean-operations', 'digital-strategy', 'industry-40-iot', 'change-management', 'funding-incentives'],
    sectors: ['C', 'H'], provinces: ['MI', 'BG', 'CO', 'LC', 'VA'], home: '108033', languages: ['it', 'en', 'de'], days: 12,
  },
  {
    email: 'silvia.bonetti@ponte.demo', name: 'Silvia Bonetti', units: ['bs'], reviewer: 'bs.manager@ponte.demo', kind: 'manager', programme: SVILUPPO_PMI, outOfWork: true,
    headline: 'Manager commerciale ed e-commerce B2B, in affiancamento tramite Sviluppo PMI',
    bio: 'Già direttrice vendite export di un’azienda di valvole. Ha avviato portali B2B, CRM e cataloghi digitali; oggi affianca le PMI nella digitalizzazione delle vendite.',
    competences: ['crm-sales', 'ecommerce-marketing', 'business-model-innovation', 'data-analytics'],
    sectors: ['C', 'G'], provinces: ['BS', 'BG', 'MN', 'CR'], home: '017029', languages: ['it', 'en', 'es'], days: 10,
  },
  {
    email: 'marco.pezzotta@ponte.demo', name: 'Marco Pezzotta', units: ['bg'], reviewer: 'bg.manager@ponte.demo', kind: 'consultant',
    headline: 'Automazione industriale e robotica collaborativa',
    bio: 'Progetta celle robotizzate e retrofit di macchine per l’interconnessione (Transizione 5.0). Collabora con i laboratori del competence center MADE.',
    competences: ['robotics', 'industry-40-iot', 'process-automation', 'systems-integration'],
    sectors: ['C'], provinces: ['BG', 'LC', 'MI'], home: '016091', languages: ['it', 'en'], days: 6,
    employer: ['Pezzotta Automazioni S.n.c.', null],
  },
  {
    email: 'elena.ghidini@ponte.demo', name: 'Elena Ghidini', units: ['bs'], reviewer: 'bs.manager@ponte.demo', kind: 'consultant',
    headline: 'Energy manager certificata EGE, digitalizzazione verde',
    bio: 'Diagnosi energetiche, monitoraggio dei consumi con sensori IoT e rendicontazione ESG per PMI della manifattura e dell’agroalimentare.',
    competences: ['energy-efficiency', 'sustainability-esg', 'circular-economy', 'industry-40-iot'],
    sectors: ['A', 'C', 'D', 'E'], provinces: ['BS', 'MN', 'CR'], home: '017067', languages: ['it', 'en'], days: 8,
  },
  {
    email: 'davide.arrigoni@ponte.demo', name: 'Davide Arrigoni', units: ['lc'], reviewer: 'lc.manager@ponte.demo', kind: 'consultant',
    headline: 'Data scientist: analisi dei dati e intelligenza artificiale per le PMI',
    bio: 'Dottorato al Politecnico di Milano, costruisce cruscotti di business intelligence e modelli di manutenzione predittiva e previsione della domanda.',
    competences: ['artificial-intelligence', 'data-analytics', 'data-governance', 'generative-ai'],
    sectors: ['C', 'G', 'J'], provinces: ['LC', 'SO', 'CO', 'MI'], home: '097042', languages: ['it', 'en'], days: 5,
    employer: ['Politecnico di Milano', null],
  },
  {
    email: 'chiara.molteni@ponte.demo', name: 'Chiara Molteni', units: ['co'], reviewer: 'co.manager@ponte.demo', kind: 'consultant',
    headline: 'Formatrice sulle competenze digitali e sul lavoro ibrido',
    bio: 'Progetta percorsi di formazione finanziati (Fondo Nuove Competenze, fondi interprofessionali) su strumenti collaborativi, sicurezza di base e uso consapevole dell’AI.',
    competences: ['digital-skills-training', 'hr-upskilling', 'digital-workplace', 'generative-ai', 'change-management'],
    sectors: ['C', 'I', 'N', 'S'], provinces: ['CO', 'VA', 'LC'], home: '013075', languages: ['it', 'en', 'de'], days: 7,
  },
  {
    email: 'paolo.ferrandi@ponte.demo', name: 'Paolo Ferrandi', units: ['cr'], reviewer: 'cr.manager@ponte.demo', kind: 'consultant',
    headline: 'Digitalizzazione della filiera agroalimentare',
    bio: 'Agronomo e consulente ERP per caseifici e aziende agricole: tracciabilità di lotto, agricoltura di precisione, gestionali di filiera.',
    competences: ['erp-systems', 'circular-economy', 'industry-40-iot', 'funding-incentives'],
    sectors: ['A', 'C'], provinces: ['CR', 'MN', 'LO', 'BS'], home: '019036', languages: ['it'], days: 6,
  },
  {
    email: 'valeria.bianchi@ponte.demo', name: 'Valeria Bianchi', units: ['va'], reviewer: 'va.manager@ponte.demo', kind: 'consultant',
    headline: 'Cloud, integrazione dei sistemi e PA digitale',
    bio: 'Architetta software: migrazioni al cloud, integrazione tra gestionali via API, servizi pagoPA e SPID per enti locali e società partecipate.',
    competences: ['cloud-infrastructure', 'systems-integration', 'public-sector-digital', 'cybersecurity'],
    sectors: ['J', 'O', 'C'], provinces: ['VA', 'MI', 'CO'], home: '012070', languages: ['it', 'en'], days: 4,
    employer: ['Insubria Cloud S.r.l.', null],
  },
  {
    email: 'roberto.mantovani@ponte.demo', name: 'Roberto Mantovani', units: ['mn'], reviewer: 'mn.manager@ponte.demo', kind: 'manager', programme: SVILUPPO_PMI, outOfWork: true,
    headline: 'Ex CFO, pianificazione degli investimenti digitali e finanza agevolata',
    bio: 'Già direttore amministrativo di un gruppo della logistica. Costruisce business case, piani di investimento e domande per Transizione 5.0, Nuova Sabatini e voucher camerali.',
    competences: ['funding-incentives', 'digital-strategy', 'erp-systems', 'data-analytics'],
    sectors: ['C', 'G', 'H'], provinces: ['MN', 'CR', 'BS'], home: '020030', languages: ['it', 'en'], days: 9,
  },
  {
    email: 'luca.rivolta@ponte.demo', name: 'Luca Rivolta', units: ['am'], reviewer: 'am.manager@ponte.demo', kind: 'consultant',
    headline: 'UX e marketing digitale per il commercio e il turismo',
    bio: 'Designer di servizi digitali: siti e-commerce, prenotazioni online, esperienza cliente per negozi, hotel e ristoranti.',
    competences: ['user-centred-design', 'ecommerce-marketing', 'crm-sales', 'generative-ai'],
    sectors: ['G', 'I', 'R'], provinces: ['MI', 'VA', 'PV'], home: '015118', languages: ['it', 'en', 'fr'], days: 6,
  },
  {
    // Waiting for review: shows the approval flow in the demo.
    email: 'giulia.sana@ponte.demo', name: 'Giulia Sana', units: ['bg'], reviewer: 'bg.manager@ponte.demo', status: 'submitted', kind: 'consultant',
    headline: 'Automazione dei processi amministrativi',
    bio: 'Commercialista e consulente RPA: fatturazione elettronica, riconciliazioni bancarie automatiche, workflow documentali.',
    competences: ['process-automation', 'erp-systems', 'digital-workplace'],
    sectors: ['M', 'G', 'C'], provinces: ['BG'], home: '016219', languages: ['it'], days: 4,
  },
]

/** Experts who joined but have not filled in their profile yet (the e2e journey fills one in). */
export const DEMO_EXPERT_NEWCOMERS: { email: string; name: string; units: string[] }[] = [{ email: 'andrea.pozzi@ponte.demo', name: 'Andrea Pozzi', units: ['bg'] }]

/** Creates the demo experts that do not exist yet and writes every demo profile; returns every demo expert's user id by email. */
export async function seedDemoExperts(db: Db, input: DemoExpertsInput): Promise<{ profiles: number; userIds: Map<string, string> }> {
  const now = input.now ?? new Date()
  const userIds = new Map<string, string>()
  for (const [i, e] of DEMO_EXPERTS.entries()) {
    let userId = input.userIds.get(e.email)
    if (!userId) {
      const grants = (e.units ?? []).map((key) => {
        const unit = input.unitIds.get(key)
        if (!unit) throw new Error(`demo expert ${e.email} refers to unknown unit ${key}`)
        return { unitId: unit.id, role: 'expert' as const }
      })
      userId = await insertUserWithPassword(db, { email: e.email, name: e.name, passwordHash: input.passwordHash }, grants)
    }
    const status = e.status ?? 'approved'
    // Staggered history: submitted a few weeks ago, reviewed a few days later.
    const submittedAt = new Date(now.getTime() - (60 - i * 3) * 86_400_000)
    const reviewedAt = status === 'approved' ? new Date(submittedAt.getTime() + 3 * 86_400_000) : null
    await db
      .insert(expertProfiles)
      .values({
        userId,
        status,
        headline: e.headline,
        bio: e.bio,
        kind: e.kind,
        programme: e.programme ?? null,
        outOfWork: e.outOfWork ?? false,
        competences: e.competences,
        sectors: e.sectors,
        provinces: e.provinces,
        homeComuneIstat: e.home,
        languages: e.languages,
        availabilityDaysPerMonth: e.days,
        employerName: e.employer?.[0] ?? null,
        employerVatNumber: e.employer?.[1] ?? null,
        ties: (e.ties ?? []).map((t) => ({ ...t, taxCode: null })),
        submittedAt,
        reviewedBy: reviewedAt ? (input.userIds.get(e.reviewer) ?? null) : null,
        reviewedAt,
        reviewNote: null,
        createdAt: new Date(submittedAt.getTime() - 2 * 86_400_000),
        updatedAt: reviewedAt ?? submittedAt,
      })
      .onConflictDoUpdate({ target: expertProfiles.userId, set: { status: sql`excluded.status`, updatedAt: sql`excluded.updated_at` } })
    userIds.set(e.email, userId)
  }
  const profiles = userIds.size
  for (const e of DEMO_EXPERT_NEWCOMERS) {
    if (input.userIds.has(e.email)) continue
    const grants = e.units.flatMap((key) => {
      const unit = input.unitIds.get(key)
      return unit ? [{ unitId: unit.id, role: 'expert' as const }] : []
    })
    userIds.set(e.email, await insertUserWithPassword(db, { email: e.email, name: e.name, passwordHash: input.passwordHash }, grants))
  }
  return { profiles, userIds }
}
