import type { BadgeTone } from '../../../web/ui/status-badge'
import type { MailStatus } from '../mail.contract'

export const MAIL_TONES: Record<MailStatus, BadgeTone> = {
  outbox: 'info',
  sent: 'positive',
  failed: 'negative',
}

/**
 * The links of a plain-text message, in order and without repeats. Shown as links on the message
 * page, so invitations and password resets can be followed where no SMTP server is configured.
 */
export function extractLinks(text: string): string[] {
  const found = text.match(/https?:\/\/[^\s<>"']+/g) ?? []
  // A sentence may end right after a link; its full stop or bracket is not part of the address.
  return [...new Set(found.map((link) => link.replace(/[.,;:)\]]+$/, '')))]
}
