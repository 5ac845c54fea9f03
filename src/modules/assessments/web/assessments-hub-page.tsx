/**
 * /assessments — the hub's assessments: "Elenco" (every assessment the caller reads, filtered,
 * keyset pages) and "Cruscotto" (the dashboard). The tab and the filters live in the URL, so a
 * filtered view can be bookmarked and shared; unit and questionnaire are common to both tabs.
 */
import { NativeSelect, Tabs, Text, TextInput } from '@mantine/core'
import { IconChartBar, IconClipboardCheck, IconList } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useFormat } from '../../../web/i18n/format'
import { DataTable } from '../../../web/ui/data-table'
import { EmptyState } from '../../../web/ui/empty-state'
import { FilterBar } from '../../../web/ui/filter-bar'
import { PageHeader } from '../../../web/ui/page-header'
import { AnchorLink } from '../../../web/ui/router-links'
import { StatusBadge, type BadgeTone } from '../../../web/ui/status-badge'
import { useUnits } from '../../identity/web'
import {
  ASSESSMENT_MODES,
  ASSESSMENT_STAGES,
  ASSESSMENT_STATUSES,
  DMA_INSTRUMENT_IDS,
  type AssessmentMode,
  type AssessmentStage,
  type AssessmentStatus,
  type AssessmentSummary,
  type DmaBandId,
  type DmaInstrumentId,
} from '../assessments.contract'
import { getDmaRules } from '../assessments.reference'
import { useMe } from '../../identity/web'
import { canWorkWithCompanies } from '../../companies/web'
import { AssessmentsDashboard } from './assessments-dashboard'
import { type AssessmentsHubSearch, useAssessmentsList } from './assessments-hub.queries'
import { AssessmentsExportMenu, AssessmentsImportButton } from './assessments-transfer'
import { formatScore } from './dma-results'

export type { AssessmentsHubSearch } from './assessments-hub.queries'

const STATUS_TONES: Record<AssessmentStatus, BadgeTone> = { draft: 'neutral', submitted: 'info', validated: 'positive', superseded: 'neutral' }

interface AssessmentsHubPageProps {
  search: AssessmentsHubSearch
  onSearchChange: (next: AssessmentsHubSearch) => void
}

/** A select's value back to a typed filter ('' = all). */
function pick<T extends string>(values: readonly T[], value: string): T | undefined {
  return (values as readonly string[]).includes(value) ? (value as T) : undefined
}

export function AssessmentsHubPage({ search, onSearchChange }: AssessmentsHubPageProps) {
  const { t } = useTranslation()
  const units = useUnits()
  const me = useMe()
  // Experts see the assessments they are named on; the dashboard and the transfers are staff work.
  const staff = canWorkWithCompanies(me)
  const tab = staff ? (search.tab ?? 'list') : 'list'
  // Any filter change shows the first page of deltas again.
  const set = (patch: Partial<AssessmentsHubSearch>) => onSearchChange({ ...search, deltaPage: undefined, ...patch })
  const all = t('assessments.hub.filters.all')
  const listFilters = Boolean(search.stage || search.status || search.mode)
  const hasFilters = Boolean(search.unitId || search.instrument || (tab === 'list' ? listFilters : search.from || search.to))

  return (
    <>
      <PageHeader
        title={t('assessments.hub.title')}
        description={t('assessments.hub.description')}
        actions={
          staff ? (
            <>
              <AssessmentsImportButton unitId={search.unitId} />
              <AssessmentsExportMenu filters={{ unitId: search.unitId, instrument: search.instrument, stage: search.stage, status: search.status, mode: search.mode }} />
            </>
          ) : undefined
        }
      />
      <Tabs value={tab} onChange={(next) => onSearchChange({ ...search, tab: next === 'dashboard' ? 'dashboard' : undefined })} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="list" leftSection={<IconList size={16} aria-hidden="true" />}>
            {t('assessments.hub.tabs.list')}
          </Tabs.Tab>
          {staff && (
            <Tabs.Tab value="dashboard" leftSection={<IconChartBar size={16} aria-hidden="true" />}>
              {t('assessments.hub.tabs.dashboard')}
            </Tabs.Tab>
          )}
        </Tabs.List>

        <FilterBar
          label={t('assessments.hub.filtersLabel')}
          onClear={
            hasFilters
              ? () => onSearchChange({ tab: search.tab, ...(tab === 'list' ? { from: search.from, to: search.to } : { stage: search.stage, status: search.status, mode: search.mode }) })
              : undefined
          }
        >
          <NativeSelect
            label={t('assessments.hub.filters.unit')}
            value={search.unitId ?? ''}
            data={[{ value: '', label: all }, ...(units.data ?? []).map((unit) => ({ value: unit.id, label: unit.name }))]}
            onChange={(event) => set({ unitId: event.currentTarget.value || undefined })}
          />
          <NativeSelect
            label={t('assessments.hub.filters.instrument')}
            value={search.instrument ?? ''}
            data={[{ value: '', label: all }, ...DMA_INSTRUMENT_IDS.map((id) => ({ value: id, label: t(`assessments.hub.instruments.${id}`) }))]}
            onChange={(event) => set({ instrument: pick<DmaInstrumentId>(DMA_INSTRUMENT_IDS, event.currentTarget.value) })}
          />
          {tab === 'list' ? (
            <>
              <NativeSelect
                label={t('assessments.fields.stage')}
                value={search.stage ?? ''}
                data={[{ value: '', label: all }, ...ASSESSMENT_STAGES.map((s) => ({ value: s, label: t(`assessments.stages.${s}`) }))]}
                onChange={(event) => set({ stage: pick<AssessmentStage>(ASSESSMENT_STAGES, event.currentTarget.value) })}
              />
              <NativeSelect
                label={t('assessments.fields.status')}
                value={search.status ?? ''}
                data={[{ value: '', label: all }, ...ASSESSMENT_STATUSES.map((s) => ({ value: s, label: t(`assessments.statuses.${s}`) }))]}
                onChange={(event) => set({ status: pick<AssessmentStatus>(ASSESSMENT_STATUSES, event.currentTarget.value) })}
              />
              <NativeSelect
                label={t('assessments.fields.mode')}
                value={search.mode ?? ''}
                data={[{ value: '', label: all }, ...ASSESSMENT_MODES.map((m) => ({ value: m, label: t(`assessments.modes.${m}`) }))]}
                onChange={(event) => set({ mode: pick<AssessmentMode>(ASSESSMENT_MODES, event.currentTarget.value) })}
              />
            </>
          ) : (
            <>
              <TextInput
                type="date"
                label={t('assessments.hub.filters.from')}
                value={search.from ?? ''}
                max={search.to}
                onChange={(event) => set({ from: event.currentTarget.value || undefined })}
              />
              <TextInput
                type="date"
                label={t('assessments.hub.filters.to')}
                value={search.to ?? ''}
                min={search.from}
                onChange={(event) => set({ to: event.currentTarget.value || undefined })}
              />
            </>
          )}
        </FilterBar>

        <Tabs.Panel value="list">
          <AssessmentsList search={search} hasFilters={hasFilters} />
        </Tabs.Panel>
        <Tabs.Panel value="dashboard">
          <AssessmentsDashboard search={search} onSearchChange={onSearchChange} />
        </Tabs.Panel>
      </Tabs>
    </>
  )
}

function AssessmentsList({ search, hasFilters }: { search: AssessmentsHubSearch; hasFilters: boolean }) {
  const { t } = useTranslation()
  const format = useFormat()
  const list = useAssessmentsList(search)
  const bandLabel = (band: DmaBandId) => getDmaRules().bands.find((b) => b.id === band)?.label[format.locale] ?? band
  return (
    <DataTable<AssessmentSummary>
      caption={t('assessments.hub.list.caption')}
      rows={list.rows}
      rowKey={(row) => row.id}
      isLoading={list.isPending}
      error={list.error}
      onRetry={() => void list.refetch()}
      paging={list}
      minWidth={820}
      empty={
        hasFilters ? (
          <EmptyState title={t('common.noResults')} description={t('common.noResultsHint')} />
        ) : (
          <EmptyState icon={<IconClipboardCheck aria-hidden="true" />} title={t('assessments.hub.list.emptyTitle')} description={t('assessments.hub.list.emptyText')} />
        )
      }
      columns={[
        {
          id: 'company',
          header: t('assessments.hub.list.company'),
          cell: (row) => (
            <AnchorLink to="/assessments/$id" params={{ id: row.id }} fw={600}>
              {row.companyName}
              {row.version > 1 ? <Text span size="sm" c="dimmed">{` (v${row.version})`}</Text> : null}
            </AnchorLink>
          ),
        },
        { id: 'stage', header: t('assessments.fields.stage'), cell: (row) => row.stage },
        { id: 'mode', header: t('assessments.fields.mode'), cell: (row) => t(`assessments.modes.${row.mode}`) },
        {
          id: 'status',
          header: t('assessments.fields.status'),
          cell: (row) => <StatusBadge tone={STATUS_TONES[row.status]}>{t(`assessments.statuses.${row.status}`)}</StatusBadge>,
        },
        {
          id: 'overall',
          header: t('assessments.fields.overall'),
          cell: (row) =>
            row.overall !== null && row.band ? (
              // The band as text: DmaBandBadge's orange outline is below 4.5:1 on the striped rows.
              <Text span size="sm" style={{ whiteSpace: 'nowrap' }}>
                {formatScore(row.overall, format.locale)} · {bandLabel(row.band)}
              </Text>
            ) : (
              '—'
            ),
        },
        { id: 'date', header: t('assessments.fields.date'), cell: (row) => format.date(row.assessedOn ?? row.createdAt) },
      ]}
    />
  )
}
