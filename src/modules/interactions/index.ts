/**
 * Interactions module (activity layer): the timeline of companies and contacts (calls, emails,
 * meetings, visits, events, notes, documents) and follow-ups. Each interaction about a company is
 * journey evidence reported through the companies module's activity port.
 */
export { interactionsRoutes } from './server/interactions.routes'
/** Merge port: moves interactions and follow-ups to the survivor (wired in src/server/company-references.ts). */
export { interactionsMover } from './server/interactions.merge'
/** GDPR port: export and erasure of a contact's participation (wired in src/server/personal-data-sources.ts). */
export { eraseContactFromInteractions, exportContactInteractions, interactionsPersonalData } from './server/interactions.personal-data'
/** Demo data: interactions and follow-ups for the demo companies (src/server/seed/demo-network.ts). */
export { seedDemoInteractions } from './server/interactions.seed'
