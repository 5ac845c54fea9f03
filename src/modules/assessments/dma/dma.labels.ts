/**
 * Labels shared by both DMA questionnaires: the answer scales, the dual-matrix column headers and
 * Module 1's lists (sector, staff size). English as in Ponte's reference (dma.md); Italian is
 * Ponte's own translation.
 */
import type { DmaDualColumn, DmaTristateValue } from '../assessments.contract'
import type { LocalizedText } from './dma.types'

export const UNOFFICIAL_ITALIAN_NOTICE: LocalizedText = {
  en: "The Italian text is Ponte's unofficial translation of the EDIH Network questionnaire; the English text is the reference.",
  it: "Il testo italiano è una traduzione non ufficiale di Ponte del questionario della rete EDIH; fa fede il testo inglese.",
}

/** SME Q1 and PSO P2. */
export const INVEST_COLUMNS: { readonly [C in DmaDualColumn]: LocalizedText } = {
  plan: { en: '(Further) plan to invest', it: 'Prevede di investire (ulteriormente)' },
  already: { en: 'Already invested', it: 'Ha già investito' },
}

/** PSO P9 (dma.md: "(further) planned" → `plan`, "implemented" → `already`). */
export const INTEROPERABILITY_COLUMNS: { readonly [C in DmaDualColumn]: LocalizedText } = {
  plan: { en: '(Further) planned', it: '(Ulteriormente) previsto' },
  already: { en: 'Implemented', it: 'Realizzato' },
}

/** The 0-5 matrices (SME Q4, Q9; PSO P4), indexed by value. */
export const SCALE_05_LABELS: readonly LocalizedText[] = [
  { en: 'Not used', it: 'Non utilizzata' },
  { en: 'Consider to use', it: "Se ne valuta l'uso" },
  { en: 'Prototyping', it: 'In prototipazione' },
  { en: 'Testing', it: 'In sperimentazione' },
  { en: 'Implementing', it: 'In fase di implementazione' },
  { en: 'Operational', it: 'Operativa' },
]

export const TRISTATE_LABELS: { readonly [V in DmaTristateValue]: LocalizedText } = {
  no: { en: 'No', it: 'No' },
  partially: { en: 'Partially', it: 'Parzialmente' },
  yes: { en: 'Yes', it: 'Sì' },
}

/** Module 1 "primary sector" / "secondary sector": the 24 options, in the questionnaire's order. */
export const DMA_SECTORS = [
  { id: 'aeronautics_space', en: 'Aeronautics & Space', it: 'Aeronautica e spazio' },
  { id: 'agriculture_food', en: 'Agriculture and food', it: 'Agricoltura e alimentare' },
  { id: 'community_social_personal_services', en: 'Community, social and personal service activities', it: 'Servizi alla collettività, sociali e alla persona' },
  { id: 'construction', en: 'Construction', it: 'Costruzioni' },
  { id: 'consumer_goods', en: 'Consumer goods/products', it: 'Beni/prodotti di consumo' },
  { id: 'culture_creative', en: 'Culture and Creative industries', it: 'Cultura e industrie creative' },
  { id: 'defence_security', en: 'Defence and security', it: 'Difesa e sicurezza' },
  { id: 'education', en: 'Education', it: 'Istruzione' },
  { id: 'energy_utilities', en: 'Energy and utilities', it: 'Energia e servizi di pubblica utilità' },
  { id: 'environment', en: 'Environment', it: 'Ambiente' },
  { id: 'financial_services', en: 'Financial services', it: 'Servizi finanziari' },
  { id: 'life_sciences_healthcare', en: 'Life sciences & healthcare', it: 'Scienze della vita e sanità' },
  { id: 'manufacturing', en: 'Manufacturing', it: 'Manifattura' },
  { id: 'maritime_fishery', en: 'Maritime and fishery', it: 'Settore marittimo e pesca' },
  { id: 'mining_quarrying', en: 'Mining and quarrying', it: 'Estrazione di minerali da cave e miniere' },
  { id: 'mobility', en: 'Mobility (incl. Automotive)', it: 'Mobilità (incl. automotive)' },
  { id: 'public_administration', en: 'Public administration', it: 'Pubblica amministrazione' },
  { id: 'real_estate_renting_business', en: 'Real estate, renting and business activities', it: 'Attività immobiliari, noleggio e servizi alle imprese' },
  { id: 'professional_scientific_technical', en: 'Professional, Scientific and Technical Activities', it: 'Attività professionali, scientifiche e tecniche' },
  { id: 'telecommunications_ict', en: 'Telecommunications, Information and Communication', it: 'Telecomunicazioni, informazione e comunicazione' },
  { id: 'tourism', en: 'Tourism (incl. restaurants and hospitality)', it: 'Turismo (incl. ristorazione e ospitalità)' },
  { id: 'wholesale_retail', en: 'Wholesale and retail', it: "Commercio all'ingrosso e al dettaglio" },
  { id: 'legal_aspects', en: 'Legal Aspects', it: 'Aspetti legali' },
  { id: 'regulation', en: 'Regulation', it: 'Regolamentazione' },
] as const
export type DmaSectorId = (typeof DMA_SECTORS)[number]['id']

/** Module 1 "staff size". */
export const DMA_STAFF_SIZES = [
  { id: 'micro', minEmployees: 1, maxEmployees: 9, en: 'Micro (1-9)', it: 'Micro (1-9)' },
  { id: 'small', minEmployees: 10, maxEmployees: 49, en: 'Small (10-49)', it: 'Piccola (10-49)' },
  { id: 'medium', minEmployees: 50, maxEmployees: 249, en: 'Medium (50-249)', it: 'Media (50-249)' },
  { id: 'large', minEmployees: 250, maxEmployees: null, en: 'Large (250+)', it: 'Grande (250+)' },
] as const
export type DmaStaffSizeId = (typeof DMA_STAFF_SIZES)[number]['id']
