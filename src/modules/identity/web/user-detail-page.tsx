import { ActionIcon, Button, Card, Group, Modal, NativeSelect, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { IconArrowLeft, IconHistory, IconPencil, IconTrash, IconUserCheck, IconUserOff } from '@tabler/icons-react'
import { type ReactNode, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../../web/api-client'
import { useFormat } from '../../../web/i18n/format'
import { confirmAction } from '../../../web/ui/confirm'
import { DetailList } from '../../../web/ui/detail-list'
import { EmptyState } from '../../../web/ui/empty-state'
import { FormActions } from '../../../web/ui/form-actions'
import { contractResolver, showSubmitError } from '../../../web/ui/form-errors'
import { LoadingState } from '../../../web/ui/loading-state'
import { notifySuccess } from '../../../web/ui/notify'
import { PageHeader } from '../../../web/ui/page-header'
import { QueryError } from '../../../web/ui/query-error'
import { AnchorLink } from '../../../web/ui/router-links'
import { StatusBadge } from '../../../web/ui/status-badge'
import { MembershipInput, ROLES, type User, UserUpdateInput } from '../identity.contract'
import {
  useAddMembership,
  useDeactivateUser,
  useMe,
  useReactivateUser,
  useRemoveMembership,
  useRenameUser,
  useUnits,
  useUser,
} from './identity.queries'

export function UserDetailPage({ userId }: { userId: string }) {
  const { t } = useTranslation()
  const user = useUser(userId)
  const back = (
    <AnchorLink to="/users" size="sm">
      <Group gap={4} component="span">
        <IconArrowLeft size={14} aria-hidden="true" />
        {t('users.detail.back')}
      </Group>
    </AnchorLink>
  )

  if (user.isPending) return <LoadingState />
  if (isApiError(user.error, 'NOT_FOUND')) {
    return (
      <>
        <PageHeader title={t('users.detail.notFound')} back={back} />
        <EmptyState title={t('users.detail.notFound')} description={t('users.detail.notFoundHint')} />
      </>
    )
  }
  if (user.error) {
    return (
      <>
        <PageHeader title={t('users.title')} back={back} />
        <QueryError error={user.error} onRetry={() => void user.refetch()} />
      </>
    )
  }
  return <UserDetail user={user.data} back={back} />
}

function UserDetail({ user, back }: { user: User; back: ReactNode }) {
  const { t } = useTranslation()
  const format = useFormat()
  const me = useMe()
  const [isRenaming, setRenaming] = useState(false)
  const deactivate = useDeactivateUser(user.id)
  const reactivate = useReactivateUser(user.id)
  const isSelf = me.id === user.id
  // The server enforces the rule; the page only hides actions the user could never complete.
  const canManage = me.isNetworkAdmin || user.memberships.some((membership) => me.managedUnitIds.includes(membership.unitId))

  const onDeactivate = async () => {
    const confirmed = await confirmAction({
      title: t('users.deactivate.title', { name: user.name }),
      message: t('users.deactivate.message', { name: user.name }),
      confirmLabel: t('users.deactivate.confirm'),
      danger: true,
    })
    if (confirmed) deactivate.mutate(undefined, { onSuccess: () => notifySuccess(t('users.deactivate.done', { name: user.name })) })
  }

  const onReactivate = async () => {
    const confirmed = await confirmAction({
      title: t('users.reactivate.title', { name: user.name }),
      message: t('users.reactivate.message', { name: user.name }),
      confirmLabel: t('users.reactivate.confirm'),
    })
    if (confirmed) reactivate.mutate(undefined, { onSuccess: () => notifySuccess(t('users.reactivate.done', { name: user.name })) })
  }

  return (
    <>
      <PageHeader
        title={user.name}
        description={user.email}
        back={back}
        actions={
          canManage ? (
            <>
              <Button variant="default" leftSection={<IconPencil size={16} aria-hidden="true" />} onClick={() => setRenaming(true)}>
                {t('users.detail.editName')}
              </Button>
              {user.isActive && !isSelf ? (
                <Button
                  variant="outline"
                  color="red.9"
                  leftSection={<IconUserOff size={16} aria-hidden="true" />}
                  loading={deactivate.isPending}
                  onClick={() => void onDeactivate()}
                >
                  {t('users.detail.deactivate')}
                </Button>
              ) : null}
              {!user.isActive ? (
                <Button
                  variant="default"
                  leftSection={<IconUserCheck size={16} aria-hidden="true" />}
                  loading={reactivate.isPending}
                  onClick={() => void onReactivate()}
                >
                  {t('users.detail.reactivate')}
                </Button>
              ) : null}
            </>
          ) : null
        }
      />
      <Stack gap="lg">
        <Card withBorder radius="md" padding="lg">
          <DetailList
            cols={3}
            items={[
              {
                label: t('users.columns.status'),
                value: (
                  <StatusBadge tone={user.isActive ? 'positive' : 'neutral'}>
                    {t(user.isActive ? 'users.status.active' : 'users.status.inactive')}
                  </StatusBadge>
                ),
              },
              { label: t('users.columns.email'), value: user.email },
              { label: t('users.detail.locale'), value: t(`language.${user.locale}`) },
              { label: t('users.detail.createdAt'), value: format.date(user.createdAt) },
              { label: t('users.columns.lastLogin'), value: user.lastLoginAt ? format.dateTime(user.lastLoginAt) : t('users.never') },
            ]}
          />
        </Card>

        <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="user-memberships">
          <Stack gap="md">
            <Title order={2} size="h4" id="user-memberships">
              {t('users.detail.memberships')}
            </Title>
            <Memberships user={user} canManage={canManage} />
          </Stack>
        </Card>

        <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="user-activity">
          <Stack gap="xs">
            <Title order={2} size="h4" id="user-activity">
              {t('users.detail.activity')}
            </Title>
            <AnchorLink to="/audit" search={{ actorUserId: user.id }}>
              <Group gap={6} component="span">
                <IconHistory size={16} aria-hidden="true" />
                {t('users.detail.actorAudit')}
              </Group>
            </AnchorLink>
            <AnchorLink to="/audit" search={{ entityType: 'user', entityId: user.id }}>
              <Group gap={6} component="span">
                <IconHistory size={16} aria-hidden="true" />
                {t('users.detail.entityAudit')}
              </Group>
            </AnchorLink>
          </Stack>
        </Card>
      </Stack>

      <Modal opened={isRenaming} onClose={() => setRenaming(false)} title={t('users.rename.title')}>
        <RenameUserForm user={user} onDone={() => setRenaming(false)} />
      </Modal>
    </>
  )
}

function RenameUserForm({ user, onDone }: { user: User; onDone: () => void }) {
  const { t } = useTranslation()
  const rename = useRenameUser(user.id)
  const form = useForm({ initialValues: { name: user.name }, validate: contractResolver(UserUpdateInput) })
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) =>
        rename.mutate(UserUpdateInput.parse(values), {
          onSuccess: () => {
            notifySuccess(t('users.rename.done'))
            onDone()
          },
          onError: (error) => showSubmitError(form, error),
        }),
      )}
    >
      <Stack gap="md">
        <TextInput label={t('users.rename.name')} autoComplete="off" required data-autofocus {...form.getInputProps('name')} />
        <FormActions submitLabel={t('common.save')} isPending={rename.isPending} onCancel={onDone} />
      </Stack>
    </form>
  )
}

function Memberships({ user, canManage }: { user: User; canManage: boolean }) {
  const { t } = useTranslation()
  const format = useFormat()
  const removeMembership = useRemoveMembership(user.id)

  const remove = async (membership: User['memberships'][number]) => {
    const role = t(`roles.${membership.role}`)
    const confirmed = await confirmAction({
      title: t('users.membership.removeTitle'),
      message: t('users.membership.removeMessage', { name: user.name, role, unit: membership.unitName }),
      confirmLabel: t('users.membership.removeConfirm'),
      danger: true,
    })
    if (confirmed) removeMembership.mutate(membership.id, { onSuccess: () => notifySuccess(t('users.membership.removed')) })
  }

  return (
    <Stack gap="md">
      {user.memberships.length === 0 ? (
        <Text c="dimmed">{t('users.noMemberships')}</Text>
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('users.membership.unit')}</Table.Th>
              <Table.Th scope="col">{t('users.membership.role')}</Table.Th>
              <Table.Th scope="col">{t('users.membership.since')}</Table.Th>
              {canManage ? <Table.Th scope="col">{t('common.actions')}</Table.Th> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {user.memberships.map((membership) => (
              <Table.Tr key={membership.id}>
                <Table.Td>
                  <AnchorLink to="/network" search={{ unitId: membership.unitId }}>
                    {membership.unitName}
                  </AnchorLink>{' '}
                  <Text span size="sm" c="dimmed">
                    ({membership.unitCode})
                  </Text>
                </Table.Td>
                <Table.Td>{t(`roles.${membership.role}`)}</Table.Td>
                <Table.Td>{format.date(membership.createdAt)}</Table.Td>
                {canManage ? (
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="red.9"
                      aria-label={t('users.membership.remove', { unit: membership.unitName, role: t(`roles.${membership.role}`) })}
                      onClick={() => void remove(membership)}
                    >
                      <IconTrash size={16} aria-hidden="true" />
                    </ActionIcon>
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {canManage ? <AddMembershipForm user={user} /> : null}
    </Stack>
  )
}

function AddMembershipForm({ user }: { user: User }) {
  const { t } = useTranslation()
  const me = useMe()
  const units = useUnits()
  const addMembership = useAddMembership(user.id)
  const form = useForm({ initialValues: { unitId: '', role: '' }, validate: contractResolver(MembershipInput) })
  const assignable = (units.data ?? []).filter((unit) => unit.can.update && unit.archivedAt === null)
  const roles = ROLES.filter((role) => role !== 'network_admin' || me.isNetworkAdmin)

  return (
    <form
      noValidate
      aria-label={t('users.membership.title')}
      onSubmit={form.onSubmit((values) =>
        addMembership.mutate(MembershipInput.parse(values), {
          onSuccess: () => {
            form.reset()
            notifySuccess(t('users.membership.added'))
          },
          onError: (error) => showSubmitError(form, error),
        }),
      )}
    >
      <Group align="flex-start" gap="sm" wrap="wrap">
        <NativeSelect
          label={t('users.membership.unit')}
          style={{ flex: 1, minWidth: 200 }}
          data={[{ value: '', label: t('common.choose') }, ...assignable.map((unit) => ({ value: unit.id, label: unit.name }))]}
          {...form.getInputProps('unitId')}
        />
        <NativeSelect
          label={t('users.membership.role')}
          style={{ flex: 1, minWidth: 200 }}
          data={[{ value: '', label: t('common.choose') }, ...roles.map((role) => ({ value: role, label: t(`roles.${role}`) }))]}
          {...form.getInputProps('role')}
        />
        <Button type="submit" mt={25} loading={addMembership.isPending}>
          {t('users.membership.submit')}
        </Button>
      </Group>
    </form>
  )
}
