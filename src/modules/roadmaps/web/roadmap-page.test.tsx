import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { buildMe, renderPage, stubApi } from '../../../web/test-utils'
import type { Roadmap, RoadmapRecordItem } from '../roadmaps.contract'
import { RoadmapPage } from './roadmap-page'
import { RoadmapSignoffPage } from './roadmap-signoff-page'

const ID = 'f0000000-0000-4000-8000-000000000001'
const item = (n: number, over: Partial<RoadmapRecordItem> = {}): RoadmapRecordItem => ({
  id: `e0000000-0000-4000-8000-00000000000${n}`,
  actionId: `action-${n}`,
  title: { it: `Intervento ${n}`, en: `Action ${n}` },
  dimension: 'D2',
  moves: [{ dimension: 'D2', items: [`Q4.${n}`] }],
  reason: { code: 'gap', params: {}, text: { it: `Motivo ${n}`, en: `Reason ${n}` } },
  horizon: n === 3 ? 'medium' : 'quick',
  priority: 1.5,
  owner: null,
  startOn: null,
  dueOn: null,
  status: 'planned',
  note: null,
  ...over,
})

function buildRoadmap(over: Partial<Roadmap> = {}): Roadmap {
  return {
    id: ID,
    company: { id: 'c0000000-0000-4000-8000-000000000001', name: 'Officine Rota S.r.l.' },
    unitId: 'a1000000-0000-4000-8000-000000000001',
    assessment: { id: 'd0000000-0000-4000-8000-000000000001', stage: 'T0', overall: 31, assessedOn: '2026-10-01' },
    instrumentId: 'eu-dma-sme',
    catalogueVersion: '2026-r1',
    expert: { id: 'b0000000-0000-4000-8000-000000000001', name: 'Giorgio Valsecchi' },
    status: 'draft',
    version: 1,
    items: [item(1), item(2), item(3)],
    gaps: [{ dimension: 'D2', score: 20, target: 26, gap: 6, importance: 3 }],
    progress: { total: 3, done: 0, inProgress: 0, dropped: 0 },
    t1DueOn: '2027-05-01',
    t1DueOnManual: false,
    signoff: { email: null, sentAt: null, expiresAt: null, signedVersion: null, signedAt: null, signerName: null, signerRole: null },
    versions: [{ version: 1, kind: 'generated', note: null, createdBy: { id: 'b0000000-0000-4000-8000-000000000001', name: 'Giorgio Valsecchi' }, createdAt: '2026-11-01T10:00:00Z', itemCount: 3 }],
    createdAt: '2026-11-01T10:00:00Z',
    updatedAt: '2026-11-01T10:00:00Z',
    can: { edit: true, sendForSignoff: true },
    ...over,
  }
}

describe('RoadmapPage', () => {
  it('reorders, changes a status and removes an item, then saves all of it as one new version', async () => {
    const requests = stubApi((r) => {
      if (r.method === 'GET' && r.path === `/api/roadmaps/${ID}`) return { status: 200, body: buildRoadmap() }
      if (r.method === 'PUT' && r.path === `/api/roadmaps/${ID}`) return { status: 200, body: buildRoadmap({ version: 2 }) }
      return undefined
    })
    renderPage(<RoadmapPage id={ID} />, { me: buildMe() })
    expect(await screen.findByRole('heading', { level: 1, name: 'Roadmap digitale di Officine Rota S.r.l.' })).toBeInTheDocument()
    const list = screen.getByRole('list', { name: 'Interventi (3)' })
    expect(within(list).getByText('Motivo 1')).toBeInTheDocument()
    // The timeline tells each bar's period in words.
    expect(screen.getAllByRole('img', { name: /Interventi rapidi \(0–6 mesi\): dal 01\/11\/2026 al 01\/05\/2027, Da avviare/ })).toHaveLength(2)

    await userEvent.click(screen.getByRole('button', { name: 'Sposta giù «Intervento 1»' }))
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Stato di «Intervento 3»' }), 'done')
    await userEvent.click(screen.getByRole('button', { name: 'Rimuovi «Intervento 2»' }))
    await userEvent.click(await screen.findByRole('button', { name: 'Rimuovi' }))
    await waitFor(() => expect(screen.getByRole('list', { name: 'Interventi (2)' })).toBeInTheDocument())

    await userEvent.type(screen.getByRole('textbox', { name: 'Nota sulla versione (facoltativa)' }), 'Rivista in visita')
    await userEvent.click(screen.getByRole('button', { name: 'Salva come nuova versione' }))
    await waitFor(() => expect(requests.some((r) => r.method === 'PUT')).toBe(true))
    const body = requests.find((r) => r.method === 'PUT')?.body as { baseVersion: number; note: string; items: RoadmapRecordItem[] }
    expect(body.baseVersion).toBe(1)
    expect(body.note).toBe('Rivista in visita')
    expect(body.items.map((i) => [i.id, i.status])).toEqual([
      [item(1).id, 'planned'],
      [item(3).id, 'done'],
    ])
  }, 60_000)

  it('sends the roadmap for sign-off to the address typed, after checking it', async () => {
    const requests = stubApi((r) => {
      if (r.method === 'GET' && r.path === `/api/roadmaps/${ID}`) return { status: 200, body: buildRoadmap() }
      if (r.method === 'POST' && r.path === `/api/roadmaps/${ID}/signoff`) return { status: 200, body: buildRoadmap({ status: 'awaiting_signoff' }) }
      return undefined
    })
    renderPage(<RoadmapPage id={ID} />, { me: buildMe() })
    await userEvent.click(await screen.findByRole('button', { name: 'Invia per la firma' }))
    const dialog = await screen.findByRole('dialog', { name: 'Inviare la roadmap per la firma' })
    await userEvent.type(within(dialog).getByRole('textbox', { name: /Email del firmatario/ }), 'non-una-email')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Invia' }))
    expect(await within(dialog).findByText('Scrivi un indirizzo email valido.')).toBeInTheDocument()
    await userEvent.clear(within(dialog).getByRole('textbox', { name: /Email del firmatario/ }))
    await userEvent.type(within(dialog).getByRole('textbox', { name: /Email del firmatario/ }), 'titolare@rota.test')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Invia' }))
    await waitFor(() => expect(requests.find((r) => r.method === 'POST')?.body).toEqual({ email: 'titolare@rota.test', locale: 'it' }))
  }, 60_000)

  it('is read-only for readers who may not edit', async () => {
    stubApi((r) => (r.method === 'GET' && r.path === `/api/roadmaps/${ID}` ? { status: 200, body: buildRoadmap({ can: { edit: false, sendForSignoff: false } }) } : undefined))
    renderPage(<RoadmapPage id={ID} />, { me: buildMe() })
    expect(await screen.findByText('Motivo 1')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: /Sposta giù/ })).not.toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Invia per la firma' })).not.toBeInTheDocument()
  })
})

describe('RoadmapSignoffPage', () => {
  it('asks for a name and an explicit approval before signing the version read', async () => {
    const requests = stubApi((r) => {
      if (r.method === 'GET' && r.path === '/api/roadmap-signoff/tok123') {
        return { status: 200, body: { companyName: 'Officine Rota S.r.l.', instrumentId: 'eu-dma-sme', version: 2, items: [item(1)], gaps: [], t1DueOn: null, status: 'awaiting_signoff', signedAt: null, signerName: null } }
      }
      if (r.method === 'POST' && r.path === '/api/roadmap-signoff/tok123/sign') {
        return { status: 200, body: { companyName: 'Officine Rota S.r.l.', instrumentId: 'eu-dma-sme', version: 2, items: [item(1)], gaps: [], t1DueOn: null, status: 'signed', signedAt: '2026-11-20T10:00:00Z', signerName: 'Pietro Locatelli' } }
      }
      return undefined
    })
    renderPage(<RoadmapSignoffPage token="tok123" />)
    expect(await screen.findByText('1. Intervento 1')).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Firma la roadmap' }))
    expect(await screen.findByText('Scrivi nome e cognome.')).toBeInTheDocument()
    expect(screen.getByText('Conferma di aver letto e approvato la roadmap.')).toBeInTheDocument()
    await userEvent.type(screen.getByRole('textbox', { name: /Nome e cognome/ }), 'Pietro Locatelli')
    await userEvent.click(screen.getByRole('checkbox', { name: /Ho letto la roadmap/ }))
    await userEvent.click(screen.getByRole('button', { name: 'Firma la roadmap' }))
    expect(await screen.findByText(/Roadmap firmata da Pietro Locatelli/)).toBeInTheDocument()
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({ name: 'Pietro Locatelli', version: 2, accept: true })
  }, 60_000)
})
