import { Card, Fieldset, Group, Radio, Stack, Text, TextInput, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { changeLanguage } from '../../../web/i18n/i18n'
import { FormActions } from '../../../web/ui/form-actions'
import { contractResolver, showSubmitError } from '../../../web/ui/form-errors'
import { notifyError, notifySuccess } from '../../../web/ui/notify'
import { PageHeader } from '../../../web/ui/page-header'
import { PasswordField } from '../../../web/ui/password-field'
import { LOCALES, MeUpdateInput, PasswordChangeInput } from '../identity.contract'
import { ApiTokensSection } from './api-tokens-section'
import { useChangePassword, useMe, useUpdateMe } from './identity.queries'
import { CONFIRMATION_MISMATCH } from './password-confirmation'

const LANGUAGE_NAMES = { it: 'Italiano', en: 'English' } as const

const NameFields = MeUpdateInput.pick({ name: true }).required()

const PasswordChangeFields = PasswordChangeInput.extend({ confirmPassword: z.string() }).refine(
  (values) => values.newPassword === values.confirmPassword,
  CONFIRMATION_MISMATCH,
)

export function ProfilePage() {
  const { t } = useTranslation()
  return (
    <>
      <PageHeader title={t('profile.title')} description={t('profile.description')} />
      <Stack gap="lg">
        <ProfileCard titleId="profile-details" title={t('profile.details')}>
          <NameForm />
        </ProfileCard>
        <ProfileCard titleId="profile-language" title={t('profile.language')}>
          <LanguageChoice />
        </ProfileCard>
        <ProfileCard titleId="profile-password" title={t('profile.password.title')}>
          <PasswordChangeForm />
        </ProfileCard>
        <ProfileCard titleId="profile-tokens" title={t('profile.tokens.title')}>
          <ApiTokensSection />
        </ProfileCard>
      </Stack>
    </>
  )
}

function ProfileCard({ titleId, title, children }: { titleId: string; title: string; children: ReactNode }) {
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby={titleId}>
      <Stack gap="md">
        <Title order={2} size="h4" id={titleId}>
          {title}
        </Title>
        {children}
      </Stack>
    </Card>
  )
}

function NameForm() {
  const { t } = useTranslation()
  const me = useMe()
  const updateMe = useUpdateMe()
  const form = useForm({ initialValues: { name: me.name }, validate: contractResolver(NameFields) })
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) =>
        updateMe.mutate(NameFields.parse(values), {
          onSuccess: (updated) => {
            form.resetDirty({ name: updated.name })
            notifySuccess(t('profile.saved'))
          },
          onError: (error) => showSubmitError(form, error),
        }),
      )}
    >
      <Stack gap="md" maw={480}>
        <TextInput label={t('profile.name')} autoComplete="name" required {...form.getInputProps('name')} />
        <TextInput label={t('profile.email')} value={me.email} readOnly description={t('profile.emailHint')} />
        <FormActions submitLabel={t('common.save')} isPending={updateMe.isPending} />
      </Stack>
    </form>
  )
}

/**
 * Radio buttons in a fieldset rather than a second "Lingua" select: the header's switch already
 * carries that label, and two controls with one name would be ambiguous to assistive technology.
 */
function LanguageChoice() {
  const { t } = useTranslation()
  const me = useMe()
  const updateMe = useUpdateMe()
  return (
    <Fieldset legend={t('profile.languageLegend')} variant="unstyled">
      <Text size="sm" c="dimmed" mb="sm">
        {t('profile.languageHint')}
      </Text>
      <Group gap="lg">
        {LOCALES.map((locale) => (
          <Radio
            key={locale}
            name="profile-language"
            value={locale}
            label={LANGUAGE_NAMES[locale]}
            checked={me.locale === locale}
            onChange={() => {
              void changeLanguage(locale)
              updateMe.mutate(
                { locale },
                { onSuccess: () => notifySuccess(t('profile.saved')), onError: notifyError },
              )
            }}
          />
        ))}
      </Group>
    </Fieldset>
  )
}

function PasswordChangeForm() {
  const { t } = useTranslation()
  const changePassword = useChangePassword()
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
    validate: contractResolver(PasswordChangeFields),
  })
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) =>
        changePassword.mutate(
          { currentPassword: values.currentPassword, newPassword: values.newPassword },
          {
            onSuccess: () => {
              form.reset()
              notifySuccess(t('profile.password.done'))
            },
            onError: (error) => showSubmitError(form, error),
          },
        ),
      )}
    >
      <Stack gap="md" maw={480}>
        <PasswordField
          label={t('profile.password.current')}
          autoComplete="current-password"
          required
          {...form.getInputProps('currentPassword')}
        />
        <PasswordField
          label={t('profile.password.new')}
          description={t('auth.passwordRule')}
          autoComplete="new-password"
          required
          {...form.getInputProps('newPassword')}
        />
        <PasswordField
          label={t('profile.password.confirm')}
          autoComplete="new-password"
          required
          {...form.getInputProps('confirmPassword')}
        />
        <FormActions submitLabel={t('profile.password.submit')} isPending={changePassword.isPending} />
      </Stack>
    </form>
  )
}
