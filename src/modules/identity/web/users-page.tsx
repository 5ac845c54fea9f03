import { NativeSelect, Stack, Text } from '@mantine/core'
import { IconUsers } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useFormat } from '../../../web/i18n/format'
import { DataTable } from '../../../web/ui/data-table'
import { EmptyState } from '../../../web/ui/empty-state'
import { FilterBar } from '../../../web/ui/filter-bar'
import { PageHeader } from '../../../web/ui/page-header'
import { AnchorLink } from '../../../web/ui/router-links'
import { SearchField } from '../../../web/ui/search-field'
import { StatusBadge } from '../../../web/ui/status-badge'
import { ROLES, type Role } from '../identity.contract'
import { type UserFilters, useUnits, useUserList } from './identity.queries'

const STATUSES = ['active', 'inactive'] as const

interface UsersPageProps {
  filters: UserFilters
  onFiltersChange: (filters: UserFilters) => void
}

function isOneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value)
}

export function UsersPage({ filters, onFiltersChange }: UsersPageProps) {
  const { t } = useTranslation()
  const format = useFormat()
  const users = useUserList(filters)
  const units = useUnits()
  const hasFilters = Object.values(filters).some((value) => value !== undefined)
  const set = (patch: Partial<UserFilters>) => onFiltersChange({ ...filters, ...patch })

  return (
    <>
      <PageHeader title={t('users.title')} description={t('users.description')} />
      <FilterBar label={t('users.filtersLabel')} onClear={hasFilters ? () => onFiltersChange({}) : undefined}>
        <SearchField
          label={t('users.searchLabel')}
          placeholder={t('users.searchPlaceholder')}
          value={filters.q ?? ''}
          onChange={(q) => set({ q: q || undefined })}
        />
        <NativeSelect
          label={t('users.filters.unit')}
          value={filters.unitId ?? ''}
          data={[
            { value: '', label: t('common.all') },
            ...(units.data ?? []).map((unit) => ({ value: unit.id, label: unit.name })),
          ]}
          onChange={(event) => set({ unitId: event.currentTarget.value || undefined })}
        />
        <NativeSelect
          label={t('users.filters.role')}
          value={filters.role ?? ''}
          data={[{ value: '', label: t('common.all') }, ...ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))]}
          onChange={(event) => {
            const value = event.currentTarget.value
            set({ role: isOneOf<Role>(ROLES, value) ? value : undefined })
          }}
        />
        <NativeSelect
          label={t('users.filters.status')}
          value={filters.status ?? ''}
          data={[
            { value: '', label: t('common.all') },
            ...STATUSES.map((status) => ({ value: status, label: t(`users.status.${status}`) })),
          ]}
          onChange={(event) => {
            const value = event.currentTarget.value
            set({ status: isOneOf(STATUSES, value) ? value : undefined })
          }}
        />
      </FilterBar>
      <DataTable
        caption={t('users.caption')}
        rows={users.rows}
        rowKey={(user) => user.id}
        isLoading={users.isPending}
        error={users.error}
        onRetry={() => void users.refetch()}
        paging={users}
        empty={
          hasFilters ? (
            <EmptyState title={t('common.noResults')} description={t('common.noResultsHint')} />
          ) : (
            <EmptyState icon={<IconUsers aria-hidden="true" />} title={t('users.empty')} description={t('users.emptyHint')} />
          )
        }
        columns={[
          {
            id: 'name',
            header: t('users.columns.name'),
            cell: (user) => (
              <AnchorLink to="/users/$userId" params={{ userId: user.id }} fw={600}>
                {user.name}
              </AnchorLink>
            ),
          },
          { id: 'email', header: t('users.columns.email'), cell: (user) => user.email },
          {
            id: 'memberships',
            header: t('users.columns.memberships'),
            cell: (user) =>
              user.memberships.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('users.noMemberships')}
                </Text>
              ) : (
                <Stack gap={0}>
                  {user.memberships.map((membership) => (
                    <Text key={membership.id} size="sm">
                      {membership.unitName} · {t(`roles.${membership.role}`)}
                    </Text>
                  ))}
                </Stack>
              ),
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
          {
            id: 'lastLogin',
            header: t('users.columns.lastLogin'),
            cell: (user) => (user.lastLoginAt ? format.dateTime(user.lastLoginAt) : t('users.never')),
          },
        ]}
      />
    </>
  )
}
