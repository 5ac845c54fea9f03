import { ActionIcon, Anchor, Button, Checkbox, Group, Modal, NativeSelect, Select, Stack, Text, Tooltip, VisuallyHidden } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { IconLink, IconLinkOff, IconPlus, IconUsers } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { DataTable } from '../../../web/ui/data-table'
import { EmptyState } from '../../../web/ui/empty-state'
import { confirmAction } from '../../../web/ui/confirm'
import { notifyError, notifySuccess } from '../../../web/ui/notify'
import { AnchorLink } from '../../../web/ui/router-links'
import { StatusBadge } from '../../../web/ui/status-badge'
import { CONTACT_ROLES, type Contact, type ContactRole } from '../contacts.contract'
import { ContactForm } from './contact-form'
import { ConsentBadges } from './contacts-page'
import { useAddCompanyLink, useContactList, useRemoveCompanyLink, useUpdateCompanyLink } from './contacts.queries'

/** What the panel needs of the company (the companies module's `Company` view fits). */
export interface PanelCompany {
  id: string
  name: string
  unitId: string
  can: { update: boolean }
}

function isRole(value: string): value is ContactRole {
  return (CONTACT_ROLES as readonly string[]).includes(value)
}

const fullName = (contact: Pick<Contact, 'firstName' | 'lastName'>) => `${contact.firstName} ${contact.lastName}`

/** The "Contatti" tab of a company page: its people with their roles; link, create, change role, unlink. */
export function CompanyContactsPanel({ company }: { company: PanelCompany }) {
  const { t } = useTranslation()
  const contacts = useContactList({ companyId: company.id }, 100)
  const updateLink = useUpdateCompanyLink()
  const removeLink = useRemoveCompanyLink()
  const [dialog, setDialog] = useState<'link' | 'create' | null>(null)
  const canEdit = company.can.update
  const linkOf = (contact: Contact) => contact.companies.find((link) => link.companyId === company.id)

  const onUnlink = async (contact: Contact) => {
    const name = fullName(contact)
    const confirmed = await confirmAction({
      title: t('contacts.panel.unlinkTitle', { name, company: company.name }),
      message: t('contacts.panel.unlinkMessage'),
      confirmLabel: t('contacts.panel.unlink'),
      danger: true,
    })
    if (confirmed) {
      removeLink.mutate({ contactId: contact.id, companyId: company.id }, { onSuccess: () => notifySuccess(t('contacts.panel.unlinkDone', { name })) })
    }
  }

  return (
    <Stack gap="md">
      {canEdit ? (
        <Group justify="flex-end">
          <Button variant="default" leftSection={<IconLink size={16} aria-hidden="true" />} onClick={() => setDialog('link')}>
            {t('contacts.panel.linkExisting')}
          </Button>
          <Button leftSection={<IconPlus size={16} aria-hidden="true" />} onClick={() => setDialog('create')}>
            {t('contacts.panel.createNew')}
          </Button>
        </Group>
      ) : null}
      <DataTable
        caption={t('contacts.panel.caption')}
        rows={contacts.rows}
        rowKey={(contact) => contact.id}
        isLoading={contacts.isPending}
        error={contacts.error}
        onRetry={() => void contacts.refetch()}
        paging={contacts}
        minWidth={760}
        empty={<EmptyState icon={<IconUsers aria-hidden="true" />} title={t('contacts.panel.empty')} description={t('contacts.panel.emptyHint')} />}
        columns={[
          {
            id: 'name',
            header: t('contacts.columns.name'),
            cell: (contact) => (
              <Stack gap={2}>
                <Group gap={6} wrap="nowrap">
                  <AnchorLink to="/contacts/$contactId" params={{ contactId: contact.id }} fw={600}>
                    {fullName(contact)}
                  </AnchorLink>
                  {linkOf(contact)?.isPrimary ? <StatusBadge tone="info">{t('contacts.detail.primary')}</StatusBadge> : null}
                  {contact.erasedAt ? <StatusBadge tone="neutral">{t('contacts.erased')}</StatusBadge> : null}
                </Group>
                {contact.jobTitle ? (
                  <Text size="xs" c="dimmed">
                    {contact.jobTitle}
                  </Text>
                ) : null}
              </Stack>
            ),
          },
          {
            id: 'role',
            header: t('contacts.fields.role'),
            cell: (contact) => {
              const link = linkOf(contact)
              if (!link) return '—'
              if (!canEdit || !contact.can.update) return t(`contacts.roles.${link.role}`)
              return (
                <NativeSelect
                  aria-label={t('contacts.panel.changeRole', { name: fullName(contact) })}
                  size="xs"
                  value={link.role}
                  data={CONTACT_ROLES.map((role) => ({ value: role, label: t(`contacts.roles.${role}`) }))}
                  onChange={(event) => {
                    const role = event.currentTarget.value
                    if (!isRole(role)) return
                    updateLink.mutate(
                      { contactId: contact.id, companyId: company.id, change: { role } },
                      { onSuccess: () => notifySuccess(t('contacts.panel.roleChanged')), onError: notifyError },
                    )
                  }}
                />
              )
            },
          },
          {
            id: 'email',
            header: t('contacts.columns.email'),
            cell: (contact) => (contact.email ? <Anchor href={`mailto:${contact.email}`} size="sm">{contact.email}</Anchor> : '—'),
          },
          { id: 'phone', header: t('contacts.columns.phone'), cell: (contact) => contact.phone ?? '—' },
          { id: 'consents', header: t('contacts.columns.consents'), cell: (contact) => <ConsentBadges contact={contact} /> },
          {
            id: 'actions',
            header: <VisuallyHidden>{t('contacts.panel.unlink')}</VisuallyHidden>,
            cell: (contact) =>
              canEdit && contact.can.update ? (
                <Tooltip label={t('contacts.panel.unlinkLabel', { name: fullName(contact) })}>
                  <ActionIcon variant="subtle" color="red.9" aria-label={t('contacts.panel.unlinkLabel', { name: fullName(contact) })} onClick={() => void onUnlink(contact)}>
                    <IconLinkOff size={16} aria-hidden="true" />
                  </ActionIcon>
                </Tooltip>
              ) : null,
          },
        ]}
      />
      {dialog === 'link' ? <LinkContactModal company={company} onClose={() => setDialog(null)} /> : null}
      {dialog === 'create' ? (
        <Modal opened onClose={() => setDialog(null)} title={t('contacts.panel.createTitle', { company: company.name })} size="xl">
          <ContactForm company={{ id: company.id, name: company.name, unitId: company.unitId }} onDone={() => setDialog(null)} onCancel={() => setDialog(null)} />
        </Modal>
      ) : null}
    </Stack>
  )
}

function LinkContactModal({ company, onClose }: { company: PanelCompany; onClose: () => void }) {
  const { t } = useTranslation()
  const [search, setSearch] = useState('')
  const [q] = useDebouncedValue(search, 250)
  const found = useContactList({ q: q || undefined }, 20)
  const addLink = useAddCompanyLink()
  const [contactId, setContactId] = useState<string | null>(null)
  const [role, setRole] = useState<ContactRole>('referente')
  const [isPrimary, setIsPrimary] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const options = found.rows
    .filter((contact) => !contact.erasedAt && !contact.companies.some((link) => link.companyId === company.id))
    .map((contact) => ({ value: contact.id, label: `${fullName(contact)}${contact.email ? ` · ${contact.email}` : ''}` }))
  const chosen = found.rows.find((contact) => contact.id === contactId)
  return (
    <Modal opened onClose={onClose} title={t('contacts.panel.linkTitle', { company: company.name })}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          if (!contactId) {
            setError(t('validation.required'))
            return
          }
          addLink.mutate(
            { contactId, link: { companyId: company.id, role, isPrimary } },
            {
              onSuccess: (contact) => {
                notifySuccess(t('contacts.panel.linked', { name: fullName(contact), company: company.name }))
                onClose()
              },
              onError: notifyError,
            },
          )
        }}
      >
        <Stack gap="md">
          <Select
            label={t('contacts.panel.contact')}
            placeholder={t('contacts.panel.contactSearch')}
            searchable
            required
            searchValue={search}
            onSearchChange={setSearch}
            data={chosen && !options.some((o) => o.value === chosen.id) ? [{ value: chosen.id, label: fullName(chosen) }, ...options] : options}
            value={contactId}
            onChange={(value) => {
              setContactId(value)
              setError(null)
            }}
            nothingFoundMessage={t('contacts.panel.contactNothing')}
            filter={({ options: all }) => all}
            error={error}
            comboboxProps={{ withinPortal: true }}
          />
          <NativeSelect
            label={t('contacts.fields.role')}
            value={role}
            data={CONTACT_ROLES.map((r) => ({ value: r, label: t(`contacts.roles.${r}`) }))}
            onChange={(event) => {
              const value = event.currentTarget.value
              if (isRole(value)) setRole(value)
            }}
          />
          <Checkbox label={t('contacts.fields.isPrimary')} checked={isPrimary} onChange={(event) => setIsPrimary(event.currentTarget.checked)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={addLink.isPending}>
              {t('contacts.panel.link')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
