/**
 * Companies module (registry layer): the hub's CRM of firms. Later modules (contacts,
 * interactions, assessments, roadmaps) attach to companies through this module's API.
 */
export { companiesRoutes } from './server/companies.router'
export type { CompanyReferenceMover } from './server/company-references'
export {
  companyActivityMover,
  recomputeCompanyStage,
  recomputeCompanyStages,
  recordCompanyActivities,
  recordCompanyActivity,
  removeCompanyActivity,
  type CompanyActivityInput,
} from './server/company-activity.service'
export { findCompanyScopes, getCompanyScope, listCompaniesForSeed, type CompanyScope } from './server/company-scope'
/** One company as its API shows it (scoped like GET /companies/{id}): e.g. to prefill an assessment. */
export { getCompany } from './server/companies.service'
/** Scoping for company members (issue 3): the ids of the companies an actor reads as their member. */
export { companyIdsOfMember, isCompanyMemberSomewhere } from './server/company-member-scope'
export { linkDemoCompanyMember } from './server/company-members.service'
export { deriveCompanySize, normalizeText } from './server/companies.calculation'
export {
  COMPANY_IMPORT_QUEUE,
  importCompanyFile,
  recoverStaleCompanyImports,
  runCompanyImportJob,
  type ImportReport,
} from './server/company-import.service'
export { exportCompanies, type ExportFile } from './server/company-export.service'
export { seedDemoCompanies, vatCheckDigit } from './server/companies.seed'
