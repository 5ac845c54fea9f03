/**
 * The people an interaction names (author, participants, follow-up assignees), resolved through
 * the modules that own them: users through identity's `loadActor`, contacts through the contacts
 * module's index. Kept apart so the services only see ids and names.
 */
import { AppError, type FieldError } from '../../../shared/app-error'
import type { Db } from '../../../server/db/client'
import { canReadUnitData, loadActor, type Actor } from '../../identity'
import type { ParticipantRef } from '../interactions.contract'
import { findContactNames } from './interaction-contacts'

/** Names of users (and their actors) looked up once per request. */
export class PeopleCache {
  private readonly actors = new Map<string, Promise<Actor | null>>()
  constructor(private readonly db: Db) {}

  actor(userId: string): Promise<Actor | null> {
    let found = this.actors.get(userId)
    if (!found) {
      found = loadActor(this.db, userId, 'session', ['read', 'write'])
      this.actors.set(userId, found)
    }
    return found
  }

  /** A user's name; deactivated users no longer resolve (loadActor), so they show as such. */
  async userName(userId: string): Promise<string> {
    return (await this.actor(userId))?.name ?? DEACTIVATED_USER
  }
}

/** Shown for a user who can no longer be resolved (deactivated); the web translates it. */
export const DEACTIVATED_USER = '—'

/** Whether the user exists, is active and reads the data of the unit (a valid assignee or participant). */
export async function userReadsUnit(people: PeopleCache, userId: string, unitPath: string): Promise<boolean> {
  const actor = await people.actor(userId)
  return actor !== null && canReadUnitData(actor, unitPath)
}

/** A follow-up's assignee must be able to read the unit the follow-up belongs to. */
export async function assertAssignee(people: PeopleCache, userId: string, unitPath: string, path: string): Promise<void> {
  if (!(await userReadsUnit(people, userId, unitPath))) {
    throw new AppError('VALIDATION', 'errors.validation', {}, [{ path, message: 'errors.followUpAssigneeScope' }])
  }
}

/**
 * Participants must be users who read the unit, or contacts the actor can see; duplicates are
 * dropped. Returns the list to store.
 */
export async function checkParticipants(
  db: Db,
  actor: Actor,
  people: PeopleCache,
  participants: readonly ParticipantRef[],
  unitPath: string,
): Promise<ParticipantRef[]> {
  const unique = [...new Map(participants.map((p) => [`${p.type}:${p.id}`, p])).values()]
  const fields: FieldError[] = []
  const contactIds = unique.filter((p) => p.type === 'contact').map((p) => p.id)
  const contacts = await findContactNames(db, actor, contactIds)
  for (const [i, p] of participants.entries()) {
    const ok = p.type === 'user' ? await userReadsUnit(people, p.id, unitPath) : contacts.has(p.id)
    if (!ok) fields.push({ path: `participants.${i}.id`, message: 'errors.participantUnknown' })
  }
  if (fields.length > 0) throw new AppError('VALIDATION', 'errors.validation', {}, fields)
  return unique
}
