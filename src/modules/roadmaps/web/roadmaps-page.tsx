/**
 * "Roadmap": the roadmaps the signed-in user works on, most recently changed first (staff: their
 * units'; experts: the ones they are named on; company members: their company's), by status.
 */
import { Button, Center, NativeSelect, Table, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useFormat } from '../../../web/i18n/format'
import { EmptyState } from '../../../web/ui/empty-state'
import { LoadingState } from '../../../web/ui/loading-state'
import { PageHeader } from '../../../web/ui/page-header'
import { QueryError } from '../../../web/ui/query-error'
import { AnchorLink } from '../../../web/ui/router-links'
import { StatusBadge } from '../../../web/ui/status-badge'
import { ROADMAP_STATUSES, type RoadmapStatus } from '../roadmaps.contract'
import { RoadmapProgressCell, ROADMAP_STATUS_TONES } from './roadmap-page'
import { useRoadmaps } from './roadmaps.queries'

export function RoadmapsPage() {
  const { t } = useTranslation()
  const format = useFormat()
  const [status, setStatus] = useState<RoadmapStatus | ''>('')
  const list = useRoadmaps({ status: status || undefined })
  let body
  if (list.isPending) body = <LoadingState />
  else if (list.error) body = <QueryError error={list.error} onRetry={() => void list.refetch()} />
  else if (list.rows.length === 0) body = <EmptyState title={t('roadmapRecords.list.empty')} description={t('roadmapRecords.list.emptyHint')} />
  else
    body = (
      <>
        <Table.ScrollContainer minWidth={640}>
          <Table striped aria-label={t('roadmapRecords.list.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('roadmapRecords.list.company')}</Table.Th>
                <Table.Th>{t('roadmapRecords.panel.status')}</Table.Th>
                <Table.Th>{t('roadmapRecords.panel.progress')}</Table.Th>
                <Table.Th>{t('roadmapRecords.panel.t1')}</Table.Th>
                <Table.Th>{t('roadmapRecords.panel.updated')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.rows.map((r) => {
                return (
                  <Table.Tr key={r.id}>
                    <Table.Td>
                      <AnchorLink to="/roadmaps/$id" params={{ id: r.id }}>
                        {r.company.name}
                      </AnchorLink>
                      <Text size="xs" c="gray.7">
                        {t('roadmapRecords.panel.name', { version: r.version, created: format.date(r.createdAt) })}
                      </Text>
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
        {list.hasNextPage ? (
          <Center mt="md">
            <Button variant="default" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
              {t('roadmapRecords.list.loadMore')}
            </Button>
          </Center>
        ) : null}
      </>
    )
  return (
    <>
      <PageHeader
        title={t('roadmapRecords.list.title')}
        description={t('roadmapRecords.list.description')}
        actions={
          <NativeSelect
            label={t('roadmapRecords.panel.status')}
            value={status}
            onChange={(e) => setStatus(e.currentTarget.value as RoadmapStatus | '')}
            data={[{ value: '', label: t('roadmapRecords.list.allStatuses') }, ...ROADMAP_STATUSES.map((s) => ({ value: s, label: t(`roadmapRecords.statuses.${s}`) }))]}
          />
        }
      />
      {body}
    </>
  )
}
