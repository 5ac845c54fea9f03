import { PasswordInput, type PasswordInputProps } from '@mantine/core'
import { useTranslation } from 'react-i18next'

/**
 * Mantine's PasswordInput with its show/hide toggle named in the user's language. The name avoids
 * the word "password" on purpose: otherwise the toggle would also answer to the field's label
 * (getByLabel('Password') in e2e tests, and voice-control users saying "click Password").
 */
export function PasswordField(props: PasswordInputProps) {
  const { t } = useTranslation()
  return <PasswordInput visibilityToggleButtonProps={{ 'aria-label': t('common.showTyped') }} {...props} />
}
