/**
 * TanStack Query hooks over the assessments API. After a lifecycle change the assessment, its
 * company's list and the company itself (its journey stage may have moved) refetch.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from '../../../web/api-client'
import { companyKeys } from '../../companies/web'
import type { Assessment, AssessmentBenchmarkResponse, AssessmentCreateInput, AssessmentReportSendInput, AssessmentReportSent, AssessmentLink, AssessmentSummary, AssessmentUpdateInput } from '../assessments.contract'
import type { KeysetPage } from '../../../web/ui/keyset-list'

export const assessmentKeys = {
  all: ['assessments'] as const,
  ofCompany: (companyId: string) => ['assessments', 'company', companyId] as const,
  one: (id: string) => ['assessments', 'one', id] as const,
  links: (id: string) => ['assessments', 'links', id] as const,
  benchmark: (id: string) => ['assessments', 'benchmark', id] as const,
}

export function useCompanyAssessments(companyId: string) {
  return useQuery({
    queryKey: assessmentKeys.ofCompany(companyId),
    queryFn: ({ signal }) => api.get<KeysetPage<AssessmentSummary>>('/api/assessments', { query: { companyId, limit: 100 }, signal }),
  })
}

export function useAssessment(id: string) {
  return useQuery({ queryKey: assessmentKeys.one(id), queryFn: ({ signal }) => api.get<Assessment>(`/api/assessments/${id}`, { signal }) })
}

/** The assessment among its peers (validated assessments only; the server says why when none). */
export function useAssessmentBenchmark(id: string, enabled: boolean) {
  return useQuery({
    queryKey: assessmentKeys.benchmark(id),
    queryFn: ({ signal }) => api.get<AssessmentBenchmarkResponse>(`/api/assessments/${id}/benchmark`, { signal }),
    enabled,
  })
}

function useRefresh() {
  const queryClient = useQueryClient()
  return (assessment: Assessment) => {
    queryClient.setQueryData(assessmentKeys.one(assessment.id), assessment)
    void queryClient.invalidateQueries({ queryKey: assessmentKeys.ofCompany(assessment.companyId) })
    void queryClient.invalidateQueries({ queryKey: companyKeys.all })
  }
}

export function useCreateAssessment() {
  const refresh = useRefresh()
  return useMutation({ mutationFn: (input: AssessmentCreateInput) => api.post<Assessment>('/api/assessments', input), onSuccess: refresh })
}

/** Autosave: the server keeps partial answers and reports their issues. */
export function useUpdateAssessment(id: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: AssessmentUpdateInput) => api.patch<Assessment>(`/api/assessments/${id}`, input),
    onSuccess: (saved) => queryClient.setQueryData(assessmentKeys.one(id), saved),
  })
}

export function useAssessmentAction(id: string, action: 'submit' | 'validate' | 'correct') {
  const refresh = useRefresh()
  return useMutation({ mutationFn: () => api.post<Assessment>(`/api/assessments/${id}/${action}`, {}), onSuccess: refresh })
}

export function useDeleteAssessment(assessment: Assessment) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => api.delete(`/api/assessments/${assessment.id}`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: assessmentKeys.ofCompany(assessment.companyId) }),
  })
}

export function useSendAssessmentLink(id: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: { email: string; locale: 'it' | 'en' }) => api.post<AssessmentLink>(`/api/assessments/${id}/links`, input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: assessmentKeys.links(id) }),
  })
}

export function useSendAssessmentReport(id: string) {
  return useMutation({ mutationFn: (input: AssessmentReportSendInput) => api.post<AssessmentReportSent>(`/api/assessments/${id}/report/send`, input) })
}

/** Experts of the caller's units, who can be named assessor of an assisted assessment. */
export function useExpertsForAssessor(enabled: boolean) {
  return useQuery({
    queryKey: ['assessments', 'assessor-experts'],
    queryFn: ({ signal }) =>
      api.get<KeysetPage<{ id: string; name: string; email: string }>>('/api/users', { query: { role: 'expert', status: 'active', limit: 100 }, signal }),
    enabled,
    staleTime: 60_000,
  })
}
