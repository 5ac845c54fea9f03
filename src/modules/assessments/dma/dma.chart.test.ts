import { describe, expect, it } from 'vitest'
import { EU_DMA_PSO_2024 } from './eu-dma-pso-2024.instrument'
import { EU_DMA_SME_2024 } from './eu-dma-sme-2024.instrument'
import { dmaBenchmarkOption, dmaRadarOption } from './dma.chart'

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

describe('dmaBenchmarkOption', () => {
  const spread = (m: number) => ({ p10: m - 20, q1: m - 10.04, median: m, q3: m + 10, p90: m + 20 })
  const option = dmaBenchmarkOption(
    EU_DMA_SME_2024,
    {
      scores: { overall: 41.26, D1: 10, D2: 20, D3: 30, D4: 40, D5: 50, D6: 60 },
      distribution: { overall: spread(45), D1: spread(30), D2: spread(31), D3: spread(32), D4: spread(33), D5: spread(34), D6: spread(35) },
      labels: { overall: 'Overall', group: 'Similar companies', company: 'This company' },
    },
    'en',
  )

  it('draws D1 at the top and the overall score at the bottom, on 0-100', () => {
    expect(option.xAxis).toMatchObject({ min: 0, max: 100 })
    expect(option.yAxis.data[0]).toBe('Overall')
    expect(option.yAxis.data.at(-1)).toMatch(/^D1 /)
  })

  it('gives each row its box (10th, 25th, 50th, 75th, 90th percentiles) and the company marker on the same row', () => {
    const [boxes, marker] = option.series
    expect(boxes?.data[0]).toEqual([25, 35, 45, 55, 65])
    expect(boxes?.data.at(-1)).toEqual([10, 20, 30, 40, 50])
    expect(marker?.data[0]).toEqual([41.3, 0])
    expect(marker?.data.at(-1)).toEqual([10, 6])
    expect(option.legend.data).toEqual(['Similar companies', 'This company'])
  })
})
