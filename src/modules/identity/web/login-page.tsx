import { Alert, Button, Stack, Text, TextInput, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useDocumentTitle } from '@mantine/hooks'
import { IconAlertCircle } from '@tabler/icons-react'
import { useRouter } from '@tanstack/react-router'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../../web/api-client'
import { changeLanguage } from '../../../web/i18n/i18n'
import { contractResolver, showSubmitError } from '../../../web/ui/form-errors'
import { AnchorLink } from '../../../web/ui/router-links'
import { PasswordField } from '../../../web/ui/password-field'
import { SignInInput } from '../identity.contract'
import { useSignIn } from './identity.queries'
import { safeRedirectTarget } from './safe-redirect'

export function LoginPage({ redirectTo }: { redirectTo?: string }) {
  const { t } = useTranslation()
  useDocumentTitle(`${t('auth.login.title')} · ${t('app.name')}`)
  const router = useRouter()
  const signIn = useSignIn()
  // Wrong credentials and rate limiting concern the whole form, not one field.
  const [failure, setFailure] = useState<string | null>(null)
  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: contractResolver(SignInInput),
  })

  const submit = form.onSubmit((values) => {
    setFailure(null)
    signIn.mutate(SignInInput.parse(values), {
      onSuccess: async (me) => {
        // The account's language wins over the one chosen on this page.
        await changeLanguage(me.locale)
        router.history.push(safeRedirectTarget(redirectTo))
      },
      onError: (error) => {
        if (isApiError(error, 'UNAUTHENTICATED') || isApiError(error, 'RATE_LIMITED')) setFailure(error.message)
        else showSubmitError(form, error)
      },
    })
  })

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t('auth.login.title')}</Title>
        <Text c="dimmed">{t('auth.login.intro')}</Text>
      </Stack>
      {failure ? (
        <Alert role="alert" color="red.9" variant="outline" icon={<IconAlertCircle aria-hidden="true" />}>
          {failure}
        </Alert>
      ) : null}
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput
            label={t('auth.login.email')}
            type="email"
            autoComplete="username"
            required
            {...form.getInputProps('email')}
          />
          <PasswordField
            label={t('auth.login.password')}
            autoComplete="current-password"
            required
            {...form.getInputProps('password')}
          />
          <AnchorLink to="/forgot-password" size="sm">
            {t('auth.login.forgot')}
          </AnchorLink>
          <Button type="submit" loading={signIn.isPending} fullWidth>
            {t('auth.login.submit')}
          </Button>
        </Stack>
      </form>
    </Stack>
  )
}
