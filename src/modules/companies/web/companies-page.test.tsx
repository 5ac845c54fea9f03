import { screen } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { changeLanguage } from '../../../web/i18n/i18n'
import { buildMe, renderPage, stubApi } from '../../../web/test-utils'
import type { Company } from '../companies.contract'
import { CompaniesPage } from './companies-page'
import { buildCompany } from './company-factory'

function stubList(items: Company[], total = items.length, totalIsEstimate = false, totalIsLowerBound = false) {
  return stubApi((request) => {
    if (request.path === '/api/companies' || request.path.startsWith('/api/companies?'))
      return { status: 200, body: { items, nextCursor: null, total, totalIsEstimate, totalIsLowerBound } }
    if (request.path.startsWith('/api/companies/views') || request.path.startsWith('/api/companies/custom-fields')) return { status: 200, body: { items: [] } }
    if (request.path.startsWith('/api/units')) return { status: 200, body: { items: [] } }
    if (request.path.startsWith('/api/territory/provinces')) return { status: 200, body: { items: [] } }
    return undefined
  })
}

// The list page holds some fifteen Mantine inputs: slow to render in jsdom under a parallel run.
describe('CompaniesPage', { timeout: 15_000 }, () => {
  it('says there are no companies yet and offers to add the first one', async () => {
    stubList([])
    renderPage(<CompaniesPage filters={{}} onFiltersChange={vi.fn()} />, { me: buildMe() })

    expect(await screen.findByText('Nessuna azienda')).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Registra la prima azienda' })).toHaveAttribute('href', '/companies/new')
    expect(screen.getByRole('link', { name: 'Nuova azienda' })).toHaveAttribute('href', '/companies/new')
    expect(screen.queryByRole('table')).not.toBeInTheDocument()
  })

  it('lists companies with their place, ATECO section and stage, and counts every match', async () => {
    stubList([buildCompany()], 1234)
    renderPage(<CompaniesPage filters={{}} onFiltersChange={vi.fn()} />, { me: buildMe() })

    const row = (await screen.findByRole('link', { name: 'Officine Meccaniche Orobiche S.r.l.' })).closest('tr')
    expect(row).toHaveTextContent('Bergamo (BG)')
    expect(row).toHaveTextContent('25.62.00C · Attività manifatturiere')
    expect(row).toHaveTextContent('Coinvolta')
    expect(screen.getByRole('status')).toHaveTextContent('1.234 aziende')
  })

  it('says "circa" when the API estimates the total, rounded to what the estimate knows', async () => {
    stubList([buildCompany()], 12_347, true)
    renderPage(<CompaniesPage filters={{}} onFiltersChange={vi.fn()} />, { me: buildMe() })

    expect(await screen.findByRole('link', { name: 'Officine Meccaniche Orobiche S.r.l.' })).toBeInTheDocument()
    expect(screen.getByRole('status')).toHaveTextContent('circa 12.000 aziende')
  })

  it('says "more than" when a search has more matches than it reads, and how to see the rest', async () => {
    stubList([buildCompany()], 200, false, true)
    renderPage(<CompaniesPage filters={{ q: 'meccanica' }} onFiltersChange={vi.fn()} />, { me: buildMe() })

    expect(await screen.findByRole('link', { name: 'Officine Meccaniche Orobiche S.r.l.' })).toBeInTheDocument()
    expect(screen.getByRole('status')).toHaveTextContent('Più di 200 aziende trovate: sono mostrate le più pertinenti.')
    expect(screen.getByRole('status')).toHaveTextContent("l'esportazione le include tutte")
  })

  it('says "about" in English', async () => {
    stubList([buildCompany()], 1_234_567, true)
    await changeLanguage('en')
    renderPage(<CompaniesPage filters={{}} onFiltersChange={vi.fn()} />, { me: buildMe({ locale: 'en' }) })

    expect(await screen.findByRole('link', { name: 'Officine Meccaniche Orobiche S.r.l.' })).toBeInTheDocument()
    expect(screen.getByRole('status')).toHaveTextContent('about 1,200,000 companies')
  })

  it('asks the API for the filters, lists comma-separated', async () => {
    const requests = stubList([])
    renderPage(
      <CompaniesPage
        filters={{ q: 'meccanica', atecoSection: ['C', 'J'], size: ['micro', 'small'], cooperative: false, includeArchived: true }}
        onFiltersChange={vi.fn()}
      />,
      { me: buildMe() },
    )

    expect(await screen.findByText('Nessun risultato')).toBeInTheDocument()
    const list = requests.find((request) => request.path.startsWith('/api/companies?'))
    const query = new URLSearchParams(list?.path.split('?')[1])
    expect(Object.fromEntries(query)).toEqual({
      q: 'meccanica',
      atecoSection: 'C,J',
      size: 'micro,small',
      cooperative: 'false',
      includeArchived: 'true',
      limit: '25',
    })
  })
})
