/**
 * One row of an imported file → the input of the companies form, checked with the same zod
 * contracts (CompanyCreateInput for a new company, CompanyUpdateInput for an existing one), or the
 * errors of that row by column, in the user's language.
 */
import type { z } from 'zod'
import type { Locale } from '../../identity/identity.contract'
import { translateError, translateIssue } from '../../../server/http/i18n'
import { compactTaxCode, compactVatNumber } from '../../../shared/italian-ids'
import { CUSTOM_FIELD_PREFIX, type CompanyImportField, type ImportRowError } from '../company-import.contract'
import type { CustomFieldDefinition } from '../companies.contract'
import { cellText, parseNumber, parseSpreadsheetDate, type Cell, type SheetRow } from './company-import.parse'
import { headerKey, parseLegalForm } from './company-import.mapping'
import { checkCustomFieldValue } from './custom-fields.service'

/** A mapped column: where it is, what it fills, and its header as the file writes it. */
export interface MappedColumn {
  index: number
  target: string
  header: string
}

/** Fields of the companies form a row fills, before zod (values already converted from cells). */
export interface RowValues {
  name?: string
  vatNumber?: string
  taxCode?: string
  legalForm?: string
  atecoCode?: string
  address?: string
  employees?: number
  turnover?: number
  balanceSheetTotal?: number
  foundingYear?: number
  email?: string
  pec?: string
  phone?: string
  website?: string
  tags?: string[]
  description?: string
  notes?: string
  customFields?: Record<string, unknown>
}

export interface ConvertedRow {
  row: number
  values: RowValues
  /** The comune cell and the province cell, resolved later (they need the database). */
  comune: string | null
  province: string | null
  errors: ImportRowError[]
}

type ErrorFactory = (row: number, column: string | null, key: string, details?: Record<string, unknown>) => ImportRowError

export function errorFactory(locale: Locale): ErrorFactory {
  return (row, column, key, details = {}) => ({
    row,
    column,
    code: key.replace(/^errors\./, ''),
    message: translateError(locale, key, details),
  })
}

/** Excel turns `00743110157` into the number 743110157: put the leading zeros back. */
function identifierText(cell: Cell | undefined): string {
  if (typeof cell === 'number' && Number.isInteger(cell) && cell >= 0) return String(cell).padStart(11, '0')
  return cellText(cell)
}

const NUMERIC: ReadonlySet<CompanyImportField> = new Set(['employees', 'turnover', 'balanceSheetTotal'])
const TEXT: ReadonlySet<CompanyImportField> = new Set(['name', 'address', 'phone', 'website', 'description', 'notes'])

/** Converts the cells of one row; empty cells leave the field out (an update keeps its value). */
export function convertRow(
  sheetRow: SheetRow,
  columns: readonly MappedColumn[],
  customFields: ReadonlyMap<string, CustomFieldDefinition>,
  error: ErrorFactory,
): ConvertedRow {
  const values: RowValues = {}
  const errors: ImportRowError[] = []
  let comune: string | null = null
  let province: string | null = null
  for (const column of columns) {
    const cell = sheetRow.cells[column.index]
    const text = cellText(cell)
    if (text === '') continue
    const target = column.target
    if (target.startsWith(CUSTOM_FIELD_PREFIX)) {
      const key = target.slice(CUSTOM_FIELD_PREFIX.length)
      const definition = customFields.get(key)
      if (!definition) continue
      const value = customValue(definition, cell, text)
      const checked = value === undefined ? { error: customErrorKey(definition.type) } : checkCustomFieldValue(definition, value)
      if ('error' in checked) errors.push(error(sheetRow.number, column.header, checked.error))
      else if (checked.value !== undefined) values.customFields = { ...values.customFields, [key]: checked.value }
      continue
    }
    const field = target as CompanyImportField
    if (TEXT.has(field)) values[field as 'name'] = text
    else if (NUMERIC.has(field)) {
      const n = parseNumber(cell)
      if (n === null) errors.push(error(sheetRow.number, column.header, 'errors.importNumber', { value: text }))
      else values[field as 'employees'] = n
    } else if (field === 'foundingYear') {
      const n = parseNumber(cell)
      const date = n !== null && n >= 1800 && n <= 2100 ? null : parseSpreadsheetDate(cell)
      const year = date ? Number(date.slice(0, 4)) : n
      if (year === null) errors.push(error(sheetRow.number, column.header, 'errors.importNumber', { value: text }))
      else values.foundingYear = year
    } else if (field === 'vatNumber') values.vatNumber = identifierText(cell)
    else if (field === 'taxCode') values.taxCode = identifierText(cell)
    else if (field === 'legalForm') {
      const form = parseLegalForm(text)
      if (!form) errors.push(error(sheetRow.number, column.header, 'errors.importLegalForm', { value: text }))
      else values.legalForm = form
    } else if (field === 'atecoCode') values.atecoCode = text.replace(/\s/g, '')
    else if (field === 'email' || field === 'pec') values[field] = text.toLowerCase()
    else if (field === 'tags') values.tags = [...new Set(text.split(/[,;|]/).map((t) => t.trim()).filter(Boolean))]
    else if (field === 'comune') comune = text
    else if (field === 'province') province = text
  }
  return { row: sheetRow.number, values, comune, province, errors }
}

function customErrorKey(type: string): string {
  return type === 'number' ? 'errors.customFieldNumber' : type === 'date' ? 'errors.customFieldDate' : type === 'multi_select' ? 'errors.customFieldOptions' : 'errors.customFieldOption'
}

/** A cell as the stored value of a custom field; undefined when it cannot be one. */
function customValue(definition: CustomFieldDefinition, cell: Cell | undefined, text: string): unknown {
  const option = (word: string) => {
    const key = headerKey(word)
    return definition.options.find((o) => headerKey(o.value) === key || headerKey(o.it) === key || headerKey(o.en) === key)?.value
  }
  switch (definition.type) {
    case 'number':
      return parseNumber(cell) ?? undefined
    case 'date':
      return parseSpreadsheetDate(cell) ?? undefined
    case 'select':
      return option(text)
    case 'multi_select': {
      const found = text.split(/[,;|]/).map((w) => w.trim()).filter(Boolean).map(option)
      return found.every((v) => v !== undefined) ? found : undefined
    }
    default:
      return text
  }
}

/** The compact partita IVA of a row, when it looks like one (11 digits). */
export function vatKey(values: RowValues): string | null {
  if (!values.vatNumber) return null
  const compact = compactVatNumber(values.vatNumber)
  return /^\d{11}$/.test(compact) ? compact : null
}

export function normalizedTaxCode(value: string): string {
  return compactTaxCode(value)
}

/** Zod issues of the form's contract → row errors on the file's columns. */
export function issuesToErrors(
  row: number,
  issues: readonly z.core.$ZodIssue[],
  columnOf: (field: string) => string | null,
  locale: Locale,
): ImportRowError[] {
  return issues.map((issue) => {
    const [first, second] = issue.path.map(String)
    const field = first === 'customFields' && second ? `${CUSTOM_FIELD_PREFIX}${second}` : first === 'comuneIstat' ? 'comune' : (first ?? '')
    return {
      row,
      column: columnOf(field),
      code: issue.message.startsWith('errors.') ? issue.message.slice('errors.'.length) : issue.code,
      message: translateIssue(locale, issue),
    }
  })
}
