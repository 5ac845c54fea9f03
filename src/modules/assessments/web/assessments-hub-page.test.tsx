import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { describe, expect, it } from 'vitest'
import { buildMe, renderPage, stubApi } from '../../../web/test-utils'
import type { AssessmentDashboard, AssessmentDistribution } from '../assessments.contract'
import { buildAssessmentSummary, COMPANY_ID } from './assessment-factory'
import { fillMonths } from './assessments-dashboard'
import { AssessmentsHubPage, type AssessmentsHubSearch } from './assessments-hub-page'

const UNIT_ID = 'b0000000-0000-4000-8000-000000000001'
const T0_ID = 'a5000000-0000-4000-8000-000000000010'
const T1_ID = 'a5000000-0000-4000-8000-000000000011'

const spread = (id: AssessmentDistribution['id'], median: number): AssessmentDistribution => ({
  id, n: 4, mean: median, min: median - 20, q1: median - 10, median, q3: median + 10, max: median + 20, histogram: [0, 0, 1, 1, 1, 1, 0, 0, 0, 0],
})

function buildDashboard(): AssessmentDashboard {
  return {
    counts: {
      total: 6,
      validated: 4,
      byStage: [
        { stage: 'T0', count: 4, validated: 3 },
        { stage: 'T1', count: 2, validated: 1 },
        { stage: 'T2', count: 0, validated: 0 },
      ],
      byMode: [
        { mode: 'self', count: 2, validated: 1 },
        { mode: 'assisted', count: 4, validated: 3 },
        { mode: 'imported', count: 0, validated: 0 },
      ],
      byStatus: [
        { status: 'draft', count: 1 },
        { status: 'submitted', count: 1 },
        { status: 'validated', count: 4 },
      ],
      byUnit: [{ unitId: UNIT_ID, unitName: 'Antenna Bergamo', count: 6, validated: 4 }],
      byMonth: [
        { month: '2026-02', count: 3, validated: 2 },
        { month: '2026-03', count: 3, validated: 2 },
      ],
    },
    distribution: [spread('overall', 42.5), spread('D1', 30), spread('D2', 40), spread('D3', 50), spread('D4', 35), spread('D5', 45), spread('D6', 55)],
    deltas: {
      companies: 1,
      average: { overall: 12.5, D1: 10, D2: 5, D3: 0, D4: -2.5, D5: 20, D6: 30 },
      improved: 1,
      improvedShare: 1,
      items: [
        {
          companyId: COMPANY_ID, companyName: 'Meccanica Bergamasca S.r.l.', instrument: 'eu-dma-sme', t0Id: T0_ID, t1Id: T1_ID,
          t0Overall: 40, t1Overall: 52.5, delta: { overall: 12.5, D1: 10, D2: 5, D3: 0, D4: -2.5, D5: 20, D6: 30 },
        },
      ],
      limit: 20,
      offset: 0,
    },
  }
}

/** The page with its search held in state, as the router holds it in the URL. */
function Harness({ initial = {} }: { initial?: AssessmentsHubSearch }) {
  const [search, setSearch] = useState<AssessmentsHubSearch>(initial)
  return <AssessmentsHubPage search={search} onSearchChange={setSearch} />
}

describe('the hub’s assessments page', { timeout: 30_000 }, () => {
  it('lists the assessments with company, stage, mode, status and score, and filters them', async () => {
    const validated = buildAssessmentSummary({ status: 'validated', overall: 41.2, band: 'average', assessedOn: '2026-03-12', companyName: 'Meccanica Bergamasca S.r.l.' })
    const requests = stubApi((request) => {
      if (request.path.startsWith('/api/units')) return { status: 200, body: { items: [{ id: UNIT_ID, name: 'Antenna Bergamo' }] } }
      if (request.path.startsWith('/api/assessments?')) return { status: 200, body: { items: [validated], nextCursor: null } }
      return undefined
    })
    renderPage(<Harness />, { me: buildMe() })
    expect(await screen.findByRole('heading', { level: 1, name: 'Valutazioni' })).toBeInTheDocument()
    expect(screen.getByRole('tab', { name: 'Elenco' })).toHaveAttribute('aria-selected', 'true')
    const link = await screen.findByRole('link', { name: 'Meccanica Bergamasca S.r.l.' })
    expect(link).toHaveAttribute('href', `/assessments/${validated.id}`)
    const row = link.closest('tr') as HTMLElement
    expect(row).toHaveTextContent('T0')
    expect(row).toHaveTextContent('Assistita')
    expect(row).toHaveTextContent('Convalidata')
    expect(row).toHaveTextContent('41,2 · Medio')
    expect(row).toHaveTextContent('12/03/2026')

    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Stato' }), 'submitted')
    await waitFor(() => expect(requests.some((r) => r.path.startsWith('/api/assessments?') && r.path.includes('status=submitted'))).toBe(true))
    await userEvent.selectOptions(await screen.findByRole('combobox', { name: 'Unità' }), UNIT_ID)
    await waitFor(() => expect(requests.some((r) => r.path.includes(`unitId=${UNIT_ID}`) && r.path.includes('status=submitted'))).toBe(true))
  })

  it('says so when there is nothing to list', async () => {
    stubApi((request) => {
      if (request.path.startsWith('/api/units')) return { status: 200, body: { items: [] } }
      if (request.path.startsWith('/api/assessments?')) return { status: 200, body: { items: [], nextCursor: null } }
      return undefined
    })
    renderPage(<Harness />, { me: buildMe() })
    expect(await screen.findByText('Nessuna valutazione')).toBeInTheDocument()
    expect(screen.getByText(/si avviano dalla scheda di un'azienda/)).toBeInTheDocument()
  })

  it('shows the dashboard: KPIs, charts with their data tables, and the T0 → T1 deltas', async () => {
    const requests = stubApi((request) => {
      if (request.path.startsWith('/api/units')) return { status: 200, body: { items: [{ id: UNIT_ID, name: 'Antenna Bergamo' }] } }
      if (request.path.startsWith('/api/assessments?')) return { status: 200, body: { items: [], nextCursor: null } }
      if (request.path.startsWith('/api/assessments/dashboard')) return { status: 200, body: buildDashboard() }
      return undefined
    })
    renderPage(<Harness />, { me: buildMe() })
    await userEvent.click(await screen.findByRole('tab', { name: 'Cruscotto' }))

    // KPI cards, numbers in Italian.
    expect(await screen.findByText('Valutazioni convalidate')).toBeInTheDocument()
    expect(screen.getByText('Variazione media T0 → T1').parentElement).toHaveTextContent('+12,5')
    expect(screen.getByText('punti, su 1 azienda; migliorate: 100%')).toBeInTheDocument()

    // Every chart is a labelled image with its figures in a table.
    for (const title of ['Valutazioni per mese', 'Valutazioni per fase', 'Valutazioni per modalità', 'Valutazioni per unità']) {
      expect(screen.getByRole('img', { name: `Grafico: ${title}. Gli stessi dati sono nella tabella «Mostra i dati del grafico».` })).toBeInTheDocument()
    }
    expect(screen.getByRole('img', { name: /Distribuzione dei punteggi per dimensione \(4 valutazioni convalidate\)/ })).toBeInTheDocument()
    const months = screen.getByRole('table', { name: 'Valutazioni per mese', hidden: true })
    expect(within(months).getByRole('rowheader', { name: 'feb 2026', hidden: true })).toBeInTheDocument()
    const box = screen.getByRole('table', { name: /Distribuzione dei punteggi/, hidden: true })
    const d1 = within(box).getByRole('rowheader', { name: /^D1 /, hidden: true }).closest('tr') as HTMLElement
    expect(d1).toHaveTextContent('10,020,030,040,050,030,0')

    // The deltas, with links to the company and to both assessments.
    const deltas = screen.getByRole('table', { name: 'Variazioni T0 → T1 per azienda' })
    const company = within(deltas).getByRole('link', { name: 'Meccanica Bergamasca S.r.l.' })
    expect(company).toHaveAttribute('href', `/companies/${COMPANY_ID}`)
    expect(within(deltas).getByRole('link', { name: 'T0 40,0' })).toHaveAttribute('href', `/assessments/${T0_ID}`)
    expect(within(deltas).getByRole('link', { name: 'T1 52,5' })).toHaveAttribute('href', `/assessments/${T1_ID}`)
    const row = company.closest('tr') as HTMLElement
    expect(row).toHaveTextContent('+10,0+5,00,0-2,5+20,0+30,0+12,5')

    // The period filter goes to the server.
    const from = screen.getByLabelText('Dal')
    await userEvent.type(from, '2026-03-01')
    await waitFor(() => expect(requests.some((r) => r.path.startsWith('/api/assessments/dashboard') && r.path.includes('from=2026-03-01'))).toBe(true))
  })

  it('shows an empty dashboard when nothing was assessed', async () => {
    const empty = buildDashboard()
    empty.counts = { ...empty.counts, total: 0, validated: 0, byUnit: [], byMonth: [] }
    stubApi((request) => {
      if (request.path.startsWith('/api/units')) return { status: 200, body: { items: [] } }
      if (request.path.startsWith('/api/assessments/dashboard')) return { status: 200, body: empty }
      return undefined
    })
    renderPage(<Harness initial={{ tab: 'dashboard' }} />, { me: buildMe() })
    expect(await screen.findByText('Nessuna valutazione')).toBeInTheDocument()
    expect(screen.getByText(/Prova un altro periodo/)).toBeInTheDocument()
  })
})

describe('months of the dashboard', () => {
  it('fills the months without assessments with zeros, across a year end', () => {
    expect(fillMonths([{ month: '2025-11', count: 2, validated: 1 }, { month: '2026-02', count: 1, validated: 1 }])).toEqual([
      { month: '2025-11', count: 2, validated: 1 },
      { month: '2025-12', count: 0, validated: 0 },
      { month: '2026-01', count: 0, validated: 0 },
      { month: '2026-02', count: 1, validated: 1 },
    ])
    expect(fillMonths([])).toEqual([])
  })
})
