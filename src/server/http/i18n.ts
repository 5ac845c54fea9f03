/**
 * Server-side rendering of error messages in the user's language. The web app renders the same
 * keys from the same files (src/shared/i18n), so a message reads the same wherever it shows.
 */
import { z } from 'zod'
import en from '../../shared/i18n/errors.en.json'
import it from '../../shared/i18n/errors.it.json'
import type { Locale } from '../../modules/identity/identity.contract'

const catalogues: Record<Locale, Record<string, string>> = { it, en }
const zodLocales = { it: z.locales.it(), en: z.locales.en() }

/** Renders `errors.<key>` (or a bare key) with `{{placeholders}}`; unknown keys fall back to it. */
export function translateError(locale: Locale, key: string, details: Record<string, unknown> = {}): string {
  const bare = key.startsWith('errors.') ? key.slice('errors.'.length) : key
  const template = catalogues[locale][bare] ?? catalogues.it[bare]
  if (template === undefined) throw new Error(`Missing error message for key ${key}`)
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(details[name] ?? ''))
}

/** A zod issue in the user's language: our own `errors.*` keys, else zod's locale for the code. */
export function translateIssue(locale: Locale, issue: z.core.$ZodIssue): string {
  if (issue.message.startsWith('errors.')) return translateError(locale, issue.message)
  const localized = zodLocales[locale].localeError?.(issue as unknown as z.core.$ZodRawIssue)
  if (typeof localized === 'string') return localized
  if (localized && typeof localized === 'object' && 'message' in localized) return String(localized.message)
  return issue.message
}

/** `it` unless the header prefers English before Italian. */
export function localeFromAcceptLanguage(header: string | undefined): Locale {
  if (!header) return 'it'
  for (const part of header.split(',')) {
    const tag = part.trim().slice(0, 2).toLowerCase()
    if (tag === 'it' || tag === 'en') return tag
  }
  return 'it'
}
