/**
 * Demo contacts: one to three people per demo company, with Italian names, job titles and emails on
 * the company's domain, some of whom gave consent to the newsletter or to events. Deterministic
 * (seeded random), inserted in batches so the demo seed stays fast.
 */
import { randomUUID } from 'node:crypto'
import type { Db } from '../../../server/db/client'
import { normalizeText } from '../../companies'
import type { ConsentPurpose, ConsentSource, ContactRole, LawfulBasis } from '../contacts.contract'
import { contactSearchText } from './contacts.service'
import { companyContacts, contactConsents, contacts } from './contacts.table'
import { prng } from '../../../shared/prng'

const FIRST = ['Alessandra', 'Giovanni', 'Francesca', 'Stefano', 'Laura', 'Massimo', 'Paola', 'Fabio', 'Elisa', 'Mauro', 'Cristina', 'Claudio', 'Barbara', 'Simone', 'Monica', 'Daniele', 'Roberta', 'Nicola', 'Ilaria', 'Gianluca', 'Serena', 'Emanuele', 'Noemi', 'Niccolò', 'Lucrezia', 'Mattia']
const LAST = ['Locatelli', 'Bonfanti', 'Pesenti', 'Carminati', 'Rota', 'Gritti', 'Zanardelli', 'Bertoli', 'Mazzoleni', 'Ghisalberti', 'Colleoni', 'Cattaneo', 'Brambilla', 'Ravasio', 'Bonomi', 'Salvi', 'Tironi', 'Arrigoni', 'Perego', 'Frigerio', 'Zanetti', 'Fumagalli', 'Ferrario', 'Sangalli', 'Crippa', 'Nicolò']
const ROLES: { role: ContactRole; titles: string[] }[] = [
  { role: 'titolare', titles: ['Titolare', 'Amministratore unico', 'Socio fondatore'] },
  { role: 'amministratore', titles: ['Amministratore delegato', 'Direttore generale'] },
  { role: 'responsabile_it', titles: ['Responsabile IT', 'Responsabile sistemi informativi'] },
  { role: 'responsabile_produzione', titles: ['Responsabile di produzione', 'Direttore di stabilimento'] },
  { role: 'referente', titles: ['Responsabile amministrativo', 'Responsabile qualità', 'Ufficio acquisti'] },
  { role: 'dipendente', titles: ['Tecnico commerciale', 'Impiegata amministrativa', 'Progettista'] },
  { role: 'consulente', titles: ['Consulente esterno', 'Commercialista'] },
]
const BASES: LawfulBasis[] = ['legitimate_interest', 'legitimate_interest', 'consent', 'contract']

export interface DemoCompanyForContacts {
  id: string
  name: string
  unitId: string
  email: string | null
  vatNumber?: string
}

interface Person {
  firstName: string
  lastName: string
  local: string
  role: ContactRole
  jobTitle: string
  consents: { purpose: ConsentPurpose; granted: boolean; source: ConsentSource; daysAgo: number }[]
}

/**
 * The people of the company that `titolare@meccanica-bergamasca.demo` acts for, fixed so journeys
 * and demos can rely on them (Giovanna Pesenti is the one whose newsletter consent the contacts
 * journey withdraws).
 */
const MECCANICA_BERGAMASCA: Person[] = [
  {
    firstName: 'Pietro', lastName: 'Locatelli', local: 'titolare', role: 'titolare', jobTitle: 'Titolare',
    consents: [{ purpose: 'newsletter', granted: true, source: 'web_form', daysAgo: 210 }, { purpose: 'events', granted: true, source: 'event_registration', daysAgo: 120 }],
  },
  {
    firstName: 'Giovanna', lastName: 'Pesenti', local: 'g.pesenti', role: 'referente', jobTitle: 'Responsabile qualità',
    consents: [{ purpose: 'newsletter', granted: true, source: 'email', daysAgo: 90 }],
  },
  {
    firstName: 'Niccolò', lastName: 'Rota', local: 'n.rota', role: 'responsabile_it', jobTitle: 'Responsabile IT',
    consents: [{ purpose: 'events', granted: true, source: 'event_registration', daysAgo: 60 }],
  },
]

function domainOf(company: DemoCompanyForContacts): string {
  const fromEmail = company.email?.split('@')[1]
  return fromEmail ?? `${normalizeText(company.name).replace(/[^a-z0-9]+/g, '')}.demo`
}

/** Inserts the demo contacts of the given companies; returns how many people were created. */
export async function seedDemoContacts(db: Db, companies: readonly DemoCompanyForContacts[], now = new Date()): Promise<number> {
  const random = prng(20_260_311)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T
  const day = 86_400_000
  const contactRows: (typeof contacts.$inferInsert)[] = []
  const linkRows: (typeof companyContacts.$inferInsert)[] = []
  const consentRows: (typeof contactConsents.$inferInsert)[] = []
  const sorted = [...companies].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id))
  // The first "Meccanica Bergamasca" the companies seed made (lowest partita IVA): the random names
  // may make a second one, which the duplicates demo then proposes to merge.
  const meccanica = companies
    .filter((c) => normalizeText(c.name).startsWith('meccanica bergamasca'))
    .sort((a, b) => (a.vatNumber ?? a.id).localeCompare(b.vatNumber ?? b.id))[0]

  for (const company of sorted) {
    let people: Person[]
    let domain = domainOf(company)
    if (company === meccanica) {
      people = MECCANICA_BERGAMASCA
      domain = 'meccanica-bergamasca.demo'
    } else {
      const n = 1 + Math.floor(random() * 3)
      const roles = [ROLES[0], ...ROLES.slice(1).sort(() => random() - 0.5)].slice(0, n)
      people = roles.map((r) => {
        const firstName = pick(FIRST)
        const lastName = pick(LAST)
        const consents: Person['consents'] = []
        if (random() < 0.45) consents.push({ purpose: 'newsletter', granted: true, source: pick(['web_form', 'email', 'event_registration'] as const), daysAgo: 30 + Math.floor(random() * 600) })
        if (random() < 0.3) consents.push({ purpose: 'events', granted: true, source: 'event_registration', daysAgo: 10 + Math.floor(random() * 400) })
        // Some withdrew later: their history shows both events, the current state is "withdrawn".
        const first = consents[0]
        if (first && random() < 0.15) consents.push({ purpose: first.purpose, granted: false, source: 'email', daysAgo: Math.floor(first.daysAgo / 2) })
        if (random() < 0.1) consents.push({ purpose: 'funder_sharing', granted: true, source: 'web_form', daysAgo: 20 + Math.floor(random() * 200) })
        const local = normalizeText(`${firstName.charAt(0)}.${lastName}`).replace(/[^a-z.]+/g, '')
        return { firstName, lastName, local, role: r?.role ?? 'referente', jobTitle: pick(r?.titles ?? ['Referente']), consents }
      })
    }
    people.forEach((person, i) => {
      const id = randomUUID()
      const email = `${person.local}@${domain}`
      const phone = `+39 3${String(Math.floor(random() * 90_000_000) + 10_000_000).padStart(9, '4')}`
      const fields = { firstName: person.firstName, lastName: person.lastName, email, phone, jobTitle: person.jobTitle }
      const created = new Date(now.getTime() - (700 + Math.floor(random() * 300)) * day)
      contactRows.push({
        id,
        unitId: company.unitId,
        ...fields,
        lawfulBasis: person.consents.length > 0 ? 'consent' : pick(BASES),
        searchText: contactSearchText(fields),
        createdAt: created,
        updatedAt: created,
      })
      linkRows.push({ companyId: company.id, contactId: id, role: person.role, isPrimary: i === 0, createdAt: created })
      for (const consent of person.consents) {
        consentRows.push({ contactId: id, purpose: consent.purpose, granted: consent.granted, source: consent.source, recordedAt: new Date(now.getTime() - consent.daysAgo * day), recordedBy: null })
      }
    })
  }
  for (let i = 0; i < contactRows.length; i += 500) await db.insert(contacts).values(contactRows.slice(i, i + 500))
  for (let i = 0; i < linkRows.length; i += 500) await db.insert(companyContacts).values(linkRows.slice(i, i + 500))
  for (let i = 0; i < consentRows.length; i += 500) await db.insert(contactConsents).values(consentRows.slice(i, i + 500))
  return contactRows.length
}
