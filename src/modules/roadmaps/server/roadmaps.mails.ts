/** The texts of the roadmaps module's emails, in the recipient's language. */
import { mailBodies, mailDate } from '../../mail'

export function roadmapSignoffMail(p: { locale: 'it' | 'en'; url: string; companyName: string; senderName: string; message?: string | undefined; expiresAt: Date }) {
  const en = p.locale === 'en'
  const until = mailDate(p.locale, p.expiresAt)
  const subject = en ? `Digital roadmap of ${p.companyName}: please review and sign` : `Roadmap digitale di ${p.companyName}: da leggere e firmare`
  const lines = [
    ...(p.message ? [p.message] : []),
    en
      ? `${p.senderName} has prepared the digital roadmap of ${p.companyName} with you: the actions to take, in order, with the reason for each and what it should improve.`
      : `${p.senderName} ha preparato con voi la roadmap digitale di ${p.companyName}: gli interventi da realizzare, in ordine, con il motivo di ciascuno e ciò che dovrebbe migliorare.`,
    en ? `Read it and sign it off (no account needed): ${p.url}` : `Leggetela e firmatela (non serve un account): ${p.url}`,
    en ? `The link expires on ${until}.` : `Il link scade il ${until}.`,
  ]
  return { subject, ...mailBodies(lines, p.url) }
}
