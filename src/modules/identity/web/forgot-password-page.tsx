import { Alert, Button, Stack, Text, TextInput, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useDocumentTitle } from '@mantine/hooks'
import { IconMailCheck } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { contractResolver, showSubmitError } from '../../../web/ui/form-errors'
import { AnchorLink } from '../../../web/ui/router-links'
import { PasswordResetRequestInput } from '../identity.contract'
import { useRequestPasswordReset } from './identity.queries'

export function ForgotPasswordPage() {
  const { t } = useTranslation()
  useDocumentTitle(`${t('auth.forgot.title')} · ${t('app.name')}`)
  const request = useRequestPasswordReset()
  const form = useForm({
    initialValues: { email: '' },
    validate: contractResolver(PasswordResetRequestInput),
  })

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t('auth.forgot.title')}</Title>
        <Text c="dimmed">{t('auth.forgot.intro')}</Text>
      </Stack>
      {request.isSuccess ? (
        // The server answers the same whether or not the address has an account (no enumeration),
        // so the page does too.
        <Alert role="status" color="teal.9" variant="outline" icon={<IconMailCheck aria-hidden="true" />} title={t('auth.forgot.sentTitle')}>
          {t('auth.forgot.sent')}
        </Alert>
      ) : (
        <form
          noValidate
          onSubmit={form.onSubmit((values) =>
            request.mutate(PasswordResetRequestInput.parse(values), {
              onError: (error) => showSubmitError(form, error),
            }),
          )}
        >
          <Stack gap="md">
            <TextInput
              label={t('auth.forgot.email')}
              type="email"
              autoComplete="email"
              required
              {...form.getInputProps('email')}
            />
            <Button type="submit" loading={request.isPending} fullWidth>
              {t('auth.forgot.submit')}
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
