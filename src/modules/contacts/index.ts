/**
 * Contacts module (registry layer, on companies): the people of the companies, their roles in each
 * (many-to-many), and their GDPR consents, export and erasure.
 */
export { contactsRoutes } from './server/contacts.routes'
/** Merge port: moves company links from a merged company to the survivor (wired in src/server/company-references.ts). */
export { contactsCompanyMover } from './server/contacts-company-mover'
/** GDPR port for modules above contacts that hold personal data (wired in src/server/personal-data-sources.ts). */
export type { PersonalDataSource } from './server/personal-data'
export { seedDemoContacts } from './server/contacts.seed'
/** Names of the contacts an actor may read (interactions names its participants with it). */
export { findContactNames } from './server/contact-lookup'
