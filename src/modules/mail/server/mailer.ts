/**
 * Outgoing mail (ADR 0008): every message is stored first (the outbox), then sent through SMTP with
 * nodemailer when SMTP_URL is set. Without SMTP the outbox is the delivery: admins read it in the UI,
 * so invitations work on the embedded default.
 */
import nodemailer, { type Transporter } from 'nodemailer'
import { eq } from 'drizzle-orm'
import type { Logger } from 'pino'
import type { Db } from '../../../server/db/client'
import { mailAttachments, mailMessages } from './mail.table'

export interface OutgoingMail {
  to: string
  subject: string
  text: string
  html?: string
  /** Stored with the message (mail_attachments) before delivery. */
  attachments?: MailAttachment[]
}

export interface MailAttachment {
  fileName: string
  contentType: string
  content: Buffer
}

export interface Mailer {
  /** Stores the message and delivers it; never throws on SMTP failure (the row records it). */
  send(db: Db, mail: OutgoingMail): Promise<{ id: string; status: 'outbox' | 'sent' | 'failed' }>
  close(): void
}

export function createMailer(options: { smtpUrl?: string | undefined; from: string; logger: Logger }): Mailer {
  const transport: Transporter | null = options.smtpUrl
    ? nodemailer.createTransport(options.smtpUrl)
    : null
  return {
    async send(db, mail) {
      const [row] = await db
        .insert(mailMessages)
        .values({ to: mail.to, subject: mail.subject, text: mail.text, html: mail.html ?? null, status: 'outbox' })
        .returning({ id: mailMessages.id })
      if (!row) throw new Error('mail insert returned no row')
      const attachments = mail.attachments ?? []
      if (attachments.length > 0)
        await db.insert(mailAttachments).values(
          attachments.map((a) => ({ mailId: row.id, fileName: a.fileName, contentType: a.contentType, size: a.content.length, content: a.content })),
        )
      if (!transport) return { id: row.id, status: 'outbox' }
      try {
        await transport.sendMail({
          from: options.from,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          attachments: attachments.map((a) => ({ filename: a.fileName, content: a.content, contentType: a.contentType })),
        })
        await db.update(mailMessages).set({ status: 'sent', sentAt: new Date() }).where(eq(mailMessages.id, row.id))
        return { id: row.id, status: 'sent' }
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error)
        options.logger.warn({ err: error, to: mail.to }, 'SMTP delivery failed; message kept in the outbox')
        await db.update(mailMessages).set({ status: 'failed', error: message }).where(eq(mailMessages.id, row.id))
        return { id: row.id, status: 'failed' }
      }
    },
    close() {
      transport?.close()
    },
  }
}
