/**
 * TanStack Query hooks over the interactions API (timelines and follow-ups). After a change the
 * timelines and follow-up lists refetch, and so does the company: its journey stage may have moved.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from '../../../web/api-client'
import { useKeysetList, type KeysetPage } from '../../../web/ui/keyset-list'
import { companyKeys } from '../../companies/web'
import type { Contact } from '../../contacts/contacts.contract'
import type { User } from '../../identity/identity.contract'
import type {
  FollowUp,
  FollowUpCreateInput,
  FollowUpStatus,
  FollowUpUpdateInput,
  Interaction,
  InteractionCreateInput,
  InteractionKind,
  InteractionUpdateInput,
} from '../interactions.contract'

/** Whose timeline: a company's or a contact's. */
export type TimelineSubject = { companyId: string } | { contactId: string }

export const interactionKeys = {
  all: ['interactions'] as const,
  timeline: (subject: TimelineSubject, kind: InteractionKind | null) => ['interactions', 'timeline', subject, kind] as const,
  followUps: ['follow-ups'] as const,
  myFollowUps: (status: FollowUpStatus) => ['follow-ups', 'mine', status] as const,
  people: (companyId: string | null) => ['interactions', 'people', companyId] as const,
}

export function useTimeline(subject: TimelineSubject, kind: InteractionKind | null) {
  return useKeysetList(interactionKeys.timeline(subject, kind), (cursor, signal) =>
    api.get<KeysetPage<Interaction>>('/api/interactions', { query: { ...subject, kind: kind ?? undefined, cursor, limit: 20 }, signal }),
  )
}

/** "My follow-ups": open ones by due date (overdue first), or the done ones. */
export function useMyFollowUps(status: FollowUpStatus) {
  return useKeysetList(interactionKeys.myFollowUps(status), (cursor, signal) =>
    api.get<KeysetPage<FollowUp>>('/api/follow-ups', { query: { assignee: 'me', status, cursor, limit: 50 }, signal }),
  )
}

/** Refetch what an interaction or follow-up change may have altered, including the company's stage. */
function useRefreshAfterChange() {
  const queryClient = useQueryClient()
  return (companyId: string | null) =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: interactionKeys.all }),
      queryClient.invalidateQueries({ queryKey: interactionKeys.followUps }),
      companyId ? queryClient.invalidateQueries({ queryKey: companyKeys.detail(companyId) }) : null,
      companyId ? queryClient.invalidateQueries({ queryKey: companyKeys.lists }) : null,
    ])
}

export function useCreateInteraction() {
  const refresh = useRefreshAfterChange()
  return useMutation({
    mutationFn: (input: InteractionCreateInput) => api.post<Interaction>('/api/interactions', input),
    onSuccess: (interaction) => refresh(interaction.companyId),
    meta: { handlesErrors: true },
  })
}

export function useUpdateInteraction(interactionId: string) {
  const refresh = useRefreshAfterChange()
  return useMutation({
    mutationFn: (input: InteractionUpdateInput) => api.patch<Interaction>(`/api/interactions/${encodeURIComponent(interactionId)}`, input),
    onSuccess: (interaction) => refresh(interaction.companyId),
    meta: { handlesErrors: true },
  })
}

export function useDeleteInteraction() {
  const refresh = useRefreshAfterChange()
  return useMutation({
    mutationFn: (interaction: Interaction) => api.delete(`/api/interactions/${encodeURIComponent(interaction.id)}`),
    onSuccess: (_data, interaction) => refresh(interaction.companyId),
  })
}

export function useCreateFollowUp() {
  const refresh = useRefreshAfterChange()
  return useMutation({
    mutationFn: (input: FollowUpCreateInput) => api.post<FollowUp>('/api/follow-ups', input),
    onSuccess: (followUp) => refresh(followUp.companyId),
    meta: { handlesErrors: true },
  })
}

export function useUpdateFollowUp(followUpId: string) {
  const refresh = useRefreshAfterChange()
  return useMutation({
    mutationFn: (input: FollowUpUpdateInput) => api.patch<FollowUp>(`/api/follow-ups/${encodeURIComponent(followUpId)}`, input),
    onSuccess: (followUp) => refresh(followUp.companyId),
    meta: { handlesErrors: true },
  })
}

export function useSetFollowUpStatus() {
  const refresh = useRefreshAfterChange()
  return useMutation({
    mutationFn: ({ followUp, status }: { followUp: FollowUp; status: FollowUpStatus }) =>
      api.post<FollowUp>(`/api/follow-ups/${encodeURIComponent(followUp.id)}/${status === 'done' ? 'complete' : 'reopen'}`),
    onSuccess: (followUp) => refresh(followUp.companyId),
  })
}

/** A person who can take part in an interaction or be assigned a follow-up. */
export interface PersonOption {
  value: string
  label: string
  type: 'user' | 'contact'
}

const STAFF_ROLES = new Set(['network_admin', 'unit_manager', 'unit_staff'])

/**
 * People to pick from: the hub's staff the caller sees (the server checks each one reads the
 * company's unit) and, for a company, its contacts.
 */
export function usePeopleOptions(companyId: string | null) {
  return useQuery({
    queryKey: interactionKeys.people(companyId),
    staleTime: 60_000,
    queryFn: async ({ signal }): Promise<PersonOption[]> => {
      const [users, contacts] = await Promise.all([
        api.get<KeysetPage<User>>('/api/users', { query: { status: 'active', limit: 100 }, signal }),
        companyId
          ? api.get<KeysetPage<Contact>>('/api/contacts', { query: { companyId, limit: 100 }, signal })
          : Promise.resolve({ items: [] as Contact[], nextCursor: null }),
      ])
      return [
        ...users.items
          .filter((u) => u.memberships.some((m) => STAFF_ROLES.has(m.role)))
          .map((u) => ({ value: `user:${u.id}`, label: u.name, type: 'user' as const })),
        ...contacts.items
          .filter((c) => !c.erasedAt)
          .map((c) => ({ value: `contact:${c.id}`, label: `${c.firstName} ${c.lastName}`, type: 'contact' as const })),
      ]
    },
  })
}
