/**
 * /projects — the projects the caller reads (staff: their units; experts: their own, "I miei
 * progetti"; company members: their company's), filtered by unit, status and expert; keyset pages.
 * The filters live in the URL.
 */
import { NativeSelect } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useFormat } from '../../../web/i18n/format'
import { DataTable } from '../../../web/ui/data-table'
import { EmptyState } from '../../../web/ui/empty-state'
import { FilterBar } from '../../../web/ui/filter-bar'
import { PageHeader } from '../../../web/ui/page-header'
import { AnchorLink } from '../../../web/ui/router-links'
import { StatusBadge } from '../../../web/ui/status-badge'
import { useUnits } from '../../identity/web'
import { PROJECT_STATUSES, type ProjectStatus, type ProjectSummary } from '../projects.contract'
import { PROJECT_STATUS_TONES } from './project-page'
import { type ProjectsSearch, useProjectsList } from './projects.queries'

export type { ProjectsSearch } from './projects.queries'

export function ProjectsPage({ search, onSearchChange }: { search: ProjectsSearch; onSearchChange: (next: ProjectsSearch) => void }) {
  const { t } = useTranslation()
  const format = useFormat()
  const units = useUnits()
  const list = useProjectsList(search)
  const all = t('projects.list.all')
  const set = (patch: Partial<ProjectsSearch>) => onSearchChange({ ...search, ...patch })
  // The expert filter offers the experts of the projects listed so far (and the one chosen).
  const experts = new Map(list.rows.flatMap((p) => (p.expert ? [[p.expert.id, p.expert.name] as const] : [])))
  const days = (value: number) => format.number(value, { maximumFractionDigits: 3 })
  const hasFilters = Boolean(search.unitId || search.status || search.expertUserId)
  return (
    <>
      <PageHeader title={search.mine ? t('projects.list.myTitle') : t('projects.list.title')} description={search.mine ? t('projects.list.myDescription') : t('projects.list.description')} />
      {!search.mine && (
        <FilterBar label={t('projects.list.filtersLabel')} onClear={hasFilters ? () => onSearchChange({}) : undefined}>
          <NativeSelect
            label={t('projects.fields.unit')}
            value={search.unitId ?? ''}
            data={[{ value: '', label: all }, ...(units.data ?? []).map((unit) => ({ value: unit.id, label: unit.name }))]}
            onChange={(event) => set({ unitId: event.currentTarget.value || undefined })}
          />
          <NativeSelect
            label={t('projects.fields.status')}
            value={search.status ?? ''}
            data={[{ value: '', label: all }, ...PROJECT_STATUSES.map((s) => ({ value: s, label: t(`projects.statuses.${s}`) }))]}
            onChange={(event) => set({ status: (PROJECT_STATUSES as readonly string[]).includes(event.currentTarget.value) ? (event.currentTarget.value as ProjectStatus) : undefined })}
          />
          <NativeSelect
            label={t('projects.fields.expert')}
            value={search.expertUserId ?? ''}
            data={[{ value: '', label: all }, ...[...experts].map(([id, name]) => ({ value: id, label: name }))]}
            onChange={(event) => set({ expertUserId: event.currentTarget.value || undefined })}
          />
        </FilterBar>
      )}
      <DataTable<ProjectSummary>
        caption={t('projects.list.caption')}
        rows={list.rows}
        rowKey={(p) => p.id}
        isLoading={list.isLoading}
        error={list.error}
        onRetry={() => void list.refetch()}
        paging={list}
        empty={<EmptyState title={t('projects.list.empty')} description={t('projects.list.emptyHint')} />}
        columns={[
          { id: 'title', header: t('projects.fields.title'), cell: (p) => <AnchorLink to="/projects/$projectId" params={{ projectId: p.id }}>{p.title}</AnchorLink> },
          { id: 'company', header: t('projects.fields.company'), cell: (p) => p.companyName },
          { id: 'expert', header: t('projects.fields.expert'), cell: (p) => p.expert?.name ?? t('projects.noExpert') },
          { id: 'status', header: t('projects.fields.status'), cell: (p) => <StatusBadge tone={PROJECT_STATUS_TONES[p.status]}>{t(`projects.statuses.${p.status}`)}</StatusBadge> },
          { id: 'budget', header: t('projects.fields.budget'), cell: (p) => days(p.budgetDays) },
          { id: 'logged', header: t('projects.fields.logged'), cell: (p) => days(p.loggedDays) },
          { id: 'approved', header: t('projects.fields.approved'), cell: (p) => days(p.approvedDays) },
          { id: 'dates', header: t('projects.fields.startsOn'), cell: (p) => (p.startsOn ? format.date(p.startsOn) : '—') },
        ]}
      />
    </>
  )
}
