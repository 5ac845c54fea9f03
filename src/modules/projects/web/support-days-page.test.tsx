import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { describe, expect, it } from 'vitest'
import { buildMe, renderPage, stubApi } from '../../../web/test-utils'
import type { Me } from '../../identity/identity.contract'
import type { ExpertWorkload, SupportDayTotals } from '../projects.contract'
import { monthlyTotalsOption } from './projects-charts'
import { addMonths, defaultWorkloadStart, monthBounds, SupportDaysPage, type SupportDaysSearch } from './support-days-page'

const GIORGIO = 'e1000000-0000-4000-8000-000000000001'
const LAURA = 'e1000000-0000-4000-8000-000000000002'
const UNIT_ID = 'd1000000-0000-4000-8000-000000000001'

const expertMe = buildMe({
  id: GIORGIO,
  name: 'Giorgio Valsecchi',
  isNetworkAdmin: false,
  memberships: [{ id: 'f1000000-0000-4000-8000-000000000001', unitId: UNIT_ID, unitName: 'Antenna Bergamo', unitCode: 'BG', role: 'expert', createdAt: '2026-01-01T09:00:00Z' }],
})

const BY_EXPERT: SupportDayTotals = {
  groupBy: 'expert',
  rows: [
    { key: GIORGIO, label: 'Giorgio Valsecchi', logged: 12.5, confirmed: 10, approved: 8, entries: 9 },
    { key: LAURA, label: 'Laura Bonfanti', logged: 4, confirmed: 4, approved: 4, entries: 2 },
  ],
}

const BY_MONTH: SupportDayTotals = {
  groupBy: 'month',
  rows: [
    { key: '2026-01', label: '2026-01', logged: 6, confirmed: 5, approved: 4, entries: 4 },
    { key: '2026-02', label: '2026-02', logged: 10.5, confirmed: 9, approved: 8, entries: 7 },
  ],
}

const WORKLOAD: ExpertWorkload = {
  months: ['2026-01', '2026-02', '2026-03'],
  experts: [
    { userId: GIORGIO, name: 'Giorgio Valsecchi', committed: [3.33, 3.33, 3.33], logged: [2, 4, 0] },
    { userId: LAURA, name: 'Laura Bonfanti', committed: [0, 2, 2], logged: [0, 1, 0] },
  ],
}

function stubReports(options: { totals?: (path: string) => { status: number; body?: unknown } } = {}) {
  return stubApi((request) => {
    if (request.path.startsWith('/api/support-days/totals')) {
      if (options.totals) return options.totals(request.path)
      return { status: 200, body: request.path.includes('groupBy=month') ? BY_MONTH : BY_EXPERT }
    }
    if (request.path.startsWith('/api/support-days/workload')) return { status: 200, body: WORKLOAD }
    if (request.path === '/api/units') return { status: 200, body: { items: [] } }
    return undefined
  })
}

/** The page with its search in state, as the router keeps it in the URL. */
function Harness({ initial = {}, onChange }: { initial?: SupportDaysSearch; onChange?: (next: SupportDaysSearch) => void }) {
  const [search, setSearch] = useState<SupportDaysSearch>(initial)
  return (
    <SupportDaysPage
      search={search}
      onSearchChange={(next) => {
        onChange?.(next)
        setSearch(next)
      }}
    />
  )
}

function render(initial: SupportDaysSearch = {}, me: Me = buildMe()) {
  return renderPage(<Harness initial={initial} />, { me })
}

describe('the support-days reports', { timeout: 30_000 }, () => {
  it('shows the totals per expert with a total row, and regroups them by month as a chart and a table', async () => {
    const requests = stubReports()
    render()
    expect(await screen.findByRole('heading', { level: 1, name: 'Giornate di supporto' })).toBeInTheDocument()
    expect(screen.getByRole('tab', { name: 'Totali', selected: true })).toBeInTheDocument()
    const table = await screen.findByRole('table', { name: 'Giornate di supporto per Esperto' })
    const rows = within(table).getAllByRole('row')
    expect(rows.map((r) => r.textContent)).toEqual([
      'EspertoRegistrateConfermate dall\'aziendaApprovateRegistrazioni',
      'Giorgio Valsecchi12,51089',
      'Laura Bonfanti4442',
      'Totale16,5141211',
    ])
    expect(within(table).getByRole('link', { name: 'Giorgio Valsecchi' })).toBeInTheDocument()

    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Raggruppa per' }), 'month')
    const byMonth = await screen.findByRole('table', { name: 'Giornate di supporto per Mese' })
    expect(within(byMonth).getByRole('rowheader', { name: 'febbraio 2026' })).toBeInTheDocument()
    expect(screen.getByRole('img', { name: /giornate registrate e approvate mese per mese/ })).toBeInTheDocument()
    expect(requests.some((r) => r.path.startsWith('/api/support-days/totals?groupBy=month'))).toBe(true)
  })

  it('sends the period and the unit to the server', async () => {
    const requests = stubReports()
    render({ from: '2026-01-01', to: '2026-03-31', unitId: UNIT_ID })
    await screen.findByRole('table', { name: 'Giornate di supporto per Esperto' })
    expect(requests.find((r) => r.path.startsWith('/api/support-days/totals'))?.path).toBe(`/api/support-days/totals?groupBy=expert&from=2026-01-01&to=2026-03-31&unitId=${UNIT_ID}`)
    expect(screen.getByLabelText('Dal')).toHaveValue('2026-01-01')
    await userEvent.click(screen.getByRole('button', { name: 'Azzera filtri' }))
    await waitFor(() => expect(requests.at(-1)?.path).toBe('/api/support-days/totals?groupBy=expert'))
  })

  it('says when there is nothing in the period, and shows a failure with a retry', async () => {
    let fail = true
    stubReports({
      totals: () =>
        fail
          ? { status: 500, body: { error: { code: 'INTERNAL', messageKey: 'errors.internal', message: 'Errore interno', details: {}, fields: [], requestId: 'r' } } }
          : { status: 200, body: { groupBy: 'expert', rows: [] } },
    })
    render()
    const retry = await screen.findByRole('button', { name: /Riprova/ }, { timeout: 10_000 })
    fail = false
    await userEvent.click(retry)
    expect(await screen.findByText('Nessuna giornata nel periodo')).toBeInTheDocument()
  })

  it('shows the workload per expert and month, logged out of committed, filtered by expert', async () => {
    const requests = stubReports()
    render({ tab: 'workload' })
    const table = await screen.findByRole('table', { name: /Carico di lavoro per esperto e mese/ })
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Esperto', 'gen 2026', 'feb 2026', 'mar 2026'])
    const giorgio = within(table).getByRole('row', { name: /Giorgio Valsecchi/ })
    expect(within(giorgio).getAllByRole('cell').map((c) => c.textContent)).toEqual(['2 / 3,3', '4 / 3,3', '0 / 3,3'])
    expect(requests.find((r) => r.path.startsWith('/api/support-days/workload'))?.path).toBe(`/api/support-days/workload?from=${defaultWorkloadStart()}&months=6`)
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Esperto' }), LAURA)
    await waitFor(() => expect(within(table).queryByRole('row', { name: /Giorgio Valsecchi/ })).not.toBeInTheDocument())
    expect(within(table).getByRole('row', { name: /Laura Bonfanti/ })).toBeInTheDocument()
  })

  it('lists the month’s days per expert with their XLSX and PDF timesheets', async () => {
    const requests = stubReports()
    render({ tab: 'timesheet', month: '2026-02' })
    const table = await screen.findByRole('table', { name: 'Giornate per esperto, febbraio 2026' })
    expect(requests.find((r) => r.path.startsWith('/api/support-days/totals'))?.path).toBe('/api/support-days/totals?groupBy=expert&from=2026-02-01&to=2026-02-28')
    expect(within(table).getByRole('link', { name: 'Foglio presenze di Laura Bonfanti, febbraio 2026 (PDF)' })).toHaveAttribute(
      'href',
      `/api/support-days/timesheet?month=2026-02&format=pdf&locale=it&expertUserId=${LAURA}`,
    )
    expect(within(table).getByRole('link', { name: 'Foglio presenze di Giorgio Valsecchi, febbraio 2026 (Excel)' })).toHaveAttribute(
      'href',
      `/api/support-days/timesheet?month=2026-02&format=xlsx&locale=it&expertUserId=${GIORGIO}`,
    )
  })

  it('gives an expert their own days month by month over a year, each month with its timesheet', async () => {
    const requests = stubApi((request) => {
      if (request.path.startsWith('/api/support-days/totals')) return { status: 200, body: BY_MONTH }
      return undefined
    })
    render({ tab: 'totals', month: '2026-03' }, expertMe)
    expect(await screen.findByRole('heading', { level: 1, name: 'Le mie giornate' })).toBeInTheDocument()
    expect(screen.queryByRole('tab')).not.toBeInTheDocument()
    expect(screen.queryByRole('combobox', { name: 'Unità' })).not.toBeInTheDocument()
    const table = await screen.findByRole('table', { name: 'Le mie giornate per mese, da aprile 2025 a marzo 2026' })
    expect(requests.find((r) => r.path.startsWith('/api/support-days/totals'))?.path).toBe('/api/support-days/totals?groupBy=month&from=2025-04-01&to=2026-03-31')
    // Newest month first, each with the caller's own timesheet (no expert named: the server's default).
    expect(within(table).getAllByRole('rowheader').map((h) => h.textContent)).toEqual(['febbraio 2026', 'gennaio 2026'])
    expect(within(table).getByRole('link', { name: 'Foglio presenze di Giorgio Valsecchi, gennaio 2026 (PDF)' })).toHaveAttribute('href', '/api/support-days/timesheet?month=2026-01&format=pdf&locale=it')
  })

  it('tells an expert with no days in the year what will appear', async () => {
    stubApi((request) => (request.path.startsWith('/api/support-days/totals') ? { status: 200, body: { groupBy: 'month', rows: [] } } : undefined))
    render({}, expertMe)
    expect(await screen.findByText(/^Nessuna giornata registrata da \p{L}+ \d{4} a \p{L}+ \d{4}$/u)).toBeInTheDocument()
    expect(screen.getByText('Le giornate che registri nei tuoi progetti compaiono qui.')).toBeInTheDocument()
  })
})

describe('monthBounds and monthlyTotalsOption', () => {
  it('steps months across years', () => {
    expect(addMonths('2026-01', -2)).toBe('2025-11')
    expect(addMonths('2026-11', 3)).toBe('2027-02')
    expect(defaultWorkloadStart(new Date('2026-03-15T12:00:00Z'))).toBe('2026-01')
  })

  it('knows the length of each month, leap years included', () => {
    expect(monthBounds('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' })
    expect(monthBounds('2026-02').to).toBe('2026-02-28')
    expect(monthBounds('2026-12').to).toBe('2026-12-31')
  })

  it('draws logged beside approved days for each month', () => {
    const option = monthlyTotalsOption(BY_MONTH.rows, { logged: 'L', approved: 'A' }, (m) => `m${m}`)
    expect(option.xAxis.data).toEqual(['m2026-01', 'm2026-02'])
    expect(option.series.map((s) => [s.name, s.data])).toEqual([
      ['L', [6, 10.5]],
      ['A', [4, 8]],
    ])
  })
})
