/** Queries of the hub's assessments page: the list the caller reads, and the dashboard. */
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { api } from '../../../web/api-client'
import { useKeysetList } from '../../../web/ui/keyset-list'
import type { AssessmentDashboard, AssessmentMode, AssessmentStage, AssessmentStatus, AssessmentSummary, DmaInstrumentId } from '../assessments.contract'

/** What the URL holds on /assessments (both tabs share the unit and questionnaire filters). */
export interface AssessmentsHubSearch {
  tab?: 'list' | 'dashboard'
  unitId?: string
  instrument?: DmaInstrumentId
  stage?: AssessmentStage
  status?: AssessmentStatus
  mode?: AssessmentMode
  /** Dashboard period (YYYY-MM-DD, inclusive). */
  from?: string
  to?: string
  /** Page of the deltas table, from 1. */
  deltaPage?: number
}

export const DELTA_PAGE_SIZE = 20

export const assessmentsHubKeys = {
  list: (filters: object) => ['assessments', 'hub-list', filters] as const,
  dashboard: (filters: object) => ['assessments', 'dashboard', filters] as const,
}

export function useAssessmentsList(search: AssessmentsHubSearch) {
  const filters = { unitId: search.unitId, instrument: search.instrument, stage: search.stage, status: search.status, mode: search.mode }
  return useKeysetList<AssessmentSummary>(assessmentsHubKeys.list(filters), (cursor, signal) =>
    api.get('/api/assessments', { query: { ...filters, cursor, limit: 25 }, signal }),
  )
}

export function useAssessmentsDashboard(search: AssessmentsHubSearch) {
  const page = Math.max(1, search.deltaPage ?? 1)
  const query = {
    unitId: search.unitId,
    instrumentId: search.instrument,
    from: search.from,
    to: search.to,
    deltaLimit: DELTA_PAGE_SIZE,
    deltaOffset: (page - 1) * DELTA_PAGE_SIZE,
  }
  return useQuery({
    queryKey: assessmentsHubKeys.dashboard(query),
    queryFn: ({ signal }) => api.get<AssessmentDashboard>('/api/assessments/dashboard', { query, signal }),
    // Paging the deltas keeps the charts on screen instead of flashing a loader.
    placeholderData: keepPreviousData,
    meta: { handlesErrors: true },
  })
}
