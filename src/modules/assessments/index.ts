/**
 * Assessments module (activity layer): the EU/JRC Digital Maturity Assessment (DMA) for SMEs and
 * public sector organisations. The pure engine (`assessments.reference.ts`: instruments and rules
 * versions as data, validation, scoring, improvements, interpretations), stored assessments with
 * their lifecycle and self-assessment links (routes), and rescoring (`ponte dma rescore`).
 */
export * from './assessments.reference'
export { assessmentsRoutes } from './server/assessments.router'
export { rescoreAssessments, type RescoreReport } from './server/assessments.rescore'
/** A company's latest validated dimension scores (for gaps: roadmaps, expert matching). */
export { latestValidatedScores } from './server/assessments.service'
/** A validated assessment's answers and scores for planning (roadmaps), scoped to the actor. */
export { findAssessmentScores, getAssessmentForRoadmap, listValidatedT0ForSeed, type AssessmentForRoadmap, type AssessmentScores } from './server/assessment-for-roadmap'
