/** The texts of the assessments module's emails, in the recipient's language. */
import { mailBodies, mailDate } from '../../mail'
import type { DmaInstrumentId } from '../assessments.contract'

export function assessmentLinkMail(p: { locale: 'it' | 'en'; url: string; companyName: string; instrument: DmaInstrumentId; senderName: string; expiresAt: Date }) {
  const until = mailDate(p.locale, p.expiresAt)
  const en = p.locale === 'en'
  const subject = en ? `Digital maturity self-assessment for ${p.companyName}` : `Autovalutazione della maturità digitale di ${p.companyName}`
  const who = p.instrument === 'eu-dma-pso' ? (en ? 'your organisation' : 'il vostro ente') : en ? 'your company' : 'la vostra impresa'
  const lines = en
    ? [
        `${p.senderName} invites you to assess the digital maturity of ${who} (${p.companyName}) with the European Digital Maturity Assessment questionnaire.`,
        'No account is needed. Your answers are saved as you go: you can stop and continue later, also from another device, with the same link.',
        `Open the questionnaire: ${p.url}`,
        `The link expires on ${until}. Please do not forward it: whoever holds it can answer for ${who}.`,
      ]
    : [
        `${p.senderName} vi invita a valutare la maturità digitale del${p.instrument === 'eu-dma-pso' ? "l'ente" : "l'impresa"} (${p.companyName}) con il questionario europeo Digital Maturity Assessment.`,
        'Non serve un account. Le risposte si salvano man mano: potete interrompere e riprendere più tardi, anche da un altro dispositivo, con lo stesso link.',
        `Apri il questionario: ${p.url}`,
        `Il link scade il ${until}. Non inoltratelo: chi lo possiede può rispondere per ${who}.`,
      ]
  return { subject, ...mailBodies(lines, p.url) }
}

export function assessmentReportMail(p: { locale: 'it' | 'en'; companyName: string; stage: string; unitName: string; senderName: string; message?: string | undefined }) {
  const en = p.locale === 'en'
  const subject = en ? `Digital maturity assessment report: ${p.companyName} (${p.stage})` : `Rapporto della valutazione di maturità digitale: ${p.companyName} (${p.stage})`
  const lines = [
    ...(p.message ? [p.message] : []),
    en
      ? `Attached is the report of the digital maturity assessment (${p.stage}) of ${p.companyName}: scores per dimension, comparison with similar companies and next steps.`
      : `In allegato il rapporto della valutazione di maturità digitale (${p.stage}) di ${p.companyName}: punteggi per dimensione, confronto con aziende simili e prossimi passi.`,
    `${p.senderName} · ${p.unitName}`,
  ]
  return { subject, ...mailBodies(lines) }
}

export function assessorNamedMail(p: { locale: 'it' | 'en'; url: string; companyName: string; stage: string; byName: string }) {
  const en = p.locale === 'en'
  const subject = en ? `You are the assessor of ${p.companyName} (${p.stage})` : `Sei il valutatore di ${p.companyName} (${p.stage})`
  const lines = en
    ? [
        `${p.byName} named you assessor of the ${p.stage} digital maturity assessment of ${p.companyName}.`,
        'Fill it in with the company during your visit, adding an evidence note where useful, then submit it: staff will validate it.',
        `Open the assessment: ${p.url}`,
      ]
    : [
        `${p.byName} ti ha indicato come valutatore della valutazione di maturità digitale ${p.stage} di ${p.companyName}.`,
        "Compilala con l'azienda durante la visita, con una nota di evidenza dove serve, poi inviala: lo staff la convaliderà.",
        `Apri la valutazione: ${p.url}`,
      ]
  return { subject, ...mailBodies(lines, p.url) }
}
