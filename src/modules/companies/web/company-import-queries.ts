/**
 * TanStack Query hooks over the company import API. The file goes up as JSON with base64 content
 * (the API client's one way of talking to the server); a running import is polled every second.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { api } from '../../../web/api-client'
import type { CompanyImport, CompanyImportList, CompanyImportUpdateInput } from '../companies.contract'
import { companyKeys, toListQuery, type CompanyFilters } from './companies.queries'

export const importKeys = {
  all: ['company-imports'] as const,
  list: ['company-imports', 'list'] as const,
  detail: (id: string) => ['company-imports', 'detail', id] as const,
}

/** The file's bytes as base64, without the `data:…;base64,` prefix. */
export function fileToBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''))
    reader.onerror = () => reject(reader.error ?? new Error('file read failed'))
    reader.readAsDataURL(file)
  })
}

export function useCompanyImports() {
  return useQuery({
    queryKey: importKeys.list,
    queryFn: ({ signal }) => api.get<CompanyImportList>('/api/companies/imports', { signal }),
    select: (data) => data.items,
  })
}

/** One import; polled while it runs so the progress bar moves (any server instance answers). */
export function useCompanyImport(id: string | undefined) {
  const queryClient = useQueryClient()
  const query = useQuery({
    queryKey: importKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api.get<CompanyImport>(`/api/companies/imports/${id}`, { signal }),
    enabled: Boolean(id),
    refetchInterval: (query) => (query.state.data?.status === 'importing' || query.state.data?.status === 'validating' ? 1000 : false),
  })
  // When the status moves (an import finishes in the background), the history and the company lists are stale.
  const status = query.data?.status
  useEffect(() => {
    if (!status) return
    void queryClient.invalidateQueries({ queryKey: importKeys.list })
    if (status === 'done' || status === 'undone') void queryClient.invalidateQueries({ queryKey: companyKeys.all })
  }, [status, queryClient])
  return query
}

function useStore() {
  const queryClient = useQueryClient()
  return (view: CompanyImport) => {
    queryClient.setQueryData(importKeys.detail(view.id), view)
    void queryClient.invalidateQueries({ queryKey: importKeys.list })
  }
}

export function useUploadImport() {
  const store = useStore()
  return useMutation({
    mutationFn: async ({ file, unitId }: { file: File; unitId?: string | undefined }) =>
      api.post<CompanyImport>('/api/companies/imports', { fileName: file.name, content: await fileToBase64(file), unitId }),
    onSuccess: store,
  })
}

export function useUpdateImport(id: string) {
  const store = useStore()
  return useMutation({
    mutationFn: (input: CompanyImportUpdateInput) => api.patch<CompanyImport>(`/api/companies/imports/${id}`, input),
    onSuccess: store,
  })
}

/** Import actions without a body: validate (dry run), run, undo. */
export function useImportAction(id: string, action: 'validate' | 'run' | 'undo') {
  const store = useStore()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => api.post<CompanyImport>(`/api/companies/imports/${id}/${action}`),
    onSuccess: (view) => {
      store(view)
      if (action !== 'validate') void queryClient.invalidateQueries({ queryKey: companyKeys.all })
    },
  })
}

export function reportUrl(id: string, format: 'csv' | 'xlsx'): string {
  return `/api/companies/imports/${id}/report?format=${format}`
}

/** The export of the list as filtered now (same filters as the list's query). */
export function exportUrl(filters: CompanyFilters, format: 'csv' | 'xlsx'): string {
  const params = new URLSearchParams({ format })
  for (const [key, value] of Object.entries(toListQuery(filters))) {
    if (value !== undefined && value !== '') params.set(key, String(value))
  }
  return `/api/companies/export?${params.toString()}`
}
