import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { buildMe, renderPage, stubApi } from '../../../web/test-utils'
import type { BurnDown, ExpertMatchList, Project, SupportDayConfirmation, SupportDayEntry } from '../projects.contract'
import { burnDownOption } from './projects-charts'
import { ProjectPage } from './project-page'
import { buildProject as baseProject, PROJECT_EXPERT_ID, PROJECT_ID } from './project-factory'
import { SupportDayConfirmPage } from './support-day-confirm-page'

const EXPERT_ID = PROJECT_EXPERT_ID
const OTHER_EXPERT_ID = 'e1000000-0000-4000-8000-000000000002'

/** The factory's project, with one open milestone. */
function buildProject(overrides: Partial<Project> = {}): Project {
  return baseProject({
    milestones: [{ id: 'f1000000-0000-4000-8000-000000000001', projectId: PROJECT_ID, title: 'Analisi', dueOn: '2026-02-01', doneAt: null, createdAt: '2026-01-01T09:00:00Z' }],
    ...overrides,
  })
}

function buildEntry(overrides: Partial<SupportDayEntry> = {}): SupportDayEntry {
  return {
    id: 'a1000000-0000-4000-8000-000000000001',
    projectId: PROJECT_ID,
    seq: 1,
    workedOn: '2026-01-15',
    days: 3,
    hours: null,
    activity: 'Analisi dei sistemi',
    outcome: null,
    roadmapItems: [],
    loggedBy: { id: EXPERT_ID, name: 'Giorgio Valsecchi' },
    correctsEntryId: null,
    correctedBy: [],
    confirmationStatus: 'confirmed',
    confirmationEmail: 'titolare@example.test',
    confirmationSentAt: '2026-01-15T18:00:00Z',
    confirmedAt: '2026-01-16T09:00:00Z',
    confirmerName: 'Mario Rota',
    disputeNote: null,
    approvedBy: null,
    approvedAt: null,
    createdAt: '2026-01-15T17:00:00Z',
    ...overrides,
  }
}

const BURN_DOWN: BurnDown = {
  budgetDays: 10,
  points: [{ date: '2026-01-15', logged: 3, confirmed: 3, approved: 0, remaining: 7 }],
  totals: { logged: 3, confirmed: 3, approved: 0, disputed: 0, remaining: 7 },
}

const MATCHES: ExpertMatchList = {
  gaps: { D1: 6 },
  roadmapId: null,
  assessmentId: 'a9000000-0000-4000-8000-000000000001',
  items: [
    {
      userId: OTHER_EXPERT_ID, name: 'Laura Bonfanti', score: 82.5, committedDaysPerMonth: 2, availabilityDaysPerMonth: 8, excluded: null,
      factors: [{ key: 'sector', weight: 15, value: 1, points: 15, detail: { code: 'sector.match', params: { section: 'C' } } }],
    },
  ],
  excluded: [
    {
      userId: EXPERT_ID, name: 'Giorgio Valsecchi', score: 0, committedDaysPerMonth: 0, availabilityDaysPerMonth: 4, factors: [],
      excluded: { reason: 'conflict-of-interest', code: 'conflict.tieName', params: { company: 'Meccanica Bergamasca S.r.l.', tieName: 'Meccanica Bergamasca', tieKind: 'employer' } },
    },
  ],
  eligibleTotal: 1,
  excludedTotal: 1,
  limit: 50,
}

function stubProject(options: { onEntry?: (body: unknown) => { status: number; body?: unknown } } = {}) {
  return stubApi((request) => {
    if (request.path === `/api/projects/${PROJECT_ID}`) return { status: 200, body: buildProject() }
    if (request.path === `/api/projects/${PROJECT_ID}/entries` && request.method === 'GET') return { status: 200, body: { items: [buildEntry()] } }
    if (request.path === `/api/projects/${PROJECT_ID}/entries` && request.method === 'POST') return options.onEntry?.(request.body)
    if (request.path === `/api/projects/${PROJECT_ID}/burndown`) return { status: 200, body: BURN_DOWN }
    if (request.path === `/api/projects/${PROJECT_ID}/expert-matches`) return { status: 200, body: MATCHES }
    if (request.path === `/api/projects/${PROJECT_ID}/assign`) return { status: 200, body: buildProject({ expert: { id: OTHER_EXPERT_ID, name: 'Laura Bonfanti' } }) }
    if (request.path.startsWith(`/api/projects/${PROJECT_ID}/entries/`) && request.path.endsWith('/approve')) return { status: 200, body: buildEntry({ approvedAt: '2026-01-17T09:00:00Z' }) }
    return undefined
  })
}

describe('the project page', { timeout: 30_000 }, () => {
  it('shows the budget, the burn-down figures, the milestones and the ledger with its statuses', async () => {
    stubProject()
    renderPage(<ProjectPage id={PROJECT_ID} />, { me: buildMe() })
    expect(await screen.findByRole('heading', { level: 1, name: 'Backup in cloud' }, { timeout: 5000 })).toBeInTheDocument()
    expect(screen.getByText('3 di 10 giornate registrate · ne restano 7')).toBeInTheDocument()
    const burnDown = await screen.findByRole('table', { name: 'Giornate cumulate per data' })
    expect(within(burnDown).getAllByRole('row')).toHaveLength(2)
    expect(screen.getByRole('img', { name: /budget di 10 giornate/ })).toBeInTheDocument()
    expect(screen.getByRole('checkbox', { name: /Analisi/ })).not.toBeChecked()
    const ledger = await screen.findByRole('table', { name: 'Registro delle giornate di supporto' }, { timeout: 5000 })
    expect(within(ledger).getByText('Confermata')).toBeInTheDocument()
    expect(within(ledger).getByText('Confermata da Mario Rota')).toBeInTheDocument()
    expect(within(ledger).getByText('Da approvare')).toBeInTheDocument()
  })

  it('approves a confirmed entry after asking', async () => {
    const requests = stubProject()
    renderPage(<ProjectPage id={PROJECT_ID} />, { me: buildMe() })
    const ledger = await screen.findByRole('table', { name: 'Registro delle giornate di supporto' }, { timeout: 5000 })
    await userEvent.click(within(ledger).getByRole('button', { name: 'Approva' }))
    const dialog = await screen.findByRole('dialog')
    expect(within(dialog).getByText(/Approvare la registrazione n. 1 \(3 giornate, confermata da Mario Rota\)/)).toBeInTheDocument()
    await userEvent.click(within(dialog).getByRole('button', { name: 'Approva' }))
    await waitFor(() => expect(requests.some((r) => r.method === 'POST' && r.path.endsWith('/approve'))).toBe(true))
  })

  it('shows the budget refusal in words beside the log-entry form', async () => {
    const requests = stubProject({
      onEntry: () => ({
        status: 409,
        body: { error: { code: 'CONFLICT', messageKey: 'errors.supportDayBudgetExceeded', message: 'Restano 7 giornate sul budget di 10: questa registrazione ne chiede 8.', details: { remainingDays: 7 }, fields: [], requestId: 'r' } },
      }),
    })
    renderPage(<ProjectPage id={PROJECT_ID} />, { me: buildMe() })
    const form = await screen.findByRole('form', { name: 'Registra giornate' }, { timeout: 5000 })
    const days = within(form).getByRole('textbox', { name: /Giornate/ })
    await userEvent.clear(days)
    await userEvent.type(days, '8')
    await userEvent.type(within(form).getByRole('textbox', { name: /Attività svolta/ }), 'Troppo')
    await userEvent.click(within(form).getByRole('button', { name: 'Registra' }))
    const alert = await within(form).findByRole('alert')
    expect(alert).toHaveTextContent('Restano 7 giornate sul budget di 10: questa registrazione ne chiede 8.')
    const sent = requests.find((r) => r.method === 'POST' && r.path.endsWith('/entries'))
    expect(sent?.body).toMatchObject({ days: 8, activity: 'Troppo' })
  })

  it('shows the matching with its breakdown and the conflicts, and assigns an expert', async () => {
    const requests = stubProject()
    renderPage(<ProjectPage id={PROJECT_ID} />, { me: buildMe() })
    const table = await screen.findByRole('table', { name: 'Esperti proposti con il dettaglio del punteggio' }, { timeout: 5000 })
    expect(within(table).getByText(/esperienza nel settore C/)).toBeInTheDocument()
    expect(within(table).getByText('Escluso: conflitto di interessi')).toBeInTheDocument()
    expect(within(table).getByText(/legato a Meccanica Bergamasca S.r.l./)).toBeInTheDocument()
    await userEvent.click(within(table).getByRole('button', { name: 'Assegna Laura Bonfanti al progetto' }))
    await waitFor(() => expect(requests.find((r) => r.path.endsWith('/assign'))?.body).toEqual({ expertUserId: OTHER_EXPERT_ID }))
  })

  it('says how many of the eligible experts it shows and asks the server for more', async () => {
    const top = { ...MATCHES, excluded: [], excludedTotal: 0, eligibleTotal: 812 }
    const requests = stubApi((request) => {
      if (request.path === `/api/projects/${PROJECT_ID}`) return { status: 200, body: buildProject() }
      if (request.path === `/api/projects/${PROJECT_ID}/expert-matches`) return { status: 200, body: top }
      if (request.path === `/api/projects/${PROJECT_ID}/expert-matches?limit=200`) return { status: 200, body: { ...top, limit: 200 } }
      if (request.path.startsWith(`/api/projects/${PROJECT_ID}/`)) return { status: 200, body: request.path.endsWith('/burndown') ? BURN_DOWN : { items: [] } }
    })
    renderPage(<ProjectPage id={PROJECT_ID} />, { me: buildMe() })
    expect(await screen.findByText('I migliori 1 di 812 esperti idonei', undefined, { timeout: 5000 })).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Mostra i migliori 200' }))
    await waitFor(() => expect(requests.some((r) => r.path.endsWith('/expert-matches?limit=200'))).toBe(true))
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Mostra i migliori 200' })).not.toBeInTheDocument())
  })
})

describe('burnDownOption', () => {
  it('draws logged, confirmed and approved days and the budget as a flat line', () => {
    const option = burnDownOption(BURN_DOWN, { logged: 'L', confirmed: 'C', approved: 'A', budget: 'B' }, (d) => d)
    expect(option.series.map((s) => s.name)).toEqual(['L', 'C', 'A', 'B'])
    expect(option.series[3]?.data).toEqual([10])
    expect(option.yAxis.max).toBe(10)
  })
})

describe('the confirmation page', { timeout: 30_000 }, () => {
  const pending: SupportDayConfirmation = {
    companyName: 'Meccanica Bergamasca S.r.l.', projectTitle: 'Backup in cloud', expertName: 'Giorgio Valsecchi', seq: 1, workedOn: '2026-01-15', days: 3, hours: null,
    activity: 'Analisi dei sistemi', outcome: null, isCorrection: false, locale: 'it', status: 'pending', confirmedAt: null, confirmerName: null, disputeNote: null, expiresAt: '2026-02-14T09:00:00Z',
  }

  it('lets the company confirm without an account', async () => {
    const requests = stubApi((request) => {
      if (request.path === '/api/support-day-links/tok' && request.method === 'GET') return { status: 200, body: pending }
      if (request.path === '/api/support-day-links/tok/confirm') return { status: 200, body: { ...pending, status: 'confirmed', confirmerName: 'Mario Rota', confirmedAt: '2026-01-16T09:00:00Z' } }
      return undefined
    })
    renderPage(<SupportDayConfirmPage token="tok" />)
    expect(await screen.findByRole('heading', { name: 'Conferma della giornata di supporto' })).toBeInTheDocument()
    expect(screen.getByText(/Giorgio Valsecchi ha registrato per Meccanica Bergamasca S.r.l./)).toBeInTheDocument()
    await userEvent.type(screen.getByRole('textbox', { name: /Il tuo nome e cognome/ }), 'Mario Rota')
    await userEvent.click(screen.getByRole('button', { name: 'Confermo' }))
    expect(await screen.findByText(/Confermata da Mario Rota/)).toBeInTheDocument()
    expect(requests.find((r) => r.path.endsWith('/confirm'))?.body).toEqual({ name: 'Mario Rota' })
  })

  it('lets the company dispute with a note', async () => {
    const requests = stubApi((request) => {
      if (request.path === '/api/support-day-links/tok' && request.method === 'GET') return { status: 200, body: pending }
      if (request.path === '/api/support-day-links/tok/dispute') return { status: 200, body: { ...pending, status: 'disputed', confirmerName: 'Mario Rota', confirmedAt: '2026-01-16T09:00:00Z', disputeNote: 'Eravamo chiusi' } }
      return undefined
    })
    renderPage(<SupportDayConfirmPage token="tok" />)
    await userEvent.type(await screen.findByRole('textbox', { name: /Il tuo nome e cognome/ }), 'Mario Rota')
    await userEvent.click(screen.getByRole('button', { name: 'Contesto' }))
    await userEvent.type(screen.getByRole('textbox', { name: /Che cosa non torna/ }), 'Eravamo chiusi')
    await userEvent.click(screen.getByRole('button', { name: 'Invia la contestazione' }))
    expect(await screen.findByText(/Contestata da Mario Rota/)).toBeInTheDocument()
    expect(requests.find((r) => r.path.endsWith('/dispute'))?.body).toEqual({ name: 'Mario Rota', note: 'Eravamo chiusi' })
  })
})
