/**
 * Where an interaction or follow-up lives: its unit (which scopes it, identity.policy) and its
 * company, if any, as the companies module reports it.
 */
import { AppError } from '../../../shared/app-error'
import type { Db } from '../../../server/db/client'
import type { RequestContext } from '../../../server/http/context'
import { findCompanyScopes, getCompanyScope, type CompanyScope } from '../../companies'
import { canReadUnitData, canWriteUnitData, findUnit, type Actor } from '../../identity'

export function requireActor(ctx: RequestContext): Actor {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED', 'errors.unauthenticated')
  return ctx.actor
}

/** Where an interaction or follow-up lives: its unit (for scoping) and its company, if any. */
export interface Placement {
  unitId: string
  unitPath: string
  company: CompanyScope | null
}

/** The company's placement if the actor reads it (NOT_FOUND otherwise) and writes it (FORBIDDEN otherwise). */
export async function writableCompanyPlacement(db: Db, actor: Actor, companyId: string): Promise<Placement> {
  const company = await getCompanyScope(db, actor, companyId)
  if (!canWriteUnitData(actor, company.unitPath)) throw new AppError('FORBIDDEN', 'errors.forbidden')
  if (company.mergedIntoId) throw new AppError('CONFLICT', 'errors.interactionCompanyMerged')
  return { unitId: company.unitId, unitPath: company.unitPath, company }
}

export async function writablePlacement(db: Db, actor: Actor, input: { companyId?: string; unitId?: string }): Promise<Placement> {
  if (input.companyId) return writableCompanyPlacement(db, actor, input.companyId)
  if (!input.unitId) throw new AppError('VALIDATION', 'errors.validation', {}, [{ path: 'unitId', message: 'errors.interactionUnitRequired' }])
  const unit = await findUnit(db, input.unitId)
  if (!unit || !canReadUnitData(actor, unit.path)) throw new AppError('NOT_FOUND', 'errors.notFound')
  if (!canWriteUnitData(actor, unit.path)) throw new AppError('FORBIDDEN', 'errors.forbidden')
  return { unitId: unit.id, unitPath: unit.path, company: null }
}

/**
 * The placement of a stored row: the company's current unit when it has a company (so a company
 * moved to another antenna brings its timeline along), else the row's unit.
 */
export async function placementOf(db: Db, row: { unitId: string; companyId: string | null }): Promise<Placement | null> {
  if (row.companyId) {
    const [company] = await findCompanyScopes(db, [row.companyId])
    return company ? { unitId: company.unitId, unitPath: company.unitPath, company } : null
  }
  const unit = await findUnit(db, row.unitId)
  return unit ? { unitId: unit.id, unitPath: unit.path, company: null } : null
}

/** Placements of many rows with one company lookup. */
export async function placementsOf(db: Db, rows: readonly { id: string; unitId: string; companyId: string | null }[]) {
  const companies = new Map((await findCompanyScopes(db, rows.flatMap((r) => (r.companyId ? [r.companyId] : [])))).map((c) => [c.id, c]))
  const out = new Map<string, Placement>()
  for (const row of rows) {
    const company = row.companyId ? companies.get(row.companyId) : undefined
    const placement = company ? { unitId: company.unitId, unitPath: company.unitPath, company } : await placementOf(db, row)
    if (placement) out.set(row.id, placement)
  }
  return out
}

