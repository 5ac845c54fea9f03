import type { Me, Role } from '../../identity/identity.contract'

/**
 * Roles that work on the hub's registry of companies. The server decides each request by unit;
 * the app uses this only to show the entry points (navigation, "New company") to those who can use them.
 */
const REGISTRY_ROLES: ReadonlySet<Role> = new Set(['network_admin', 'unit_manager', 'unit_staff'])

export function canWorkWithCompanies(me: Me): boolean {
  return me.isNetworkAdmin || me.memberships.some((membership) => REGISTRY_ROLES.has(membership.role))
}

/** A company member with no staff role: their place in the app is their own company ("La mia azienda"). */
export function isCompanyMemberOnly(me: Me): boolean {
  return !canWorkWithCompanies(me) && me.memberships.some((membership) => membership.role === 'company_member')
}
