import {
  Alert,
  Button,
  Checkbox,
  Code,
  CopyButton,
  Group,
  Modal,
  NumberInput,
  Stack,
  Text,
  TextInput,
} from '@mantine/core'
import { useForm } from '@mantine/form'
import { IconCheck, IconCopy, IconKey, IconPlus } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useFormat } from '../../../web/i18n/format'
import { confirmAction } from '../../../web/ui/confirm'
import { DataTable } from '../../../web/ui/data-table'
import { EmptyState } from '../../../web/ui/empty-state'
import { FormActions } from '../../../web/ui/form-actions'
import { contractResolver, showSubmitError } from '../../../web/ui/form-errors'
import { notifySuccess } from '../../../web/ui/notify'
import { StatusBadge } from '../../../web/ui/status-badge'
import { type ApiToken, ApiTokenCreateInput, TOKEN_SCOPES } from '../identity.contract'
import { useApiTokens, useCreateApiToken, useRevokeApiToken } from './identity.queries'

function tokenState(token: ApiToken, now: number): 'active' | 'revoked' | 'expired' {
  if (token.revokedAt) return 'revoked'
  if (token.expiresAt && Date.parse(token.expiresAt) <= now) return 'expired'
  return 'active'
}

/** Personal API tokens: list, create (the secret is shown once), revoke. */
export function ApiTokensSection() {
  const { t } = useTranslation()
  const format = useFormat()
  const tokens = useApiTokens()
  const revoke = useRevokeApiToken()
  const [isCreating, setCreating] = useState(false)
  const [secret, setSecret] = useState<string | null>(null)
  const now = Date.now()

  const onRevoke = async (token: ApiToken) => {
    const confirmed = await confirmAction({
      title: t('profile.tokens.revokeTitle', { name: token.name }),
      message: t('profile.tokens.revokeMessage'),
      confirmLabel: t('profile.tokens.revokeConfirm'),
      danger: true,
    })
    if (confirmed) revoke.mutate(token.id, { onSuccess: () => notifySuccess(t('profile.tokens.revokeDone')) })
  }

  const closeDialog = () => {
    setCreating(false)
    setSecret(null)
  }

  const newToken = (
    <Button variant="default" leftSection={<IconPlus size={16} aria-hidden="true" />} onClick={() => setCreating(true)}>
      {t('profile.tokens.new')}
    </Button>
  )

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('profile.tokens.description')}
      </Text>
      <DataTable
        caption={t('profile.tokens.caption')}
        rows={tokens.data ?? []}
        rowKey={(token) => token.id}
        isLoading={tokens.isPending}
        error={tokens.error}
        onRetry={() => void tokens.refetch()}
        empty={<EmptyState icon={<IconKey aria-hidden="true" />} title={t('profile.tokens.empty')} description={t('profile.tokens.emptyHint')} />}
        columns={[
          { id: 'name', header: t('profile.tokens.columns.name'), cell: (token) => token.name },
          { id: 'prefix', header: t('profile.tokens.columns.prefix'), cell: (token) => <Code>{token.prefix}…</Code> },
          {
            id: 'scopes',
            header: t('profile.tokens.columns.scopes'),
            cell: (token) => token.scopes.map((scope) => t(`profile.tokens.scope.${scope}`)).join(', '),
          },
          { id: 'createdAt', header: t('profile.tokens.columns.createdAt'), cell: (token) => format.date(token.createdAt) },
          {
            id: 'lastUsedAt',
            header: t('profile.tokens.columns.lastUsedAt'),
            cell: (token) => (token.lastUsedAt ? format.dateTime(token.lastUsedAt) : t('profile.tokens.never')),
          },
          {
            id: 'expiresAt',
            header: t('profile.tokens.columns.expiresAt'),
            cell: (token) => (token.expiresAt ? format.date(token.expiresAt) : t('profile.tokens.noExpiry')),
          },
          {
            id: 'status',
            header: t('profile.tokens.columns.status'),
            cell: (token) => {
              const state = tokenState(token, now)
              return (
                <StatusBadge tone={state === 'active' ? 'positive' : 'neutral'}>
                  {t(`profile.tokens.state.${state}`)}
                </StatusBadge>
              )
            },
          },
          {
            id: 'actions',
            header: t('common.actions'),
            cell: (token) =>
              tokenState(token, now) === 'active' ? (
                <Button
                  size="xs"
                  variant="outline"
                  color="red.9"
                  aria-label={t('profile.tokens.revokeLabel', { name: token.name })}
                  onClick={() => void onRevoke(token)}
                >
                  {t('profile.tokens.revoke')}
                </Button>
              ) : null,
          },
        ]}
      />
      <Group>{newToken}</Group>
      <Modal
        opened={isCreating}
        onClose={closeDialog}
        title={secret ? t('profile.tokens.createdTitle') : t('profile.tokens.new')}
        // The secret must not be lost by a stray click outside the dialog.
        closeOnClickOutside={secret === null}
      >
        {secret ? <TokenSecret secret={secret} onDone={closeDialog} /> : <CreateTokenForm onCreated={setSecret} onCancel={closeDialog} />}
      </Modal>
    </Stack>
  )
}

interface TokenFormValues extends Record<string, unknown> {
  name: string
  scopes: string[]
  expiresInDays: number | string
}

/** NumberInput gives '' when empty; the contract wants null for "never expires". */
function toInput(values: TokenFormValues) {
  return { ...values, expiresInDays: values.expiresInDays === '' ? null : Number(values.expiresInDays) }
}

function CreateTokenForm({ onCreated, onCancel }: { onCreated: (secret: string) => void; onCancel: () => void }) {
  const { t } = useTranslation()
  const createToken = useCreateApiToken()
  const validateInput = contractResolver(ApiTokenCreateInput)
  const form = useForm<TokenFormValues>({
    initialValues: { name: '', scopes: ['read'], expiresInDays: 90 },
    validate: (values) => validateInput(toInput(values)),
  })
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) =>
        createToken.mutate(ApiTokenCreateInput.parse(toInput(values)), {
          onSuccess: (created) => onCreated(created.token),
          onError: (error) => showSubmitError(form, error),
        }),
      )}
    >
      <Stack gap="md">
        <TextInput label={t('profile.tokens.name')} required data-autofocus {...form.getInputProps('name')} />
        <Checkbox.Group label={t('profile.tokens.scopes')} required {...form.getInputProps('scopes')}>
          <Group gap="lg" mt={6}>
            {TOKEN_SCOPES.map((scope) => (
              <Checkbox key={scope} value={scope} label={t(`profile.tokens.scope.${scope}`)} />
            ))}
          </Group>
        </Checkbox.Group>
        <NumberInput
          label={t('common.optional', { label: t('profile.tokens.expiresInDays') })}
          description={t('profile.tokens.expiresHint')}
          min={1}
          max={730}
          allowDecimal={false}
          {...form.getInputProps('expiresInDays')}
        />
        <FormActions submitLabel={t('profile.tokens.create')} isPending={createToken.isPending} onCancel={onCancel} />
      </Stack>
    </form>
  )
}

function TokenSecret({ secret, onDone }: { secret: string; onDone: () => void }) {
  const { t } = useTranslation()
  return (
    <Stack gap="md">
      <Alert color="blue.9" variant="outline" role="status">
        {t('profile.tokens.createdMessage')}
      </Alert>
      <Code block style={{ wordBreak: 'break-all' }}>
        {secret}
      </Code>
      <Group justify="space-between">
        <CopyButton value={secret}>
          {({ copied, copy }) => (
            <Button
              variant={copied ? 'filled' : 'default'}
              color={copied ? 'teal.9' : undefined}
              leftSection={copied ? <IconCheck size={16} aria-hidden="true" /> : <IconCopy size={16} aria-hidden="true" />}
              onClick={copy}
            >
              {copied ? t('profile.tokens.copied') : t('profile.tokens.copy')}
            </Button>
          )}
        </CopyButton>
        <Button onClick={onDone}>{t('profile.tokens.done')}</Button>
      </Group>
    </Stack>
  )
}
