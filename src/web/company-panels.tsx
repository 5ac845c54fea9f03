/**
 * The tabs other modules add to the company page (src/modules/companies/web/company-detail-page.tsx):
 * the shell composes them because the companies module sits below contacts and interactions.
 */
import type { TFunction } from 'i18next'
import type { CompanyPanel } from '../modules/companies/web'

export function companyPanels(_t: TFunction): CompanyPanel[] {
  return []
}
