import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { buildMe, renderPage, stubApi } from '../../../web/test-utils'
import type { Contact } from '../contacts.contract'
import { buildContact } from './contact-factory'
import { ContactDetailPage } from './contact-detail-page'

function stubContactApi(contact: Contact, afterPost: (path: string) => Contact = () => contact) {
  let current = contact
  return stubApi((request) => {
    if (request.method === 'POST' && request.path.startsWith(`/api/contacts/${contact.id}`)) {
      current = afterPost(request.path)
      return { status: 200, body: current }
    }
    if (request.path === `/api/contacts/${contact.id}/consents`) {
      return { status: 200, body: { items: [{ id: 'e0000000-0000-4000-8000-000000000001', purpose: 'newsletter', granted: true, source: 'web_form', note: 'Modulo del sito', recordedAt: '2026-02-01T09:00:00.000Z', recordedBy: null }] } }
    }
    if (request.path === `/api/contacts/${contact.id}`) return { status: 200, body: current }
    return undefined
  })
}

// Pages render through the router and React Query: slow on a loaded machine.
describe('ContactDetailPage', { timeout: 20_000 }, () => {
  it('shows the person, their companies with roles, consents in force and the history', async () => {
    const contact = buildContact()
    stubContactApi(contact)
    renderPage(<ContactDetailPage contactId={contact.id} />, { me: buildMe() })

    expect(await screen.findByRole('heading', { level: 1, name: 'Giovanna Pesenti' })).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Meccanica Bergamasca S.r.l.' })).toHaveAttribute('href', `/companies/${contact.companies[0]?.companyId}`)
    const newsletter = screen.getByRole('article', { name: 'Newsletter' })
    expect(newsletter).toHaveTextContent('Consenso dato')
    expect(within(newsletter).getByRole('button', { name: 'Revoca consenso: Newsletter' })).toBeInTheDocument()
    expect(screen.getByRole('article', { name: 'Eventi' })).toHaveTextContent('Nessun consenso')
    expect(await screen.findByRole('cell', { name: 'Modulo del sito' })).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Scarica i dati (PDF)' })).toHaveAttribute('href', `/api/contacts/${contact.id}/export?format=pdf`)
    expect(screen.getByRole('link', { name: 'Scarica i dati (JSON)' })).toHaveAttribute('href', `/api/contacts/${contact.id}/export?format=json`)
  })

  it('withdraws a consent with its source', async () => {
    const contact = buildContact()
    const requests = stubContactApi(contact, () => ({ ...contact, consents: contact.consents.map((c) => (c.purpose === 'newsletter' ? { ...c, granted: false, source: 'email' as const } : c)) }))
    renderPage(<ContactDetailPage contactId={contact.id} />, { me: buildMe() })

    await userEvent.click(await screen.findByRole('button', { name: 'Revoca consenso: Newsletter' }))
    const dialog = await screen.findByRole('dialog', { name: 'Revoca il consenso: Newsletter' })
    await userEvent.selectOptions(within(dialog).getByRole('combobox', { name: 'Fonte' }), 'Email')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Revoca consenso' }))

    await waitFor(() => expect(screen.getByRole('article', { name: 'Newsletter' })).toHaveTextContent('Consenso revocato'))
    const post = requests.find((request) => request.method === 'POST')
    expect(post?.path).toBe(`/api/contacts/${contact.id}/consents`)
    expect(post?.body).toEqual({ purpose: 'newsletter', granted: false, source: 'email', note: '' })
  })

  it('erases only after the confirmation word is typed', async () => {
    const contact = buildContact()
    const requests = stubContactApi(contact, () => ({ ...contact, firstName: 'Interessato', lastName: 'cancellato', email: null, phone: null, jobTitle: null, erasedAt: '2026-03-01T10:00:00.000Z', can: { update: false } }))
    renderPage(<ContactDetailPage contactId={contact.id} />, { me: buildMe() })

    await userEvent.click(await screen.findByRole('button', { name: 'Cancella i dati personali' }))
    const dialog = await screen.findByRole('dialog', { name: 'Cancellare i dati di Giovanna Pesenti?' })
    const confirm = within(dialog).getByRole('button', { name: 'Cancella definitivamente' })
    expect(confirm).toBeDisabled()
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Per confermare scrivi CANCELLA' }), 'cancella')
    expect(confirm).toBeEnabled()
    await userEvent.click(confirm)

    expect(await screen.findByRole('heading', { level: 1, name: 'Interessato cancellato' })).toBeInTheDocument()
    expect(screen.getByText(/sono stati cancellati il/)).toBeInTheDocument()
    expect(requests.filter((request) => request.method === 'POST').map((r) => r.path)).toEqual([`/api/contacts/${contact.id}/erase`])
    expect(screen.queryByRole('button', { name: 'Cancella i dati personali' })).not.toBeInTheDocument()
  })

  it('says so when the contact is not visible', async () => {
    stubApi(() => undefined)
    renderPage(<ContactDetailPage contactId="d0000000-0000-4000-8000-000000000009" />, { me: buildMe() })
    expect(await screen.findByRole('heading', { level: 1, name: 'Contatto non trovato' })).toBeInTheDocument()
  })

  it('shows the tabs other modules add', async () => {
    const contact = buildContact()
    stubContactApi(contact)
    renderPage(<ContactDetailPage contactId={contact.id} panels={[{ id: 'timeline', label: 'Cronologia', render: (c) => <p>Interazioni di {c.firstName}</p> }]} />, { me: buildMe() })
    await userEvent.click(await screen.findByRole('tab', { name: 'Cronologia' }))
    expect(await screen.findByText('Interazioni di Giovanna')).toBeInTheDocument()
  })
})
