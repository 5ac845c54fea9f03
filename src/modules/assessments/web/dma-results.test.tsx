import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { renderPage } from '../../../web/test-utils'
import { EU_DMA_SME_2024 } from '../assessments.reference'
import { DmaRadar, DmaScoreTable, type DmaResultSeries } from './dma-results'

const t0: DmaResultSeries = {
  label: 'T0',
  dimensions: { D1: 26.666666, D2: 25.714285, D3: 19.642857, D4: 30.952380, D5: 8, D6: 20 },
  overall: 21.829365,
  band: 'basic',
  dimensionBands: { D1: 'average', D2: 'average', D3: 'basic', D4: 'average', D5: 'basic', D6: 'basic' },
}
const t1: DmaResultSeries = { ...t0, label: 'T1', dimensions: { ...t0.dimensions, D5: 52 }, overall: 29.2, band: 'average', dimensionBands: { ...t0.dimensionBands, D5: 'moderately_advanced' } }

describe('DMA results', { timeout: 20_000 }, () => {
  it('tables each stage side by side with Italian decimals and band names', async () => {
    renderPage(<DmaScoreTable instrument={EU_DMA_SME_2024} series={[t0, t1]} caption="Punteggi" />)
    const table = await screen.findByRole('table', { name: 'Punteggi' })
    const headers = within(table).getAllByRole('columnheader').map((h) => h.textContent)
    expect(headers).toEqual(['Dimensione', 'T0', 'T1'])
    const d5 = within(table).getByRole('row', { name: /D5/ })
    expect(d5).toHaveTextContent('8,0 Di base')
    expect(d5).toHaveTextContent('52,0 Moderatamente avanzato')
    expect(within(table).getByRole('row', { name: /Punteggio complessivo/ })).toHaveTextContent('21,8 Di base29,2 Medio')
  })

  it('labels the radar for screen readers with the stages it overlays', async () => {
    renderPage(<DmaRadar instrument={EU_DMA_SME_2024} series={[t0, t1]} />)
    expect(await screen.findByRole('img', { name: /Grafico radar delle sei dimensioni \(T0, T1\)/ })).toBeInTheDocument()
  })
})
