/** The interactions module's web side: timelines for the company and contact pages, and "I miei promemoria". */
export { CompanyTimelinePanel, ContactTimelinePanel } from './company-timeline-panel'
export { FollowUpsPage } from './follow-ups-page'
export { interactionKeys } from './interactions.queries'
