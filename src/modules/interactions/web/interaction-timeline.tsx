import { ActionIcon, Button, Card, Center, Group, Modal, NativeSelect, Stack, Text, Title, Tooltip } from '@mantine/core'
import { IconAlarm, IconCheck, IconPencil, IconPlus, IconTimeline, IconTrash } from '@tabler/icons-react'
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useFormat } from '../../../web/i18n/format'
import { confirmAction } from '../../../web/ui/confirm'
import { EmptyState } from '../../../web/ui/empty-state'
import { LoadingState } from '../../../web/ui/loading-state'
import { notifyError, notifySuccess } from '../../../web/ui/notify'
import { QueryError } from '../../../web/ui/query-error'
import { AnchorLink } from '../../../web/ui/router-links'
import { StatusBadge } from '../../../web/ui/status-badge'
import { INTERACTION_KINDS, type Interaction, type InteractionKind } from '../interactions.contract'
import { InteractionForm } from './interaction-form'
import { InteractionKindIcon, isInteractionKind } from './interaction-kinds'
import { type TimelineSubject, useDeleteInteraction, useTimeline } from './interactions.queries'

interface TimelineProps {
  subject: TimelineSubject
  /** Where "Registra attività" records: the company, or the contact's unit. Null: read-only. */
  recordWhere: { companyId?: string; unitId?: string } | null
  /** Shown in the dialog title ("Registra attività — Meccanica Bergamasca"). */
  name: string
  /** The contact of a contact page, pre-selected as participant. */
  defaultParticipant?: string
  /** A contact's timeline spans companies: name each entry's company. */
  showCompany?: boolean
}

type Dialog = { mode: 'create' } | { mode: 'edit'; interaction: Interaction } | null

/** A timeline of interactions, newest first, with a kind filter, "Registra attività", edit and delete. */
export function InteractionTimeline({ subject, recordWhere, name, defaultParticipant, showCompany = false }: TimelineProps) {
  const { t } = useTranslation()
  const [kind, setKind] = useState<InteractionKind | null>(null)
  const [dialog, setDialog] = useState<Dialog>(null)
  const timeline = useTimeline(subject, kind)
  const listId = useId()

  let body
  if (timeline.isPending) body = <LoadingState />
  else if (timeline.error) body = <QueryError error={timeline.error} onRetry={() => void timeline.refetch()} />
  else if (timeline.rows.length === 0) {
    body = kind ? (
      <EmptyState icon={<IconTimeline aria-hidden="true" />} title={t('interactions.timeline.emptyFiltered')} />
    ) : (
      <EmptyState icon={<IconTimeline aria-hidden="true" />} title={t('interactions.timeline.empty')} description={t('interactions.timeline.emptyHint')} />
    )
  } else {
    body = (
      <>
        <Stack component="ol" gap="sm" aria-labelledby={listId} p={0} m={0} style={{ listStyle: 'none' }}>
          {timeline.rows.map((interaction) => (
            <TimelineEntry key={interaction.id} interaction={interaction} showCompany={showCompany} onEdit={() => setDialog({ mode: 'edit', interaction })} />
          ))}
        </Stack>
        {timeline.hasNextPage ? (
          <Center mt="md">
            <Button variant="default" loading={timeline.isFetchingNextPage} onClick={() => void timeline.fetchNextPage()}>
              {t('interactions.timeline.loadMore')}
            </Button>
          </Center>
        ) : null}
      </>
    )
  }

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={2} size="h4" id={listId}>
          {t('interactions.timeline.listLabel')}
        </Title>
        <Group align="flex-end" gap="sm">
          <NativeSelect
            label={t('interactions.timeline.kindFilter')}
            value={kind ?? ''}
            onChange={(event) => {
              const value = event.currentTarget.value
              setKind(isInteractionKind(value) ? value : null)
            }}
            data={[{ value: '', label: t('interactions.timeline.allKinds') }, ...INTERACTION_KINDS.map((k) => ({ value: k, label: t(`interactions.kinds.${k}`) }))]}
          />
          {recordWhere ? (
            <Button leftSection={<IconPlus size={16} aria-hidden="true" />} onClick={() => setDialog({ mode: 'create' })}>
              {t('interactions.timeline.record')}
            </Button>
          ) : null}
        </Group>
      </Group>
      {body}
      {dialog ? (
        <Modal
          opened
          onClose={() => setDialog(null)}
          size="lg"
          title={dialog.mode === 'create' ? t('interactions.timeline.recordTitle', { name }) : t('interactions.timeline.editTitle')}
        >
          <InteractionForm
            where={dialog.mode === 'edit' ? { companyId: dialog.interaction.companyId ?? undefined } : (recordWhere ?? {})}
            interaction={dialog.mode === 'edit' ? dialog.interaction : undefined}
            defaultParticipant={defaultParticipant}
            onDone={() => setDialog(null)}
            onCancel={() => setDialog(null)}
          />
        </Modal>
      ) : null}
    </Stack>
  )
}

function TimelineEntry({ interaction, showCompany, onEdit }: { interaction: Interaction; showCompany: boolean; onEdit: () => void }) {
  const { t } = useTranslation()
  const format = useFormat()
  const remove = useDeleteInteraction()
  const titleId = useId()
  const kindLabel = isInteractionKind(interaction.kind) ? t(`interactions.kinds.${interaction.kind}`) : interaction.kind

  const onDelete = async () => {
    const confirmed = await confirmAction({
      title: t('interactions.timeline.deleteTitle', { subject: interaction.subject }),
      message: t('interactions.timeline.deleteMessage'),
      confirmLabel: t('interactions.timeline.deleteConfirm'),
      danger: true,
    })
    if (confirmed) remove.mutate(interaction, { onSuccess: () => notifySuccess(t('interactions.timeline.deleted')), onError: notifyError })
  }

  return (
    <Card component="li" withBorder radius="md" padding="md" aria-labelledby={titleId}>
      <Group align="flex-start" wrap="nowrap" gap="md">
        <InteractionKindIcon kind={interaction.kind} />
        <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <Stack gap={2}>
              <Title order={3} size="h5" id={titleId}>
                {interaction.subject}
              </Title>
              <Text size="sm" c="dimmed">
                {kindLabel} · <time dateTime={interaction.occurredAt}>{format.dateTime(interaction.occurredAt)}</time>
                {interaction.author ? ` · ${t('interactions.timeline.by', { author: interaction.author.name })}` : ''}
              </Text>
            </Stack>
            {interaction.can.update ? (
              <Group gap={4} wrap="nowrap">
                <Tooltip label={t('interactions.timeline.editLabel', { subject: interaction.subject })}>
                  <ActionIcon variant="subtle" color="gray.8" aria-label={t('interactions.timeline.editLabel', { subject: interaction.subject })} onClick={onEdit}>
                    <IconPencil size={16} aria-hidden="true" />
                  </ActionIcon>
                </Tooltip>
                <Tooltip label={t('interactions.timeline.deleteLabel', { subject: interaction.subject })}>
                  <ActionIcon
                    variant="subtle"
                    color="red.9"
                    aria-label={t('interactions.timeline.deleteLabel', { subject: interaction.subject })}
                    loading={remove.isPending}
                    onClick={() => void onDelete()}
                  >
                    <IconTrash size={16} aria-hidden="true" />
                  </ActionIcon>
                </Tooltip>
              </Group>
            ) : null}
          </Group>
          {showCompany && interaction.companyId && interaction.companyName ? (
            <Text size="sm">
              <AnchorLink to="/companies/$companyId" params={{ companyId: interaction.companyId }}>
                {t('interactions.timeline.company', { name: interaction.companyName })}
              </AnchorLink>
            </Text>
          ) : null}
          {interaction.body ? (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {interaction.body}
            </Text>
          ) : null}
          {interaction.participants.length > 0 ? (
            <Text size="sm" c="dimmed">
              {t('interactions.timeline.participants', { names: interaction.participants.map((p) => p.name).join(', ') })}
            </Text>
          ) : null}
          {interaction.followUps.length > 0 ? (
            <Group gap="xs" mt={4}>
              {interaction.followUps.map((followUp) =>
                followUp.status === 'open' ? (
                  <StatusBadge key={followUp.id} tone="accent">
                    <Group gap={4} component="span" wrap="nowrap">
                      <IconAlarm size={14} aria-hidden="true" />
                      {t('interactions.timeline.followUpOpen', { title: followUp.title, date: format.date(followUp.dueOn), assignee: followUp.assignee.name })}
                    </Group>
                  </StatusBadge>
                ) : (
                  <StatusBadge key={followUp.id} tone="positive">
                    <Group gap={4} component="span" wrap="nowrap">
                      <IconCheck size={14} aria-hidden="true" />
                      {t('interactions.timeline.followUpDone', { title: followUp.title })}
                    </Group>
                  </StatusBadge>
                ),
              )}
            </Group>
          ) : null}
          {interaction.source !== 'manual' ? (
            <Text size="xs" c="dimmed">
              {t('interactions.timeline.fromSource')}
            </Text>
          ) : null}
        </Stack>
      </Group>
    </Card>
  )
}
