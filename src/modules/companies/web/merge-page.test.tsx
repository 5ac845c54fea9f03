import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { buildMe, renderPage, stubApi } from '../../../web/test-utils'
import type { Company } from '../companies.contract'
import { buildCompany } from './company-factory'
import { MergePage } from './merge-page'
import { swapChoices, toMergeChoices } from './merge-fields'

const survivor = buildCompany({ id: 'c0000000-0000-4000-8000-00000000000a', name: 'Meccanica Bergamasca S.r.l.', email: 'info@mb.it', tags: ['newsletter'] })
const merged = buildCompany({
  id: 'c0000000-0000-4000-8000-00000000000b',
  name: 'Mecanica Bergamasca',
  vatNumber: '07654320163',
  email: 'amministrazione@mb.it',
  tags: ['fiera'],
  createdAt: '2026-03-01T09:00:00Z',
})

function stubMergeApi(companies: Company[] = [survivor, merged]) {
  return stubApi((r) => {
    for (const c of companies) if (r.method === 'GET' && r.path === `/api/companies/${c.id}`) return { status: 200, body: c }
    if (r.path.startsWith('/api/companies/merges/preview')) {
      return { status: 200, body: { moves: [{ name: 'company_members', count: 0 }, { name: 'interactions', count: 3 }], customFields: [] } }
    }
    if (r.method === 'POST' && r.path === '/api/companies/merges') {
      return {
        status: 201,
        body: {
          id: 'd0000000-0000-4000-8000-000000000001',
          survivor: { id: survivor.id, name: survivor.name, vatNumber: survivor.vatNumber },
          merged: { id: merged.id, name: merged.name, vatNumber: merged.vatNumber },
          choices: {}, moved: [], createdAt: '2026-03-02T09:00:00Z', createdByName: 'Marco', undoneAt: null, undoneByName: null, canUndo: true,
        },
      }
    }
    return undefined
  })
}

const props = () => ({ survivorId: survivor.id, mergedId: merged.id, onSwap: vi.fn(), onMerged: vi.fn() })

describe('MergePage', () => {
  it('shows the fields that differ with a choice each, collapses identical ones, and what moves', async () => {
    stubMergeApi()
    renderPage(<MergePage {...props()} />, { me: buildMe() })
    const email = await screen.findByRole('radiogroup', { name: 'Email' })
    expect(within(email).getByRole('radio', { name: 'info@mb.it (valore di Meccanica Bergamasca S.r.l.)' })).toBeChecked()
    expect(screen.queryByRole('radiogroup', { name: 'Telefono' })).not.toBeInTheDocument()
    expect(screen.getByText(/La partita IVA resta quella dell'azienda che rimane/)).toBeInTheDocument()
    expect(screen.getByText('Interazioni: 3')).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: /Mostra \d+ campi uguali/ }))
    expect(await screen.findByRole('radiogroup', { name: 'Telefono' })).toBeInTheDocument()
  }, 60_000)

  it('merges with the chosen fields once confirmed, then goes to the surviving company', async () => {
    const requests = stubMergeApi()
    const p = props()
    renderPage(<MergePage {...p} />, { me: buildMe() })
    const email = await screen.findByRole('radiogroup', { name: 'Email' })
    await userEvent.click(within(email).getByRole('radio', { name: 'amministrazione@mb.it (valore di Mecanica Bergamasca)' }))
    await userEvent.click(within(screen.getByRole('radiogroup', { name: 'Tag' })).getByRole('radio', { name: 'Unisci i due elenchi' }))
    await userEvent.click(screen.getByRole('button', { name: 'Unisci le aziende' }))
    const dialog = await screen.findByRole('dialog', { name: 'Unire le due aziende?' })
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(0)
    await userEvent.click(within(dialog).getByRole('button', { name: 'Unisci' }))

    await waitFor(() => expect(p.onMerged).toHaveBeenCalledWith(survivor.id))
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({
      survivorId: survivor.id,
      mergedId: merged.id,
      choices: { email: 'merged', tags: 'union' },
    })
    expect(await screen.findByRole('button', { name: 'Annulla' })).toBeInTheDocument()
  }, 60_000)

  it('swaps survivor and merged company', async () => {
    stubMergeApi()
    const p = props()
    renderPage(<MergePage {...p} />, { me: buildMe() })
    await userEvent.click(await screen.findByRole('button', { name: 'Inverti le aziende' }))
    expect(p.onSwap).toHaveBeenCalledWith(merged.id, survivor.id)
  })

  it('does not offer the merge when one company cannot be changed', async () => {
    stubMergeApi([survivor, { ...merged, can: { update: false } }])
    renderPage(<MergePage {...props()} />, { me: buildMe() })
    expect(await screen.findByText(/Non puoi modificare entrambe le aziende/)).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Unisci le aziende' })).toBeDisabled()
  })
})

describe('merge choices', () => {
  it('sends only what differs from the survivor, custom fields grouped', () => {
    expect(toMergeChoices({ name: 'survivor', email: 'merged', notes: 'concat', 'customFields.canale': 'merged', vatNumber: 'merged' })).toEqual({
      email: 'merged',
      notes: 'concat',
      customFields: { canale: 'merged' },
    })
  })

  it('keeps the same values chosen when the companies are swapped', () => {
    expect(swapChoices({ email: 'merged', tags: 'union' }, ['vatNumber', 'name', 'email', 'tags'])).toEqual({ name: 'merged', email: 'survivor', tags: 'union' })
  })
})
