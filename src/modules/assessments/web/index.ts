/** The assessments module's web side: pages for the router and components other modules may use. */
export { DmaQuestionnaire, type DmaDraftAnswers } from './dma-questionnaire'
export { DmaBandBadge, DmaRadar, DmaScoreTable, EChart, type DmaResultSeries } from './dma-results'
export { SelfAssessmentPage } from './self-assessment-page'
export { AssessmentPage } from './assessment-page'
export { AssessmentsHubPage, type AssessmentsHubSearch } from './assessments-hub-page'
export { CompanyAssessmentsPanel } from './company-assessments-panel'
export { AssessmentsExportMenu, AssessmentsImportButton, assessmentsExportHref, type AssessmentsTransferFilters } from './assessments-transfer'
