import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { i18n } from '../../../web/i18n/i18n'
import { buildMe, type RecordedRequest, renderPage, stubApi } from '../../../web/test-utils'
import type { Unit } from '../../identity/identity.contract'
import { BERGAMO_UNIT_ID, buildCompany } from './company-factory'
import { CompanyForm } from './company-form'

const bergamo: Unit = {
  id: BERGAMO_UNIT_ID,
  parentId: null,
  type: 'antenna',
  name: 'Antenna Bergamo',
  code: 'ANT-BG',
  regionCode: '03',
  provinceCode: 'BG',
  email: null,
  phone: null,
  address: null,
  archivedAt: null,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  can: { update: false, createChild: false, archive: false, move: false },
}

const staff = buildMe({
  isNetworkAdmin: false,
  memberships: [
    {
      id: 'e0000000-0000-4000-8000-000000000001',
      unitId: BERGAMO_UNIT_ID,
      unitName: 'Antenna Bergamo',
      unitCode: 'ANT-BG',
      role: 'unit_staff',
      createdAt: '2026-01-01T00:00:00Z',
    },
  ],
})

function stubCompaniesApi(answerCreate: (request: RecordedRequest) => { status: number; body?: unknown } | undefined = () => undefined) {
  return stubApi((request) => {
    if (request.path.startsWith('/api/units')) return { status: 200, body: { items: [bergamo] } }
    if (request.method === 'POST' && request.path === '/api/companies') return answerCreate(request)
    return undefined
  })
}

const posts = (requests: RecordedRequest[]) => requests.filter((request) => request.method === 'POST')

// A form of some twenty Mantine inputs renders slowly in jsdom (about 0.1 s a keystroke); under a
// parallel run that can pass vitest's 5 s default without anything being wrong.
describe('CompanyForm', { timeout: 15_000 }, () => {
  it('explains a mistyped partita IVA in Italian as soon as the field is left', async () => {
    const requests = stubCompaniesApi()
    renderPage(<CompanyForm onDone={vi.fn()} onCancel={vi.fn()} />, { me: staff })
    // 00743110157 is valid: the last digit is the check digit.
    await fillIn(await screen.findByRole('textbox', { name: /^Partita IVA/ }), '00743110158')
    await userEvent.tab()

    const expected = i18n.t('vatNumberChecksum', { ns: 'errors' })
    expect(expected).not.toBe('vatNumberChecksum')
    expect(screen.getByRole('textbox', { name: /^Partita IVA/ })).toHaveAccessibleDescription(
      new RegExp(escapeRegExp(expected)),
    )
    expect(posts(requests)).toHaveLength(0)
  })

  it('ticks Cooperativa, and keeps it ticked, for a cooperative legal form', async () => {
    stubCompaniesApi()
    renderPage(<CompanyForm onDone={vi.fn()} onCancel={vi.fn()} />, { me: staff })
    const cooperative = await screen.findByRole('checkbox', { name: 'Cooperativa' })
    expect(cooperative).not.toBeChecked()

    await userEvent.selectOptions(screen.getByRole('combobox', { name: /^Forma giuridica/ }), 'Cooperativa sociale')

    expect(cooperative).toBeChecked()
    expect(cooperative).toBeDisabled()
  })

  it('names the ATECO section of the code as it is typed', async () => {
    stubCompaniesApi()
    renderPage(<CompanyForm onDone={vi.fn()} onCancel={vi.fn()} />, { me: staff })
    const ateco = await screen.findByRole('textbox', { name: /^Codice ATECO/ })
    expect(ateco).toHaveAccessibleDescription('Ad esempio 25.62.00.')

    await userEvent.type(ateco, '62.01')

    expect(ateco).toHaveAccessibleDescription('Sezione J: Servizi di informazione e comunicazione')
  })

  it("creates the company in the user's unit, sending empty fields as null", async () => {
    const created = buildCompany({ name: 'Tessiture Seriane S.p.A.' })
    const requests = stubCompaniesApi(() => ({ status: 201, body: created }))
    const onDone = vi.fn()
    renderPage(<CompanyForm onDone={onDone} onCancel={vi.fn()} />, { me: staff })
    await fillIn(await screen.findByRole('textbox', { name: /^Ragione sociale/ }), 'Tessiture Seriane S.p.A.')
    await fillIn(screen.getByRole('textbox', { name: /^Partita IVA/ }), 'IT 007 431 101 57')
    await fillIn(screen.getByRole('textbox', { name: /^Dipendenti/ }), '12')
    await userEvent.click(screen.getByRole('button', { name: 'Crea azienda' }))

    await waitFor(() => expect(onDone).toHaveBeenCalledWith(created))
    expect(posts(requests)[0]?.body).toMatchObject({
      name: 'Tessiture Seriane S.p.A.',
      vatNumber: '00743110157',
      unitId: BERGAMO_UNIT_ID,
      employees: 12,
      turnover: null,
      legalForm: null,
      comuneIstat: null,
      email: null,
      tags: [],
    })
  })

  it('takes the user to the first field in error when the submit is refused', async () => {
    stubCompaniesApi()
    renderPage(<CompanyForm onDone={vi.fn()} onCancel={vi.fn()} />, { me: staff })
    await userEvent.click(await screen.findByRole('button', { name: 'Crea azienda' }))

    const name = screen.getByRole('textbox', { name: /^Ragione sociale/ })
    await waitFor(() => expect(name).toHaveFocus())
    expect(name).toHaveAccessibleDescription('Campo obbligatorio')
    expect(screen.getByRole('textbox', { name: /^Partita IVA/ })).toHaveAccessibleDescription(/Campo obbligatorio/)
  })

  it("shows the server's duplicate partita IVA message beside the field", async () => {
    const message = "Esiste già un'azienda con partita IVA 00743110157 nella rete."
    stubCompaniesApi(() => ({
      status: 409,
      body: {
        error: {
          code: 'CONFLICT',
          messageKey: 'errors.vatNumberTaken',
          message,
          details: { vatNumber: '00743110157' },
          fields: [{ path: 'vatNumber', message }],
          requestId: 'r1',
        },
      },
    }))
    renderPage(<CompanyForm onDone={vi.fn()} onCancel={vi.fn()} />, { me: staff })
    await fillIn(await screen.findByRole('textbox', { name: /^Ragione sociale/ }), 'Doppione S.r.l.')
    await fillIn(screen.getByRole('textbox', { name: /^Partita IVA/ }), '00743110157')
    await userEvent.click(screen.getByRole('button', { name: 'Crea azienda' }))

    await waitFor(() =>
      expect(screen.getByRole('textbox', { name: /^Partita IVA/ })).toHaveAccessibleDescription(new RegExp(escapeRegExp(message))),
    )
  })
})

/** Pastes the text, as people do with names and numbers copied from the business register (and faster than typing). */
async function fillIn(input: HTMLElement, text: string) {
  await userEvent.click(input)
  await userEvent.paste(text)
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
