import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { buildMe, renderPage, stubApi } from '../../../web/test-utils'
import type { RoadmapCatalogue } from '../roadmaps.contract'
import { ACTION_CATALOGUE_2026_R1 } from '../roadmaps.reference'
import { RoadmapCataloguePage } from './catalogue-page'

const pick = (...ids: string[]) => JSON.parse(JSON.stringify(ACTION_CATALOGUE_2026_R1.actions.filter((a) => ids.includes(a.id)))) as RoadmapCatalogue['actions']

const CATALOGUE: RoadmapCatalogue = {
  id: '2026-r1',
  source: 'built-in',
  description: ACTION_CATALOGUE_2026_R1.description,
  inPlace: ACTION_CATALOGUE_2026_R1.inPlace,
  guards: JSON.parse(JSON.stringify(ACTION_CATALOGUE_2026_R1.guards)),
  // D4 SME+PSO quick; D5 PSO only medium; D2 SME only long; D3 both quick.
  actions: pick('offsite-backup', 'data-portability', 'digital-twin', 'skills-gap-assessment'),
  note: null,
  createdAt: null,
  createdByName: null,
}

function stubCatalogueApi() {
  return stubApi((request) => {
    if (request.method === 'GET' && request.path === '/api/roadmaps/catalogue') return { status: 200, body: CATALOGUE }
    if (request.method === 'PUT' && request.path.startsWith('/api/roadmaps/catalogue/actions/')) {
      const body = request.body as { action: RoadmapCatalogue['actions'][number]; note: string }
      return { status: 200, body: { ...CATALOGUE, id: '2026-r1.1', source: 'edited', note: body.note, createdByName: 'Anna Admin', actions: CATALOGUE.actions.map((a) => (a.id === body.action.id ? body.action : a)) } }
    }
    return undefined
  })
}

const rowNames = () =>
  screen
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell')[0]?.querySelector('p')?.textContent)

describe('action catalogue page', { timeout: 40_000 }, () => {
  it('lists the actions with their dimensions and filters them by search, questionnaire, dimension and horizon', async () => {
    stubCatalogueApi()
    renderPage(<RoadmapCataloguePage />, { me: buildMe({ isNetworkAdmin: false }) })
    expect(await screen.findByRole('heading', { level: 1, name: 'Catalogo azioni' })).toBeInTheDocument()
    expect(await screen.findByText('Backup dei dati critici fuori sede o in cloud')).toBeInTheDocument()
    expect(screen.getByText('Versione in uso: 2026-r1 (catalogo di base)')).toBeInTheDocument()
    expect(screen.getByText('4 azioni su 4')).toBeInTheDocument()
    expect(screen.getByText('PMI D4 · PA D4')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Nuova azione' })).not.toBeInTheDocument()
    expect(screen.queryByRole('button', { name: /^Modifica/ })).not.toBeInTheDocument()

    const filters = screen.getByRole('search', { name: 'Filtri del catalogo' })
    await userEvent.selectOptions(within(filters).getByRole('combobox', { name: 'Questionario' }), 'eu-dma-pso')
    // Catalogue order: D3, then D4, then D5.
    expect(rowNames()).toEqual(['Mappatura delle competenze digitali', 'Backup dei dati critici fuori sede o in cloud', 'Portabilità dei dati e formati durevoli'])
    await userEvent.selectOptions(within(filters).getByRole('combobox', { name: 'Dimensione' }), 'D5')
    expect(rowNames()).toEqual(['Portabilità dei dati e formati durevoli'])
    await userEvent.click(within(filters).getByRole('button', { name: 'Azzera filtri' }))
    await userEvent.selectOptions(within(filters).getByRole('combobox', { name: 'Orizzonte' }), 'long')
    expect(rowNames()).toEqual(['Simulazione e gemello digitale'])
    await userEvent.selectOptions(within(filters).getByRole('combobox', { name: 'Orizzonte' }), '')
    await userEvent.type(within(filters).getByRole('textbox', { name: 'Cerca' }), 'ransomware')
    expect(screen.getByText('Nessuna azione corrisponde ai filtri')).toBeInTheDocument()
  })

  it('lets a network admin edit an action, publishing a new version with a note', async () => {
    const requests = stubCatalogueApi()
    renderPage(<RoadmapCataloguePage />, { me: buildMe() })
    await userEvent.click(await screen.findByRole('button', { name: 'Modifica «Backup dei dati critici fuori sede o in cloud»' }))
    const dialog = await screen.findByRole('dialog', { name: 'Modifica «Backup dei dati critici fuori sede o in cloud»' })
    expect(within(dialog).getByRole('textbox', { name: /^Identificativo/ })).toBeDisabled()
    const title = within(dialog).getByRole('textbox', { name: /^Titolo in italiano/ })
    await userEvent.clear(title)
    await userEvent.click(title)
    await userEvent.paste('Backup in cloud con prove di ripristino')
    await userEvent.selectOptions(within(dialog).getByRole('combobox', { name: 'Orizzonte' }), 'medium')
    // The note is required.
    await userEvent.click(within(dialog).getByRole('button', { name: 'Pubblica la nuova versione' }))
    expect(await within(dialog).findByText('Campo obbligatorio.')).toBeInTheDocument()
    await userEvent.click(within(dialog).getByRole('textbox', { name: /^Nota sulla modifica/ }))
    await userEvent.paste('Orizzonte rivisto')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Pubblica la nuova versione' }))

    await waitFor(() => expect(requests.some((r) => r.method === 'PUT')).toBe(true))
    const put = requests.find((r) => r.method === 'PUT')
    expect(put?.path).toBe('/api/roadmaps/catalogue/actions/offsite-backup')
    expect(put?.body).toMatchObject({
      note: 'Orizzonte rivisto',
      baseVersion: '2026-r1',
      action: { id: 'offsite-backup', horizon: 'medium', title: { it: 'Backup in cloud con prove di ripristino' }, moves: { 'eu-dma-sme': [{ question: 'Q8', items: [5] }] }, funding: ['voucher-digitali-pid', 'pnrr-pa-digitale'] },
    })
    expect(await screen.findByText('Catalogo aggiornato: versione 2026-r1.1.')).toBeInTheDocument()
    expect(await screen.findByText('Backup in cloud con prove di ripristino')).toBeInTheDocument()
  })
})
