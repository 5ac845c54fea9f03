/**
 * The one place that decides who may see and change what (issue 2): data owned by a unit is visible
 * to its members and to the members of its ancestors; sibling units never see each other's data
 * unless it is explicitly shared. Every module asks these functions; none re-implements the rule.
 * Pure functions of the actor and unit paths (materialised `/root/…/unit/` paths).
 */
import type { Role } from '../identity.contract'
import type { Actor } from './actor'

/** Roles that may manage units and people in their subtree. */
const MANAGING_ROLES: ReadonlySet<Role> = new Set(['network_admin', 'unit_manager'])
/** Roles that work with the unit's data (companies, assessments, …) in their subtree. */
const STAFF_ROLES: ReadonlySet<Role> = new Set(['network_admin', 'unit_manager', 'unit_staff'])

/** Roles each role may grant, at a unit it manages. */
const ASSIGNABLE: Record<Role, readonly Role[]> = {
  network_admin: ['network_admin', 'unit_manager', 'unit_staff', 'expert', 'company_member', 'viewer'],
  unit_manager: ['unit_manager', 'unit_staff', 'expert', 'company_member', 'viewer'],
  unit_staff: ['expert', 'company_member'],
  expert: [],
  company_member: [],
  viewer: [],
}

export function covers(grantPath: string, unitPath: string): boolean {
  return unitPath.startsWith(grantPath)
}

/** Roles the actor holds on a unit, directly or through an ancestor. */
export function rolesOn(actor: Actor, unitPath: string): Set<Role> {
  return new Set(actor.grants.filter((g) => covers(g.path, unitPath)).map((g) => g.role))
}

function hasAny(roles: Set<Role>, wanted: ReadonlySet<Role>): boolean {
  for (const r of roles) if (wanted.has(r)) return true
  return false
}

/** Network admin of a whole network: the role held on a root unit. */
export function isNetworkAdmin(actor: Actor): boolean {
  return actor.grants.some((g) => g.role === 'network_admin' && g.path.split('/').length === 3)
}

/** Whether the actor sees the unit itself (its name, type, contacts): any role, or a share. */
export function canSeeUnit(actor: Actor, unitPath: string): boolean {
  return rolesOn(actor, unitPath).size > 0 || actor.sharedPaths.some((p) => covers(p, unitPath))
}

/** Whether the actor reads the data a unit owns (people, companies, …): staff roles, or a share. */
export function canReadUnitData(actor: Actor, unitPath: string): boolean {
  if (hasAny(rolesOn(actor, unitPath), STAFF_ROLES)) return true
  const isStaffSomewhere = actor.grants.some((g) => STAFF_ROLES.has(g.role))
  return isStaffSomewhere && actor.sharedPaths.some((p) => covers(p, unitPath))
}

/** Whether the actor changes the data a unit owns. Shares are read-only. */
export function canWriteUnitData(actor: Actor, unitPath: string): boolean {
  return hasAny(rolesOn(actor, unitPath), STAFF_ROLES)
}

/** Create children, rename, move, archive; manage members. */
export function canManageUnit(actor: Actor, unitPath: string): boolean {
  return hasAny(rolesOn(actor, unitPath), MANAGING_ROLES)
}

export function canAssignRole(actor: Actor, unitPath: string, role: Role): boolean {
  for (const held of rolesOn(actor, unitPath)) if (ASSIGNABLE[held].includes(role)) return true
  return false
}

/** Path prefixes under which the actor manages (for audit and people lists). */
export function managedPathPrefixes(actor: Actor): string[] {
  return actor.grants.filter((g) => MANAGING_ROLES.has(g.role)).map((g) => g.path)
}

/** Path prefixes under which the actor reads unit data (own grants with staff roles, plus shares). */
export function dataPathPrefixes(actor: Actor): string[] {
  const own = actor.grants.filter((g) => STAFF_ROLES.has(g.role)).map((g) => g.path)
  return own.length > 0 ? [...own, ...actor.sharedPaths] : []
}

/** Path prefixes of every unit the actor can see at all. */
export function visiblePathPrefixes(actor: Actor): string[] {
  return [...actor.grants.map((g) => g.path), ...actor.sharedPaths]
}
