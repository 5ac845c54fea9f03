import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { buildMe, type RecordedRequest, renderPage, stubApi } from '../../../web/test-utils'
import type { User } from '../identity.contract'
import { UserDetailPage } from './user-detail-page'

const mario: User = {
  id: 'd0000000-0000-4000-8000-000000000003',
  name: 'Mario Rossi',
  email: 'mario.rossi@example.it',
  locale: 'it',
  isActive: true,
  lastLoginAt: null,
  createdAt: '2026-03-02T10:00:00Z',
  memberships: [
    {
      id: 'e0000000-0000-4000-8000-000000000004',
      unitId: 'b0000000-0000-4000-8000-000000000001',
      unitName: 'Antenna Bergamo',
      unitCode: 'ANT-BG',
      role: 'unit_staff',
      createdAt: '2026-03-02T10:00:00Z',
    },
  ],
}

function stubUserApi() {
  let user = mario
  return stubApi((request) => {
    if (request.path === `/api/users/${mario.id}` && request.method === 'GET') return { status: 200, body: user }
    if (request.path === `/api/users/${mario.id}/deactivate` && request.method === 'POST') {
      user = { ...user, isActive: false }
      return { status: 200, body: user }
    }
    if (request.path.startsWith('/api/units')) return { status: 200, body: { items: [] } }
    return undefined
  })
}

const deactivations = (requests: RecordedRequest[]) =>
  requests.filter((request) => request.method === 'POST' && request.path.endsWith('/deactivate'))

describe('UserDetailPage', () => {
  it('asks for confirmation before deactivating, and does nothing when cancelled', async () => {
    const requests = stubUserApi()
    renderPage(<UserDetailPage userId={mario.id} />, { me: buildMe() })
    await userEvent.click(await screen.findByRole('button', { name: 'Disattiva utente' }))

    const dialog = await screen.findByRole('dialog', { name: 'Disattivare Mario Rossi?' })
    expect(dialog).toHaveTextContent('Mario Rossi non potrà più accedere a Ponte')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Annulla' }))

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    expect(deactivations(requests)).toHaveLength(0)
  })

  it('deactivates the user once confirmed and shows the new status', async () => {
    const requests = stubUserApi()
    renderPage(<UserDetailPage userId={mario.id} />, { me: buildMe() })
    await userEvent.click(await screen.findByRole('button', { name: 'Disattiva utente' }))
    const dialog = await screen.findByRole('dialog', { name: 'Disattivare Mario Rossi?' })
    await userEvent.click(within(dialog).getByRole('button', { name: 'Disattiva' }))

    expect(await screen.findByRole('button', { name: 'Riattiva utente' })).toBeInTheDocument()
    expect(deactivations(requests)).toHaveLength(1)
    expect(deactivations(requests)[0]?.headers.get('x-ponte-csrf')).toBe('1')
  })

  it('links to what the user did and to the changes made to them', async () => {
    stubUserApi()
    renderPage(<UserDetailPage userId={mario.id} />, { me: buildMe() })

    expect(await screen.findByRole('link', { name: 'Azioni compiute da questo utente' })).toHaveAttribute(
      'href',
      `/audit?actorUserId=${mario.id}`,
    )
    expect(screen.getByRole('link', { name: 'Modifiche a questo utente' })).toHaveAttribute(
      'href',
      `/audit?entityType=user&entityId=${mario.id}`,
    )
  })

  it('offers no deactivation of one’s own account', async () => {
    stubUserApi()
    renderPage(<UserDetailPage userId={mario.id} />, { me: buildMe({ id: mario.id }) })

    expect(await screen.findByRole('heading', { level: 1, name: 'Mario Rossi' })).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Disattiva utente' })).not.toBeInTheDocument()
  })
})
