/**
 * Italian and English texts of roadmap reasons, rendered by the engine so that a stored draft, the
 * CLI and a PDF read the same; the web app may render `code` + `params` itself instead.
 */
import type { LocalizedText } from './catalogue.types'
import type { RoadmapReason } from './roadmap.types'

type ReasonData = RoadmapReason extends infer R ? (R extends RoadmapReason ? Omit<R, 'text'> : never) : never

export interface ReasonContext {
  titleOf: (actionId: string) => LocalizedText
  dimensionName?: LocalizedText
  guardName?: LocalizedText
}

function number(value: number, locale: 'it' | 'en'): string {
  const text = (Math.round(value * 10) / 10).toFixed(1)
  return locale === 'it' ? text.replace('.', ',') : text
}

/** Up to three titles, then "and N more" (params keep the full list). */
const SHOWN = 3

function titles(ids: readonly string[], context: ReasonContext, locale: 'it' | 'en'): string {
  const shown = ids.slice(0, SHOWN).map((id) => `«${context.titleOf(id)[locale]}»`).join(', ')
  const more = ids.length - SHOWN
  if (more <= 0) return shown
  if (locale === 'it') return `${shown} e ${more === 1 ? "un'altra azione" : `altre ${more} azioni`}`
  return `${shown} and ${more} more ${more === 1 ? 'action' : 'actions'}`
}

export function renderReasonText(reason: ReasonData, context: ReasonContext): LocalizedText {
  switch (reason.code) {
    case 'gap': {
      const { score, target, gap, openItems } = reason.params
      const name = context.dimensionName ?? { it: reason.params.dimension, en: reason.params.dimension }
      return {
        it: `${name.it}: punteggio ${number(score, 'it')} sotto l'obiettivo ${number(target, 'it')} (divario di ${number(gap, 'it')} punti); l'azione copre ${openItems} ${openItems === 1 ? 'voce non ancora in atto' : 'voci non ancora in atto'}.`,
        en: `${name.en}: score ${number(score, 'en')} below the target of ${number(target, 'en')} (a gap of ${number(gap, 'en')} points); the action covers ${openItems} ${openItems === 1 ? 'item' : 'items'} not yet in place.`,
      }
    }
    case 'prerequisite':
      return {
        it: `Prerequisito di ${titles(reason.params.for, context, 'it')}: non ancora in atto, va realizzata prima.`,
        en: `Prerequisite of ${titles(reason.params.for, context, 'en')}: not yet in place, so it comes first.`,
      }
    case 'guardBefore': {
      const guard = context.guardName ?? { it: reason.params.guard, en: reason.params.guard }
      return reason.params.pulledIn
        ? { it: `${guard.it}: aggiunta prima di ${titles(reason.params.for, context, 'it')}.`, en: `${guard.en}: added before ${titles(reason.params.for, context, 'en')}.` }
        : { it: `${guard.it}: da realizzare prima di ${titles(reason.params.for, context, 'it')}.`, en: `${guard.en}: to be done before ${titles(reason.params.for, context, 'en')}.` }
    }
    case 'guardAfter': {
      const guard = context.guardName ?? { it: reason.params.guard, en: reason.params.guard }
      return {
        it: `${guard.it}: viene dopo ${titles(reason.params.after, context, 'it')}.`,
        en: `${guard.en}: comes after ${titles(reason.params.after, context, 'en')}.`,
      }
    }
  }
}
