/**
 * The rows of the merge screen: each editable company field, how it reads, and which choices it
 * offers (the two sides; lists can be combined, notes kept both). Pure, so it is table-tested.
 */
import type { TFunction } from 'i18next'
import type { Company } from '../companies.contract'
import { MERGE_FIELDS, type MergeChoices, type MergeField } from '../companies.contract'

export type MergeOption = 'survivor' | 'merged' | 'union' | 'concat'

export interface MergeRow {
  /** MERGE_FIELDS, 'vatNumber', 'tags', 'notes' or 'customFields.<key>'. */
  key: string
  label: string
  survivor: string | null
  merged: string | null
  /** A third choice besides the two sides. */
  extra?: 'union' | 'concat'
  /** Shown but not chosen (the partita IVA stays the survivor's). */
  fixed?: boolean
}

interface Formatters {
  number: (value: number) => string
  money: (value: number) => string
}

function text(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null
  if (Array.isArray(value)) return value.length === 0 ? null : value.map(String).join(', ')
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  return typeof value === 'object' ? JSON.stringify(value) : String(value as string | number)
}

/** How each company reads in a field of the merge screen. */
function valueOf(field: MergeField, c: Company, t: TFunction, f: Formatters): string | null {
  switch (field) {
    case 'name':
      return c.name
    case 'taxCode':
      return c.taxCode
    case 'legalForm':
      return c.legalForm ? t(`companies.legalForms.${c.legalForm}`) : null
    case 'isCooperative':
      return c.isCooperative ? t('common.yes') : t('common.no')
    case 'ateco':
      return c.atecoCode ? `${c.atecoCode} (ATECO ${c.atecoEdition})` : null
    case 'employees':
      return c.employees === null ? null : f.number(c.employees)
    case 'turnover':
      return c.turnover === null ? null : f.money(c.turnover)
    case 'balanceSheetTotal':
      return c.balanceSheetTotal === null ? null : f.money(c.balanceSheetTotal)
    case 'foundingYear':
      return c.foundingYear === null ? null : String(c.foundingYear)
    case 'sizeOverride':
      return c.sizeOverride ? t(`companies.sizes.${c.sizeOverride}`) : null
    case 'unit':
      return c.unitName
    case 'place':
      return [c.address, c.comune ? `${c.comune.name} (${c.comune.provinceCode})` : null].filter(Boolean).join(', ') || null
    case 'website':
      return c.website
    case 'email':
      return c.email
    case 'pec':
      return c.pec
    case 'phone':
      return c.phone
    case 'description':
      return c.description
  }
}

function labelOf(field: MergeField, t: TFunction): string {
  switch (field) {
    case 'ateco':
      return t('companyDuplicates.mergePage.ateco')
    case 'unit':
      return t('companyDuplicates.mergePage.unit')
    case 'place':
      return t('companyDuplicates.mergePage.place')
    default:
      return t(`companies.fields.${field}`)
  }
}

export function mergeRows(
  survivor: Company,
  merged: Company,
  customFields: readonly { key: string; label: string }[],
  t: TFunction,
  f: Formatters,
): MergeRow[] {
  const rows: MergeRow[] = [
    { key: 'vatNumber', label: t('companies.fields.vatNumber'), survivor: survivor.vatNumber, merged: merged.vatNumber, fixed: true },
    ...MERGE_FIELDS.map((field) => ({
      key: field,
      label: labelOf(field, t),
      survivor: valueOf(field, survivor, t, f),
      merged: valueOf(field, merged, t, f),
    })),
    { key: 'tags', label: t('companies.fields.tags'), survivor: text(survivor.tags), merged: text(merged.tags), extra: 'union' },
    { key: 'notes', label: t('companies.fields.notes'), survivor: survivor.notes, merged: merged.notes, extra: 'concat' },
    ...customFields.map((field) => ({
      key: `customFields.${field.key}`,
      label: t('companyDuplicates.mergePage.customField', { label: field.label }),
      survivor: text(survivor.customFields[field.key]),
      merged: text(merged.customFields[field.key]),
    })),
  ]
  return rows
}

/** Rows whose two values differ (or can be combined into something new). */
export function isDifferent(row: MergeRow): boolean {
  return row.survivor !== row.merged
}

/** The choices as the API takes them; rows left at "survivor" are left out. */
export function toMergeChoices(choices: Readonly<Record<string, MergeOption>>): MergeChoices {
  const out: Record<string, unknown> = {}
  const custom: Record<string, 'survivor' | 'merged'> = {}
  for (const [key, option] of Object.entries(choices)) {
    if (option === 'survivor' || key === 'vatNumber') continue
    if (key.startsWith('customFields.')) custom[key.slice('customFields.'.length)] = option === 'merged' ? 'merged' : 'survivor'
    else out[key] = option
  }
  if (Object.keys(custom).length > 0) out.customFields = custom
  return out as MergeChoices
}

/** After swapping the two companies, the same values stay chosen. */
export function swapChoices(choices: Readonly<Record<string, MergeOption>>, keys: readonly string[]): Record<string, MergeOption> {
  return Object.fromEntries(
    keys
      .filter((key) => key !== 'vatNumber')
      .map((key) => {
        const option = choices[key] ?? 'survivor'
        return [key, option === 'survivor' ? 'merged' : option === 'merged' ? 'survivor' : option]
      }),
  )
}
