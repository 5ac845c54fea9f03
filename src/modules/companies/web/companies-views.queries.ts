/**
 * TanStack Query hooks for custom fields, saved views and bulk actions of the companies list.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from '../../../web/api-client'
import type {
  CompanyBulkInput,
  CompanyBulkResult,
  CustomFieldCreateInput,
  CustomFieldDefinition,
  CustomFieldUpdateInput,
  SavedView,
  SavedViewCreateInput,
  SavedViewUpdateInput,
} from '../companies.contract'
import { companyKeys } from './companies.queries'

export const customFieldKeys = {
  all: ['companies', 'custom-fields'] as const,
  list: (includeArchived: boolean) => ['companies', 'custom-fields', { includeArchived }] as const,
}

export const savedViewKeys = { all: ['companies', 'views'] as const }

/** The network's custom fields, in display order (archived ones only when asked for). */
export function useCustomFields(options: { includeArchived?: boolean; enabled?: boolean } = {}) {
  const includeArchived = options.includeArchived ?? false
  return useQuery({
    queryKey: customFieldKeys.list(includeArchived),
    queryFn: ({ signal }) =>
      api.get<{ items: CustomFieldDefinition[] }>('/api/companies/custom-fields', {
        query: { includeArchived: includeArchived ? 'true' : undefined },
        signal,
      }),
    select: (data) => data.items,
    enabled: options.enabled ?? true,
    // Definitions change rarely; every company page and list reads them.
    staleTime: 60_000,
    meta: { handlesErrors: true },
  })
}

function useRefreshCustomFields() {
  const queryClient = useQueryClient()
  return () => queryClient.invalidateQueries({ queryKey: customFieldKeys.all })
}

export function useCreateCustomField() {
  const refresh = useRefreshCustomFields()
  return useMutation({
    mutationFn: (input: CustomFieldCreateInput) => api.post<CustomFieldDefinition>('/api/companies/custom-fields', input),
    onSuccess: refresh,
    meta: { handlesErrors: true },
  })
}

export function useUpdateCustomField() {
  const refresh = useRefreshCustomFields()
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: CustomFieldUpdateInput }) =>
      api.patch<CustomFieldDefinition>(`/api/companies/custom-fields/${encodeURIComponent(id)}`, input),
    onSuccess: refresh,
    meta: { handlesErrors: true },
  })
}

export function useArchiveCustomField() {
  const refresh = useRefreshCustomFields()
  return useMutation({
    mutationFn: ({ id, archived }: { id: string; archived: boolean }) =>
      api.post<CustomFieldDefinition>(`/api/companies/custom-fields/${encodeURIComponent(id)}/${archived ? 'archive' : 'restore'}`),
    onSuccess: refresh,
  })
}

/** Views the user sees: their own first, then those shared with their units. */
export function useSavedViews() {
  return useQuery({
    queryKey: savedViewKeys.all,
    queryFn: ({ signal }) => api.get<{ items: SavedView[] }>('/api/companies/views', { signal }),
    select: (data) => data.items,
    meta: { handlesErrors: true },
  })
}

function useRefreshViews() {
  const queryClient = useQueryClient()
  return () => queryClient.invalidateQueries({ queryKey: savedViewKeys.all })
}

export function useCreateSavedView() {
  const refresh = useRefreshViews()
  return useMutation({
    mutationFn: (input: SavedViewCreateInput) => api.post<SavedView>('/api/companies/views', input),
    onSuccess: refresh,
    meta: { handlesErrors: true },
  })
}

export function useUpdateSavedView() {
  const refresh = useRefreshViews()
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: SavedViewUpdateInput }) =>
      api.patch<SavedView>(`/api/companies/views/${encodeURIComponent(id)}`, input),
    onSuccess: refresh,
    meta: { handlesErrors: true },
  })
}

export function useDeleteSavedView() {
  const refresh = useRefreshViews()
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(`/api/companies/views/${encodeURIComponent(id)}`),
    onSuccess: refresh,
  })
}

/** A bulk action; every list and every company page refetches afterwards. */
export function useBulkCompanies() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: CompanyBulkInput) => api.post<CompanyBulkResult>('/api/companies/bulk', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: companyKeys.all }),
  })
}
