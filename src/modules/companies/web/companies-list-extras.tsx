/**
 * What the companies list adds to its table and filter bar for saved views, custom fields, tags,
 * ATECO divisions, column choice and bulk selection. Kept apart from companies-page.tsx so that
 * the page stays a readable list of filters and columns.
 */
import { Badge, Checkbox, Group, MultiSelect, Pill, TagsInput, VisuallyHidden } from '@mantine/core'
import { type ReactNode, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { DataTableColumn } from '../../../web/ui/data-table'
import { AnchorLink } from '../../../web/ui/router-links'
import { useFormat } from '../../../web/i18n/format'
import { useMe, useUnits } from '../../identity/web'
import { ATECO_2007_DIVISIONS, type Company, type SavedView, type SavedViewQuery } from '../companies.contract'
import type { CompanyFilters } from './companies.queries'
import { BulkActionsBar, type ColumnChoice, ColumnChooser } from './companies-list-tools'
import { useCustomFields } from './companies-views.queries'
import { useCustomFieldLabels, useCustomFieldValueText } from './custom-field-inputs'
import { SavedViewsMenu } from './saved-views-menu'

/** Search params that are not filters: the columns shown and the view applied. */
const NOT_FILTERS = new Set(['columns', 'view'])

export function hasListFilters(filters: CompanyFilters): boolean {
  return Object.entries(filters).some(([key, value]) => value !== undefined && !NOT_FILTERS.has(key))
}

/** The filters a view stores: everything in the URL but the columns (stored apart) and the view itself. */
export function viewFiltersOf(filters: CompanyFilters): Record<string, unknown> {
  return Object.fromEntries(Object.entries(filters).filter(([key, value]) => value !== undefined && !NOT_FILTERS.has(key)))
}

const STAFF_ROLES = new Set(['network_admin', 'unit_manager', 'unit_staff'])

interface Options {
  filters: CompanyFilters
  rows: Company[]
  onFiltersChange: (filters: CompanyFilters) => void
}

export function useCompanyListExtras({ filters, rows, onFiltersChange }: Options) {
  const { t } = useTranslation()
  const format = useFormat()
  const me = useMe()
  const units = useUnits()
  const definitions = useCustomFields().data ?? []
  const labels = useCustomFieldLabels()
  const valueText = useCustomFieldValueText()
  const set = (patch: Partial<CompanyFilters>) => onFiltersChange({ ...filters, ...patch })

  // The selection belongs to one list: a change of filters starts a new one.
  const listKey = JSON.stringify(viewFiltersOf(filters))
  const [selection, setSelection] = useState<{ key: string; ids: ReadonlySet<string> }>({ key: listKey, ids: new Set() })
  const selected = selection.key === listKey ? selection.ids : new Set<string>()
  const select = (ids: ReadonlySet<string>) => setSelection({ key: listKey, ids })

  const staffMemberships = me.memberships.filter((m) => STAFF_ROLES.has(m.role))
  const shareUnits = staffMemberships.map((m) => ({ id: m.unitId, name: m.unitName }))
  // A company can move to any open unit under one where the user works (staff or above).
  const allUnits = units.data ?? []
  const parentOf = new Map(allUnits.map((u) => [u.id, u.parentId]))
  const staffUnitIds = new Set(staffMemberships.map((m) => m.unitId))
  const isWritable = (unitId: string | null | undefined): boolean =>
    unitId ? staffUnitIds.has(unitId) || isWritable(parentOf.get(unitId)) : false
  const assignUnits = allUnits.filter((u) => u.archivedAt === null && isWritable(u.id)).map((u) => ({ id: u.id, name: u.name }))

  const current: SavedViewQuery = { filters: viewFiltersOf(filters), columns: filters.columns }
  const applyView = (view: SavedView) =>
    onFiltersChange({ ...(view.query.filters as CompanyFilters), columns: view.query.columns, view: view.id })

  const viewsMenu: ReactNode = (
    <Group gap="md" wrap="wrap">
      <SavedViewsMenu
        current={current}
        activeViewId={filters.view}
        shareUnits={shareUnits}
        onApply={applyView}
        onLeave={() => set({ view: undefined })}
      />
      {me.isNetworkAdmin ? (
        <AnchorLink to="/companies/custom-fields" size="sm">
          {t('companyCustomFields.manageLink')}
        </AnchorLink>
      ) : null}
    </Group>
  )

  const divisionLabel = (code: string) => {
    const division = ATECO_2007_DIVISIONS.find((d) => d.code === code)
    return division ? (format.locale === 'en' ? division.en : division.it) : code
  }
  const choiceFields = definitions.filter((d) => d.type === 'select' || d.type === 'multi_select')
  const cf = filters.cf ?? {}
  const setCf = (key: string, values: string[]) => {
    const next = { ...cf }
    if (values.length > 0) next[key] = values
    else delete next[key]
    set({ cf: Object.keys(next).length > 0 ? next : undefined })
  }

  const filterInputs: ReactNode = (
    <>
      <MultiSelect
        label={t('companyViews.filters.atecoDivision')}
        placeholder={filters.atecoDivision?.length ? undefined : t('companies.filters.all')}
        value={filters.atecoDivision ?? []}
        data={ATECO_2007_DIVISIONS.map((d) => ({ value: d.code, label: `${d.code} · ${divisionLabel(d.code)}` }))}
        onChange={(codes) => set({ atecoDivision: codes.length > 0 ? codes : undefined })}
        renderPill={({ option, onRemove }) => (
          <Pill key={String(option.value)} withRemoveButton onRemove={onRemove}>
            {option.value}
            <VisuallyHidden>{` · ${divisionLabel(String(option.value))}`}</VisuallyHidden>
          </Pill>
        )}
        comboboxProps={{ width: 420, position: 'bottom-start' }}
        w={220}
        searchable
      />
      <TagsInput
        label={t('companyViews.filters.tags')}
        description={undefined}
        placeholder={filters.tags?.length ? undefined : t('companyViews.filters.tagsPlaceholder')}
        value={filters.tags ?? []}
        onChange={(tags) => set({ tags: tags.length > 0 ? tags : undefined })}
        w={240}
        clearable
      />
      {choiceFields.map((definition) => {
        const value = cf[definition.key]
        return (
          <MultiSelect
            key={definition.key}
            label={labels.field(definition)}
            placeholder={Array.isArray(value) && value.length > 0 ? undefined : t('companies.filters.all')}
            value={Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : []}
            data={definition.options.map((o) => ({ value: o.value, label: labels.option(o) }))}
            onChange={(values) => setCf(definition.key, values)}
            w={220}
          />
        )
      })}
    </>
  )

  const extraColumns: DataTableColumn<Company>[] = [
    {
      id: 'tags',
      header: t('companyViews.columns.tags'),
      cell: (company) =>
        company.tags.length === 0 ? (
          '—'
        ) : (
          <Group gap={4}>
            {company.tags.map((tag) => (
              <Badge key={tag} variant="outline" color="gray.7" tt="none" size="sm">
                {tag}
              </Badge>
            ))}
          </Group>
        ),
    },
    ...definitions.map((definition) => ({
      id: `cf.${definition.key}`,
      header: labels.field(definition),
      cell: (company: Company) => valueText(definition, company.customFields[definition.key]) ?? '—',
    })),
  ]

  const choices: ColumnChoice[] = [
    ...BASE_COLUMNS.map((id) => ({ id, label: t(`companies.columns.${id}`), fixed: id === 'name' })),
    ...extraColumns.map((c) => ({ id: c.id, label: typeof c.header === 'string' ? c.header : c.id })),
  ]
  const visible = filters.columns ?? [...BASE_COLUMNS]
  const columnChooser: ReactNode = (
    <ColumnChooser
      columns={choices}
      visible={choices.filter((c) => c.fixed || visible.includes(c.id)).map((c) => c.id)}
      onChange={(ids) => set({ columns: sameIds(ids, BASE_COLUMNS) ? undefined : ids })}
    />
  )

  /** The table's columns: the selection box, then the chosen ones among `base` and the extra ones. */
  const columns = (base: DataTableColumn<Company>[]): DataTableColumn<Company>[] => {
    const all = [...base, ...extraColumns]
    const firstId = base[0]?.id
    const shown = all.filter((c) => c.id === firstId || visible.includes(c.id))
    const pageIds = rows.map((r) => r.id)
    const allSelected = pageIds.length > 0 && pageIds.every((id) => selected.has(id))
    const someSelected = pageIds.some((id) => selected.has(id))
    const selectColumn: DataTableColumn<Company> = {
      id: 'select',
      header: (
        <Checkbox
          aria-label={t('companyViews.bulk.selectPage')}
          checked={allSelected}
          indeterminate={someSelected && !allSelected}
          onChange={(event) => select(event.currentTarget.checked ? new Set([...selected, ...pageIds]) : new Set())}
        />
      ),
      cell: (company) => (
        <Checkbox
          aria-label={t('companyViews.bulk.selectRow', { name: company.name })}
          checked={selected.has(company.id)}
          onChange={(event) => {
            const next = new Set(selected)
            if (event.currentTarget.checked) next.add(company.id)
            else next.delete(company.id)
            select(next)
          }}
        />
      ),
    }
    return [selectColumn, ...shown]
  }

  const bulkBar: ReactNode =
    selected.size > 0 ? <BulkActionsBar selectedIds={[...selected]} units={assignUnits} onClear={() => select(new Set())} /> : null

  return {
    viewsMenu,
    filterInputs,
    bulkBar,
    columns,
    columnChooser,
  }
}

/** The page's own columns, in its order (companies-page.tsx); the name is always shown. */
const BASE_COLUMNS = ['name', 'vatNumber', 'comune', 'ateco', 'size', 'stage', 'unit'] as const

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i])
}
