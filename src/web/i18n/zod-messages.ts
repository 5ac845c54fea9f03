import type { i18n as I18n } from 'i18next'
import type { z } from 'zod'

/** An empty form field reaches the schema as '', null or undefined, whatever the input kind. */
function isBlank(input: unknown): boolean {
  return input === undefined || input === null || (typeof input === 'string' && input.trim() === '')
}

/**
 * zod's global `customError` map: words the issues a person meets in forms (a required field, a
 * too-short password, a malformed email) in plain language. Returning undefined hands the issue to
 * zod's locale map, set per language in i18n.ts, so nothing is ever left without a message.
 * Messages set in a contract (`errors.*` keys) take precedence over both (zod's error precedence);
 * the form resolver translates those.
 */
export function createZodErrorMap(i18n: I18n): z.core.$ZodErrorMap {
  const t = i18n.t.bind(i18n)
  return (issue) => {
    switch (issue.code) {
      case 'invalid_type':
      case 'invalid_value':
        return isBlank(issue.input) ? t('validation.required') : undefined
      case 'too_small':
        if (issue.origin === 'string') {
          return isBlank(issue.input) || issue.minimum === 1
            ? t('validation.required')
            : t('validation.minLength', { count: Number(issue.minimum) })
        }
        if (issue.origin === 'array') return t('validation.minItems', { count: Number(issue.minimum) })
        if (issue.origin === 'number') return t('validation.minNumber', { min: Number(issue.minimum) })
        return undefined
      case 'too_big':
        if (issue.origin === 'string') return t('validation.maxLength', { count: Number(issue.maximum) })
        if (issue.origin === 'number') return t('validation.maxNumber', { max: Number(issue.maximum) })
        return undefined
      case 'invalid_format':
        if (isBlank(issue.input)) return t('validation.required')
        return issue.format === 'email' ? t('validation.email') : undefined
      default:
        return undefined
    }
  }
}
