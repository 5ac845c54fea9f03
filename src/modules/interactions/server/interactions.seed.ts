/**
 * Demo interactions: about three per demo company over the last 18 months, written by the staff of
 * the company's antenna, with the company activity (and so the journey stages) they imply, and a
 * few open follow-ups for one demo user (some overdue, some upcoming). Deterministic (seeded PRNG)
 * and batched, so the demo seed stays fast.
 */
import { randomUUID } from 'node:crypto'
import type { Db } from '../../../server/db/client'
import { recomputeCompanyStages, recordCompanyActivities, type CompanyActivityInput } from '../../companies'
import type { InteractionKind } from '../interactions.contract'
import { followUps, interactionParticipants, interactions } from './interactions.table'
import { INTERACTION_SOURCE, KIND_STAGE } from './interactions.service'
import { prng } from '../../../shared/prng'

const SUBJECTS: Record<InteractionKind, string[]> = {
  call: ['Telefonata di primo contatto', 'Telefonata di aggiornamento sul bando Transizione 5.0', 'Richiamata per fissare un incontro'],
  email: ['Invio materiale sui servizi del DIH', "Email di presentazione dell'antenna", 'Invito al webinar Industria 4.0'],
  meeting: ['Incontro conoscitivo con la direzione', 'Riunione di approfondimento sui bisogni digitali', 'Incontro con il responsabile IT'],
  visit: ['Visita in azienda', 'Visita allo stabilimento produttivo', 'Sopralluogo sulla linea di assemblaggio'],
  event: ['Partecipazione al webinar Industria 4.0', 'Partecipazione al workshop sulla cybersecurity', "Partecipazione all'Open Day del DIH"],
  note: ['Nota: interesse per la digitalizzazione del magazzino', 'Nota interna dopo la fiera di settore'],
  document: ['Scheda anagrafica compilata', "Verbale dell'incontro"],
}

const BODIES: Record<InteractionKind, string> = {
  call: "Parlato con il titolare: interessato ai servizi dell'antenna, chiede di essere ricontattato.",
  email: 'Inviata la presentazione dei servizi e il calendario delle prossime iniziative.',
  meeting: 'Discussi i bisogni di digitalizzazione (gestionale, tracciabilità della produzione).',
  visit: 'Visitati reparto produttivo e ufficio tecnico; individuate possibili aree di intervento.',
  event: "L'azienda ha partecipato con due persone; buona interazione durante le domande.",
  note: 'Da approfondire in un prossimo incontro.',
  document: 'Documento caricato nella cartella condivisa dell’antenna.',
}

/** A journey starts with contact and moves to meetings: the order a company usually lives it. */
const JOURNEYS: InteractionKind[][] = [
  ['call', 'email'],
  ['call', 'email', 'note'],
  ['email', 'call', 'meeting'],
  ['call', 'visit', 'document'],
  ['event', 'call', 'meeting'],
  ['call', 'meeting', 'visit', 'email'],
  ['email', 'event'],
]

const FOLLOW_UP_TITLES = [
  'Inviare la proposta di assessment digitale',
  'Richiamare per fissare la visita',
  'Mandare il materiale del bando',
  "Verificare l'interesse per il workshop",
  "Preparare la scheda dell'azienda",
  'Condividere il verbale con il titolare',
]

export interface DemoInteractionsInput {
  companies: readonly { id: string; name: string; unitId: string }[]
  /** Staff (and managers) of each unit, who author the interactions. */
  staffByUnit: ReadonlyMap<string, readonly string[]>
  /** The demo user who gets open follow-ups (bg.staff@ponte.demo), and their unit. */
  followUpAssignee: { userId: string; unitId: string }
  now?: Date
}

const DAY = 86_400_000
const CHUNK = 500

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10)
}

export async function seedDemoInteractions(tx: Db, input: DemoInteractionsInput): Promise<{ interactions: number; followUps: number }> {
  const now = input.now ?? new Date()
  const random = prng(20_261_123)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T
  const interactionRows: (typeof interactions.$inferInsert)[] = []
  const participantRows: (typeof interactionParticipants.$inferInsert)[] = []
  const followUpRows: (typeof followUps.$inferInsert)[] = []
  const activity: CompanyActivityInput[] = []
  let assigned = 0
  const sorted = [...input.companies].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id))
  for (const company of sorted) {
    const staff = input.staffByUnit.get(company.unitId)
    // One company in eight has only been registered: it stays 'contacted' without activity.
    if (!staff || staff.length === 0 || random() < 0.125) continue
    const journey = pick(JOURNEYS)
    // Spread over the last 18 months, in order, a few weeks apart.
    let at = now.getTime() - Math.floor(random() * 540 + 30) * DAY
    let lastId = ''
    for (const kind of journey) {
      at = Math.min(at + Math.floor(random() * 60 + 7) * DAY, now.getTime() - DAY)
      // Office hours: 8:00–16:45 UTC (9:00–17:45 in Rome in winter), on the quarter hour.
      const occurredAt = new Date(at - (at % DAY) + (8 * 60 + Math.floor(random() * 36) * 15) * 60_000)
      const id = randomUUID()
      const author = pick(staff)
      interactionRows.push({
        id, unitId: company.unitId, companyId: company.id, kind, occurredAt, subject: pick(SUBJECTS[kind]), body: BODIES[kind],
        authorId: author, createdAt: occurredAt, updatedAt: occurredAt,
      })
      participantRows.push({ interactionId: id, participantType: 'user', participantId: author })
      const subject = interactionRows.at(-1)?.subject ?? ''
      activity.push({
        companyId: company.id, stage: KIND_STAGE[kind], sourceType: INTERACTION_SOURCE, sourceId: id, occurredAt,
        summary: { key: `interactions.journey.${kind}`, params: { subject }, href: null },
      })
      lastId = id
    }
    if (company.unitId === input.followUpAssignee.unitId && assigned < 8) {
      // Alternate overdue (up to three weeks late) and upcoming (within a month).
      const offset = assigned % 2 === 0 ? -Math.floor(random() * 20 + 1) : Math.floor(random() * 30 + 1)
      followUpRows.push({
        unitId: company.unitId, companyId: company.id, interactionId: lastId, title: FOLLOW_UP_TITLES[assigned % FOLLOW_UP_TITLES.length] ?? 'Richiamare',
        dueOn: isoDay(new Date(now.getTime() + offset * DAY)), assigneeId: input.followUpAssignee.userId, createdBy: input.followUpAssignee.userId,
      })
      assigned++
    }
  }
  for (let i = 0; i < interactionRows.length; i += CHUNK) await tx.insert(interactions).values(interactionRows.slice(i, i + CHUNK))
  for (let i = 0; i < participantRows.length; i += CHUNK) await tx.insert(interactionParticipants).values(participantRows.slice(i, i + CHUNK))
  if (followUpRows.length > 0) await tx.insert(followUps).values(followUpRows)
  await recordCompanyActivities(tx, activity)
  // Every demo company's stage follows its evidence, including those left without activity.
  await recomputeCompanyStages(tx, input.companies.map((c) => c.id))
  return { interactions: interactionRows.length, followUps: followUpRows.length }
}
