import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { buildMe, renderPage, stubApi } from '../../../web/test-utils'
import type { CompanyImport } from '../companies.contract'
import { CompanyImportExportActions } from './company-import-actions'
import { CompanyImportPage } from './company-import-page'

const IMPORT_ID = 'b0000000-0000-4000-8000-000000000001'
const UNIT_ID = 'c0000000-0000-4000-8000-000000000001'

function buildImport(overrides: Partial<CompanyImport> = {}): CompanyImport {
  return {
    id: IMPORT_ID,
    unitId: UNIT_ID,
    unitName: 'Antenna Bergamo',
    fileName: 'aziende.xlsx',
    fileFormat: 'xlsx',
    status: 'uploaded',
    options: { encoding: null, delimiter: null, sheet: 'Foglio1' },
    headers: ['Ragione sociale', 'Partita IVA', 'Città'],
    mapping: { 0: 'name', 1: 'vatNumber', 2: 'comune' },
    preview: [['Meccanica Orobica S.r.l.', '00743110157', 'Bergamo']],
    fields: [
      { key: 'name', label: 'Ragione sociale', required: true },
      { key: 'vatNumber', label: 'Partita IVA', required: true },
      { key: 'comune', label: 'Comune', required: false },
      { key: 'address', label: 'Indirizzo', required: false },
    ],
    totalRows: 3,
    processedRows: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    errorCount: 0,
    errors: [],
    dryRun: false,
    failure: null,
    undo: null,
    createdByName: 'Bruno Staff',
    createdAt: '2026-11-20T09:00:00Z',
    startedAt: null,
    finishedAt: null,
    undoneAt: null,
    can: { run: true, undo: false },
    ...overrides,
  }
}

function stub(view: CompanyImport | null, extra: (path: string, method: string) => { status: number; body?: unknown } | undefined = () => undefined) {
  return stubApi((request) => {
    const answer = extra(request.path, request.method)
    if (answer) return answer
    if (request.path === '/api/companies/imports') return { status: 200, body: { items: [] } }
    if (view && request.path === `/api/companies/imports/${IMPORT_ID}` && request.method === 'GET') return { status: 200, body: view }
    if (request.path.startsWith('/api/units')) return { status: 200, body: { items: [] } }
    return undefined
  })
}

const staff = buildMe({ isNetworkAdmin: false, memberships: [{ id: 'm1', unitId: UNIT_ID, unitName: 'Antenna Bergamo', unitType: 'antenna', role: 'unit_staff' }] as never })

describe('CompanyImportPage', { timeout: 20_000 }, () => {
  it('uploads the chosen file and moves on to its import', async () => {
    const requests = stub(null, (path, method) => (path === '/api/companies/imports' && method === 'POST' ? { status: 201, body: buildImport() } : undefined))
    const onImportChange = vi.fn()
    renderPage(<CompanyImportPage importId={undefined} onImportChange={onImportChange} />, { me: staff })
    const input = await screen.findByLabelText('File da importare (.csv o .xlsx)')
    const file = new File(['Ragione sociale;Partita IVA\n'], 'aziende.csv', { type: 'text/csv' })
    const hidden = document.querySelector('input[type="file"]') as HTMLInputElement
    expect(input).toBeInTheDocument()
    await userEvent.upload(hidden, file)
    await waitFor(() => expect(onImportChange).toHaveBeenCalledWith(IMPORT_ID))
    const upload = requests.find((r) => r.method === 'POST')
    expect(upload?.body).toEqual({ fileName: 'aziende.csv', content: btoa('Ragione sociale;Partita IVA\n') })
    expect(await screen.findByText('Nessuna importazione finora.')).toBeInTheDocument()
  })

  it('shows the suggested mapping with a preview, then saves it and runs the dry run', async () => {
    const requests = stub(buildImport(), (path, method) => {
      if (method === 'PATCH') return { status: 200, body: buildImport() }
      if (path.endsWith('/validate')) return { status: 200, body: buildImport({ status: 'validated', dryRun: true, created: 3 }) }
      return undefined
    })
    renderPage(<CompanyImportPage importId={IMPORT_ID} onImportChange={vi.fn()} />, { me: staff })
    const select = await screen.findByRole('combobox', { name: 'Campo per la colonna «Città»' })
    expect(select).toHaveValue('comune')
    expect(screen.getAllByText('Meccanica Orobica S.r.l.').length).toBeGreaterThan(0)
    await userEvent.selectOptions(select, 'address')
    await userEvent.click(screen.getByRole('button', { name: 'Verifica il file (nessuna modifica)' }))
    await waitFor(() => expect(requests.some((r) => r.path.endsWith('/validate'))).toBe(true))
    expect(requests.find((r) => r.method === 'PATCH')?.body).toEqual({ mapping: { 0: 'name', 1: 'vatNumber', 2: 'address' }, unitId: UNIT_ID })
  })

  it('refuses the dry run while a required field has no column', async () => {
    stub(buildImport({ mapping: { 0: 'name' } }))
    renderPage(<CompanyImportPage importId={IMPORT_ID} onImportChange={vi.fn()} />, { me: staff })
    expect(await screen.findByRole('alert')).toHaveTextContent("Manca l'abbinamento per: Partita IVA.")
    expect(screen.getByRole('button', { name: 'Verifica il file (nessuna modifica)' })).toBeDisabled()
  })

  it('lists the dry run errors by row and column, offers the report and the fix-and-reload path', async () => {
    const errors = [
      { row: 3, column: 'Partita IVA', code: 'vatNumberChecksum', message: 'Partita IVA non valida: la cifra di controllo non torna.' },
      { row: 5, column: 'Partita IVA', code: 'importDuplicateRow', message: 'Stessa partita IVA della riga 2.' },
    ]
    const view = buildImport({ status: 'validated', dryRun: true, created: 2, updated: 1, errorCount: 2, errors })
    const requests = stub(view, (path) => (path.endsWith('/run') ? { status: 202, body: { ...view, status: 'importing' } } : undefined))
    const onImportChange = vi.fn()
    renderPage(<CompanyImportPage importId={IMPORT_ID} onImportChange={onImportChange} />, { me: staff })
    const table = await screen.findByRole('table', { name: 'Errori per riga e colonna' })
    const rows = within(table).getAllByRole('row')
    expect(rows[1]).toHaveTextContent('3Partita IVAPartita IVA non valida')
    expect(rows[2]).toHaveTextContent('Stessa partita IVA della riga 2.')
    expect(screen.getByText('Correggi il file e ricaricalo, oppure importa subito le righe corrette.')).toBeInTheDocument()
    expect(screen.getByRole('link', { name: "Scarica l'esito (CSV)" })).toHaveAttribute('href', `/api/companies/imports/${IMPORT_ID}/report?format=csv`)
    await userEvent.click(screen.getByRole('button', { name: 'Carica il file corretto' }))
    expect(onImportChange).toHaveBeenCalledWith(undefined)
    await userEvent.click(screen.getByRole('button', { name: 'Importa 3 aziende' }))
    await waitFor(() => expect(requests.some((r) => r.path.endsWith('/run') && r.method === 'POST')).toBe(true))
  })

  it('shows the progress of a running import', async () => {
    stub(buildImport({ status: 'importing', totalRows: 2000, processedRows: 1000 }))
    renderPage(<CompanyImportPage importId={IMPORT_ID} onImportChange={vi.fn()} />, { me: staff })
    expect(await screen.findByText('Importazione in corso: 1.000 di 2.000 righe')).toBeInTheDocument()
    expect(screen.getByRole('progressbar', { name: "Avanzamento dell'importazione" })).toHaveAttribute('aria-valuenow', '50')
  })

  it('shows the result and undoes the import after a confirmation', async () => {
    const view = buildImport({ status: 'done', created: 2, updated: 1, unchanged: 4, processedRows: 3, can: { run: false, undo: true } })
    const requests = stub(view, (path) =>
      path.endsWith('/undo') ? { status: 200, body: { ...view, status: 'undone', can: { run: false, undo: false }, undo: { deleted: 2, archived: 0, restored: 1, conflicts: [] } } } : undefined,
    )
    renderPage(<CompanyImportPage importId={IMPORT_ID} onImportChange={vi.fn()} />, { me: staff })
    expect(await screen.findByText('Importazione conclusa')).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Vedi le aziende' })).toHaveAttribute('href', `/companies?unitId=${UNIT_ID}`)
    await userEvent.click(screen.getByRole('button', { name: "Annulla l'importazione" }))
    const dialog = await screen.findByRole('dialog', { name: "Annullare l'importazione?" })
    expect(requests.some((r) => r.path.endsWith('/undo'))).toBe(false)
    await userEvent.click(within(dialog).getByRole('button', { name: "Annulla l'importazione" }))
    await waitFor(() => expect(requests.some((r) => r.path.endsWith('/undo') && r.method === 'POST')).toBe(true))
    // In the notification and in the result.
    expect((await screen.findAllByText(/Importazione annullata: 2 eliminate, 0 archiviate, 1 ripristinate\./)).length).toBeGreaterThan(0)
  })

  it('lists past imports with their status and opens one', async () => {
    stubApi((request) =>
      request.path === '/api/companies/imports'
        ? { status: 200, body: { items: [{ ...buildImport({ status: 'done', created: 5, updated: 1, errorCount: 2 }), preview: undefined, errors: undefined, fields: undefined }] } }
        : undefined,
    )
    const onImportChange = vi.fn()
    renderPage(<CompanyImportPage importId={undefined} onImportChange={onImportChange} />, { me: staff })
    const table = await screen.findByRole('table', { name: 'Importazioni recenti' })
    expect(within(table).getAllByRole('row')[1]).toHaveTextContent('aziende.xlsxAntenna Bergamo')
    expect(within(table).getByText('Concluso')).toBeInTheDocument()
    expect(within(table).getByText('5 create, 1 aggiornate, 2 errori')).toBeInTheDocument()
    await userEvent.click(within(table).getByRole('button', { name: "Apri l'importazione aziende.xlsx" }))
    expect(onImportChange).toHaveBeenCalledWith(IMPORT_ID)
  })
})

describe('CompanyImportExportActions', () => {
  it('links to the import wizard and exports the list as filtered now', async () => {
    stubApi(() => undefined)
    renderPage(<CompanyImportExportActions filters={{ q: 'meccanica', atecoSection: ['C'], tags: ['fiera'] }} />, { me: staff })
    expect(await screen.findByRole('link', { name: 'Importa' })).toHaveAttribute('href', '/companies/import')
    await userEvent.click(screen.getByRole('button', { name: "Esporta l'elenco filtrato" }))
    const csv = await screen.findByRole('menuitem', { name: 'CSV (Excel)', hidden: true })
    expect(csv).toHaveAttribute('href', '/api/companies/export?format=csv&q=meccanica&atecoSection=C&tags=fiera')
    expect(await screen.findByRole('menuitem', { name: 'Excel (.xlsx)', hidden: true })).toHaveAttribute('href', '/api/companies/export?format=xlsx&q=meccanica&atecoSection=C&tags=fiera')
  })
})
