/**
 * API contract of the roadmaps module, shared by server and web: stored roadmaps
 * (roadmap-records.contract.ts) and the catalogue/engine types (roadmaps.reference.ts).
 */
export * from './roadmap-records.contract'
export * from './roadmap-catalogue.contract'
