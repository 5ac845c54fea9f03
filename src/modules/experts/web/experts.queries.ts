/**
 * TanStack Query hooks over the experts API: the expert's own profile and CV, the staff's pool
 * list, one profile and its review. After a change the server's answer is stored as the profile
 * and every pool list refetches.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from '../../../web/api-client'
import { useKeysetList } from '../../../web/ui/keyset-list'
import type { ExpertPage, ExpertProfile, ExpertProfileInput, ExpertProfileStatus } from '../experts.contract'

export interface ExpertFilters {
  q?: string
  status?: ExpertProfileStatus
  competence?: string
  sector?: string
  province?: string
  minAvailability?: number
}

export const expertKeys = {
  all: ['experts'] as const,
  lists: ['experts', 'list'] as const,
  list: (filters: ExpertFilters) => ['experts', 'list', filters] as const,
  me: ['experts', 'me'] as const,
  detail: (userId: string) => ['experts', 'detail', userId] as const,
}

const PAGE_SIZE = 25

export function useExpertList(filters: ExpertFilters, pageSize = PAGE_SIZE) {
  return useKeysetList(expertKeys.list(filters), (cursor, signal) =>
    api.get<ExpertPage>('/api/experts', { query: { ...filters, cursor, limit: pageSize }, signal }),
  )
}

export function useMyExpertProfile() {
  return useQuery({
    queryKey: expertKeys.me,
    queryFn: ({ signal }) => api.get<ExpertProfile>('/api/experts/me', { signal }),
    meta: { handlesErrors: true },
  })
}

export function useExpert(userId: string | null) {
  return useQuery({
    queryKey: expertKeys.detail(userId ?? ''),
    queryFn: ({ signal }) => api.get<ExpertProfile>(`/api/experts/${encodeURIComponent(userId ?? '')}`, { signal }),
    enabled: Boolean(userId),
    meta: { handlesErrors: true },
  })
}

function useStoreProfile() {
  const queryClient = useQueryClient()
  return (profile: ExpertProfile, mine: boolean) => {
    queryClient.setQueryData(mine ? expertKeys.me : expertKeys.detail(profile.userId), profile)
    void queryClient.invalidateQueries({ queryKey: expertKeys.lists })
  }
}

export function useSaveMyProfile() {
  const store = useStoreProfile()
  return useMutation({ mutationFn: (body: ExpertProfileInput) => api.put<ExpertProfile>('/api/experts/me', body), onSuccess: (profile) => store(profile, true) })
}

export function useSubmitMyProfile() {
  const store = useStoreProfile()
  return useMutation({ mutationFn: () => api.post<ExpertProfile>('/api/experts/me/submit'), onSuccess: (profile) => store(profile, true) })
}

export function useUploadMyCv() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: { fileName: string; contentType: string; content: string }) => api.post('/api/experts/me/cv', body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: expertKeys.me }),
  })
}

export function useDeleteMyCv() {
  const queryClient = useQueryClient()
  return useMutation({ mutationFn: () => api.delete('/api/experts/me/cv'), onSuccess: () => void queryClient.invalidateQueries({ queryKey: expertKeys.me }) })
}

export function useReviewExpert(userId: string) {
  const store = useStoreProfile()
  return useMutation({
    mutationFn: ({ decision, note }: { decision: 'approve' | 'reject'; note: string }) =>
      api.post<ExpertProfile>(`/api/experts/${encodeURIComponent(userId)}/${decision}`, note ? { note } : {}),
    onSuccess: (profile) => store(profile, false),
  })
}

export const expertCvUrl = (userId: string | 'me') => (userId === 'me' ? '/api/experts/me/cv' : `/api/experts/${encodeURIComponent(userId)}/cv`)
