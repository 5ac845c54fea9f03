/**
 * Experts module (registry layer): expert profiles (competences, sectors, provinces, availability,
 * ties, CV), staff approval, the competence reference list and the pure matching function
 * `rankExperts` (used by the projects module's matching endpoint with `listMatchCandidates`).
 */
export * from './experts.reference'
export { expertsRoutes } from './server/experts.routes'
export { listMatchCandidates, type MatchCandidate } from './server/expert-candidates'
export { seedDemoExperts, type DemoExpertsInput } from './server/experts.seed'
