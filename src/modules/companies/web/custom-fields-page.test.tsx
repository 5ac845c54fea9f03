import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { buildMe, type RecordedRequest, renderPage, stubApi } from '../../../web/test-utils'
import type { CustomFieldDefinition } from '../companies.contract'
import { buildCompany } from './company-factory'
import { CompanyDetailPage } from './company-detail-page'
import { CompanyForm } from './company-form'
import { CustomFieldsPage } from './custom-fields-page'

const certifications: CustomFieldDefinition = {
  id: 'd0000000-0000-4000-8000-000000000002',
  key: 'certificazioni',
  labelIt: 'Certificazioni',
  labelEn: 'Certifications',
  type: 'multi_select',
  options: [
    { value: 'iso9001', it: 'ISO 9001', en: 'ISO 9001' },
    { value: 'iso14001', it: 'ISO 14001', en: 'ISO 14001' },
  ],
  position: 1,
  archivedAt: null,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
}
const itStaff: CustomFieldDefinition = { ...certifications, id: 'd0000000-0000-4000-8000-000000000003', key: 'addetti_it', labelIt: 'Addetti IT', labelEn: 'IT staff', type: 'number', options: [], position: 2 }
const lastAudit: CustomFieldDefinition = { ...itStaff, id: 'd0000000-0000-4000-8000-000000000004', key: 'ultimo_audit', labelIt: 'Ultimo audit', labelEn: 'Last audit', type: 'date', position: 3 }

/** Pastes the text (much faster than typing in jsdom). */
async function fillIn(input: HTMLElement, text: string) {
  await userEvent.click(input)
  await userEvent.paste(text)
}

function stubFieldsApi(items: CustomFieldDefinition[]) {
  return stubApi((request) => {
    if (request.method === 'GET' && request.path.startsWith('/api/companies/custom-fields')) return { status: 200, body: { items } }
    if (request.method === 'POST' && request.path === '/api/companies/custom-fields') {
      return { status: 201, body: { ...certifications, ...(request.body as object), id: 'd0000000-0000-4000-8000-000000000009' } }
    }
    if (request.method === 'POST' && request.path.endsWith('/archive')) return { status: 200, body: { ...certifications, archivedAt: '2026-04-01T00:00:00Z' } }
    if (request.path.startsWith('/api/units')) return { status: 200, body: { items: [] } }
    return undefined
  })
}

const posts = (requests: RecordedRequest[]) => requests.filter((r) => r.method === 'POST')

describe('custom fields', { timeout: 40_000 }, () => {
  it('lets a network admin define a single-choice field with Italian and English option labels', async () => {
    const requests = stubFieldsApi([certifications])
    renderPage(<CustomFieldsPage />, { me: buildMe() })

    expect(await screen.findByRole('heading', { level: 1, name: 'Campi personalizzati' })).toBeInTheDocument()
    expect(await screen.findByText('Certificazioni')).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Nuovo campo' }))
    const dialog = await screen.findByRole('dialog', { name: 'Nuovo campo' })
    await fillIn(within(dialog).getByRole('textbox', { name: /^Nome in italiano/ }), 'Settore cliente')
    await fillIn(within(dialog).getByRole('textbox', { name: /^Nome in inglese/ }), 'Client sector')
    await fillIn(within(dialog).getByRole('textbox', { name: /^Chiave/ }), 'settore_cliente')
    await userEvent.selectOptions(within(dialog).getByRole('combobox', { name: 'Tipo' }), 'select')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Aggiungi opzione' }))
    await fillIn(within(dialog).getByRole('textbox', { name: 'Valore opzione 1' }), 'automotive')
    await fillIn(within(dialog).getByRole('textbox', { name: 'Etichetta italiana opzione 1' }), 'Automotive')
    await fillIn(within(dialog).getByRole('textbox', { name: 'Etichetta inglese opzione 1' }), 'Automotive')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Crea campo' }))

    await waitFor(() => expect(posts(requests)).toHaveLength(1))
    expect(posts(requests)[0]?.body).toEqual({
      key: 'settore_cliente',
      labelIt: 'Settore cliente',
      labelEn: 'Client sector',
      type: 'select',
      options: [{ value: 'automotive', it: 'Automotive', en: 'Automotive' }],
    })
  })

  it('refuses a key with spaces before asking the server', async () => {
    const requests = stubFieldsApi([])
    renderPage(<CustomFieldsPage />, { me: buildMe() })
    await userEvent.click(await screen.findByRole('button', { name: 'Nuovo campo' }))
    const dialog = await screen.findByRole('dialog', { name: 'Nuovo campo' })
    await fillIn(within(dialog).getByRole('textbox', { name: /^Nome in italiano/ }), 'Note')
    await fillIn(within(dialog).getByRole('textbox', { name: /^Nome in inglese/ }), 'Notes')
    await fillIn(within(dialog).getByRole('textbox', { name: /^Chiave/ }), 'Con Spazi')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Crea campo' }))

    expect(await within(dialog).findByText(/minuscole, cifre e trattino basso/)).toBeInTheDocument()
    expect(posts(requests)).toHaveLength(0)
  })

  it('archives a field only once confirmed', async () => {
    const requests = stubFieldsApi([certifications])
    renderPage(<CustomFieldsPage />, { me: buildMe() })
    await userEvent.click(await screen.findByRole('button', { name: 'Archivia «Certificazioni»' }))
    const confirm = await screen.findByRole('dialog', { name: 'Archiviare il campo «Certificazioni»?' })
    expect(posts(requests)).toHaveLength(0)
    await userEvent.click(within(confirm).getByRole('button', { name: 'Archivia' }))
    await waitFor(() => expect(posts(requests)).toHaveLength(1))
    expect(posts(requests)[0]?.path).toBe(`/api/companies/custom-fields/${certifications.id}/archive`)
  })

  it('tells other users the page is for network admins', async () => {
    stubFieldsApi([certifications])
    renderPage(<CustomFieldsPage />, { me: buildMe({ isNetworkAdmin: false }) })
    expect(await screen.findByText('Solo per gli amministratori della rete')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Nuovo campo' })).not.toBeInTheDocument()
  })

  it('shows the values on the company page, dates and numbers the Italian way and options by label', async () => {
    const company = buildCompany({ customFields: { certificazioni: ['iso9001', 'iso14001'], addetti_it: 1200, ultimo_audit: '2026-03-31' } })
    stubApi((request) => {
      if (request.path === `/api/companies/${company.id}`) return { status: 200, body: company }
      if (request.path.startsWith('/api/companies/custom-fields')) return { status: 200, body: { items: [certifications, itStaff, lastAudit] } }
      return undefined
    })
    renderPage(<CompanyDetailPage companyId={company.id} />, { me: buildMe() })
    await screen.findByRole('heading', { level: 1, name: company.name }, { timeout: 5000 })
    const section = await screen.findByRole('region', { name: 'Campi personalizzati' }, { timeout: 5000 })
    expect(within(section).getByText('ISO 9001, ISO 14001')).toBeInTheDocument()
    expect(within(section).getByText('1.200')).toBeInTheDocument()
    expect(within(section).getByText('31/03/2026')).toBeInTheDocument()
  })

  it('edits custom field values in the company form with the input of each type', async () => {
    const company = buildCompany({ customFields: { addetti_it: 3 } })
    const requests = stubApi((request) => {
      if (request.path.startsWith('/api/companies/custom-fields')) return { status: 200, body: { items: [certifications, itStaff, lastAudit] } }
      if (request.path.startsWith('/api/units')) return { status: 200, body: { items: [] } }
      if (request.method === 'PATCH') return { status: 200, body: company }
      return undefined
    })
    renderPage(<CompanyForm company={company} onDone={vi.fn()} onCancel={vi.fn()} />, { me: buildMe() })
    const fieldset = await screen.findByRole('group', { name: 'Campi personalizzati' })
    const itInput = within(fieldset).getByRole('textbox', { name: /^Addetti IT/ })
    expect(itInput).toHaveValue('3')
    await userEvent.clear(itInput)
    await userEvent.type(itInput, '5')
    await userEvent.type(within(fieldset).getByLabelText(/^Ultimo audit/), '2026-04-15')
    await userEvent.click(screen.getByRole('button', { name: 'Salva modifiche' }))

    await waitFor(() => expect(requests.filter((r) => r.method === 'PATCH')).toHaveLength(1))
    const body = requests.find((r) => r.method === 'PATCH')?.body as { customFields: Record<string, unknown> }
    expect(body.customFields).toEqual({ addetti_it: 5, ultimo_audit: '2026-04-15' })
  })
})
