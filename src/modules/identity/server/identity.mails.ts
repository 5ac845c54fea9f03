/** The texts of identity's emails, in the recipient's language. */
import type { Locale, Role } from '../identity.contract'

const ROLE_LABELS: Record<Locale, Record<Role, string>> = {
  it: {
    network_admin: 'amministratore della rete',
    unit_manager: 'responsabile di unità',
    unit_staff: 'staff di unità',
    expert: 'esperto',
    company_member: 'referente aziendale',
    viewer: 'osservatore',
  },
  en: {
    network_admin: 'network administrator',
    unit_manager: 'unit manager',
    unit_staff: 'unit staff',
    expert: 'expert',
    company_member: 'company member',
    viewer: 'viewer',
  },
}

function formatDate(locale: Locale, date: Date): string {
  return new Intl.DateTimeFormat(locale === 'it' ? 'it-IT' : 'en-GB', { dateStyle: 'long', timeZone: 'Europe/Rome' }).format(date)
}

export function invitationMail(p: {
  locale: Locale
  url: string
  unitName: string
  networkName: string
  role: Role
  inviterName: string | null
  expiresAt: Date
}) {
  const role = ROLE_LABELS[p.locale][p.role]
  const until = formatDate(p.locale, p.expiresAt)
  if (p.locale === 'en') {
    const who = p.inviterName ? `${p.inviterName} invited you` : 'You are invited'
    return {
      subject: `Invitation to ${p.networkName} on Ponte`,
      text: `${who} to join ${p.unitName} (${p.networkName}) as ${role}.\n\nAccept the invitation: ${p.url}\n\nThe link works once and expires on ${until}.`,
    }
  }
  const who = p.inviterName ? `${p.inviterName} ti ha invitato` : 'Sei invitato'
  return {
    subject: `Invito a ${p.networkName} su Ponte`,
    text: `${who} a far parte di ${p.unitName} (${p.networkName}) come ${role}.\n\nAccetta l'invito: ${p.url}\n\nIl link vale una sola volta e scade il ${until}.`,
  }
}

export function passwordResetMail(p: { locale: Locale; url: string; minutes: number }) {
  if (p.locale === 'en') {
    return {
      subject: 'Reset your Ponte password',
      text: `To choose a new password open this link: ${p.url}\n\nIt works once and expires in ${p.minutes} minutes. If you did not ask for it, ignore this message.`,
    }
  }
  return {
    subject: 'Reimposta la password di Ponte',
    text: `Per scegliere una nuova password apri questo link: ${p.url}\n\nVale una sola volta e scade tra ${p.minutes} minuti. Se non l'hai chiesto tu, ignora questo messaggio.`,
  }
}
