import {
  ActionIcon,
  Anchor,
  Badge,
  Breadcrumbs,
  Button,
  Card,
  Group,
  List,
  Modal,
  NativeSelect,
  Stack,
  Text,
  Title,
} from '@mantine/core'
import {
  IconArchive,
  IconArrowsMove,
  IconHistory,
  IconMailPlus,
  IconPencil,
  IconPlus,
  IconRestore,
  IconTrash,
} from '@tabler/icons-react'
import { type FormEvent, type ReactNode, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useFormat } from '../../../web/i18n/format'
import { confirmAction } from '../../../web/ui/confirm'
import { DataTable } from '../../../web/ui/data-table'
import { DetailList } from '../../../web/ui/detail-list'
import { LoadingState } from '../../../web/ui/loading-state'
import { notifySuccess } from '../../../web/ui/notify'
import { QueryError } from '../../../web/ui/query-error'
import { AnchorLink } from '../../../web/ui/router-links'
import { StatusBadge } from '../../../web/ui/status-badge'
import { REGION_CODES, type Unit } from '../identity.contract'
import {
  useAddUnitShare,
  useArchiveUnit,
  useRemoveUnitShare,
  useRestoreUnit,
  useUnitShares,
  useUserList,
} from './identity.queries'
import { InvitationForm } from './invitation-form'
import { CreateUnitForm, EditUnitForm } from './unit-form'
import { MoveUnitForm } from './unit-move-form'
import { ancestorsOf } from './unit-tree'

type Dialog = 'create' | 'edit' | 'move' | 'invite' | null

interface UnitDetailProps {
  unit: Unit
  /** Every unit on the page (for names, ancestors and move targets). */
  units: Unit[]
  onSelectUnit: (unitId: string | undefined) => void
}

/** The detail panel of the network page: the unit, its people and shares, and what can be done to it. */
export function UnitDetail({ unit, units, onSelectUnit }: UnitDetailProps) {
  const { t } = useTranslation()
  const format = useFormat()
  const [dialog, setDialog] = useState<Dialog>(null)
  const archiveUnit = useArchiveUnit()
  const restoreUnit = useRestoreUnit()
  const isArchived = unit.archivedAt !== null
  const ancestors = ancestorsOf(units, unit.id)
  const parent = ancestors[ancestors.length - 1]
  const close = () => setDialog(null)

  const archive = async () => {
    const confirmed = await confirmAction({
      title: t('network.archive.title', { name: unit.name }),
      message: t('network.archive.message'),
      confirmLabel: t('network.archive.confirm'),
      danger: true,
    })
    if (!confirmed) return
    // mutateAsync rather than mutate's callbacks: once the list refreshes, the archived unit leaves
    // the tree and this panel unmounts, and callbacks of an unmounted mutate never run.
    try {
      await archiveUnit.mutateAsync(unit.id)
    } catch {
      return // the global mutation error handler has already shown why
    }
    notifySuccess(t('network.archive.done', { name: unit.name }))
    // Archived units leave the tree (unless shown): the parent is the natural place to land.
    onSelectUnit(unit.parentId ?? undefined)
  }

  const restore = async () => {
    const confirmed = await confirmAction({
      title: t('network.restore.title', { name: unit.name }),
      message: t('network.restore.message'),
      confirmLabel: t('network.restore.confirm'),
    })
    if (!confirmed) return
    restoreUnit.mutate(unit.id, { onSuccess: () => notifySuccess(t('network.restore.done', { name: unit.name })) })
  }

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="unit-detail-title">
      <Stack gap="lg">
        <Stack gap={6}>
          {ancestors.length > 0 ? (
            <Breadcrumbs separatorMargin={6} aria-label={t('network.detail.path')}>
              {ancestors.map((ancestor) => (
                <Anchor key={ancestor.id} component="button" type="button" size="sm" onClick={() => onSelectUnit(ancestor.id)}>
                  {ancestor.name}
                </Anchor>
              ))}
            </Breadcrumbs>
          ) : null}
          <Group gap="sm" align="center">
            <Title order={2} id="unit-detail-title">
              {unit.name}
            </Title>
            <Badge variant="outline" color="gray.7" tt="none">
              {t(`unitTypes.${unit.type}`)}
            </Badge>
            {isArchived ? <StatusBadge tone="neutral">{t('network.archived')}</StatusBadge> : null}
          </Group>
          {isArchived && unit.archivedAt ? (
            <Text size="sm" c="dimmed">
              {t('network.detail.archivedOn', { date: format.date(unit.archivedAt) })}
            </Text>
          ) : null}
        </Stack>

        <Group gap="xs">
          {unit.can.createChild && !isArchived ? (
            <Button size="sm" leftSection={<IconPlus size={16} aria-hidden="true" />} onClick={() => setDialog('create')}>
              {t('network.actions.createChild')}
            </Button>
          ) : null}
          {unit.can.update && !isArchived ? (
            <>
              <Button size="sm" variant="default" leftSection={<IconPencil size={16} aria-hidden="true" />} onClick={() => setDialog('edit')}>
                {t('network.actions.edit')}
              </Button>
              <Button size="sm" variant="default" leftSection={<IconMailPlus size={16} aria-hidden="true" />} onClick={() => setDialog('invite')}>
                {t('network.actions.invite')}
              </Button>
            </>
          ) : null}
          {unit.can.move && !isArchived ? (
            <Button size="sm" variant="default" leftSection={<IconArrowsMove size={16} aria-hidden="true" />} onClick={() => setDialog('move')}>
              {t('network.actions.move')}
            </Button>
          ) : null}
          {unit.can.archive && !isArchived ? (
            <Button
              size="sm"
              variant="outline"
              color="red.9"
              leftSection={<IconArchive size={16} aria-hidden="true" />}
              loading={archiveUnit.isPending}
              onClick={() => void archive()}
            >
              {t('network.actions.archive')}
            </Button>
          ) : null}
          {unit.can.archive && isArchived ? (
            <Button
              size="sm"
              variant="default"
              leftSection={<IconRestore size={16} aria-hidden="true" />}
              loading={restoreUnit.isPending}
              onClick={() => void restore()}
            >
              {t('network.actions.restore')}
            </Button>
          ) : null}
        </Group>

        <DetailSection title={t('network.detail.contacts')}>
          <DetailList
            cols={2}
            items={[
              { label: t('network.detail.code'), value: unit.code },
              { label: t('network.detail.type'), value: t(`unitTypes.${unit.type}`) },
              { label: t('network.detail.parent'), value: parent?.name },
              { label: t('network.detail.region'), value: unit.regionCode && isRegionCode(unit.regionCode) ? t(`regions.${unit.regionCode}`) : unit.regionCode },
              { label: t('network.detail.province'), value: unit.provinceCode },
              {
                label: t('network.detail.email'),
                value: unit.email ? <Anchor href={`mailto:${unit.email}`}>{unit.email}</Anchor> : null,
              },
              { label: t('network.detail.phone'), value: unit.phone },
              { label: t('network.detail.address'), value: unit.address },
            ]}
          />
        </DetailSection>

        <DetailSection title={t('network.detail.members')}>
          <UnitMembers unit={unit} />
        </DetailSection>

        <DetailSection title={t('network.detail.shares')}>
          <UnitShares unit={unit} units={units} onSelectUnit={onSelectUnit} />
        </DetailSection>

        <AnchorLink to="/audit" search={{ entityType: 'unit', entityId: unit.id }} size="sm">
          <Group gap={6} component="span">
            <IconHistory size={16} aria-hidden="true" />
            {t('network.detail.auditTrail')}
          </Group>
        </AnchorLink>
      </Stack>

      <Modal opened={dialog === 'create'} onClose={close} title={t('network.form.createTitle')} size="lg">
        <CreateUnitForm
          parent={unit}
          onCancel={close}
          onDone={(created) => {
            close()
            onSelectUnit(created.id)
          }}
        />
      </Modal>
      <Modal opened={dialog === 'edit'} onClose={close} title={t('network.form.editTitle', { name: unit.name })} size="lg">
        <EditUnitForm unit={unit} onCancel={close} onDone={close} />
      </Modal>
      <Modal opened={dialog === 'move'} onClose={close} title={t('network.move.title', { name: unit.name })}>
        <MoveUnitForm unit={unit} units={units} onCancel={close} onDone={close} />
      </Modal>
      <Modal opened={dialog === 'invite'} onClose={close} title={t('invitations.form.title')}>
        <InvitationForm units={units} unitId={unit.id} onCancel={close} onDone={close} />
      </Modal>
    </Card>
  )
}

/** Region codes come from the server as strings; only the ISTAT ones have a label. */
function isRegionCode(code: string): code is (typeof REGION_CODES)[number] {
  return (REGION_CODES as readonly string[]).includes(code)
}

function DetailSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap="xs" component="section">
      <Title order={3} size="h5">
        {title}
      </Title>
      {children}
    </Stack>
  )
}

function UnitMembers({ unit }: { unit: Unit }) {
  const { t } = useTranslation()
  const members = useUserList({ unitId: unit.id })
  return (
    <Stack gap="xs">
      <DataTable
        caption={t('network.detail.membersCaption', { name: unit.name })}
        minWidth={400}
        rows={members.rows}
        rowKey={(user) => user.id}
        isLoading={members.isPending}
        error={members.error}
        onRetry={() => void members.refetch()}
        paging={members}
        empty={<Text size="sm" c="dimmed">{t('network.detail.noMembers')}</Text>}
        columns={[
          {
            id: 'name',
            header: t('users.columns.name'),
            cell: (user) => (
              <AnchorLink to="/users/$userId" params={{ userId: user.id }}>
                {user.name}
              </AnchorLink>
            ),
          },
          {
            id: 'role',
            header: t('users.columns.role'),
            cell: (user) =>
              user.memberships
                .filter((membership) => membership.unitId === unit.id)
                .map((membership) => t(`roles.${membership.role}`))
                .join(', '),
          },
          {
            id: 'status',
            header: t('users.columns.status'),
            cell: (user) => (
              <StatusBadge tone={user.isActive ? 'positive' : 'neutral'}>
                {t(user.isActive ? 'users.status.active' : 'users.status.inactive')}
              </StatusBadge>
            ),
          },
        ]}
      />
      <AnchorLink to="/users" search={{ unitId: unit.id }} size="sm">
        {t('network.detail.allMembers')}
      </AnchorLink>
    </Stack>
  )
}

function UnitShares({ unit, units, onSelectUnit }: UnitDetailProps) {
  const { t } = useTranslation()
  const shares = useUnitShares(unit.id)
  const addShare = useAddUnitShare(unit.id)
  const removeShare = useRemoveUnitShare(unit.id)
  const [target, setTarget] = useState('')
  const [targetError, setTargetError] = useState<string | null>(null)
  const nameOf = (unitId: string) => units.find((candidate) => candidate.id === unitId)?.name ?? t('network.detail.hiddenUnit')

  if (shares.isPending) return <LoadingState />
  if (shares.error) return <QueryError error={shares.error} onRetry={() => void shares.refetch()} />

  const sharedIds = new Set(shares.data.map((share) => share.sharedWithUnitId))
  const candidates = units.filter(
    (candidate) => candidate.id !== unit.id && candidate.archivedAt === null && !sharedIds.has(candidate.id),
  )

  const remove = async (sharedWithUnitId: string) => {
    const name = nameOf(sharedWithUnitId)
    const confirmed = await confirmAction({
      title: t('network.share.removeTitle'),
      message: t('network.share.removeMessage', { unit: name, name: unit.name }),
      confirmLabel: t('network.share.removeConfirm'),
      danger: true,
    })
    if (confirmed) removeShare.mutate(sharedWithUnitId, { onSuccess: () => notifySuccess(t('network.share.removed')) })
  }

  const add = (event: FormEvent) => {
    event.preventDefault()
    if (!target) {
      setTargetError(t('validation.required'))
      return
    }
    addShare.mutate(target, {
      onSuccess: () => {
        setTarget('')
        setTargetError(null)
        notifySuccess(t('network.share.added'))
      },
      onError: (error) => setTargetError(error.message),
    })
  }

  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('network.detail.sharesHint')}
      </Text>
      {shares.data.length === 0 ? (
        <Text size="sm">{t('network.detail.noShares')}</Text>
      ) : (
        <List listStyleType="none" spacing={4}>
          {shares.data.map((share) => (
            <List.Item key={share.sharedWithUnitId}>
              <Group gap="xs">
                <Anchor component="button" type="button" onClick={() => onSelectUnit(share.sharedWithUnitId)}>
                  {nameOf(share.sharedWithUnitId)}
                </Anchor>
                {unit.can.update ? (
                  <ActionIcon
                    variant="subtle"
                    color="red.9"
                    aria-label={t('network.share.remove', { name: nameOf(share.sharedWithUnitId) })}
                    onClick={() => void remove(share.sharedWithUnitId)}
                  >
                    <IconTrash size={16} aria-hidden="true" />
                  </ActionIcon>
                ) : null}
              </Group>
            </List.Item>
          ))}
        </List>
      )}
      {unit.can.update && unit.archivedAt === null ? (
        <form onSubmit={add} noValidate>
          <Group align="flex-end" gap="sm">
            <NativeSelect
              label={t('network.share.with')}
              style={{ flex: 1 }}
              data={[
                { value: '', label: t('common.choose') },
                ...candidates.map((candidate) => ({ value: candidate.id, label: candidate.name })),
              ]}
              value={target}
              error={targetError}
              onChange={(event) => {
                setTarget(event.currentTarget.value)
                setTargetError(null)
              }}
            />
            <Button type="submit" variant="default" loading={addShare.isPending}>
              {t('network.share.submit')}
            </Button>
          </Group>
        </form>
      ) : null}
    </Stack>
  )
}
