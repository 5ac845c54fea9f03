import { screen } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { buildMe, renderPage, stubApi } from '../../../web/test-utils'
import type { Contact } from '../contacts.contract'
import { buildContact } from './contact-factory'
import { ContactsPage } from './contacts-page'

function stubList(items: Contact[], total = items.length) {
  return stubApi((request) => {
    if (request.path.startsWith('/api/contacts')) return { status: 200, body: { items, nextCursor: null, total } }
    if (request.path.startsWith('/api/units')) return { status: 200, body: { items: [] } }
    return undefined
  })
}

// Pages render through the router and React Query: slow on a loaded machine.
describe('ContactsPage', { timeout: 20_000 }, () => {
  it('says there are no contacts yet and offers to record the first one', async () => {
    stubList([])
    renderPage(<ContactsPage filters={{}} onFiltersChange={vi.fn()} />, { me: buildMe() })

    expect(await screen.findByText('Nessun contatto')).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Registra il primo contatto' })).toHaveAttribute('href', '/contacts/new')
    expect(screen.queryByRole('table')).not.toBeInTheDocument()
  })

  it('lists people with their companies, roles and consents in force, and counts every match', async () => {
    stubList([buildContact()], 1234)
    renderPage(<ContactsPage filters={{}} onFiltersChange={vi.fn()} />, { me: buildMe() })

    const row = (await screen.findByRole('link', { name: 'Giovanna Pesenti' })).closest('tr')
    expect(row).toHaveTextContent('Meccanica Bergamasca S.r.l. · Referente')
    expect(row).toHaveTextContent('Responsabile qualità')
    expect(row).toHaveTextContent('Newsletter')
    expect(row).not.toHaveTextContent('Eventi')
    expect(screen.getByRole('status')).toHaveTextContent('1.234 contatti')
  })

  it('shows the newsletter segment: asks for consent in force, explains it, and exports it as CSV', async () => {
    const requests = stubList([])
    renderPage(<ContactsPage filters={{ consent: 'newsletter', q: 'rossi' }} onFiltersChange={vi.fn()} />, { me: buildMe() })

    expect(await screen.findByText('Nessuno nel segmento')).toBeInTheDocument()
    expect(screen.getByText(/Stai vedendo il segmento «Newsletter»/)).toBeInTheDocument()
    const list = requests.find((request) => request.path.startsWith('/api/contacts'))
    expect(Object.fromEntries(new URLSearchParams(list?.path.split('?')[1]))).toEqual({ q: 'rossi', consent: 'newsletter', limit: '25' })
    expect(screen.getByRole('link', { name: 'Esporta il segmento in CSV' })).toHaveAttribute('href', '/api/contacts/export?q=rossi&consent=newsletter')
  })

  it('changes the segment from the consent filter', async () => {
    stubList([])
    const onFiltersChange = vi.fn()
    renderPage(<ContactsPage filters={{}} onFiltersChange={onFiltersChange} />, { me: buildMe() })
    const select = await screen.findByRole('combobox', { name: 'Segmento (consenso in vigore)' })
    const { default: userEvent } = await import('@testing-library/user-event')
    await userEvent.selectOptions(select, 'Consenso Eventi')
    expect(onFiltersChange).toHaveBeenCalledWith({ consent: 'events' })
  })
})
