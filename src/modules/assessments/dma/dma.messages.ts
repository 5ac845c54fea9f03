/**
 * Validation issues as sentences, in Italian or English, from the module's locale files (the web
 * app renders the same keys through i18next, the CLI and the server through this function).
 */
import type { DmaAnswerIssue } from '../assessments.contract'
import en from '../web/locales/en.json'
import it from '../web/locales/it.json'

export type DmaMessageLocale = 'it' | 'en'

const catalogues = { it: it.assessments.validation, en: en.assessments.validation }

function fill(template: string, params: Record<string, unknown>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ''))
}

/** "Q4, riga 3: il valore 7 è fuori dalla scala da 0 a 5." */
export function formatDmaIssue(issue: DmaAnswerIssue, locale: DmaMessageLocale): string {
  const catalogue = catalogues[locale]
  let where = issue.question ?? ''
  if (issue.column) where += ` (${issue.column})`
  if (issue.row !== undefined) where += `, ${fill(catalogue.at.row, issue)}`
  if (issue.position !== undefined) where += `, ${fill(catalogue.at.position, issue)}`
  return fill(catalogue[issue.code], { ...issue, where })
}
