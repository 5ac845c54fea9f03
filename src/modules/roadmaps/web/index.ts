/** The roadmaps module's web side: pages for the router and components other modules' pages host. */
export { CompanyRoadmapsPanel } from './company-roadmaps-panel'
export { GenerateRoadmapButton } from './generate-roadmap-button'
export { RoadmapPage } from './roadmap-page'
export { RoadmapSignoffPage } from './roadmap-signoff-page'
export { RoadmapsPage } from './roadmaps-page'
export { RoadmapCataloguePage } from './catalogue-page'
