/**
 * Every module whose records point at companies, for merges and their undo (see
 * src/modules/companies/server/company-references.ts). A new module that references companies adds
 * its mover here.
 */
import { companyActivityMover, type CompanyReferenceMover } from '../modules/companies'
import { contactsCompanyMover } from '../modules/contacts'
import { interactionsMover } from '../modules/interactions'
import { projectsCompanyMover } from '../modules/projects'

export const COMPANY_REFERENCES: readonly CompanyReferenceMover[] = [companyActivityMover, contactsCompanyMover, interactionsMover, projectsCompanyMover]
