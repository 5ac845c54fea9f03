/**
 * Company members: the people who act for a company (role `company_member`), linked to it by the
 * staff who manage the company. What a link grants is in company-member-scope.ts.
 */
import { and, asc, eq, like } from 'drizzle-orm'
import { AppError } from '../../../shared/app-error'
import type { Db } from '../../../server/db/client'
import type { RequestContext } from '../../../server/http/context'
import { canReadUnitData, canWriteUnitData, loadActor, rolesOn, type Actor } from '../../identity'
import type { CompanyMember, CompanyMemberInput } from '../company-duplicates.contract'
import { getScopedRow } from './companies.service'
import { normalizeText } from './companies.calculation'
import { companies, companyMembers } from './companies.table'

function requireActor(ctx: RequestContext): Actor {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED', 'errors.unauthenticated')
  return ctx.actor
}

/** The company for its staff: members read it but do not manage who else acts for it. */
async function staffCompany(ctx: RequestContext, actor: Actor, companyId: string, write: boolean) {
  const scoped = await getScopedRow(ctx.db, actor, companyId)
  if (!canReadUnitData(actor, scoped.unit.path)) throw new AppError('FORBIDDEN', 'errors.forbidden')
  if (write && !canWriteUnitData(actor, scoped.unit.path)) throw new AppError('FORBIDDEN', 'errors.forbidden')
  return scoped
}

export async function listCompanyMembers(ctx: RequestContext, companyId: string) {
  const actor = requireActor(ctx)
  const { unit } = await staffCompany(ctx, actor, companyId, false)
  const rows = await ctx.db
    .select()
    .from(companyMembers)
    .where(eq(companyMembers.companyId, companyId))
    .orderBy(asc(companyMembers.createdAt), asc(companyMembers.userId))
  const items: CompanyMember[] = []
  for (const row of rows) {
    // identity's public API: a deactivated account resolves to null (shown without a name).
    const user = await loadActor(ctx.db, row.userId, 'session', [])
    items.push({ userId: row.userId, name: user?.name ?? null, email: user?.email ?? null, createdAt: row.createdAt.toISOString() })
  }
  return { items, can: { manage: canWriteUnitData(actor, unit.path) } }
}

/**
 * Links a user to the company. The user must hold the company_member role on the company's unit
 * (a grant there or on a unit above it), or the link would grant nothing.
 */
export async function addCompanyMember(ctx: RequestContext, companyId: string, input: CompanyMemberInput): Promise<CompanyMember> {
  const actor = requireActor(ctx)
  return ctx.db.transaction(async (tx) => {
    const { row, unit } = await staffCompany({ ...ctx, db: tx }, actor, companyId, true)
    const user = await loadActor(tx, input.userId, 'session', [])
    if (!user || !rolesOn(user, unit.path).has('company_member')) {
      throw new AppError('VALIDATION', 'errors.companyMemberRoleMissing', {}, [{ path: 'userId', message: 'errors.companyMemberRoleMissing' }])
    }
    const [inserted] = await tx
      .insert(companyMembers)
      .values({ companyId, userId: user.userId, createdBy: actor.userId, createdAt: ctx.now() })
      .onConflictDoNothing()
      .returning()
    if (!inserted) throw new AppError('CONFLICT', 'errors.companyMemberExists', { name: user.name })
    await ctx.deps.audit.record(tx, ctx, {
      action: 'create', entityType: 'company_member', entityId: companyId, unitId: row.unitId,
      after: { companyId, companyName: row.name, userId: user.userId, userName: user.name },
    })
    return { userId: user.userId, name: user.name, email: user.email, createdAt: inserted.createdAt.toISOString() }
  })
}

export async function removeCompanyMember(ctx: RequestContext, companyId: string, userId: string): Promise<void> {
  const actor = requireActor(ctx)
  await ctx.db.transaction(async (tx) => {
    const { row } = await staffCompany({ ...ctx, db: tx }, actor, companyId, true)
    const [removed] = await tx
      .delete(companyMembers)
      .where(and(eq(companyMembers.companyId, companyId), eq(companyMembers.userId, userId)))
      .returning()
    if (!removed) throw new AppError('NOT_FOUND', 'errors.notFound')
    await ctx.deps.audit.record(tx, ctx, {
      action: 'delete', entityType: 'company_member', entityId: companyId, unitId: row.unitId,
      before: { companyId, companyName: row.name, userId },
    })
  })
}

/**
 * Demo seed: links a company member to the first company of a unit whose name starts with
 * `namePrefix` (titolare@meccanica-bergamasca.demo → "Meccanica Bergamasca …" in Bergamo).
 */
export async function linkDemoCompanyMember(tx: Db, input: { userId: string; unitId: string; namePrefix: string }): Promise<void> {
  const [company] = await tx
    .select({ id: companies.id })
    .from(companies)
    .where(and(eq(companies.unitId, input.unitId), like(companies.nameKey, `${normalizeText(input.namePrefix)}%`)))
    .orderBy(asc(companies.createdAt), asc(companies.id))
    .limit(1)
  if (!company) throw new Error(`demo company "${input.namePrefix}…" missing`)
  await tx.insert(companyMembers).values({ companyId: company.id, userId: input.userId }).onConflictDoNothing()
}
