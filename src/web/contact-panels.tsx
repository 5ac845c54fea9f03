/**
 * The tabs other modules add to the contact page (src/modules/contacts/web/contact-detail-page.tsx):
 * the shell composes them because the contacts module sits below interactions.
 */
import type { TFunction } from 'i18next'
import type { ContactPanel } from '../modules/contacts/web'
import { ContactTimelinePanel } from '../modules/interactions/web'

export function contactPanels(t: TFunction): ContactPanel[] {
  return [{ id: 'activity', label: t('interactions.title'), render: (contact) => <ContactTimelinePanel contact={contact} /> }]
}
