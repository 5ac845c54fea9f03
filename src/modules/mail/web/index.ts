/** The mail module's web side: the outbox (network administrators). */
export { MailMessagePage } from './mail-message-page'
export { OutboxPage } from './outbox-page'
