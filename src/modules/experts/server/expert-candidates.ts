/**
 * The approved pool as matching input, for the projects module's matching endpoint: everything
 * `rankExperts` needs except what projects computes from its own tables (current workload and past
 * ratings). The employer becomes a tie of kind `employer`; the home base is the seat of the home
 * comune (null when unknown, which the distance factor treats as neutral).
 */
import { sql, type SQL } from 'drizzle-orm'
import { textArrayParam, uuidArrayParam } from '../../../server/db/array-param'
import type { Db } from '../../../server/db/client'
import type { Actor } from '../../identity'
import { italianDay } from '../../territory'
import type { ExpertTieKind, MatchExpertInput } from '../experts.reference'
import { expertUnitIdsVisibleTo, rowsOf } from './expert-directory'
import type { ExpertTieRecord } from './experts.table'

/**
 * A candidate as `rankExperts` takes it, with no workload (0) and no ratings: those come from the
 * projects module's tables, and the caller sets them on these fresh objects (matching ranks
 * thousands: filling them in place spares a copy of the pool per request).
 */
export type MatchCandidate = MatchExpertInput

/**
 * Approved profiles of active users who still hold the expert role, sorted by user id. With an
 * actor, only the experts that actor sees (experts of their units' subtree and experts whose
 * grant covers their units, e.g. the hub's); without one, the whole network (seeds, benchmarks).
 * `options.userIds` narrows to some experts; `options.at` is the day for comuni in force.
 *
 * One statement over the pool whatever its size (matching ranks thousands of experts), joined by
 * hash: the visible units are resolved first and named as constants (see expertUnitIdsVisibleTo),
 * the user's name and the seat of the home comune in force come along by join, reading the
 * identity module's `users` and `memberships` and the territory module's `comuni` by name,
 * read-only (as expert-directory does), and only the columns matching needs are read.
 */
export async function listMatchCandidates(db: Db, actor?: Actor | null, options: { userIds?: readonly string[]; at?: Date } = {}): Promise<MatchCandidate[]> {
  if (options.userIds && options.userIds.length === 0) return []
  let holders: SQL
  if (actor) {
    const unitIds = await expertUnitIdsVisibleTo(db, actor)
    if (unitIds.length === 0) return []
    holders = sql`select m.user_id from memberships m where m.role = 'expert' and m.unit_id = any(${uuidArrayParam(unitIds)})`
  } else {
    holders = sql`select m.user_id from memberships m join units u on u.id = m.unit_id where m.role = 'expert' and u.archived_at is null`
  }
  const narrowed = options.userIds ? sql` and p.user_id = any(${textArrayParam(options.userIds)})` : sql``
  const day = italianDay(options.at ?? new Date())
  // The pool travels as ONE JSON value of positional rows: thousands of rows of eleven fields cost
  // the drivers (PGlite's above all) far more to decode field by field than JSON.parse one text.
  const result = await db.execute(sql`
    select json_agg(json_build_array(p.user_id, us.name, p.competences, p.sectors, p.provinces, p.availability_days_per_month,
             p.employer_name, p.employer_vat_number, p.ties, c.latitude, c.longitude) order by p.user_id, c.valid_from desc)::text as pool
      from expert_profiles p
      join users us on us.id = p.user_id and us.deactivated_at is null
      left join comuni c on c.istat_code = p.home_comune_istat and c.valid_from <= ${day}::date and (c.valid_to is null or c.valid_to > ${day}::date)
     where p.status = 'approved' and p.user_id in (${holders})${narrowed}`)
  const pool = rowsOf<{ pool: string | null }>(result)[0]?.pool
  const candidates: MatchCandidate[] = []
  for (const [userId, name, competences, sectors, provinces, availability, employerName, employerVatNumber, otherTies, lat, lon] of pool ? (JSON.parse(pool) as CandidateRow[]) : []) {
    // A comune has one version in force on a day; should two overlap, the newer one counts.
    if (candidates.at(-1)?.userId === userId) continue
    const ties: MatchCandidate['ties'][number][] = []
    if (employerName) ties.push({ name: employerName, vatNumber: employerVatNumber, taxCode: null, kind: 'employer' })
    for (const t of otherTies ?? []) ties.push({ name: t.name, vatNumber: t.vatNumber, taxCode: t.taxCode ?? null, kind: t.kind as ExpertTieKind })
    candidates.push({
      userId,
      name: name ?? '',
      competences,
      sectors,
      provinces,
      location: typeof lat === 'number' && typeof lon === 'number' ? { lat, lon } : null,
      availabilityDaysPerMonth: availability,
      committedDaysPerMonth: 0,
      ratings: NO_RATINGS,
      ties: ties.length > 0 ? ties : NO_TIES,
    })
  }
  return candidates
}

const NO_RATINGS: readonly number[] = Object.freeze([])
const NO_TIES: MatchCandidate['ties'] = Object.freeze([])

/** user id, name, competences, sectors, provinces, availability, employer, employer's partita IVA, ties, latitude, longitude. */
type CandidateRow = [string, string | null, string[], string[], string[], number, string | null, string | null, ExpertTieRecord[] | null, number | null, number | null]
