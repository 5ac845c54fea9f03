/**
 * The "Roadmap" tab of a company: its roadmaps (status, version, progress, T1 date) and generating
 * a new one from a validated assessment, with the business importance of each dimension set with
 * the company.
 */
import { Button, Group, Modal, NativeSelect, Stack, Table, Text } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { useQuery } from '@tanstack/react-query'
import { useNavigate } from '@tanstack/react-router'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../../web/api-client'
import { useFormat } from '../../../web/i18n/format'
import { EmptyState } from '../../../web/ui/empty-state'
import { LoadingState } from '../../../web/ui/loading-state'
import { notifyError } from '../../../web/ui/notify'
import { QueryError } from '../../../web/ui/query-error'
import { AnchorLink } from '../../../web/ui/router-links'
import { StatusBadge } from '../../../web/ui/status-badge'
import { DMA_DIMENSION_IDS, type AssessmentSummary, type DmaDimensionId } from '../../assessments/assessments.contract'
import { getDmaInstrument } from '../../assessments/assessments.reference'
import type { KeysetPage } from '../../../web/ui/keyset-list'
import { RoadmapProgressCell, ROADMAP_STATUS_TONES } from './roadmap-page'
import { useCompanyRoadmaps, useCreateRoadmap } from './roadmaps.queries'

export function CompanyRoadmapsPanel({ company }: { company: { id: string; name: string; can: { update: boolean } } }) {
  const { t } = useTranslation()
  const format = useFormat()
  const list = useCompanyRoadmaps(company.id)
  const [opened, { open, close }] = useDisclosure(false)
  if (list.isPending) return <LoadingState />
  if (list.error) return <QueryError error={list.error} onRetry={() => void list.refetch()} />
  const items = list.data.items
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text fw={600} component="h2" size="lg">
          {t('roadmapRecords.panel.title')}
        </Text>
        {company.can.update ? <Button onClick={open}>{t('roadmapRecords.panel.generate')}</Button> : null}
      </Group>
      {items.length === 0 ? (
        <EmptyState title={t('roadmapRecords.panel.emptyTitle')} description={t('roadmapRecords.panel.emptyText')} />
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('roadmapRecords.panel.roadmap')}</Table.Th>
                <Table.Th>{t('roadmapRecords.panel.status')}</Table.Th>
                <Table.Th>{t('roadmapRecords.panel.progress')}</Table.Th>
                <Table.Th>{t('roadmapRecords.panel.t1')}</Table.Th>
                <Table.Th>{t('roadmapRecords.panel.updated')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((r) => {
                return (
                  <Table.Tr key={r.id}>
                    <Table.Td>
                      <AnchorLink to="/roadmaps/$id" params={{ id: r.id }}>
                        {t('roadmapRecords.panel.name', { version: r.version, created: format.date(r.createdAt) })}
                      </AnchorLink>
                    </Table.Td>
                    <Table.Td>
                      <StatusBadge tone={ROADMAP_STATUS_TONES[r.status]}>{t(`roadmapRecords.statuses.${r.status}`)}</StatusBadge>
                    </Table.Td>
                    <Table.Td>
                      <RoadmapProgressCell progress={r.progress} />
                    </Table.Td>
                    <Table.Td>{r.t1DueOn ? format.date(r.t1DueOn) : '—'}</Table.Td>
                    <Table.Td>{format.dateTime(r.updatedAt)}</Table.Td>
                  </Table.Tr>
                )
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <GenerateModal companyId={company.id} opened={opened} onClose={close} />
    </Stack>
  )
}

function GenerateModal({ companyId, opened, onClose }: { companyId: string; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation()
  const { locale } = useFormat()
  const navigate = useNavigate()
  const create = useCreateRoadmap()
  const assessments = useQuery({
    queryKey: ['assessments', 'company', companyId, 'validated'],
    queryFn: ({ signal }) => api.get<KeysetPage<AssessmentSummary>>('/api/assessments', { query: { companyId, status: 'validated', limit: 100 }, signal }),
    enabled: opened,
  })
  const validated = (assessments.data?.items ?? []).filter((a) => a.status === 'validated' && a.mode !== 'imported')
  const [assessmentId, setAssessmentId] = useState<string>('')
  const [importance, setImportance] = useState<Partial<Record<DmaDimensionId, number>>>({})
  const chosen = validated.find((a) => a.id === (assessmentId || validated[0]?.id))
  const instrument = chosen ? getDmaInstrument(chosen.instrument) : null
  const submit = async () => {
    if (!chosen) return
    try {
      const roadmap = await create.mutateAsync({ assessmentId: chosen.id, importance })
      onClose()
      void navigate({ to: '/roadmaps/$id', params: { id: roadmap.id } })
    } catch (err) {
      notifyError(err)
    }
  }
  return (
    <Modal opened={opened} onClose={onClose} title={t('roadmapRecords.generate.title')} size="lg">
      {assessments.isPending ? (
        <LoadingState />
      ) : assessments.error ? (
        <QueryError error={assessments.error} onRetry={() => void assessments.refetch()} />
      ) : validated.length === 0 ? (
        <EmptyState title={t('roadmapRecords.generate.noAssessment')} description={t('roadmapRecords.generate.noAssessmentHint')} />
      ) : (
        <Stack gap="sm">
          <Text size="sm">{t('roadmapRecords.generate.explain')}</Text>
          <NativeSelect
            label={t('roadmapRecords.generate.assessment')}
            value={chosen?.id ?? ''}
            onChange={(e) => setAssessmentId(e.currentTarget.value)}
            data={validated.map((a) => ({
              value: a.id,
              label: `${a.stage} · ${getDmaInstrument(a.instrument).title[locale]} · ${a.overall === null ? '—' : Math.round(a.overall)}/100`,
            }))}
          />
          <Text fw={600} size="sm" mt="xs">
            {t('roadmapRecords.generate.importance')}
          </Text>
          <Text size="xs" c="gray.7">
            {t('roadmapRecords.generate.importanceHint')}
          </Text>
          {DMA_DIMENSION_IDS.map((d) => (
            <NativeSelect
              key={d}
              size="xs"
              label={`${d} · ${instrument?.dimensions.find((x) => x.id === d)?.name[locale] ?? d}`}
              value={String(importance[d] ?? 3)}
              onChange={(e) => setImportance({ ...importance, [d]: Number(e.currentTarget.value) })}
              data={[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: t(`roadmapRecords.generate.levels.${n as 1}`) }))}
            />
          ))}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button loading={create.isPending} onClick={() => void submit()}>
              {t('roadmapRecords.generate.confirm')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  )
}
