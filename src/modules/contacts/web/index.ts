/** The contacts module's web side: pages for the router, and the company page's "Contatti" tab. */
export { ContactsPage } from './contacts-page'
export { ContactDetailPage, type ContactPanel } from './contact-detail-page'
export { ContactCreatePage, ContactEditPage } from './contact-form-page'
export { CompanyContactsPanel } from './company-contacts-panel'
export { contactKeys, type ContactFilters } from './contacts.queries'
