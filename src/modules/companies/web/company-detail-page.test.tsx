import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { buildMe, renderPage, stubApi } from '../../../web/test-utils'
import type { Company } from '../companies.contract'
import { buildCompany } from './company-factory'
import { CompanyDetailPage } from './company-detail-page'

function stubCompanyApi(company: Company) {
  let current = company
  return stubApi((request) => {
    if (request.method === 'GET' && request.path === `/api/companies/${company.id}`) return { status: 200, body: current }
    if (request.method === 'POST' && request.path === `/api/companies/${company.id}/archive`) {
      current = { ...current, archivedAt: '2026-04-01T08:00:00Z' }
      return { status: 200, body: current }
    }
    return undefined
  })
}

/** Term and value of a description list entry, as a screen reader pairs them. */
function valueOf(term: string): HTMLElement {
  const dt = screen.getByText(term, { selector: 'dt' })
  const dd = dt.nextElementSibling
  if (!(dd instanceof HTMLElement)) throw new Error(`no value after ${term}`)
  return dd
}

describe('CompanyDetailPage', () => {
  it('shows money the Italian way, with thousands separators and the euro after the amount', async () => {
    stubCompanyApi(buildCompany({ turnover: 1_234_567.89, balanceSheetTotal: 980_000 }))
    renderPage(<CompanyDetailPage companyId={buildCompany().id} />, { me: buildMe() })

    expect(await screen.findByRole('heading', { level: 1, name: 'Officine Meccaniche Orobiche S.r.l.' })).toBeInTheDocument()
    // Intl puts a no-break space between amount and symbol.
    expect(valueOf('Fatturato (€)')).toHaveTextContent(/^1\.234\.567,89\s€$/)
    expect(valueOf('Totale di bilancio (€)')).toHaveTextContent(/^980\.000,00\s€$/)
  })

  it('shows the place with province and region, and the ATECO section by name', async () => {
    stubCompanyApi(buildCompany())
    renderPage(<CompanyDetailPage companyId={buildCompany().id} />, { me: buildMe() })

    await screen.findByRole('heading', { level: 1 })
    expect(valueOf('Comune, provincia e regione')).toHaveTextContent('Bergamo (BG), Lombardia')
    expect(valueOf('Codice ATECO')).toHaveTextContent('25.62.00Sezione C: Attività manifatturiere')
  })

  it('links to the history of changes to the company', async () => {
    const company = buildCompany()
    stubCompanyApi(company)
    renderPage(<CompanyDetailPage companyId={company.id} />, { me: buildMe() })

    expect(await screen.findByRole('link', { name: "Cronologia delle modifiche all'azienda" })).toHaveAttribute(
      'href',
      `/audit?entityType=company&entityId=${company.id}`,
    )
  })

  it('offers the history only to those who may read the activity log', async () => {
    const company = buildCompany()
    stubCompanyApi(company)
    renderPage(<CompanyDetailPage companyId={company.id} />, { me: buildMe({ isNetworkAdmin: false, managedUnitIds: [] }) })

    await screen.findByRole('heading', { level: 1 })
    expect(screen.queryByRole('link', { name: "Cronologia delle modifiche all'azienda" })).not.toBeInTheDocument()
  })

  it('archives the company only once confirmed', async () => {
    const company = buildCompany()
    const requests = stubCompanyApi(company)
    renderPage(<CompanyDetailPage companyId={company.id} />, { me: buildMe() })
    await userEvent.click(await screen.findByRole('button', { name: 'Archivia' }))

    const dialog = await screen.findByRole('dialog', { name: `Archiviare ${company.name}?` })
    expect(requests.filter((request) => request.method === 'POST')).toHaveLength(0)
    await userEvent.click(within(dialog).getByRole('button', { name: 'Archivia' }))

    expect(await screen.findByRole('button', { name: 'Ripristina' })).toBeInTheDocument()
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    expect(requests.filter((request) => request.method === 'POST')).toHaveLength(1)
  })

  it('offers no changes to a company the user may only read', async () => {
    stubCompanyApi(buildCompany({ can: { update: false } }))
    renderPage(<CompanyDetailPage companyId={buildCompany().id} />, { me: buildMe() })

    await screen.findByRole('heading', { level: 1 })
    expect(screen.queryByRole('link', { name: 'Modifica' })).not.toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Archivia' })).not.toBeInTheDocument()
  })
})
