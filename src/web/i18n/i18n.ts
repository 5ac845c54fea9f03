/**
 * i18next for the web app. Italian is the default language (Ponte runs Italian DIH networks);
 * English is the second. The `errors` namespace is shared with the server (src/shared/i18n), so
 * messages keyed `errors.*` (AppError keys, custom messages in the contracts) read the same on both
 * sides.
 *
 * Changing language is one call, `changeLanguage`, which also keeps in step what depends on it:
 * the `lang` attribute of <html> (screen readers pick their voice from it, WCAG 3.1.1), zod's
 * validation messages, and the choice remembered in localStorage for the pages before sign-in.
 */
import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import { z } from 'zod'
import zodEnglish from 'zod/v4/locales/en.js'
import zodItalian from 'zod/v4/locales/it.js'
import { LOCALES, type Locale } from '../../modules/identity/identity.contract'
import errorsEn from '../../shared/i18n/errors.en.json'
import errorsIt from '../../shared/i18n/errors.it.json'
import en from './locales/en.json'
import it from './locales/it.json'
import { DEFAULT_LOCALE, isLocale } from './locale'
import { moduleLocalesEn, moduleLocalesIt } from './module-locales'
import { createZodErrorMap } from './zod-messages'

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation'
    resources: {
      translation: typeof it & typeof moduleLocalesIt
      // Keys are written by the server module that raises them; the web looks them up by name.
      errors: Record<string, string>
    }
  }
}

const STORAGE_KEY = 'ponte.locale'

function readStoredLocale(): Locale {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY)
    return isLocale(stored) ? stored : DEFAULT_LOCALE
  } catch {
    // Storage can be disabled (privacy mode): the default language is the documented fallback.
    return DEFAULT_LOCALE
  }
}

// Imported one by one: `z.locales` would bundle all of zod's fifty-odd languages.
const zodLocales: Record<Locale, () => { localeError: z.core.$ZodErrorMap }> = {
  it: zodItalian,
  en: zodEnglish,
}

function applyLocale(locale: Locale): void {
  document.documentElement.lang = locale
  z.config(zodLocales[locale]())
  try {
    window.localStorage.setItem(STORAGE_KEY, locale)
  } catch {
    // Not remembering the choice across visits is acceptable; the session keeps it via PATCH /api/me.
  }
}

export const i18n = i18next.createInstance()

void i18n.use(initReactI18next).init({
  resources: {
    // Both locale files must carry the same keys: `satisfies` checks it in both directions.
    it: { translation: { ...(it satisfies typeof en), ...moduleLocalesIt }, errors: errorsIt },
    en: { translation: { ...(en satisfies typeof it), ...(moduleLocalesEn satisfies typeof moduleLocalesIt) }, errors: errorsEn },
  },
  lng: readStoredLocale(),
  fallbackLng: DEFAULT_LOCALE,
  supportedLngs: [...LOCALES],
  ns: ['translation', 'errors'],
  defaultNS: 'translation',
  // Resources are bundled, so initialise synchronously: the first render is already translated.
  initAsync: false,
  interpolation: { escapeValue: false }, // React escapes already
  returnNull: false,
})

i18n.on('languageChanged', (lng) => applyLocale(currentLocaleOf(lng)))
applyLocale(currentLocale())
// Friendlier messages for the common cases (required, too short, bad email); zod's own locale
// (set in applyLocale) words the rest.
z.config({ customError: createZodErrorMap(i18n) })

function currentLocaleOf(lng: string | undefined): Locale {
  const base = lng?.split('-')[0]
  return isLocale(base) ? base : DEFAULT_LOCALE
}

/** The language the UI is shown in now. */
export function currentLocale(): Locale {
  return currentLocaleOf(i18n.resolvedLanguage ?? i18n.language)
}

/** Switches the UI language (and what follows it: <html lang>, zod messages, the stored choice). */
export async function changeLanguage(locale: Locale): Promise<void> {
  if (currentLocale() === locale) return
  await i18n.changeLanguage(locale)
}
