import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { buildMe, renderPage, stubApi } from '../../../web/test-utils'
import { CompanyContactsPanel } from './company-contacts-panel'
import { BERGAMO_UNIT_ID, buildContact, COMPANY_ID } from './contact-factory'

const company = { id: COMPANY_ID, name: 'Meccanica Bergamasca S.r.l.', unitId: BERGAMO_UNIT_ID, can: { update: true } }

// Pages render through the router and React Query: slow on a loaded machine.
describe('CompanyContactsPanel', { timeout: 20_000 }, () => {
  it('lists the company’s people with their roles', async () => {
    const requests = stubApi((request) => (request.path.startsWith('/api/contacts') ? { status: 200, body: { items: [buildContact()], nextCursor: null, total: 1 } } : undefined))
    renderPage(<CompanyContactsPanel company={company} />, { me: buildMe() })

    expect(await screen.findByRole('link', { name: 'Giovanna Pesenti' })).toBeInTheDocument()
    expect(screen.getByRole('combobox', { name: 'Ruolo di Giovanna Pesenti' })).toHaveValue('referente')
    expect(requests[0]?.path).toBe(`/api/contacts?companyId=${COMPANY_ID}&limit=100`)
  })

  it('changes a role and unlinks only after confirmation', async () => {
    const contact = buildContact()
    const requests = stubApi((request) => {
      if (request.method === 'PATCH' || request.method === 'DELETE') return { status: 200, body: contact }
      if (request.path.startsWith('/api/contacts')) return { status: 200, body: { items: [contact], nextCursor: null, total: 1 } }
      return undefined
    })
    renderPage(<CompanyContactsPanel company={company} />, { me: buildMe() })

    await userEvent.selectOptions(await screen.findByRole('combobox', { name: 'Ruolo di Giovanna Pesenti' }), 'Titolare')
    await waitFor(() => expect(requests.find((r) => r.method === 'PATCH')?.body).toEqual({ role: 'titolare' }))

    await userEvent.click(screen.getByRole('button', { name: 'Scollega Giovanna Pesenti' }))
    const dialog = await screen.findByRole('dialog', { name: 'Scollegare Giovanna Pesenti da Meccanica Bergamasca S.r.l.?' })
    expect(requests.some((r) => r.method === 'DELETE')).toBe(false)
    await userEvent.click(within(dialog).getByRole('button', { name: 'Scollega' }))
    await waitFor(() => expect(requests.find((r) => r.method === 'DELETE')?.path).toBe(`/api/contacts/${contact.id}/companies/${COMPANY_ID}`))
  })

  it('shows no editing controls to someone who may only read the company', async () => {
    stubApi((request) => (request.path.startsWith('/api/contacts') ? { status: 200, body: { items: [], nextCursor: null, total: 0 } } : undefined))
    renderPage(<CompanyContactsPanel company={{ ...company, can: { update: false } }} />, { me: buildMe() })

    expect(await screen.findByText('Nessun contatto per questa azienda')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Nuovo contatto' })).not.toBeInTheDocument()
  })
})
