/** The texts of the projects module's emails, in the recipient's language. */
import { mailBodies as bodies, mailDate as formatDate, mailDay as formatDay } from '../../mail'

/** Asks the company to confirm (or dispute) one support-day entry through a link, no account needed. */
export function supportDayConfirmationMail(p: {
  locale: 'it' | 'en'
  url: string
  companyName: string
  projectTitle: string
  expertName: string | null
  workedOn: string
  days: string
  activity: string
  senderName: string
  expiresAt: Date
}) {
  const en = p.locale === 'en'
  const day = formatDay(p.locale, p.workedOn)
  const until = formatDate(p.locale, p.expiresAt)
  const who = p.expertName ?? p.senderName
  const subject = en ? `Please confirm the support day of ${day} (${p.projectTitle})` : `Conferma della giornata di supporto del ${day} (${p.projectTitle})`
  const lines = en
    ? [
        `${who} logged ${p.days} support day(s) for ${p.companyName} on ${day}, in the project "${p.projectTitle}".`,
        `Activity: ${p.activity}`,
        'Your confirmation is the evidence that the support took place. If something is not right, you can dispute the entry with a note. No account is needed.',
        `Confirm or dispute: ${p.url}`,
        `The link expires on ${until}.`,
      ]
    : [
        `${who} ha registrato ${p.days} giornate di supporto per ${p.companyName} il ${day}, nel progetto «${p.projectTitle}».`,
        `Attività: ${p.activity}`,
        "La vostra conferma è la prova che il supporto è stato svolto. Se qualcosa non torna, potete contestare la registrazione con una nota. Non serve un account.",
        `Conferma o contesta: ${p.url}`,
        `Il link scade il ${until}.`,
      ]
  return { subject, ...bodies(lines, p.url) }
}
