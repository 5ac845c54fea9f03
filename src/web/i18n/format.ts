/**
 * Dates, numbers and money in the user's language, via Intl. Italian follows Italian use
 * (23/11/2026, 1.234,56 €); English uses British conventions (day before month), closer to what
 * Italian colleagues reading the English UI expect than the US ones.
 * The wire format is ISO 8601 (HOUSE_STYLE habit 6); these functions only change how it reads.
 */
import { useTranslation } from 'react-i18next'
import type { Locale } from '../../modules/identity/identity.contract'
import { isLocale } from './locale'

const INTL_LOCALES: Record<Locale, string> = { it: 'it-IT', en: 'en-GB' }

// Italian CLDR data groups thousands only from five digits (1234 → "1234"); Italian
// administrative documents write 1.234, so grouping is forced.
const GROUPING = { useGrouping: 'always' } as const

export function formatDate(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(INTL_LOCALES[locale], {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(new Date(iso))
}

export function formatDateTime(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(INTL_LOCALES[locale], {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso))
}

export function formatNumber(value: number, locale: Locale, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(INTL_LOCALES[locale], { ...GROUPING, ...options }).format(value)
}

export function formatMoney(amount: number, locale: Locale, currency = 'EUR'): string {
  return new Intl.NumberFormat(INTL_LOCALES[locale], {
    ...GROUPING,
    style: 'currency',
    currency,
  }).format(amount)
}

/** The formatters bound to the current UI language; components re-render when it changes. */
export function useFormat() {
  const { i18n } = useTranslation()
  const lng = i18n.resolvedLanguage ?? i18n.language
  const locale: Locale = isLocale(lng) ? lng : 'it'
  return {
    locale,
    date: (iso: string) => formatDate(iso, locale),
    dateTime: (iso: string) => formatDateTime(iso, locale),
    /** Hours and minutes, e.g. "14:05". */
    time: (at: Date) => new Intl.DateTimeFormat(INTL_LOCALES[locale], { hour: '2-digit', minute: '2-digit' }).format(at),
    number: (value: number, options?: Intl.NumberFormatOptions) => formatNumber(value, locale, options),
    money: (amount: number, currency?: string) => formatMoney(amount, locale, currency),
  }
}
