/**
 * The roadmaps engine and its data, isomorphic (no Node imports): the action catalogue (types,
 * the built-in version, labels, checks) and the pure generation engine `draftRoadmap`. The web
 * app imports it from here; the server gets the same through index.ts.
 */
export * from './engine/catalogue.types'
export { ACTION_CATALOGUE_2026_R1 } from './engine/catalogue-2026-r1'
export { EFFORT_LABELS, FUNDING_INSTRUMENTS, HORIZON_LABELS, SERVICE_TYPE_LABELS } from './engine/catalogue.labels'
export { actionDimensions, actionInstruments, catalogueCoverage, checkActionCatalogue } from './engine/catalogue.check'
export type * from './engine/roadmap.types'
export { DEFAULT_ACTION_CATALOGUE, draftRoadmap, RoadmapInputError, ROADMAP_ENGINE_VERSION } from './engine/roadmap.engine'
export { renderReasonText, type ReasonContext } from './engine/roadmap.reasons'
