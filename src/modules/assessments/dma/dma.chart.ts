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

export interface DmaBenchmarkSpread {
  p10: number
  q1: number
  median: number
  q3: number
  p90: number
}

export interface DmaBenchmarkChartInput {
  /** Keyed by 'overall' and D1..D6. */
  scores: Record<string, number>
  distribution: Record<string, DmaBenchmarkSpread>
  /** Legend texts, already translated. */
  labels: { overall: string; group: string; company: string }
}

const round1 = (value: number) => Math.round(value * 10) / 10

/**
 * The peer group's spread per dimension and overall as horizontal box plots (whiskers at the 10th
 * and 90th percentiles), with the company's own score as a marker on each row. Isomorphic, like
 * the radar: the page draws it and the PDF report renders the same option to SVG.
 */
export function dmaBenchmarkOption(instrument: DmaInstrument, input: DmaBenchmarkChartInput, locale: 'it' | 'en', options: { animation?: boolean } = {}) {
  const keys = [...DMA_DIMENSION_IDS, 'overall'] as const
  const name = (key: (typeof keys)[number]) => (key === 'overall' ? input.labels.overall : `${key} ${instrument.dimensions.find((d) => d.id === key)?.name[locale] ?? key}`)
  // Top to bottom D1..D6 then overall: a category axis lists from the bottom, so reverse it.
  const rows = [...keys].reverse()
  return {
    animation: options.animation ?? true,
    aria: { enabled: true },
    color: [DMA_SERIES_COLOURS[0], DMA_SERIES_COLOURS[1]],
    legend: { bottom: 0, data: [input.labels.group, input.labels.company] },
    tooltip: { trigger: 'item' as const },
    grid: { left: 8, right: 24, top: 8, bottom: 40, containLabel: true },
    xAxis: { type: 'value' as const, min: 0, max: 100, interval: 20 },
    yAxis: { type: 'category' as const, data: rows.map((key) => wrapLabel(name(key), 28)), axisLabel: { color: '#343a40', fontSize: 11, lineHeight: 14 } },
    series: [
      {
        name: input.labels.group,
        type: 'boxplot' as const,
        itemStyle: { color: 'rgba(28,126,214,0.12)', borderColor: DMA_SERIES_COLOURS[0] },
        data: rows.map((key) => {
          const s = input.distribution[key] ?? { p10: 0, q1: 0, median: 0, q3: 0, p90: 0 }
          return [s.p10, s.q1, s.median, s.q3, s.p90].map(round1)
        }),
      },
      {
        name: input.labels.company,
        type: 'scatter' as const,
        symbol: 'diamond',
        symbolSize: 14,
        itemStyle: { color: DMA_SERIES_COLOURS[1] },
        data: rows.map((key, index) => [round1(input.scores[key] ?? 0), index]),
      },
    ],
  }
}
