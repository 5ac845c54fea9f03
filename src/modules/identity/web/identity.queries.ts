/**
 * TanStack Query hooks over the identity API (sessions, profile, units, users, invitations,
 * API tokens). Response types come from the contract; the server is the source of truth, so
 * mutations update or invalidate the cache rather than guessing the new state.
 */
import {
  queryOptions,
  useMutation,
  useQuery,
  useQueryClient,
  useSuspenseQuery,
} from '@tanstack/react-query'
import { api } from '../../../web/api-client'
import { type KeysetPage, useKeysetList } from '../../../web/ui/keyset-list'
import type {
  ApiToken,
  ApiTokenCreateInput,
  Invitation,
  InvitationAcceptInput,
  InvitationCreateInput,
  InvitationListQuery,
  InvitationPreview,
  Me,
  MeUpdateInput,
  Membership,
  MembershipInput,
  PasswordChangeInput,
  PasswordResetConfirmInput,
  PasswordResetRequestInput,
  SignInInput,
  Unit,
  UnitCreateInput,
  UnitShare,
  UnitUpdateInput,
  User,
  UserListQuery,
} from '../identity.contract'

type ApiTokenCreated = ApiToken & { token: string }

/** Filters of the users list, as in the URL (`limit` and `cursor` are the list's business). */
export type UserFilters = Omit<UserListQuery, 'limit' | 'cursor'>
export type InvitationFilters = Omit<InvitationListQuery, 'limit' | 'cursor'>

const PAGE_SIZE = 25

export const identityKeys = {
  session: ['session'] as const,
  units: (includeArchived: boolean) => ['units', { includeArchived }] as const,
  allUnits: ['units'] as const,
  unitShares: (unitId: string) => ['units', unitId, 'shares'] as const,
  users: ['users'] as const,
  userList: (filters: UserFilters) => ['users', 'list', filters] as const,
  user: (userId: string) => ['users', 'detail', userId] as const,
  invitations: ['invitations'] as const,
  invitationList: (filters: InvitationFilters) => ['invitations', 'list', filters] as const,
  invitationPreview: (token: string) => ['invitation-preview', token] as const,
  tokens: ['me', 'tokens'] as const,
}

// ── Session and profile ─────────────────────────────────────────────────────────────────────────

/**
 * The signed-in user, or an UNAUTHENTICATED error. It never redirects by itself: the router's
 * guard decides what a missing session means for the page being opened.
 */
export const sessionQueryOptions = queryOptions({
  queryKey: identityKeys.session,
  queryFn: ({ signal }) => api.get<Me>('/api/auth/session', { redirectOnUnauthenticated: false, signal }),
  staleTime: 5 * 60_000,
  retry: false,
  meta: { handlesErrors: true },
})

/** The signed-in user, inside the authenticated shell (the route guard has loaded it). */
export function useMe(): Me {
  return useSuspenseQuery(sessionQueryOptions).data
}

export function useSignIn() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: SignInInput) =>
      api.post<Me>('/api/auth/sign-in', input, { redirectOnUnauthenticated: false }),
    onSuccess: (me) => {
      // Whatever was cached belonged to the previous session (or none).
      queryClient.clear()
      queryClient.setQueryData(identityKeys.session, me)
    },
    meta: { handlesErrors: true },
  })
}

export function useSignOut() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => api.post<void>('/api/auth/sign-out', undefined, { redirectOnUnauthenticated: false }),
    onSettled: () => queryClient.clear(),
  })
}

export function useRequestPasswordReset() {
  return useMutation({
    mutationFn: (input: PasswordResetRequestInput) => api.post<void>('/api/auth/password-reset/request', input),
    meta: { handlesErrors: true },
  })
}

export function useConfirmPasswordReset() {
  return useMutation({
    mutationFn: (input: PasswordResetConfirmInput) => api.post<void>('/api/auth/password-reset/confirm', input),
    meta: { handlesErrors: true },
  })
}

export function useUpdateMe() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: MeUpdateInput) => api.patch<Me>('/api/me', input),
    onSuccess: (me) => queryClient.setQueryData(identityKeys.session, me),
    meta: { handlesErrors: true },
  })
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (input: PasswordChangeInput) => api.post<void>('/api/me/password', input),
    meta: { handlesErrors: true },
  })
}

export function useApiTokens() {
  return useQuery({
    queryKey: identityKeys.tokens,
    queryFn: ({ signal }) => api.get<ApiToken[]>('/api/me/tokens', { signal }),
    meta: { handlesErrors: true },
  })
}

export function useCreateApiToken() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: ApiTokenCreateInput) => api.post<ApiTokenCreated>('/api/me/tokens', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: identityKeys.tokens }),
    meta: { handlesErrors: true },
  })
}

export function useRevokeApiToken() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (tokenId: string) => api.delete(`/api/me/tokens/${encodeURIComponent(tokenId)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: identityKeys.tokens }),
  })
}

// ── Invitations (public side) ───────────────────────────────────────────────────────────────────

export function useInvitationPreview(token: string) {
  return useQuery({
    queryKey: identityKeys.invitationPreview(token),
    queryFn: ({ signal }) =>
      api.get<InvitationPreview>(`/api/invitations/by-token/${encodeURIComponent(token)}`, {
        redirectOnUnauthenticated: false,
        signal,
      }),
    enabled: token !== '',
    meta: { handlesErrors: true },
  })
}

export function useAcceptInvitation(token: string) {
  const queryClient = useQueryClient()
  return useMutation({
    // The server answers `{ me }`: the new account's session, or null when the invitation was
    // added to the account already signed in (whose session the router then reloads).
    mutationFn: (input: InvitationAcceptInput) =>
      api.post<{ me: Me | null }>(`/api/invitations/by-token/${encodeURIComponent(token)}/accept`, input, {
        redirectOnUnauthenticated: false,
      }),
    onSuccess: ({ me }) => {
      queryClient.clear()
      if (me) queryClient.setQueryData(identityKeys.session, me)
    },
    meta: { handlesErrors: true },
  })
}

// ── Units ───────────────────────────────────────────────────────────────────────────────────────

export function useUnits(includeArchived = false) {
  return useQuery({
    queryKey: identityKeys.units(includeArchived),
    queryFn: ({ signal }) =>
      api.get<{ items: Unit[] }>('/api/units', { query: { includeArchived: includeArchived || undefined }, signal }),
    select: (data) => data.items,
    meta: { handlesErrors: true },
  })
}

/** After any unit change the tree, the unit pickers and the signed-in user's flags may all move. */
function useInvalidateUnits() {
  const queryClient = useQueryClient()
  return () => queryClient.invalidateQueries({ queryKey: identityKeys.allUnits })
}

export function useCreateUnit() {
  const invalidate = useInvalidateUnits()
  return useMutation({
    mutationFn: (input: UnitCreateInput) => api.post<Unit>('/api/units', input),
    onSuccess: invalidate,
    meta: { handlesErrors: true },
  })
}

export function useUpdateUnit(unitId: string) {
  const invalidate = useInvalidateUnits()
  return useMutation({
    mutationFn: (input: UnitUpdateInput) => api.patch<Unit>(`/api/units/${encodeURIComponent(unitId)}`, input),
    onSuccess: invalidate,
    meta: { handlesErrors: true },
  })
}

export function useArchiveUnit() {
  const invalidate = useInvalidateUnits()
  return useMutation({
    mutationFn: (unitId: string) => api.post<Unit>(`/api/units/${encodeURIComponent(unitId)}/archive`),
    onSuccess: invalidate,
  })
}

export function useRestoreUnit() {
  const invalidate = useInvalidateUnits()
  return useMutation({
    mutationFn: (unitId: string) => api.post<Unit>(`/api/units/${encodeURIComponent(unitId)}/restore`),
    onSuccess: invalidate,
  })
}

export function useUnitShares(unitId: string) {
  return useQuery({
    queryKey: identityKeys.unitShares(unitId),
    queryFn: ({ signal }) =>
      api.get<{ items: UnitShare[] }>(`/api/units/${encodeURIComponent(unitId)}/shares`, { signal }),
    select: (data) => data.items,
    meta: { handlesErrors: true },
  })
}

export function useAddUnitShare(unitId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (sharedWithUnitId: string) =>
      api.post<UnitShare>(`/api/units/${encodeURIComponent(unitId)}/shares`, { sharedWithUnitId }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: identityKeys.unitShares(unitId) }),
    meta: { handlesErrors: true },
  })
}

export function useRemoveUnitShare(unitId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (sharedWithUnitId: string) =>
      api.delete(`/api/units/${encodeURIComponent(unitId)}/shares/${encodeURIComponent(sharedWithUnitId)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: identityKeys.unitShares(unitId) }),
  })
}

// ── Users and memberships ───────────────────────────────────────────────────────────────────────

export function useUserList(filters: UserFilters, options: { limit?: number } = {}) {
  return useKeysetList(identityKeys.userList(filters), (cursor, signal) =>
    api.get<KeysetPage<User>>('/api/users', {
      query: { ...filters, cursor, limit: options.limit ?? PAGE_SIZE },
      signal,
    }),
  )
}

export function useUser(userId: string) {
  return useQuery({
    queryKey: identityKeys.user(userId),
    queryFn: ({ signal }) => api.get<User>(`/api/users/${encodeURIComponent(userId)}`, { signal }),
    meta: { handlesErrors: true },
  })
}

/** A changed user shows in its detail page and in every list it may appear in. */
function useStoreUser() {
  const queryClient = useQueryClient()
  return (user: User) => {
    queryClient.setQueryData(identityKeys.user(user.id), user)
    return queryClient.invalidateQueries({ queryKey: ['users', 'list'] })
  }
}

export function useRenameUser(userId: string) {
  const storeUser = useStoreUser()
  return useMutation({
    mutationFn: (input: { name: string }) => api.patch<User>(`/api/users/${encodeURIComponent(userId)}`, input),
    onSuccess: storeUser,
    meta: { handlesErrors: true },
  })
}

export function useDeactivateUser(userId: string) {
  const storeUser = useStoreUser()
  return useMutation({
    mutationFn: () => api.post<User>(`/api/users/${encodeURIComponent(userId)}/deactivate`),
    onSuccess: storeUser,
  })
}

export function useReactivateUser(userId: string) {
  const storeUser = useStoreUser()
  return useMutation({
    mutationFn: () => api.post<User>(`/api/users/${encodeURIComponent(userId)}/reactivate`),
    onSuccess: storeUser,
  })
}

/** Memberships show on the user's page, in user lists (unit filter) and, for oneself, in the session. */
function useInvalidateUsers() {
  const queryClient = useQueryClient()
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: identityKeys.users }),
      queryClient.invalidateQueries({ queryKey: identityKeys.session }),
    ])
}

export function useAddMembership(userId: string) {
  const invalidate = useInvalidateUsers()
  return useMutation({
    mutationFn: (input: MembershipInput) =>
      api.post<Membership>(`/api/users/${encodeURIComponent(userId)}/memberships`, input),
    onSuccess: invalidate,
    meta: { handlesErrors: true },
  })
}

export function useRemoveMembership(userId: string) {
  const invalidate = useInvalidateUsers()
  return useMutation({
    mutationFn: (membershipId: string) =>
      api.delete(`/api/users/${encodeURIComponent(userId)}/memberships/${encodeURIComponent(membershipId)}`),
    onSuccess: invalidate,
  })
}

// ── Invitations (admin side) ────────────────────────────────────────────────────────────────────

export function useInvitationList(filters: InvitationFilters) {
  return useKeysetList(identityKeys.invitationList(filters), (cursor, signal) =>
    api.get<KeysetPage<Invitation>>('/api/invitations', { query: { ...filters, cursor, limit: PAGE_SIZE }, signal }),
  )
}

function useInvalidateInvitations() {
  const queryClient = useQueryClient()
  return () => queryClient.invalidateQueries({ queryKey: identityKeys.invitations })
}

export function useCreateInvitation() {
  const invalidate = useInvalidateInvitations()
  return useMutation({
    mutationFn: (input: InvitationCreateInput) => api.post<Invitation>('/api/invitations', input),
    onSuccess: invalidate,
    meta: { handlesErrors: true },
  })
}

export function useRevokeInvitation() {
  const invalidate = useInvalidateInvitations()
  return useMutation({
    mutationFn: (invitationId: string) =>
      api.post<Invitation>(`/api/invitations/${encodeURIComponent(invitationId)}/revoke`),
    onSuccess: invalidate,
  })
}

export function useResendInvitation() {
  const invalidate = useInvalidateInvitations()
  return useMutation({
    mutationFn: (invitationId: string) =>
      api.post<Invitation>(`/api/invitations/${encodeURIComponent(invitationId)}/resend`),
    onSuccess: invalidate,
  })
}
