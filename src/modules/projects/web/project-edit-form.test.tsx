import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { buildMe, renderPage, stubApi, type RecordedRequest } from '../../../web/test-utils'
import type { Project } from '../projects.contract'
import { ProjectActions } from './project-actions'
import { buildProject as baseProject, PROJECT_ID } from './project-factory'

const ROADMAP_ID = 'a7000000-0000-4000-8000-000000000001'
const ITEM_BACKUP = 'a7100000-0000-4000-8000-000000000001'
const ITEM_TRAINING = 'a7100000-0000-4000-8000-000000000002'

/** The factory's project, linked to the roadmap's backup item. */
function buildProject(overrides: Partial<Project> = {}): Project {
  return baseProject({
    roadmapItems: [{ roadmapId: ROADMAP_ID, itemId: ITEM_BACKUP, actionId: 'cloud-backup', title: 'Backup in cloud dei dati critici' }],
    ...overrides,
  })
}

const item = (id: string, title: string, dimension: string) => ({
  id, actionId: null, title: { it: title, en: title }, dimension, moves: [], reason: null, horizon: 'quick', priority: 1, owner: null, startOn: null, dueOn: null, status: 'planned', note: null,
})

function errorBody(code: string, messageKey: string, message: string, fields: { path: string; message: string }[] = []) {
  return { error: { code, messageKey, message, details: {}, fields, requestId: 'r' } }
}

type Answer = { status: number; body?: unknown }

function stubProjectApi(options: { onPatch?: (request: RecordedRequest) => Answer; onTransition?: (request: RecordedRequest) => Answer } = {}) {
  return stubApi((request) => {
    if (request.path.startsWith('/api/roadmaps?')) return { status: 200, body: { items: [{ id: ROADMAP_ID, status: 'signed' }], nextCursor: null } }
    if (request.path === `/api/roadmaps/${ROADMAP_ID}`) {
      return { status: 200, body: { id: ROADMAP_ID, items: [item(ITEM_BACKUP, 'Backup in cloud dei dati critici', 'D5'), item(ITEM_TRAINING, 'Formazione sulla sicurezza', 'D3')] } }
    }
    if (request.path === `/api/projects/${PROJECT_ID}` && request.method === 'PATCH') return options.onPatch?.(request) ?? { status: 200, body: buildProject() }
    if (request.path === `/api/projects/${PROJECT_ID}/transition`) return options.onTransition?.(request) ?? { status: 200, body: buildProject({ status: 'completed' }) }
    return undefined
  })
}

async function openEditForm(project = buildProject()) {
  renderPage(<ProjectActions project={project} />, { me: buildMe() })
  await userEvent.click(await screen.findByRole('button', { name: 'Modifica' }))
  return screen.findByRole('form', { name: 'Modifica il progetto' })
}

const patches = (requests: RecordedRequest[]) => requests.filter((r) => r.method === 'PATCH')

describe('the project edit form', { timeout: 30_000 }, () => {
  it('sends only what changed: title, end date and the roadmap items chosen from the company’s roadmap', async () => {
    const requests = stubProjectApi()
    const form = await openEditForm()
    const title = within(form).getByRole('textbox', { name: /Titolo/ })
    await userEvent.clear(title)
    await userEvent.type(title, 'Backup in cloud e formazione')
    const ends = within(form).getByLabelText('Fine')
    await userEvent.clear(ends)
    await userEvent.type(ends, '2026-09-30')
    await userEvent.click(await within(form).findByRole('checkbox', { name: 'Formazione sulla sicurezza · D3' }))
    expect(within(form).getByRole('checkbox', { name: 'Backup in cloud dei dati critici · D5' })).toBeChecked()
    await userEvent.click(within(form).getByRole('button', { name: 'Salva le modifiche' }))
    await waitFor(() => expect(patches(requests)).toHaveLength(1))
    expect(patches(requests)[0]?.body).toEqual({
      title: 'Backup in cloud e formazione',
      endsOn: '2026-09-30',
      roadmapItems: [
        { roadmapId: ROADMAP_ID, itemId: ITEM_BACKUP, actionId: null, title: 'Backup in cloud dei dati critici' },
        { roadmapId: ROADMAP_ID, itemId: ITEM_TRAINING, actionId: null, title: 'Formazione sulla sicurezza' },
      ],
    })
    expect(await screen.findByText('Progetto aggiornato')).toBeInTheDocument()
    await waitFor(() => expect(screen.queryByRole('form', { name: 'Modifica il progetto' })).not.toBeInTheDocument())
  })

  it('checks in the browser what the server would refuse: a budget below the days logged, an end before the start, an empty title', async () => {
    const requests = stubProjectApi()
    const form = await openEditForm()
    const budget = within(form).getByRole('textbox', { name: /Budget/ })
    await userEvent.clear(budget)
    await userEvent.type(budget, '2')
    const starts = within(form).getByLabelText('Inizio')
    await userEvent.clear(starts)
    await userEvent.type(starts, '2026-08-01')
    await userEvent.clear(within(form).getByRole('textbox', { name: /Titolo/ }))
    await userEvent.click(within(form).getByRole('button', { name: 'Salva le modifiche' }))
    expect(await within(form).findByText('Il budget non può scendere sotto le giornate già registrate (3).')).toBeInTheDocument()
    expect(within(form).getByText('La data di fine non può precedere quella di inizio.')).toBeInTheDocument()
    expect(within(form).getByRole('textbox', { name: /Titolo/ })).toHaveAttribute('aria-invalid', 'true')
    expect(patches(requests)).toHaveLength(0)
  })

  it('asks before lowering the budget, and shows the server’s refusal on the budget field', async () => {
    const requests = stubProjectApi({
      // Days were logged meanwhile: the server's locked check refuses.
      onPatch: () => ({ status: 409, body: errorBody('CONFLICT', 'errors.projectBudgetBelowLogged', 'Il budget non può scendere sotto le giornate già registrate (9).') }),
    })
    const form = await openEditForm()
    const budget = within(form).getByRole('textbox', { name: /Budget/ })
    await userEvent.clear(budget)
    await userEvent.type(budget, '8')
    await userEvent.click(within(form).getByRole('button', { name: 'Salva le modifiche' }))
    const dialog = await screen.findByRole('dialog', { name: 'Ridurre il budget?' })
    expect(within(dialog).getByText('Il budget passa da 10 a 8 giornate (già registrate: 3).')).toBeInTheDocument()
    await userEvent.click(within(dialog).getByRole('button', { name: 'Riduci il budget' }))
    expect(await within(form).findByText('Il budget non può scendere sotto le giornate già registrate (9).')).toBeInTheDocument()
    expect(patches(requests)[0]?.body).toEqual({ budgetDays: 8 })
    expect(within(form).getByRole('textbox', { name: /Budget/ })).toHaveAttribute('aria-invalid', 'true')
  })

  it('does not lower the budget when the confirmation is declined', async () => {
    const requests = stubProjectApi()
    const form = await openEditForm()
    const budget = within(form).getByRole('textbox', { name: /Budget/ })
    await userEvent.clear(budget)
    await userEvent.type(budget, '8')
    await userEvent.click(within(form).getByRole('button', { name: 'Salva le modifiche' }))
    const dialog = await screen.findByRole('dialog', { name: 'Ridurre il budget?' })
    await userEvent.click(within(dialog).getByRole('button', { name: 'Annulla' }))
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Ridurre il budget?' })).not.toBeInTheDocument())
    expect(patches(requests)).toHaveLength(0)
  })

  it('puts the server’s field errors, in the user’s language, on their inputs', async () => {
    stubProjectApi({
      onPatch: () => ({ status: 400, body: errorBody('VALIDATION', 'errors.validation', 'Dati non validi', [{ path: 'endsOn', message: 'La data di fine non può precedere quella di inizio.' }]) }),
    })
    const form = await openEditForm()
    const description = within(form).getByRole('textbox', { name: 'Descrizione' })
    await userEvent.type(description, 'Con il titolare')
    await userEvent.click(within(form).getByRole('button', { name: 'Salva le modifiche' }))
    expect(await within(form).findByText('La data di fine non può precedere quella di inizio.')).toBeInTheDocument()
    expect(within(form).getByLabelText('Fine')).toHaveAttribute('aria-invalid', 'true')
  })

  it('completes the project with its outcome and the expert’s rating, after a confirmation', async () => {
    const requests = stubProjectApi()
    renderPage(<ProjectActions project={buildProject()} />, { me: buildMe() })
    await userEvent.click(await screen.findByRole('button', { name: 'Concludi' }))
    const form = await screen.findByRole('form', { name: 'Modifica il progetto' })
    expect(within(form).getByRole('combobox', { name: 'Stato' })).toHaveValue('completed')
    await userEvent.type(within(form).getByRole('textbox', { name: /Esito/ }), 'Backup giornaliero attivo')
    await userEvent.selectOptions(within(form).getByRole('combobox', { name: /Valutazione/ }), '4')
    await userEvent.click(within(form).getByRole('button', { name: 'Salva e concludi' }))
    const dialog = await screen.findByRole('dialog', { name: 'Concludere il progetto?' })
    await userEvent.click(within(dialog).getByRole('button', { name: 'Concludi il progetto' }))
    await waitFor(() => expect(requests.find((r) => r.path.endsWith('/transition'))?.body).toEqual({ status: 'completed', outcome: 'Backup giornaliero attivo', expertRating: 4 }))
    expect(patches(requests)).toHaveLength(0)
    expect(await screen.findByText('Progetto concluso')).toBeInTheDocument()
  })

  it('refuses to start a project without an expert on the status field', async () => {
    const requests = stubProjectApi()
    const form = await openEditForm(buildProject({ status: 'planned', expert: null, loggedDays: 0, remainingDays: 10 }))
    await userEvent.selectOptions(within(form).getByRole('combobox', { name: 'Stato' }), 'active')
    await userEvent.click(within(form).getByRole('button', { name: 'Salva e avvia' }))
    expect(await within(form).findByText('Assegna un esperto prima di avviare il progetto.')).toBeInTheDocument()
    expect(requests.some((r) => r.path.endsWith('/transition'))).toBe(false)
  })

  it('is not offered on a closed project', async () => {
    stubProjectApi()
    renderPage(<ProjectActions project={buildProject({ status: 'completed', can: { update: false, assign: false, transition: false, logEntry: false, approve: true, sendConfirmation: true } })} />, { me: buildMe() })
    expect(await screen.findByRole('link', { name: /Foglio presenze \(Excel\)/ })).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Modifica' })).not.toBeInTheDocument()
  })
})
