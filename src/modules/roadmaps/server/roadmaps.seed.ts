/**
 * Demo roadmaps (issue 5, "The demo network holds … roadmaps"): about half of the companies with a
 * validated T0 get a roadmap generated from it by the engine, like staff would: most signed by the
 * company a few weeks later and under way (items done or in progress as time went by), and a
 * quarter written this month, out for signature or still drafts. Deterministic (seeded PRNG).
 */
import { randomUUID } from 'node:crypto'
import type { Db } from '../../../server/db/client'
import { prng } from '../../../shared/prng'
import { listValidatedT0ForSeed } from '../../assessments'
import { recordCompanyActivities, type CompanyActivityInput } from '../../companies'
import type { RoadmapRecordItem } from '../roadmap-records.contract'
import { loadActionCatalogue } from './roadmap-catalogue.service'
import { draftRoadmapItems } from './roadmap-generation'
import { deriveT1DueOn, ROADMAP_SOURCE } from './roadmap-records.service'
import { roadmaps, roadmapVersions } from './roadmap-records.table'

const DAY = 86_400_000
const SIGNERS = ['Pietro Locatelli', 'Giulia Ferrari', 'Marco Colombo', 'Elena Ricci', 'Luca Bonetti', 'Sara Galli', 'Andrea Pellegrini', 'Chiara Fontana']
const ROLES = ['Titolare', 'Amministratore delegato', 'Responsabile amministrativo', 'Direttore di produzione']

export interface DemoRoadmapsInput {
  /** Who writes roadmaps in each unit (the antenna's staff). */
  staffByUnit: ReadonlyMap<string, readonly string[]>
  now?: Date
}

export async function seedDemoRoadmaps(tx: Db, input: DemoRoadmapsInput): Promise<{ roadmaps: number }> {
  const random = prng(5_2026)
  const now = input.now ?? new Date()
  const roadmapRows: (typeof roadmaps.$inferInsert)[] = []
  const versionRows: (typeof roadmapVersions.$inferInsert)[] = []
  const activity: CompanyActivityInput[] = []
  const catalogue = await loadActionCatalogue(tx)
  for (const t0 of await listValidatedT0ForSeed(tx)) {
    if (random() > 0.5 || !t0.validatedAt) continue
    const staff = input.staffByUnit.get(t0.unitId) ?? []
    const author = t0.assessorId ?? staff[Math.floor(random() * staff.length)]
    if (!author) continue
    const draft = draftRoadmapItems(t0, undefined, undefined, catalogue)
    // Most were written weeks after the assessment and signed; a few were written this month and
    // are still drafts or out for signature (a link outstanding for months would have expired).
    const recent = random() < 0.25
    const createdAt = recent ? new Date(now.getTime() - (3 + Math.floor(random() * 22)) * DAY) : new Date(t0.validatedAt.getTime() + (3 + Math.floor(random() * 20)) * DAY)
    if (createdAt > now || createdAt < t0.validatedAt) continue
    const status = recent ? (random() < 0.6 ? 'awaiting_signoff' : 'draft') : 'signed'
    const signedAt = status === 'signed' ? new Date(Math.min(now.getTime() - DAY, createdAt.getTime() + (7 + Math.floor(random() * 25)) * DAY)) : null
    // Under way: items planned for dates already past are done, the next ones in progress.
    const elapsedMonths = (now.getTime() - createdAt.getTime()) / (30 * DAY)
    const items: RoadmapRecordItem[] = draft.items.map((item, index) => {
      const horizonEnd = item.horizon === 'quick' ? 6 : item.horizon === 'medium' ? 18 : 36
      const dueOn = new Date(createdAt.getTime() + Math.round(horizonEnd * 30 * (0.6 + random() * 0.4)) * DAY).toISOString().slice(0, 10)
      const progress = signedAt ? elapsedMonths / horizonEnd : 0
      const itemStatus = progress > 0.9 ? (random() < 0.9 ? 'done' : 'dropped') : progress > 0.3 ? 'in_progress' : 'planned'
      return { ...item, owner: index % 3 === 0 ? SIGNERS[index % SIGNERS.length] ?? null : null, dueOn, status: itemStatus }
    })
    const id = randomUUID()
    const signer = SIGNERS[Math.floor(random() * SIGNERS.length)] ?? SIGNERS[0] ?? ''
    roadmapRows.push({
      id,
      companyId: t0.companyId,
      unitId: t0.unitId,
      assessmentId: t0.id,
      instrumentId: t0.instrumentId,
      catalogueVersion: draft.catalogueVersion,
      expertUserId: t0.assessorId,
      status,
      version: 1,
      t1DueOn: deriveT1DueOn(items, createdAt),
      signoffEmail: status === 'draft' ? null : 'titolare@example.test',
      signoffLocale: 'it',
      signoffSentAt: status === 'draft' ? null : new Date(createdAt.getTime() + DAY),
      // The demo's links were never mailed: they hold no token, so none can be opened.
      signoffExpiresAt: status === 'awaiting_signoff' ? new Date(createdAt.getTime() + 31 * DAY) : null,
      signedVersion: signedAt ? 1 : null,
      signedAt,
      signerName: signedAt ? signer : null,
      signerRole: signedAt ? (ROLES[Math.floor(random() * ROLES.length)] ?? null) : null,
      createdBy: author,
      createdAt,
      updatedAt: signedAt ?? createdAt,
    })
    versionRows.push({ roadmapId: id, version: 1, items, targets: draft.targets, importance: draft.importance, kind: 'generated', createdBy: author, createdAt })
    if (signedAt) {
      activity.push({
        companyId: t0.companyId, stage: 'roadmap', sourceType: ROADMAP_SOURCE, sourceId: id, occurredAt: signedAt,
        summary: { key: 'roadmapRecords.journey.signed', params: { version: 1, items: items.length, signer }, href: `/roadmaps/${id}` },
      })
    }
  }
  for (let i = 0; i < roadmapRows.length; i += 200) await tx.insert(roadmaps).values(roadmapRows.slice(i, i + 200))
  for (let i = 0; i < versionRows.length; i += 100) await tx.insert(roadmapVersions).values(versionRows.slice(i, i + 100))
  await recordCompanyActivities(tx, activity)
  return { roadmaps: roadmapRows.length }
}
