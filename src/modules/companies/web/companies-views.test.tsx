import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { buildMe, type RecordedRequest, renderPage, stubApi } from '../../../web/test-utils'
import type { Company, CustomFieldDefinition, SavedView } from '../companies.contract'
import { CompaniesPage } from './companies-page'
import { BERGAMO_UNIT_ID, buildCompany } from './company-factory'

const staff = buildMe({
  isNetworkAdmin: false,
  memberships: [
    { id: 'e0000000-0000-4000-8000-000000000001', unitId: BERGAMO_UNIT_ID, unitName: 'Antenna Bergamo', unitCode: 'ANT-BG', role: 'unit_staff', createdAt: '2026-01-01T00:00:00Z' },
  ],
})

const sharedView: SavedView = {
  id: 'f0000000-0000-4000-8000-000000000001',
  name: 'Meccaniche piccole',
  entity: 'companies',
  sharedUnitId: BERGAMO_UNIT_ID,
  sharedUnitName: 'Antenna Bergamo',
  query: { filters: { q: 'meccanica', size: ['small'] }, columns: ['name', 'size', 'tags'] },
  isOwner: false,
  can: { update: false, delete: false },
  createdAt: '2026-03-01T09:00:00Z',
  updatedAt: '2026-03-01T09:00:00Z',
}

const sector: CustomFieldDefinition = {
  id: 'd0000000-0000-4000-8000-000000000001',
  key: 'settore_cliente',
  labelIt: 'Settore cliente',
  labelEn: 'Client sector',
  type: 'select',
  options: [
    { value: 'automotive', it: 'Automotive', en: 'Automotive' },
    { value: 'aerospazio', it: 'Aerospazio', en: 'Aerospace' },
  ],
  position: 0,
  archivedAt: null,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
}

const companyA = buildCompany({ id: 'c0000000-0000-4000-8000-00000000000a', name: 'Meccanica Bergamasca S.r.l.', customFields: { settore_cliente: 'aerospazio' } })
const companyB = buildCompany({ id: 'c0000000-0000-4000-8000-00000000000b', name: 'Minuterie Rossi S.n.c.' })

function stubListApi(options: { views?: SavedView[]; items?: Company[] } = {}) {
  return stubApi((request) => {
    if (request.method === 'GET' && (request.path === '/api/companies' || request.path.startsWith('/api/companies?'))) {
      const items = options.items ?? [companyA, companyB]
      return { status: 200, body: { items, nextCursor: null, total: items.length } }
    }
    if (request.method === 'GET' && request.path.startsWith('/api/companies/views')) return { status: 200, body: { items: options.views ?? [] } }
    if (request.method === 'POST' && request.path === '/api/companies/views') {
      const body = request.body as Record<string, unknown>
      return { status: 201, body: { ...sharedView, id: 'f0000000-0000-4000-8000-000000000002', isOwner: true, can: { update: true, delete: true }, ...body } }
    }
    if (request.method === 'GET' && request.path.startsWith('/api/companies/custom-fields')) return { status: 200, body: { items: [sector] } }
    if (request.method === 'POST' && request.path === '/api/companies/bulk') return { status: 200, body: { updated: 2, unchanged: 0 } }
    if (request.path.startsWith('/api/units')) return { status: 200, body: { items: [] } }
    if (request.path.startsWith('/api/territory/provinces')) return { status: 200, body: { items: [] } }
    return undefined
  })
}

const posts = (requests: RecordedRequest[], path: string) => requests.filter((r) => r.method === 'POST' && r.path === path)

describe('companies list: views, columns, custom fields and bulk actions', { timeout: 15_000 }, () => {
  it('applies a shared view from the "Viste" menu and names it as the active view', async () => {
    stubListApi({ views: [sharedView] })
    const onFiltersChange = vi.fn()
    renderPage(<CompaniesPage filters={{}} onFiltersChange={onFiltersChange} />, { me: staff })

    await userEvent.click(await screen.findByRole('button', { name: 'Viste' }))
    await userEvent.click(await screen.findByRole('menuitem', { name: /Meccaniche piccole/ }))

    expect(onFiltersChange).toHaveBeenCalledWith({ q: 'meccanica', size: ['small'], columns: ['name', 'size', 'tags'], view: sharedView.id })
  })

  it('shows the active view, and marks it modified when the filters differ', async () => {
    stubListApi({ views: [sharedView] })
    renderPage(
      <CompaniesPage filters={{ q: 'meccanica', size: ['small'], columns: ['name', 'size', 'tags'], view: sharedView.id }} onFiltersChange={vi.fn()} />,
      { me: staff },
    )
    expect(await screen.findByText('Meccaniche piccole')).toBeInTheDocument()
    expect(screen.getByText('Condivisa con Antenna Bergamo')).toBeInTheDocument()
    expect(screen.queryByText('modificata')).not.toBeInTheDocument()
    // Only the chosen columns show.
    expect(await screen.findByRole('columnheader', { name: 'Etichette' })).toBeInTheDocument()
    expect(screen.queryByRole('columnheader', { name: 'Partita IVA' })).not.toBeInTheDocument()
  })

  it('marks the active view modified when the filters no longer match it', async () => {
    stubListApi({ views: [sharedView] })
    renderPage(<CompaniesPage filters={{ q: 'meccanica', view: sharedView.id }} onFiltersChange={vi.fn()} />, { me: staff })
    expect(await screen.findByText('Meccaniche piccole')).toBeInTheDocument()
    expect(screen.getByText('modificata')).toBeInTheDocument()
  })

  it('saves the current filters and columns as a view shared with the antenna', async () => {
    const requests = stubListApi()
    const onFiltersChange = vi.fn()
    renderPage(<CompaniesPage filters={{ q: 'meccanica bergamo', size: ['small'] }} onFiltersChange={onFiltersChange} />, { me: staff })

    await userEvent.click(await screen.findByRole('button', { name: 'Viste' }))
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Salva vista' }))
    const dialog = await screen.findByRole('dialog', { name: 'Salva la vista' })
    await userEvent.type(within(dialog).getByRole('textbox', { name: /Nome della vista/ }), 'Meccaniche piccole')
    await userEvent.click(within(dialog).getByRole('radio', { name: 'Tutti in Antenna Bergamo' }))
    await userEvent.click(within(dialog).getByRole('button', { name: 'Salva vista' }))

    await waitFor(() => expect(posts(requests, '/api/companies/views')).toHaveLength(1))
    expect(posts(requests, '/api/companies/views')[0]?.body).toEqual({
      name: 'Meccaniche piccole',
      entity: 'companies',
      sharedUnitId: BERGAMO_UNIT_ID,
      query: { filters: { q: 'meccanica bergamo', size: ['small'] } },
    })
    await waitFor(() => expect(onFiltersChange).toHaveBeenCalledWith(expect.objectContaining({ view: 'f0000000-0000-4000-8000-000000000002' })))
  })

  it('remembers the chosen columns in the URL, custom fields included', async () => {
    stubListApi()
    const onFiltersChange = vi.fn()
    renderPage(<CompaniesPage filters={{}} onFiltersChange={onFiltersChange} />, { me: staff })

    await userEvent.click(await screen.findByRole('button', { name: 'Colonne' }))
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Settore cliente' }))

    expect(onFiltersChange).toHaveBeenLastCalledWith({
      columns: ['name', 'vatNumber', 'comune', 'ateco', 'size', 'stage', 'unit', 'cf.settore_cliente'],
    })
  })

  it('shows custom field columns with option labels, and filters on them', async () => {
    const requests = stubListApi()
    renderPage(
      <CompaniesPage filters={{ cf: { settore_cliente: ['aerospazio'] }, columns: ['name', 'cf.settore_cliente'] }} onFiltersChange={vi.fn()} />,
      { me: staff },
    )
    const row = (await screen.findByRole('link', { name: 'Meccanica Bergamasca S.r.l.' })).closest('tr')
    expect(row).toHaveTextContent('Aerospazio')
    const list = requests.find((r) => r.path.startsWith('/api/companies?'))
    expect(new URLSearchParams(list?.path.split('?')[1]).get('cf')).toBe('{"settore_cliente":["aerospazio"]}')
  })

  it('adds a tag to the selected companies only once confirmed', async () => {
    const requests = stubListApi()
    renderPage(<CompaniesPage filters={{}} onFiltersChange={vi.fn()} />, { me: staff })

    await userEvent.click(await screen.findByRole('checkbox', { name: 'Seleziona Meccanica Bergamasca S.r.l.' }))
    await userEvent.click(screen.getByRole('checkbox', { name: 'Seleziona Minuterie Rossi S.n.c.' }))
    expect(screen.getByText('2 aziende selezionate')).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Azioni' }))
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Aggiungi etichetta' }))
    const form = await screen.findByRole('dialog', { name: 'Aggiungi etichetta' })
    await userEvent.type(within(form).getByRole('textbox', { name: /Etichetta/ }), 'Industria 4.0')
    await userEvent.click(within(form).getByRole('button', { name: 'Continua' }))

    const confirm = await screen.findByRole('dialog', { name: "Aggiungere l'etichetta «Industria 4.0» a 2 aziende?" })
    expect(posts(requests, '/api/companies/bulk')).toHaveLength(0)
    await userEvent.click(within(confirm).getByRole('button', { name: 'Applica a 2 aziende' }))

    await waitFor(() => expect(posts(requests, '/api/companies/bulk')).toHaveLength(1))
    expect(posts(requests, '/api/companies/bulk')[0]?.body).toEqual({ ids: [companyA.id, companyB.id], action: 'addTag', tag: 'Industria 4.0' })
  })

  it('selects every company of the page at once and exports the selection', async () => {
    stubListApi()
    renderPage(<CompaniesPage filters={{}} onFiltersChange={vi.fn()} />, { me: staff })

    await userEvent.click(await screen.findByRole('checkbox', { name: 'Seleziona tutte le aziende della pagina' }))
    expect(screen.getByRole('checkbox', { name: 'Seleziona Minuterie Rossi S.n.c.' })).toBeChecked()
    await userEvent.click(screen.getByRole('button', { name: 'Azioni' }))
    const exportItem = await screen.findByRole('menuitem', { name: 'Esporta selezione (Excel)' })
    const href = new URL(exportItem.getAttribute('href') ?? '', 'http://ponte.test')
    expect(href.pathname).toBe('/api/companies/export')
    expect(href.searchParams.get('ids')).toBe(`${companyA.id},${companyB.id}`)
    expect(href.searchParams.get('format')).toBe('xlsx')
  })
})
