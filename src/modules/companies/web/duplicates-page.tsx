import { Alert, Box, Button, Card, Group, SimpleGrid, Stack, Tabs, Text, Title } from '@mantine/core'
import { IconArrowBackUp, IconCopy, IconGitMerge, IconX } from '@tabler/icons-react'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { useFormat } from '../../../web/i18n/format'
import { confirmAction } from '../../../web/ui/confirm'
import { DataTable } from '../../../web/ui/data-table'
import { EmptyState } from '../../../web/ui/empty-state'
import { LoadingState } from '../../../web/ui/loading-state'
import { notifyError, notifySuccess } from '../../../web/ui/notify'
import { PageHeader } from '../../../web/ui/page-header'
import { QueryError } from '../../../web/ui/query-error'
import { AnchorLink, ButtonLink } from '../../../web/ui/router-links'
import { StatusBadge } from '../../../web/ui/status-badge'
import type { CompanyMerge, DuplicateCompany, DuplicatePair, DuplicateReason } from '../companies.contract'
import { useDismissPair, useDuplicateQueue, useMergeList, useUndoMerge } from './company-duplicates.queries'

export type DuplicatesTab = 'queue' | 'history'

/** `/companies/duplicates`: the review queue of possible duplicates, and the recent merges (undoable). */
export function DuplicatesPage({ tab = 'queue', onTabChange }: { tab?: DuplicatesTab; onTabChange?: (tab: DuplicatesTab) => void }) {
  const { t } = useTranslation()
  return (
    <>
      <PageHeader title={t('companyDuplicates.title')} description={t('companyDuplicates.description')} />
      <Tabs value={tab} onChange={(next) => onTabChange?.(next === 'history' ? 'history' : 'queue')} keepMounted={false}>
        <Tabs.List mb="lg">
          <Tabs.Tab value="queue">{t('companyDuplicates.tabs.queue')}</Tabs.Tab>
          <Tabs.Tab value="history">{t('companyDuplicates.tabs.history')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="queue">
          <DuplicateQueue />
        </Tabs.Panel>
        <Tabs.Panel value="history">
          <MergeHistory />
        </Tabs.Panel>
      </Tabs>
    </>
  )
}

/** The reason a pair was proposed, in words. */
export function useReasonLabel() {
  const { t } = useTranslation()
  const format = useFormat()
  return (reason: DuplicateReason) =>
    t(`companyDuplicates.reasons.${reason.rule}`, {
      value: reason.rule === 'name' ? format.number(Number(reason.value), { style: 'percent', maximumFractionDigits: 0 }) : reason.value,
    })
}

/** The older company survives by default: it usually carries the history. */
function mergeLink(pair: DuplicatePair) {
  const [survivor, merged] = pair.companyA.createdAt <= pair.companyB.createdAt ? [pair.companyA, pair.companyB] : [pair.companyB, pair.companyA]
  return { survivor: survivor.id, merged: merged.id }
}

function DuplicateQueue() {
  const { t } = useTranslation()
  const format = useFormat()
  const queue = useDuplicateQueue()
  if (queue.isPending) return <LoadingState />
  if (queue.error) return <QueryError error={queue.error} onRetry={() => void queue.refetch()} />
  const pending = queue.data?.pages[0]?.pending ?? 0
  // An import's companies join the queue a little after the import (a background refresh).
  const pendingNotice =
    pending > 0 ? (
      <Alert variant="outline" color="blue" role="status" title={t('companyDuplicates.pending.title')}>
        <Group justify="space-between" gap="sm">
          <Text size="sm">{t('companyDuplicates.pending.body', { count: pending, countText: format.number(pending) })}</Text>
          <Button variant="default" size="xs" loading={queue.isRefetching} onClick={() => void queue.refetch()}>
            {t('companyDuplicates.pending.refresh')}
          </Button>
        </Group>
      </Alert>
    ) : null
  if (queue.rows.length === 0) {
    return (
      <Stack gap="md">
        {pendingNotice}
        <EmptyState title={t('companyDuplicates.empty')} description={t('companyDuplicates.emptyHint')} icon={<IconCopy aria-hidden="true" />} />
      </Stack>
    )
  }
  return (
    <Stack gap="md">
      {pendingNotice}
      <Stack gap="md" component="ul" aria-label={t('companyDuplicates.queueLabel')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {queue.rows.map((pair) => (
          <PairCard key={`${pair.companyA.id}:${pair.companyB.id}`} pair={pair} />
        ))}
      </Stack>
      {queue.hasNextPage ? (
        <Group justify="center">
          <Button variant="default" loading={queue.isFetchingNextPage} onClick={() => void queue.fetchNextPage()}>
            {t('companyDuplicates.loadMore')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  )
}

function PairCard({ pair }: { pair: DuplicatePair }) {
  const { t } = useTranslation()
  const format = useFormat()
  const reasonLabel = useReasonLabel()
  const dismiss = useDismissPair()
  const titleId = useId()
  const names = { a: pair.companyA.name, b: pair.companyB.name }

  const onDismiss = async () => {
    const confirmed = await confirmAction({
      title: t('companyDuplicates.dismissConfirm.title'),
      message: t('companyDuplicates.dismissConfirm.message', names),
      confirmLabel: t('companyDuplicates.dismissConfirm.confirm'),
    })
    if (!confirmed) return
    dismiss.mutate(
      { companyAId: pair.companyA.id, companyBId: pair.companyB.id },
      { onSuccess: () => notifySuccess(t('companyDuplicates.dismissConfirm.done')), onError: notifyError },
    )
  }

  return (
    <Card component="li" withBorder radius="md" padding="lg" aria-labelledby={titleId}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Title order={2} size="h4" id={titleId}>
            {t('companyDuplicates.pairLabel', names)}
          </Title>
          <StatusBadge tone="info">
            {t('companyDuplicates.score', { score: format.number(pair.score, { style: 'percent', maximumFractionDigits: 0 }) })}
          </StatusBadge>
        </Group>
        <Group gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {pair.reasons.map((reason) => (
            <Box component="li" key={`${reason.rule}:${reason.value}`}>
              <StatusBadge tone={reason.rule === 'taxId' ? 'negative' : reason.rule === 'name' ? 'accent' : 'info'}>{reasonLabel(reason)}</StatusBadge>
            </Box>
          ))}
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <CompanySummary company={pair.companyA} />
          <CompanySummary company={pair.companyB} />
        </SimpleGrid>
        {pair.canResolve ? (
          <Group justify="flex-end" gap="sm">
            <Button
              variant="default"
              leftSection={<IconX size={16} aria-hidden="true" />}
              loading={dismiss.isPending}
              onClick={() => void onDismiss()}
              aria-label={t('companyDuplicates.dismissLabel', names)}
            >
              {t('companyDuplicates.dismiss')}
            </Button>
            <ButtonLink
              to="/companies/merge"
              search={mergeLink(pair)}
              leftSection={<IconGitMerge size={16} aria-hidden="true" />}
              aria-label={t('companyDuplicates.mergeLabel', names)}
            >
              {t('companyDuplicates.merge')}
            </ButtonLink>
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            {t('companyDuplicates.readOnlyPair')}
          </Text>
        )}
      </Stack>
    </Card>
  )
}

function CompanySummary({ company }: { company: DuplicateCompany }) {
  const { t } = useTranslation()
  const place = company.comuneName ? `${company.comuneName}${company.provinceCode ? ` (${company.provinceCode})` : ''}` : t('companyDuplicates.noPlace')
  const lines = [
    `${t('companies.fields.vatNumber')}: ${company.vatNumber}`,
    company.taxCode && company.taxCode !== company.vatNumber ? `${t('companies.fields.taxCode')}: ${company.taxCode}` : null,
    [company.address, place].filter(Boolean).join(', '),
    company.email,
    company.pec,
    company.website,
    company.phone,
  ].filter((line): line is string => Boolean(line))
  return (
    <Box p="sm" style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 'var(--mantine-radius-sm)' }}>
      <AnchorLink to="/companies/$companyId" params={{ companyId: company.id }} fw={700}>
        {company.name}
      </AnchorLink>
      <Text size="sm" c="dimmed" mb={4}>
        {company.unitName}
      </Text>
      {lines.map((line) => (
        <Text key={line} size="sm" style={{ overflowWrap: 'anywhere' }}>
          {line}
        </Text>
      ))}
    </Box>
  )
}

function MergeHistory() {
  const { t } = useTranslation()
  const format = useFormat()
  const merges = useMergeList()
  const undo = useUndoMerge()

  const onUndo = async (merge: CompanyMerge) => {
    const names = { merged: merge.merged.name, survivor: merge.survivor.name }
    const confirmed = await confirmAction({
      title: t('companyDuplicates.history.confirm.title'),
      message: t('companyDuplicates.history.confirm.message', names),
      confirmLabel: t('companyDuplicates.history.confirm.confirm'),
      danger: true,
    })
    if (!confirmed) return
    undo.mutate(merge.id, { onSuccess: () => notifySuccess(t('companyDuplicates.history.done', names)), onError: notifyError })
  }

  return (
    <DataTable
      caption={t('companyDuplicates.history.caption')}
      rows={merges.rows}
      rowKey={(m) => m.id}
      isLoading={merges.isPending}
      error={merges.error}
      onRetry={() => void merges.refetch()}
      paging={merges}
      empty={<EmptyState title={t('companyDuplicates.history.empty')} description={t('companyDuplicates.history.emptyHint')} />}
      columns={[
        { id: 'when', header: t('companyDuplicates.history.columns.when'), cell: (m) => format.dateTime(m.createdAt) },
        {
          id: 'survivor',
          header: t('companyDuplicates.history.columns.survivor'),
          cell: (m) => (
            <AnchorLink to="/companies/$companyId" params={{ companyId: m.survivor.id }}>
              {m.survivor.name}
            </AnchorLink>
          ),
        },
        {
          id: 'merged',
          header: t('companyDuplicates.history.columns.merged'),
          cell: (m) => (
            <Text span size="sm">
              {m.merged.name}{' '}
              <Text span size="xs" c="dimmed">
                ({m.merged.vatNumber})
              </Text>
            </Text>
          ),
        },
        { id: 'by', header: t('companyDuplicates.history.columns.by'), cell: (m) => m.createdByName ?? '—' },
        {
          id: 'status',
          header: t('companyDuplicates.history.columns.status'),
          cell: (m) =>
            m.undoneAt ? (
              <StatusBadge tone="neutral">{t('companyDuplicates.history.undone', { date: format.date(m.undoneAt) })}</StatusBadge>
            ) : (
              <StatusBadge tone="positive">{t('companyDuplicates.history.active')}</StatusBadge>
            ),
        },
        {
          id: 'actions',
          header: t('companyDuplicates.history.columns.actions'),
          cell: (m) =>
            m.canUndo ? (
              <Button
                size="compact-sm"
                variant="outline"
                color="red.9"
                leftSection={<IconArrowBackUp size={14} aria-hidden="true" />}
                loading={undo.isPending && undo.variables === m.id}
                onClick={() => void onUndo(m)}
                aria-label={t('companyDuplicates.history.undoLabel', { merged: m.merged.name, survivor: m.survivor.name })}
              >
                {t('companyDuplicates.history.undo')}
              </Button>
            ) : m.undoneAt ? null : (
              <Text size="xs" c="dimmed">
                {t('companyDuplicates.history.notUndoable')}
              </Text>
            ),
        },
      ]}
    />
  )
}
