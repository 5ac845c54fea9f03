import { Alert, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useDocumentTitle } from '@mantine/hooks'
import { IconAlertCircle } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { useNavigate } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { isApiError } from '../../../web/api-client'
import { useFormat } from '../../../web/i18n/format'
import { contractResolver, showSubmitError } from '../../../web/ui/form-errors'
import { DetailList } from '../../../web/ui/detail-list'
import { LoadingState } from '../../../web/ui/loading-state'
import { notifyError, notifySuccess } from '../../../web/ui/notify'
import { QueryError } from '../../../web/ui/query-error'
import { ButtonLink } from '../../../web/ui/router-links'
import { PasswordField } from '../../../web/ui/password-field'
import { InvitationAcceptInput, type InvitationPreview } from '../identity.contract'
import { sessionQueryOptions, useAcceptInvitation, useInvitationPreview, useSignOut } from './identity.queries'
import { CONFIRMATION_MISMATCH } from './password-confirmation'

/** Someone without an account sets their name and password while accepting. */
const NewAccountFields = InvitationAcceptInput.required()
  .extend({ confirmPassword: z.string() })
  .refine((values) => values.password === values.confirmPassword, CONFIRMATION_MISMATCH)

export function AcceptInvitationPage({ token }: { token?: string }) {
  const { t } = useTranslation()
  useDocumentTitle(`${t('auth.invitation.title')} · ${t('app.name')}`)
  const preview = useInvitationPreview(token ?? '')

  let body
  if (!token) body = <InvalidInvitation message={t('auth.invitation.missingToken')} />
  else if (preview.isPending) body = <LoadingState />
  else if (isApiError(preview.error, 'GONE') || isApiError(preview.error, 'NOT_FOUND'))
    body = <InvalidInvitation message={t('auth.invitation.gone')} />
  else if (preview.error) body = <QueryError error={preview.error} onRetry={() => void preview.refetch()} />
  else body = <InvitationDetails token={token} invitation={preview.data} />

  return (
    <Stack gap="lg">
      <Title order={1}>{t('auth.invitation.title')}</Title>
      {body}
    </Stack>
  )
}

function InvalidInvitation({ message }: { message: string }) {
  return (
    <Alert role="alert" color="red.9" variant="outline" icon={<IconAlertCircle aria-hidden="true" />}>
      {message}
    </Alert>
  )
}

function InvitationDetails({ token, invitation }: { token: string; invitation: InvitationPreview }) {
  const { t } = useTranslation()
  const format = useFormat()
  return (
    <Stack gap="lg">
      <Text>
        {t('auth.invitation.intro', { network: invitation.networkName })}
      </Text>
      <DetailList
        items={[
          { label: t('auth.invitation.network'), value: invitation.networkName },
          { label: t('auth.invitation.unit'), value: invitation.unitName },
          { label: t('auth.invitation.role'), value: t(`roles.${invitation.role}`) },
          { label: t('auth.invitation.email'), value: invitation.email },
          { label: t('auth.invitation.expires'), value: format.dateTime(invitation.expiresAt) },
        ]}
      />
      {invitation.hasAccount ? (
        <AcceptWithExistingAccount token={token} email={invitation.email} />
      ) : (
        <AcceptWithNewAccount token={token} />
      )}
    </Stack>
  )
}

function useAcceptAndEnter(token: string) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const accept = useAcceptInvitation(token)
  const onSuccess = () => {
    notifySuccess(t('auth.invitation.accepted'))
    void navigate({ to: '/' })
  }
  return { accept, onSuccess }
}

function AcceptWithNewAccount({ token }: { token: string }) {
  const { t } = useTranslation()
  const { accept, onSuccess } = useAcceptAndEnter(token)
  const form = useForm({
    initialValues: { name: '', password: '', confirmPassword: '' },
    validate: contractResolver(NewAccountFields),
  })
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) =>
        accept.mutate(
          { name: values.name.trim(), password: values.password },
          { onSuccess, onError: (error) => showSubmitError(form, error) },
        ),
      )}
    >
      <Stack gap="md">
        <TextInput label={t('auth.invitation.name')} autoComplete="name" required {...form.getInputProps('name')} />
        <PasswordField
          label={t('auth.invitation.password')}
          description={t('auth.passwordRule')}
          autoComplete="new-password"
          required
          {...form.getInputProps('password')}
        />
        <PasswordField
          label={t('auth.invitation.confirmPassword')}
          autoComplete="new-password"
          required
          {...form.getInputProps('confirmPassword')}
        />
        <Button type="submit" loading={accept.isPending} fullWidth>
          {t('auth.invitation.submit')}
        </Button>
      </Stack>
    </form>
  )
}

/**
 * The invitee already has an account: accepting needs that account's session, so they sign in
 * first (and come back here), then confirm.
 */
function AcceptWithExistingAccount({ token, email }: { token: string; email: string }) {
  const { t } = useTranslation()
  const session = useQuery(sessionQueryOptions)
  const signOut = useSignOut()
  const { accept, onSuccess } = useAcceptAndEnter(token)
  const here = `/invitation?token=${encodeURIComponent(token)}`

  if (session.isPending) return <LoadingState />
  const me = session.data
  if (!me) {
    return (
      <Stack gap="md" align="flex-start">
        <Text>{t('auth.invitation.hasAccount', { email })}</Text>
        <ButtonLink to="/login" search={{ redirect: here }}>
          {t('auth.invitation.signInToAccept')}
        </ButtonLink>
      </Stack>
    )
  }
  if (me.email.toLowerCase() !== email.toLowerCase()) {
    return (
      <Stack gap="md" align="flex-start">
        <Text>{t('auth.invitation.otherAccount', { current: me.email, email })}</Text>
        <Button variant="default" loading={signOut.isPending} onClick={() => signOut.mutate()}>
          {t('userMenu.signOut')}
        </Button>
      </Stack>
    )
  }
  return (
    <Group>
      <Button
        loading={accept.isPending}
        onClick={() => accept.mutate({}, { onSuccess, onError: notifyError })}
      >
        {t('auth.invitation.submit')}
      </Button>
    </Group>
  )
}
