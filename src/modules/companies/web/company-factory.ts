/** Builds API views of companies for component tests (a factory, HOUSE_STYLE "Tests"). */
import type { Company } from '../companies.contract'

export const BERGAMO_UNIT_ID = 'b0000000-0000-4000-8000-00000000000b'

export function buildCompany(overrides: Partial<Company> = {}): Company {
  return {
    id: 'c0000000-0000-4000-8000-000000000001',
    unitId: BERGAMO_UNIT_ID,
    unitName: 'Antenna Bergamo',
    name: 'Officine Meccaniche Orobiche S.r.l.',
    vatNumber: '00743110157',
    taxCode: null,
    legalForm: 'srl',
    isCooperative: false,
    atecoEdition: '2007',
    atecoCode: '25.62.00',
    atecoSection: 'C',
    employees: 42,
    turnover: 1_234_567.89,
    balanceSheetTotal: 980_000,
    foundingYear: 1987,
    size: 'small',
    sizeDerived: 'small',
    sizeOverride: null,
    website: 'www.orobiche.example.it',
    pec: 'orobiche@pec.example.it',
    email: 'info@orobiche.example.it',
    phone: '035 123 4567',
    address: 'Via dei Mille 12',
    comune: { istatCode: '016024', name: 'Bergamo', provinceCode: 'BG', regionCode: '03', regionName: 'Lombardia' },
    latitude: 45.69,
    longitude: 9.67,
    tags: ['meccanica', 'export'],
    description: 'Lavorazioni meccaniche di precisione.',
    notes: null,
    stage: 'engaged',
    customFields: {},
    archivedAt: null,
    createdAt: '2026-02-03T09:00:00Z',
    updatedAt: '2026-03-04T10:30:00Z',
    can: { update: true },
    ...overrides,
  }
}
