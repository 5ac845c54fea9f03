import { IconLock } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { EmptyState } from '../../../web/ui/empty-state'
import { canWorkWithCompanies } from '../../companies/web'
import { useMe } from '../../identity/web'
import { InteractionTimeline } from './interaction-timeline'

/** Company members and viewers read a company but not the hub's notes about it (the API answers 403). */
function StaffOnly() {
  const { t } = useTranslation()
  return <EmptyState icon={<IconLock aria-hidden="true" />} title={t('interactions.timeline.staffOnly')} />
}

/** What the panel needs of the company (the companies module's `Company` view fits). */
export interface TimelineCompany {
  id: string
  name: string
  can: { update: boolean }
}

/** The "Attività" tab of a company page: its timeline, and "Registra attività" for its staff. */
export function CompanyTimelinePanel({ company }: { company: TimelineCompany }) {
  const me = useMe()
  if (!canWorkWithCompanies(me)) return <StaffOnly />
  return (
    <InteractionTimeline
      subject={{ companyId: company.id }}
      recordWhere={company.can.update ? { companyId: company.id } : null}
      name={company.name}
    />
  )
}

/** What the panel needs of the contact (the contacts module's `Contact` view fits). */
export interface TimelineContact {
  id: string
  unitId: string
  firstName: string
  lastName: string
  companies: { companyId: string }[]
  can: { update: boolean }
}

/**
 * The "Attività" tab of a contact page: every interaction the person took part in, across their
 * companies. New entries are recorded on the person's first company (else their unit), with them
 * as participant.
 */
export function ContactTimelinePanel({ contact }: { contact: TimelineContact }) {
  const me = useMe()
  const firstCompany = contact.companies[0]?.companyId
  if (!canWorkWithCompanies(me)) return <StaffOnly />
  return (
    <InteractionTimeline
      subject={{ contactId: contact.id }}
      recordWhere={contact.can.update ? (firstCompany ? { companyId: firstCompany } : { unitId: contact.unitId }) : null}
      name={`${contact.firstName} ${contact.lastName}`}
      defaultParticipant={`contact:${contact.id}`}
      showCompany
    />
  )
}
