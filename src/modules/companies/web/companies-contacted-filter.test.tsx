import { fireEvent, screen, waitFor } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { buildMe, renderPage, stubApi } from '../../../web/test-utils'
import { CompaniesPage } from './companies-page'

function stubList() {
  return stubApi((request) => {
    if (request.path === '/api/companies' || request.path.startsWith('/api/companies?')) return { status: 200, body: { items: [], nextCursor: null, total: 0 } }
    if (request.path.startsWith('/api/companies/views') || request.path.startsWith('/api/companies/custom-fields')) return { status: 200, body: { items: [] } }
    if (request.path.startsWith('/api/units')) return { status: 200, body: { items: [] } }
    if (request.path.startsWith('/api/territory/provinces')) return { status: 200, body: { items: [] } }
    return undefined
  })
}

describe('companies list: contacted in period', { timeout: 20_000 }, () => {
  it('asks the API for companies contacted between the two days', async () => {
    const requests = stubList()
    renderPage(<CompaniesPage filters={{ contactedFrom: '2026-01-01', contactedTo: '2026-03-31' }} onFiltersChange={vi.fn()} />, { me: buildMe() })

    await screen.findByText('Nessun risultato')
    const list = requests.find((request) => request.path.startsWith('/api/companies?'))
    const query = new URLSearchParams(list?.path.split('?')[1])
    expect(query.get('contactedFrom')).toBe('2026-01-01')
    expect(query.get('contactedTo')).toBe('2026-03-31')
  })

  it('sets the period from the two date inputs', async () => {
    stubList()
    const onFiltersChange = vi.fn()
    renderPage(<CompaniesPage filters={{}} onFiltersChange={onFiltersChange} />, { me: buildMe() })

    fireEvent.change(await screen.findByLabelText('Contattate dal'), { target: { value: '2026-02-01' } })
    await waitFor(() => expect(onFiltersChange).toHaveBeenCalledWith(expect.objectContaining({ contactedFrom: '2026-02-01' })))
    expect(screen.getByLabelText('Contattate fino al')).toHaveAttribute('type', 'date')
  })
})
