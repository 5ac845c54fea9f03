import { Group } from '@mantine/core'
import { IconArrowLeft } from '@tabler/icons-react'
import { useNavigate } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../../web/api-client'
import { EmptyState } from '../../../web/ui/empty-state'
import { LoadingState } from '../../../web/ui/loading-state'
import { PageHeader } from '../../../web/ui/page-header'
import { QueryError } from '../../../web/ui/query-error'
import { AnchorLink } from '../../../web/ui/router-links'
import { ContactForm } from './contact-form'
import { useContact } from './contacts.queries'

/** `/contacts/new`: a new contact, then its page. */
export function ContactCreatePage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  return (
    <>
      <PageHeader
        title={t('contacts.form.newTitle')}
        back={
          <AnchorLink to="/contacts" size="sm">
            <Group gap={4} component="span">
              <IconArrowLeft size={14} aria-hidden="true" />
              {t('contacts.detail.back')}
            </Group>
          </AnchorLink>
        }
      />
      <ContactForm
        onDone={(contact) => void navigate({ to: '/contacts/$contactId', params: { contactId: contact.id } })}
        onCancel={() => void navigate({ to: '/contacts' })}
      />
    </>
  )
}

/** `/contacts/$contactId/edit`: the person's data, then back to their page. */
export function ContactEditPage({ contactId }: { contactId: string }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const contact = useContact(contactId)
  const toDetail = () => void navigate({ to: '/contacts/$contactId', params: { contactId } })
  const back = (
    <AnchorLink to="/contacts/$contactId" params={{ contactId }} size="sm">
      <Group gap={4} component="span">
        <IconArrowLeft size={14} aria-hidden="true" />
        {t('contacts.form.backToContact')}
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
  const name = `${contact.data.firstName} ${contact.data.lastName}`
  if (!contact.data.can.update) {
    return (
      <>
        <PageHeader title={name} back={back} />
        <EmptyState title={t('contacts.form.cannotEdit')} description={t('contacts.form.cannotEditHint')} />
      </>
    )
  }
  return (
    <>
      <PageHeader title={t('contacts.form.editTitle', { name })} back={back} />
      <ContactForm key={contact.data.id} contact={contact.data} onDone={toDetail} onCancel={toDetail} />
    </>
  )
}
