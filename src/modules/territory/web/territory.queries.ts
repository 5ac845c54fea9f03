/**
 * TanStack Query hooks over the territory API (ISTAT comuni and provinces). Reference data changes
 * once a year at most, so answers are kept for the whole session.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { api } from '../../../web/api-client'
import type { Comune, Province } from '../territory.contract'

export const territoryKeys = {
  provinces: (region: string | undefined) => ['territory', 'provinces', { region }] as const,
  comuni: (q: string) => ['territory', 'comuni', q] as const,
}

/** Fewer letters match too many comuni to be a useful list ("Vo", "Ne" and "Ro" are the shortest names). */
export const COMUNE_SEARCH_MIN_LENGTH = 2

export function useProvinces(region?: string) {
  return useQuery({
    queryKey: territoryKeys.provinces(region),
    queryFn: ({ signal }) => api.get<{ items: Province[] }>('/api/territory/provinces', { query: { region }, signal }),
    select: (data) => data.items,
    staleTime: Infinity,
  })
}

/** Comuni in force today whose name (accents and case aside) or ISTAT code matches `q`, best first. */
export function useComuneSearch(q: string) {
  const text = q.trim()
  return useQuery({
    queryKey: territoryKeys.comuni(text),
    queryFn: ({ signal }) => api.get<{ items: Comune[] }>('/api/territory/comuni', { query: { q: text, limit: 10 }, signal }),
    select: (data) => data.items,
    enabled: text.length >= COMUNE_SEARCH_MIN_LENGTH,
    staleTime: Infinity,
    // The list stays while the next letters are looked up, instead of flashing empty.
    placeholderData: keepPreviousData,
  })
}
