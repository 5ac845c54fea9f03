/**
 * Reading the files Italian users produce: CSV from Excel (semicolon or comma; UTF-8 with or
 * without BOM, or Windows-1252 when saved by an older Excel) and XLSX; numbers written
 * `1.234.567,89` or `1234567.89`; dates as Excel serials, Date cells or `dd/mm/yyyy`.
 * Pure functions over bytes and cells: table-tested in company-import.parse.test.ts.
 */
import { parse as parseCsvText } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import iconv from 'iconv-lite'

/** A cell as read from a file: CSV gives text, XLSX also numbers, booleans and dates. */
export type Cell = string | number | boolean | Date | null

export interface SheetRow {
  /** The row number a spreadsheet shows (header = 1). */
  number: number
  cells: Cell[]
}

export interface ParsedSheet {
  format: 'csv' | 'xlsx'
  headers: string[]
  rows: SheetRow[]
  options: { encoding: string | null; delimiter: string | null; sheet: string | null }
}

export class UnreadableFileError extends Error {
  constructor(readonly reason: 'format' | 'empty' | 'corrupt') {
    super(`unreadable file: ${reason}`)
  }
}

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'windows-1252'

const UTF8 = new TextDecoder('utf-8', { fatal: true })

/**
 * UTF-8 with a BOM, UTF-8 without one, else Windows-1252 (Excel's "CSV" on Italian Windows):
 * a Windows-1252 file with accents is never valid UTF-8, so strict UTF-8 decoding decides.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: UTF8.decode(bytes.subarray(3)), encoding: 'utf-8-bom' }
  }
  try {
    return { text: UTF8.decode(bytes), encoding: 'utf-8' }
  } catch {
    return { text: iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'win1252'), encoding: 'windows-1252' }
  }
}

/**
 * The delimiter of the header line, outside quotes: Italian Excel writes `;` (the comma is the
 * decimal separator), others `,`; a tab for files pasted from a sheet. Ties go to `;`.
 */
export function detectDelimiter(text: string): ';' | ',' | '\t' {
  const counts = { ';': 0, ',': 0, '\t': 0 }
  let quoted = false
  for (const ch of text) {
    if (ch === '"') quoted = !quoted
    else if (!quoted && (ch === '\n' || ch === '\r')) break
    else if (!quoted && (ch === ';' || ch === ',' || ch === '\t')) counts[ch]++
  }
  if (counts['\t'] > counts[';'] && counts['\t'] > counts[',']) return '\t'
  return counts[','] > counts[';'] ? ',' : ';'
}

export function parseCsv(bytes: Uint8Array): ParsedSheet {
  const { text, encoding } = decodeText(bytes)
  const delimiter = detectDelimiter(text)
  let records: string[][]
  try {
    records = parseCsvText(text, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false }) as string[][]
  } catch {
    throw new UnreadableFileError('corrupt')
  }
  return toSheet('csv', records.map((cells, i) => ({ number: i + 1, cells })), { encoding, delimiter, sheet: null })
}

/** The value exceljs holds for a cell, flattened: rich text to text, formulas to their result. */
function flattenXlsxValue(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('')
    if ('result' in value) return flattenXlsxValue((value.result ?? null) as ExcelJS.CellValue)
    if ('text' in value && typeof value.text === 'string') return value.text
    if ('error' in value) return null
  }
  return String(value as unknown)
}

export async function parseXlsx(bytes: Uint8Array): Promise<ParsedSheet> {
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer)
  } catch {
    throw new UnreadableFileError('corrupt')
  }
  // The first sheet with data (a workbook often starts with an empty or instructions sheet).
  const sheet = workbook.worksheets.find((ws) => ws.actualRowCount > 0)
  if (!sheet) throw new UnreadableFileError('empty')
  const rows: SheetRow[] = []
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const values = row.values as ExcelJS.CellValue[]
    const cells: Cell[] = []
    // row.values is 1-based and sparse.
    for (let c = 1; c < values.length; c++) cells.push(flattenXlsxValue(values[c] ?? null))
    rows.push({ number, cells })
  })
  return toSheet('xlsx', rows, { encoding: null, delimiter: null, sheet: sheet.name })
}

function isEmptyCell(cell: Cell | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '')
}

/** The first non-empty row is the header; the rows after it are data (empty ones dropped). */
function toSheet(format: 'csv' | 'xlsx', all: SheetRow[], options: ParsedSheet['options']): ParsedSheet {
  const headerIndex = all.findIndex((r) => r.cells.some((c) => !isEmptyCell(c)))
  const header = all[headerIndex]
  if (!header) throw new UnreadableFileError('empty')
  const headers = header.cells.map((c) => cellText(c))
  while (headers.length > 0 && headers.at(-1) === '') headers.pop()
  const rows = all.slice(headerIndex + 1).filter((r) => r.cells.some((c) => !isEmptyCell(c)))
  return { format, headers, rows, options }
}

/** CSV or XLSX, by content (an XLSX is a ZIP: `PK`) and then by name. */
export async function readSpreadsheet(fileName: string, bytes: Uint8Array): Promise<ParsedSheet> {
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b
  const lower = fileName.toLowerCase()
  if (isZip || lower.endsWith('.xlsx')) {
    if (!isZip) throw new UnreadableFileError('corrupt')
    return parseXlsx(bytes)
  }
  if (lower.endsWith('.xls')) throw new UnreadableFileError('format')
  if (bytes.byteLength === 0) throw new UnreadableFileError('empty')
  return parseCsv(bytes)
}

/** A cell as text (dates as dd/mm/yyyy, whole numbers without decimals). */
export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return ''
  if (cell instanceof Date) {
    const d = cell
    return `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`
  }
  if (typeof cell === 'number') return String(cell)
  if (typeof cell === 'boolean') return cell ? 'true' : 'false'
  return cell.trim()
}

/**
 * A number as Italians and others write it: `1.234.567,89`, `1234567,89`, `1234567.89`,
 * `1,234,567.89`, `€ 12.000`. With one kind of separator only: a comma is decimal (Italian);
 * dots are thousands when every group after them has three digits (`1.234` = 1234), else decimal
 * (`12.5`). Null when the text is not a number.
 */
export function parseNumber(cell: Cell | undefined): number | null {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null
  if (typeof cell !== 'string') return null
  let text = cell.replace(/[\s\u00a0\u202f€]/g, '').replace(/^EUR|EUR$/i, '')
  if (!text) return null
  let sign = 1
  if (text.startsWith('-')) {
    sign = -1
    text = text.slice(1)
  } else if (text.startsWith('+')) text = text.slice(1)
  if (!/^[\d.,]+$/.test(text) || !/\d/.test(text)) return null
  const lastDot = text.lastIndexOf('.')
  const lastComma = text.lastIndexOf(',')
  let normalized: string
  if (lastDot >= 0 && lastComma >= 0) {
    // Both: the last one is the decimal separator, the other groups thousands.
    const [thousands, decimal] = lastComma > lastDot ? ['.', ','] : [',', '.']
    const [intPart, fraction, ...rest] = text.split(decimal)
    if (rest.length > 0 || fraction === undefined || intPart === undefined || fraction.includes(thousands)) return null
    if (!isGrouped(intPart, thousands)) return null
    normalized = `${intPart.split(thousands).join('')}.${fraction}`
  } else if (lastComma >= 0) {
    const parts = text.split(',')
    if (parts.length > 2) {
      // `1,234,567`: English thousands.
      if (!isGrouped(text, ',')) return null
      normalized = parts.join('')
    } else normalized = text.replace(',', '.')
  } else if (lastDot >= 0) {
    const parts = text.split('.')
    if (isGrouped(text, '.')) normalized = parts.join('')
    else if (parts.length === 2) normalized = text
    else return null
  } else normalized = text
  const value = Number(normalized)
  return Number.isFinite(value) && normalized !== '' ? sign * value : null
}

/** `1.234.567`: a first group of 1–3 digits, then groups of exactly 3. */
function isGrouped(text: string, separator: string): boolean {
  const groups = text.split(separator)
  if (groups.length === 1) return /^\d+$/.test(text)
  const [first, ...others] = groups
  return /^[1-9]\d{0,2}$/.test(first ?? '') && others.every((g) => /^\d{3}$/.test(g))
}

const DAY_MS = 86_400_000
/** Excel's day 0 in the 1900 system, for serials after its nonexistent 29/02/1900 (serial 60). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30)

/**
 * A date as `YYYY-MM-DD`: a Date cell, an Excel serial number (1 = 1900-01-01), or text
 * `dd/mm/yyyy` (also `-` or `.`, two-digit years as 19xx/20xx) or ISO `yyyy-mm-dd`. Null otherwise.
 */
export function parseSpreadsheetDate(cell: Cell | undefined): string | null {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? null : cell.toISOString().slice(0, 10)
  let serial: number | null = typeof cell === 'number' ? cell : null
  if (typeof cell === 'string') {
    const text = cell.trim()
    const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text)
    if (iso) return validDate(Number(iso[1]), Number(iso[2]), Number(iso[3]))
    const it = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(text)
    if (it) {
      let year = Number(it[3])
      if (it[3]?.length === 2) year += year < 50 ? 2000 : 1900
      return validDate(year, Number(it[2]), Number(it[1]))
    }
    if (/^\d+(\.\d+)?$/.test(text)) serial = Number(text)
  }
  if (serial === null || !Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return null
  const day = Math.floor(serial)
  // Serial 60 is Excel's 29/02/1900, a day that never was; the serials before it start a day later.
  if (day === 60) return null
  return new Date(EXCEL_EPOCH + (day < 60 ? day + 1 : day) * DAY_MS).toISOString().slice(0, 10)
}

function validDate(year: number, month: number, day: number): string | null {
  const d = new Date(Date.UTC(year, month - 1, day))
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null
  return d.toISOString().slice(0, 10)
}
