import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { i18n } from '../../../web/i18n/i18n'
import { buildMe, renderPage, stubApi } from '../../../web/test-utils'
import type { Unit } from '../identity.contract'
import { CreateUnitForm } from './unit-form'

const hub: Unit = {
  id: 'b0000000-0000-4000-8000-000000000001',
  parentId: null,
  type: 'hub',
  name: 'Hub Lombardia',
  code: 'HUB-LOM',
  regionCode: '03',
  provinceCode: 'MI',
  email: null,
  phone: null,
  address: null,
  archivedAt: null,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  can: { update: true, createChild: true, archive: false, move: false },
}

function renderForm(onDone = vi.fn()) {
  renderPage(<CreateUnitForm parent={hub} onDone={onDone} onCancel={vi.fn()} />, { me: buildMe() })
  return onDone
}

describe('CreateUnitForm', () => {
  it('requires a name, a code and a type', async () => {
    const requests = stubApi(() => undefined)
    renderForm()
    await userEvent.click(await screen.findByRole('button', { name: 'Crea unità' }))

    expect(screen.getByRole('textbox', { name: /^Nome/ })).toHaveAccessibleDescription('Campo obbligatorio')
    expect(screen.getByRole('textbox', { name: /^Codice/ })).toHaveAccessibleDescription(/Campo obbligatorio/)
    expect(screen.getByRole('combobox', { name: /^Tipo/ })).toHaveAccessibleDescription('Campo obbligatorio')
    expect(requests).toHaveLength(0)
  })

  it("explains a malformed code with the contract's translated message", async () => {
    stubApi(() => undefined)
    renderForm()
    await userEvent.type(await screen.findByRole('textbox', { name: /^Codice/ }), 'ant bg')
    await userEvent.click(screen.getByRole('button', { name: 'Crea unità' }))

    const expected = i18n.t('unitCodeFormat', { ns: 'errors' })
    expect(expected).not.toBe('unitCodeFormat')
    expect(screen.getByRole('textbox', { name: /^Codice/ })).toHaveAccessibleDescription(new RegExp(escape(expected)))
  })

  it('creates the unit under its parent, sending empty optional fields as null', async () => {
    const requests = stubApi((request) =>
      request.method === 'POST' && request.path === '/api/units'
        ? { status: 201, body: { ...hub, id: 'c0000000-0000-4000-8000-000000000002', parentId: hub.id, name: 'Antenna Bergamo' } }
        : undefined,
    )
    const onDone = renderForm()
    await userEvent.type(await screen.findByRole('textbox', { name: /^Nome/ }), '  Antenna Bergamo ')
    await userEvent.type(screen.getByRole('textbox', { name: /^Codice/ }), 'ANT-BG')
    await userEvent.selectOptions(screen.getByRole('combobox', { name: /^Tipo/ }), 'Antenna territoriale')
    await userEvent.type(screen.getByRole('textbox', { name: /^Sigla provincia/ }), 'BG')
    await userEvent.click(screen.getByRole('button', { name: 'Crea unità' }))

    await waitFor(() => expect(onDone).toHaveBeenCalled())
    expect(requests.find((request) => request.method === 'POST')?.body).toEqual({
      parentId: hub.id,
      type: 'antenna',
      name: 'Antenna Bergamo',
      code: 'ANT-BG',
      regionCode: null,
      provinceCode: 'BG',
      email: null,
      phone: null,
      address: null,
    })
  })

  it("shows the server's field errors beside their inputs", async () => {
    stubApi(() => ({
      status: 409,
      body: {
        error: {
          code: 'CONFLICT',
          messageKey: 'errors.unitCodeTaken',
          message: 'Il codice «ANT-BG» è già usato da un\'altra unità.',
          details: { code: 'ANT-BG' },
          fields: [{ path: 'code', message: 'Il codice «ANT-BG» è già usato da un\'altra unità.' }],
          requestId: 'r2',
        },
      },
    }))
    renderForm()
    await userEvent.type(await screen.findByRole('textbox', { name: /^Nome/ }), 'Antenna Bergamo')
    await userEvent.type(screen.getByRole('textbox', { name: /^Codice/ }), 'ANT-BG')
    await userEvent.selectOptions(screen.getByRole('combobox', { name: /^Tipo/ }), 'Antenna territoriale')
    await userEvent.click(screen.getByRole('button', { name: 'Crea unità' }))

    await waitFor(() =>
      expect(screen.getByRole('textbox', { name: /^Codice/ })).toHaveAccessibleDescription(/già usato/),
    )
  })
})

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
