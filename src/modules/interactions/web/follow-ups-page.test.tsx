import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { buildMe, renderPage, stubApi, type RecordedRequest } from '../../../web/test-utils'
import type { FollowUp } from '../interactions.contract'
import { FollowUpsPage, today } from './follow-ups-page'

const ME = buildMe({ id: 'a1000000-0000-4000-8000-000000000001', name: 'Marco Bianchi', isNetworkAdmin: false })

function buildFollowUp(overrides: Partial<FollowUp>): FollowUp {
  return {
    id: 'f0000000-0000-4000-8000-000000000001',
    unitId: 'b0000000-0000-4000-8000-000000000001',
    companyId: 'c0000000-0000-4000-8000-000000000001',
    companyName: 'Meccanica Bergamasca S.r.l.',
    interactionId: null,
    title: 'Richiamare',
    dueOn: '2026-11-30',
    assignee: { id: ME.id, name: 'Marco Bianchi' },
    status: 'open',
    completedAt: null,
    createdAt: '2026-11-01T10:00:00Z',
    updatedAt: '2026-11-01T10:00:00Z',
    can: { update: true },
    ...overrides,
  }
}

describe('FollowUpsPage', { timeout: 20_000 }, () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2026-11-23T09:00:00'))
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('asks for my open follow-ups and marks the overdue ones', async () => {
    const requests = stubApi((request) =>
      request.path.startsWith('/api/follow-ups?')
        ? {
            status: 200,
            body: {
              items: [
                buildFollowUp({ id: 'f0000000-0000-4000-8000-000000000002', title: 'Inviare la proposta', dueOn: '2026-11-20' }),
                buildFollowUp({ id: 'f0000000-0000-4000-8000-000000000003', title: 'Preparare la scheda', dueOn: '2026-11-23' }),
                buildFollowUp({ id: 'f0000000-0000-4000-8000-000000000004', title: 'Richiamare', dueOn: '2026-12-02' }),
              ],
              nextCursor: null,
            },
          }
        : undefined,
    )
    renderPage(<FollowUpsPage status="open" onStatusChange={() => undefined} />, { me: ME })

    const rows = (await screen.findAllByRole('row')).slice(1)
    expect(rows.map((row) => row.textContent)).toEqual([
      expect.stringMatching(/^20\/11\/2026Scaduto.*Inviare la proposta.*Meccanica Bergamasca/),
      expect.stringMatching(/^23\/11\/2026Oggi.*Preparare la scheda/),
      expect.stringMatching(/^02\/12\/2026Richiamare/),
    ])
    expect(requests[0]?.path).toBe('/api/follow-ups?assignee=me&status=open&limit=50')
    expect(within(rows[0] as HTMLElement).getByRole('link', { name: 'Meccanica Bergamasca S.r.l.' })).toHaveAttribute('href', '/companies/c0000000-0000-4000-8000-000000000001')
  })

  it('marks a follow-up done', async () => {
    const writes: RecordedRequest[] = []
    stubApi((request) => {
      if (request.method === 'GET') return { status: 200, body: { items: [buildFollowUp({})], nextCursor: null } }
      writes.push(request)
      return { status: 200, body: buildFollowUp({ status: 'done', completedAt: '2026-11-23T09:00:00Z' }) }
    })
    renderPage(<FollowUpsPage status="open" onStatusChange={() => undefined} />, { me: ME })
    await userEvent.click(await screen.findByRole('button', { name: 'Segna come fatto: Richiamare' }))
    await waitFor(() => expect(writes.map((w) => `${w.method} ${w.path}`)).toEqual(['POST /api/follow-ups/f0000000-0000-4000-8000-000000000001/complete']))
    expect(await screen.findByText('Promemoria completato.')).toBeInTheDocument()
  })

  it('reschedules a follow-up', async () => {
    const writes: RecordedRequest[] = []
    stubApi((request) => {
      if (request.method === 'GET' && request.path.startsWith('/api/follow-ups?')) return { status: 200, body: { items: [buildFollowUp({})], nextCursor: null } }
      if (request.method === 'GET') return { status: 200, body: { items: [], nextCursor: null } }
      writes.push(request)
      return { status: 200, body: buildFollowUp({ dueOn: '2026-12-15' }) }
    })
    renderPage(<FollowUpsPage status="open" onStatusChange={() => undefined} />, { me: ME })
    await userEvent.click(await screen.findByRole('button', { name: 'Modifica il promemoria: Richiamare' }))
    const dialog = await screen.findByRole('dialog', { name: 'Modifica promemoria' })
    const due = within(dialog).getByLabelText(/Scadenza/)
    await userEvent.clear(due)
    await userEvent.type(due, '2026-12-15')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Salva modifiche' }))
    await waitFor(() => expect(writes.map((w) => `${w.method} ${w.path}`)).toEqual(['PATCH /api/follow-ups/f0000000-0000-4000-8000-000000000001']))
    expect(writes[0]?.body).toMatchObject({ dueOn: '2026-12-15', assigneeId: ME.id, title: 'Richiamare' })
  })

  it('switches to the done ones', async () => {
    stubApi(() => ({ status: 200, body: { items: [], nextCursor: null } }))
    const onStatusChange = vi.fn()
    renderPage(<FollowUpsPage status="open" onStatusChange={onStatusChange} />, { me: ME })
    expect(await screen.findByText('Nessun promemoria da fare')).toBeInTheDocument()
    await userEvent.click(screen.getByRole('radio', { name: 'Fatti' }))
    expect(onStatusChange).toHaveBeenCalledWith('done')
  })
})

describe('today', () => {
  it('is the local calendar day', () => {
    expect(today(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05')
  })
})
