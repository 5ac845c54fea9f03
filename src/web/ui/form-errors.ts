/**
 * The one form approach (HOUSE_STYLE habit 6): Mantine's useForm validated by the contract's zod
 * schema, so the browser checks exactly what the server will; server field errors land on the same
 * inputs.
 */
import type { UseFormReturnType } from '@mantine/form'
import { zod4Resolver } from 'mantine-form-zod-resolver'
import type { z } from 'zod'
import { isApiError } from '../api-client'
import { i18n } from '../i18n/i18n'
import { notifyError } from './notify'

const ERROR_KEY_PREFIX = 'errors.'

/**
 * A message from a contract written as an `errors.*` key (e.g. `errors.unitCodeFormat`) is looked
 * up in the shared `errors` namespace; any other message is already worded (zod's error map).
 */
export function translateValidationMessage(message: string): string {
  if (!message.startsWith(ERROR_KEY_PREFIX)) return message
  const key = message.slice(ERROR_KEY_PREFIX.length)
  return i18n.exists(key, { ns: 'errors' })
    ? i18n.t(key, { ns: 'errors' })
    : i18n.t('validation.invalid')
}

/** Form validation with a contract schema; the first problem of each field is shown. */
export function contractResolver(schema: z.ZodType) {
  const resolve = zod4Resolver(schema, { errorPriority: 'first' })
  return (values: Record<string, unknown>) => {
    const errors = resolve(values)
    return Object.fromEntries(
      Object.entries(errors).map(([path, message]) => [
        path,
        typeof message === 'string' ? translateValidationMessage(message) : message,
      ]),
    )
  }
}

/**
 * Shows a failed submit: field errors from the server beside their inputs, anything else (or a
 * field this form does not show) as a notification.
 */
export function showSubmitError<Values extends Record<string, unknown>>(
  form: UseFormReturnType<Values>,
  error: unknown,
): void {
  if (!isApiError(error) || error.fields.length === 0) {
    notifyError(error)
    return
  }
  const shown = Object.keys(form.getValues())
  const onForm = error.fields.filter((field) => shown.includes(field.path.split('.')[0] ?? ''))
  form.setErrors(Object.fromEntries(onForm.map((field) => [field.path, field.message])))
  if (onForm.length < error.fields.length) notifyError(error)
}
