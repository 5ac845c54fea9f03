import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { buildMe, renderPage, stubApi } from '../../../web/test-utils'
import { buildCompany } from '../../companies/web/company-factory'
import { CompanyProjectsPanel } from './company-projects-panel'

const company = buildCompany({ can: { ...buildCompany().can, update: true } })
const ROADMAP = 'f0000000-0000-4000-8000-000000000001'
const item = (n: number, status = 'planned') => ({
  id: `e0000000-0000-4000-8000-00000000000${n}`, actionId: n === 2 ? null : `action-${n}`, title: { it: `Intervento ${n}`, en: `Action ${n}` },
  dimension: 'D2', moves: [], reason: null, horizon: 'quick', priority: 1, owner: null, startOn: null, dueOn: null, status, note: null,
})

describe('CompanyProjectsPanel', () => {
  it('opens a project on items of the company’s signed roadmap, the first one naming it', async () => {
    const requests = stubApi((r) => {
      if (r.method === 'GET' && r.path.startsWith('/api/projects?')) return { status: 200, body: { items: [], nextCursor: null } }
      if (r.method === 'GET' && r.path.startsWith('/api/roadmaps?')) {
        return { status: 200, body: { items: [{ id: 'f0000000-0000-4000-8000-000000000009', status: 'draft' }, { id: ROADMAP, status: 'signed' }], nextCursor: null } }
      }
      if (r.method === 'GET' && r.path === `/api/roadmaps/${ROADMAP}`) return { status: 200, body: { id: ROADMAP, items: [item(1), item(2), item(3, 'done')] } }
      if (r.method === 'POST' && r.path === '/api/projects') return { status: 201, body: { id: 'b0000000-0000-4000-8000-000000000001' } }
      return undefined
    })
    renderPage(<CompanyProjectsPanel company={company} />, { me: buildMe() })
    await userEvent.click(await screen.findByRole('button', { name: 'Nuovo progetto' }))
    const dialog = await screen.findByRole('dialog')
    const items = await within(dialog).findByRole('group', { name: /Interventi della roadmap/ })
    // Done items are not proposed again.
    expect(within(items).queryByRole('checkbox', { name: /Intervento 3/ })).not.toBeInTheDocument()
    await userEvent.click(within(items).getByRole('checkbox', { name: /Intervento 2/ }))
    expect(within(dialog).getByRole('textbox', { name: /Titolo/ })).toHaveValue('Intervento 2')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Apri il progetto' }))
    await waitFor(() => expect(requests.some((r) => r.method === 'POST')).toBe(true))
    expect((requests.find((r) => r.method === 'POST')?.body as { roadmapItems: unknown }).roadmapItems).toEqual([
      { roadmapId: ROADMAP, itemId: item(2).id, actionId: null, title: 'Intervento 2' },
    ])
  }, 60_000)
})
