/**
 * The approved pool as matching input, for the projects module's matching endpoint: everything
 * `rankExperts` needs except what projects computes from its own tables (current workload and past
 * ratings). The employer becomes a tie of kind `employer`; the home base is the seat of the home
 * comune (null when unknown, which the distance factor treats as neutral).
 */
import { and, eq, inArray, sql } from 'drizzle-orm'
import type { Db } from '../../../server/db/client'
import type { Actor } from '../../identity'
import { comuniInForceByIstat, italianDay } from '../../territory'
import type { ExpertTieKind, MatchExpertInput } from '../experts.reference'
import { expertVisibleTo, isActiveExpert, userBasics } from './expert-directory'
import { expertProfiles } from './experts.table'

export type MatchCandidate = Omit<MatchExpertInput, 'committedDaysPerMonth' | 'ratings'>

/**
 * Approved profiles of active users who still hold the expert role, sorted by user id. With an
 * actor, only the experts that actor sees (experts of their units' subtree and experts whose
 * grant covers their units, e.g. the hub's); without one, the whole network (seeds, benchmarks).
 * `options.userIds` narrows to some experts; `options.at` is the day for comuni in force.
 */
export async function listMatchCandidates(db: Db, actor?: Actor | null, options: { userIds?: readonly string[]; at?: Date } = {}): Promise<MatchCandidate[]> {
  const conditions = [eq(expertProfiles.status, 'approved'), isActiveExpert()]
  if (actor) conditions.push(expertVisibleTo(actor))
  if (options.userIds) {
    if (options.userIds.length === 0) return []
    conditions.push(inArray(expertProfiles.userId, [...options.userIds]))
  }
  const rows = await db.select().from(expertProfiles).where(and(...conditions)).orderBy(sql`${expertProfiles.userId}`)
  const people = await userBasics(db, rows.map((r) => r.userId))
  const comuni = await comuniInForceByIstat(db, rows.flatMap((r) => (r.homeComuneIstat ? [r.homeComuneIstat] : [])), italianDay(options.at ?? new Date()))
  return rows.map((r) => {
    const seat = r.homeComuneIstat ? comuni.get(r.homeComuneIstat) : undefined
    const employer = r.employerName ? [{ name: r.employerName, vatNumber: r.employerVatNumber, taxCode: null, kind: 'employer' as const }] : []
    return {
      userId: r.userId,
      name: people.get(r.userId)?.name ?? '',
      competences: r.competences,
      sectors: r.sectors,
      provinces: r.provinces,
      location: seat && seat.latitude !== null && seat.longitude !== null ? { lat: seat.latitude, lon: seat.longitude } : null,
      availabilityDaysPerMonth: r.availabilityDaysPerMonth,
      ties: [...employer, ...r.ties.map((t) => ({ name: t.name, vatNumber: t.vatNumber, taxCode: t.taxCode ?? null, kind: t.kind as ExpertTieKind }))],
    }
  })
}
