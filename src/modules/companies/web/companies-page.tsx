import { Box, Group, MultiSelect, NativeSelect, Pill, Switch, Text, TextInput, Tooltip, VisuallyHidden } from '@mantine/core'
import { IconBuildingFactory2, IconCopy, IconPlus } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useFormat } from '../../../web/i18n/format'
import { DataTable } from '../../../web/ui/data-table'
import { EmptyState } from '../../../web/ui/empty-state'
import { FilterBar } from '../../../web/ui/filter-bar'
import { PageHeader } from '../../../web/ui/page-header'
import { AnchorLink, ButtonLink } from '../../../web/ui/router-links'
import { SearchField } from '../../../web/ui/search-field'
import { StatusBadge } from '../../../web/ui/status-badge'
import { useMe, useUnits } from '../../identity/web'
import { REGIONS } from '../../territory/territory.contract'
import { comuneLabel, useProvinces } from '../../territory/web'
import { ATECO_2007_SECTIONS, type Company, COMPANY_SIZES, type CompanySize } from '../companies.contract'
import { type CompanyFilters, useCompanyList } from './companies.queries'
import { hasListFilters, useCompanyListExtras } from './companies-list-extras'
import { canWorkWithCompanies } from './company-access'
import { CompanyImportExportActions } from './company-import-actions'
import { STAGE_TONES, useAtecoSectionLabel } from './company-labels'

interface CompaniesPageProps {
  filters: CompanyFilters
  onFiltersChange: (filters: CompanyFilters) => void
}

function isSize(value: string): value is CompanySize {
  return (COMPANY_SIZES as readonly string[]).includes(value)
}

/** The hub's registry of companies: search, filter by place, sector and size, and open one. */
export function CompaniesPage({ filters, onFiltersChange }: CompaniesPageProps) {
  const { t } = useTranslation()
  const format = useFormat()
  const me = useMe()
  const companies = useCompanyList(filters)
  const units = useUnits()
  const provinces = useProvinces(filters.region)
  const sectionLabel = useAtecoSectionLabel()
  // Saved views, custom fields, tags, divisions, columns and bulk selection (companies-list-extras.tsx).
  const extras = useCompanyListExtras({ filters, rows: companies.rows, onFiltersChange })
  const hasFilters = hasListFilters(filters)
  const set = (patch: Partial<CompanyFilters>) => onFiltersChange({ ...filters, ...patch })
  const canCreate = canWorkWithCompanies(me)

  return (
    <>
      <PageHeader
        title={t('companies.title')}
        description={t('companies.description')}
        actions={
          canCreate ? (
            <>
              <CompanyImportExportActions filters={filters} />
              <ButtonLink to="/companies/duplicates" variant="default" leftSection={<IconCopy size={16} aria-hidden="true" />}>
                {t('companyDuplicates.listLink')}
              </ButtonLink>
              <ButtonLink to="/companies/new" leftSection={<IconPlus size={16} aria-hidden="true" />}>
                {t('companies.new')}
              </ButtonLink>
            </>
          ) : null
        }
      />
      <Group justify="space-between" mb="sm" gap="sm">
        {extras.viewsMenu}
        {extras.columnChooser}
      </Group>
      <FilterBar
        label={t('companies.filtersLabel')}
        onClear={hasFilters ? () => onFiltersChange({ columns: filters.columns }) : undefined}
      >
        <Box w={300} maw="100%">
          <SearchField
            label={t('companies.searchLabel')}
            placeholder={t('companies.searchPlaceholder')}
            value={filters.q ?? ''}
            onChange={(q) => set({ q: q || undefined })}
          />
        </Box>
        <NativeSelect
          label={t('companies.filters.unit')}
          value={filters.unitId ?? ''}
          data={[
            { value: '', label: t('companies.filters.all') },
            ...(units.data ?? []).map((unit) => ({ value: unit.id, label: unit.name })),
          ]}
          onChange={(event) => set({ unitId: event.currentTarget.value || undefined })}
        />
        <NativeSelect
          label={t('companies.filters.region')}
          value={filters.region ?? ''}
          data={[
            { value: '', label: t('companies.filters.all') },
            ...REGIONS.map((region) => ({ value: region.code, label: t(`regions.${region.code}`) })),
          ]}
          // A province of another region would match nothing.
          onChange={(event) => set({ region: event.currentTarget.value || undefined, province: undefined })}
        />
        <NativeSelect
          label={t('companies.filters.province')}
          value={filters.province ?? ''}
          data={[
            { value: '', label: t('companies.filters.all') },
            ...(provinces.data ?? []).map((province) => ({
              value: province.code,
              label: `${province.name} (${province.code})`,
            })),
          ]}
          onChange={(event) => set({ province: event.currentTarget.value || undefined })}
        />
        <MultiSelect
          label={t('companies.filters.atecoSection')}
          placeholder={filters.atecoSection?.length ? undefined : t('companies.filters.all')}
          value={filters.atecoSection ?? []}
          data={ATECO_2007_SECTIONS.map((section) => ({
            value: section.code,
            label: `${section.code} · ${sectionLabel(section.code) ?? ''}`,
          }))}
          onChange={(codes) => set({ atecoSection: codes.length > 0 ? codes : undefined })}
          // A chosen section shows as its letter, so several fit on one line; its name stays readable.
          renderPill={({ option, onRemove }) => (
            <Pill key={String(option.value)} withRemoveButton onRemove={onRemove}>
              {option.value}
              <VisuallyHidden>{` · ${sectionLabel(String(option.value)) ?? ''}`}</VisuallyHidden>
            </Pill>
          )}
          comboboxProps={{ width: 360, position: 'bottom-start' }}
          w={260}
          searchable
        />
        <MultiSelect
          label={t('companies.filters.size')}
          placeholder={filters.size?.length ? undefined : t('companies.filters.all')}
          value={filters.size ?? []}
          data={COMPANY_SIZES.map((size) => ({ value: size, label: t(`companies.sizes.${size}`) }))}
          onChange={(sizes) => {
            const chosen = sizes.filter(isSize)
            set({ size: chosen.length > 0 ? chosen : undefined })
          }}
          w={200}
        />
        <NativeSelect
          label={t('companies.filters.cooperative')}
          value={filters.cooperative === undefined ? '' : String(filters.cooperative)}
          data={[
            { value: '', label: t('companies.filters.all') },
            { value: 'true', label: t('common.yes') },
            { value: 'false', label: t('common.no') },
          ]}
          onChange={(event) => {
            const value = event.currentTarget.value
            set({ cooperative: value === '' ? undefined : value === 'true' })
          }}
        />
        <TextInput
          type="date"
          label={t('companyActivity.contactedFrom')}
          title={t('companyActivity.contactedHint')}
          value={filters.contactedFrom ?? ''}
          max={filters.contactedTo}
          onChange={(event) => set({ contactedFrom: event.currentTarget.value || undefined })}
        />
        <TextInput
          type="date"
          label={t('companyActivity.contactedTo')}
          title={t('companyActivity.contactedHint')}
          value={filters.contactedTo ?? ''}
          min={filters.contactedFrom}
          onChange={(event) => set({ contactedTo: event.currentTarget.value || undefined })}
        />
        <Switch
          label={t('companies.filters.showArchived')}
          checked={filters.includeArchived ?? false}
          onChange={(event) => set({ includeArchived: event.currentTarget.checked || undefined })}
          mb={8}
        />
        {extras.filterInputs}
      </FilterBar>
      {extras.bulkBar}
      {/* Announced when it changes, so screen reader users hear what a search or filter found. */}
      <Text role="status" size="sm" c="dimmed" mb="xs">
        {companies.total === undefined
          ? null
          : companies.totalIsLowerBound
            ? // A search reads at most 200 matches: say there are more, and how to see them.
              t('companies.totalAtLeast', { count: companies.total, countText: format.number(companies.total) })
            : companies.totalIsEstimate
            ? // Beyond the exact-count cap the API estimates: say so, with no false precision.
              t('companies.totalEstimated', { count: companies.total, countText: format.number(roundEstimate(companies.total)) })
            : t('companies.total', { count: companies.total, countText: format.number(companies.total) })}
      </Text>
      <DataTable
        caption={t('companies.caption')}
        rows={companies.rows}
        rowKey={(company) => company.id}
        isLoading={companies.isPending}
        error={companies.error}
        onRetry={() => void companies.refetch()}
        paging={companies}
        minWidth={960}
        empty={
          hasFilters ? (
            <EmptyState title={t('common.noResults')} description={t('common.noResultsHint')} />
          ) : (
            <EmptyState
              icon={<IconBuildingFactory2 aria-hidden="true" />}
              title={t('companies.empty')}
              description={t('companies.emptyHint')}
              action={
                canCreate ? (
                  <ButtonLink to="/companies/new" leftSection={<IconPlus size={16} aria-hidden="true" />}>
                    {t('companies.emptyAction')}
                  </ButtonLink>
                ) : null
              }
            />
          )
        }
        columns={extras.columns([
          {
            id: 'name',
            header: t('companies.columns.name'),
            cell: (company) => (
              <Group gap={6} wrap="nowrap">
                <AnchorLink to="/companies/$companyId" params={{ companyId: company.id }} fw={600}>
                  {company.name}
                </AnchorLink>
                {company.archivedAt ? <StatusBadge tone="neutral">{t('companies.archived')}</StatusBadge> : null}
              </Group>
            ),
          },
          {
            id: 'vatNumber',
            header: t('companies.columns.vatNumber'),
            cell: (company) => (
              <Text span ff="monospace" size="sm">
                {company.vatNumber}
              </Text>
            ),
          },
          {
            id: 'comune',
            header: t('companies.columns.comune'),
            cell: (company) => (company.comune ? comuneLabel(company.comune) : '—'),
          },
          { id: 'ateco', header: t('companies.columns.ateco'), cell: (company) => <AtecoCell company={company} /> },
          {
            id: 'size',
            header: t('companies.columns.size'),
            cell: (company) => (company.size ? t(`companies.sizes.${company.size}`) : '—'),
          },
          {
            id: 'stage',
            header: t('companies.columns.stage'),
            cell: (company) => (
              <StatusBadge tone={STAGE_TONES[company.stage]}>{t(`companies.stages.${company.stage}`)}</StatusBadge>
            ),
          },
          { id: 'unit', header: t('companies.columns.unit'), cell: (company) => company.unitName },
        ])}
      />
    </>
  )
}

/**
 * The code and its section letter; the section's name shows on hover and is read by screen readers
 * (visually hidden), so no one depends on the tooltip.
 */
function AtecoCell({ company }: { company: Company }) {
  const sectionLabel = useAtecoSectionLabel()
  if (!company.atecoCode) return <>—</>
  const label = sectionLabel(company.atecoSection)
  return (
    <Group gap={6} wrap="nowrap">
      <Text span size="sm" ff="monospace">
        {company.atecoCode}
      </Text>
      {company.atecoSection ? (
        <Tooltip label={label ?? company.atecoSection} disabled={!label} withArrow>
          <Text span size="sm" fw={700} c="dimmed">
            {company.atecoSection}
            {label ? <VisuallyHidden>{` · ${label}`}</VisuallyHidden> : null}
          </Text>
        </Tooltip>
      ) : null}
    </Group>
  )
}

/**
 * An estimated total to two significant digits (12,347 → 12,000): a sample of ~10,000 rows is good
 * to a few per cent (ADR 0033), no more.
 */
function roundEstimate(n: number): number {
  if (n < 1000) return n
  const step = 10 ** (Math.floor(Math.log10(n)) - 1)
  return Math.round(n / step) * step
}
