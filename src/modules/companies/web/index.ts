/** The companies module's web side: the registry pages (list, detail, create and edit) and who sees them. */
export { CompaniesPage } from './companies-page'
export { companyKeys, type CompanyFilters } from './companies.queries'
export { canWorkWithCompanies } from './company-access'
export { CompanyDetailPage, type CompanyPanel } from './company-detail-page'
export { CompanyCreatePage, CompanyEditPage } from './company-form-page'
