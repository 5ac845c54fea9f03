import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { buildMe, renderPage, stubApi } from '../../../web/test-utils'
import type { CompanyMember } from '../companies.contract'
import { buildCompany } from './company-factory'
import { CompanyMembersPanel } from './company-members-panel'

const company = buildCompany()
const titolare = { id: 'e0000000-0000-4000-8000-000000000001', name: 'Pietro Locatelli', email: 'titolare@meccanica-bergamasca.demo' }

function stubMembersApi(initial: CompanyMember[]) {
  let members = initial
  return stubApi((r) => {
    if (r.method === 'GET' && r.path === `/api/companies/${company.id}/members`) return { status: 200, body: { items: members, can: { manage: true } } }
    if (r.method === 'POST' && r.path === `/api/companies/${company.id}/members`) {
      const member = { userId: titolare.id, name: titolare.name, email: titolare.email, createdAt: '2026-03-01T09:00:00Z' }
      members = [member]
      return { status: 201, body: member }
    }
    if (r.method === 'DELETE' && r.path === `/api/companies/${company.id}/members/${titolare.id}`) {
      members = []
      return { status: 204 }
    }
    if (r.method === 'GET' && r.path.startsWith('/api/users')) {
      return { status: 200, body: { items: [{ ...titolare, locale: 'it', isActive: true, lastLoginAt: null, createdAt: '2026-01-01T00:00:00Z', memberships: [] }], nextCursor: null } }
    }
    return undefined
  })
}

describe('CompanyMembersPanel', () => {
  it('links a company member chosen from the users holding that role', async () => {
    const requests = stubMembersApi([])
    renderPage(<CompanyMembersPanel company={company} />, { me: buildMe() })
    expect(await screen.findByText('Nessun referente collegato')).toBeInTheDocument()
    const select = screen.getByRole('combobox', { name: 'Utente da collegare' })
    await screen.findByRole('option', { name: `${titolare.name} (${titolare.email})` })
    await userEvent.selectOptions(select, `${titolare.name} (${titolare.email})`)
    await userEvent.click(screen.getByRole('button', { name: 'Collega referente' }))

    const table = await screen.findByRole('table', { name: 'Referenti collegati' })
    expect(within(table).getByText(titolare.name)).toBeInTheDocument()
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({ userId: titolare.id })
    expect(requests.find((r) => r.path.startsWith('/api/users'))?.path).toContain('role=company_member')
  }, 60_000)

  it('unlinks a member only once confirmed', async () => {
    const requests = stubMembersApi([{ userId: titolare.id, name: titolare.name, email: titolare.email, createdAt: '2026-03-01T09:00:00Z' }])
    renderPage(<CompanyMembersPanel company={company} />, { me: buildMe() })
    await userEvent.click(await screen.findByRole('button', { name: `Scollega ${titolare.name}` }))
    const dialog = await screen.findByRole('dialog', { name: `Scollegare ${titolare.name}?` })
    expect(requests.filter((r) => r.method === 'DELETE')).toHaveLength(0)
    await userEvent.click(within(dialog).getByRole('button', { name: 'Scollega' }))
    await waitFor(() => expect(requests.filter((r) => r.method === 'DELETE')).toHaveLength(1))
    expect(await screen.findByText('Nessun referente collegato')).toBeInTheDocument()
  }, 60_000)

  it('shows nothing to the company member themselves', async () => {
    stubMembersApi([])
    const me = buildMe({
      isNetworkAdmin: false,
      memberships: [{ id: 'f0000000-0000-4000-8000-000000000001', unitId: company.unitId, unitName: 'Antenna Bergamo', unitCode: 'ANT-BG', role: 'company_member', createdAt: '2026-01-01T00:00:00Z' }],
    })
    const { container } = renderPage(<CompanyMembersPanel company={company} />, { me })
    await waitFor(() => expect(container.querySelector('table')).toBeNull())
    expect(screen.queryByText('Referenti aziendali')).not.toBeInTheDocument()
  })
})
