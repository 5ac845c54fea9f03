import { describe, expect, it } from 'vitest'
import { EU_DMA_PSO_2024 } from './eu-dma-pso-2024.instrument'
import { dmaRadarOption } from './dma.chart'

describe('dmaRadarOption', () => {
  it('has one axis per dimension on 0-100 and one series entry per stage, rounded to one decimal', () => {
    const option = dmaRadarOption(
      EU_DMA_PSO_2024,
      [
        { label: 'T0', dimensions: { D1: 10.04, D2: 20, D3: 30, D4: 40, D5: 50.06, D6: 60 } },
        { label: 'T1', dimensions: { D1: 15, D2: 25, D3: 35, D4: 45, D5: 55, D6: 65 } },
      ],
      'en',
    )
    expect(option.radar.indicator).toHaveLength(6)
    expect(option.radar.indicator[4]).toEqual({ name: 'D5\nInteroperability', max: 100, min: 0 })
    expect(option.radar.indicator[2]?.name).toBe('D3 Human-centric\ndigitalisation')
    expect(option.series[0]?.data.map((d) => d.name)).toEqual(['T0', 'T1'])
    expect(option.series[0]?.data[0]?.value).toEqual([10, 20, 30, 40, 50.1, 60])
    expect(option.legend.data).toEqual(['T0', 'T1'])
  })
})
