import { Button, Code, Group, NativeSelect, Text } from '@mantine/core'
import { IconHistory, IconX } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useFormat } from '../../../web/i18n/format'
import { useOptionalLabel } from '../../../web/i18n/optional-label'
import { DataTable } from '../../../web/ui/data-table'
import { EmptyState } from '../../../web/ui/empty-state'
import { FilterBar } from '../../../web/ui/filter-bar'
import { PageHeader } from '../../../web/ui/page-header'
import { useUserList } from '../../identity/web'
import { AUDIT_ACTIONS, type AuditAction } from '../audit.contract'
import { AuditDiff } from './audit-diff'
import { type AuditFilters, useAuditList } from './audit.queries'

/** Entity types the modules record today; the filter also keeps any other type found in the URL. */
const KNOWN_ENTITY_TYPES = ['unit', 'unit_share', 'user', 'membership', 'invitation', 'api_token', 'company'] as const

function isAction(value: string): value is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(value)
}

interface AuditPageProps {
  filters: AuditFilters
  onFiltersChange: (filters: AuditFilters) => void
}

export function AuditPage({ filters, onFiltersChange }: AuditPageProps) {
  const { t } = useTranslation()
  const format = useFormat()
  const label = useOptionalLabel()
  const entries = useAuditList(filters)
  // The actor filter offers the people the user can see (the first hundred, by name).
  const people = useUserList({}, { limit: 100 })
  const hasFilters = Object.values(filters).some((value) => value !== undefined)
  const set = (patch: Partial<AuditFilters>) => onFiltersChange({ ...filters, ...patch })

  const entityLabel = (type: string) => label(`audit.entityTypes.${type}`, type)
  const entityTypes = [...new Set<string>([...KNOWN_ENTITY_TYPES, ...(filters.entityType ? [filters.entityType] : [])])]
  const actorOptions = people.rows.map((person) => ({ value: person.id, label: person.name }))
  if (filters.actorUserId && !actorOptions.some((option) => option.value === filters.actorUserId)) {
    actorOptions.unshift({ value: filters.actorUserId, label: t('audit.filters.selectedUser') })
  }

  return (
    <>
      <PageHeader title={t('audit.title')} description={t('audit.description')} />
      <FilterBar label={t('audit.filtersLabel')} onClear={hasFilters ? () => onFiltersChange({}) : undefined}>
        <NativeSelect
          label={t('audit.filters.entityType')}
          value={filters.entityType ?? ''}
          data={[{ value: '', label: t('common.all') }, ...entityTypes.map((type) => ({ value: type, label: entityLabel(type) }))]}
          // Another type of entity makes a specific entity id meaningless.
          onChange={(event) => set({ entityType: event.currentTarget.value || undefined, entityId: undefined })}
        />
        <NativeSelect
          label={t('audit.filters.action')}
          value={filters.action ?? ''}
          data={[{ value: '', label: t('common.all') }, ...AUDIT_ACTIONS.map((action) => ({ value: action, label: t(`audit.actions.${action}`) }))]}
          onChange={(event) => {
            const value = event.currentTarget.value
            set({ action: isAction(value) ? value : undefined })
          }}
        />
        <NativeSelect
          label={t('audit.filters.user')}
          value={filters.actorUserId ?? ''}
          data={[{ value: '', label: t('common.all') }, ...actorOptions]}
          onChange={(event) => set({ actorUserId: event.currentTarget.value || undefined })}
        />
      </FilterBar>
      {filters.entityId ? (
        <Group gap="xs" mb="md">
          <Text size="sm">
            {t('audit.filters.entity', { type: entityLabel(filters.entityType ?? '') })} <Code>{filters.entityId}</Code>
          </Text>
          <Button
            size="xs"
            variant="subtle"
            leftSection={<IconX size={14} aria-hidden="true" />}
            onClick={() => set({ entityId: undefined })}
          >
            {t('audit.filters.clearEntity')}
          </Button>
        </Group>
      ) : null}
      <DataTable
        caption={t('audit.caption')}
        rows={entries.rows}
        rowKey={(entry) => entry.id}
        isLoading={entries.isPending}
        error={entries.error}
        onRetry={() => void entries.refetch()}
        paging={entries}
        empty={
          <EmptyState
            icon={<IconHistory aria-hidden="true" />}
            title={t('audit.empty')}
            description={hasFilters ? t('common.noResultsHint') : t('audit.emptyHint')}
          />
        }
        expandable={{
          render: (entry) => <AuditDiff entry={entry} />,
          toggleLabel: (entry) =>
            t('audit.toggleDetails', {
              action: t(`audit.actions.${entry.action}`),
              entity: entityLabel(entry.entityType),
              when: format.dateTime(entry.occurredAt),
            }),
        }}
        columns={[
          { id: 'when', header: t('audit.columns.when'), cell: (entry) => format.dateTime(entry.occurredAt) },
          { id: 'actor', header: t('audit.columns.actor'), cell: (entry) => entry.actorName ?? t('audit.system') },
          { id: 'action', header: t('audit.columns.action'), cell: (entry) => t(`audit.actions.${entry.action}`) },
          {
            id: 'entity',
            header: t('audit.columns.entity'),
            cell: (entry) => (
              <>
                {entityLabel(entry.entityType)}{' '}
                <Text span size="xs" c="dimmed" ff="monospace">
                  {entry.entityId.slice(0, 8)}
                </Text>
              </>
            ),
          },
          {
            id: 'changes',
            header: t('audit.columns.changes'),
            cell: (entry) =>
              entry.changedFields.length === 0
                ? '—'
                : entry.changedFields.map((field) => label(`audit.fields.${field}`, field)).join(', '),
          },
        ]}
      />
    </>
  )
}
