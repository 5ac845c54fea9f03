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
export { getCompany, updateCompany } from './server/companies.service'
/** Scoping for company members (issue 3): the ids of the companies an actor reads as their member. */
export { companyIdsOfMember, isCompanyMemberSomewhere, isMemberOfCompany } from './server/company-member-scope'
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
/** The background refresh of the duplicates queue after an import (ADR 0029). */
export { COMPANY_DUPLICATES_QUEUE, runDuplicatesFlushJob } from './server/company-duplicates.service'
/** Streaming CSV/XLSX writers and cell formatting (Excel-friendly, formula-injection safe) for other modules' exports. */
export { csvStream, streamToBuffer, xlsxStream, type RowSource } from './server/company-export.writer'
export { csvLine, CSV_BOM, neutraliseFormula, xlsxCell, type ExportValue } from './server/company-export.format'
/** Exact name / partita IVA matches among the companies a caller writes (imports of files from elsewhere). */
export { findCompanyTaxIds, findWritableCompanyMatches, normalizeVatNumber, type CompanyMatchCandidate } from './server/company-match'
export { seedDemoCompanies, vatCheckDigit } from './server/companies.seed'
