import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { buildMe, renderPage, stubApi } from '../../../web/test-utils'
import type { ExpertProfile } from '../experts.contract'
import { buildExpertProfile } from './expert-factory'
import { MyExpertProfilePage } from './my-expert-profile-page'

const expertMe = buildMe({ isNetworkAdmin: false, name: 'Giorgio Valsecchi' })

function stub(profile: ExpertProfile | null, onPut?: (body: unknown) => ExpertProfile) {
  return stubApi((request) => {
    if (request.path === '/api/experts/me' && request.method === 'GET') {
      return profile ? { status: 200, body: profile } : { status: 403, body: { error: { code: 'FORBIDDEN', messageKey: 'errors.expertRoleRequired', message: 'No', details: {}, fields: [], requestId: 't' } } }
    }
    if (request.path === '/api/experts/me' && request.method === 'PUT' && onPut) return { status: 200, body: onPut(request.body) }
    if (request.path === '/api/experts/me/submit') return { status: 200, body: { ...profile, status: 'submitted' } }
    if (request.path.startsWith('/api/territory/provinces')) return { status: 200, body: { items: [{ code: 'BG', istatCode: '016', name: 'Bergamo', regionCode: '03', regionName: 'Lombardia', nuts2: 'ITC4', comuniCount: 243 }] } }
    return undefined
  })
}

describe('MyExpertProfilePage', { timeout: 20_000 }, () => {
  it('shows the profile with its status and offers to submit a saved draft', async () => {
    stub(buildExpertProfile())
    renderPage(<MyExpertProfilePage />, { me: expertMe })
    expect(await screen.findByDisplayValue('Consulente per la trasformazione digitale', undefined, { timeout: 8000 })).toBeInTheDocument()
    expect(screen.getByText('Bozza')).toBeInTheDocument()
    expect(screen.getByText(/Il profilo è una bozza/)).toBeInTheDocument()
    expect(screen.getByRole('button', { name: "Invia per l'approvazione" })).toBeInTheDocument()
    expect(screen.getByDisplayValue('Meccanica Bergamasca S.r.l.')).toBeInTheDocument()
    expect(screen.getByText('Nessun curriculum caricato.')).toBeInTheDocument()
  })

  it('saves an approved profile and says it goes back to review', async () => {
    const requests = stub(buildExpertProfile({ status: 'approved' }), (body) => ({ ...buildExpertProfile(), ...(body as object), status: 'submitted', updatedAt: '2026-05-03T08:00:00Z' }) as ExpertProfile)
    renderPage(<MyExpertProfilePage />, { me: expertMe })
    expect(await screen.findByText(/Se lo modifichi tornerà in revisione/, undefined, { timeout: 8000 })).toBeInTheDocument()
    // An approved profile is not submitted again by hand.
    expect(screen.queryByRole('button', { name: "Invia per l'approvazione" })).not.toBeInTheDocument()
    const availability = screen.getByRole('textbox', { name: 'Disponibilità (giorni al mese)' })
    await userEvent.clear(availability)
    await userEvent.type(availability, '10')
    await userEvent.click(screen.getByRole('button', { name: 'Salva il profilo' }))
    expect(await screen.findByText('Profilo salvato: torna in revisione presso lo staff', undefined, { timeout: 8000 })).toBeInTheDocument()
    const put = requests.find((r) => r.method === 'PUT')
    expect(put?.body).toMatchObject({ availabilityDaysPerMonth: 10, competences: ['erp-systems', 'digital-strategy'], ties: [{ name: 'Meccanica Bergamasca S.r.l.', kind: 'client' }] })
    expect(put?.headers.get('x-ponte-csrf')).toBe('1')
  })

  it('adds and removes a tie', async () => {
    stub(buildExpertProfile())
    renderPage(<MyExpertProfilePage />, { me: expertMe })
    await screen.findByDisplayValue('Meccanica Bergamasca S.r.l.', undefined, { timeout: 8000 })
    await userEvent.click(screen.getByRole('button', { name: 'Rimuovi il legame con Meccanica Bergamasca S.r.l.' }))
    expect(screen.getByText('Nessun altro legame dichiarato.')).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Aggiungi un legame' }))
    const group = screen.getByRole('group', { name: 'Legami e conflitti di interesse' })
    expect(within(group).getByRole('textbox', { name: 'Impresa o ente' })).toHaveValue('')
  })

  it('tells a user who is not an expert what the page is for', async () => {
    stub(null)
    renderPage(<MyExpertProfilePage />, { me: buildMe({ isNetworkAdmin: false }) })
    expect(await screen.findByText('Questa pagina è per gli esperti della rete.', undefined, { timeout: 8000 })).toBeInTheDocument()
  })
})
