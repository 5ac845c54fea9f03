/** The projects module's web side: pages for the router and the company page's tab. */
export { ProjectPage } from './project-page'
export { ProjectsPage, type ProjectsSearch } from './projects-page'
export { SupportDayConfirmPage } from './support-day-confirm-page'
export { CompanyProjectsPanel } from './company-projects-panel'
export { SupportDaysPage, SUPPORT_DAYS_TABS, WORKLOAD_SPANS, type SupportDaysSearch } from './support-days-page'
