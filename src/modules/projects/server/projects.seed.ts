/**
 * Demo projects (issue 5, "The demo network holds … projects and a year of support days"): about 15
 * projects of 10 days over the last year, each with an approved expert of the pool, and their
 * ledgers: mostly confirmed by the company and approved by staff, a few pending, one disputed and
 * one correction, so every state shows. Deterministic for a given `now`.
 */
import type { Db } from '../../../server/db/client'
import { recordCompanyActivities, type CompanyActivityInput } from '../../companies'
import { listMatchCandidates } from '../../experts'
import { projectMilestones, projects, supportDayEntries } from './projects.table'

export interface DemoProjectsInput {
  companies: readonly { id: string; name: string; unitId: string }[]
  staffByUnit: ReadonlyMap<string, readonly string[]>
  /** Experts to prefer (e.g. the demo login's), first. */
  preferredExpertIds?: readonly string[]
  now?: Date
}

const ACTIVITIES = [
  ['Analisi dei processi e dei sistemi informativi', 'Mappa dei processi condivisa'],
  ['Valutazione del backup e della sicurezza dei dati', 'Piano di backup fuori sede'],
  ['Workshop con la direzione sulla strategia digitale', 'Priorità della roadmap concordate'],
  ['Selezione del gestionale in cloud', 'Tre offerte confrontate'],
  ['Formazione del personale sugli strumenti collaborativi', '12 persone formate'],
  ['Configurazione del CRM e importazione dei clienti', 'CRM in uso dal reparto vendite'],
  ['Accompagnamento alla domanda di credito d’imposta Transizione 5.0', 'Pratica predisposta'],
  ['Verifica dei dati di produzione e primi indicatori', 'Cruscotto di reparto'],
] as const

const TITLES = ['Backup in cloud e sicurezza', 'Gestionale in cloud', 'CRM e vendite', 'Formazione digitale del personale', 'Dati di produzione e indicatori']

function day(date: Date): string {
  return date.toISOString().slice(0, 10)
}

function addDays(date: Date, n: number): Date {
  return new Date(date.getTime() + n * 86_400_000)
}

export async function seedDemoProjects(db: Db, input: DemoProjectsInput): Promise<{ projects: number; entries: number }> {
  const now = input.now ?? new Date()
  const pool = await listMatchCandidates(db, null, { at: now })
  const preferred = new Set(input.preferredExpertIds ?? [])
  const experts = [...pool.filter((e) => preferred.has(e.userId)), ...pool.filter((e) => !preferred.has(e.userId))].map((e) => e.userId)
  if (experts.length === 0 || input.companies.length === 0) return { projects: 0, entries: 0 }
  const picked = input.companies.filter((_, i) => i % Math.max(1, Math.floor(input.companies.length / 15)) === 0).slice(0, 15)
  const activity: CompanyActivityInput[] = []
  let entryCount = 0
  let projectCount = 0
  for (const [i, company] of picked.entries()) {
    const staff = input.staffByUnit.get(company.unitId)?.[0]
    if (!staff) continue
    const expert = experts[i % Math.min(experts.length, 6)] as string
    // Starts spread over the last year; the older ones are finished.
    const start = addDays(now, -360 + i * 22)
    const completed = i < 9
    const end = addDays(start, 120)
    const budget = 10
    const [project] = await db
      .insert(projects)
      .values({
        companyId: company.id,
        unitId: company.unitId,
        expertUserId: expert,
        title: TITLES[i % TITLES.length] as string,
        description: 'Progetto di 10 giornate di supporto gratuito per l’avviamento del piano digitale.',
        roadmapItems: [],
        budgetDays: budget.toFixed(2),
        startsOn: day(start),
        endsOn: day(end),
        status: completed ? 'completed' : 'active',
        outcome: completed ? 'Obiettivi raggiunti; la roadmap prosegue con risorse interne.' : null,
        expertRating: completed ? 3 + (i % 3) : null,
        completedAt: completed ? end : null,
        createdBy: staff,
        createdAt: addDays(start, -7),
        updatedAt: completed ? end : addDays(start, -7),
      })
      .returning()
    if (!project) throw new Error('demo project insert returned no row')
    projectCount++
    await db.insert(projectMilestones).values([
      { projectId: project.id, title: 'Analisi iniziale', dueOn: day(addDays(start, 21)), doneAt: addDays(start, 20), createdBy: staff, createdAt: project.createdAt },
      { projectId: project.id, title: 'Chiusura e relazione finale', dueOn: day(end), doneAt: completed ? end : null, createdBy: staff, createdAt: project.createdAt },
    ])
    activity.push({ companyId: company.id, stage: 'supported', sourceType: 'project', sourceId: project.id, occurredAt: start, summary: { key: 'projects.journey.project', params: { title: project.title, budget }, href: `/projects/${project.id}` } })
    // A day or a half day every ~10 days: completed projects use the whole budget.
    let logged = 0
    let seq = 0
    const target = completed ? budget : Math.min(budget - 2, 2 + i)
    for (let k = 0; logged < target; k++) {
      const workedOn = addDays(start, 3 + k * 10)
      if (workedOn > addDays(now, -1)) break
      // Never beyond the budget: the last entry takes what is left.
      const days = Math.min(k % 3 === 2 ? 0.5 : 1, target - logged)
      const recent = workedOn > addDays(now, -14)
      const disputed = i === 10 && k === 1
      const [text, outcome] = ACTIVITIES[(i + k) % ACTIVITIES.length] as readonly [string, string]
      const confirmedAt = recent ? null : addDays(workedOn, 2)
      const [entry] = await db
        .insert(supportDayEntries)
        .values({
          projectId: project.id,
          seq: ++seq,
          workedOn: day(workedOn),
          days: days.toFixed(3),
          hours: days === 0.5 ? '4.00' : null,
          activity: text,
          outcome,
          loggedBy: expert,
          confirmationStatus: disputed ? 'disputed' : recent ? 'pending' : 'confirmed',
          confirmationEmail: 'amministrazione@azienda.demo',
          confirmationLocale: 'it',
          confirmationSentAt: addDays(workedOn, 1),
          confirmationExpiresAt: addDays(workedOn, 31),
          confirmedAt,
          confirmerName: confirmedAt ? 'Titolare dell’azienda' : null,
          disputeNote: disputed ? 'Quel giorno l’incontro è stato annullato.' : null,
          approvedBy: confirmedAt && !disputed && workedOn < addDays(now, -30) ? staff : null,
          approvedAt: confirmedAt && !disputed && workedOn < addDays(now, -30) ? addDays(workedOn, 5) : null,
          createdAt: addDays(workedOn, 0.5),
        })
        .returning()
      if (!entry) throw new Error('demo entry insert returned no row')
      entryCount++
      if (!disputed) {
        logged += days
        activity.push({ companyId: company.id, stage: 'supported', sourceType: 'support_day', sourceId: entry.id, occurredAt: workedOn, summary: { key: 'projects.journey.supportDay', params: { days, project: project.title }, href: `/projects/${project.id}` } })
      }
      // One correction: half a day taken back from the first entry of the fourth project.
      if (i === 3 && k === 0) {
        const [correction] = await db
          .insert(supportDayEntries)
          .values({
            projectId: project.id, seq: ++seq, workedOn: day(workedOn), days: '-0.500', activity: 'Rettifica: la giornata è stata di mezza giornata', loggedBy: expert,
            correctsEntryId: entry.id, confirmationStatus: 'confirmed', confirmedAt: addDays(workedOn, 3), confirmerName: 'Titolare dell’azienda', createdAt: addDays(workedOn, 2),
          })
          .returning()
        if (correction) {
          entryCount++
          logged -= 0.5
        }
      }
    }
  }
  await recordCompanyActivities(db, activity)
  return { projects: projectCount, entries: entryCount }
}
