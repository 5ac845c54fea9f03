/**
 * The "Valutazioni" tab of a company: its DMA assessments (every stage and status), the radar of
 * its validated stages (T0/T1/T2 overlaid), and starting a new one.
 */
import { Button, Group, Modal, Select, Stack, Table, Text } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { useQueries } from '@tanstack/react-query'
import { useNavigate } from '@tanstack/react-router'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Company } from '../../companies/companies.contract'
import { api } from '../../../web/api-client'
import { useFormat } from '../../../web/i18n/format'
import { EmptyState } from '../../../web/ui/empty-state'
import { LoadingState } from '../../../web/ui/loading-state'
import { QueryError } from '../../../web/ui/query-error'
import { AnchorLink } from '../../../web/ui/router-links'
import { notifyError } from '../../../web/ui/notify'
import { StatusBadge, type BadgeTone } from '../../../web/ui/status-badge'
import { ASSESSMENT_STAGES, type Assessment, type AssessmentSummary } from '../assessments.contract'
import { getDmaInstrument } from '../assessments.reference'
import { assessmentKeys, useCompanyAssessments, useCreateAssessment, useExpertsForAssessor } from './assessments.queries'
import { DmaBandBadge, DmaRadar, DmaScoreTable, formatScore, type DmaResultSeries } from './dma-results'

const STATUS_TONES: Record<AssessmentSummary['status'], BadgeTone> = { draft: 'neutral', submitted: 'info', validated: 'positive', superseded: 'neutral' }

/** The latest validated assessment of each stage, oldest stage first: the radar's series. */
export function validatedStages(items: readonly AssessmentSummary[]): AssessmentSummary[] {
  const byStage = new Map<string, AssessmentSummary>()
  for (const item of items) {
    if (item.status !== 'validated') continue
    const current = byStage.get(item.stage)
    if (!current || (item.validatedAt ?? '') > (current.validatedAt ?? '')) byStage.set(item.stage, item)
  }
  return ASSESSMENT_STAGES.flatMap((stage) => byStage.get(stage) ?? [])
}

export function CompanyAssessmentsPanel({ company }: { company: Company }) {
  const { t } = useTranslation()
  const format = useFormat()
  const { locale } = format
  const list = useCompanyAssessments(company.id)
  const [opened, { open, close }] = useDisclosure(false)
  if (list.isPending) return <LoadingState />
  if (list.error) return <QueryError error={list.error} onRetry={() => void list.refetch()} />
  const items = list.data.items
  const validated = validatedStages(items)
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text fw={600} component="h2" size="lg">
          {t('assessments.panel.title')}
        </Text>
        <Button onClick={open}>{t('assessments.panel.new')}</Button>
      </Group>
      {items.length === 0 ? (
        <EmptyState title={t('assessments.panel.emptyTitle')} description={t('assessments.panel.emptyText')} />
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('assessments.fields.stage')}</Table.Th>
                <Table.Th>{t('assessments.fields.mode')}</Table.Th>
                <Table.Th>{t('assessments.fields.status')}</Table.Th>
                <Table.Th>{t('assessments.fields.overall')}</Table.Th>
                <Table.Th>{t('assessments.fields.date')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => (
                <Table.Tr key={item.id}>
                  <Table.Td>
                    <AnchorLink to="/assessments/$id" params={{ id: item.id }}>
                      {item.stage}
                      {item.version > 1 ? ` (v${item.version})` : ''}
                    </AnchorLink>
                  </Table.Td>
                  <Table.Td>{t(`assessments.modes.${item.mode}`)}</Table.Td>
                  <Table.Td>
                    <StatusBadge tone={STATUS_TONES[item.status]}>{t(`assessments.statuses.${item.status}`)}</StatusBadge>
                  </Table.Td>
                  <Table.Td>
                    {item.overall !== null && item.band ? (
                      <>
                        {formatScore(item.overall, locale)} <DmaBandBadge band={item.band} />
                      </>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                  <Table.Td>{item.assessedOn ? format.date(item.assessedOn) : format.date(item.createdAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {validated.length > 0 && validated[0] && (
        <StagesRadar summaries={validated} />
      )}
      <NewAssessmentModal company={company} opened={opened} onClose={close} hasValidatedT0={validated.some((v) => v.stage === 'T0')} />
    </Stack>
  )
}

function NewAssessmentModal({ company, opened, onClose, hasValidatedT0 }: { company: Company; opened: boolean; onClose: () => void; hasValidatedT0: boolean }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const create = useCreateAssessment()
  const [stage, setStage] = useState<string>(hasValidatedT0 ? 'T1' : 'T0')
  const [mode, setMode] = useState<string>('assisted')
  const [assessorId, setAssessorId] = useState<string>('')
  const experts = useExpertsForAssessor(opened)
  const onCreate = () =>
    create.mutate(
      { companyId: company.id, stage: stage as 'T0', mode: mode as 'self', ...(mode === 'assisted' && assessorId ? { assessorId } : {}) },
      {
        onSuccess: (created) => {
          onClose()
          void navigate({ to: '/assessments/$id', params: { id: created.id } })
        },
        onError: notifyError,
      },
    )
  return (
    <Modal opened={opened} onClose={onClose} title={t('assessments.panel.newTitle', { company: company.name })}>
      <Stack>
        <Select label={t('assessments.fields.stage')} data={ASSESSMENT_STAGES.map((s) => ({ value: s, label: t(`assessments.stages.${s}`) }))} value={stage} onChange={(v) => setStage(v ?? 'T0')} allowDeselect={false} />
        <Select
          label={t('assessments.fields.mode')}
          data={(['assisted', 'self'] as const).map((m) => ({ value: m, label: t(`assessments.modes.${m}`) }))}
          value={mode}
          onChange={(v) => setMode(v ?? 'assisted')}
          allowDeselect={false}
        />
        {mode === 'assisted' && (
          <Select
            label={t('assessments.panel.assessor')}
            description={t('assessments.panel.assessorHelp')}
            data={[{ value: '', label: t('assessments.panel.assessorMe') }, ...(experts.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))]}
            value={assessorId}
            onChange={(v) => setAssessorId(v ?? '')}
            allowDeselect={false}
            searchable
            nothingFoundMessage={t('assessments.panel.assessorNone')}
          />
        )}
        {stage !== 'T0' && <Text size="sm">{t('assessments.panel.prefillNote')}</Text>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={onCreate} loading={create.isPending}>
            {t('assessments.panel.create')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}

/** The company's validated stages on one radar, with the same figures as a table. */
export function StagesRadar({ summaries }: { summaries: readonly AssessmentSummary[] }) {
  const { t } = useTranslation()
  const results = useQueries({
    queries: summaries.map((s) => ({ queryKey: assessmentKeys.one(s.id), queryFn: ({ signal }: { signal: AbortSignal }) => api.get<Assessment>(`/api/assessments/${s.id}`, { signal }) })),
  })
  const first = summaries[0]
  if (!first || results.some((r) => r.isPending)) return <LoadingState />
  const series: DmaResultSeries[] = results.flatMap((r) => {
    const a = r.data
    if (!a?.scores) return []
    return [{ label: a.stage, dimensions: a.scores.dimensions as DmaResultSeries['dimensions'], overall: a.scores.overall, band: a.scores.band, dimensionBands: a.scores.dimensionBands as DmaResultSeries['dimensionBands'] }]
  })
  const instrument = getDmaInstrument(first.instrument, first.instrumentVersion)
  return (
    <Stack gap="sm">
      <DmaRadar instrument={instrument} series={series} />
      <DmaScoreTable instrument={instrument} series={series} caption={t('assessments.panel.stagesCaption')} />
    </Stack>
  )
}
