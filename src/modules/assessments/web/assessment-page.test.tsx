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

  it('places a validated assessment among similar companies, with the figures in a table, and shows the points per question', async () => {
    const validated = buildAssessment({ status: 'validated', validatedAt: '2026-10-01T10:00:00Z' })
    const spread = (m: number) => ({ p10: m - 20, q1: m - 10, median: m, q3: m + 10, p90: m + 20 })
    stubApi((request) => {
      if (request.method === 'GET' && request.path === `/api/assessments/${validated.id}`) return { status: 200, body: validated }
      if (request.method === 'GET' && request.path.startsWith('/api/assessments?')) return { status: 200, body: { items: [], nextCursor: null } }
      if (request.method === 'GET' && request.path === `/api/assessments/${validated.id}/benchmark`)
        return {
          status: 200,
          body: {
            benchmark: {
              level: 'section_size',
              group: { atecoSection: 'C', sizeClass: 'small', regionCode: null },
              size: 1234,
              scores: { overall: 12.5, D1: 10, D2: 20, D3: 0, D4: 0, D5: 0, D6: 0 },
              percentiles: { overall: 17.4, D1: 20, D2: 30, D3: 5, D4: 5, D5: 5, D6: 5 },
              distribution: { overall: spread(40), D1: spread(41), D2: spread(42), D3: spread(43), D4: spread(44), D5: spread(45), D6: spread(46) },
            },
            unavailable: null,
            minimumGroupSize: 10,
          },
        }
      return undefined
    })
    renderPage(<AssessmentPage id={validated.id} />, { me: buildMe() })
    const section = await screen.findByRole('region', { name: 'Confronto con aziende simili' })
    expect(await within(section).findByText(/Gruppo di confronto: Attività manifatturiere · piccole imprese \(1\.234 valutazioni convalidate\)\. Il punteggio complessivo supera il 17% delle aziende del gruppo\./)).toBeInTheDocument()
    expect(within(section).getByText(/usa un gruppo più ampio/)).toBeInTheDocument()
    expect(within(section).getByRole('img', { name: /Grafico a scatola/ })).toBeInTheDocument()
    const overallRow = within(section).getByRole('row', { name: /Punteggio complessivo/ })
    expect(overallRow).toHaveTextContent('12,5')
    expect(overallRow).toHaveTextContent('17°')
    expect(overallRow).toHaveTextContent('30,0 – 50,0')

    await userEvent.click(screen.getByRole('button', { name: 'Punti per domanda' }))
    const q2 = await screen.findByRole('row', { name: /^Q2 / })
    // Q2 [1, 3]: 2 of 10 options → 2 points.
    expect(q2).toHaveTextContent('2 su 10')
    expect(q2).toHaveTextContent('2,0 / 10')
  })

  it('says why there is no benchmark when the group is too small', async () => {
    const validated = buildAssessment({ status: 'validated', validatedAt: '2026-10-01T10:00:00Z' })
    stubApi((request) => {
      if (request.path === `/api/assessments/${validated.id}`) return { status: 200, body: validated }
      if (request.path.startsWith('/api/assessments?')) return { status: 200, body: { items: [], nextCursor: null } }
      if (request.path === `/api/assessments/${validated.id}/benchmark`) return { status: 200, body: { benchmark: null, unavailable: 'group_too_small', minimumGroupSize: 10 } }
      return undefined
    })
    renderPage(<AssessmentPage id={validated.id} />, { me: buildMe() })
    expect(await screen.findByText(/ne servono almeno 10 in un gruppo/)).toBeInTheDocument()
  })

  it('lets staff copy chosen Module 1 fields to the company record after a confirmation', async () => {
    const validated = buildAssessment({ status: 'validated', validatedAt: '2026-10-01T10:00:00Z' })
    const comparison = {
      canApply: true,
      fields: [
        { field: 'website', assessment: 'https://www.nuovo.example', company: 'www.vecchio.example', assessmentLabel: null, companyLabel: null, differs: true },
        { field: 'foundingYear', assessment: 1978, company: 1975, assessmentLabel: null, companyLabel: null, differs: true },
        { field: 'name', assessment: 'Meccanica Bergamasca S.r.l.', company: 'Meccanica Bergamasca S.r.l.', assessmentLabel: null, companyLabel: null, differs: false },
      ],
    }
    const requests = stubApi((request) => {
      if (request.method === 'GET' && request.path === `/api/assessments/${validated.id}`) return { status: 200, body: validated }
      if (request.method === 'GET' && request.path === `/api/assessments/${validated.id}/customer-data`) return { status: 200, body: comparison }
      if (request.method === 'POST' && request.path === `/api/assessments/${validated.id}/customer-data/apply`)
        return { status: 200, body: { ...comparison, fields: comparison.fields.map((f) => (f.field === 'website' ? { ...f, differs: false } : f)) } }
      if (request.path.startsWith('/api/assessments?')) return { status: 200, body: { items: [], nextCursor: null } }
      if (request.path.endsWith('/benchmark')) return { status: 200, body: { benchmark: null, unavailable: 'group_too_small', minimumGroupSize: 10 } }
      return undefined
    })
    renderPage(<AssessmentPage id={validated.id} />, { me: buildMe() })
    await userEvent.click(await screen.findByRole('button', { name: "Dati dell'azienda (Modulo 1)" }))
    const row = await screen.findByRole('row', { name: /Sito web/ })
    expect(row).toHaveTextContent('https://www.nuovo.example')
    expect(row).toHaveTextContent('www.vecchio.example')
    // Only differing fields are offered.
    expect(screen.queryByRole('row', { name: /Ragione sociale/ })).toBeNull()
    const apply = screen.getByRole('button', { name: 'Aggiorna la scheda azienda' })
    expect(apply).toBeDisabled()
    await userEvent.click(screen.getByRole('checkbox', { name: 'Riporta nella scheda: Sito web' }))
    await userEvent.click(apply)
    const dialog = await screen.findByRole('dialog', { name: "Aggiornare la scheda dell'azienda?" })
    await userEvent.click(within(dialog).getByRole('button', { name: 'Aggiorna la scheda azienda' }))
    await waitFor(() => expect(requests.find((r) => r.method === 'POST' && r.path.endsWith('/customer-data/apply'))?.body).toEqual({ fields: ['website'] }))
    // The record now holds the website: only the founding year still differs.
    await waitFor(() => expect(screen.queryByRole('row', { name: /Sito web/ })).toBeNull())
    expect(screen.getByRole('row', { name: /Anno di fondazione/ })).toBeInTheDocument()
  })
})
