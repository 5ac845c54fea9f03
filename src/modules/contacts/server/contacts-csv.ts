/**
 * Contacts as a CSV file Excel opens as is in Italy: semicolon separator, UTF-8 with BOM, CRLF.
 * Cells starting with `=`, `+`, `-`, `@` (or tab / carriage return) are prefixed with an apostrophe
 * so a spreadsheet never runs them as formulas (OWASP "CSV injection").
 */
import { CONSENT_PURPOSES, type Contact } from '../contacts.contract'

const HEADERS = {
  it: { lastName: 'Cognome', firstName: 'Nome', email: 'Email', phone: 'Telefono', jobTitle: 'Qualifica', companies: 'Aziende', unit: 'Unità', lawfulBasis: 'Base giuridica', newsletter: 'Consenso newsletter', events: 'Consenso eventi', funder_sharing: 'Consenso condivisione finanziatori', yes: 'sì', no: 'no' },
  en: { lastName: 'Last name', firstName: 'First name', email: 'Email', phone: 'Phone', jobTitle: 'Job title', companies: 'Companies', unit: 'Unit', lawfulBasis: 'Lawful basis', newsletter: 'Newsletter consent', events: 'Events consent', funder_sharing: 'Funder sharing consent', yes: 'yes', no: 'no' },
} as const

export function csvCell(value: string | null): string {
  if (value === null || value === '') return ''
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[";\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

export function contactsCsv(items: readonly Contact[], locale: 'it' | 'en'): string {
  const h = HEADERS[locale]
  const lines = [[h.lastName, h.firstName, h.email, h.phone, h.jobTitle, h.companies, h.unit, h.lawfulBasis, ...CONSENT_PURPOSES.map((p) => h[p])].map(csvCell).join(';')]
  for (const c of items) {
    const consent = (purpose: (typeof CONSENT_PURPOSES)[number]) => (c.consents.find((s) => s.purpose === purpose)?.granted ? h.yes : h.no)
    lines.push(
      [
        c.lastName,
        c.firstName,
        c.email,
        c.phone,
        c.jobTitle,
        c.companies.map((l) => `${l.companyName} (${l.role})`).join(', '),
        c.unitName,
        c.lawfulBasis,
        ...CONSENT_PURPOSES.map(consent),
      ]
        .map(csvCell)
        .join(';'),
    )
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`
}
