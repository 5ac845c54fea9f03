/**
 * ECharts options of the hub dashboard, as plain objects (pure, testable without a browser): bar
 * charts of counts and a box plot of the score distributions. Colours keep at least 3:1 contrast
 * on white (WCAG non-text contrast).
 */
import { DMA_SERIES_COLOURS } from '../assessments.reference'

/** Axis labels wrapped at about `width` characters, so long unit or dimension names stay inside. */
export function wrapLabel(text: string, width: number): string {
  const lines: string[] = []
  for (const word of text.split(' ')) {
    const last = lines.at(-1)
    if (last !== undefined && last.length + 1 + word.length <= width) lines[lines.length - 1] = `${last} ${word}`
    else lines.push(word)
  }
  return lines.join('\n')
}

export const VALIDATED_COLOUR = DMA_SERIES_COLOURS[0]
/** Gray 7 of Mantine: 4.6:1 on white. */
export const IN_PROGRESS_COLOUR = '#495057'

export interface BarSeries {
  name: string
  data: number[]
  colour: string
}

/** Vertical bars, stacked when several series (validated + in progress make the total). */
export function barOption(categories: readonly string[], series: readonly BarSeries[], options: { horizontal?: boolean } = {}) {
  const categoryAxis = {
    type: 'category' as const,
    data: categories.map((c) => wrapLabel(c, 22)),
    axisLabel: { color: '#343a40', fontSize: 11, lineHeight: 14, interval: 0, hideOverlap: true },
  }
  const valueAxis = { type: 'value' as const, minInterval: 1, axisLabel: { color: '#343a40' } }
  return {
    aria: { enabled: true },
    color: series.map((s) => s.colour),
    tooltip: { trigger: 'axis' as const, axisPointer: { type: 'shadow' as const } },
    legend: series.length > 1 ? { bottom: 0, data: series.map((s) => s.name) } : undefined,
    grid: { left: 8, right: 16, top: 16, bottom: series.length > 1 ? 36 : 8, containLabel: true },
    xAxis: options.horizontal ? valueAxis : categoryAxis,
    // A category axis lists from the bottom: reverse it so the first category is on top.
    yAxis: options.horizontal ? { ...categoryAxis, inverse: true } : valueAxis,
    series: series.map((s) => ({ name: s.name, type: 'bar' as const, stack: series.length > 1 ? 'total' : undefined, data: s.data, barMaxWidth: 48 })),
  }
}

export interface BoxRow {
  label: string
  min: number | null
  q1: number | null
  median: number | null
  q3: number | null
  max: number | null
}

const round1 = (v: number | null) => (v === null ? 0 : Math.round(v * 10) / 10)

/** One horizontal box per score (min, quartiles, max) on the 0-100 scale, first row on top. */
export function boxplotOption(rows: readonly BoxRow[], seriesName: string) {
  return {
    aria: { enabled: true },
    color: [VALIDATED_COLOUR],
    tooltip: { trigger: 'item' as const },
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value' as const, min: 0, max: 100, splitNumber: 5, axisLabel: { color: '#343a40' } },
    yAxis: { type: 'category' as const, inverse: true, data: rows.map((r) => wrapLabel(r.label, 28)), axisLabel: { color: '#343a40', fontSize: 11, lineHeight: 14 } },
    series: [
      {
        name: seriesName,
        type: 'boxplot' as const,
        itemStyle: { color: 'rgba(28,126,214,0.15)', borderColor: VALIDATED_COLOUR, borderWidth: 1.5 },
        data: rows.map((r) => [r.min, r.q1, r.median, r.q3, r.max].map(round1)),
      },
    ],
  }
}
