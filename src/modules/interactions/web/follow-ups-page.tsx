import { ActionIcon, Button, Group, Modal, SegmentedControl, Stack, Text, Tooltip, VisuallyHidden } from '@mantine/core'
import { IconAlarm, IconArrowBackUp, IconCheck, IconPencil } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useFormat } from '../../../web/i18n/format'
import { DataTable } from '../../../web/ui/data-table'
import { EmptyState } from '../../../web/ui/empty-state'
import { notifyError, notifySuccess } from '../../../web/ui/notify'
import { PageHeader } from '../../../web/ui/page-header'
import { AnchorLink } from '../../../web/ui/router-links'
import { StatusBadge } from '../../../web/ui/status-badge'
import type { FollowUp, FollowUpStatus } from '../interactions.contract'
import { FollowUpEditForm } from './follow-up-edit-form'
import { useMyFollowUps, useSetFollowUpStatus } from './interactions.queries'

/** Today as `YYYY-MM-DD` in the browser's time zone (due dates are calendar days). */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

interface FollowUpsPageProps {
  status: FollowUpStatus
  onStatusChange: (status: FollowUpStatus) => void
}

/** `/follow-ups` "I miei promemoria": the caller's follow-ups by due date, overdue first and marked. */
export function FollowUpsPage({ status, onStatusChange }: FollowUpsPageProps) {
  const { t } = useTranslation()
  const format = useFormat()
  const list = useMyFollowUps(status)
  const setStatus = useSetFollowUpStatus()
  const day = today()
  const [editing, setEditing] = useState<FollowUp | null>(null)

  const toggle = (followUp: FollowUp) => {
    const next: FollowUpStatus = followUp.status === 'open' ? 'done' : 'open'
    setStatus.mutate(
      { followUp, status: next },
      { onSuccess: () => notifySuccess(next === 'done' ? t('interactions.followUps.doneNotice') : t('interactions.followUps.reopenNotice')), onError: notifyError },
    )
  }

  return (
    <>
      <PageHeader title={t('interactions.followUps.title')} description={t('interactions.followUps.description')} />
      <Stack gap="md">
        <SegmentedControl
          aria-label={t('interactions.followUps.statusLabel')}
          value={status}
          onChange={(value) => onStatusChange(value === 'done' ? 'done' : 'open')}
          data={[
            { value: 'open', label: t('interactions.followUps.open') },
            { value: 'done', label: t('interactions.followUps.done') },
          ]}
          w="fit-content"
        />
        <DataTable
          caption={t('interactions.followUps.caption')}
          rows={list.rows}
          rowKey={(f) => f.id}
          isLoading={list.isPending}
          error={list.error}
          onRetry={() => void list.refetch()}
          paging={list}
          minWidth={640}
          empty={
            status === 'open' ? (
              <EmptyState icon={<IconAlarm aria-hidden="true" />} title={t('interactions.followUps.empty')} description={t('interactions.followUps.emptyHint')} />
            ) : (
              <EmptyState icon={<IconAlarm aria-hidden="true" />} title={t('interactions.followUps.emptyDone')} />
            )
          }
          columns={[
            {
              id: 'due',
              header: t('interactions.followUps.columns.due'),
              cell: (f) => {
                const isOverdue = f.status === 'open' && f.dueOn < day
                return (
                  <Group gap={6} wrap="nowrap">
                    <Text span size="sm" fw={isOverdue ? 700 : undefined} c={isOverdue ? 'red.9' : undefined}>
                      {format.date(f.dueOn)}
                    </Text>
                    {isOverdue ? <StatusBadge tone="negative">{t('interactions.followUps.overdue')}</StatusBadge> : null}
                    {f.status === 'open' && f.dueOn === day ? <StatusBadge tone="info">{t('interactions.followUps.today')}</StatusBadge> : null}
                  </Group>
                )
              },
            },
            {
              id: 'title',
              header: t('interactions.followUps.columns.title'),
              cell: (f) => (
                <Stack gap={2}>
                  <Text size="sm" fw={600}>
                    {f.title}
                  </Text>
                  {f.completedAt ? (
                    <Text size="xs" c="dimmed">
                      {t('interactions.followUps.completedOn', { date: format.date(f.completedAt) })}
                    </Text>
                  ) : null}
                </Stack>
              ),
            },
            {
              id: 'company',
              header: t('interactions.followUps.columns.company'),
              cell: (f) =>
                f.companyId && f.companyName ? (
                  <AnchorLink to="/companies/$companyId" params={{ companyId: f.companyId }}>
                    {f.companyName}
                  </AnchorLink>
                ) : (
                  '—'
                ),
            },
            {
              id: 'actions',
              header: <VisuallyHidden>{t('interactions.followUps.columns.actions')}</VisuallyHidden>,
              cell: (f) =>
                f.can.update ? (
                  <Group gap="xs" wrap="nowrap" justify="flex-end">
                    {f.status === 'open' ? (
                      <Tooltip label={t('interactions.followUps.editLabel', { title: f.title })}>
                        <ActionIcon variant="subtle" color="gray.8" aria-label={t('interactions.followUps.editLabel', { title: f.title })} onClick={() => setEditing(f)}>
                          <IconPencil size={16} aria-hidden="true" />
                        </ActionIcon>
                      </Tooltip>
                    ) : null}
                    <Button
                      size="xs"
                      variant={f.status === 'open' ? 'filled' : 'default'}
                      leftSection={f.status === 'open' ? <IconCheck size={14} aria-hidden="true" /> : <IconArrowBackUp size={14} aria-hidden="true" />}
                      aria-label={f.status === 'open' ? t('interactions.followUps.markDoneLabel', { title: f.title }) : t('interactions.followUps.reopenLabel', { title: f.title })}
                      loading={setStatus.isPending && setStatus.variables.followUp.id === f.id}
                      onClick={() => toggle(f)}
                    >
                      {f.status === 'open' ? t('interactions.followUps.markDone') : t('interactions.followUps.reopen')}
                    </Button>
                  </Group>
                ) : null,
            },
          ]}
        />
      </Stack>
      {editing ? (
        <Modal opened onClose={() => setEditing(null)} title={t('interactions.followUps.editTitle')}>
          <FollowUpEditForm followUp={editing} onDone={() => setEditing(null)} onCancel={() => setEditing(null)} />
        </Modal>
      ) : null}
    </>
  )
}
