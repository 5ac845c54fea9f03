/**
 * TanStack Query hooks over the contacts API. After a change the server's answer is stored as the
 * contact's detail and every contact list (segments, company panels) is refetched.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { z } from 'zod'
import { api } from '../../../web/api-client'
import { useKeysetList } from '../../../web/ui/keyset-list'
import type {
  ConsentHistory,
  ConsentPurpose,
  ConsentRecordInput,
  Contact,
  ContactCompanyLinkInput,
  ContactCreateInput,
  ContactLinkUpdateInput,
  ContactPage,
  ContactUpdateInput,
} from '../contacts.contract'

/** Filters of the contacts list, as the page and the URL hold them. */
export interface ContactFilters {
  q?: string
  unitId?: string
  companyId?: string
  /** The segment: contacts whose consent for this purpose is in force. */
  consent?: ConsentPurpose
  includeArchived?: boolean
}

type ContactPageBody = z.infer<typeof ContactPage>
type ConsentHistoryBody = z.infer<typeof ConsentHistory>

const PAGE_SIZE = 25

export const contactKeys = {
  all: ['contacts'] as const,
  lists: ['contacts', 'list'] as const,
  list: (filters: ContactFilters) => ['contacts', 'list', filters] as const,
  detail: (contactId: string) => ['contacts', 'detail', contactId] as const,
  consents: (contactId: string) => ['contacts', 'consents', contactId] as const,
}

/** The list's filters as the API takes them (flags as "true", absent ones left out). */
export function toContactQuery(filters: ContactFilters): Record<string, string | undefined> {
  return {
    q: filters.q,
    unitId: filters.unitId,
    companyId: filters.companyId,
    consent: filters.consent,
    includeArchived: filters.includeArchived ? 'true' : undefined,
  }
}

/** Where the CSV of the filtered list (a segment) downloads from: a plain GET with the session cookie. */
export function contactsCsvUrl(filters: ContactFilters): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(toContactQuery(filters))) if (value) params.set(key, value)
  const search = params.toString()
  return `/api/contacts/export${search ? `?${search}` : ''}`
}

/** The GDPR data-subject export of one person. */
export function gdprExportUrl(contactId: string, format: 'json' | 'pdf'): string {
  return `/api/contacts/${encodeURIComponent(contactId)}/export?format=${format}`
}

export function useContactList(filters: ContactFilters, pageSize = PAGE_SIZE) {
  return useKeysetList(contactKeys.list(filters), (cursor, signal) =>
    api.get<ContactPageBody>('/api/contacts', { query: { ...toContactQuery(filters), cursor, limit: pageSize }, signal }),
  )
}

export function useContact(contactId: string) {
  return useQuery({
    queryKey: contactKeys.detail(contactId),
    queryFn: ({ signal }) => api.get<Contact>(`/api/contacts/${encodeURIComponent(contactId)}`, { signal }),
    meta: { handlesErrors: true },
  })
}

export function useConsentHistory(contactId: string) {
  return useQuery({
    queryKey: contactKeys.consents(contactId),
    queryFn: ({ signal }) => api.get<ConsentHistoryBody>(`/api/contacts/${encodeURIComponent(contactId)}/consents`, { signal }),
    meta: { handlesErrors: true },
  })
}

/** A changed contact shows at once on its page; lists and its consent history refetch. */
function useStoreContact() {
  const queryClient = useQueryClient()
  return async (contact: Contact) => {
    queryClient.setQueryData(contactKeys.detail(contact.id), contact)
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: contactKeys.lists }),
      queryClient.invalidateQueries({ queryKey: contactKeys.consents(contact.id) }),
    ])
  }
}

const path = (contactId: string, rest = '') => `/api/contacts/${encodeURIComponent(contactId)}${rest}`

export function useCreateContact() {
  const store = useStoreContact()
  return useMutation({
    mutationFn: (input: ContactCreateInput) => api.post<Contact>('/api/contacts', input),
    onSuccess: store,
    meta: { handlesErrors: true },
  })
}

export function useUpdateContact(contactId: string) {
  const store = useStoreContact()
  return useMutation({
    mutationFn: (input: ContactUpdateInput) => api.patch<Contact>(path(contactId), input),
    onSuccess: store,
    meta: { handlesErrors: true },
  })
}

export function useSetContactArchived(contactId: string) {
  const store = useStoreContact()
  return useMutation({
    mutationFn: (archived: boolean) => api.post<Contact>(path(contactId, archived ? '/archive' : '/restore')),
    onSuccess: store,
  })
}

export function useEraseContact(contactId: string) {
  const store = useStoreContact()
  return useMutation({
    mutationFn: () => api.post<Contact>(path(contactId, '/erase')),
    onSuccess: store,
  })
}

export function useRecordConsent(contactId: string) {
  const store = useStoreContact()
  return useMutation({
    mutationFn: (input: ConsentRecordInput) => api.post<Contact>(path(contactId, '/consents'), input),
    onSuccess: store,
    meta: { handlesErrors: true },
  })
}

export function useAddCompanyLink() {
  const store = useStoreContact()
  return useMutation({
    mutationFn: ({ contactId, link }: { contactId: string; link: ContactCompanyLinkInput }) =>
      api.post<Contact>(path(contactId, '/companies'), link),
    onSuccess: store,
    meta: { handlesErrors: true },
  })
}

export function useUpdateCompanyLink() {
  const store = useStoreContact()
  return useMutation({
    mutationFn: ({ contactId, companyId, change }: { contactId: string; companyId: string; change: ContactLinkUpdateInput }) =>
      api.patch<Contact>(path(contactId, `/companies/${encodeURIComponent(companyId)}`), change),
    onSuccess: store,
  })
}

export function useRemoveCompanyLink() {
  const store = useStoreContact()
  return useMutation({
    mutationFn: ({ contactId, companyId }: { contactId: string; companyId: string }) =>
      api.delete<Contact>(path(contactId, `/companies/${encodeURIComponent(companyId)}`)),
    onSuccess: store,
  })
}
