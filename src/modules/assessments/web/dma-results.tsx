/**
 * Results of one or more assessments of a company: the radar (T0/T1/T2 overlays) and the same
 * figures as a table, which is also what screen readers get (the chart is an image to them).
 */
import { Badge, Table, VisuallyHidden } from '@mantine/core'
import { BoxplotChart, RadarChart, ScatterChart } from 'echarts/charts'
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import { init, use as registerEcharts, type EChartsCoreOption } from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'
import { useEffect, useMemo, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { formatNumber, useFormat } from '../../../web/i18n/format'
import type { Locale } from '../../identity/identity.contract'
import { DMA_DIMENSION_IDS, type DmaBandId, type DmaDimensionId } from '../assessments.contract'
import { dmaRadarOption, getDmaRules, type DmaChartSeries, type DmaInstrument } from '../assessments.reference'

registerEcharts([RadarChart, BoxplotChart, ScatterChart, GridComponent, LegendComponent, TooltipComponent, AriaComponent, SVGRenderer])

export interface DmaResultSeries extends DmaChartSeries {
  overall: number
  band: DmaBandId
  dimensionBands: Record<DmaDimensionId, DmaBandId>
}

// Shade 9: outline text keeps 4.5:1 on white (axe, WCAG AA).
const BAND_COLOURS: Record<DmaBandId, string> = { basic: 'red.9', average: '#a63a00', moderately_advanced: 'blue.9', advanced: 'teal.9' }

/** One decimal, in the user's locale ("21,8"). */
export function formatScore(score: number, locale: Locale): string {
  return formatNumber(score, locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 })
}

export function DmaBandBadge({ band }: { band: DmaBandId }) {
  const { locale } = useFormat()
  const label = getDmaRules().bands.find((b) => b.id === band)?.label[locale] ?? band
  return (
    <Badge variant="outline" color={BAND_COLOURS[band]} autoContrast>
      {label}
    </Badge>
  )
}

/**
 * An ECharts option drawn as SVG in a wrapper that carries the accessible name (ECharts writes its
 * own aria attributes on the element it draws in); a table beside it carries the figures.
 */
export function EChart({ option, label, height, testId }: { option: EChartsCoreOption; label: string; height: number; testId?: string }) {
  const ref = useRef<HTMLDivElement>(null)
  // Options are often rebuilt on every render: redraw only when their content changes.
  const json = JSON.stringify(option)
  useEffect(() => {
    const element = ref.current
    // jsdom has no layout: the table carries the figures there.
    if (!element || typeof window === 'undefined' || navigator.userAgent.includes('jsdom')) return
    const chart = init(element, undefined, { renderer: 'svg' })
    chart.setOption(JSON.parse(json) as EChartsCoreOption)
    const resize = () => chart.resize()
    window.addEventListener('resize', resize)
    return () => {
      window.removeEventListener('resize', resize)
      chart.dispose()
    }
  }, [json])
  return (
    <div role="img" aria-label={label} data-testid={testId}>
      <div ref={ref} aria-hidden="true" style={{ width: '100%', height }} />
    </div>
  )
}

export function DmaRadar({ instrument, series }: { instrument: DmaInstrument; series: readonly DmaChartSeries[] }) {
  const { t } = useTranslation()
  const { locale } = useFormat()
  const option = useMemo(() => dmaRadarOption(instrument, series, locale), [instrument, series, locale])
  return <EChart option={option} label={t('assessments.results.radarLabel', { stages: series.map((s) => s.label).join(', ') })} height={360} testId="dma-radar" />
}

export function DmaScoreTable({ instrument, series, caption }: { instrument: DmaInstrument; series: readonly DmaResultSeries[]; caption: string }) {
  const { t } = useTranslation()
  const { locale } = useFormat()
  return (
    <Table.ScrollContainer minWidth={320}>
      <Table striped>
        <VisuallyHidden component="caption">{caption}</VisuallyHidden>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('assessments.results.dimension')}</Table.Th>
            {series.map((s) => (
              <Table.Th scope="col" key={s.label}>
                {s.label}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {DMA_DIMENSION_IDS.map((id) => (
            <Table.Tr key={id}>
              <Table.Th scope="row" fw={400}>
                {id} · {instrument.dimensions.find((d) => d.id === id)?.name[locale]}
              </Table.Th>
              {series.map((s) => (
                <Table.Td key={s.label}>
                  {formatScore(s.dimensions[id], locale)} <DmaBandBadge band={s.dimensionBands[id]} />
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
          <Table.Tr>
            <Table.Th scope="row">{t('assessments.results.overall')}</Table.Th>
            {series.map((s) => (
              <Table.Td key={s.label} fw={700}>
                {formatScore(s.overall, locale)} <DmaBandBadge band={s.band} />
              </Table.Td>
            ))}
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
