/**
 * TanStack Query hooks over the stored roadmaps API. After a change the roadmap, its company's list
 * and the company itself (its journey stage may have moved) refetch.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from '../../../web/api-client'
import { useKeysetList } from '../../../web/ui/keyset-list'
import { companyKeys } from '../../companies/web'
import type { PublicRoadmap, Roadmap, RoadmapCreateInput, RoadmapDiff, RoadmapPage, RoadmapSaveInput } from '../roadmaps.contract'

export const roadmapKeys = {
  all: ['roadmaps'] as const,
  ofCompany: (companyId: string) => ['roadmaps', 'company', companyId] as const,
  list: (filters: Record<string, string | undefined>) => ['roadmaps', 'list', filters] as const,
  one: (id: string) => ['roadmaps', 'one', id] as const,
  diff: (id: string, from: number, to: number) => ['roadmaps', 'diff', id, from, to] as const,
  signoff: (token: string) => ['roadmap-signoff', token] as const,
}

export function useCompanyRoadmaps(companyId: string) {
  return useQuery({
    queryKey: roadmapKeys.ofCompany(companyId),
    queryFn: ({ signal }) => api.get<RoadmapPage>('/api/roadmaps', { query: { companyId, limit: 100 }, signal }),
  })
}

export function useRoadmaps(filters: { status?: string | undefined }) {
  return useKeysetList(roadmapKeys.list(filters), (cursor, signal) => api.get<RoadmapPage>('/api/roadmaps', { query: { ...filters, cursor, limit: 50 }, signal }))
}

export function useRoadmap(id: string) {
  return useQuery({ queryKey: roadmapKeys.one(id), queryFn: ({ signal }) => api.get<Roadmap>(`/api/roadmaps/${id}`, { signal }) })
}

export function useRoadmapDiff(id: string, from: number, to: number, enabled: boolean) {
  return useQuery({
    queryKey: roadmapKeys.diff(id, from, to),
    queryFn: ({ signal }) => api.get<RoadmapDiff>(`/api/roadmaps/${id}/diff`, { query: { from, to }, signal }),
    enabled,
  })
}

function useRefresh() {
  const queryClient = useQueryClient()
  return (roadmap: Roadmap) => {
    queryClient.setQueryData(roadmapKeys.one(roadmap.id), roadmap)
    void queryClient.invalidateQueries({ queryKey: roadmapKeys.ofCompany(roadmap.company.id) })
    void queryClient.invalidateQueries({ queryKey: ['roadmaps', 'list'] })
    void queryClient.invalidateQueries({ queryKey: companyKeys.all })
  }
}

export function useCreateRoadmap() {
  const refresh = useRefresh()
  return useMutation({ mutationFn: (input: RoadmapCreateInput) => api.post<Roadmap>('/api/roadmaps', input), onSuccess: refresh })
}

export function useSaveRoadmap(id: string) {
  const refresh = useRefresh()
  return useMutation({ mutationFn: (input: RoadmapSaveInput) => api.put<Roadmap>(`/api/roadmaps/${id}`, input), onSuccess: refresh })
}

export function useSendRoadmapForSignoff(id: string) {
  const refresh = useRefresh()
  return useMutation({
    mutationFn: (input: { email: string; locale: 'it' | 'en'; message?: string }) => api.post<Roadmap>(`/api/roadmaps/${id}/signoff`, input),
    onSuccess: refresh,
  })
}

export function useSetRoadmapT1(id: string) {
  const refresh = useRefresh()
  return useMutation({ mutationFn: (dueOn: string | null) => api.put<Roadmap>(`/api/roadmaps/${id}/t1`, { dueOn }), onSuccess: refresh })
}

export function usePublicRoadmap(token: string) {
  return useQuery({
    queryKey: roadmapKeys.signoff(token),
    queryFn: ({ signal }) => api.get<PublicRoadmap>(`/api/roadmap-signoff/${encodeURIComponent(token)}`, { signal, redirectOnUnauthenticated: false }),
    retry: false,
    refetchOnWindowFocus: false,
  })
}

export function useSignRoadmap(token: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: { name: string; role?: string; version: number; accept: true }) => api.post<PublicRoadmap>(`/api/roadmap-signoff/${encodeURIComponent(token)}/sign`, input, { redirectOnUnauthenticated: false }),
    onSuccess: (signed) => queryClient.setQueryData(roadmapKeys.signoff(token), signed),
  })
}
