/** Every Drizzle table, for the query builder and drizzle-kit. */
export * from '../../modules/identity/server/identity.table'
export * from '../../modules/audit/server/audit.table'
export * from '../../modules/mail/server/mail.table'
export * from './platform.table'
export * from '../../modules/territory/server/territory.table'
export * from '../../modules/companies/server/companies.table'
export * from '../../modules/contacts/server/contacts.table'
export * from '../../modules/interactions/server/interactions.table'
