import { Alert, Anchor, Box, Button, Group, NativeSelect, Stack, Switch, Text } from '@mantine/core'
import { IconDownload, IconPlus, IconUsers } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useFormat } from '../../../web/i18n/format'
import { DataTable } from '../../../web/ui/data-table'
import { EmptyState } from '../../../web/ui/empty-state'
import { FilterBar } from '../../../web/ui/filter-bar'
import { PageHeader } from '../../../web/ui/page-header'
import { AnchorLink, ButtonLink } from '../../../web/ui/router-links'
import { SearchField } from '../../../web/ui/search-field'
import { StatusBadge } from '../../../web/ui/status-badge'
import { canWorkWithCompanies } from '../../companies/web'
import { useMe, useUnits } from '../../identity/web'
import { CONSENT_PURPOSES, type ConsentPurpose, type Contact } from '../contacts.contract'
import { type ContactFilters, contactsCsvUrl, useContactList } from './contacts.queries'

interface ContactsPageProps {
  filters: ContactFilters
  onFiltersChange: (filters: ContactFilters) => void
}

function isPurpose(value: string): value is ConsentPurpose {
  return (CONSENT_PURPOSES as readonly string[]).includes(value)
}

/** `/contacts`: the people of the companies; with a consent filter, the purpose's segment. */
export function ContactsPage({ filters, onFiltersChange }: ContactsPageProps) {
  const { t } = useTranslation()
  const format = useFormat()
  const me = useMe()
  const contacts = useContactList(filters)
  const units = useUnits()
  const hasFilters = Object.values(filters).some((value) => value !== undefined)
  const set = (patch: Partial<ContactFilters>) => onFiltersChange({ ...filters, ...patch })
  const canCreate = canWorkWithCompanies(me)
  const purposeLabel = filters.consent ? t(`contacts.purposes.${filters.consent}`) : null

  return (
    <>
      <PageHeader
        title={t('contacts.title')}
        description={t('contacts.description')}
        actions={
          <>
            <Button
              component="a"
              href={contactsCsvUrl(filters)}
              download
              variant="default"
              leftSection={<IconDownload size={16} aria-hidden="true" />}
            >
              {filters.consent ? t('contacts.exportCsvSegment') : t('contacts.exportCsv')}
            </Button>
            {canCreate ? (
              <ButtonLink to="/contacts/new" leftSection={<IconPlus size={16} aria-hidden="true" />}>
                {t('contacts.new')}
              </ButtonLink>
            ) : null}
          </>
        }
      />
      <FilterBar label={t('contacts.filtersLabel')} onClear={hasFilters ? () => onFiltersChange({}) : undefined}>
        <Box w={300} maw="100%">
          <SearchField
            label={t('contacts.searchLabel')}
            placeholder={t('contacts.searchPlaceholder')}
            value={filters.q ?? ''}
            onChange={(q) => set({ q: q || undefined })}
          />
        </Box>
        <NativeSelect
          label={t('contacts.filters.consent')}
          value={filters.consent ?? ''}
          data={[
            { value: '', label: t('contacts.filters.noSegment') },
            ...CONSENT_PURPOSES.map((purpose) => ({
              value: purpose,
              label: t('contacts.filters.segment', { purpose: t(`contacts.purposes.${purpose}`) }),
            })),
          ]}
          onChange={(event) => {
            const value = event.currentTarget.value
            set({ consent: isPurpose(value) ? value : undefined })
          }}
        />
        <NativeSelect
          label={t('contacts.filters.unit')}
          value={filters.unitId ?? ''}
          data={[
            { value: '', label: t('contacts.filters.all') },
            ...(units.data ?? []).map((unit) => ({ value: unit.id, label: unit.name })),
          ]}
          onChange={(event) => set({ unitId: event.currentTarget.value || undefined })}
        />
        <Switch
          label={t('contacts.filters.showArchived')}
          checked={filters.includeArchived ?? false}
          onChange={(event) => set({ includeArchived: event.currentTarget.checked || undefined })}
          mb={8}
        />
      </FilterBar>
      {purposeLabel ? (
        <Alert color="blue" variant="light" mb="sm">
          {t('contacts.segmentNotice', { purpose: purposeLabel })}
        </Alert>
      ) : null}
      {/* Announced when it changes, so screen reader users hear what a search or filter found. */}
      <Text role="status" size="sm" c="dimmed" mb="xs">
        {contacts.total === undefined ? null : t('contacts.total', { count: contacts.total, countText: format.number(contacts.total) })}
      </Text>
      <DataTable
        caption={purposeLabel ? t('contacts.filters.segment', { purpose: purposeLabel }) : t('contacts.caption')}
        rows={contacts.rows}
        rowKey={(contact) => contact.id}
        isLoading={contacts.isPending}
        error={contacts.error}
        onRetry={() => void contacts.refetch()}
        paging={contacts}
        minWidth={900}
        empty={
          filters.consent ? (
            <EmptyState title={t('contacts.segmentEmpty')} description={t('contacts.segmentEmptyHint')} />
          ) : hasFilters ? (
            <EmptyState title={t('common.noResults')} description={t('common.noResultsHint')} />
          ) : (
            <EmptyState
              icon={<IconUsers aria-hidden="true" />}
              title={t('contacts.empty')}
              description={t('contacts.emptyHint')}
              action={
                canCreate ? (
                  <ButtonLink to="/contacts/new" leftSection={<IconPlus size={16} aria-hidden="true" />}>
                    {t('contacts.emptyAction')}
                  </ButtonLink>
                ) : null
              }
            />
          )
        }
        columns={[
          { id: 'name', header: t('contacts.columns.name'), cell: (contact) => <ContactNameCell contact={contact} /> },
          { id: 'companies', header: t('contacts.columns.companies'), cell: (contact) => <CompaniesCell contact={contact} /> },
          {
            id: 'email',
            header: t('contacts.columns.email'),
            cell: (contact) => (contact.email ? <Anchor href={`mailto:${contact.email}`} size="sm">{contact.email}</Anchor> : '—'),
          },
          { id: 'phone', header: t('contacts.columns.phone'), cell: (contact) => contact.phone ?? '—' },
          { id: 'consents', header: t('contacts.columns.consents'), cell: (contact) => <ConsentBadges contact={contact} /> },
          { id: 'unit', header: t('contacts.columns.unit'), cell: (contact) => contact.unitName },
        ]}
      />
    </>
  )
}

function ContactNameCell({ contact }: { contact: Contact }) {
  const { t } = useTranslation()
  return (
    <Stack gap={2}>
      <Group gap={6} wrap="nowrap">
        <AnchorLink to="/contacts/$contactId" params={{ contactId: contact.id }} fw={600}>
          {contact.firstName} {contact.lastName}
        </AnchorLink>
        {contact.erasedAt ? <StatusBadge tone="neutral">{t('contacts.erased')}</StatusBadge> : null}
        {contact.archivedAt ? <StatusBadge tone="neutral">{t('contacts.archived')}</StatusBadge> : null}
      </Group>
      {contact.jobTitle ? (
        <Text size="xs" c="dimmed">
          {contact.jobTitle}
        </Text>
      ) : null}
    </Stack>
  )
}

function CompaniesCell({ contact }: { contact: Contact }) {
  const { t } = useTranslation()
  if (contact.companies.length === 0) return <>—</>
  return (
    <Stack gap={2}>
      {contact.companies.map((link) => (
        <Text key={link.companyId} size="sm">
          <AnchorLink to="/companies/$companyId" params={{ companyId: link.companyId }} size="sm">
            {link.companyName}
          </AnchorLink>
          {` · ${t(`contacts.roles.${link.role}`)}`}
        </Text>
      ))}
    </Stack>
  )
}

/** The purposes whose consent is in force, as badges; nothing when none is. */
export function ConsentBadges({ contact }: { contact: Contact }) {
  const { t } = useTranslation()
  const granted = contact.consents.filter((consent) => consent.granted)
  if (granted.length === 0) return <>—</>
  return (
    <Group gap={4}>
      {granted.map((consent) => (
        <StatusBadge key={consent.purpose} tone="positive">
          {t(`contacts.purposes.${consent.purpose}`)}
        </StatusBadge>
      ))}
    </Group>
  )
}
