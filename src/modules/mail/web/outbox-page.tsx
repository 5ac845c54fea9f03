import { Text } from '@mantine/core'
import { IconMailForward } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useFormat } from '../../../web/i18n/format'
import { DataTable } from '../../../web/ui/data-table'
import { EmptyState } from '../../../web/ui/empty-state'
import { FilterBar } from '../../../web/ui/filter-bar'
import { PageHeader } from '../../../web/ui/page-header'
import { AnchorLink } from '../../../web/ui/router-links'
import { SearchField } from '../../../web/ui/search-field'
import { StatusBadge } from '../../../web/ui/status-badge'
import { useOutbox } from './mail.queries'
import { MAIL_TONES } from './mail-status'

interface OutboxPageProps {
  query?: string
  onQueryChange: (query: string | undefined) => void
}

export function OutboxPage({ query, onQueryChange }: OutboxPageProps) {
  const { t } = useTranslation()
  const format = useFormat()
  const messages = useOutbox(query)
  return (
    <>
      <PageHeader title={t('outbox.title')} description={t('outbox.description')} />
      <FilterBar label={t('outbox.filtersLabel')}>
        <SearchField
          label={t('outbox.searchLabel')}
          placeholder={t('outbox.searchPlaceholder')}
          value={query ?? ''}
          onChange={(next) => onQueryChange(next || undefined)}
        />
      </FilterBar>
      <DataTable
        caption={t('outbox.caption')}
        rows={messages.rows}
        rowKey={(message) => message.id}
        isLoading={messages.isPending}
        error={messages.error}
        onRetry={() => void messages.refetch()}
        paging={messages}
        empty={
          query ? (
            <EmptyState title={t('common.noResults')} description={t('common.noResultsHint')} />
          ) : (
            <EmptyState icon={<IconMailForward aria-hidden="true" />} title={t('outbox.empty')} description={t('outbox.emptyHint')} />
          )
        }
        columns={[
          { id: 'to', header: t('outbox.columns.to'), cell: (message) => message.to },
          {
            id: 'subject',
            header: t('outbox.columns.subject'),
            cell: (message) => (
              <AnchorLink to="/outbox/$messageId" params={{ messageId: message.id }} fw={600}>
                {message.subject}
              </AnchorLink>
            ),
          },
          {
            id: 'status',
            header: t('outbox.columns.status'),
            cell: (message) => <StatusBadge tone={MAIL_TONES[message.status]}>{t(`outbox.status.${message.status}`)}</StatusBadge>,
          },
          { id: 'createdAt', header: t('outbox.columns.createdAt'), cell: (message) => format.dateTime(message.createdAt) },
          {
            id: 'sentAt',
            header: t('outbox.columns.sentAt'),
            cell: (message) =>
              message.sentAt ? (
                format.dateTime(message.sentAt)
              ) : (
                <Text span size="sm" c="dimmed">
                  —
                </Text>
              ),
          },
        ]}
      />
    </>
  )
}
