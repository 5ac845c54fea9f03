import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import pino from 'pino'
import { eq } from 'drizzle-orm'
import { createTestDatabase, type TestDatabase } from '../../../../tests/support/test-database'
import { startSmtpSink, type SmtpSink } from '../../../../tests/support/smtp-sink'
import { createMailer } from './mailer'
import { mailAttachments, mailMessages } from './mail.table'

let testDb: TestDatabase
let smtp: SmtpSink
beforeAll(async () => {
  testDb = await createTestDatabase()
  smtp = await startSmtpSink()
})
afterAll(async () => {
  await testDb.destroy()
  await smtp.close()
})

describe('mailer', () => {
  it('delivers through SMTP and records the message as sent', async () => {
    const mailer = createMailer({ smtpUrl: smtp.url, from: 'Ponte <noreply@ponte.test>', logger: pino({ level: 'silent' }) })
    const result = await mailer.send(testDb.database.db, { to: 'a@example.test', subject: 'Ciao', text: 'Testo àèì' })
    expect(result.status).toBe('sent')
    const received = await smtp.waitFor('a@example.test')
    expect(received).toMatchObject({ subject: 'Ciao', text: 'Testo àèì\n' })
    mailer.close()
  })

  it('stores attachments with the message and delivers them byte for byte', async () => {
    const mailer = createMailer({ smtpUrl: smtp.url, from: 'Ponte <noreply@ponte.test>', logger: pino({ level: 'silent' }) })
    const content = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x00, 0xff, 0x10])
    const result = await mailer.send(testDb.database.db, {
      to: 'att@example.test',
      subject: 'Rapporto',
      text: 'In allegato.',
      attachments: [{ fileName: 'rapporto.pdf', contentType: 'application/pdf', content }],
    })
    expect(result.status).toBe('sent')
    const received = await smtp.waitFor('att@example.test')
    expect(received.attachments).toEqual([{ fileName: 'rapporto.pdf', contentType: 'application/pdf', content }])
    const stored = await testDb.database.db.select().from(mailAttachments).where(eq(mailAttachments.mailId, result.id))
    expect(stored.map((a) => [a.fileName, a.size, Buffer.from(a.content).equals(content)])).toEqual([['rapporto.pdf', 8, true]])
    mailer.close()
  })

  it('keeps the message with its error when the SMTP server is unreachable, without throwing', async () => {
    const mailer = createMailer({ smtpUrl: 'smtp://127.0.0.1:1', from: 'x@ponte.test', logger: pino({ level: 'silent' }) })
    const result = await mailer.send(testDb.database.db, { to: 'b@example.test', subject: 'Persa?', text: 'no' })
    expect(result.status).toBe('failed')
    const [row] = await testDb.database.db.select().from(mailMessages).where(eq(mailMessages.id, result.id))
    expect(row?.error).toMatch(/ECONNREFUSED/)
    mailer.close()
  })

  it('stores the message in the outbox when SMTP is not configured', async () => {
    const mailer = createMailer({ from: 'x@ponte.test', logger: pino({ level: 'silent' }) })
    const result = await mailer.send(testDb.database.db, { to: 'c@example.test', subject: 'Outbox', text: 'qui' })
    expect(result.status).toBe('outbox')
  })
})
