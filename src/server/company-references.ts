/**
 * Every module whose records point at companies, for merges and their undo (see
 * src/modules/companies/server/company-references.ts). A new module that references companies adds
 * its mover here.
 */
import type { CompanyReferenceMover } from '../modules/companies'

export const COMPANY_REFERENCES: readonly CompanyReferenceMover[] = []
