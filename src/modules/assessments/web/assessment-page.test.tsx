import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { buildMe, renderPage, stubApi } from '../../../web/test-utils'
import { buildCompany } from '../../companies/web/company-factory'
import { buildAssessment, buildAssessmentSummary, COMPANY_ID } from './assessment-factory'
import { AssessmentPage } from './assessment-page'
import { CompanyAssessmentsPanel } from './company-assessments-panel'

describe('assessments for staff', { timeout: 30_000 }, () => {
  it('lists a company’s assessments with status and score, and starts a new one', async () => {
    const t0 = buildAssessmentSummary({ status: 'validated', overall: 41.2, band: 'average', validatedAt: '2026-10-01T10:00:00Z' })
    const requests = stubApi((request) => {
      if (request.method === 'GET' && request.path.startsWith('/api/assessments?')) return { status: 200, body: { items: [t0], nextCursor: null } }
      if (request.method === 'GET' && request.path === `/api/assessments/${t0.id}`) return { status: 200, body: buildAssessment({ status: 'validated' }) }
      if (request.method === 'POST' && request.path === '/api/assessments') return { status: 201, body: buildAssessment({ id: 'a5000000-0000-4000-8000-000000000002', stage: 'T1' }) }
      return undefined
    })
    renderPage(<CompanyAssessmentsPanel company={buildCompany({ id: COMPANY_ID })} />, { me: buildMe() })
    const row = await screen.findByRole('row', { name: /T0/ })
    expect(row).toHaveTextContent('Assistita')
    expect(row).toHaveTextContent('Convalidata')
    expect(row).toHaveTextContent('41,2 Medio')
    expect(await screen.findByRole('img', { name: /Grafico radar delle sei dimensioni \(T0\)/ })).toBeInTheDocument()

    await userEvent.click(screen.getByRole('button', { name: 'Nuova valutazione' }))
    const dialog = await screen.findByRole('dialog')
    // A validated T0 exists: the new one is a T1 by default, prefilled from it.
    expect(within(dialog).getByText("Le risposte partono da quelle dell'ultima valutazione T0 convalidata.")).toBeInTheDocument()
    await userEvent.click(within(dialog).getByRole('button', { name: 'Crea la valutazione' }))
    await waitFor(() => expect(requests.find((r) => r.method === 'POST')?.body).toEqual({ companyId: COMPANY_ID, stage: 'T1', mode: 'assisted' }))
  })

  it('shows the empty state of a company never assessed', async () => {
    stubApi((request) => (request.path.startsWith('/api/assessments?') ? { status: 200, body: { items: [], nextCursor: null } } : undefined))
    renderPage(<CompanyAssessmentsPanel company={buildCompany({ id: COMPANY_ID })} />, { me: buildMe() })
    expect(await screen.findByText('Nessuna valutazione')).toBeInTheDocument()
  })

  it('validates a submitted assessment after a confirmation and shows its results', async () => {
    const submitted = buildAssessment({ status: 'submitted' })
    const requests = stubApi((request) => {
      if (request.method === 'GET' && request.path === `/api/assessments/${submitted.id}`) return { status: 200, body: submitted }
      if (request.method === 'GET' && request.path.startsWith('/api/assessments?')) return { status: 200, body: { items: [], nextCursor: null } }
      if (request.method === 'POST' && request.path === `/api/assessments/${submitted.id}/validate`) return { status: 200, body: buildAssessment({ status: 'validated' }) }
      return undefined
    })
    renderPage(<AssessmentPage id={submitted.id} />, { me: buildMe() })
    expect(await screen.findByRole('heading', { level: 2, name: 'Risultati' })).toBeInTheDocument()
    expect(screen.getByText('Interpretazione complessiva.')).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Convalida' }))
    const dialog = await screen.findByRole('dialog', { name: 'Convalidare la valutazione?' })
    await userEvent.click(within(dialog).getByRole('button', { name: 'Convalida' }))
    await waitFor(() => expect(requests.some((r) => r.method === 'POST' && r.path.endsWith('/validate'))).toBe(true))
    expect(await screen.findByRole('link', { name: 'Scarica il rapporto PDF' })).toHaveAttribute('href', `/api/assessments/${submitted.id}/report.pdf`)
  })
})
