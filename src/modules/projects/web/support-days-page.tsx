/**
 * /support-days — the support-day reports, over the projects the caller reads (the server scopes:
 * hub staff the whole network, antenna staff their antenna, experts their own projects):
 * - Totali: days logged (not disputed), confirmed and approved, per expert, company, unit or month,
 *   over a period; by month also as a chart;
 * - Carico di lavoro: per expert and month, days committed in active projects and days logged;
 * - Timesheet mensile: per expert, the month's days and the XLSX/PDF timesheet downloads.
 * Experts who are not staff see their own days month by month, each month with its timesheet.
 * The filters live in the URL.
 */
import { Anchor, Group, NativeSelect, Stack, Table, Tabs, Text, TextInput, VisuallyHidden } from '@mantine/core'
import { IconCalendarStats, IconFileSpreadsheet, IconFileTypePdf, IconSum, IconUsers } from '@tabler/icons-react'
import { BarChart } from 'echarts/charts'
import { use as registerEcharts } from 'echarts/core'
import { useMemo, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useFormat } from '../../../web/i18n/format'
import { EmptyState } from '../../../web/ui/empty-state'
import { FilterBar } from '../../../web/ui/filter-bar'
import { LoadingState } from '../../../web/ui/loading-state'
import { PageHeader } from '../../../web/ui/page-header'
import { QueryError } from '../../../web/ui/query-error'
import { AnchorLink } from '../../../web/ui/router-links'
import { EChart } from '../../assessments/web'
import { canWorkWithCompanies } from '../../companies/web'
import { useMe, useUnits } from '../../identity/web'
import { TOTALS_GROUPS, type SupportDayTotals } from '../projects.contract'
import { monthlyTotalsOption } from './projects-charts'
import { expertTimesheetUrl, useExpertWorkload, useSupportDayTotals } from './projects.queries'

// The shared EChart registers grid, legend and tooltip; the monthly totals add bars.
registerEcharts([BarChart])

export const SUPPORT_DAYS_TABS = ['totals', 'workload', 'timesheet'] as const
export type SupportDaysTab = (typeof SUPPORT_DAYS_TABS)[number]
export const WORKLOAD_SPANS = [3, 6, 12] as const
type TotalsGroup = (typeof TOTALS_GROUPS)[number]

export interface SupportDaysSearch {
  tab?: SupportDaysTab | undefined
  /** Totals. */
  groupBy?: TotalsGroup | undefined
  from?: string | undefined
  to?: string | undefined
  /** Totals and timesheet. */
  unitId?: string | undefined
  /** Workload: first month (YYYY-MM) and how many. */
  start?: string | undefined
  months?: number | undefined
  expertUserId?: string | undefined
  /** Timesheet month (YYYY-MM). */
  month?: string | undefined
}

interface PageProps {
  search: SupportDaysSearch
  onSearchChange: (next: SupportDaysSearch) => void
}

/** The current month in the Italian calendar, YYYY-MM. */
export function currentMonth(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(now).slice(0, 7)
}

/** The month `n` months after `month` (negative: before), YYYY-MM. */
export function addMonths(month: string, n: number): string {
  const [year, m] = month.split('-').map(Number) as [number, number]
  return new Date(Date.UTC(year, m - 1 + n, 1)).toISOString().slice(0, 7)
}

/** The workload opens two months back: recent days logged beside what is committed ahead. */
export function defaultWorkloadStart(now = new Date()): string {
  return addMonths(currentMonth(now), -2)
}

/** First and last day of a month, YYYY-MM-DD. */
export function monthBounds(month: string): { from: string; to: string } {
  const [year, m] = month.split('-').map(Number) as [number, number]
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate()
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` }
}

function useMonthLabel() {
  const { locale } = useFormat()
  return (month: string, style: 'long' | 'short' = 'long') =>
    /^\d{4}-\d{2}$/.test(month)
      ? new Intl.DateTimeFormat(locale === 'it' ? 'it-IT' : 'en-GB', { month: style, year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`))
      : month
}

function useDays() {
  const format = useFormat()
  return (value: number) => format.number(value, { maximumFractionDigits: 1 })
}

export function SupportDaysPage({ search, onSearchChange }: PageProps) {
  const { t } = useTranslation()
  const me = useMe()
  const staff = canWorkWithCompanies(me)
  const tab: SupportDaysTab = search.tab ?? 'totals'
  return (
    <>
      <PageHeader title={staff ? t('projects.reports.title') : t('projects.reports.myTitle')} description={staff ? t('projects.reports.description') : t('projects.reports.myDescription')} />
      {staff ? (
        <Tabs value={tab} onChange={(next) => onSearchChange({ ...search, tab: next === 'workload' || next === 'timesheet' ? next : undefined })} keepMounted={false}>
          <Tabs.List mb="md">
            <Tabs.Tab value="totals" leftSection={<IconSum size={16} aria-hidden="true" />}>
              {t('projects.reports.tabs.totals')}
            </Tabs.Tab>
            <Tabs.Tab value="workload" leftSection={<IconUsers size={16} aria-hidden="true" />}>
              {t('projects.reports.tabs.workload')}
            </Tabs.Tab>
            <Tabs.Tab value="timesheet" leftSection={<IconCalendarStats size={16} aria-hidden="true" />}>
              {t('projects.reports.tabs.timesheet')}
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="totals">
            <TotalsTab search={search} onSearchChange={onSearchChange} />
          </Tabs.Panel>
          <Tabs.Panel value="workload">
            <WorkloadTab search={search} onSearchChange={onSearchChange} />
          </Tabs.Panel>
          <Tabs.Panel value="timesheet">
            <TimesheetTab search={search} onSearchChange={onSearchChange} />
          </Tabs.Panel>
        </Tabs>
      ) : (
        <MyDaysTab search={search} onSearchChange={onSearchChange} />
      )}
    </>
  )
}

function UnitFilter({ value, onChange }: { value: string | undefined; onChange: (unitId: string | undefined) => void }) {
  const { t } = useTranslation()
  const units = useUnits()
  return (
    <NativeSelect
      label={t('projects.reports.unit')}
      value={value ?? ''}
      data={[{ value: '', label: t('projects.reports.allUnits') }, ...(units.data ?? []).map((unit) => ({ value: unit.id, label: unit.name }))]}
      onChange={(event) => onChange(event.currentTarget.value || undefined)}
    />
  )
}

function TotalsTab({ search, onSearchChange }: PageProps) {
  const { t } = useTranslation()
  const format = useFormat()
  const days = useDays()
  const monthLabel = useMonthLabel()
  const groupBy: TotalsGroup = search.groupBy ?? 'expert'
  const totals = useSupportDayTotals({ groupBy, from: search.from, to: search.to, unitId: search.unitId })
  const set = (patch: Partial<SupportDaysSearch>) => onSearchChange({ ...search, ...patch })
  const hasFilters = Boolean(search.from || search.to || search.unitId || search.groupBy)
  const groupName = t(`projects.reports.groups.${groupBy}`)
  const chartLabels = { logged: t('projects.reports.columns.logged'), approved: t('projects.reports.columns.approved') }
  const option = useMemo(
    () => (totals.data && groupBy === 'month' && totals.data.rows.length > 0 ? monthlyTotalsOption(totals.data.rows, chartLabels, (m) => monthLabel(m, 'short')) : null),
    [totals.data, groupBy, format.locale], // eslint-disable-line react-hooks/exhaustive-deps
  )
  const label = (row: SupportDayTotals['rows'][number]): ReactNode => {
    if (groupBy === 'month') return monthLabel(row.key)
    if (groupBy === 'company') return <AnchorLink to="/companies/$companyId" params={{ companyId: row.key }}>{row.label}</AnchorLink>
    if (groupBy === 'expert') {
      return row.key ? <AnchorLink to="/projects" search={{ expertUserId: row.key }}>{row.label}</AnchorLink> : t('projects.reports.noExpert')
    }
    return row.label
  }
  return (
    <Stack>
      <FilterBar label={t('projects.reports.filtersLabel')} onClear={hasFilters ? () => onSearchChange({ tab: search.tab }) : undefined}>
        <NativeSelect
          label={t('projects.reports.groupBy')}
          value={groupBy}
          data={TOTALS_GROUPS.map((g) => ({ value: g, label: t(`projects.reports.groups.${g}`) }))}
          onChange={(event) => {
            const value = event.currentTarget.value
            set({ groupBy: (TOTALS_GROUPS as readonly string[]).includes(value) && value !== 'expert' ? (value as TotalsGroup) : undefined })
          }}
        />
        <TextInput type="date" label={t('projects.reports.from')} value={search.from ?? ''} max={search.to} onChange={(event) => set({ from: event.currentTarget.value || undefined })} />
        <TextInput type="date" label={t('projects.reports.to')} value={search.to ?? ''} min={search.from} onChange={(event) => set({ to: event.currentTarget.value || undefined })} />
        <UnitFilter value={search.unitId} onChange={(unitId) => set({ unitId })} />
      </FilterBar>
      <Text size="sm" c="dimmed">
        {t('projects.reports.totalsExplain')}
      </Text>
      {totals.isLoading ? (
        <LoadingState />
      ) : totals.error || !totals.data ? (
        <QueryError error={totals.error} onRetry={() => void totals.refetch()} />
      ) : totals.data.rows.length === 0 ? (
        <EmptyState title={t('projects.reports.totalsEmpty')} description={t('projects.reports.totalsEmptyHint')} />
      ) : (
        <>
          {option && <EChart option={option} label={t('projects.reports.chartLabel')} height={260} testId="support-days-chart" />}
          <Table.ScrollContainer minWidth={560}>
            <Table striped highlightOnHover verticalSpacing="sm">
              <caption>
                <VisuallyHidden>{t('projects.reports.totalsCaption', { group: groupName })}</VisuallyHidden>
              </caption>
              <TotalsHeaders first={groupName} download={false} />
              <Table.Tbody>
                {totals.data.rows.map((row) => (
                  <Table.Tr key={row.key || 'none'}>
                    <Table.Th scope="row" fw={500}>
                      {label(row)}
                    </Table.Th>
                    <TotalsCells row={row} />
                  </Table.Tr>
                ))}
              </Table.Tbody>
              <Table.Tfoot>
                <Table.Tr>
                  <Table.Th scope="row">{t('projects.reports.total')}</Table.Th>
                  <Table.Th>{days(sum(totals.data.rows, 'logged'))}</Table.Th>
                  <Table.Th>{days(sum(totals.data.rows, 'confirmed'))}</Table.Th>
                  <Table.Th>{days(sum(totals.data.rows, 'approved'))}</Table.Th>
                  <Table.Th>{format.number(sum(totals.data.rows, 'entries'))}</Table.Th>
                </Table.Tr>
              </Table.Tfoot>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </Stack>
  )
}

function sum<K extends string>(rows: readonly Record<K, number>[], key: K): number {
  return Math.round(rows.reduce((total, row) => total + row[key], 0) * 1000) / 1000
}

function WorkloadTab({ search, onSearchChange }: PageProps) {
  const { t } = useTranslation()
  const days = useDays()
  const monthLabel = useMonthLabel()
  const months = search.months ?? 6
  const start = search.start ?? defaultWorkloadStart()
  const workload = useExpertWorkload({ from: start, months })
  const set = (patch: Partial<SupportDaysSearch>) => onSearchChange({ ...search, ...patch })
  const hasFilters = Boolean(search.start || search.months || search.expertUserId)
  const experts = workload.data?.experts ?? []
  // The expert filter is applied here: the options stay the whole list the server answered.
  const shown = search.expertUserId ? experts.filter((e) => e.userId === search.expertUserId) : experts
  return (
    <Stack>
      <FilterBar label={t('projects.reports.filtersLabel')} onClear={hasFilters ? () => onSearchChange({ tab: search.tab }) : undefined}>
        <TextInput
          type="month"
          label={t('projects.reports.workload.start')}
          value={start}
          onChange={(event) => set({ start: /^\d{4}-\d{2}$/.test(event.currentTarget.value) && event.currentTarget.value !== defaultWorkloadStart() ? event.currentTarget.value : undefined })}
        />
        <NativeSelect
          label={t('projects.reports.workload.months')}
          value={String(months)}
          data={WORKLOAD_SPANS.map((n) => ({ value: String(n), label: t('projects.reports.workload.monthsOption', { count: n }) }))}
          onChange={(event) => set({ months: Number(event.currentTarget.value) === 6 ? undefined : Number(event.currentTarget.value) })}
        />
        <NativeSelect
          label={t('projects.reports.workload.expert')}
          value={search.expertUserId ?? ''}
          data={[{ value: '', label: t('projects.reports.allExperts') }, ...experts.map((e) => ({ value: e.userId, label: e.name }))]}
          onChange={(event) => set({ expertUserId: event.currentTarget.value || undefined })}
        />
      </FilterBar>
      <Text size="sm" c="dimmed">
        {t('projects.reports.workload.explain')}
      </Text>
      {workload.isLoading ? (
        <LoadingState />
      ) : workload.error || !workload.data ? (
        <QueryError error={workload.error} onRetry={() => void workload.refetch()} />
      ) : shown.length === 0 ? (
        <EmptyState title={t('projects.reports.workload.empty')} description={t('projects.reports.workload.emptyHint')} />
      ) : (
        <Table.ScrollContainer minWidth={200 + workload.data.months.length * 110}>
          <Table striped highlightOnHover verticalSpacing="sm">
            <caption>
              <VisuallyHidden>{t('projects.reports.workload.caption')}</VisuallyHidden>
            </caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('projects.reports.workload.expert')}</Table.Th>
                {workload.data.months.map((m) => (
                  <Table.Th scope="col" key={m}>
                    {monthLabel(m, 'short')}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((expert) => (
                <Table.Tr key={expert.userId}>
                  <Table.Th scope="row" fw={500}>
                    <AnchorLink to="/projects" search={{ expertUserId: expert.userId }}>
                      {expert.name}
                    </AnchorLink>
                  </Table.Th>
                  {workload.data.months.map((m, i) => {
                    const logged = expert.logged[i] ?? 0
                    const committed = expert.committed[i] ?? 0
                    return (
                      <Table.Td key={m}>
                        {/* Idle months fade; days logged beyond the commitment stand out. */}
                        <Text size="sm" c={logged === 0 && committed === 0 ? 'dimmed' : undefined} fw={logged > committed && committed > 0 ? 700 : undefined}>
                          {t('projects.reports.workload.cell', { logged: days(logged), committed: days(committed) })}
                        </Text>
                      </Table.Td>
                    )
                  })}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  )
}

function DownloadLinks({ expertUserId, name, month }: { expertUserId?: string | undefined; name: string; month: string }) {
  const { t, i18n } = useTranslation()
  const monthLabel = useMonthLabel()
  const locale = i18n.resolvedLanguage === 'en' ? 'en' : 'it'
  const label = { name, month: monthLabel(month) }
  return (
    <Group gap="xs" wrap="nowrap">
      <Anchor href={expertTimesheetUrl({ expertUserId, month, format: 'xlsx', locale })} aria-label={t('projects.reports.timesheet.xlsxLabel', label)} size="sm">
        <Group gap={4} wrap="nowrap" component="span">
          <IconFileSpreadsheet size={16} aria-hidden="true" />
          {t('projects.reports.timesheet.xlsx')}
        </Group>
      </Anchor>
      <Anchor href={expertTimesheetUrl({ expertUserId, month, format: 'pdf', locale })} aria-label={t('projects.reports.timesheet.pdfLabel', label)} size="sm">
        <Group gap={4} wrap="nowrap" component="span">
          <IconFileTypePdf size={16} aria-hidden="true" />
          {t('projects.reports.timesheet.pdf')}
        </Group>
      </Anchor>
    </Group>
  )
}

/** The figures of one row of a totals or timesheet table. */
function TotalsCells({ row }: { row: SupportDayTotals['rows'][number] }) {
  const format = useFormat()
  const days = useDays()
  return (
    <>
      <Table.Td>{days(row.logged)}</Table.Td>
      <Table.Td>{days(row.confirmed)}</Table.Td>
      <Table.Td>{days(row.approved)}</Table.Td>
      <Table.Td>{format.number(row.entries)}</Table.Td>
    </>
  )
}

/** The header of a totals table: the group, the figures, and (timesheets) the downloads. */
function TotalsHeaders({ first, download = true }: { first: string; download?: boolean }) {
  const { t } = useTranslation()
  return (
    <Table.Thead>
      <Table.Tr>
        <Table.Th scope="col">{first}</Table.Th>
        <Table.Th scope="col">{t('projects.reports.columns.logged')}</Table.Th>
        <Table.Th scope="col">{t('projects.reports.columns.confirmed')}</Table.Th>
        <Table.Th scope="col">{t('projects.reports.columns.approved')}</Table.Th>
        <Table.Th scope="col">{t('projects.reports.columns.entries')}</Table.Th>
        {download ? <Table.Th scope="col">{t('projects.reports.timesheet.download')}</Table.Th> : null}
      </Table.Tr>
    </Table.Thead>
  )
}

/** Staff: the month's days per expert, each with the expert's timesheet of the month. */
function TimesheetTab({ search, onSearchChange }: PageProps) {
  const { t } = useTranslation()
  const monthLabel = useMonthLabel()
  const month = search.month ?? currentMonth()
  const bounds = monthBounds(month)
  const totals = useSupportDayTotals({ groupBy: 'expert', from: bounds.from, to: bounds.to, unitId: search.unitId })
  const set = (patch: Partial<SupportDaysSearch>) => onSearchChange({ ...search, ...patch })
  const hasFilters = Boolean(search.month || search.unitId)
  // Days of a project without an expert have no timesheet to download.
  const rows = (totals.data?.rows ?? []).filter((row) => row.key)
  return (
    <Stack>
      <FilterBar label={t('projects.reports.filtersLabel')} onClear={hasFilters ? () => onSearchChange({ tab: search.tab }) : undefined}>
        <MonthFilter label={t('projects.reports.timesheet.month')} value={month} onChange={(next) => set({ month: next })} />
        <UnitFilter value={search.unitId} onChange={(unitId) => set({ unitId })} />
      </FilterBar>
      <Text size="sm" c="dimmed">
        {t('projects.reports.timesheet.explain')}
      </Text>
      {totals.isLoading ? (
        <LoadingState />
      ) : totals.error || !totals.data ? (
        <QueryError error={totals.error} onRetry={() => void totals.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyState title={t('projects.reports.timesheet.empty', { month: monthLabel(month) })} description={t('projects.reports.timesheet.emptyHint')} />
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped highlightOnHover verticalSpacing="sm">
            <caption>
              <VisuallyHidden>{t('projects.reports.timesheet.caption', { month: monthLabel(month) })}</VisuallyHidden>
            </caption>
            <TotalsHeaders first={t('projects.reports.groups.expert')} />
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.key}>
                  <Table.Th scope="row" fw={500}>
                    {row.label}
                  </Table.Th>
                  <TotalsCells row={row} />
                  <Table.Td>
                    <DownloadLinks expertUserId={row.key} name={row.label} month={month} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  )
}

/** A month input that keeps the current month out of the URL (it is the default). */
function MonthFilter({ label, value, onChange }: { label: string; value: string; onChange: (month: string | undefined) => void }) {
  return (
    <TextInput
      type="month"
      label={label}
      value={value}
      max={currentMonth()}
      onChange={(event) => onChange(/^\d{4}-\d{2}$/.test(event.currentTarget.value) && event.currentTarget.value !== currentMonth() ? event.currentTarget.value : undefined)}
    />
  )
}

/** How many months an expert's own list goes back. */
export const MY_MONTHS = 12

/** An expert (not staff): their own days month by month over a year, each month's timesheet to download. */
function MyDaysTab({ search, onSearchChange }: PageProps) {
  const { t } = useTranslation()
  const me = useMe()
  const monthLabel = useMonthLabel()
  const until = search.month ?? currentMonth()
  const from = addMonths(until, -(MY_MONTHS - 1))
  const totals = useSupportDayTotals({ groupBy: 'month', from: monthBounds(from).from, to: monthBounds(until).to })
  // Newest month first: the one to send this month is on top.
  const rows = [...(totals.data?.rows ?? [])].sort((a, b) => b.key.localeCompare(a.key))
  return (
    <Stack>
      <FilterBar label={t('projects.reports.filtersLabel')} onClear={search.month ? () => onSearchChange({}) : undefined}>
        <MonthFilter label={t('projects.reports.timesheet.until')} value={until} onChange={(month) => onSearchChange({ ...search, month })} />
      </FilterBar>
      <Text size="sm" c="dimmed">
        {t('projects.reports.timesheet.explain')}
      </Text>
      {totals.isLoading ? (
        <LoadingState />
      ) : totals.error || !totals.data ? (
        <QueryError error={totals.error} onRetry={() => void totals.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyState title={t('projects.reports.timesheet.emptyMine', { from: monthLabel(from), to: monthLabel(until) })} description={t('projects.reports.timesheet.emptyHintMine')} />
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped highlightOnHover verticalSpacing="sm">
            <caption>
              <VisuallyHidden>{t('projects.reports.timesheet.captionMine', { from: monthLabel(from), to: monthLabel(until) })}</VisuallyHidden>
            </caption>
            <TotalsHeaders first={t('projects.reports.groups.month')} />
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.key}>
                  <Table.Th scope="row" fw={500}>
                    {monthLabel(row.key)}
                  </Table.Th>
                  <TotalsCells row={row} />
                  <Table.Td>
                    <DownloadLinks name={me.name} month={row.key} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  )
}
