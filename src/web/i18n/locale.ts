import { LOCALES, type Locale } from '../../modules/identity/identity.contract'

/** Ponte runs Italian DIH networks: Italian unless the user chose otherwise. */
export const DEFAULT_LOCALE: Locale = 'it'

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value)
}
