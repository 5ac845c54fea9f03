/**
 * Translations that live beside their module (src/modules/<m>/web/locales), merged into the one
 * `translation` namespace. Each file owns its top-level key(s), so modules never edit each other's
 * strings; `satisfies` checks that the Italian and English files carry the same keys.
 */
import assessmentsEn from '../../modules/assessments/web/locales/en.json'
import assessmentsIt from '../../modules/assessments/web/locales/it.json'
import companyCustomFieldsEn from '../../modules/companies/web/locales/customFields.en.json'
import companyCustomFieldsIt from '../../modules/companies/web/locales/customFields.it.json'
import companyActivityEn from '../../modules/companies/web/locales/activity.en.json'
import companyActivityIt from '../../modules/companies/web/locales/activity.it.json'
import companyDuplicatesEn from '../../modules/companies/web/locales/duplicates.en.json'
import companyDuplicatesIt from '../../modules/companies/web/locales/duplicates.it.json'
import companyImportEn from '../../modules/companies/web/locales/import.en.json'
import companyImportIt from '../../modules/companies/web/locales/import.it.json'
import companyViewsEn from '../../modules/companies/web/locales/views.en.json'
import companyViewsIt from '../../modules/companies/web/locales/views.it.json'
import contactsEn from '../../modules/contacts/web/locales/en.json'
import contactsIt from '../../modules/contacts/web/locales/it.json'
import expertsEn from '../../modules/experts/web/locales/en.json'
import expertsIt from '../../modules/experts/web/locales/it.json'
import interactionsEn from '../../modules/interactions/web/locales/en.json'
import roadmapCatalogueEn from '../../modules/roadmaps/web/locales/catalogue.en.json'
import roadmapCatalogueIt from '../../modules/roadmaps/web/locales/catalogue.it.json'
import roadmapRecordsEn from '../../modules/roadmaps/web/locales/records.en.json'
import roadmapRecordsIt from '../../modules/roadmaps/web/locales/records.it.json'
import interactionsIt from '../../modules/interactions/web/locales/it.json'
import projectsEn from '../../modules/projects/web/locales/en.json'
import projectsIt from '../../modules/projects/web/locales/it.json'

export const moduleLocalesIt = {
  ...(assessmentsIt satisfies typeof assessmentsEn),
  ...(companyActivityIt satisfies typeof companyActivityEn),
  ...(companyCustomFieldsIt satisfies typeof companyCustomFieldsEn),
  ...(companyDuplicatesIt satisfies typeof companyDuplicatesEn),
  ...(companyImportIt satisfies typeof companyImportEn),
  ...(companyViewsIt satisfies typeof companyViewsEn),
  ...(contactsIt satisfies typeof contactsEn),
  ...(expertsIt satisfies typeof expertsEn),
  ...(interactionsIt satisfies typeof interactionsEn),
  ...(roadmapCatalogueIt satisfies typeof roadmapCatalogueEn),
  ...(roadmapRecordsIt satisfies typeof roadmapRecordsEn),
  ...(projectsIt satisfies typeof projectsEn),
}

export const moduleLocalesEn = {
  ...(assessmentsEn satisfies typeof assessmentsIt),
  ...(companyActivityEn satisfies typeof companyActivityIt),
  ...(companyCustomFieldsEn satisfies typeof companyCustomFieldsIt),
  ...(companyDuplicatesEn satisfies typeof companyDuplicatesIt),
  ...(companyImportEn satisfies typeof companyImportIt),
  ...(companyViewsEn satisfies typeof companyViewsIt),
  ...(contactsEn satisfies typeof contactsIt),
  ...(expertsEn satisfies typeof expertsIt),
  ...(interactionsEn satisfies typeof interactionsIt),
  ...(roadmapCatalogueEn satisfies typeof roadmapCatalogueIt),
  ...(roadmapRecordsEn satisfies typeof roadmapRecordsIt),
  ...(projectsEn satisfies typeof projectsIt),
}
