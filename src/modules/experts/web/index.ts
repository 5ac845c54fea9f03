/** The experts module's web side: the expert's own profile page and the staff's pool page. */
export { MyExpertProfilePage } from './my-expert-profile-page'
export { ExpertsPage, ExpertProfileView } from './experts-page'
export { ExpertStatusBadge } from './expert-status-badge'
export { competenceLabel, competenceOptions } from './expert-labels'
export { expertKeys, type ExpertFilters } from './experts.queries'
