import { ActionIcon, Button, Group, NativeSelect, Stack, Text, Title, Tooltip } from '@mantine/core'
import { IconLink, IconUnlink } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useFormat } from '../../../web/i18n/format'
import { confirmAction } from '../../../web/ui/confirm'
import { DataTable } from '../../../web/ui/data-table'
import { EmptyState } from '../../../web/ui/empty-state'
import { notifyError, notifySuccess } from '../../../web/ui/notify'
import { useMe, useUserList } from '../../identity/web'
import type { Company } from '../companies.contract'
import type { CompanyMember } from '../companies.contract'
import { canWorkWithCompanies } from './company-access'
import { useAddCompanyMember, useCompanyMembers, useRemoveCompanyMember } from './company-duplicates.queries'

/**
 * The "Referenti aziendali" tab of a company: the users (role company_member) who see this company
 * and nothing else. Staff of the company's unit link and unlink them.
 */
export function CompanyMembersPanel({ company }: { company: Company }) {
  const me = useMe()
  // Company members themselves do not manage who else acts for their company.
  if (!canWorkWithCompanies(me)) return null
  return <MembersSection company={company} />
}

function MembersSection({ company }: { company: Company }) {
  const { t } = useTranslation()
  const format = useFormat()
  const members = useCompanyMembers(company.id)
  const remove = useRemoveCompanyMember(company.id)
  const canManage = members.data?.can.manage ?? false
  const nameOf = (m: CompanyMember) => m.name ?? m.email ?? t('companyDuplicates.members.deactivated')

  const onRemove = async (member: CompanyMember) => {
    const name = nameOf(member)
    const confirmed = await confirmAction({
      title: t('companyDuplicates.members.removeConfirm.title', { name }),
      message: t('companyDuplicates.members.removeConfirm.message', { name }),
      confirmLabel: t('companyDuplicates.members.removeConfirm.confirm'),
      danger: true,
    })
    if (confirmed) remove.mutate(member.userId, { onSuccess: () => notifySuccess(t('companyDuplicates.members.removed', { name })), onError: notifyError })
  }

  return (
    <Stack gap="md">
      <div>
        <Title order={2} size="h4">
          {t('companyDuplicates.members.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('companyDuplicates.members.description')}
        </Text>
      </div>
      {canManage ? <AddMember company={company} linked={(members.data?.items ?? []).map((m) => m.userId)} /> : null}
      <DataTable
        caption={t('companyDuplicates.members.caption')}
        rows={members.data?.items ?? []}
        rowKey={(m) => m.userId}
        isLoading={members.isPending}
        error={members.error}
        onRetry={() => void members.refetch()}
        minWidth={480}
        empty={<EmptyState title={t('companyDuplicates.members.empty')} description={t('companyDuplicates.members.emptyHint')} />}
        columns={[
          { id: 'name', header: t('companyDuplicates.members.columns.name'), cell: nameOf },
          { id: 'email', header: t('companyDuplicates.members.columns.email'), cell: (m) => m.email ?? '—' },
          { id: 'since', header: t('companyDuplicates.members.columns.since'), cell: (m) => format.date(m.createdAt) },
          ...(canManage
            ? [
                {
                  id: 'actions',
                  header: t('companyDuplicates.members.columns.actions'),
                  cell: (m: CompanyMember) => (
                    <Tooltip label={t('companyDuplicates.members.removeLabel', { name: nameOf(m) })}>
                      <ActionIcon
                        variant="subtle"
                        color="red.9"
                        aria-label={t('companyDuplicates.members.removeLabel', { name: nameOf(m) })}
                        onClick={() => void onRemove(m)}
                      >
                        <IconUnlink size={18} aria-hidden="true" />
                      </ActionIcon>
                    </Tooltip>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Stack>
  )
}

function AddMember({ company, linked }: { company: Company; linked: string[] }) {
  const { t } = useTranslation()
  const candidates = useUserList({ role: 'company_member', status: 'active' }, { limit: 100 })
  const add = useAddCompanyMember(company.id)
  const [userId, setUserId] = useState<string | null>(null)
  const options = candidates.rows
    .filter((u) => !linked.includes(u.id))
    .map((u) => ({ value: u.id, label: `${u.name} (${u.email})` }))

  const submit = () => {
    if (!userId) return
    add.mutate(userId, {
      onSuccess: (member) => {
        setUserId(null)
        notifySuccess(t('companyDuplicates.members.added', { name: member.name ?? member.email ?? '' }))
      },
      onError: notifyError,
    })
  }

  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <NativeSelect
        label={t('companyDuplicates.members.userLabel')}
        data={[{ value: '', label: t('companyDuplicates.members.userPlaceholder') }, ...options]}
        value={userId ?? ''}
        onChange={(event) => setUserId(event.currentTarget.value || null)}
        description={candidates.isPending || options.length > 0 ? undefined : t('companyDuplicates.members.noCandidates')}
        w={360}
        maw="100%"
      />
      <Button leftSection={<IconLink size={16} aria-hidden="true" />} disabled={!userId} loading={add.isPending} onClick={submit}>
        {t('companyDuplicates.members.add')}
      </Button>
    </Group>
  )
}
