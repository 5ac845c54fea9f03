import { z } from 'zod'
import { i18n } from '../../../web/i18n/i18n'
import { Password } from '../identity.contract'

/**
 * A new password is typed twice; the second field only has to match (checked in the browser,
 * never sent). The message is a function so it is worded in the language current at validation.
 */
export const CONFIRMATION_MISMATCH = {
  path: ['confirmPassword'],
  error: () => i18n.t('validation.passwordsDiffer'),
}

/** Reset and change-password forms: the contract's password rule, typed twice. */
export const NewPasswordFields = z
  .object({ newPassword: Password, confirmPassword: z.string() })
  .refine((values) => values.newPassword === values.confirmPassword, CONFIRMATION_MISMATCH)
