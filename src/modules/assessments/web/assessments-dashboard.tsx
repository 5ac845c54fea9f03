/**
 * The "Cruscotto" tab of /assessments: KPI cards, counts by month, stage, mode and unit, the score
 * distributions (box plot per dimension, histogram of the overall score) and the T0 → T1 deltas
 * per company. Every chart is an image to screen readers, with its figures in a data table that
 * anyone can open below it.
 */
import { Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core'
import { BarChart, BoxplotChart } from 'echarts/charts'
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import { use as registerEcharts } from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'
import { type ReactNode, useId } from 'react'
import { useTranslation } from 'react-i18next'
import { useFormat } from '../../../web/i18n/format'
import { EmptyState } from '../../../web/ui/empty-state'
import { LoadingState } from '../../../web/ui/loading-state'
import { QueryError } from '../../../web/ui/query-error'
import { AnchorLink } from '../../../web/ui/router-links'
import type { Locale } from '../../identity/identity.contract'
import { DMA_DIMENSION_IDS, type AssessmentDashboard, type AssessmentDistribution } from '../assessments.contract'
import { getDmaInstrument } from '../assessments.reference'
import { barOption, boxplotOption, IN_PROGRESS_COLOUR, VALIDATED_COLOUR } from './assessments-dashboard.charts'
import { EChart } from './dma-results'
import { DELTA_PAGE_SIZE, type AssessmentsHubSearch, useAssessmentsDashboard } from './assessments-hub.queries'

registerEcharts([BarChart, BoxplotChart, GridComponent, LegendComponent, TooltipComponent, AriaComponent, SVGRenderer])

const MONTHS: Record<Locale, Intl.DateTimeFormat> = {
  it: new Intl.DateTimeFormat('it-IT', { month: 'short', year: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' }),
}
/** "2026-03" → "mar 2026". */
export function monthLabel(month: string, locale: Locale): string {
  return MONTHS[locale].format(new Date(`${month}-01T00:00:00Z`))
}

/** The months from the first to the last, those without assessments as zeros (a gap reads as a gap). */
export function fillMonths<T extends { month: string; count: number; validated: number }>(months: readonly T[]): { month: string; count: number; validated: number }[] {
  const first = months[0]
  const last = months.at(-1)
  if (!first || !last) return []
  const byMonth = new Map(months.map((m) => [m.month, m]))
  const filled: { month: string; count: number; validated: number }[] = []
  let [year, month] = first.month.split('-').map(Number) as [number, number]
  // Bounded: a malformed month cannot loop for ever.
  for (let i = 0; i < 1200; i++) {
    const key = `${year}-${String(month).padStart(2, '0')}`
    const hit = byMonth.get(key)
    filled.push({ month: key, count: hit?.count ?? 0, validated: hit?.validated ?? 0 })
    if (key >= last.month) break
    month += 1
    if (month > 12) {
      month = 1
      year += 1
    }
  }
  return filled
}

interface Column<Row> {
  header: ReactNode
  cell: (row: Row) => ReactNode
  /** The row's header cell (its name). */
  rowHeader?: boolean
}

/** A small table of figures (a chart's data, the deltas). */
function FiguresTable<Row>({ caption, columns, rows, rowKey, visibleCaption = false }: { caption: string; columns: Column<Row>[]; rows: readonly Row[]; rowKey: (row: Row) => string; visibleCaption?: boolean }) {
  return (
    <Table.ScrollContainer minWidth={360}>
      <Table striped withTableBorder={false} verticalSpacing={4} fz="sm">
        {visibleCaption ? <caption>{caption}</caption> : <VisuallyHidden component="caption">{caption}</VisuallyHidden>}
        <Table.Thead>
          <Table.Tr>
            {columns.map((column, index) => (
              <Table.Th key={index} scope="col">
                {column.header}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={rowKey(row)}>
              {columns.map((column, index) =>
                column.rowHeader ? (
                  <Table.Th key={index} scope="row" fw={400}>
                    {column.cell(row)}
                  </Table.Th>
                ) : (
                  <Table.Td key={index}>{column.cell(row)}</Table.Td>
                ),
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}

/** A titled chart card: the chart (an image with a label) and its figures in a disclosure. */
function ChartCard({ title, children, table }: { title: string; children: ReactNode; table: ReactNode }) {
  const { t } = useTranslation()
  const titleId = useId()
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={titleId}>
      <Title order={3} size="h5" id={titleId} mb="xs">
        {title}
      </Title>
      {children}
      <details>
        <summary style={{ cursor: 'pointer', fontSize: 'var(--mantine-font-size-sm)' }}>{t('assessments.hub.dashboard.showData')}</summary>
        {table}
      </details>
    </Paper>
  )
}

function Kpi({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <Paper withBorder p="md" radius="md">
      <Text size="sm" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text fz={28} fw={700} lh={1.3}>
        {value}
      </Text>
      {hint ? (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      ) : null}
    </Paper>
  )
}

interface CountRow {
  key: string
  label: string
  count: number
  validated: number
}

function CountsChart({ title, rows, horizontal }: { title: string; rows: CountRow[]; horizontal?: boolean }) {
  const { t } = useTranslation()
  const format = useFormat()
  const validatedName = t('assessments.hub.dashboard.validated')
  const inProgressName = t('assessments.hub.dashboard.inProgress')
  const option = barOption(
    rows.map((r) => r.label),
    [
      { name: validatedName, data: rows.map((r) => r.validated), colour: VALIDATED_COLOUR },
      { name: inProgressName, data: rows.map((r) => r.count - r.validated), colour: IN_PROGRESS_COLOUR },
    ],
    { horizontal },
  )
  const height = horizontal ? Math.max(160, 40 + rows.length * 36) : 260
  return (
    <ChartCard
      title={title}
      table={
        <FiguresTable
          caption={title}
          rows={rows}
          rowKey={(r) => r.key}
          columns={[
            { header: t('assessments.hub.dashboard.category'), cell: (r) => r.label, rowHeader: true },
            { header: validatedName, cell: (r) => format.number(r.validated) },
            { header: inProgressName, cell: (r) => format.number(r.count - r.validated) },
            { header: t('assessments.hub.dashboard.total'), cell: (r) => format.number(r.count) },
          ]}
        />
      }
    >
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('assessments.hub.dashboard.noData')}
        </Text>
      ) : (
        <EChart option={option} label={t('assessments.hub.dashboard.chartLabel', { title })} height={height} />
      )}
    </ChartCard>
  )
}

export function AssessmentsDashboard({ search, onSearchChange }: { search: AssessmentsHubSearch; onSearchChange: (next: AssessmentsHubSearch) => void }) {
  const { t } = useTranslation()
  const format = useFormat()
  const { locale } = format
  const dashboard = useAssessmentsDashboard(search)
  if (dashboard.isPending) return <LoadingState />
  if (dashboard.error) return <QueryError error={dashboard.error} onRetry={() => void dashboard.refetch()} />
  const data = dashboard.data
  if (data.counts.total === 0) {
    return <EmptyState title={t('assessments.hub.dashboard.emptyTitle')} description={t('assessments.hub.dashboard.emptyText')} />
  }
  const { counts, deltas } = data
  const stageValidated = (stage: 'T0' | 'T1') => counts.byStage.find((s) => s.stage === stage)?.validated ?? 0
  const signed = (v: number) => format.number(v, { signDisplay: 'exceptZero', minimumFractionDigits: 1, maximumFractionDigits: 1 })

  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
        <Kpi
          label={t('assessments.hub.dashboard.kpiValidated')}
          value={format.number(counts.validated)}
          hint={t('assessments.hub.dashboard.kpiValidatedHint', { total: format.number(counts.total) })}
        />
        <Kpi label={t('assessments.hub.dashboard.kpiT0')} value={format.number(stageValidated('T0'))} />
        <Kpi label={t('assessments.hub.dashboard.kpiT1')} value={format.number(stageValidated('T1'))} />
        <Kpi
          label={t('assessments.hub.dashboard.kpiDelta')}
          value={deltas.average ? signed(deltas.average.overall) : '—'}
          hint={
            deltas.average && deltas.improvedShare !== null
              ? t('assessments.hub.dashboard.kpiDeltaHint', {
                  count: deltas.companies,
                  companies: format.number(deltas.companies),
                  share: format.number(deltas.improvedShare, { style: 'percent', maximumFractionDigits: 0 }),
                })
              : t('assessments.hub.dashboard.kpiDeltaNone')
          }
        />
      </SimpleGrid>

      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <CountsChart
          title={t('assessments.hub.dashboard.byMonth')}
          rows={fillMonths(counts.byMonth).map((m) => ({ key: m.month, label: monthLabel(m.month, locale), count: m.count, validated: m.validated }))}
        />
        <CountsChart
          title={t('assessments.hub.dashboard.byStage')}
          rows={counts.byStage.map((s) => ({ key: s.stage, label: s.stage, count: s.count, validated: s.validated }))}
        />
        <CountsChart
          title={t('assessments.hub.dashboard.byMode')}
          rows={counts.byMode.map((m) => ({ key: m.mode, label: t(`assessments.modes.${m.mode}`), count: m.count, validated: m.validated }))}
        />
        <CountsChart
          title={t('assessments.hub.dashboard.byUnit')}
          horizontal
          rows={counts.byUnit.map((u) => ({ key: u.unitId, label: u.unitName, count: u.count, validated: u.validated }))}
        />
      </SimpleGrid>

      <Distribution distribution={data.distribution} instrumentId={search.instrument} />

      <Deltas deltas={deltas} page={Math.max(1, search.deltaPage ?? 1)} onPage={(deltaPage) => onSearchChange({ ...search, deltaPage: deltaPage > 1 ? deltaPage : undefined })} />
    </Stack>
  )
}

function Distribution({ distribution, instrumentId }: { distribution: AssessmentDistribution[]; instrumentId?: AssessmentsHubSearch['instrument'] }) {
  const { t } = useTranslation()
  const format = useFormat()
  const { locale } = format
  // Both questionnaires have the same six dimensions; their names come from the chosen one.
  const instrument = getDmaInstrument(instrumentId ?? 'eu-dma-sme')
  const label = (id: AssessmentDistribution['id']) =>
    id === 'overall' ? t('assessments.results.overall') : `${id} ${instrument.dimensions.find((d) => d.id === id)?.name[locale] ?? ''}`
  const ordered = [...DMA_DIMENSION_IDS, 'overall' as const].flatMap((id) => distribution.find((d) => d.id === id) ?? [])
  const n = ordered.find((d) => d.id === 'overall')?.n ?? 0
  const score = (v: number | null) => (v === null ? '—' : format.number(v, { minimumFractionDigits: 1, maximumFractionDigits: 1 }))
  const boxTitle = t('assessments.hub.dashboard.distribution', { count: n, n: format.number(n) })
  const overall = ordered.find((d) => d.id === 'overall')
  const bins = Array.from({ length: 10 }, (_, i) => `${i * 10}–${i === 9 ? 100 : i * 10 + 10}`)
  const histogramTitle = t('assessments.hub.dashboard.histogram')
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
      <ChartCard
        title={boxTitle}
        table={
          <FiguresTable
            caption={boxTitle}
            rows={ordered}
            rowKey={(d) => d.id}
            columns={[
              { header: t('assessments.results.dimension'), cell: (d) => label(d.id), rowHeader: true },
              { header: t('assessments.hub.dashboard.min'), cell: (d) => score(d.min) },
              { header: t('assessments.hub.dashboard.q1'), cell: (d) => score(d.q1) },
              { header: t('assessments.hub.dashboard.median'), cell: (d) => score(d.median) },
              { header: t('assessments.hub.dashboard.q3'), cell: (d) => score(d.q3) },
              { header: t('assessments.hub.dashboard.max'), cell: (d) => score(d.max) },
              { header: t('assessments.hub.dashboard.mean'), cell: (d) => score(d.mean) },
            ]}
          />
        }
      >
        {n === 0 ? (
          <Text size="sm" c="dimmed">
            {t('assessments.hub.dashboard.noData')}
          </Text>
        ) : (
          <EChart
            option={boxplotOption(ordered.map((d) => ({ ...d, label: label(d.id) })), boxTitle)}
            label={t('assessments.hub.dashboard.chartLabel', { title: boxTitle })}
            height={360}
          />
        )}
      </ChartCard>
      <ChartCard
        title={histogramTitle}
        table={
          <FiguresTable
            caption={histogramTitle}
            rows={bins.map((bin, i) => ({ bin, count: overall?.histogram[i] ?? 0 }))}
            rowKey={(r) => r.bin}
            columns={[
              { header: t('assessments.hub.dashboard.scoreRange'), cell: (r) => r.bin, rowHeader: true },
              { header: t('assessments.hub.dashboard.assessments'), cell: (r) => format.number(r.count) },
            ]}
          />
        }
      >
        {n === 0 ? (
          <Text size="sm" c="dimmed">
            {t('assessments.hub.dashboard.noData')}
          </Text>
        ) : (
          <EChart
            option={barOption(bins, [{ name: t('assessments.hub.dashboard.assessments'), data: overall?.histogram ?? [], colour: VALIDATED_COLOUR }])}
            label={t('assessments.hub.dashboard.chartLabel', { title: histogramTitle })}
            height={360}
          />
        )}
      </ChartCard>
    </SimpleGrid>
  )
}

function Deltas({ deltas, page, onPage }: { deltas: AssessmentDashboard['deltas']; page: number; onPage: (page: number) => void }) {
  const { t } = useTranslation()
  const format = useFormat()
  const titleId = useId()
  const pages = Math.max(1, Math.ceil(deltas.companies / DELTA_PAGE_SIZE))
  const signed = (v: number) => format.number(v, { signDisplay: 'exceptZero', minimumFractionDigits: 1, maximumFractionDigits: 1 })
  const title = t('assessments.hub.dashboard.deltasTitle')
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={titleId}>
      <Title order={3} size="h5" id={titleId} mb={4}>
        {title}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('assessments.hub.dashboard.deltasHint')}
      </Text>
      {deltas.items.length === 0 ? (
        <EmptyState title={t('assessments.hub.dashboard.deltasEmpty')} description={t('assessments.hub.dashboard.deltasEmptyHint')} />
      ) : (
        <>
          <FiguresTable
            caption={title}
            rows={deltas.items}
            rowKey={(d) => `${d.companyId}:${d.instrument}`}
            columns={[
              {
                header: t('assessments.hub.list.company'),
                rowHeader: true,
                cell: (d) => (
                  <AnchorLink to="/companies/$companyId" params={{ companyId: d.companyId }}>
                    {d.companyName}
                  </AnchorLink>
                ),
              },
              {
                header: t('assessments.hub.dashboard.t0t1'),
                cell: (d) => (
                  <Group gap={4} wrap="nowrap">
                    <AnchorLink to="/assessments/$id" params={{ id: d.t0Id }}>
                      <VisuallyHidden>T0</VisuallyHidden>{' '}
                      {format.number(d.t0Overall, { minimumFractionDigits: 1, maximumFractionDigits: 1 })}
                    </AnchorLink>
                    <span aria-hidden="true">→</span>
                    <AnchorLink to="/assessments/$id" params={{ id: d.t1Id }}>
                      <VisuallyHidden>T1</VisuallyHidden>{' '}
                      {format.number(d.t1Overall, { minimumFractionDigits: 1, maximumFractionDigits: 1 })}
                    </AnchorLink>
                  </Group>
                ),
              },
              ...DMA_DIMENSION_IDS.map((id) => ({ header: `Δ${id}`, cell: (d: (typeof deltas.items)[number]) => signed(d.delta[id]) })),
              {
                header: t('assessments.hub.dashboard.deltaOverall'),
                cell: (d) => (
                  <Text span fw={700} size="sm" c={d.delta.overall > 0 ? 'teal.9' : d.delta.overall < 0 ? 'red.9' : undefined}>
                    {signed(d.delta.overall)}
                  </Text>
                ),
              },
            ]}
          />
          {deltas.average ? (
            <Text size="sm" mt="xs">
              {t('assessments.hub.dashboard.deltasAverage', {
                overall: signed(deltas.average.overall),
                dimensions: DMA_DIMENSION_IDS.map((id) => `${id} ${signed(deltas.average?.[id] ?? 0)}`).join(' · '),
              })}
            </Text>
          ) : null}
          {pages > 1 ? (
            <Group justify="center" mt="md" gap="sm">
              <Button variant="default" size="xs" disabled={page <= 1} onClick={() => onPage(page - 1)}>
                {t('assessments.hub.dashboard.previous')}
              </Button>
              <Text size="sm" role="status">
                {t('assessments.hub.dashboard.page', { page: format.number(page), pages: format.number(pages) })}
              </Text>
              <Button variant="default" size="xs" disabled={page >= pages} onClick={() => onPage(page + 1)}>
                {t('assessments.hub.dashboard.next')}
              </Button>
            </Group>
          ) : null}
        </>
      )}
    </Paper>
  )
}
