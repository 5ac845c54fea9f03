/**
 * The benchmark section of a validated assessment: where the company sits among similar companies
 * (percentile per dimension and overall) and the group's spread as box plots. The table carries the
 * same figures for screen readers; a group under the k-anonymity floor is never shown, and the
 * section says why.
 */
import { Alert, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { useFormat } from '../../../web/i18n/format'
import { LoadingState } from '../../../web/ui/loading-state'
import { QueryError } from '../../../web/ui/query-error'
import { ATECO_2007_SECTIONS } from '../../companies/companies.contract'
import { REGIONS } from '../../territory/territory.contract'
import { DMA_DIMENSION_IDS, type AssessmentBenchmark } from '../assessments.contract'
import { dmaBenchmarkOption, type DmaInstrument } from '../assessments.reference'
import { useAssessmentBenchmark } from './assessments.queries'
import { EChart, formatScore } from './dma-results'

export function AssessmentBenchmarkSection({ assessmentId, instrument, validated }: { assessmentId: string; instrument: DmaInstrument; validated: boolean }) {
  const { t } = useTranslation()
  const query = useAssessmentBenchmark(assessmentId, validated)
  if (!validated) return null
  return (
    <Stack gap="sm" component="section" aria-labelledby="benchmark-title">
      <Title order={3} id="benchmark-title">
        {t('assessments.benchmark.title')}
      </Title>
      {query.isPending ? (
        <LoadingState />
      ) : query.error ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.benchmark ? (
        <BenchmarkView benchmark={query.data.benchmark} instrument={instrument} minimumGroupSize={query.data.minimumGroupSize} />
      ) : (
        <Alert variant="light" color="gray">
          {t('assessments.benchmark.unavailable', { n: query.data.minimumGroupSize })}
        </Alert>
      )}
    </Stack>
  )
}

function useGroupLabel(benchmark: AssessmentBenchmark): string {
  const { t } = useTranslation()
  const { locale } = useFormat()
  const { atecoSection, sizeClass, regionCode } = benchmark.group
  const parts: string[] = []
  if (atecoSection) parts.push(ATECO_2007_SECTIONS.find((s) => s.code === atecoSection)?.[locale] ?? `ATECO ${atecoSection}`)
  if (sizeClass) parts.push(t(`assessments.benchmark.sizes.${sizeClass as 'micro' | 'small' | 'medium' | 'large'}`))
  if (regionCode) parts.push(REGIONS.find((r) => r.code === regionCode)?.name ?? regionCode)
  return parts.length > 0 ? parts.join(' · ') : t('assessments.benchmark.everyone')
}

function BenchmarkView({ benchmark, instrument, minimumGroupSize }: { benchmark: AssessmentBenchmark; instrument: DmaInstrument; minimumGroupSize: number }) {
  const { t } = useTranslation()
  const { locale, number } = useFormat()
  const group = useGroupLabel(benchmark)
  const labels = useMemo(
    () => ({ overall: t('assessments.results.overall'), group: t('assessments.benchmark.groupSeries'), company: t('assessments.benchmark.companySeries') }),
    [t],
  )
  const option = useMemo(
    () => dmaBenchmarkOption(instrument, { scores: benchmark.scores, distribution: benchmark.distribution, labels }, locale),
    [instrument, benchmark, labels, locale],
  )
  const rows = [...DMA_DIMENSION_IDS, 'overall'] as const
  const nameOf = (key: (typeof rows)[number]) => (key === 'overall' ? labels.overall : `${key} · ${instrument.dimensions.find((d) => d.id === key)?.name[locale] ?? key}`)
  const percentile = (value: number) => number(Math.round(value))
  return (
    <Stack gap="sm">
      <Text>
        {t('assessments.benchmark.summary', { group, size: number(benchmark.size), p: percentile(benchmark.percentiles.overall ?? 0) })}
      </Text>
      {benchmark.level !== 'section_size_region' && (
        <Text size="sm" c="dimmed">
          {t('assessments.benchmark.fallback')}
        </Text>
      )}
      <EChart option={option} height={340} testId="dma-benchmark" label={t('assessments.benchmark.chartLabel', { group })} />
      <Table.ScrollContainer minWidth={480}>
        <Table striped>
          <VisuallyHidden component="caption">{t('assessments.benchmark.tableCaption', { group })}</VisuallyHidden>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('assessments.results.dimension')}</Table.Th>
              <Table.Th scope="col">{t('assessments.benchmark.score')}</Table.Th>
              <Table.Th scope="col">{t('assessments.benchmark.percentile')}</Table.Th>
              <Table.Th scope="col">{t('assessments.benchmark.median')}</Table.Th>
              <Table.Th scope="col">{t('assessments.benchmark.middle')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((key) => {
              const spread = benchmark.distribution[key]
              return (
                <Table.Tr key={key}>
                  <Table.Th scope="row" fw={key === 'overall' ? 700 : 400}>
                    {nameOf(key)}
                  </Table.Th>
                  <Table.Td>{formatScore(benchmark.scores[key] ?? 0, locale)}</Table.Td>
                  <Table.Td>{t('assessments.benchmark.percentileValue', { p: percentile(benchmark.percentiles[key] ?? 0) })}</Table.Td>
                  <Table.Td>{spread ? formatScore(spread.median, locale) : '—'}</Table.Td>
                  <Table.Td>{spread ? `${formatScore(spread.q1, locale)} – ${formatScore(spread.q3, locale)}` : '—'}</Table.Td>
                </Table.Tr>
              )
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text size="xs" c="dimmed">
        {t('assessments.benchmark.note', { n: minimumGroupSize })}
      </Text>
    </Stack>
  )
}
