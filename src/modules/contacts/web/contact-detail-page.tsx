import { Alert, Anchor, Button, Card, Group, Modal, NativeSelect, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { IconArchive, IconArrowLeft, IconDownload, IconHistory, IconPencil, IconRestore, IconTrash } from '@tabler/icons-react'
import { type ReactNode, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../../web/api-client'
import { useFormat } from '../../../web/i18n/format'
import { confirmAction } from '../../../web/ui/confirm'
import { DetailCard, DetailTabs, type DetailPanel } from '../../../web/ui/detail-card'
import { DetailList } from '../../../web/ui/detail-list'
import { EmptyState } from '../../../web/ui/empty-state'
import { showSubmitError } from '../../../web/ui/form-errors'
import { LoadingState } from '../../../web/ui/loading-state'
import { notifyError, notifySuccess } from '../../../web/ui/notify'
import { PageHeader } from '../../../web/ui/page-header'
import { QueryError } from '../../../web/ui/query-error'
import { AnchorLink, ButtonLink } from '../../../web/ui/router-links'
import { StatusBadge } from '../../../web/ui/status-badge'
import { useMe } from '../../identity/web'
import { CONSENT_SOURCES, type ConsentPurpose, type ConsentSource, type ConsentState, type Contact } from '../contacts.contract'
import {
  gdprExportUrl,
  useConsentHistory,
  useContact,
  useEraseContact,
  useRecordConsent,
  useSetContactArchived,
} from './contacts.queries'

/** A tab another module adds to this page (the shell composes them: src/web/contact-panels.tsx). */
export type ContactPanel = DetailPanel<Contact>

const fullName = (contact: Pick<Contact, 'firstName' | 'lastName'>) => `${contact.firstName} ${contact.lastName}`

/** `/contacts/$contactId`: one person, their companies, consents and GDPR rights. */
export function ContactDetailPage({ contactId, panels = [] }: { contactId: string; panels?: readonly ContactPanel[] }) {
  const { t } = useTranslation()
  const contact = useContact(contactId)
  const back = (
    <AnchorLink to="/contacts" size="sm">
      <Group gap={4} component="span">
        <IconArrowLeft size={14} aria-hidden="true" />
        {t('contacts.detail.back')}
      </Group>
    </AnchorLink>
  )
  if (contact.isPending) return <LoadingState />
  if (isApiError(contact.error, 'NOT_FOUND')) {
    return (
      <>
        <PageHeader title={t('contacts.detail.notFound')} back={back} />
        <EmptyState title={t('contacts.detail.notFound')} description={t('contacts.detail.notFoundHint')} />
      </>
    )
  }
  if (contact.error) {
    return (
      <>
        <PageHeader title={t('contacts.title')} back={back} />
        <QueryError error={contact.error} onRetry={() => void contact.refetch()} />
      </>
    )
  }
  return <ContactDetail contact={contact.data} back={back} panels={panels} />
}

function ContactDetail({ contact, back, panels }: { contact: Contact; back: ReactNode; panels: readonly ContactPanel[] }) {
  const { t } = useTranslation()
  const format = useFormat()
  const me = useMe()
  const setArchived = useSetContactArchived(contact.id)
  const name = fullName(contact)
  const isArchived = contact.archivedAt !== null
  const canReadHistory = me.isNetworkAdmin || me.managedUnitIds.includes(contact.unitId)

  const onArchive = async (archived: boolean) => {
    const key = archived ? 'archive' : 'restore'
    const confirmed = await confirmAction({
      title: t(`contacts.${key}.title`, { name }),
      message: t(`contacts.${key}.message`),
      confirmLabel: t(`contacts.${key}.confirm`),
      danger: archived,
    })
    if (confirmed) setArchived.mutate(archived, { onSuccess: () => notifySuccess(t(`contacts.${key}.done`, { name })) })
  }

  return (
    <>
      <PageHeader
        title={name}
        description={[contact.jobTitle, contact.unitName].filter(Boolean).join(' · ')}
        back={back}
        actions={
          contact.can.update ? (
            <>
              <ButtonLink to="/contacts/$contactId/edit" params={{ contactId: contact.id }} leftSection={<IconPencil size={16} aria-hidden="true" />}>
                {t('contacts.detail.edit')}
              </ButtonLink>
              {isArchived ? (
                <Button variant="default" leftSection={<IconRestore size={16} aria-hidden="true" />} loading={setArchived.isPending} onClick={() => void onArchive(false)}>
                  {t('contacts.detail.restore')}
                </Button>
              ) : (
                <Button variant="outline" color="red.9" leftSection={<IconArchive size={16} aria-hidden="true" />} loading={setArchived.isPending} onClick={() => void onArchive(true)}>
                  {t('contacts.detail.archive')}
                </Button>
              )}
            </>
          ) : null
        }
      />
      {contact.erasedAt ? (
        <Alert color="gray" mb="lg" title={t('contacts.erased')}>
          {t('contacts.detail.erasedNotice', { date: format.date(contact.erasedAt) })}
        </Alert>
      ) : null}
      {isArchived && contact.archivedAt ? (
        <Group mb="lg">
          <StatusBadge tone="neutral">{t('contacts.detail.archivedOn', { date: format.date(contact.archivedAt) })}</StatusBadge>
        </Group>
      ) : null}

      <DetailTabs item={contact} overviewLabel={t('contacts.detail.overviewTab')} panels={panels}>
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
            <DetailCard title={t('contacts.detail.person')}>
              <DetailList
                cols={2}
                items={[
                  { label: t('contacts.fields.email'), value: contact.email ? <Anchor href={`mailto:${contact.email}`}>{contact.email}</Anchor> : null },
                  { label: t('contacts.fields.phone'), value: contact.phone ? <Anchor href={`tel:${contact.phone.replace(/\s/g, '')}`}>{contact.phone}</Anchor> : null },
                  { label: t('contacts.fields.jobTitle'), value: contact.jobTitle },
                  { label: t('contacts.fields.lawfulBasis'), value: t(`contacts.lawfulBases.${contact.lawfulBasis}`) },
                  { label: t('contacts.fields.unit'), value: contact.unitName },
                ]}
              />
            </DetailCard>
            <DetailCard title={t('contacts.detail.companies')}>
              {contact.companies.length === 0 ? (
                <Text c="dimmed">{t('contacts.detail.noCompanies')}</Text>
              ) : (
                <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                  {contact.companies.map((link) => (
                    <Group key={link.companyId} gap="xs" component="li">
                      <AnchorLink to="/companies/$companyId" params={{ companyId: link.companyId }} fw={600}>
                        {link.companyName}
                      </AnchorLink>
                      <Text span size="sm">
                        {t(`contacts.roles.${link.role}`)}
                      </Text>
                      {link.isPrimary ? <StatusBadge tone="info">{t('contacts.detail.primary')}</StatusBadge> : null}
                    </Group>
                  ))}
                </Stack>
              )}
            </DetailCard>
          </SimpleGrid>
          <Stack gap="lg" mt="lg">
            <ConsentSection contact={contact} />
            <DetailCard title={t('contacts.detail.notes')}>
              {contact.notes ? <Text style={{ whiteSpace: 'pre-wrap' }}>{contact.notes}</Text> : <Text c="dimmed">{t('contacts.detail.noNotes')}</Text>}
            </DetailCard>
            <GdprSection contact={contact} />
            {canReadHistory ? (
              <DetailCard title={t('contacts.detail.activity')}>
                <AnchorLink to="/audit" search={{ entityType: 'contact', entityId: contact.id }}>
                  <Group gap={6} component="span">
                    <IconHistory size={16} aria-hidden="true" />
                    {t('contacts.detail.auditTrail')}
                  </Group>
                </AnchorLink>
              </DetailCard>
            ) : null}
          </Stack>
      </DetailTabs>
    </>
  )
}


/** The current state of each purpose with grant / withdraw, and the full history below. */
function ConsentSection({ contact }: { contact: Contact }) {
  const { t } = useTranslation()
  const format = useFormat()
  const history = useConsentHistory(contact.id)
  const [editing, setEditing] = useState<{ purpose: ConsentPurpose; granted: boolean } | null>(null)
  const sourceLabel = (source: ConsentSource | null) => (source ? t(`contacts.sources.${source}`) : '')
  const stateText = (state: ConsentState) => {
    if (state.granted) return t('contacts.consents.granted')
    return state.recordedAt ? t('contacts.consents.withdrawn') : t('contacts.consents.notGranted')
  }
  return (
    <DetailCard title={t('contacts.consents.title')}>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        {contact.consents.map((state) => {
          const purpose = t(`contacts.purposes.${state.purpose}`)
          return (
            <Card key={state.purpose} withBorder padding="md" radius="sm" component="article" aria-label={purpose}>
              <Stack gap={6}>
                <Text fw={700}>{purpose}</Text>
                <Group gap={6}>
                  <StatusBadge tone={state.granted ? 'positive' : 'neutral'}>{stateText(state)}</StatusBadge>
                </Group>
                {state.recordedAt ? (
                  <Text size="sm" c="dimmed">
                    {t('contacts.consents.since', { date: format.date(state.recordedAt), source: sourceLabel(state.source) })}
                  </Text>
                ) : null}
                {contact.can.update ? (
                  <Button
                    size="xs"
                    variant={state.granted ? 'outline' : 'light'}
                    color={state.granted ? 'red.9' : undefined}
                    onClick={() => setEditing({ purpose: state.purpose, granted: !state.granted })}
                    aria-label={`${state.granted ? t('contacts.consents.withdraw') : t('contacts.consents.grant')}: ${purpose}`}
                  >
                    {state.granted ? t('contacts.consents.withdraw') : t('contacts.consents.grant')}
                  </Button>
                ) : null}
              </Stack>
            </Card>
          )
        })}
      </SimpleGrid>
      <Title order={3} size="h5">
        {t('contacts.consents.history')}
      </Title>
      {history.isPending ? (
        <LoadingState />
      ) : history.error ? (
        <QueryError error={history.error} onRetry={() => void history.refetch()} />
      ) : history.data.items.length === 0 ? (
        <Text c="dimmed">{t('contacts.consents.historyEmpty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped>
            <Table.Caption>{t('contacts.consents.historyCaption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('contacts.consents.when')}</Table.Th>
                <Table.Th scope="col">{t('contacts.consents.purpose')}</Table.Th>
                <Table.Th scope="col">{t('contacts.consents.outcome')}</Table.Th>
                <Table.Th scope="col">{t('contacts.consents.source')}</Table.Th>
                <Table.Th scope="col">{t('contacts.consents.note')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {history.data.items.map((event) => (
                <Table.Tr key={event.id}>
                  <Table.Td>{format.dateTime(event.recordedAt)}</Table.Td>
                  <Table.Td>{t(`contacts.purposes.${event.purpose}`)}</Table.Td>
                  <Table.Td>{event.granted ? t('contacts.consents.grantedShort') : t('contacts.consents.withdrawnShort')}</Table.Td>
                  <Table.Td>{sourceLabel(event.source)}</Table.Td>
                  <Table.Td>{event.note ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing ? <ConsentModal contact={contact} purpose={editing.purpose} granted={editing.granted} onClose={() => setEditing(null)} /> : null}
    </DetailCard>
  )
}

function ConsentModal({ contact, purpose, granted, onClose }: { contact: Contact; purpose: ConsentPurpose; granted: boolean; onClose: () => void }) {
  const { t } = useTranslation()
  const record = useRecordConsent(contact.id)
  const purposeLabel = t(`contacts.purposes.${purpose}`)
  const form = useForm<{ source: ConsentSource; note: string }>({ initialValues: { source: granted ? 'web_form' : 'email', note: '' } })
  return (
    <Modal opened onClose={onClose} title={t(granted ? 'contacts.consents.grantTitle' : 'contacts.consents.withdrawTitle', { purpose: purposeLabel })}>
      <form
        noValidate
        onSubmit={form.onSubmit((values) =>
          record.mutate(
            { purpose, granted, source: values.source, note: values.note },
            {
              onSuccess: () => {
                notifySuccess(granted ? t('contacts.consents.recorded') : t('contacts.consents.withdrawnDone', { name: fullName(contact), purpose: purposeLabel }))
                onClose()
              },
              onError: (error) => showSubmitError(form, error),
            },
          ),
        )}
      >
        <Stack gap="md">
          <NativeSelect
            label={t('contacts.consents.source')}
            data={CONSENT_SOURCES.map((source) => ({ value: source, label: t(`contacts.sources.${source}`) }))}
            {...form.getInputProps('source')}
          />
          <Textarea label={t('common.optional', { label: t('contacts.consents.note') })} description={t('contacts.consents.noteHint')} autosize minRows={2} {...form.getInputProps('note')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={record.isPending} color={granted ? undefined : 'red.9'}>
              {granted ? t('contacts.consents.save') : t('contacts.consents.withdraw')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}

/** Data-subject export (JSON, PDF) and erasure behind a typed confirmation. */
function GdprSection({ contact }: { contact: Contact }) {
  const { t } = useTranslation()
  const [erasing, setErasing] = useState(false)
  return (
    <DetailCard title={t('contacts.gdpr.title')}>
      <Text size="sm">{t('contacts.gdpr.exportHint')}</Text>
      <Group gap="sm">
        <Button component="a" href={gdprExportUrl(contact.id, 'json')} download variant="default" leftSection={<IconDownload size={16} aria-hidden="true" />}>
          {t('contacts.gdpr.exportJson')}
        </Button>
        <Button component="a" href={gdprExportUrl(contact.id, 'pdf')} download variant="default" leftSection={<IconDownload size={16} aria-hidden="true" />}>
          {t('contacts.gdpr.exportPdf')}
        </Button>
      </Group>
      {contact.can.update ? (
        <>
          <Text size="sm">{t('contacts.gdpr.eraseHint')}</Text>
          <Group>
            <Button color="red.9" variant="outline" leftSection={<IconTrash size={16} aria-hidden="true" />} onClick={() => setErasing(true)}>
              {t('contacts.gdpr.erase')}
            </Button>
          </Group>
          {erasing ? <EraseModal contact={contact} onClose={() => setErasing(false)} /> : null}
        </>
      ) : null}
    </DetailCard>
  )
}

function EraseModal({ contact, onClose }: { contact: Contact; onClose: () => void }) {
  const { t } = useTranslation()
  const erase = useEraseContact(contact.id)
  const [typed, setTyped] = useState('')
  const word = t('contacts.gdpr.eraseWord')
  const confirmed = typed.trim().toUpperCase() === word
  return (
    <Modal opened onClose={onClose} title={t('contacts.gdpr.eraseTitle', { name: fullName(contact) })}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          if (!confirmed) return
          erase.mutate(undefined, {
            onSuccess: () => {
              notifySuccess(t('contacts.gdpr.erased'))
              onClose()
            },
            onError: (error) => notifyError(error),
          })
        }}
      >
        <Stack gap="md">
          <Text size="sm">{t('contacts.gdpr.eraseMessage')}</Text>
          <TextInput label={t('contacts.gdpr.eraseTypeLabel', { word })} value={typed} onChange={(event) => setTyped(event.currentTarget.value)} autoComplete="off" data-autofocus />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red.9" disabled={!confirmed} loading={erase.isPending}>
              {t('contacts.gdpr.eraseConfirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
