/**
 * Cells and lines of exported files. CSV "Excel-friendly" as Italian Excel opens it with a double
 * click: UTF-8 with a BOM (else accents break), `;` between cells (`,` is the decimal separator),
 * CRLF line ends. Text that a spreadsheet would run as a formula is neutralised (OWASP, "CSV
 * Injection"): a cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`.
 */

export const CSV_BOM = '\uFEFF'
export const CSV_DELIMITER = ';'
export const CSV_EOL = '\r\n'

const FORMULA_START = /^[=+\-@\t\r]/

/** `=1+1` → `'=1+1`; anything else unchanged. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text
}

export type ExportValue = string | number | Date | null

/** A number the way the reader's Excel expects it: `1234567,89` in Italian, `1234567.89` in English. */
export function formatNumber(value: number, locale: 'it' | 'en'): string {
  const text = String(value)
  return locale === 'it' ? text.replace('.', ',') : text
}

/** One CSV cell: neutralised, quoted when it holds a delimiter, a quote or a line break. */
export function csvCell(value: ExportValue, locale: 'it' | 'en'): string {
  if (value === null) return ''
  let text: string
  if (typeof value === 'number') text = formatNumber(value, locale)
  else if (value instanceof Date) text = value.toISOString().slice(0, 10)
  else text = neutraliseFormula(value)
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export function csvLine(values: readonly ExportValue[], locale: 'it' | 'en'): string {
  return values.map((v) => csvCell(v, locale)).join(CSV_DELIMITER) + CSV_EOL
}

/** An XLSX cell value: numbers and dates stay typed; text is neutralised. */
export function xlsxCell(value: ExportValue): string | number | Date | null {
  return typeof value === 'string' ? neutraliseFormula(value) : value
}
