/** Labels of the experts module's reference lists, in the user's language. */
import type { TFunction } from 'i18next'
import { DMA_DIMENSION_IDS } from '../../assessments/assessments.contract'
import { EXPERT_COMPETENCES, EXPERT_LANGUAGES, findExpertCompetence } from '../experts.contract'

type Locale = 'it' | 'en'

/** Competences grouped by their first DMA dimension, for a grouped multi-select. */
export function competenceOptions(t: TFunction, locale: Locale) {
  return DMA_DIMENSION_IDS.map((d) => ({
    group: `${d} · ${t(`experts.dimensions.${d}`)}`,
    items: EXPERT_COMPETENCES.filter((c) => c.dimensions[0] === d && !c.retired).map((c) => ({ value: c.key, label: c[locale] })),
  }))
}

export function competenceLabel(key: string, locale: Locale): string {
  return findExpertCompetence(key)?.[locale] ?? key
}

export function languageOptions(locale: Locale) {
  return EXPERT_LANGUAGES.map((l) => ({ value: l.code, label: l[locale] }))
}

export function languageLabel(code: string, locale: Locale): string {
  return EXPERT_LANGUAGES.find((l) => l.code === code)?.[locale] ?? code
}
