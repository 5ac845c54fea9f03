/**
 * Roadmaps module (derived layer): from a DMA assessment to an ordered, explained list of
 * concrete actions: the versioned action catalogue and the pure generation engine
 * (`roadmaps.reference.ts`, also used by the web app; CLI `ponte roadmap draft`), the admin-edited
 * catalogue versions (`loadActionCatalogue`), and stored roadmaps built on `draftRoadmap`'s output.
 */
export * from './roadmaps.reference'
export { roadmapsRoutes } from './server/roadmaps.router'
export { loadActionCatalogue } from './server/roadmap-catalogue.service'
/** Demo data: roadmaps generated from the demo's validated assessments (src/server/seed/demo-network.ts). */
export { seedDemoRoadmaps } from './server/roadmaps.seed'
/** For projects: the roadmap items a project starts from, and the gaps matching reads. */
export { findCompanyRoadmapGaps, findRoadmapItemLinks, type CompanyRoadmapGaps, type RoadmapItemLink } from './server/roadmap-links'
