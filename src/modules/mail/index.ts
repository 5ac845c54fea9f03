/** Mail module: outbox + SMTP delivery. Other modules send mail through `Mailer` from deps. */
export { mailRoutes } from './server/mail.routes'
export { createMailer, type MailAttachment, type Mailer, type OutgoingMail } from './server/mailer'
/** Dates and paragraph bodies for the modules' email texts. */
export { mailBodies, mailDate, mailDay, type MailLocale } from './server/mail-text'
