import { Button, Group, Modal, NativeSelect } from '@mantine/core'
import { IconMailPlus } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useFormat } from '../../../web/i18n/format'
import { confirmAction } from '../../../web/ui/confirm'
import { DataTable } from '../../../web/ui/data-table'
import { EmptyState } from '../../../web/ui/empty-state'
import { FilterBar } from '../../../web/ui/filter-bar'
import { notifySuccess } from '../../../web/ui/notify'
import { PageHeader } from '../../../web/ui/page-header'
import { SearchField } from '../../../web/ui/search-field'
import { StatusBadge } from '../../../web/ui/status-badge'
import { INVITATION_STATUSES, type Invitation } from '../identity.contract'
import {
  type InvitationFilters,
  useInvitationList,
  useResendInvitation,
  useRevokeInvitation,
  useUnits,
} from './identity.queries'
import { InvitationForm } from './invitation-form'
import { INVITATION_TONES } from './invitation-status'

interface InvitationsPageProps {
  filters: InvitationFilters
  onFiltersChange: (filters: InvitationFilters) => void
}

function isStatus(value: string): value is Invitation['status'] {
  return (INVITATION_STATUSES as readonly string[]).includes(value)
}

export function InvitationsPage({ filters, onFiltersChange }: InvitationsPageProps) {
  const { t } = useTranslation()
  const format = useFormat()
  const [isCreating, setCreating] = useState(false)
  const invitations = useInvitationList(filters)
  const units = useUnits()
  const revoke = useRevokeInvitation()
  const resend = useResendInvitation()
  const canInvite = (units.data ?? []).some((unit) => unit.can.update && unit.archivedAt === null)
  const hasFilters = Object.values(filters).some((value) => value !== undefined)

  const onRevoke = async (invitation: Invitation) => {
    const confirmed = await confirmAction({
      title: t('invitations.revoke.title'),
      message: t('invitations.revoke.message', { email: invitation.email }),
      confirmLabel: t('invitations.revoke.confirm'),
      danger: true,
    })
    if (confirmed) revoke.mutate(invitation.id, { onSuccess: () => notifySuccess(t('invitations.revoke.done')) })
  }

  const newInvitation = canInvite ? (
    <Button leftSection={<IconMailPlus size={16} aria-hidden="true" />} onClick={() => setCreating(true)}>
      {t('invitations.new')}
    </Button>
  ) : null

  return (
    <>
      <PageHeader title={t('invitations.title')} description={t('invitations.description')} actions={newInvitation} />
      <FilterBar label={t('invitations.filtersLabel')} onClear={hasFilters ? () => onFiltersChange({}) : undefined}>
        <SearchField
          label={t('invitations.searchLabel')}
          placeholder={t('invitations.searchPlaceholder')}
          value={filters.q ?? ''}
          onChange={(q) => onFiltersChange({ ...filters, q: q || undefined })}
        />
        <NativeSelect
          label={t('invitations.statusFilter')}
          value={filters.status ?? ''}
          data={[
            { value: '', label: t('common.all') },
            ...INVITATION_STATUSES.map((status) => ({ value: status, label: t(`invitations.status.${status}`) })),
          ]}
          onChange={(event) => {
            const value = event.currentTarget.value
            onFiltersChange({ ...filters, status: isStatus(value) ? value : undefined })
          }}
        />
      </FilterBar>
      <DataTable
        caption={t('invitations.caption')}
        rows={invitations.rows}
        rowKey={(invitation) => invitation.id}
        isLoading={invitations.isPending}
        error={invitations.error}
        onRetry={() => void invitations.refetch()}
        paging={invitations}
        empty={
          hasFilters ? (
            <EmptyState title={t('common.noResults')} description={t('common.noResultsHint')} />
          ) : (
            <EmptyState
              icon={<IconMailPlus aria-hidden="true" />}
              title={t('invitations.empty')}
              description={t('invitations.emptyHint')}
            />
          )
        }
        columns={[
          { id: 'email', header: t('invitations.columns.email'), cell: (invitation) => invitation.email },
          { id: 'unit', header: t('invitations.columns.unit'), cell: (invitation) => invitation.unitName },
          { id: 'role', header: t('invitations.columns.role'), cell: (invitation) => t(`roles.${invitation.role}`) },
          {
            id: 'status',
            header: t('invitations.columns.status'),
            cell: (invitation) => (
              <StatusBadge tone={INVITATION_TONES[invitation.status]}>
                {t(`invitations.status.${invitation.status}`)}
              </StatusBadge>
            ),
          },
          {
            id: 'invitedBy',
            header: t('invitations.columns.invitedBy'),
            cell: (invitation) => invitation.invitedByName ?? '—',
          },
          {
            id: 'expiresAt',
            header: t('invitations.columns.expiresAt'),
            cell: (invitation) => format.dateTime(invitation.expiresAt),
          },
          {
            id: 'actions',
            header: t('common.actions'),
            cell: (invitation) =>
              invitation.status === 'pending' ? (
                <Group gap="xs" wrap="nowrap">
                  <Button
                    size="xs"
                    variant="default"
                    aria-label={t('invitations.resendLabel', { email: invitation.email })}
                    loading={resend.isPending && resend.variables === invitation.id}
                    onClick={() =>
                      resend.mutate(invitation.id, {
                        onSuccess: () => notifySuccess(t('invitations.resent', { email: invitation.email })),
                      })
                    }
                  >
                    {t('invitations.resend')}
                  </Button>
                  <Button
                    size="xs"
                    variant="outline"
                    color="red.9"
                    aria-label={t('invitations.revokeLabel', { email: invitation.email })}
                    onClick={() => void onRevoke(invitation)}
                  >
                    {t('invitations.revoke.action')}
                  </Button>
                </Group>
              ) : null,
          },
        ]}
      />
      <Modal opened={isCreating} onClose={() => setCreating(false)} title={t('invitations.form.title')}>
        <InvitationForm units={units.data ?? []} onCancel={() => setCreating(false)} onDone={() => setCreating(false)} />
      </Modal>
    </>
  )
}
