import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { buildMe, renderPage, stubApi } from '../../../web/test-utils'
import type { CompanyMerge, DuplicateCompany, DuplicatePair } from '../companies.contract'
import { DuplicatesPage } from './duplicates-page'

function duplicateCompany(overrides: Partial<DuplicateCompany> = {}): DuplicateCompany {
  return {
    id: 'c0000000-0000-4000-8000-00000000000a',
    name: 'Meccanica Bergamasca S.r.l.',
    vatNumber: '01234560161',
    taxCode: null,
    unitId: 'b0000000-0000-4000-8000-00000000000b',
    unitName: 'Antenna Bergamo',
    comuneName: 'Bergamo',
    provinceCode: 'BG',
    address: 'Via Roma 1',
    email: 'info@meccanicabergamasca.it',
    pec: null,
    website: null,
    phone: null,
    createdAt: '2025-01-10T09:00:00Z',
    updatedAt: '2025-01-10T09:00:00Z',
    can: { update: true },
    ...overrides,
  }
}

const pair: DuplicatePair = {
  companyA: duplicateCompany(),
  companyB: duplicateCompany({ id: 'c0000000-0000-4000-8000-00000000000b', name: 'Mecanica Bergamasca', vatNumber: '07654320163', createdAt: '2026-01-10T09:00:00Z' }),
  reasons: [
    { rule: 'name', value: '0.82' },
    { rule: 'domain', value: 'meccanicabergamasca.it' },
  ],
  score: 0.89,
  canResolve: true,
}

const merge: CompanyMerge = {
  id: 'd0000000-0000-4000-8000-000000000001',
  survivor: { id: pair.companyA.id, name: pair.companyA.name, vatNumber: pair.companyA.vatNumber },
  merged: { id: pair.companyB.id, name: pair.companyB.name, vatNumber: pair.companyB.vatNumber },
  choices: {},
  moved: [],
  createdAt: '2026-03-01T10:00:00Z',
  createdByName: 'Marco Bianchi',
  undoneAt: null,
  undoneByName: null,
  canUndo: true,
}

describe('DuplicatesPage', () => {
  it('shows each pair side by side with why it was proposed and a link to merge (older company survives)', async () => {
    stubApi((r) => (r.path.startsWith('/api/companies/duplicates') ? { status: 200, body: { items: [pair], nextCursor: null } } : undefined))
    renderPage(<DuplicatesPage />, { me: buildMe() })

    const card = await screen.findByRole('listitem', { name: 'Meccanica Bergamasca S.r.l. e Mecanica Bergamasca' })
    expect(within(card).getByText('Nome simile nello stesso comune (82%)')).toBeInTheDocument()
    expect(within(card).getByText('Stesso dominio: meccanicabergamasca.it')).toBeInTheDocument()
    expect(within(card).getByText('Affidabilità 89%')).toBeInTheDocument()
    expect(within(card).getByRole('link', { name: 'Unisci Meccanica Bergamasca S.r.l. e Mecanica Bergamasca' })).toHaveAttribute(
      'href',
      `/companies/merge?survivor=${pair.companyA.id}&merged=${pair.companyB.id}`,
    )
  })

  it('says when recently imported companies are still being compared, and refreshes on request', async () => {
    let refreshed = false
    const requests = stubApi((r) => {
      if (!r.path.startsWith('/api/companies/duplicates')) return undefined
      return { status: 200, body: refreshed ? { items: [pair], nextCursor: null, pending: 0 } : { items: [], nextCursor: null, pending: 1234 } }
    })
    renderPage(<DuplicatesPage />, { me: buildMe() })

    const text = await screen.findByText(/1\.234 aziende importate da poco sono ancora da confrontare con le altre/)
    const notice = text.closest('[role="status"]') as HTMLElement
    expect(notice).toHaveTextContent('Coda in aggiornamento')
    expect(screen.getByText('Nessun possibile duplicato')).toBeInTheDocument()
    refreshed = true
    await userEvent.click(within(notice).getByRole('button', { name: 'Aggiorna' }))
    expect(await screen.findByRole('listitem', { name: 'Meccanica Bergamasca S.r.l. e Mecanica Bergamasca' })).toBeInTheDocument()
    expect(screen.queryByText(/ancora da confrontare/)).not.toBeInTheDocument()
    expect(requests.filter((r) => r.path.startsWith('/api/companies/duplicates')).length).toBeGreaterThanOrEqual(2)
  })

  it('dismisses a pair only once confirmed', async () => {
    let dismissed = false
    const requests = stubApi((r) => {
      if (r.method === 'POST' && r.path === '/api/companies/duplicates/dismiss') {
        dismissed = true
        return { status: 200, body: { companyAId: pair.companyA.id, companyBId: pair.companyB.id, dismissedAt: '2026-03-01T10:00:00Z' } }
      }
      if (r.path.startsWith('/api/companies/duplicates')) return { status: 200, body: { items: dismissed ? [] : [pair], nextCursor: null } }
      return undefined
    })
    renderPage(<DuplicatesPage />, { me: buildMe() })
    await userEvent.click(await screen.findByRole('button', { name: 'Non sono duplicati: Meccanica Bergamasca S.r.l. e Mecanica Bergamasca' }))
    const dialog = await screen.findByRole('dialog', { name: 'Non sono duplicati?' })
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(0)
    await userEvent.click(within(dialog).getByRole('button', { name: 'Non sono duplicati' }))

    expect(await screen.findByText('Nessun possibile duplicato')).toBeInTheDocument()
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({ companyAId: pair.companyA.id, companyBId: pair.companyB.id })
  })

  it('offers no merge or dismissal of a pair the user may only read', async () => {
    stubApi((r) => (r.path.startsWith('/api/companies/duplicates') ? { status: 200, body: { items: [{ ...pair, canResolve: false }], nextCursor: null } } : undefined))
    renderPage(<DuplicatesPage />, { me: buildMe() })
    expect(await screen.findByText(/Puoi solo consultare questa coppia/)).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: /Non sono duplicati/ })).not.toBeInTheDocument()
  })

  it('says when there is nothing to review', async () => {
    stubApi((r) => (r.path.startsWith('/api/companies/duplicates') ? { status: 200, body: { items: [], nextCursor: null } } : undefined))
    renderPage(<DuplicatesPage />, { me: buildMe() })
    expect(await screen.findByText('Nessun possibile duplicato')).toBeInTheDocument()
  })

  it('loads more pairs on request', async () => {
    const second = { ...pair, companyB: duplicateCompany({ id: 'c0000000-0000-4000-8000-00000000000c', name: 'Meccanica Bergamasca Due' }) }
    stubApi((r) => {
      if (!r.path.startsWith('/api/companies/duplicates')) return undefined
      return r.path.includes('cursor=next')
        ? { status: 200, body: { items: [second], nextCursor: null } }
        : { status: 200, body: { items: [pair], nextCursor: 'next' } }
    })
    renderPage(<DuplicatesPage />, { me: buildMe() })
    await userEvent.click(await screen.findByRole('button', { name: 'Carica altre coppie' }))
    expect(await screen.findByRole('listitem', { name: 'Meccanica Bergamasca S.r.l. e Meccanica Bergamasca Due' })).toBeInTheDocument()
  })

  it('lists recent merges and undoes one only once confirmed', async () => {
    let current = merge
    const requests = stubApi((r) => {
      if (r.method === 'POST' && r.path === `/api/companies/merges/${merge.id}/undo`) {
        current = { ...merge, undoneAt: '2026-03-02T10:00:00Z', canUndo: false }
        return { status: 200, body: current }
      }
      if (r.path.startsWith('/api/companies/merges')) return { status: 200, body: { items: [current], nextCursor: null } }
      return undefined
    })
    renderPage(<DuplicatesPage tab="history" />, { me: buildMe() })
    const table = await screen.findByRole('table', { name: 'Unioni recenti' })
    expect(within(table).getByText('Marco Bianchi')).toBeInTheDocument()
    await userEvent.click(within(table).getByRole('button', { name: 'Annulla unione: Mecanica Bergamasca in Meccanica Bergamasca S.r.l.' }))
    const dialog = await screen.findByRole('dialog', { name: "Annullare l'unione?" })
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(0)
    await userEvent.click(within(dialog).getByRole('button', { name: 'Annulla unione' }))
    await waitFor(() => expect(requests.filter((r) => r.method === 'POST')).toHaveLength(1))
    expect(await screen.findByText(/Annullata il/)).toBeInTheDocument()
  })
})
