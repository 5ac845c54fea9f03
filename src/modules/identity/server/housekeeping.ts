import { lt } from 'drizzle-orm'
import type { Db } from '../../../server/db/client'
import { sessions, signInFailures, verifications } from './identity.table'

/** Deletes what has expired: sessions, verification tokens, sign-in failures older than a day. */
export async function runIdentityHousekeeping(db: Db, now: Date) {
  const expiredSessions = await db.delete(sessions).where(lt(sessions.expiresAt, now)).returning({ id: sessions.id })
  const expiredVerifications = await db.delete(verifications).where(lt(verifications.expiresAt, now)).returning({ id: verifications.id })
  const oldFailures = await db
    .delete(signInFailures)
    .where(lt(signInFailures.occurredAt, new Date(now.getTime() - 24 * 3_600_000)))
    .returning({ id: signInFailures.id })
  return { sessions: expiredSessions.length, verifications: expiredVerifications.length, signInFailures: oldFailures.length }
}
