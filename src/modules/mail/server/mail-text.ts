/**
 * Helpers for the texts of the modules' emails: a long date in the recipient's language (Rome
 * time), and text + HTML bodies from paragraphs where a URL, if given, becomes a link.
 */
export type MailLocale = 'it' | 'en'

export function mailDate(locale: MailLocale, date: Date): string {
  return new Intl.DateTimeFormat(locale === 'it' ? 'it-IT' : 'en-GB', { dateStyle: 'long', timeZone: 'Europe/Rome' }).format(date)
}

/** An ISO calendar day (`2026-11-24`) as a long date. */
export function mailDay(locale: MailLocale, day: string): string {
  return mailDate(locale, new Date(`${day}T12:00:00Z`))
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

export function mailBodies(lines: readonly string[], url?: string): { text: string; html: string } {
  const link = url ? escapeHtml(url) : null
  const html = lines.map((line) => `<p>${link ? escapeHtml(line).replace(link, `<a href="${link}">${link}</a>`) : escapeHtml(line)}</p>`).join('\n')
  return { text: lines.join('\n\n'), html }
}
