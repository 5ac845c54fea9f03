/**
 * TanStack Query hooks over the companies API. Response types come from the contract; after a
 * change the server's answer is stored as the company's detail and every list is refetched.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { z } from 'zod'
import { api } from '../../../web/api-client'
import { useKeysetList } from '../../../web/ui/keyset-list'
import type {
  Company,
  CompanyCreateInput,
  CompanyListQuery,
  CompanyPage,
  CompanySize,
  CompanyUpdateInput,
} from '../companies.contract'

/**
 * Filters of the companies list, as the page and the URL hold them: lists as arrays and flags as
 * booleans. The API takes lists comma-separated and flags as "true"/"false" (`toListQuery`).
 */
export interface CompanyFilters {
  q?: string
  unitId?: string
  region?: string
  province?: string
  atecoSection?: string[]
  size?: CompanySize[]
  cooperative?: boolean
  includeArchived?: boolean
  /** Any of these tags. */
  tags?: string[]
  /** ATECO 2007 divisions (two digits). */
  atecoDivision?: string[]
  /** Custom field filter, sent as compact JSON (`cf`, see CustomFieldFilter in the contract). */
  cf?: Record<string, unknown>
  /** "Contacted in period": any company activity between these days (YYYY-MM-DD, inclusive). */
  contactedFrom?: string
  contactedTo?: string
  /** Not filters: the columns shown (absent: the default ones) and the saved view applied. */
  columns?: string[]
  view?: string
}

type CompanyPageBody = z.infer<typeof CompanyPage>
type ListQueryParams = Partial<Record<keyof CompanyListQuery, string | number | undefined>>

const PAGE_SIZE = 25

export const companyKeys = {
  all: ['companies'] as const,
  lists: ['companies', 'list'] as const,
  list: (filters: CompanyFilters) => ['companies', 'list', filters] as const,
  detail: (companyId: string) => ['companies', 'detail', companyId] as const,
}

const joined = (values: readonly string[] | undefined) => (values && values.length > 0 ? values.join(',') : undefined)
const flag = (value: boolean | undefined) => (value === undefined ? undefined : String(value))

export function toListQuery(filters: CompanyFilters): ListQueryParams {
  return {
    q: filters.q,
    unitId: filters.unitId,
    region: filters.region,
    province: filters.province,
    atecoSection: joined(filters.atecoSection),
    size: joined(filters.size),
    cooperative: flag(filters.cooperative),
    // Archived companies are left out unless asked for; "false" is the server's default.
    includeArchived: filters.includeArchived ? 'true' : undefined,
    tags: joined(filters.tags),
    atecoDivision: joined(filters.atecoDivision),
    cf: filters.cf && Object.keys(filters.cf).length > 0 ? JSON.stringify(filters.cf) : undefined,
    contactedFrom: filters.contactedFrom,
    contactedTo: filters.contactedTo,
  }
}

/** Companies matching the filters, 25 at a time, with the count of all matches (`total`). */
export function useCompanyList(filters: CompanyFilters) {
  // Columns and the applied view do not change what the list holds.
  const { columns: _columns, view: _view, ...listFilters } = filters
  return useKeysetList(companyKeys.list(listFilters), (cursor, signal) =>
    api.get<CompanyPageBody>('/api/companies', {
      query: { ...toListQuery(filters), cursor, limit: PAGE_SIZE },
      signal,
    }),
  )
}

export function useCompany(companyId: string) {
  return useQuery({
    queryKey: companyKeys.detail(companyId),
    queryFn: ({ signal }) => api.get<Company>(`/api/companies/${encodeURIComponent(companyId)}`, { signal }),
    meta: { handlesErrors: true },
  })
}

/** A changed company shows at once on its page; lists refetch, since it may now sort or filter differently. */
function useStoreCompany() {
  const queryClient = useQueryClient()
  return (company: Company) => {
    queryClient.setQueryData(companyKeys.detail(company.id), company)
    return queryClient.invalidateQueries({ queryKey: companyKeys.lists })
  }
}

export function useCreateCompany() {
  const storeCompany = useStoreCompany()
  return useMutation({
    mutationFn: (input: CompanyCreateInput) => api.post<Company>('/api/companies', input),
    onSuccess: storeCompany,
    meta: { handlesErrors: true },
  })
}

export function useUpdateCompany(companyId: string) {
  const storeCompany = useStoreCompany()
  return useMutation({
    mutationFn: (input: CompanyUpdateInput) =>
      api.patch<Company>(`/api/companies/${encodeURIComponent(companyId)}`, input),
    onSuccess: storeCompany,
    meta: { handlesErrors: true },
  })
}

export function useArchiveCompany(companyId: string) {
  const storeCompany = useStoreCompany()
  return useMutation({
    mutationFn: () => api.post<Company>(`/api/companies/${encodeURIComponent(companyId)}/archive`),
    onSuccess: storeCompany,
  })
}

export function useRestoreCompany(companyId: string) {
  const storeCompany = useStoreCompany()
  return useMutation({
    mutationFn: () => api.post<Company>(`/api/companies/${encodeURIComponent(companyId)}/restore`),
    onSuccess: storeCompany,
  })
}
