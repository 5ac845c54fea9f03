/**
 * TanStack Query hooks over the duplicates, merges and company members API. A merge or its undo
 * changes companies, lists and the queue at once: every companies query is refetched.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { z } from 'zod'
import { api } from '../../../web/api-client'
import { useKeysetList } from '../../../web/ui/keyset-list'
import type {
  CompanyDuplicateList,
  CompanyMember,
  CompanyMemberList,
  CompanyMerge,
  CompanyMergePage,
  DuplicatePair,
  MergeCreateInput,
  MergePreview,
} from '../companies.contract'
import { companyKeys } from './companies.queries'

const PAGE_SIZE = 20

export const duplicateKeys = {
  queue: ['companies', 'duplicates', 'queue'] as const,
  ofCompany: (companyId: string) => ['companies', 'duplicates', 'company', companyId] as const,
  merges: ['companies', 'merges', 'list'] as const,
  preview: (survivorId: string, mergedId: string) => ['companies', 'merges', 'preview', survivorId, mergedId] as const,
  members: (companyId: string) => ['companies', 'members', companyId] as const,
}

export function useDuplicateQueue() {
  return useKeysetList(duplicateKeys.queue, (cursor, signal) =>
    api.get<{ items: DuplicatePair[]; nextCursor: string | null; pending?: number }>('/api/companies/duplicates', {
      query: { cursor, limit: PAGE_SIZE },
      signal,
    }),
  )
}

export function useCompanyDuplicates(companyId: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: duplicateKeys.ofCompany(companyId),
    queryFn: ({ signal }) =>
      api.get<z.infer<typeof CompanyDuplicateList>>(`/api/companies/${encodeURIComponent(companyId)}/duplicates`, { signal }),
    enabled: options.enabled ?? true,
    meta: { handlesErrors: true },
  })
}

export function useDismissPair() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: { companyAId: string; companyBId: string }) => api.post('/api/companies/duplicates/dismiss', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['companies', 'duplicates'] }),
  })
}

export function useMergeList() {
  return useKeysetList(duplicateKeys.merges, (cursor, signal) =>
    api.get<z.infer<typeof CompanyMergePage>>('/api/companies/merges', { query: { cursor, limit: PAGE_SIZE }, signal }),
  )
}

export function useMergePreview(survivorId: string, mergedId: string) {
  return useQuery({
    queryKey: duplicateKeys.preview(survivorId, mergedId),
    queryFn: ({ signal }) => api.get<MergePreview>('/api/companies/merges/preview', { query: { survivorId, mergedId }, signal }),
    meta: { handlesErrors: true },
  })
}

/** After a merge or an undo, everything about companies may have changed. */
function useRefreshCompanies() {
  const queryClient = useQueryClient()
  return () => queryClient.invalidateQueries({ queryKey: companyKeys.all })
}

export function useMergeCompanies() {
  const refresh = useRefreshCompanies()
  return useMutation({
    mutationFn: (input: MergeCreateInput) => api.post<CompanyMerge>('/api/companies/merges', input),
    onSuccess: refresh,
  })
}

export function useUndoMerge() {
  const refresh = useRefreshCompanies()
  return useMutation({
    mutationFn: (mergeId: string) => api.post<CompanyMerge>(`/api/companies/merges/${encodeURIComponent(mergeId)}/undo`),
    onSuccess: refresh,
  })
}

export function useCompanyMembers(companyId: string) {
  return useQuery({
    queryKey: duplicateKeys.members(companyId),
    queryFn: ({ signal }) =>
      api.get<z.infer<typeof CompanyMemberList>>(`/api/companies/${encodeURIComponent(companyId)}/members`, { signal }),
    meta: { handlesErrors: true },
  })
}

export function useAddCompanyMember(companyId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (userId: string) => api.post<CompanyMember>(`/api/companies/${encodeURIComponent(companyId)}/members`, { userId }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: duplicateKeys.members(companyId) }),
  })
}

export function useRemoveCompanyMember(companyId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (userId: string) =>
      api.delete<void>(`/api/companies/${encodeURIComponent(companyId)}/members/${encodeURIComponent(userId)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: duplicateKeys.members(companyId) }),
  })
}
