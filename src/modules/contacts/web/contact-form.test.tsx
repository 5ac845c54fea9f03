import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { buildMe, renderPage, stubApi } from '../../../web/test-utils'
import { ContactForm } from './contact-form'
import { BERGAMO_UNIT_ID, buildContact, COMPANY_ID } from './contact-factory'

const units = { items: [{ id: BERGAMO_UNIT_ID, name: 'Antenna Bergamo', archivedAt: null, path: `/${BERGAMO_UNIT_ID}/`, type: 'antenna', parentId: null }] }

// Forms render through the router and React Query: slow on a loaded machine.
describe('ContactForm', { timeout: 20_000 }, () => {
  it('explains missing names and a wrong email in Italian, and sends nothing', async () => {
    const requests = stubApi((request) => (request.path.startsWith('/api/units') ? { status: 200, body: units } : undefined))
    renderPage(<ContactForm onDone={vi.fn()} onCancel={vi.fn()} />, { me: buildMe() })

    await userEvent.type(await screen.findByRole('textbox', { name: 'Email (facoltativo)' }), 'non-una-email')
    await userEvent.click(screen.getByRole('button', { name: 'Registra contatto' }))

    expect(await screen.findByText('Indirizzo email non valido (es. nome@azienda.it).')).toBeInTheDocument()
    expect(screen.getAllByText('Campo obbligatorio.')).toHaveLength(2)
    expect(requests.some((request) => request.method === 'POST')).toBe(false)
  })

  it('creates a contact linked to the company it was opened from, with the chosen role', async () => {
    const created = buildContact({ firstName: 'Luca', lastName: 'Rota' })
    const requests = stubApi((request) => {
      if (request.path.startsWith('/api/units')) return { status: 200, body: units }
      if (request.method === 'POST' && request.path === '/api/contacts') return { status: 201, body: created }
      return undefined
    })
    const onDone = vi.fn()
    renderPage(<ContactForm company={{ id: COMPANY_ID, name: 'Meccanica Bergamasca S.r.l.', unitId: BERGAMO_UNIT_ID }} onDone={onDone} onCancel={vi.fn()} />, { me: buildMe() })

    await userEvent.type(await screen.findByRole('textbox', { name: 'Nome' }), 'Luca')
    await userEvent.type(screen.getByRole('textbox', { name: 'Cognome' }), 'Rota')
    await userEvent.selectOptions(screen.getByRole('combobox', { name: "Ruolo nell'azienda" }), 'Responsabile IT')
    await userEvent.click(screen.getByRole('button', { name: 'Registra contatto' }))

    await waitFor(() => expect(onDone).toHaveBeenCalledWith(created))
    expect(requests.find((request) => request.method === 'POST')?.body).toMatchObject({
      firstName: 'Luca',
      lastName: 'Rota',
      unitId: BERGAMO_UNIT_ID,
      lawfulBasis: 'legitimate_interest',
      company: { companyId: COMPANY_ID, role: 'responsabile_it', isPrimary: false },
    })
  })
})
