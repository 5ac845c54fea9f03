import { Alert, Button, Stack, Text, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useDocumentTitle } from '@mantine/hooks'
import { IconAlertCircle } from '@tabler/icons-react'
import { useNavigate } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../../web/api-client'
import { contractResolver, showSubmitError } from '../../../web/ui/form-errors'
import { notifySuccess } from '../../../web/ui/notify'
import { AnchorLink } from '../../../web/ui/router-links'
import { PasswordField } from '../../../web/ui/password-field'
import { useConfirmPasswordReset } from './identity.queries'
import { NewPasswordFields } from './password-confirmation'

export function ResetPasswordPage({ token }: { token?: string }) {
  const { t } = useTranslation()
  useDocumentTitle(`${t('auth.reset.title')} · ${t('app.name')}`)
  const navigate = useNavigate()
  const confirm = useConfirmPasswordReset()
  const form = useForm({
    initialValues: { newPassword: '', confirmPassword: '' },
    validate: contractResolver(NewPasswordFields),
  })
  const isGone = isApiError(confirm.error, 'GONE')

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t('auth.reset.title')}</Title>
        <Text c="dimmed">{t('auth.reset.intro')}</Text>
      </Stack>
      {!token || isGone ? (
        <Alert role="alert" color="red.9" variant="outline" icon={<IconAlertCircle aria-hidden="true" />}>
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{token ? t('auth.reset.invalidToken') : t('auth.reset.missingToken')}</Text>
            <AnchorLink to="/forgot-password" size="sm">
              {t('auth.reset.requestNew')}
            </AnchorLink>
          </Stack>
        </Alert>
      ) : (
        <form
          noValidate
          onSubmit={form.onSubmit((values) =>
            confirm.mutate(
              { token, newPassword: values.newPassword },
              {
                onSuccess: () => {
                  notifySuccess(t('auth.reset.done'))
                  void navigate({ to: '/login', search: {} })
                },
                onError: (error) => {
                  if (!isApiError(error, 'GONE')) showSubmitError(form, error)
                },
              },
            ),
          )}
        >
          <Stack gap="md">
            <PasswordField
              label={t('auth.reset.newPassword')}
              description={t('auth.passwordRule')}
              autoComplete="new-password"
              required
              {...form.getInputProps('newPassword')}
            />
            <PasswordField
              label={t('auth.reset.confirmPassword')}
              autoComplete="new-password"
              required
              {...form.getInputProps('confirmPassword')}
            />
            <Button type="submit" loading={confirm.isPending} fullWidth>
              {t('auth.reset.submit')}
            </Button>
          </Stack>
        </form>
      )}
      <AnchorLink to="/login" search={{}} size="sm">
        {t('auth.backToLogin')}
      </AnchorLink>
    </Stack>
  )
}
