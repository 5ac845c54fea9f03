/** Builds API views of contacts for component tests (a factory, HOUSE_STYLE "Tests"). */
import type { Contact } from '../contacts.contract'

export const BERGAMO_UNIT_ID = 'b0000000-0000-4000-8000-00000000000b'
export const COMPANY_ID = 'c0000000-0000-4000-8000-000000000001'

export function buildContact(overrides: Partial<Contact> = {}): Contact {
  return {
    id: 'd0000000-0000-4000-8000-000000000001',
    unitId: BERGAMO_UNIT_ID,
    unitName: 'Antenna Bergamo',
    firstName: 'Giovanna',
    lastName: 'Pesenti',
    email: 'g.pesenti@meccanica-bergamasca.demo',
    phone: '+39 345 1234567',
    jobTitle: 'Responsabile qualità',
    notes: null,
    lawfulBasis: 'consent',
    companies: [{ companyId: COMPANY_ID, companyName: 'Meccanica Bergamasca S.r.l.', role: 'referente', isPrimary: true, createdAt: '2026-01-10T09:00:00.000Z' }],
    consents: [
      { purpose: 'newsletter', granted: true, source: 'web_form', recordedAt: '2026-02-01T09:00:00.000Z' },
      { purpose: 'events', granted: false, source: null, recordedAt: null },
      { purpose: 'funder_sharing', granted: false, source: null, recordedAt: null },
    ],
    erasedAt: null,
    archivedAt: null,
    createdAt: '2026-01-10T09:00:00.000Z',
    updatedAt: '2026-01-10T09:00:00.000Z',
    can: { update: true },
    ...overrides,
  }
}
