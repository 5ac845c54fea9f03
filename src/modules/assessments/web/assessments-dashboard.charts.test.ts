import { describe, expect, it } from 'vitest'
import { barOption, boxplotOption, IN_PROGRESS_COLOUR, VALIDATED_COLOUR, wrapLabel } from './assessments-dashboard.charts'

describe('dashboard chart options', () => {
  it('stacks validated and in-progress bars on one category axis', () => {
    const option = barOption(['T0', 'T1'], [
      { name: 'Convalidate', data: [3, 1], colour: VALIDATED_COLOUR },
      { name: 'In corso', data: [1, 0], colour: IN_PROGRESS_COLOUR },
    ])
    expect(option.xAxis).toMatchObject({ type: 'category', data: ['T0', 'T1'] })
    expect(option.series).toEqual([
      expect.objectContaining({ type: 'bar', stack: 'total', data: [3, 1] }),
      expect.objectContaining({ type: 'bar', stack: 'total', data: [1, 0] }),
    ])
    expect(option.legend?.data).toEqual(['Convalidate', 'In corso'])
  })

  it('lays a single series without legend, horizontally with the first category on top', () => {
    const option = barOption(['Antenna Bergamo', 'Sportello Dalmine'], [{ name: 'Valutazioni', data: [5, 2], colour: VALIDATED_COLOUR }], { horizontal: true })
    expect(option.legend).toBeUndefined()
    expect(option.yAxis).toMatchObject({ type: 'category', inverse: true })
    expect(option.series[0]?.stack).toBeUndefined()
  })

  it('draws one box per score from min, quartiles and max, rounded to one decimal', () => {
    const option = boxplotOption([{ label: 'D1 Strategia', min: 10, q1: 20.04, median: 33.333, q3: 50, max: 90 }, { label: 'Vuota', min: null, q1: null, median: null, q3: null, max: null }], 'Distribuzione')
    expect(option.series[0]?.data).toEqual([[10, 20, 33.3, 50, 90], [0, 0, 0, 0, 0]])
    expect(option.xAxis).toMatchObject({ min: 0, max: 100 })
  })

  it('wraps long labels on word boundaries', () => {
    expect(wrapLabel('Sportello digitale di Dalmine e valle', 16)).toBe('Sportello\ndigitale di\nDalmine e valle')
  })
})
