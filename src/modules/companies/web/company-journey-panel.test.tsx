import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { buildMe, renderPage, stubApi } from '../../../web/test-utils'
import type { CompanyJourneyEntry } from '../companies.contract'
import { buildCompany } from './company-factory'
import { CompanyJourneyPanel } from './company-journey-panel'

const company = buildCompany()
const entry = (n: number, over: Partial<CompanyJourneyEntry>): CompanyJourneyEntry => ({
  id: `a0000000-0000-4000-8000-00000000000${n}`,
  stage: 'contacted',
  sourceType: 'interaction',
  sourceId: `b0000000-0000-4000-8000-00000000000${n}`,
  occurredAt: `2026-0${n}-10T09:00:00.000Z`,
  summary: null,
  ...over,
})

describe('CompanyJourneyPanel', () => {
  it('renders each module’s line with its stage, links to the record, and loads more pages', async () => {
    const requests = stubApi((r) => {
      if (r.method !== 'GET' || !r.path.startsWith(`/api/companies/${company.id}/journey?`)) return undefined
      if (r.path.includes('cursor=next')) {
        return { status: 200, body: { items: [entry(1, { summary: { key: 'interactions.journey.call', params: { subject: 'Primo contatto' }, href: null } })], nextCursor: null } }
      }
      return {
        status: 200,
        body: {
          items: [
            entry(3, { stage: 'assessed', sourceType: 'assessment', summary: { key: 'assessments.journey.validated', params: { stage: 'T0', instrument: 'eu-dma-sme', overall: 54 }, href: '/assessments/c0000000-0000-4000-8000-000000000001' } }),
            // No summary and a source type no module names: shown as sent, never as a raw key.
            entry(2, { stage: 'engaged', sourceType: 'event' }),
          ],
          nextCursor: 'next',
        },
      }
    })
    renderPage(<CompanyJourneyPanel company={company} />, { me: buildMe() })
    const list = await screen.findByRole('list', { name: 'Il percorso dell\'azienda' })
    const link = within(list).getByRole('link', { name: 'Valutazione DMA T0 convalidata: punteggio 54/100' })
    expect(link).toHaveAttribute('href', '/assessments/c0000000-0000-4000-8000-000000000001')
    expect(within(list).getByText('Valutata')).toBeInTheDocument()
    expect(within(list).getByText('event')).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Carica altri' }))
    expect(await within(list).findByText('Telefonata: Primo contatto')).toBeInTheDocument()
    expect(requests.filter((r) => r.path.includes('/journey?'))).toHaveLength(2)
    expect(screen.queryByRole('button', { name: 'Carica altri' })).not.toBeInTheDocument()
  }, 60_000)

  it('says so when nothing is recorded yet', async () => {
    stubApi((r) => (r.path.startsWith(`/api/companies/${company.id}/journey?`) ? { status: 200, body: { items: [], nextCursor: null } } : undefined))
    renderPage(<CompanyJourneyPanel company={company} />, { me: buildMe() })
    expect(await screen.findByText('Nessuna attività registrata')).toBeInTheDocument()
  })
})
