/**
 * The tabs other modules add to the company page (src/modules/companies/web/company-detail-page.tsx):
 * the shell composes them because the companies module sits below contacts and interactions.
 */
import type { TFunction } from 'i18next'
import { canWorkWithCompanies, CompanyJourneyPanel, CompanyMembersPanel, type CompanyPanel } from '../modules/companies/web'
import type { Me } from '../modules/identity/identity.contract'
import { CompanyAssessmentsPanel } from '../modules/assessments/web'
import { CompanyProjectsPanel } from '../modules/projects/web'
import { CompanyContactsPanel } from '../modules/contacts/web'
import { CompanyRoadmapsPanel } from '../modules/roadmaps/web'
import { CompanyTimelinePanel } from '../modules/interactions/web'

/**
 * Company members (and viewers) see the company's own record only: the hub's contacts, timeline and
 * member links are staff work, and the server answers 403 to them anyway.
 */
export function companyPanels(t: TFunction, me: Me): CompanyPanel[] {
  if (!canWorkWithCompanies(me)) return []
  return [
    { id: 'contacts', label: t('contacts.panel.title'), render: (company) => <CompanyContactsPanel company={company} /> },
    { id: 'activity', label: t('interactions.title'), render: (company) => <CompanyTimelinePanel company={company} /> },
    { id: 'journey', label: t('companyActivity.journey.tab'), render: (company) => <CompanyJourneyPanel company={company} /> },
    { id: 'assessments', label: t('assessments.panel.tab'), render: (company) => <CompanyAssessmentsPanel company={company} /> },
    { id: 'roadmaps', label: t('roadmapRecords.panel.tab'), render: (company) => <CompanyRoadmapsPanel company={company} /> },
    { id: 'projects', label: t('projects.panel.tab'), render: (company) => <CompanyProjectsPanel company={company} /> },
    { id: 'members', label: t('companyDuplicates.members.tab'), render: (company) => <CompanyMembersPanel company={company} /> },
  ]
}
