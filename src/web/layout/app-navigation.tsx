import { Stack, Text } from '@mantine/core'
import {
  IconBuildingFactory2,
  IconHistory,
  IconHome,
  IconMailForward,
  IconMailPlus,
  IconSitemap,
  IconUserCircle,
  IconUsers,
  IconAddressBook,
  IconCopy,
  IconAlarm,
  IconClipboardCheck,
  IconBriefcase,
  IconRoute,
  IconUserStar,
  IconId,
  IconListCheck,
  IconCalendarStats,
} from '@tabler/icons-react'
import { type ReactNode, useId } from 'react'
import { useTranslation } from 'react-i18next'
import { canWorkWithCompanies, isCompanyMemberOnly } from '../../modules/companies/web'
import type { Me } from '../../modules/identity/identity.contract'
import { NavLinkLink } from '../ui/router-links'

const icon = (Icon: typeof IconHome): ReactNode => <Icon size={18} stroke={1.6} aria-hidden="true" />

/**
 * The navigation of the shell, one section per area. Only pages that exist are listed.
 */
export function AppNavigation({ me, onNavigate }: { me: Me; onNavigate: () => void }) {
  const { t } = useTranslation()
  return (
    <Stack gap="lg">
      <Stack gap={2}>
        <NavLinkLink to="/" activeOptions={{ exact: true }} label={t('nav.home')} leftSection={icon(IconHome)} onClick={onNavigate} />
      </Stack>

      {canWorkWithCompanies(me) ? (
        <NavSection title={t('nav.sectionCrm')}>
          <NavLinkLink
            to="/companies"
            label={t('nav.companies')}
            leftSection={icon(IconBuildingFactory2)}
            onClick={onNavigate}
          />
          <NavLinkLink to="/contacts" label={t('contacts.nav')} leftSection={icon(IconAddressBook)} onClick={onNavigate} />
          <NavLinkLink to="/follow-ups" label={t('interactions.nav')} leftSection={icon(IconAlarm)} onClick={onNavigate} />
          {/* Staff only, like the rest of the section: the server answers the dashboard to staff roles. */}
          <NavLinkLink to="/assessments" label={t('assessments.hub.nav')} leftSection={icon(IconClipboardCheck)} onClick={onNavigate} />
          <NavLinkLink to="/roadmaps" label={t('roadmapRecords.nav')} leftSection={icon(IconRoute)} onClick={onNavigate} />
          <NavLinkLink to="/projects" search={{}} label={t('projects.nav')} leftSection={icon(IconBriefcase)} onClick={onNavigate} />
          {/* The server sums the support days of the projects staff read (their units). */}
          <NavLinkLink to="/support-days" search={{}} label={t('projects.reports.nav')} leftSection={icon(IconCalendarStats)} onClick={onNavigate} />
          <NavLinkLink to="/experts" label={t('experts.nav.pool')} leftSection={icon(IconUserStar)} onClick={onNavigate} />
          <NavLinkLink
            to="/companies/duplicates"
            label={t('companyDuplicates.nav')}
            leftSection={icon(IconCopy)}
            onClick={onNavigate}
          />
        </NavSection>
      ) : null}

      {/* An expert (not staff) works on the assessments they are named assessor of. */}
      {!canWorkWithCompanies(me) && me.memberships.some((m) => m.role === 'expert') ? (
        <NavSection title={t('assessments.hub.expertSection')}>
          <NavLinkLink to="/assessments" label={t('assessments.hub.nav')} leftSection={icon(IconClipboardCheck)} onClick={onNavigate} />
          <NavLinkLink to="/roadmaps" label={t('roadmapRecords.nav')} leftSection={icon(IconRoute)} onClick={onNavigate} />
          <NavLinkLink to="/projects" search={{ mine: true }} label={t('projects.myNav')} leftSection={icon(IconBriefcase)} onClick={onNavigate} />
          <NavLinkLink to="/support-days" search={{}} label={t('projects.reports.myNav')} leftSection={icon(IconCalendarStats)} onClick={onNavigate} />
          <NavLinkLink to="/expert-profile" label={t('experts.nav.myProfile')} leftSection={icon(IconId)} onClick={onNavigate} />
        </NavSection>
      ) : null}

      {isCompanyMemberOnly(me) ? (
        <NavSection title={t('nav.sectionCrm')}>
          <NavLinkLink
            to="/my-company"
            label={t('companyDuplicates.myCompany.nav')}
            leftSection={icon(IconBuildingFactory2)}
            onClick={onNavigate}
          />
          <NavLinkLink to="/roadmaps" label={t('roadmapRecords.nav')} leftSection={icon(IconRoute)} onClick={onNavigate} />
          <NavLinkLink to="/projects" search={{}} label={t('projects.nav')} leftSection={icon(IconBriefcase)} onClick={onNavigate} />
        </NavSection>
      ) : null}

      {/* A company member works on their own company only: the hub's network is not theirs to browse. */}
      {isCompanyMemberOnly(me) ? null : (
        <NavSection title={t('nav.sectionNetwork')}>
          <NavLinkLink to="/network" label={t('nav.network')} leftSection={icon(IconSitemap)} onClick={onNavigate} />
          <NavLinkLink to="/users" label={t('nav.users')} leftSection={icon(IconUsers)} onClick={onNavigate} />
          <NavLinkLink
            to="/invitations"
            label={t('nav.invitations')}
            leftSection={icon(IconMailPlus)}
            onClick={onNavigate}
          />
          <NavLinkLink to="/roadmaps/catalogue" label={t('roadmapCatalogue.nav')} leftSection={icon(IconListCheck)} onClick={onNavigate} />
        </NavSection>
      )}

      <NavSection title={t('nav.sectionSystem')}>
        {/* The server shows the log to network admins and unit managers only. */}
        {me.isNetworkAdmin || me.managedUnitIds.length > 0 ? (
          <NavLinkLink to="/audit" label={t('nav.audit')} leftSection={icon(IconHistory)} onClick={onNavigate} />
        ) : null}
        {me.isNetworkAdmin ? (
          <NavLinkLink to="/outbox" label={t('nav.outbox')} leftSection={icon(IconMailForward)} onClick={onNavigate} />
        ) : null}
        <NavLinkLink to="/profile" label={t('nav.profile')} leftSection={icon(IconUserCircle)} onClick={onNavigate} />
      </NavSection>
    </Stack>
  )
}

function NavSection({ title, children }: { title: string; children: ReactNode }) {
  const titleId = useId()
  return (
    <Stack gap={2} role="group" aria-labelledby={titleId}>
      <Text id={titleId} size="xs" fw={700} tt="uppercase" c="dimmed" px="sm">
        {title}
      </Text>
      {children}
    </Stack>
  )
}
