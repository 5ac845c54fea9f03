import { useTranslation } from 'react-i18next'
import type { BadgeTone } from '../../../web/ui/status-badge'
import { ATECO_2007_SECTIONS, type JourneyStage } from '../companies.contract'

/** The journey reads as progress: grey before any service, blue while engaged, green once supported. */
export const STAGE_TONES: Record<JourneyStage, BadgeTone> = {
  contacted: 'neutral',
  engaged: 'info',
  assessed: 'info',
  roadmap: 'accent',
  supported: 'positive',
  reassessed: 'positive',
}

/**
 * The name of an ATECO 2007 section (A–U) in the UI language, from the contract's reference list
 * (ISTAT's Italian labels, NACE Rev. 2's English ones); undefined for an unknown code.
 */
export function useAtecoSectionLabel() {
  const { i18n } = useTranslation()
  const isEnglish = (i18n.resolvedLanguage ?? i18n.language) === 'en'
  return (code: string | null | undefined): string | undefined => {
    const section = ATECO_2007_SECTIONS.find((candidate) => candidate.code === code)
    if (!section) return undefined
    return isEnglish ? section.en : section.it
  }
}
