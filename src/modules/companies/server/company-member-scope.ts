/**
 * Issue 3, "Scoping": "a company member sees only their company". A user holding the
 * `company_member` role reads the companies they are linked to (company_members), and only while the
 * link's company lies under a unit where they hold that role: removing the role (or archiving the
 * unit) ends the access even if the link is left behind. Read-only: company members never write.
 * Contacts and interactions scope "their company's" records with the same subquery.
 */
import { and, eq, inArray } from 'drizzle-orm'
import type { Db } from '../../../server/db/client'
import { rolesOn, unitIdsUnder, type Actor } from '../../identity'
import { companies, companyMembers } from './companies.table'

/** Paths of the units where the actor is a company member. */
function memberPaths(actor: Actor): string[] {
  return actor.grants.filter((g) => g.role === 'company_member').map((g) => g.path)
}

/** Whether the actor holds the company_member role anywhere (so a company list may answer). */
export function isCompanyMemberSomewhere(actor: Actor): boolean {
  return memberPaths(actor).length > 0
}

/**
 * Subquery of the ids of the companies the actor reads as a company member, for
 * `inArray(x.company_id, companyIdsOfMember(db, actor))`. Empty for staff-only actors.
 */
export function companyIdsOfMember(db: Db, actor: Actor) {
  return db
    .select({ id: companyMembers.companyId })
    .from(companyMembers)
    .innerJoin(companies, eq(companies.id, companyMembers.companyId))
    .where(and(eq(companyMembers.userId, actor.userId), inArray(companies.unitId, unitIdsUnder(db, memberPaths(actor)))))
}

/** Whether the actor reads this one company (owned by the unit at `unitPath`) as its member. */
export async function isMemberOfCompany(db: Db, actor: Actor, companyId: string, unitPath: string): Promise<boolean> {
  if (!rolesOn(actor, unitPath).has('company_member')) return false
  const [link] = await db
    .select({ id: companyMembers.companyId })
    .from(companyMembers)
    .where(and(eq(companyMembers.companyId, companyId), eq(companyMembers.userId, actor.userId)))
  return Boolean(link)
}
