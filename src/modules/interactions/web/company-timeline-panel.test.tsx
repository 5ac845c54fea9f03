import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { buildMe, renderPage, stubApi, type RecordedRequest } from '../../../web/test-utils'
import type { Interaction } from '../interactions.contract'
import { CompanyTimelinePanel } from './company-timeline-panel'

const COMPANY = { id: 'c0000000-0000-4000-8000-000000000001', name: 'Meccanica Bergamasca S.r.l.', can: { update: true } }
const MEMBERSHIP = { id: 'a2000000-0000-4000-8000-000000000001', unitId: 'b0000000-0000-4000-8000-000000000001', unitName: 'Antenna Bergamo', unitCode: 'ANT-BG', role: 'unit_staff' as const, createdAt: '2026-01-01T00:00:00Z' }
const ME = buildMe({ id: 'a1000000-0000-4000-8000-000000000001', name: 'Marco Bianchi', isNetworkAdmin: false, memberships: [MEMBERSHIP] })

function buildInteraction(overrides: Partial<Interaction> = {}): Interaction {
  return {
    id: 'd1000000-0000-4000-8000-000000000001',
    unitId: 'b0000000-0000-4000-8000-000000000001',
    companyId: COMPANY.id,
    companyName: COMPANY.name,
    kind: 'visit',
    occurredAt: '2026-03-10T09:30:00.000Z',
    subject: 'Visita in azienda',
    body: 'Visitati reparto produttivo e ufficio tecnico.',
    source: 'manual',
    author: { id: ME.id, name: 'Marco Bianchi' },
    participants: [{ type: 'contact', id: 'e1000000-0000-4000-8000-000000000001', name: 'Pietro Locatelli' }],
    followUps: [
      {
        id: 'f0000000-0000-4000-8000-000000000001', unitId: 'b0000000-0000-4000-8000-000000000001', companyId: COMPANY.id, companyName: COMPANY.name,
        interactionId: 'd1000000-0000-4000-8000-000000000001', title: 'Inviare la proposta', dueOn: '2026-03-20',
        assignee: { id: ME.id, name: 'Marco Bianchi' }, status: 'open', completedAt: null, createdAt: '2026-03-10T10:00:00Z', updatedAt: '2026-03-10T10:00:00Z', can: { update: true },
      },
    ],
    createdAt: '2026-03-10T10:00:00Z',
    updatedAt: '2026-03-10T10:00:00Z',
    can: { update: true, delete: true },
    ...overrides,
  }
}

function stubTimeline(items: Interaction[], onWrite?: (request: RecordedRequest) => { status: number; body?: unknown } | undefined) {
  return stubApi((request) => {
    if (request.method === 'GET' && request.path.startsWith('/api/interactions?')) return { status: 200, body: { items, nextCursor: null } }
    if (request.method === 'GET' && request.path.startsWith('/api/users?')) {
      return { status: 200, body: { items: [{ id: ME.id, name: 'Marco Bianchi', email: 'bg.staff@ponte.demo', locale: 'it', isActive: true, lastLoginAt: null, createdAt: '2026-01-01T00:00:00Z', memberships: [{ id: 'm1', unitId: 'b0000000-0000-4000-8000-000000000001', unitName: 'Antenna Bergamo', unitCode: 'ANT-BG', role: 'unit_staff', createdAt: '2026-01-01T00:00:00Z' }] }], nextCursor: null } }
    }
    if (request.method === 'GET' && request.path.startsWith('/api/contacts?')) return { status: 200, body: { items: [], nextCursor: null, total: 0 } }
    return onWrite?.(request)
  })
}

describe('CompanyTimelinePanel', { timeout: 30_000 }, () => {
  it('lists the company’s activity with kind, date, author, participants and follow-up', async () => {
    const requests = stubTimeline([buildInteraction()])
    renderPage(<CompanyTimelinePanel company={COMPANY} />, { me: ME })

    const entry = (await screen.findByRole('heading', { level: 3, name: 'Visita in azienda' })).closest('li')
    if (!entry) throw new Error('entry not in a list item')
    expect(entry).toHaveTextContent('Visita · 10/03/2026')
    expect(entry).toHaveTextContent('di Marco Bianchi')
    expect(entry).toHaveTextContent('Partecipanti: Pietro Locatelli')
    expect(entry).toHaveTextContent('Promemoria: Inviare la proposta — entro il 20/03/2026 (Marco Bianchi)')
    expect(requests[0]?.path).toBe(`/api/interactions?companyId=${COMPANY.id}&limit=20`)
  })

  it('says so when nothing has been recorded yet', async () => {
    stubTimeline([])
    renderPage(<CompanyTimelinePanel company={COMPANY} />, { me: ME })
    expect(await screen.findByText('Nessuna attività registrata')).toBeInTheDocument()
  })

  it('filters the timeline by kind', async () => {
    const requests = stubTimeline([buildInteraction()])
    renderPage(<CompanyTimelinePanel company={COMPANY} />, { me: ME })
    await screen.findByRole('heading', { level: 3, name: 'Visita in azienda' })
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Tipo di attività' }), 'Telefonata')
    await waitFor(() => expect(requests.some((r) => r.path.includes('kind=call'))).toBe(true))
  })

  it('records a visit with a follow-up for the signed-in user', async () => {
    const writes: RecordedRequest[] = []
    stubTimeline([], (request) => {
      if (request.method === 'POST' && request.path === '/api/interactions') {
        writes.push(request)
        return { status: 201, body: buildInteraction() }
      }
      return undefined
    })
    renderPage(<CompanyTimelinePanel company={COMPANY} />, { me: ME })

    await userEvent.click(await screen.findByRole('button', { name: 'Registra attività' }))
    const dialog = await screen.findByRole('dialog', { name: `Registra attività — ${COMPANY.name}` })
    await userEvent.selectOptions(within(dialog).getByRole('combobox', { name: 'Tipo' }), 'Visita')
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Oggetto' }), 'Visita in azienda')
    await userEvent.click(within(dialog).getByRole('checkbox', { name: 'Aggiungi un promemoria' }))
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Cosa fare' }), 'Inviare la proposta')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Registra' }))

    await waitFor(() => expect(writes).toHaveLength(1))
    expect(writes[0]?.body).toMatchObject({
      companyId: COMPANY.id,
      kind: 'visit',
      subject: 'Visita in azienda',
      participants: [],
      followUp: { title: 'Inviare la proposta', assigneeId: ME.id, dueOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) },
    })
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
  })

  it('does not send a form without a subject, and says why', async () => {
    const writes: RecordedRequest[] = []
    stubTimeline([], (request) => {
      if (request.method !== 'GET') writes.push(request)
      return undefined
    })
    renderPage(<CompanyTimelinePanel company={COMPANY} />, { me: ME })
    await userEvent.click(await screen.findByRole('button', { name: 'Registra attività' }))
    const dialog = await screen.findByRole('dialog')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Registra' }))
    expect(await within(dialog).findByText('Campo obbligatorio.')).toBeInTheDocument()
    expect(writes).toHaveLength(0)
  })

  it('deletes an entry only once confirmed', async () => {
    const writes: RecordedRequest[] = []
    stubTimeline([buildInteraction()], (request) => {
      if (request.method === 'DELETE') {
        writes.push(request)
        return { status: 204 }
      }
      return undefined
    })
    renderPage(<CompanyTimelinePanel company={COMPANY} />, { me: ME })
    await userEvent.click(await screen.findByRole('button', { name: 'Elimina «Visita in azienda»' }))
    const dialog = await screen.findByRole('dialog', { name: 'Eliminare «Visita in azienda»?' })
    expect(writes).toHaveLength(0)
    await userEvent.click(within(dialog).getByRole('button', { name: 'Elimina attività' }))
    await waitFor(() => expect(writes.map((w) => w.path)).toEqual([`/api/interactions/${buildInteraction().id}`]))
  })

  it('tells a company member the timeline is for the hub’s staff, without asking the API', async () => {
    const requests = stubTimeline([])
    const member = buildMe({ isNetworkAdmin: false, memberships: [{ ...MEMBERSHIP, role: 'company_member' }] })
    renderPage(<CompanyTimelinePanel company={{ ...COMPANY, can: { update: false } }} />, { me: member })
    expect(await screen.findByText("La cronologia delle attività è riservata al personale dell'hub.")).toBeInTheDocument()
    expect(requests.filter((r) => r.path.startsWith('/api/interactions'))).toEqual([])
  })

  it('offers no recording or editing to those who only read the company', async () => {
    stubTimeline([buildInteraction({ can: { update: false, delete: false } })])
    renderPage(<CompanyTimelinePanel company={{ ...COMPANY, can: { update: false } }} />, { me: ME })
    await screen.findByRole('heading', { level: 3, name: 'Visita in azienda' })
    expect(screen.queryByRole('button', { name: 'Registra attività' })).not.toBeInTheDocument()
    expect(screen.queryByRole('button', { name: /Modifica/ })).not.toBeInTheDocument()
  })
})
