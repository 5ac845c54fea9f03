/**
 * Experts module (registry layer): expert profiles (competences, sectors, provinces, availability,
 * ties, CV), staff approval, the competence reference list and the pure matching functions
 * `rankExperts` / `rankTopExperts` (the projects module's matching endpoint ranks
 * `listMatchCandidates` with the latter: the head of the ranking of the whole pool, ADR 0031).
 */
export * from './experts.reference'
export { expertsRoutes } from './server/experts.routes'
export { listMatchCandidates, type MatchCandidate } from './server/expert-candidates'
export { seedDemoExperts, type DemoExpertsInput } from './server/experts.seed'
