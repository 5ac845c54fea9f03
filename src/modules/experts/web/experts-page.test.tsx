import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { buildMe, renderPage, stubApi } from '../../../web/test-utils'
import type { ExpertProfile, ExpertSummary } from '../experts.contract'
import { buildExpertProfile, buildExpertSummary } from './expert-factory'
import { ExpertsPage } from './experts-page'

function stub(items: ExpertSummary[], profile?: ExpertProfile) {
  return stubApi((request) => {
    if (request.path.startsWith('/api/experts?') || request.path === '/api/experts') return { status: 200, body: { items, nextCursor: null } }
    if (profile && request.path === `/api/experts/${profile.userId}` && request.method === 'GET') return { status: 200, body: profile }
    if (profile && request.path === `/api/experts/${profile.userId}/approve`) return { status: 200, body: { ...profile, status: 'approved' } }
    if (request.path.startsWith('/api/territory/provinces')) return { status: 200, body: { items: [] } }
    return undefined
  })
}

describe('ExpertsPage', { timeout: 20_000 }, () => {
  it('says the pool is empty', async () => {
    stub([])
    renderPage(<ExpertsPage filters={{}} onFiltersChange={vi.fn()} onOpen={vi.fn()} />, { me: buildMe() })
    expect(await screen.findByText('Nessun esperto', undefined, { timeout: 8000 })).toBeInTheDocument()
  })

  it('lists experts with status, competences and availability, and passes filters to the API', async () => {
    const requests = stub([buildExpertSummary({ programme: 'Sviluppo PMI', outOfWork: true })])
    const onOpen = vi.fn()
    renderPage(<ExpertsPage filters={{ q: 'erp', status: 'submitted', minAvailability: 4 }} onFiltersChange={vi.fn()} onOpen={onOpen} />, { me: buildMe() })
    const name = await screen.findByRole('button', { name: 'Giorgio Valsecchi' }, { timeout: 8000 })
    const row = name.closest('tr')
    expect(row).toHaveTextContent('In revisione')
    expect(row).toHaveTextContent('ERP e gestionali aziendali · Strategia e trasformazione digitale · Sicurezza informatica +1 altre')
    expect(row).toHaveTextContent('8 gg/mese')
    expect(row).toHaveTextContent('Sviluppo PMI')
    expect(row).toHaveTextContent('Temporaneamente senza incarico')
    const list = requests.find((r) => r.path.startsWith('/api/experts'))
    expect(Object.fromEntries(new URLSearchParams(list?.path.split('?')[1]))).toEqual({ q: 'erp', status: 'submitted', minAvailability: '4', limit: '25' })
    await userEvent.click(name)
    expect(onOpen).toHaveBeenCalledWith('e0000000-0000-4000-8000-000000000001')
  })

  it('changes a filter', async () => {
    stub([])
    const onFiltersChange = vi.fn()
    renderPage(<ExpertsPage filters={{}} onFiltersChange={onFiltersChange} onOpen={vi.fn()} />, { me: buildMe() })
    await userEvent.selectOptions(await screen.findByRole('combobox', { name: 'Competenza' }, { timeout: 8000 }), 'Sicurezza informatica')
    expect(onFiltersChange).toHaveBeenCalledWith({ competence: 'cybersecurity' })
  })

  it('opens a profile in the drawer and approves it after confirmation', async () => {
    const profile = buildExpertProfile({ status: 'submitted', can: { edit: false, review: true } })
    const requests = stub([buildExpertSummary()], profile)
    renderPage(<ExpertsPage filters={{}} onFiltersChange={vi.fn()} openUserId={profile.userId} onOpen={vi.fn()} />, { me: buildMe() })
    expect(await screen.findByRole('heading', { name: 'Giorgio Valsecchi', level: 2 }, { timeout: 8000 })).toBeInTheDocument()
    expect(screen.getByText('Meccanica Bergamasca S.r.l. (Cliente)')).toBeInTheDocument()
    // Rejecting needs a note.
    await userEvent.click(screen.getByRole('button', { name: 'Respingi' }))
    expect(screen.getByText('Scrivi una nota per spiegare il rifiuto.')).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Approva' }))
    // The confirmation dialog names the expert; its confirm button approves.
    const dialog = await screen.findByRole('dialog', { name: 'Approvare il profilo di Giorgio Valsecchi?' })
    await userEvent.click(within(dialog).getByRole('button', { name: 'Approva' }))
    expect(await screen.findByText('Profilo approvato', undefined, { timeout: 8000 })).toBeInTheDocument()
    expect(requests.some((r) => r.method === 'POST' && r.path.endsWith('/approve'))).toBe(true)
  })

  it('shows a profile read-only to staff who cannot review it', async () => {
    const profile = buildExpertProfile({ status: 'submitted', can: { edit: false, review: false } })
    stub([buildExpertSummary()], profile)
    renderPage(<ExpertsPage filters={{}} onFiltersChange={vi.fn()} openUserId={profile.userId} onOpen={vi.fn()} />, { me: buildMe() })
    expect(await screen.findByText("Questo profilo è gestito dallo staff dell'antenna dell'esperto.", undefined, { timeout: 8000 })).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Approva' })).not.toBeInTheDocument()
  })
})
