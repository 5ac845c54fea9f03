/** Example expert profiles for component tests. */
import type { ExpertProfile, ExpertSummary } from '../experts.contract'

export function buildExpertProfile(overrides: Partial<ExpertProfile> = {}): ExpertProfile {
  return {
    userId: 'e0000000-0000-4000-8000-000000000001',
    name: 'Giorgio Valsecchi',
    email: 'esperto.digitale@ponte.demo',
    exists: true,
    status: 'draft',
    headline: 'Consulente per la trasformazione digitale',
    bio: 'Progetti ERP e MES nelle PMI manifatturiere.',
    kind: 'consultant',
    programme: null,
    outOfWork: false,
    competences: ['erp-systems', 'digital-strategy'],
    sectors: ['C'],
    provinces: ['BG', 'BS'],
    homeComune: { istatCode: '016024', name: 'Bergamo', provinceCode: 'BG' },
    languages: ['it', 'en'],
    availabilityDaysPerMonth: 8,
    employerName: 'Studio Valsecchi',
    employerVatNumber: null,
    ties: [{ name: 'Meccanica Bergamasca S.r.l.', vatNumber: null, taxCode: null, kind: 'client' }],
    cv: null,
    units: [{ id: 'u0000000-0000-4000-8000-000000000001', name: 'Antenna Bergamo' }],
    submittedAt: null,
    reviewedAt: null,
    reviewedBy: null,
    reviewNote: null,
    createdAt: '2026-05-01T08:00:00Z',
    updatedAt: '2026-05-02T08:00:00Z',
    can: { edit: true, review: false },
    ...overrides,
  }
}

export function buildExpertSummary(overrides: Partial<ExpertSummary> = {}): ExpertSummary {
  return {
    userId: 'e0000000-0000-4000-8000-000000000001',
    name: 'Giorgio Valsecchi',
    status: 'submitted',
    headline: 'Consulente per la trasformazione digitale',
    kind: 'consultant',
    programme: null,
    outOfWork: false,
    competences: ['erp-systems', 'digital-strategy', 'cybersecurity', 'robotics'],
    sectors: ['C'],
    provinces: ['BG', 'BS'],
    homeComuneName: 'Bergamo',
    availabilityDaysPerMonth: 8,
    submittedAt: '2026-05-02T08:00:00Z',
    updatedAt: '2026-05-02T08:00:00Z',
    ...overrides,
  }
}
