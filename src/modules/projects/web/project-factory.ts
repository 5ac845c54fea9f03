/** Builds API views of projects for component tests (a factory, HOUSE_STYLE "Tests"). */
import type { Project } from '../projects.contract'

export const PROJECT_ID = 'c1000000-0000-4000-8000-000000000001'
export const PROJECT_EXPERT_ID = 'e1000000-0000-4000-8000-000000000001'

/** An active 10-day project of a Bergamo company, 3 days logged and confirmed, 2 approved. */
export function buildProject(overrides: Partial<Project> = {}): Project {
  return {
    id: PROJECT_ID,
    companyId: 'b1000000-0000-4000-8000-000000000001',
    companyName: 'Meccanica Bergamasca S.r.l.',
    unitId: 'd1000000-0000-4000-8000-000000000001',
    expert: { id: PROJECT_EXPERT_ID, name: 'Giorgio Valsecchi' },
    title: 'Backup in cloud',
    status: 'active',
    budgetDays: 10,
    loggedDays: 3,
    confirmedDays: 3,
    approvedDays: 2,
    remainingDays: 7,
    startsOn: '2026-01-01',
    endsOn: '2026-06-30',
    createdAt: '2026-01-01T09:00:00Z',
    updatedAt: '2026-01-01T09:00:00Z',
    description: null,
    roadmapItems: [],
    outcome: null,
    expertRating: null,
    completedAt: null,
    milestones: [],
    can: { update: true, assign: true, transition: true, logEntry: true, approve: true, sendConfirmation: true },
    ...overrides,
  }
}
