/**
 * Projects module (derived layer): projects of support days for a company, their milestones, the
 * append-only support-day ledger (company confirmation by link, staff approval, corrections as new
 * entries, the budget guard under concurrency), burn-down, totals, workload, timesheets, and the
 * expert matching endpoint (workload and ratings from this module, scoring from the experts module).
 */
export { projectsRoutes } from './server/projects.routes'
export { committedByMonth, committedDaysThisMonth, expertRatings } from './server/support-days-reports.service'
export { seedDemoProjects, type DemoProjectsInput } from './server/projects.seed'
/** Company merges move a company's projects (wired in src/server/company-references.ts). */
export { projectsCompanyMover } from './server/projects.merge'
