import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { renderPage, stubApi } from '../../../web/test-utils'
import type { SelfAssessment } from '../assessments.contract'
import { SelfAssessmentPage } from './self-assessment-page'

const TOKEN = 'tok_abc'
const draft: SelfAssessment = {
  companyName: 'Meccanica Bergamasca S.r.l.',
  stage: 'T0',
  instrument: 'eu-dma-sme',
  instrumentVersion: '2024',
  locale: 'it',
  status: 'draft',
  readOnly: false,
  answers: { Q5: [3] },
  issues: [],
  expiresAt: '2026-12-07T10:00:00Z',
}

describe('SelfAssessmentPage', { timeout: 30_000 }, () => {
  it('resumes the saved answers, saves each change by itself, and submits after a confirmation', async () => {
    let saved: unknown = draft.answers
    const requests = stubApi((request) => {
      if (request.path !== `/api/assessment-links/${TOKEN}` && request.path !== `/api/assessment-links/${TOKEN}/submit`) return undefined
      if (request.method === 'GET') return { status: 200, body: draft }
      if (request.method === 'PATCH') {
        saved = (request.body as { answers: unknown }).answers
        return { status: 200, body: { ...draft, answers: saved } }
      }
      return { status: 200, body: { ...draft, answers: saved, status: 'submitted', readOnly: true } }
    })
    renderPage(<SelfAssessmentPage token={TOKEN} />)

    expect(await screen.findByText(/Questionario per Meccanica Bergamasca S\.r\.l\./)).toBeInTheDocument()
    const q5 = document.querySelector('[data-question="Q5"]') as HTMLElement
    expect(within(q5).getAllByRole('checkbox')[2]).toBeChecked()

    const q2 = document.querySelector('[data-question="Q2"]') as HTMLElement
    await userEvent.click(within(q2).getAllByRole('checkbox')[0] as HTMLElement)
    expect(await screen.findByText(/Risposte salvate alle/)).toBeInTheDocument()
    expect(saved).toMatchObject({ Q5: [3], Q2: [1] })

    await userEvent.click(screen.getByRole('button', { name: 'Invia il questionario' }))
    const dialog = await screen.findByRole('dialog', { name: 'Inviare il questionario?' })
    await userEvent.click(within(dialog).getByRole('button', { name: 'Invia il questionario' }))
    expect(await screen.findByText('Questionario inviato')).toBeInTheDocument()
    await waitFor(() => expect(requests.some((r) => r.method === 'POST' && r.path.endsWith('/submit'))).toBe(true))
    expect(screen.queryByRole('button', { name: 'Invia il questionario' })).not.toBeInTheDocument()
  })

  it('explains an expired link instead of showing the questionnaire', async () => {
    stubApi((request) =>
      request.path === `/api/assessment-links/${TOKEN}`
        ? { status: 410, body: { error: { code: 'GONE', messageKey: 'errors.assessmentLinkExpired', message: 'Il link è scaduto.', details: {}, fields: [], requestId: 't' } } }
        : undefined,
    )
    renderPage(<SelfAssessmentPage token={TOKEN} />)
    expect(await screen.findByRole('alert')).toHaveTextContent('Il link è scaduto.')
    expect(screen.queryByRole('button', { name: 'Invia il questionario' })).not.toBeInTheDocument()
  })
})
