import type { Locale, Role, TokenScope } from '../identity.contract'

/** One membership of the acting user, with the unit's materialised path for scoping. */
export interface ActorGrant {
  membershipId: string
  unitId: string
  /** `/<root id>/…/<unit id>/`: a grant covers every unit whose path starts with it. */
  path: string
  role: Role
}

/** Who is making a request: resolved once per request from the session cookie or an API token. */
export interface Actor {
  userId: string
  name: string
  email: string
  locale: Locale
  grants: ActorGrant[]
  /** Paths of units whose data was explicitly shared with a unit the actor belongs to. */
  sharedPaths: string[]
  via: 'session' | 'token'
  /** Token scopes; a session has every scope. */
  scopes: TokenScope[]
}
