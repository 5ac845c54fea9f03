/**
 * TanStack Query hooks over the projects API. After a ledger change the project (its sums), its
 * entries and burn-down refetch; after a project change the lists and the company (its journey
 * stage may have moved) refetch too.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from '../../../web/api-client'
import { useKeysetList } from '../../../web/ui/keyset-list'
import type { Roadmap, RoadmapPage } from '../../roadmaps/roadmaps.contract'
import type {
  BurnDown,
  ConfirmInput,
  DisputeInput,
  ExpertMatchList,
  Milestone,
  MilestoneInput,
  MilestoneUpdateInput,
  Project,
  ProjectCreateInput,
  ProjectPage,
  ProjectStatus,
  ProjectTransitionInput,
  ProjectUpdateInput,
  SendConfirmationInput,
  SupportDayConfirmation,
  SupportDayEntry,
  SupportDayEntryInput,
  ExpertWorkload,
  SupportDayTotals,
  TotalsQuery,
} from '../projects.contract'

export interface ProjectsSearch {
  unitId?: string | undefined
  status?: ProjectStatus | undefined
  expertUserId?: string | undefined
  companyId?: string | undefined
  mine?: boolean | undefined
}

export const projectKeys = {
  all: ['projects'] as const,
  list: (search: ProjectsSearch) => ['projects', 'list', search] as const,
  one: (id: string) => ['projects', 'one', id] as const,
  entries: (id: string) => ['projects', 'entries', id] as const,
  burndown: (id: string) => ['projects', 'burndown', id] as const,
  matches: (id: string) => ['projects', 'matches', id] as const,
  link: (token: string) => ['support-day-link', token] as const,
}

export function useProjectsList(search: ProjectsSearch) {
  return useKeysetList(projectKeys.list(search), (cursor, signal) =>
    api.get<ProjectPage>('/api/projects', {
      query: { unitId: search.unitId, status: search.status, expertUserId: search.expertUserId, companyId: search.companyId, mine: search.mine ? 'true' : undefined, cursor, limit: 25 },
      signal,
    }),
  )
}

export function useProject(id: string) {
  return useQuery({ meta: { handlesErrors: true }, queryKey: projectKeys.one(id), queryFn: ({ signal }) => api.get<Project>(`/api/projects/${id}`, { signal }) })
}

export function useProjectEntries(id: string) {
  return useQuery({ meta: { handlesErrors: true }, queryKey: projectKeys.entries(id), queryFn: ({ signal }) => api.get<{ items: SupportDayEntry[] }>(`/api/projects/${id}/entries`, { signal }) })
}

export function useBurnDown(id: string) {
  return useQuery({ meta: { handlesErrors: true }, queryKey: projectKeys.burndown(id), queryFn: ({ signal }) => api.get<BurnDown>(`/api/projects/${id}/burndown`, { signal }) })
}

/** The best `limit` experts for the project (the server's default when not given). */
export function useExpertMatches(id: string, enabled: boolean, limit?: number) {
  return useQuery({
    meta: { handlesErrors: true },
    queryKey: [...projectKeys.matches(id), limit ?? 'default'],
    queryFn: ({ signal }) => api.get<ExpertMatchList>(`/api/projects/${id}/expert-matches`, { query: { limit }, signal }),
    enabled,
    placeholderData: keepPreviousData,
  })
}

function useRefreshProject(id: string) {
  const queryClient = useQueryClient()
  return () => {
    void queryClient.invalidateQueries({ queryKey: projectKeys.one(id) })
    void queryClient.invalidateQueries({ queryKey: projectKeys.entries(id) })
    void queryClient.invalidateQueries({ queryKey: projectKeys.burndown(id) })
    void queryClient.invalidateQueries({ queryKey: ['projects', 'list'] })
    // The support-day reports sum the same ledger.
    void queryClient.invalidateQueries({ queryKey: ['support-days'] })
  }
}

/**
 * The items of the company's current roadmap (the latest signed one, else the latest not archived):
 * what a new project may start from.
 */
export function useCompanyRoadmapItems(companyId: string) {
  return useQuery({
    queryKey: ['roadmaps', 'company', companyId, 'current-items'],
    queryFn: async ({ signal }) => {
      const list = await api.get<RoadmapPage>('/api/roadmaps', { query: { companyId, limit: 20 }, signal })
      const live = list.items.filter((r) => r.status !== 'archived')
      const current = live.find((r) => r.status === 'signed') ?? live[0]
      return current ? api.get<Roadmap>(`/api/roadmaps/${current.id}`, { signal }) : null
    },
  })
}

export function useCreateProject() {
  const queryClient = useQueryClient()
  return useMutation({
    meta: { handlesErrors: true },
    mutationFn: (input: ProjectCreateInput) => api.post<Project>('/api/projects', input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['projects', 'list'] }),
  })
}

export function useUpdateProject(id: string) {
  const refresh = useRefreshProject(id)
  return useMutation({
    meta: { handlesErrors: true }, mutationFn: (input: ProjectUpdateInput) => api.patch<Project>(`/api/projects/${id}`, input), onSuccess: refresh })
}

export function useTransitionProject(id: string) {
  const refresh = useRefreshProject(id)
  return useMutation({
    meta: { handlesErrors: true }, mutationFn: (input: ProjectTransitionInput) => api.post<Project>(`/api/projects/${id}/transition`, input), onSuccess: refresh })
}

export function useAssignExpert(id: string) {
  const refresh = useRefreshProject(id)
  const queryClient = useQueryClient()
  return useMutation({
    meta: { handlesErrors: true },
    mutationFn: (expertUserId: string) => api.post<Project>(`/api/projects/${id}/assign`, { expertUserId }),
    onSuccess: () => {
      refresh()
      void queryClient.invalidateQueries({ queryKey: projectKeys.matches(id) })
    },
  })
}

export function useAddMilestone(id: string) {
  const refresh = useRefreshProject(id)
  return useMutation({
    meta: { handlesErrors: true }, mutationFn: (input: MilestoneInput) => api.post<Milestone>(`/api/projects/${id}/milestones`, input), onSuccess: refresh })
}

export function useUpdateMilestone(id: string) {
  const refresh = useRefreshProject(id)
  return useMutation({
    meta: { handlesErrors: true },
    mutationFn: ({ milestoneId, input }: { milestoneId: string; input: MilestoneUpdateInput }) => api.patch<Milestone>(`/api/projects/${id}/milestones/${milestoneId}`, input),
    onSuccess: refresh,
  })
}

export function useDeleteMilestone(id: string) {
  const refresh = useRefreshProject(id)
  return useMutation({
    meta: { handlesErrors: true }, mutationFn: (milestoneId: string) => api.delete(`/api/projects/${id}/milestones/${milestoneId}`), onSuccess: refresh })
}

export function useLogEntry(id: string) {
  const refresh = useRefreshProject(id)
  return useMutation({
    meta: { handlesErrors: true }, mutationFn: (input: SupportDayEntryInput) => api.post<SupportDayEntry>(`/api/projects/${id}/entries`, input), onSuccess: refresh })
}

export function useSendConfirmation(id: string) {
  const refresh = useRefreshProject(id)
  return useMutation({
    meta: { handlesErrors: true },
    mutationFn: ({ entryId, input }: { entryId: string; input: SendConfirmationInput }) => api.post<SupportDayEntry>(`/api/projects/${id}/entries/${entryId}/send-confirmation`, input),
    onSuccess: refresh,
  })
}

export function useApproveEntry(id: string) {
  const refresh = useRefreshProject(id)
  return useMutation({
    meta: { handlesErrors: true }, mutationFn: (entryId: string) => api.post<SupportDayEntry>(`/api/projects/${id}/entries/${entryId}/approve`, {}), onSuccess: refresh })
}

export function useSupportDayLink(token: string) {
  return useQuery({ meta: { handlesErrors: true }, queryKey: projectKeys.link(token), queryFn: ({ signal }) => api.get<SupportDayConfirmation>(`/api/support-day-links/${token}`, { signal }), retry: false })
}

export function useAnswerSupportDayLink(token: string) {
  const queryClient = useQueryClient()
  return useMutation({
    meta: { handlesErrors: true },
    mutationFn: (answer: { kind: 'confirm'; input: ConfirmInput } | { kind: 'dispute'; input: DisputeInput }) =>
      api.post<SupportDayConfirmation>(`/api/support-day-links/${token}/${answer.kind}`, answer.input),
    onSuccess: (saved) => queryClient.setQueryData(projectKeys.link(token), saved),
  })
}

/** Filters of the totals report (the URL carries them). */
export interface TotalsSearch {
  groupBy?: TotalsQuery['groupBy'] | undefined
  from?: string | undefined
  to?: string | undefined
  unitId?: string | undefined
}

export const reportKeys = {
  totals: (search: TotalsSearch) => ['support-days', 'totals', search] as const,
  workload: (search: WorkloadSearch) => ['support-days', 'workload', search] as const,
}

export function useSupportDayTotals(search: TotalsSearch, enabled = true) {
  return useQuery({
    meta: { handlesErrors: true },
    queryKey: reportKeys.totals(search),
    queryFn: ({ signal }) =>
      api.get<SupportDayTotals>('/api/support-days/totals', { query: { groupBy: search.groupBy ?? 'expert', from: search.from, to: search.to, unitId: search.unitId }, signal }),
    enabled,
  })
}

export interface WorkloadSearch {
  /** First month shown, YYYY-MM (default: the current month). */
  from?: string | undefined
  months?: number | undefined
  expertUserId?: string | undefined
}

export function useExpertWorkload(search: WorkloadSearch) {
  return useQuery({
    meta: { handlesErrors: true },
    queryKey: reportKeys.workload(search),
    queryFn: ({ signal }) => api.get<ExpertWorkload>('/api/support-days/workload', { query: { from: search.from, months: search.months, expertUserId: search.expertUserId }, signal }),
  })
}

/** The download address of an expert's monthly timesheet (the server defaults to the caller). */
export function expertTimesheetUrl(options: { expertUserId?: string | undefined; month: string; format: 'xlsx' | 'pdf'; locale: 'it' | 'en' }): string {
  const params = new URLSearchParams({ month: options.month, format: options.format, locale: options.locale })
  if (options.expertUserId) params.set('expertUserId', options.expertUserId)
  return `/api/support-days/timesheet?${params.toString()}`
}
