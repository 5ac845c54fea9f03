/**
 * Companies module (registry layer): the hub's CRM of firms. Later modules (contacts,
 * interactions, assessments, roadmaps) attach to companies through this module's API.
 */
export { companiesRoutes } from './server/companies.router'
export type { CompanyReferenceMover } from './server/company-references'
export { deriveCompanySize, normalizeText } from './server/companies.calculation'
export { seedDemoCompanies, vatCheckDigit } from './server/companies.seed'
