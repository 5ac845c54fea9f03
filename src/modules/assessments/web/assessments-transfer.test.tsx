import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { buildMe, renderPage, stubApi } from '../../../web/test-utils'
import type { AssessmentImportInput, AssessmentImportReport, AssessmentImportRow } from '../assessments.contract'
import { buildAssessment } from './assessment-factory'
import { AssessmentPage } from './assessment-page'
import { AssessmentsExportMenu, AssessmentsImportButton, assessmentsExportHref } from './assessments-transfer'

const UNIT_ID = 'b0000000-0000-4000-8000-000000000001'
const COMPANY_ID = 'c0000000-0000-4000-8000-000000000001'

function row(overrides: Partial<AssessmentImportRow>): AssessmentImportRow {
  return {
    sheet: 'My SMEs DMA Results', instrument: 'eu-dma-sme', row: 2, name: 'Meccanica Bergamasca', vatNumber: null, outcome: 'create',
    company: { id: COMPANY_ID, name: 'Meccanica Bergamasca S.r.l.', vatNumber: '01234567890' },
    overall: 55.5, band: 'moderately_advanced', dimensions: { D1: 50, D2: 60, D3: 40, D4: 70, D5: 30, D6: 80 }, assessmentId: null, errors: [],
    ...overrides,
  }
}

function report(overrides: Partial<AssessmentImportReport>): AssessmentImportReport {
  return { fileName: 'edih.xlsx', dryRun: true, applied: false, stage: 'T0', assessedOn: '2026-10-01', total: 1, created: 1, errorRows: 0, rows: [row({})], ...overrides }
}

const xlsx = () => new File([new Uint8Array([80, 75, 3, 4])], 'edih.xlsx', { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' })

describe('assessments export menu', { timeout: 30_000 }, () => {
  it('offers EDIH, CSV and Excel downloads carrying the list filters', async () => {
    stubApi(() => undefined)
    renderPage(<AssessmentsExportMenu filters={{ unitId: UNIT_ID, stage: 'T1', status: undefined }} />, { me: buildMe() })
    await userEvent.click(await screen.findByRole('button', { name: 'Esporta' }))
    const edih = await screen.findByRole('menuitem', { name: /Strumento di rendicontazione EDIH/, hidden: true })
    expect(edih).toHaveAttribute('href', `/api/assessments/export?format=edih&unitId=${UNIT_ID}&stage=T1`)
    expect(edih).toHaveTextContent('Solo valutazioni convalidate')
    expect((await screen.findByRole('menuitem', { name: /CSV con le risposte/, hidden: true }))).toHaveAttribute('href', `/api/assessments/export?format=csv&unitId=${UNIT_ID}&stage=T1`)
    expect((await screen.findByRole('menuitem', { name: /Excel con le risposte/, hidden: true }))).toHaveAttribute('download')
    expect(assessmentsExportHref('xlsx', { status: 'draft' })).toBe('/api/assessments/export?format=xlsx&status=draft')
  })
})

describe('assessments import', { timeout: 30_000 }, () => {
  it('previews the file row by row, then imports it on confirmation', async () => {
    const requests = stubApi((request) => {
      if (request.path === '/api/assessments/imports') {
        const body = request.body as AssessmentImportInput
        if (body.dryRun) return { status: 200, body: report({}) }
        return { status: 200, body: report({ dryRun: false, applied: true, rows: [row({ assessmentId: 'a5000000-0000-4000-8000-000000000001' })] }) }
      }
      return undefined
    })
    renderPage(<AssessmentsImportButton unitId={UNIT_ID} />, { me: buildMe() })
    await userEvent.click(await screen.findByRole('button', { name: 'Importa' }))
    const dialog = await screen.findByRole('dialog', { name: 'Importa valutazioni dallo strumento EDIH' })
    const preview = within(dialog).getByRole('button', { name: 'Verifica il file' })
    expect(preview).toBeDisabled()
    await userEvent.upload(dialog.querySelector('input[type="file"]') as HTMLInputElement, xlsx())
    await userEvent.selectOptions(within(dialog).getByLabelText('Fase'), 'T1')
    const date = within(dialog).getByLabelText(/Data della valutazione/)
    await userEvent.clear(date)
    await userEvent.type(date, '2026-10-01')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Verifica il file' }))

    expect(await within(dialog).findByText('1 righe: 1 da importare, 0 con errori')).toBeInTheDocument()
    const table = within(dialog).getByRole('table', { name: 'Esito di ogni riga del file' })
    expect(within(table).getByText('Meccanica Bergamasca S.r.l. (01234567890)')).toBeInTheDocument()
    expect(within(table).getByText('Da importare')).toBeInTheDocument()
    const dry = requests.find((r) => r.method === 'POST')?.body as AssessmentImportInput
    expect(dry).toMatchObject({ fileName: 'edih.xlsx', stage: 'T1', assessedOn: '2026-10-01', dryRun: true, unitId: UNIT_ID })
    expect(dry.content.length).toBeGreaterThan(0)

    await userEvent.click(within(dialog).getByRole('button', { name: 'Importa 1 valutazione' }))
    expect(await within(dialog).findByText('Importata 1 valutazione')).toBeInTheDocument()
    expect(within(dialog).getByText('Importata')).toBeInTheDocument()
    expect((requests.filter((r) => r.method === 'POST').at(-1)?.body as AssessmentImportInput).dryRun).toBe(false)
    await userEvent.click(within(dialog).getByRole('button', { name: 'Fatto' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
  })

  it('shows the errors of each row and does not offer the import until the file is fixed', async () => {
    stubApi((request) => {
      if (request.path === '/api/assessments/imports') {
        return {
          status: 200,
          body: report({
            total: 2, created: 1, errorRows: 1,
            rows: [
              row({}),
              row({
                row: 3, name: 'Omonima Srl', outcome: 'error', company: null,
                errors: [{ column: null, code: 'ambiguous', message: 'Più aziende si chiamano "Omonima Srl" (partite IVA 111, 222): aggiungi una colonna "Partita IVA".' }],
              }),
            ],
          }),
        }
      }
      return undefined
    })
    renderPage(<AssessmentsImportButton />, { me: buildMe() })
    await userEvent.click(await screen.findByRole('button', { name: 'Importa' }))
    const dialog = await screen.findByRole('dialog')
    await userEvent.upload(dialog.querySelector('input[type="file"]') as HTMLInputElement, xlsx())
    await userEvent.click(within(dialog).getByRole('button', { name: 'Verifica il file' }))
    expect(await within(dialog).findByText('2 righe: 1 da importare, 1 con errori')).toBeInTheDocument()
    expect(within(dialog).getByText(/Correggi le righe con errori/)).toBeInTheDocument()
    expect(within(dialog).getByText(/Più aziende si chiamano "Omonima Srl"/)).toBeInTheDocument()
    expect(within(dialog).queryByRole('button', { name: /Importa \d/ })).not.toBeInTheDocument()
  })

  it('says why a file cannot be read', async () => {
    stubApi((request) => {
      if (request.path === '/api/assessments/imports') {
        return {
          status: 400,
          body: { error: { code: 'VALIDATION', messageKey: 'errors.assessmentImportNoSheets', message: 'Il file non contiene i fogli dello strumento di rendicontazione EDIH.', details: {}, fields: [], requestId: 'x' } },
        }
      }
      return undefined
    })
    renderPage(<AssessmentsImportButton />, { me: buildMe() })
    await userEvent.click(await screen.findByRole('button', { name: 'Importa' }))
    const dialog = await screen.findByRole('dialog')
    await userEvent.upload(dialog.querySelector('input[type="file"]') as HTMLInputElement, xlsx())
    await userEvent.click(within(dialog).getByRole('button', { name: 'Verifica il file' }))
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Il file non contiene i fogli dello strumento di rendicontazione EDIH.')
  })
})

describe('an imported assessment', { timeout: 30_000 }, () => {
  it('shows its scores on the assessment page although it has no answers', async () => {
    const base = buildAssessment({ status: 'validated', mode: 'imported', validatedAt: '2026-10-01T10:00:00Z' }, {})
    const imported = {
      ...base,
      overall: 62.4,
      band: 'moderately_advanced' as const,
      can: { ...base.can, correct: false },
      scores: base.scores ? {
        ...base.scores, overall: 62.4, band: 'moderately_advanced' as const, blocks: [],
        dimensions: { D1: 70, D2: 60, D3: 50, D4: 40, D5: 80, D6: 74.4 },
        improvements: { D1: [], D2: [], D3: [], D4: [], D5: [], D6: [] },
      } : null,
    }
    stubApi((request) => {
      if (request.path === `/api/assessments/${imported.id}`) return { status: 200, body: imported }
      if (request.path.startsWith('/api/assessments?')) return { status: 200, body: { items: [], nextCursor: null } }
      if (request.path === `/api/assessments/${imported.id}/benchmark`) return { status: 200, body: { benchmark: null, unavailable: 'group_too_small', minimumGroupSize: 10 } }
      return undefined
    })
    renderPage(<AssessmentPage id={imported.id} />, { me: buildMe() })
    expect(await screen.findAllByText(/62,4/)).not.toHaveLength(0)
    expect(screen.queryByRole('button', { name: /Correggi/ })).not.toBeInTheDocument()
  })
})
