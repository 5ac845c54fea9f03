/**
 * Identity module (platform layer): the network of units, users, roles, sessions, tokens.
 * Other modules use the policy functions and `pathUnder` to scope their data, never their own rule.
 */
export { identityRoutes } from './server/identity.routes'
export * from './server/identity.policy'
export { pathUnder, unitIdsUnder } from './server/scope'
export type { Actor, ActorGrant } from './server/actor'
export { createAuth, hashPassword, type Auth } from './server/auth'
export { authenticate, insertUserWithPassword } from './server/account.service'
export { findUserNames, loadActor } from './server/users.service'
export { findUnit, findUnits } from './server/units.service'
export { runIdentityHousekeeping } from './server/housekeeping'
