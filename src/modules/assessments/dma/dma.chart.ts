/**
 * The radar of an assessment's six dimensions, with one series per stage (T0, T1, T2 overlays), as
 * a plain ECharts option object: the web app draws it in the browser and the PDF report renders the
 * same option to SVG on the server, so both show the same chart. Isomorphic: no ECharts import here.
 */
import { DMA_DIMENSION_IDS, type DmaDimensionId } from '../assessments.contract'
import type { DmaInstrument } from './dma.types'

export interface DmaChartSeries {
  /** Legend label, e.g. "T0 · 12/03/2026". */
  label: string
  dimensions: Record<DmaDimensionId, number>
}

/** Colours with at least 3:1 contrast on white (WCAG non-text contrast), one per stage. */
export const DMA_SERIES_COLOURS = ['#1c7ed6', '#e8590c', '#2b8a3e'] as const

/** Axis names wrapped at about `width` characters, so long dimension names stay inside the chart. */
export function wrapLabel(text: string, width = 18): string {
  const lines: string[] = []
  for (const word of text.split(' ')) {
    const last = lines.at(-1)
    if (last !== undefined && last.length + 1 + word.length <= width) lines[lines.length - 1] = `${last} ${word}`
    else lines.push(word)
  }
  return lines.join('\n')
}

export function dmaRadarOption(instrument: DmaInstrument, series: readonly DmaChartSeries[], locale: 'it' | 'en', options: { animation?: boolean; radius?: string } = {}) {
  return {
    animation: options.animation ?? true,
    aria: { enabled: true },
    color: [...DMA_SERIES_COLOURS],
    legend: { bottom: 0, data: series.map((s) => s.label) },
    tooltip: {},
    radar: {
      radius: options.radius ?? '62%',
      center: ['50%', '48%'],
      indicator: DMA_DIMENSION_IDS.map((id) => ({ name: wrapLabel(`${id} ${instrument.dimensions.find((d) => d.id === id)?.name[locale] ?? id}`), max: 100, min: 0 })),
      axisName: { color: '#343a40', fontSize: 11, lineHeight: 14 },
      splitNumber: 4,
    },
    series: [
      {
        type: 'radar' as const,
        data: series.map((s, index) => ({
          name: s.label,
          value: DMA_DIMENSION_IDS.map((d) => Math.round(s.dimensions[d] * 10) / 10),
          areaStyle: { opacity: index === series.length - 1 ? 0.25 : 0.08 },
        })),
      },
    ],
  }
}
